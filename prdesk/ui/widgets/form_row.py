"""One row of a form: the caption, the editor (with any buttons beside it), a hint and its error line."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

ERROR_COLOR = "#b3261e"


@dataclass(frozen=True)
class FormRow:
    """What a row added to a form is made of; ``error`` is None for a row without an error line."""

    holder: QWidget
    caption: QLabel
    error: QLabel | None


def error_line() -> QLabel:
    """An empty message line, hidden until a value is refused."""
    error = QLabel()
    error.setObjectName("fieldError")
    # Outside the main window's style sheet (a dialog on its own) the palette gives the colour.
    palette = error.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOR))
    error.setPalette(palette)
    error.setWordWrap(True)
    error.hide()
    return error


def add_field_row(
    form: QFormLayout,
    key: str,
    label: str,
    editor: QWidget,
    *extra: QWidget,
    hint: str = "",
    error: bool = True,
    spacing: int = 2,
    caption_height: int | None = None,
) -> FormRow:
    """Add a row to ``form`` for the field ``key``: the editor, any ``extra`` widgets beside it, a hint, an error line.

    Without ``error`` the editor stands in the row alone (it shows its own messages). With
    ``caption_height`` the caption is that tall and centred in it, so it stays beside the
    editor's first line rather than beside the middle of editor, hint and error together.
    """
    editor.setObjectName(key)
    caption = QLabel(label)
    caption.setBuddy(editor)
    if caption_height is not None:
        caption.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        caption.setFixedHeight(caption_height)
    if not error:
        form.addRow(caption, editor)
        return FormRow(editor, caption, None)
    holder = QWidget()
    lines = QVBoxLayout(holder)
    lines.setContentsMargins(0, 0, 0, 0)
    lines.setSpacing(spacing)
    first = QHBoxLayout()
    first.setSpacing(6)
    first.addWidget(editor, 1)
    for widget in extra:
        first.addWidget(widget)
    lines.addLayout(first)
    if hint:
        note = QLabel(hint)
        note.setObjectName("hint")
        note.setWordWrap(True)
        lines.addWidget(note)
    message = error_line()
    lines.addWidget(message)
    form.addRow(caption, holder)
    return FormRow(holder, caption, message)
