"""Rescheduling by dragging a meeting in the day and week views, with real mouse events, under the dialog's rules."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.store import meetings as ms
from prdesk.ui.app import prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import messages
from prdesk.ui.operations import OperationRunner
from prdesk.ui.pages.base import PageContext
from prdesk.ui.pages.meetings.grid import GHOST_EDGE, TimeGrid, snap_step
from prdesk.ui.pages.meetings.page import DAY, WEEK, MeetingsPage

TODAY = jalali.to_gregorian(1405, 9, 10)  # a Tuesday
WEDNESDAY = TODAY + dt.timedelta(days=1)
FRIDAY = jalali.to_gregorian(1405, 9, 13)
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def context(qapp, db, db_path):
    prepare_application(QApplication.instance(), "fa")
    bus = Bus()
    return PageContext(db, db_path, bus, OperationRunner(bus), lambda text: None, lambda: TODAY)


@pytest.fixture
def boxes(monkeypatch):
    """The refusal boxes shown (text and buttons); each answers with the next of ``boxes.answers`` (None: Cancel)."""

    class Boxes(list):
        answers: list = []

    shown = Boxes()

    def choose(parent, text, options, title=None):
        shown.append((text, list(options)))
        return shown.answers.pop(0) if shown.answers else None

    monkeypatch.setattr(messages, "choose", choose)
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: pytest.fail(f"error shown: {text}"))
    return shown


def page(qtbot, context, tab: int) -> tuple[MeetingsPage, TimeGrid]:
    shown = MeetingsPage(context)
    qtbot.addWidget(shown)
    shown.resize(1300, 900)
    shown.show()
    qtbot.waitExposed(shown)
    shown.tabs.setCurrentIndex(tab)
    return shown, (shown.day_grid if tab == DAY else shown.week_grid)


def block(grid: TimeGrid, meeting_id: int):
    return next(p for p in grid.items if p.meeting.id == meeting_id)


def point_in(grid: TimeGrid, day: dt.date, minutes: int) -> QPoint:
    """A point in ``day``'s column, ``minutes`` after midnight (a little below the line, inside the slot)."""
    return QPoint(int(grid.column_rect(grid.days.index(day)).center().x()), int(grid.y_of(minutes) + 4))


def drag(grid: TimeGrid, start: QPoint, end: QPoint, *, release: bool = True) -> None:
    """Press on ``start``, move in a few steps to ``end`` (past the drag distance), release there."""
    QTest.mousePress(grid, LEFT, NONE, start)
    for i in range(1, 5):
        QTest.mouseMove(grid, start + (end - start) * i / 4)
    if release:
        QTest.mouseRelease(grid, LEFT, NONE, end)


def history_notes(db, meeting_id: int) -> list[str]:
    return [h["note"] for h in ms.history(db, meeting_id)]


def test_drag_in_the_day_view_moves_the_meeting_and_keeps_it_in_the_history(qtbot, context, db, boxes):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا کاظمی"}], "subject": "بیمه"})
    shown, grid = page(qtbot, context, DAY)
    before = block(grid, m.id).rect
    drag(grid, point_in(grid, TODAY, 10 * 60), point_in(grid, TODAY, 11 * 60 + 10))
    moved = ms.get_meeting(db, m.id)
    assert (moved.date, moved.start, moved.end, moved.status) == (TODAY, "11:00", "11:30", "scheduled")  # snapped to 30 minutes
    assert "به ۱۴۰۵/۰۹/۱۰ ۱۱:۰۰ تغییر کرد" in history_notes(db, m.id)[-1]
    after = block(grid, m.id).rect
    assert after.top() == pytest.approx(grid.y_of(11 * 60) + 1) and after.top() > before.top()
    assert grid.ghost() is None and boxes == []


def test_drag_in_the_week_view_moves_to_another_day(qtbot, context, db, boxes):
    m = ms.add_meeting(db, {"date": TODAY, "start": "09:00", "visitors": [{"name": "حسن کریمی"}]})
    shown, grid = page(qtbot, context, WEEK)
    drag(grid, point_in(grid, TODAY, 9 * 60), point_in(grid, WEDNESDAY, 12 * 60 + 5))
    moved = ms.get_meeting(db, m.id)
    assert (moved.date, moved.start) == (WEDNESDAY, "12:00")
    placed = block(grid, m.id)
    assert placed.meeting.date == WEDNESDAY
    assert grid.column_rect(grid.days.index(WEDNESDAY)).contains(placed.rect.center())


def test_the_ghost_shows_where_the_meeting_would_go_while_dragging(qtbot, context, db, boxes):
    m = ms.add_meeting(db, {"date": TODAY, "start": "09:00", "visitors": [{"name": "حسن کریمی"}]})
    shown, grid = page(qtbot, context, WEEK)
    drag(grid, point_in(grid, TODAY, 9 * 60), point_in(grid, WEDNESDAY, 10 * 60 + 35), release=False)
    day, start, rect = grid.ghost()
    assert (day, start) == (WEDNESDAY, "10:30")
    image = grid.grab().toImage()
    edge = QColor(image.pixel(int(rect.center().x()), int(rect.top()))).name()
    assert edge == GHOST_EDGE  # the dashed border of the ghost at the new place
    assert ms.get_meeting(db, m.id).start == "09:00"  # nothing is saved before the drop
    QTest.mouseRelease(grid, LEFT, NONE, point_in(grid, WEDNESDAY, 10 * 60 + 35))
    assert ms.get_meeting(db, m.id).date == WEDNESDAY


