"""Settings → Keep in Touch: the default cadence of each verdict and each tag's cadence,
saved on OK (the overdue list follows), put back by Restore Defaults, and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel

from desktop_app.insights.keep_in_touch import VERDICT_DEFAULTS
from desktop_app.store import keep_in_touch
from desktop_app.store.database import open_database
from desktop_app.store.preferences import read_tag_cadences
from desktop_app.ui.shell.settings_dialog import SettingsDialog
from tests.ui.dialogs import when_dialog_opens

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel
DEFAULTS = QDialogButtonBox.StandardButton.RestoreDefaults


def stored(db_path: Path) -> tuple[dict[str, str], dict[str, str | None], set[str]]:
    """The verdicts' default cadences, the tags' cadences, and who is overdue by name."""
    db = open_database(str(db_path))
    try:
        overdue = {row.name for row in keep_in_touch.read_overdue(db)}
        tags = {tag.name: tag.cadence for tag in read_tag_cadences(db)}
        return keep_in_touch.read_cadence_defaults(db), tags, overdue
    finally:
        db.close()


def tag_combo(dialog: SettingsDialog, name: str) -> QComboBox:
    tag = next(t for t in dialog.keep_in_touch.tags if t.name == name)
    return dialog.keep_in_touch.tag_combos[tag.tag_id]


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def settled(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.insights.busy, timeout=10_000)


def test_a_verdicts_default_cadence_changes_who_is_overdue(
    qtbot, small_window, db_path: Path
) -> None:
    settled(qtbot, small_window)  # everyone is scored Nurture: quarterly, nobody overdue
    assert stored(db_path)[2] == set()
    seen: dict[str, object] = {}

    def every_day(dialog: SettingsDialog) -> None:
        dialog.tabs.setCurrentWidget(dialog.keep_in_touch)
        combos = dialog.keep_in_touch.verdict_combos
        seen["shown"] = [combos[v].currentText() for v in VERDICT_DEFAULTS]
        seen["note"] = dialog.findChild(QLabel, "rescoreNote").isVisible()
        choose(combos["nurture"], "At once")
        dialog.buttons.button(OK).click()

    opened = when_dialog_opens(every_day, SettingsDialog)
    small_window.actions["settings"].trigger()
    assert opened
    assert seen == {
        "shown": ["Monthly", "Every 2 weeks", "At once", "Quarterly", "Never"],
        "note": False,  # cadences rescore nobody
    }
    defaults, _tags, overdue = stored(db_path)
    assert defaults == {**VERDICT_DEFAULTS, "nurture": "now"}
    # Ada and Chen were in touch 10 and 3 days ago; Bob and Emil were added today.
    assert overdue == {"Ada Lovelace", "Chen Wei"}


def test_a_tags_cadence_reaches_whoever_carries_it(qtbot, small_window, db_path: Path) -> None:
    settled(qtbot, small_window)
    seen: dict[str, object] = {}

    def mentor_at_once(dialog: SettingsDialog) -> None:
        dialog.tabs.setCurrentWidget(dialog.keep_in_touch)
        seen["tags"] = [t.name for t in dialog.keep_in_touch.tags]
        seen["mentor"] = tag_combo(dialog, "mentor").currentText()
        choose(tag_combo(dialog, "mentor"), "At once")
        dialog.buttons.button(OK).click()

    when_dialog_opens(mentor_at_once, SettingsDialog)
    small_window.actions["settings"].trigger()
    assert seen == {"tags": ["alumni", "climate", "mentor"], "mentor": "None"}
    defaults, tags, overdue = stored(db_path)
    assert tags == {"alumni": None, "climate": None, "mentor": "now"}
    assert defaults == VERDICT_DEFAULTS
    assert overdue == {"Ada Lovelace"}  # Chen carries no tag: quarterly still


def test_restore_defaults_and_cancel(qtbot, small_window, db_path: Path) -> None:
    db = open_database(str(db_path))
    keep_in_touch.write_cadence_defaults(db, {"nurture": "2m", "prioritise": "12m"})
    mentor = next(t.tag_id for t in read_tag_cadences(db) if t.name == "mentor")
    keep_in_touch.set_tag_cadence(db, mentor, "1m")
    db.close()
    before = stored(db_path)
    seen: dict[str, object] = {}

    def restore_then(button: QDialogButtonBox.StandardButton):  # type: ignore[no-untyped-def]
        def act(dialog: SettingsDialog) -> None:
            dialog.tabs.setCurrentWidget(dialog.keep_in_touch)
            combos = dialog.keep_in_touch.verdict_combos
            seen["stored"] = (
                combos["nurture"].currentText(),
                tag_combo(dialog, "mentor").currentText(),
            )
            choose(combos["move_on"], "Yearly")
            dialog.buttons.button(DEFAULTS).click()
            seen["restored"] = (
                [combos[v].currentText() for v in VERDICT_DEFAULTS],
                tag_combo(dialog, "mentor").currentText(),
            )
            dialog.buttons.button(button).click()

        return act

    when_dialog_opens(restore_then(CANCEL), SettingsDialog)
    small_window.actions["settings"].trigger()
    assert seen == {
        "stored": ("Every 2 months", "Monthly"),
        "restored": (["Monthly", "Every 2 weeks", "At once", "Quarterly", "Never"], "None"),
    }
    assert stored(db_path) == before  # Cancel: nothing written

    when_dialog_opens(restore_then(OK), SettingsDialog)
    small_window.actions["settings"].trigger()
    defaults, tags, _overdue = stored(db_path)
    assert defaults == VERDICT_DEFAULTS
    assert tags["mentor"] is None
