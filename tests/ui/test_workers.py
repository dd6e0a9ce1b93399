"""The worker and its progress dialog: results, refusals, Cancel, bugs, and the window kept responsive."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from prdesk.errors import BackupError
from prdesk.store.backup import BackupCancelled
from prdesk.ui.workers import Worker, run_with_progress

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_work_runs_on_another_thread_and_its_value_comes_back(parent):
    seen = []

    def work(progress):
        seen.append(threading.current_thread())
        progress(50, 100)
        return 42

    finished = run_with_progress(parent, work, label="…")
    assert finished.ok and finished.value == 42
    assert seen[0] is not threading.main_thread()


def test_a_refusal_comes_back_to_be_shown(parent):
    def work(progress):
        raise BackupError("پوشه پیدا نشد.")

    finished = run_with_progress(parent, work, label="…")
    assert not finished.ok and str(finished.error) == "پوشه پیدا نشد."


def test_a_bug_is_raised_again_on_the_window_thread(parent):
    def work(progress):
        raise ZeroDivisionError("a bug")

    with pytest.raises(ZeroDivisionError):
        run_with_progress(parent, work, label="…")


def test_cancel_stops_the_work_at_its_next_report(parent):
    reports = []

    def work(progress):
        for step in range(1000):
            if progress(step, 1000) is False:
                raise BackupCancelled("کار لغو شد.")
            reports.append(step)
            time.sleep(0.005)
        return "done"

    def press_cancel():
        parent.findChild(QProgressDialog).findChild(QPushButton).click()

    QTimer.singleShot(100, press_cancel)
    finished = run_with_progress(parent, work, label="…", cancelled_error=BackupCancelled)
    assert finished.cancelled and not finished.ok
    assert 0 < len(reports) < 1000


def test_the_window_keeps_handling_events_while_the_work_runs(parent):
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    run_with_progress(parent, lambda progress: time.sleep(0.3), label="…")
    timer.stop()
    assert len(ticks) >= 5


def test_progress_is_reported_at_most_once_per_percent(qtbot):
    worker = Worker(lambda progress: [progress(i, 100_000) for i in range(100_000)] and None)
    reports = []
    worker.progressed.connect(lambda done, total: reports.append(done))
    with qtbot.wait_signal(worker.finished):
        worker.start()
    qtbot.waitUntil(lambda: len(reports) == 100)


def test_many_signals_from_python_do_not_abort_the_interpreter():
    """PySide6 6.12.0 loses a reference to True on every emit; prdesk.ui.app makes up for it."""
    script = (
        "import prdesk.ui.app\n"
        "from PySide6.QtCore import QCoreApplication, QObject, Signal\n"
        "class Source(QObject):\n"
        "    ticked = Signal(int, int)\n"
        "app = QCoreApplication([])\n"
        "source = Source()\n"
        "for i in range(20_000):\n"
        "    source.ticked.emit(i, 100)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
