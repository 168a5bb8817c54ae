"""Rules of the project's layout that a wrong change would quietly break."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_folder_is_installed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "desktop_app").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_packaging_folder_never_shadows_the_packaging_library() -> None:
    assert not (ROOT / "packaging" / "__init__.py").exists()


def test_modules_stay_small() -> None:
    too_big = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "desktop_app").rglob("*.py")
        if "versions" not in path.parts and (n := len(path.read_text().splitlines())) > 400
    }
    assert not too_big, too_big


def test_version_is_defined_once() -> None:
    from desktop_app import __version__

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in config["project"]["dynamic"]
    assert __version__.count(".") == 2
