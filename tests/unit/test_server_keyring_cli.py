"""The command line takes a server's password from the system keyring, where the window
keeps it, before libpq's password file, and never prints it."""

from __future__ import annotations

from pathlib import Path

from desktop_app.server_address import ServerAddress
from tests.postgres_server import PASSWORD, PASSWORD_USER
from tests.unit.file_keyring import keyring_env
from tests.unit.processes import run_netwise

LINKEDIN = Path(__file__).parents[1] / "data" / "exchange" / "linkedin-2024.csv"


def password_file(path: Path, password: str) -> Path:
    path.write_text(f"*:*:*:*:{password}\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def test_the_keyring_gives_the_command_line_its_password(
    postgres_server, tmp_path: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    folder, port = str(postgres_server.folder), postgres_server.port
    # As the server dialog keeps it: under the address it makes, without the password.
    kept_under = ServerAddress(folder, name, PASSWORD_USER, port).url()
    empty = postgres_server.create_database()
    copy_target = ServerAddress(folder, empty, PASSWORD_USER, port).url()
    env = keyring_env(tmp_path / "keyring.json", {kept_under: PASSWORD, copy_target: PASSWORD})
    env["PGPASSFILE"] = str(password_file(tmp_path / "pgpass", "not the password"))
    env.pop("PGPASSWORD", None)
    typed = f"postgresql://{PASSWORD_USER}@/{name}?port={port}&host={folder}"
    try:
        imported = run_netwise("--db", typed, "import", "linkedin", str(LINKEDIN), env=env)
        assert imported.returncode == 0, imported.stderr
        review = run_netwise("--db", kept_under, "review", env=env)
        assert review.returncode == 0, review.stderr
        assert "Are you networking with the wrong people?" in review.stdout
        # copy-database opens its target the same way.
        source = tmp_path / "laptop.sqlite3"
        made = run_netwise("--db", str(source), "import", "linkedin", str(LINKEDIN), env=env)
        assert made.returncode == 0, made.stderr
        copied = run_netwise("copy-database", str(source), copy_target, env=env)
        assert copied.returncode == 0, copied.stderr
        assert "Verified" in copied.stdout
        logged = "".join(p.read_text() for p in data_dir.rglob("*.log"))
        runs = (imported, review, copied)
        for shown in (*(r.stdout for r in runs), *(r.stderr for r in runs), logged):
            assert PASSWORD not in shown
    finally:
        postgres_server.drop_database(name)
        postgres_server.drop_database(empty)


def test_without_a_password_in_the_keyring_the_server_asks_for_one_in_one_line(
    postgres_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    address = ServerAddress(str(postgres_server.folder), name, PASSWORD_USER, postgres_server.port)
    env = keyring_env(tmp_path / "keyring.json", {})
    env["PGPASSFILE"] = str(tmp_path / "no-pgpass")
    env.pop("PGPASSWORD", None)
    try:
        result = run_netwise("--db", address.url(), "review", env=env)
        assert result.returncode != 0 and result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "wants a password" in lines[0] and "keep it in the system keyring" in lines[0]
    finally:
        postgres_server.drop_database(name)


def test_a_service_file_names_the_server_and_gives_its_password(
    postgres_server, tmp_path: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    services = tmp_path / "pg_service.conf"
    services.write_text(
        "[network]\n"
        f"host={postgres_server.folder}\nport={postgres_server.port}\n"
        f"dbname={name}\nuser={PASSWORD_USER}\npassword={PASSWORD}\n",
        encoding="utf-8",
    )
    services.chmod(0o600)
    env = keyring_env(tmp_path / "keyring.json", {})
    env["PGSERVICEFILE"] = str(services)
    env["PGPASSFILE"] = str(tmp_path / "no-pgpass")
    env.pop("PGPASSWORD", None)
    address = "postgresql+psycopg:///?service=network"
    try:
        imported = run_netwise("--db", address, "import", "linkedin", str(LINKEDIN), env=env)
        assert imported.returncode == 0, imported.stderr
        review = run_netwise("--db", address, "review", env=env)
        assert review.returncode == 0, review.stderr
        assert "Are you networking with the wrong people?" in review.stdout
        with postgres_server.admin(name) as connection:
            (count,) = connection.execute("SELECT count(*) FROM contacts").fetchone()
        assert count > 0
        logged = "".join(p.read_text() for p in data_dir.rglob("*.log"))
        for shown in (imported.stdout, imported.stderr, review.stdout, review.stderr, logged):
            assert PASSWORD not in shown
    finally:
        postgres_server.drop_database(name)
