"""``--demo`` for every command: the demo network is built before the command runs.

Building it here, once for all commands, means ``netwise --demo export json`` on a new
data folder exports the demo network, as ``--demo review`` reviews it, instead of an
empty database that the command would otherwise create.
"""

from __future__ import annotations


def prepare_demo() -> str | None:
    """Build the demo database if it is missing or empty: None, or why it cannot be."""
    from pathlib import Path

    from desktop_app import paths
    from desktop_app.store.demo import open_demo_database
    from desktop_app.store.errors import StoreError

    target = paths.resolve_database(None, demo=True)
    try:
        paths.ensure_private_dir(Path(target).parent)
        open_demo_database(target).close()
    except StoreError as exc:
        return exc.message
    except OSError as exc:
        return f"cannot create the demo database in “{Path(target).parent}”: {exc.strerror}."
    return None
