"""Headless commands of the command line: they join the store, the file formats and the
insights (``netwise import``, ``export``, ``review``, ``stats``, ...).

A layer of its own above ``store`` and ``exchange`` and beside ``ui``; it never imports
Qt. Modules import their heavy dependencies inside the functions that run a command, so
that ``netwise --help`` stays instant.
"""
