"""Icons shipped in resources/, loaded through importlib.resources (works frozen too)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/<name>.svg`` (an empty icon if it is missing)."""
    resource = files("desktop_app.resources").joinpath("icons", f"{name}.svg")
    return QIcon(str(resource)) if resource.is_file() else QIcon()


@cache
def app_icon() -> QIcon:
    resource = files("desktop_app.resources").joinpath("app", "netwise.svg")
    return QIcon(str(resource))
