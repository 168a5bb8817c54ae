"""``desktop_app.resources`` is the top-level resources/ folder, mapped by pyproject's
package-dir; PyInstaller's module search does not know that mapping, so point it there."""

import importlib.util
from pathlib import Path


def pre_find_module_path(api):  # type: ignore[no-untyped-def]
    spec = importlib.util.find_spec("desktop_app.resources")
    if spec is not None and spec.submodule_search_locations:
        api.search_dirs = [str(Path(next(iter(spec.submodule_search_locations))).parent)]
