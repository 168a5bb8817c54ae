"""The Contacts page's selection and filter as the export and print dialogs take them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ui.common.widgets.contact_scope import ContactScope

if TYPE_CHECKING:
    from desktop_app.ui.contacts.table_model import ContactTableModel


def scope_of_table(model: ContactTableModel, selected: list[int]) -> ContactScope:
    """The scope of a contacts table: its ``selected`` ids, and the rows its filter shows
    (read when asked)."""
    return ContactScope(
        selected=tuple(selected),
        shown=lambda: [i for row in range(model.rowCount()) if (i := model.contact_id(row))],
        shown_count=model.rowCount(),
        total=model.total,
        contact_filter=model.contact_filter,
    )