def test_a_drop_on_another_meeting_is_refused_and_changes_nothing(qtbot, context, db, boxes):
    moving = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا کاظمی"}]})
    other = ms.add_meeting(db, {"date": TODAY, "start": "11:00", "visitors": [{"name": "رضا"}], "subject": "وام مسکن"})
    history = history_notes(db, moving.id)
    shown, grid = page(qtbot, context, DAY)
    before = block(grid, moving.id).rect
    drag(grid, point_in(grid, TODAY, 10 * 60), point_in(grid, TODAY, 11 * 60 + 5))
    ((text, options),) = boxes
    assert "تداخل" in text and "وام مسکن" in text and f"شمارهٔ {jalali.to_persian_digits(other.id)}" in text
    assert options[0] == "ثبت با وجود تداخل"
    assert options[1] == "ثبت در ۱۴۰۵/۰۹/۱۰ ۱۱:۳۰"  # the next free time after the one refused
    kept = ms.get_meeting(db, moving.id)
    assert (kept.date, kept.start, kept.conflict_allowed) == (TODAY, "10:00", False)
    assert history_notes(db, moving.id) == history
    assert block(grid, moving.id).rect == before and grid.ghost() is None


def test_a_refused_drop_saved_with_the_override(qtbot, context, db, boxes):
    moving = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا کاظمی"}]})
    ms.add_meeting(db, {"date": TODAY, "start": "11:00", "visitors": [{"name": "رضا"}]})
    boxes.answers = [0]
    shown, grid = page(qtbot, context, DAY)
    drag(grid, point_in(grid, TODAY, 10 * 60), point_in(grid, TODAY, 11 * 60 + 5))
    moved = ms.get_meeting(db, moving.id)
    assert (moved.start, moved.conflict_allowed) == ("11:00", True)
    assert {p.lanes for p in grid.items} == {2}  # now drawn side by side with the other


def test_a_drop_on_friday_is_refused_with_the_closed_day_override(qtbot, context, db, boxes):
    m = ms.add_meeting(db, {"date": TODAY, "start": "09:00", "visitors": [{"name": "حسن کریمی"}]})
    shown, grid = page(qtbot, context, WEEK)
    drag(grid, point_in(grid, TODAY, 9 * 60), point_in(grid, FRIDAY, 9 * 60))
    ((text, options),) = boxes
    assert "جمعه" in text and options[0] == "ثبت در روز یا ساعت تعطیل"
    assert ms.get_meeting(db, m.id).date == TODAY


def test_escape_cancels_a_drag(qtbot, context, db, boxes):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا کاظمی"}]})
    shown, grid = page(qtbot, context, DAY)
    drag(grid, point_in(grid, TODAY, 10 * 60), point_in(grid, TODAY, 12 * 60), release=False)
    assert grid.ghost() is not None
    QTest.keyClick(grid, Qt.Key.Key_Escape)
    assert grid.ghost() is None
    with qtbot.assertNotEmitted(grid.meeting_dropped):
        QTest.mouseRelease(grid, LEFT, NONE, point_in(grid, TODAY, 12 * 60))
    assert ms.get_meeting(db, m.id).start == "10:00"
    assert shown.isVisible()  # Escape did not close anything else


@pytest.mark.parametrize("status", ["held", "cancelled"])
def test_held_and_cancelled_meetings_cannot_be_dragged(qtbot, context, db, boxes, status):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا کاظمی"}]})
    ms.set_status(db, m.id, status, outcome="انجام شد" if status == "held" else "", reason="لغو به درخواست مراجعه‌کننده")
    shown, grid = page(qtbot, context, DAY)
    history = history_notes(db, m.id)
    with qtbot.assertNotEmitted(grid.meeting_dropped):
        drag(grid, point_in(grid, TODAY, 10 * 60), point_in(grid, TODAY, 12 * 60), release=False)
        assert grid.ghost() is None
        QTest.mouseRelease(grid, LEFT, NONE, point_in(grid, TODAY, 12 * 60))
    assert ms.get_meeting(db, m.id).start == "10:00" and history_notes(db, m.id) == history


def test_a_click_without_moving_changes_nothing(qtbot, context, db, boxes):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا کاظمی"}]})
    shown, grid = page(qtbot, context, DAY)
    with qtbot.assertNotEmitted(grid.meeting_dropped):
        QTest.mouseClick(grid, LEFT, NONE, point_in(grid, TODAY, 10 * 60))
    assert ms.get_meeting(db, m.id).start == "10:00"


def test_drag_snaps_to_the_hosts_slot():
    assert [snap_step(n) for n in (10, 15, 20, 30, 45, 60, 90)] == [10, 15, 20, 30, 15, 60, 15]
    assert rules.parse_time("10:30") == 630
