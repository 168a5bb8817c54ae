"""Rules of the project's layout that a wrong change would quietly break."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_packages_are_found_not_listed_and_resources_install_in_the_package() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "packages" not in setuptools, "a hand-kept list misses the next new package"
    assert setuptools["package-dir"] == {
        "desktop_app": "desktop_app",
        "desktop_app.resources": "resources",
    }


def test_running_installs_no_development_tools() -> None:
    """`make run` installs the dependencies only; each tool set comes with its target."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    running = " ".join(project["dependencies"]).casefold()
    for tool in ("pytest", "ruff", "pyinstaller", "import-linter", "pillow"):
        assert tool not in running
    makefile = (ROOT / "Makefile").read_text()
    assert "EXTRAS_run :=\n" in makefile
    # tests/packaging freezes the program; the store tests run on PostgreSQL too.
    assert "EXTRAS_test := [test,package,postgres]" in makefile
    assert "run: $(VENV)/.installed-run\n" in makefile


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


def _imported_modules(tree: ast.Module) -> list[str]:
    """Every module an import statement names (``from a import b`` names ``a`` and ``a.b``)."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            found += [base, *(f"{base}.{alias.name}" for alias in node.names)]
    return found


def test_no_test_module_imports_another() -> None:
    """Code shared by tests lives in helper modules and conftest.py, where a reader looks
    for it; a test file must not lean on another test file's insides."""
    offenders = sorted(
        f"{path.relative_to(ROOT)} imports {module}"
        for path in (ROOT / "tests").rglob("*.py")
        for module in _imported_modules(ast.parse(path.read_text()))
        if module.rpartition(".")[2].startswith("test_")
    )
    assert not offenders, "\n".join(offenders)
