"""The goal and pitch wizard: seven pages, nothing written until Finish.

Finish saves a new goal version and a new pitch version in one transaction; Cancel (or
Escape) closes without writing, after asking when answers were typed. On first start a
"Skip for Now" button records that the user put it off, so it does not come back until
they open it from the Goal & Pitch page.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.ui.common.messages import Button, ask, warn
from desktop_app.ui.common.undo import retrying
from desktop_app.ui.goal.wizard.base import GoalWizardPage
from desktop_app.ui.goal.wizard.page_goal import GoalTypePage
from desktop_app.ui.goal.wizard.page_helpers import WhoCanHelpPage
from desktop_app.ui.goal.wizard.page_pitch import PitchPage
from desktop_app.ui.goal.wizard.page_profile import ProfileChecklistPage
from desktop_app.ui.goal.wizard.page_summary import SummaryPage
from desktop_app.ui.goal.wizard.page_targets import TargetsPage
from desktop_app.ui.goal.wizard.page_time import TimeMeasuresPage

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.store.goals import SavedVersion

SKIP_BUTTON = QWizard.WizardButton.CustomButton1


class GoalWizard(QWizard):
    """Edits a copy of ``profile`` and ``pitch`` (the active version, or empty ones)."""

    saved = Signal(object)  # SavedVersion, after Finish wrote it
    skipped = Signal()

    def __init__(
        self,
        database: Database,
        profile: GoalProfile | None = None,
        pitch: PitchDraft | None = None,
        *,
        today: dt.date | None = None,
        first_start: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        from desktop_app.store.goals import active_goal_version

        super().__init__(parent)
        self.setObjectName("goalWizard")
        self.setWindowTitle("Goal & Pitch Wizard")
        self.database = database
        self.initial_profile = profile or GoalProfile()
        self.initial_pitch = pitch or PitchDraft()
        self.today = today or dt.date.today()
        self.saved_version: SavedVersion | None = None
        # The goal this edit starts from: a goal saved elsewhere meanwhile is not replaced.
        self.based_on = active_goal_version(database)
        if sys.platform != "darwin":
            self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.goal_type_page = GoalTypePage()
        self.targets_page = TargetsPage()
        self.helpers_page = WhoCanHelpPage()
        self.time_page = TimeMeasuresPage()
        self.pitch_page = PitchPage()
        self.profile_page = ProfileChecklistPage()
        self.summary_page = SummaryPage()
        self.goal_pages: tuple[GoalWizardPage, ...] = (
            self.goal_type_page,
            self.targets_page,
            self.helpers_page,
            self.time_page,
            self.pitch_page,
            self.profile_page,
            self.summary_page,
        )
        for page in self.goal_pages:
            self.addPage(page)
        if first_start:
            self.setOption(QWizard.WizardOption.HaveCustomButton1)
            self.setButtonText(SKIP_BUTTON, "S&kip for Now")
            self.button(SKIP_BUTTON).setObjectName("skipWizard")
            self.button(SKIP_BUTTON).setToolTip(
                "Close the wizard and do not show it at start again. You can open it from "
                "the Goal & Pitch page at any time."
            )
            self.customButtonClicked.connect(self._custom_button)
            self.button(QWizard.WizardButton.CancelButton).setToolTip(
                "Close the wizard without saving; it opens again at the next start."
            )
            self.goal_type_page.first_start_note.show()
        # QWizard gives the focus to a page's first child in the focus chain and then
        # announces the page: that is the moment to put the cursor where typing starts.
        self.currentIdChanged.connect(self._focus_first_field)
        # A click on the disabled Next or Finish is a try to go on: the page says why not.
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            self.button(which).installEventFilter(self)
        self.setMinimumSize(760, 600)
        self.resize(900, 700)

    def _focus_first_field(self, _page_id: int) -> None:
        page = self.currentPage()
        field = page.first_field() if isinstance(page, GoalWizardPage) else None
        if field is not None:
            field.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(watched, QWidget)
            and not watched.isEnabled()
            and isinstance(page := self.currentPage(), GoalWizardPage)
        ):
            page.tried_to_go_on()
        return super().eventFilter(watched, event)

    def goal_type(self) -> str:
        """The goal type chosen on the first page."""
        return self.goal_type_page.goal_type()

    def current(self) -> tuple[GoalProfile, PitchDraft]:
        """The answers so far: each page shown at least once puts in its values."""
        profile, pitch = self.initial_profile, self.initial_pitch
        for page in self.goal_pages:
            if page.loaded:
                profile, pitch = page.apply(profile, pitch)
        return profile, pitch

    def accept(self) -> None:
        """Finish: save a new goal and pitch version; on a store error, say so and stay."""
        from desktop_app.store.errors import ConnectionLostError, StoreError
        from desktop_app.store.goals import save_goal_version

        profile, pitch = self.current()
        try:
            self.saved_version = retrying(
                self,
                lambda: save_goal_version(self.database, profile, pitch, based_on=self.based_on),
            )
        except ConnectionLostError:
            return  # said already, and Cancel chosen: the answers stay for another try
        except StoreError as exc:
            warn(self, "The goal was not saved", exc.message, name="wizardSaveError")
            return
        self.saved.emit(self.saved_version)
        super().accept()

    def reject(self) -> None:
        """Cancel, Escape or closing: after asking, when answers were typed, to drop them."""
        if self.discard_answers():
            super().reject()

    def discard_answers(self) -> bool:
        """True when nothing was changed, or the user agrees to lose what they typed."""
        if not any(page.changed() for page in self.goal_pages):
            return True
        answer = ask(
            self,
            "Discard Your Answers?",
            "Discard your answers? Nothing typed in the wizard has been saved.",
            Button.Discard | Button.Cancel,
            default=Button.Cancel,
            name="discardAnswers",
        )
        return answer == Button.Discard

    def _custom_button(self, which: int) -> None:
        if which == SKIP_BUTTON.value:
            self.skip()

    def skip(self) -> None:
        """Remember that the user put the wizard off, and close it without saving a goal."""
        from desktop_app.store.goals import set_wizard_skipped

        if not self.discard_answers():
            return
        set_wizard_skipped(self.database)
        self.skipped.emit()
        super().reject()
