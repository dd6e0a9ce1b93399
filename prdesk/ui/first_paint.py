"""For the start-up benchmark only: say when the main window is first painted, then quit.

Honoured only when ``PRDESK_FIRST_PAINT`` is "1"; the benchmark installs the same filter the same
way (watch(window), just before the main window is shown) in the bare PySide6 window it compares
prdesk with, so both stop at the same moment.
"""

from __future__ import annotations

import os
import sys

ENV = "PRDESK_FIRST_PAINT"
#: The line written to stdout once the main window has been painted (followed by the process's CPU
#: seconds and peak resident KiB so far, where the system tells them).
MARK = "FIRST-PAINT"


def _usage() -> str:
    try:
        import resource
    except ImportError:  # Windows: the benchmark reads wall time only
        return ""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return f" {usage.ru_utime + usage.ru_stime:.4f} {usage.ru_maxrss}"


def watch(window) -> None:
    """Report the first paint of ``window`` (a QMainWindow, just before it is shown) when the benchmark
    asked for it; otherwise nothing.

    The filter sits on the window alone, not on the application: an application-wide Python filter
    makes PySide wrap every object any event reaches (each internal object of every widget being
    built, and with an unknown class it loads every class of its module: ~50 ms for the first
    QListWidget), a cost the clerk's window never pays and that grows with the number of widgets,
    so it would measure the hook rather than the window.
    """
    if os.environ.get(ENV) != "1":
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        """Waits for the window's first paint event; reports once its painting pass is over."""

        done = False

        def eventFilter(self, watched, event) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                # Queued: the rest of this painting pass (the window's children) finishes first.
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            sys.stdout.write(MARK + _usage() + "\n")
            sys.stdout.flush()
            QApplication.instance().quit()

    window._first_paint_filter = FirstPaint(window)
    window.installEventFilter(window._first_paint_filter)
