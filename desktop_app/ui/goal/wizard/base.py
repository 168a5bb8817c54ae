"""What every page of the goal wizard shares: load once, keep answers, block on problems.

Following the setup-wizard pattern, a page fills its widgets from the saved goal the first
time it is shown and never writes anywhere itself: the wizard collects every page's
answers when the user clicks Finish. Going Back keeps what was typed (``cleanupPage``
does not reset), and Next stays disabled while the page's checks report a problem, with
the reason shown on the page once the user has changed something there or tried to go
on: an untouched page of a new goal does not greet them with what is missing.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Protocol, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizardPage

from desktop_app.insights.findings import Finding, problems, worth_showing
from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.ui.goal.wizard.messages import FindingList


class WizardAnswers(Protocol):
    """What a page reads from the wizard it sits in: the goal it started from, the answers
    so far, the day it counts from, and the pages beside it."""

    initial_profile: GoalProfile
    initial_pitch: PitchDraft
    today: dt.date
    goal_pages: Sequence[GoalWizardPage]

    def current(self) -> tuple[GoalProfile, PitchDraft]: ...
    def goal_type(self) -> str: ...


class GoalWizardPage(QWizardPage):
    """Subclasses build widgets in ``__init__``, fill them in ``load``, give their part of
    the answers in ``apply``, and report checks in ``findings``."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.loaded = False
        self.answers_at_load: tuple[GoalProfile, PitchDraft] | None = None
        self.touched = False  # changed by the user, or they tried to go on
        self._initializing = False
        self._complete: bool | None = None
        self.outer = QVBoxLayout(self)
        self.messages = FindingList(f"Checks for {title}", self)
        self.messages.setObjectName("pageMessages")
        self.messages.hide()

    def first_field(self) -> QWidget | None:
        """Where the cursor goes when the page is shown."""
        return None

    def tab_order(self) -> list[QWidget]:
        """The page's fields in reading order, where that is not the order they were made in."""
        return []

    def goal_wizard(self) -> WizardAnswers:
        return cast("WizardAnswers", self.wizard())

    # -- to override -------------------------------------------------------------------
    def load(self, profile: GoalProfile, pitch: PitchDraft) -> None:
        """Fill the widgets from the goal being edited (once)."""

    def refresh(self) -> None:
        """Update whatever depends on other pages' answers (each time the page shows)."""

    def apply(self, profile: GoalProfile, pitch: PitchDraft) -> tuple[GoalProfile, PitchDraft]:
        """The answers with this page's values put in."""
        return profile, pitch

    def findings(self) -> list[Finding]:
        return []

    def remarks(self) -> list[Finding]:
        """What is still worth a look on this page, for the summary."""
        return worth_showing(self.findings())

    # -- QWizardPage -------------------------------------------------------------------
    def initializePage(self) -> None:
        """Load the saved values the first time only, so answers survive Back and Next."""
        self._initializing = True
        first_time = not self.loaded
        if first_time:
            wizard = self.goal_wizard()
            self.load(wizard.initial_profile, wizard.initial_pitch)
            self.loaded = True
            # A saved goal being edited holds answers the checks may speak about at once.
            self.touched = wizard.initial_profile != GoalProfile()
            # Set once the page sits in the wizard: adding it re-links its focus chain.
            for first, second in itertools.pairwise(self.tab_order()):
                QWidget.setTabOrder(first, second)
        self.refresh()
        self.update_checks()
        if first_time:  # what the page showed before the user did anything
            self.answers_at_load = self._answers()
        self._initializing = False

    def _answers(self) -> tuple[GoalProfile, PitchDraft]:
        wizard = self.goal_wizard()
        return self.apply(wizard.initial_profile, wizard.initial_pitch)

    def changed(self) -> bool:
        """Whether the user changed an answer on this page (and did not change it back)."""
        return self.loaded and self._answers() != self.answers_at_load

    def cleanupPage(self) -> None:
        """Going Back keeps this page's answers (Qt's default would reset fields)."""

    def isComplete(self) -> bool:
        """Next (or Finish) only when no check reports a problem."""
        return self.loaded and not problems(self.findings())

    def validatePage(self) -> bool:
        """A last look before leaving: the same checks that enable Next."""
        self.tried_to_go_on()
        return not problems(self.findings())

    def tried_to_go_on(self) -> None:
        """Enter, or a click on the disabled Next: now say what keeps the page from going on."""
        self.touched = True
        self.update_checks()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isComplete():
            self.tried_to_go_on()
        super().keyPressEvent(event)

    def update_checks(self) -> None:
        """Show the checks' findings and tell the wizard when Next becomes (un)usable.

        What blocks going on is shown once the page is touched (a call outside loading
        comes from the user's change). Only on a change: QWizard answers
        ``completeChanged`` by hiding and showing the page area, which makes a spin box
        being typed in re-format its text.
        """
        if not self.loaded:
            return
        if not self._initializing and self.isVisible():
            self.touched = True
        shown = worth_showing(self.findings())
        if not self.touched:
            shown = [finding for finding in shown if not finding.blocks]
        self.messages.show_findings(shown)
        complete = self.isComplete()
        if complete != self._complete:
            self._complete = complete
            self.completeChanged.emit()
