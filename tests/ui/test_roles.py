"""Custom item roles: one number per meaning, whichever model a view reads."""

from __future__ import annotations

from pathlib import Path

from desktop_app.ui.common import roles

UI = Path(roles.__file__).resolve().parents[1]


def test_every_custom_role_has_its_own_number_and_one_home() -> None:
    named = {name: int(value) for name, value in vars(roles).items() if name.endswith("_ROLE")}
    assert len(set(named.values())) == len(named)
    elsewhere = [
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if path.name != "roles.py" and "UserRole +" in path.read_text(encoding="utf-8")
    ]
    assert elsewhere == []


def test_every_custom_role_is_one_of_qts_roles_for_applications() -> None:
    from PySide6.QtCore import Qt

    named = [value for name, value in vars(roles).items() if name.endswith("_ROLE")]
    assert min(named) > Qt.ItemDataRole.UserRole


def test_a_follow_up_and_the_contacts_table_name_the_same_contact(qtbot, small_window) -> None:
    window = small_window
    window.show_page("followups")
    followups = window.page("followups").model
    overdue = followups.group_index("overdue")
    row = followups.index(0, 0, overdue)
    assert row.data() == "Ada Lovelace"
    contacts = window.page("contacts").model
    ada = next(
        contacts.index(r, 0).data(roles.CONTACT_ID_ROLE)
        for r in range(contacts.rowCount())
        if contacts.index(r, 0).data() == "Ada Lovelace"
    )
    assert row.data(roles.CONTACT_ID_ROLE) == ada
