"""Build the compiled walks (optional: without a C compiler the Python ones run)."""

from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:  # building from a tree without Cython: the Python walk only
    extensions = []
else:
    extensions = cythonize(
        [
            Extension("cleaning._blockwalk", ["cleaning/_blockwalk.pyx"], optional=True),
            Extension("cleaning._langwalk", ["cleaning/_langwalk.pyx"], optional=True),
        ],
        language_level=3,
        quiet=True,
    )

setup(ext_modules=extensions)
