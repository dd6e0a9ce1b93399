"""Fields everywhere: the wheel scrolls the page past unfocused combo and spin boxes; multi-line boxes align right."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from prdesk.store.settings import get_settings
from prdesk.ui.field_behaviour import FieldBehaviour


def _wheel(widget, steps: int = -3) -> None:
    """Turn the wheel ``steps`` notches (negative: towards the clerk) over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def _settings_page(window, qtbot):
    window.resize(1100, 720)
    window.show_page("settings")
    page = window.pages["settings"]
    page.show_tab("settings")
    qtbot.waitUntil(lambda: page.scroll.verticalScrollBar().maximum() > 0)
    return page


def test_the_wheel_over_the_unfocused_paper_box_scrolls_the_settings_page(window, qtbot, db):
    page = _settings_page(window, qtbot)
    paper = page.findChild(QComboBox, "paper_size")
    bar = page.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() - 60)
    page.scroll.ensureWidgetVisible(paper, 0, 0)
    bar.setValue(min(bar.value(), bar.maximum() - 60))
    page.save_button.setFocus()
    before_index, before_scroll = paper.currentIndex(), bar.value()

    _wheel(paper, -3)

    assert paper.currentIndex() == before_index
    assert bar.value() > before_scroll
    assert get_settings(db)["paper_size"] == "A4"
    if _shots():
        window.grab().save("/work/shots/polish-settings-after-wheel.png")


def test_the_wheel_changes_a_field_the_clerk_clicked_into(window, qtbot):
    page = _settings_page(window, qtbot)
    paper = page.findChild(QComboBox, "paper_size")
    page.scroll.ensureWidgetVisible(paper)
    paper.setFocus()
    qtbot.waitUntil(paper.hasFocus)
    before = paper.currentIndex()
    _wheel(paper, -1 if before == 0 else 1)
    assert paper.currentIndex() != before


def test_value_fields_are_not_focused_by_the_wheel_anywhere(window, qtbot):
    page = _settings_page(window, qtbot)
    for field in [*page.findChildren(QComboBox), *page.findChildren(QSpinBox)]:
        assert field.focusPolicy() != Qt.FocusPolicy.WheelFocus, field.objectName()


def test_the_guard_is_installed_once_for_the_whole_application(window):
    assert len(QApplication.instance().findChildren(FieldBehaviour)) == 1


def _shots() -> bool:
    from pathlib import Path

    return Path("/work/shots").is_dir()


def test_persian_notes_start_at_the_right_edge_of_the_box(window, qtbot):
    from PySide6.QtGui import QTextCursor

    from prdesk.ui.dialogs.import_dialog import ImportDialog
    from prdesk.ui.dialogs.person_dialog import PersonDialog
    from tests.ui.helpers import type_text

    person = PersonDialog(window.context, parent=window)
    importer = ImportDialog(window.context, parent=window)
    for dialog, box in ((person, person.notes), (importer, importer.summary_view)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        box.show()
        box.setPlainText("")
        type_text(box, "یادداشت")
        cursor = box.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        box.setTextCursor(cursor)
        # The first letter of a right-to-left line is at its right end.
        assert box.cursorRect().x() > box.viewport().width() * 0.8, type(dialog).__name__
