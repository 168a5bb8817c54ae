"""The detail pane: one contact's every field, open follow-ups, timeline, and actions.

Every label that shows user data is plain text (never rich text), so a name like
``<b>Ann</b>`` shows literally. Lists (timeline, follow-ups) are model/views: a contact
with hundreds of interactions opens as fast as one with none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common import labels
from desktop_app.ui.common.widgets.plain_label import plain_label, shortened
from desktop_app.ui.contacts.fit_section import FitSection
from desktop_app.ui.contacts.keep_in_touch_section import (
    KeepInTouchRow,
    birthday_text,
    touch_text,
)
from desktop_app.ui.contacts.timeline_model import (
    FOLLOWUP_COLUMNS,
    TIMELINE_COLUMNS,
    InteractionListModel,
)
from desktop_app.validation import MAX_FREE_TEXT

if TYPE_CHECKING:
    from desktop_app.store.records import ContactDetail
    from desktop_app.ui.common.keep_in_touch_operations import KeepInTouchOperations

NONE = "—"
MINIMUM_WIDTH = 280
HEADING_CHARACTERS = 160
# key, menu text, button text (short: four fit a narrow pane), explanation
QUICK_ACTIONS = (
    ("outreach", "Log &Outreach", "Outreach", "I sent them a message; it awaits a reply"),
    ("replied", "Mark &Replied", "Replied", "They replied to my latest message awaiting a reply"),
    ("help_given", "Log Help &Given", "Gave Help", "I helped them (small; edit it to change)"),
    ("help_received", "Log Help Re&ceived", "Got Help", "They helped me (small; edit to change)"),
)
# How to reach them and where we met first, as in an address book; the scoring follows.
FIELDS = (
    ("emails", "E-mail"),
    ("phones", "Phone"),
    ("linkedin_url", "LinkedIn"),
    ("birthday", "Birthday"),
    ("how_met", "How we met"),
    ("met_at", "Met at"),
    ("location", "Location"),
    ("industry", "Industry"),
    ("seniority", "Seniority"),
    ("circle", "Circle"),
    ("status", "Status"),
    ("tags", "Tags"),
    ("events", "Events"),
    ("can_help_with", "They can help with"),
    ("i_can_offer", "I can offer"),
    ("shared_interests", "Shared interests"),
    ("notes", "Notes"),
    ("last_contact", "Last contact"),
    ("next_followup", "Next follow-up"),
    ("keep_in_touch", "Keep in touch"),
    ("added", "Added"),
)


def _list_view(parent: QWidget, model: InteractionListModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    # Widths from each column's usual widest text: measuring every row would cost more
    # than reading a contact with hundreds of interactions.
    metrics = view.fontMetrics()
    for column, spec in enumerate(model.columns):
        sample = max(spec.sample, spec.title, key=metrics.horizontalAdvance)
        view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 18)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view


CHOOSE_ONE = "Select a contact to see everything about them here."


class ContactDetailPane(QWidget):
    edit_requested = Signal()
    log_requested = Signal()
    quick_action = Signal(str)  # a key of QUICK_ACTIONS
    edit_interaction = Signal(int)
    delete_interaction = Signal(int)
    followup_action = Signal(str, list)  # "done" / "snooze" / "reschedule", interaction ids

    def __init__(
        self, parent: QWidget | None = None, keep_in_touch: KeepInTouchOperations | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactDetail")
        self._keep_in_touch = keep_in_touch
        self.detail: ContactDetail | None = None
        self.stack = QStackedWidget(self)
        self.empty = QLabel(CHOOSE_ONE, self)
        self.empty.setObjectName("detailEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        self.body = QWidget(self)
        self.stack.addWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._build_body()
        # A width of its own buttons, not of the contact's text: a long name neither widens
        # the window nor moves the splitter beside the table from one contact to the next.
        margins = self.body.layout().contentsMargins()
        buttons = self._quick_row.sizeHint().width() + margins.left() + margins.right()
        self.setMinimumWidth(max(MINIMUM_WIDTH, buttons))

    # -- construction ------------------------------------------------------------------
    def _build_body(self) -> None:
        self.name = plain_label(self.body, "detailName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name.setFont(font)
        self.subtitle = plain_label(self.body, "detailSubtitle")
        self.edit_button = QPushButton("&Edit…", self.body)
        self.edit_button.setToolTip("Edit this contact (F2)")
        self.edit_button.clicked.connect(self.edit_requested)
        self.log_button = QPushButton("&Log Interaction…", self.body)
        self.log_button.setToolTip("Log a message, call or meeting with this contact (Ctrl+L)")
        self.log_button.clicked.connect(self.log_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        quick = self._quick_row = QHBoxLayout()
        quick.addWidget(QLabel("Quick log:", self.body))
        self.quick_buttons: dict[str, QToolButton] = {}
        for key, _menu_text, text, tip in QUICK_ACTIONS:
            button = QToolButton(self.body)
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(f"quick_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.quick_action.emit(k))
            quick.addWidget(button)
            self.quick_buttons[key] = button
        quick.addStretch(1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self.body)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_fields())
        lower = QWidget(self.body)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self._build_followups())
        lower_layout.addWidget(self._build_timeline(), 1)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([420, 220])  # the fields and fit above; a few interactions below

        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.name)
        layout.addWidget(self.subtitle)
        layout.addLayout(buttons)
        layout.addLayout(quick)
        layout.addWidget(self.splitter, 1)

    def _build_fields(self) -> QScrollArea:
        scroll = QScrollArea(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Text wraps to the pane's width: sentences are read down, never scrolled across.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(scroll)
        # As wide as the scroll area shows, never wider: text wraps rather than running
        # on under the scroll bar.
        holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(holder)
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        form = QFormLayout()
        column.addLayout(form)
        column.addSpacing(8)
        self.fit = FitSection(holder)
        column.addWidget(self.fit)
        column.addStretch(1)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.fields: dict[str, QLabel] = {}
        for key, caption in FIELDS:
            value = plain_label(holder, f"field_{key}")
            self.fields[key] = value
            if key == "keep_in_touch":  # with its menu: change the cadence, snooze
                self.touch_row = KeepInTouchRow(value, self._keep_in_touch, holder)
            form.addRow(f"{caption}:", self.touch_row if key == "keep_in_touch" else value)
        scroll.setWidget(holder)
        self.fields_scroll = scroll
        return scroll

    def _build_followups(self) -> QWidget:
        box = QWidget(self.body)
        self.followups_title = QLabel(box)
        self.followups_model = InteractionListModel(FOLLOWUP_COLUMNS, self)
        self.followups = _list_view(box, self.followups_model, "detailFollowups")
        self.followups.customContextMenuRequested.connect(self._followup_menu)
        row = QHBoxLayout()
        row.addWidget(self.followups_title, 1)
        self.followup_buttons = {}
        for key, text, tip in (
            ("done", "Done", "Mark the selected follow-ups done"),
            ("snooze", "Snooze a Week", "Move the selected follow-ups a week later"),
            ("reschedule", "Reschedule…", "Choose a new date for the selected follow-ups"),
        ):
            button = QToolButton(box)
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(f"followup_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self._emit_followup(k))
            row.addWidget(button)
            self.followup_buttons[key] = button
        # A few rows at most in view; the pane hides the list when nothing is due.
        self.followups.setMaximumHeight(
            self.followups.verticalHeader().defaultSectionSize() * 4 + 30
        )
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.followups)
        return box

    def _build_timeline(self) -> QWidget:
        box = QWidget(self.body)
        self.timeline_title = QLabel(box)
        self.timeline_model = InteractionListModel(TIMELINE_COLUMNS, self)
        self.timeline = _list_view(box, self.timeline_model, "detailTimeline")
        self.timeline.doubleClicked.connect(lambda index: self._emit_interaction(index.row()))
        self.timeline.customContextMenuRequested.connect(self._timeline_menu)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.timeline_title)
        layout.addWidget(self.timeline)
        return box

    # -- showing a contact -----------------------------------------------------------
    def set_anyone_to_choose(self, anyone: bool) -> None:
        """No "Select a contact" beside a table with nobody in it (its empty state says why)."""
        self.empty.setText(CHOOSE_ONE if anyone else "")

    def show_detail(self, detail: ContactDetail | None) -> None:
        if detail is None and self.detail is None and self.stack.currentWidget() is self.empty:
            return  # nothing shown, nothing to show
        another = detail is None or self.detail is None or detail.id != self.detail.id
        self.detail = detail
        if detail is None:
            self.stack.setCurrentWidget(self.empty)
            self.timeline_model.set_records([])
            self.followups_model.set_records([])
            return
        contact = detail.contact
        # The heading stays a few lines long; the fields below show every character.
        self.name.setText(shortened(detail.full_name, HEADING_CHARACTERS))
        where = " at ".join(part for part in (contact.title, contact.company) if part)
        self.subtitle.setText(shortened(where, 2 * HEADING_CHARACTERS) or "No title or company yet")
        values = {
            "emails": "\n".join(_labelled(v.value, v.label) for v in contact.emails),
            "phones": "\n".join(_labelled(v.value, v.label) for v in contact.phones),
            "linkedin_url": contact.linkedin_url,
            "location": contact.location,
            "industry": contact.industry,
            "seniority": labels.SENIORITY.get(contact.seniority or "", ""),
            "circle": labels.CIRCLE.get(contact.circle, ""),
            "status": labels.STATUS.get(contact.status, ""),
            "tags": ", ".join(contact.tags),
            "how_met": contact.how_met,
            "met_at": detail.met_at_event,
            "events": "\n".join(
                f"{e.name} ({labels.format_date(e.starts_at)}, {e.role})" for e in detail.events
            ),
            "can_help_with": contact.can_help_with,
            "i_can_offer": contact.i_can_offer,
            "shared_interests": contact.shared_interests,
            "notes": contact.notes,
            "last_contact": labels.format_date(detail.last_interaction_on),
            "next_followup": labels.format_date(detail.next_followup_on),
            "birthday": birthday_text(contact.birthday),
            "keep_in_touch": touch_text(detail.keep_in_touch) if detail.keep_in_touch else "",
            "added": labels.format_date(detail.created_at),
        }
        for key, label in self.fields.items():
            # A note stored before fields had limits may run to millions of characters,
            # which a label takes minutes to lay out: shown as far as a note goes now.
            label.setText(shortened(values[key], MAX_FREE_TEXT + 1) or NONE)
        self.touch_row.show_detail(detail)
        self.timeline_model.set_records(detail.interactions)
        self.followups_model.set_records(detail.open_followups)
        count = len(detail.interactions)
        self.timeline_title.setText(
            f"Timeline · {count} interaction{'s' * (count != 1)}, newest first"
            if count
            else "Timeline · nothing logged yet (Ctrl+L logs an interaction)"
        )
        due = len(detail.open_followups)
        self.followups_title.setText(f"Open follow-ups · {due}" if due else "No open follow-ups")
        self.followups.setVisible(bool(due))
        for button in self.followup_buttons.values():
            button.setVisible(bool(due))
        if another:  # a new contact is read from the top, not where the last one was left
            self.fields_scroll.verticalScrollBar().setValue(0)
        self.stack.setCurrentWidget(self.body)

    # -- actions ---------------------------------------------------------------------
    def _emit_interaction(self, row: int) -> None:
        record = self.timeline_model.record(row)
        if record is not None:
            self.edit_interaction.emit(record.id)

    def selected_followups(self) -> list[int]:
        rows = sorted({i.row() for i in self.followups.selectionModel().selectedRows()})
        if not rows and self.followups.currentIndex().isValid():
            rows = [self.followups.currentIndex().row()]
        if not rows and self.followups_model.rowCount() == 1:
            rows = [0]
        return [r.id for row in rows if (r := self.followups_model.record(row))]

    def _emit_followup(self, key: str) -> None:
        ids = self.selected_followups()
        if ids:
            self.followup_action.emit(key, ids)

    def _timeline_menu(self, position: QPoint) -> None:
        record = self.timeline_model.record(self.timeline.indexAt(position).row())
        if record is None:
            return
        menu = QMenu(self)
        menu.addAction("Edit Interaction…", lambda: self.edit_interaction.emit(record.id))
        menu.addAction("Delete Interaction", lambda: self.delete_interaction.emit(record.id))
        menu.exec(self.timeline.viewport().mapToGlobal(position))

    def _followup_menu(self, position: QPoint) -> None:
        if not self.followups.indexAt(position).isValid():
            return
        menu = QMenu(self)
        for key, button in self.followup_buttons.items():
            menu.addAction(button.text(), lambda k=key: self._emit_followup(k))
        menu.exec(self.followups.viewport().mapToGlobal(position))


def _labelled(value: str, label: str) -> str:
    return f"{value} ({label})" if label else value
