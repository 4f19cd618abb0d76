"""Build the compiled walks (optional: without a C compiler the Python ones run)."""

from setuptools import Extension, setup

COMPILED = ("_blockwalk", "_langwalk")  # cleaning/extractor/<name>.pyx

try:
    from Cython.Build import cythonize
except ImportError:  # building from a tree without Cython: the Python walk only
    extensions = []
else:
    extensions = cythonize(
        [
            Extension(f"cleaning.extractor.{n}", [f"cleaning/extractor/{n}.pyx"], optional=True)
            for n in COMPILED
        ],
        language_level=3,
        quiet=True,
    )

setup(ext_modules=extensions)
