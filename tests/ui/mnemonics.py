"""Finding keyboard mnemonics (the underlined Alt+letter) that two entries share."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
    QWizard,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a literal ampersand), lower-cased."""
    at = 0
    while (at := text.find("&", at)) != -1 and at + 1 < len(text):
        if text[at + 1] != "&":
            return text[at + 1].casefold()
        at += 2
    return None


def shared(texts: list[str]) -> dict[str, list[str]]:
    """Mnemonic → the texts using it, where more than one does."""
    found: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(text)
    return {letter: users for letter, users in found.items() if len(users) > 1}


def menu_clashes(menu: QMenu, where: str = "") -> list[str]:
    """ "Menu: letter shared by …" for ``menu`` and each of its submenus."""
    where = f"{where} → {menu.title()}" if where else menu.title()
    actions = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    problems = [
        f"{where}: {letter!r} in {users}"
        for letter, users in shared([a.text() for a in actions]).items()
    ]
    for action in actions:
        if action.menu() is not None:
            problems += menu_clashes(action.menu(), where)
    return problems


def _texts(root: QWidget, scope: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(scope):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
    return texts


def dialog_clashes(dialog: QWidget) -> list[str]:
    """Shared mnemonics among what one screen of ``dialog`` shows at a time: each tab of
    its tab widgets, each page of a wizard."""
    name = dialog.windowTitle() or type(dialog).__name__
    screens: list[tuple[str, list[str]]] = []
    if isinstance(dialog, QWizard):
        kinds = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton)
        kinds += (QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)
        buttons = [dialog.button(kind).text() for kind in kinds]
        for page_id in dialog.pageIds():
            page = dialog.page(page_id)
            screens.append((f"{name}, page {page.title()}", _texts(page, page) + buttons))
    else:
        tabs = dialog.findChildren(QTabWidget)
        if not tabs:
            screens.append((name, _texts(dialog, dialog)))
        for tab_widget in tabs:
            current = tab_widget.currentIndex()
            for index in range(tab_widget.count()):
                tab_widget.setCurrentIndex(index)
                screens.append((f"{name}, tab {tab_widget.tabText(index)}", _texts(dialog, dialog)))
            tab_widget.setCurrentIndex(current)
    return [
        f"{where}: {letter!r} in {users}"
        for where, texts in screens
        for letter, users in shared(texts).items()
    ]
