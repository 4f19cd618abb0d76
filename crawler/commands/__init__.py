"""Subcommands of ``healthcorpus``: one module each, with ``register`` and ``run``.

A new command (validate, stats ...) is a new module here plus one line in ``cli.py``.
"""
