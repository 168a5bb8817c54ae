"""Headless commands (``netwise review``, ``netwise stats``, ...): no window, no Qt.

Each module offers ``add_*_arguments`` and ``run_*`` functions that ``desktop_app.cli``
registers as subcommands; the store is imported only when a command runs, so ``--help``
stays instant.
"""
