"""Page 7: everything on one page; Back fixes anything, Finish saves a new version."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget

from desktop_app.ui.goal.render import goal_and_pitch_html
from desktop_app.ui.goal.wizard.base import GoalWizardPage


class SummaryPage(GoalWizardPage):
    def __init__(self) -> None:
        super().__init__(
            "Summary",
            "Everything at a glance. Use Back to change anything; Finish saves it as a new "
            "version, and earlier versions stay readable.",
        )
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("summaryBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Summary of the goal and pitch")
        self.outer.addWidget(self.browser, 1)
        self.note = QLabel("Nothing is saved until you click Finish.", self)
        self.outer.addWidget(self.note)

    def first_field(self) -> QWidget:
        return self.browser

    def refresh(self) -> None:
        wizard = self.goal_wizard()
        profile, pitch = wizard.current()
        remarks = [
            finding.message
            for page in wizard.goal_pages
            if page is not self and page.loaded
            for finding in page.remarks()
        ]
        self.browser.setHtml(goal_and_pitch_html(profile, pitch, wizard.today, remarks))
