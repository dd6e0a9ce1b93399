"""For the start-up benchmark only: say when the main window is first painted, then quit.

Honoured only when ``PRDESK_FIRST_PAINT`` is "1"; the benchmark installs the same filter the same
way in the bare PySide6 window it compares prdesk with, so both stop at the same moment.
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


def install_from_environment(app) -> None:
    """Install the first-paint filter on ``app`` when the benchmark asked for it; otherwise nothing."""
    if os.environ.get(ENV) != "1":
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class FirstPaint(QObject):
        """Waits for the first paint event of a main window; reports once its painting pass is over."""

        done = False

        def eventFilter(self, watched, event) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                self.done = True
                # Queued: the rest of this painting pass (the window's children) finishes first.
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            sys.stdout.write(MARK + _usage() + "\n")
            sys.stdout.flush()
            app.quit()

    app._first_paint_filter = FirstPaint(app)
    app.installEventFilter(app._first_paint_filter)
