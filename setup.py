"""Build the compiled walks (optional: without a C compiler the Python ones run)."""

from setuptools import Extension, setup

# cleaning/extractor/<name>.pyx: the page walk, the language walk, the content chooser's
# container scores, the block scorer's trees and features
COMPILED = ("_blockwalk", "_langwalk", "_contentscore", "scorer/_forest", "scorer/_features")

try:
    from Cython.Build import cythonize
except ImportError:  # building from a tree without Cython: the Python walk only
    extensions = []
else:
    extensions = cythonize(
        [
            Extension(
                "cleaning.extractor." + n.replace("/", "."),
                [f"cleaning/extractor/{n}.pyx"],
                optional=True,
            )
            for n in COMPILED
        ],
        language_level=3,
        quiet=True,
    )

setup(ext_modules=extensions)
