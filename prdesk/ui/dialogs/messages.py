"""The narrow message surface: every message box of the app goes through these functions.

Tests replace these functions with fakes (monkeypatch the module attribute), so callers must use
``messages.show_error(...)`` and never import the functions by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QCoreApplication

from prdesk.core.text import left_to_right

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def _box() -> type[QMessageBox]:
    """QMessageBox, made by PySide when first asked for (~1.5 ms with its enums): not before the first paint."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


def _app_name() -> str:
    return QCoreApplication.translate("Messages", "PRDesk")


def show_message(parent: QWidget | None, text: str, *, title: str | None = None) -> None:
    """Tell the user something that went well or needs no decision."""
    _box().information(parent, title or _app_name(), text)


def show_error(parent: QWidget | None, text: str, *, title: str | None = None) -> None:
    """Tell the user about a problem they can fix; ``text`` already says what to do next."""
    _box().warning(parent, title or _app_name(), text)


def confirm(parent: QWidget | None, text: str, *, title: str | None = None) -> bool:
    """Ask a yes/no question; True when the user answered yes."""
    QMessageBox = _box()
    answer = QMessageBox.question(
        parent,
        title or _app_name(),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, text: str, options: Sequence[str], *, title: str | None = None) -> int | None:
    """Offer ``options`` as buttons beside Cancel; the index of the one taken, None for Cancel."""
    QMessageBox = _box()
    box = QMessageBox(QMessageBox.Icon.Warning, title or _app_name(), text, QMessageBox.StandardButton.Cancel, parent)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def show_crash(parent: QWidget | None, log_file: Path | None) -> None:
    """Tell the user a bug happened and where its details were written."""
    text = QCoreApplication.translate(
        "Messages",
        "PRDesk ran into an unexpected error (a bug in the program). "
        "The last action may not have been completed; check it before going on."
    )
    if log_file is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Messages", "The details were written to this file; please send it to support:"
        )
        text += "\n" + left_to_right(log_file)
    _box().critical(parent, QCoreApplication.translate("Messages", "Unexpected error"), text)
