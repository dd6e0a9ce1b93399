"""Long work off the window's thread: a cancellable worker and a progress dialog that waits for it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6 import QtCore  # QtCore.Qt where used: the Qt namespace's enums are made after the first paint
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from prdesk.errors import PrdeskError

#: ``progress(done, total)``: returns False once the clerk asked to stop.
Progress = Callable[[int, int], bool]
#: The work a worker runs: it gets the progress callback and returns its result.
Work = Callable[[Progress], Any]


class Worker(QThread):
    """Runs ``work(progress)`` on its own thread; reports progress and the result through signals.

    The work must not touch the window's sqlite3 connection (a connection belongs to the thread
    that opened it): give it a database *path* and let it open its own. Signals arrive on the
    window's thread. ``failed`` carries the exception; the window shows a PrdeskError and raises
    anything else again on its own thread, so a bug reaches the crash dialog.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, parent: QObject | None = None):
        super().__init__(parent)
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancelled = threading.Event()
        self._percent = -1

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _progress(self, done: int, total: int = 100) -> bool:
        # One signal per percent at most: a backup reports every chunk, the dialog needs far fewer.
        percent = int(done) * 100 // max(int(total), 1)
        if percent != self._percent:
            self._percent = percent
            self.progressed.emit(int(done), int(total))
        return not self._cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = self.work(self._progress)
        except Exception as exc:  # handed to the window's thread, which shows or re-raises it
            self.error = exc
            self.failed.emit(exc)
        else:
            self.succeeded.emit(self.result)


@dataclass
class Finished:
    """What a waited-for worker came to: its value, the PrdeskError that stopped it, or a cancel."""

    value: Any = None
    error: PrdeskError | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled


def wait_for(worker: Worker) -> None:
    """Keep the window responsive (painting, the Cancel button) until ``worker`` has finished."""
    if worker.isFinished():
        return
    loop = QEventLoop()
    worker.finished.connect(loop.quit, QtCore.Qt.ConnectionType.QueuedConnection)
    if not worker.isRunning():
        worker.start()
    # A worker may finish between the isFinished check and the connection; the timer catches that.
    def check() -> None:
        if worker.isFinished():
            loop.quit()

    poll = QTimer()
    poll.setInterval(100)
    poll.timeout.connect(check)
    poll.start()
    if not worker.isFinished():
        loop.exec()
    poll.stop()
    worker.wait()


def run_with_progress(
    parent: QWidget | None,
    work: Work,
    *,
    label: str,
    cancellable: bool = True,
    busy: bool = False,
    cancelled_error: type[BaseException] | None = None,
) -> Finished:
    """Run ``work`` on a worker behind a window-modal progress dialog; return when it is done.

    The window keeps painting while the work runs; the clerk can press Cancel (when
    ``cancellable``), which asks the work to stop at its next progress report. A PrdeskError is
    returned in ``Finished.error`` (or as ``cancelled`` when it is a ``cancelled_error`` after
    Cancel); any other exception is raised again here, on the window's thread. ``busy`` shows a
    moving bar for work that cannot report how far it is.
    """
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Workers", "Please wait"))
    dialog.setLabelText(label)
    dialog.setRange(0, 0 if busy else 100)
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # a check that takes a blink shows no dialog at all
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("Workers", "Cancel"))
    else:
        dialog.setCancelButton(None)
    worker = Worker(work)
    if not busy:
        worker.progressed.connect(
            lambda done, total: dialog.setValue(min(99, done * 100 // max(total, 1))),
            QtCore.Qt.ConnectionType.QueuedConnection,
        )
    dialog.canceled.connect(worker.cancel)
    dialog.setValue(0)
    try:
        wait_for(worker)
    finally:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
    error = worker.error
    if error is None:
        return Finished(value=worker.result)
    if cancelled_error is not None and isinstance(error, cancelled_error) and worker.is_cancelled():
        return Finished(cancelled=True)
    if isinstance(error, PrdeskError):
        return Finished(error=error)
    raise error


class WorkerDialog(QDialog):
    """A dialog that runs one Worker at a time behind its own progress dialog and stays open meanwhile.

    A subclass starts the work with ``start_task``, handles the outcome in ``_finished`` and
    ``_failed`` (each calls ``_end_task`` first) and turns its own buttons off and on in
    ``_set_running``.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.task: Worker | None = None
        self.progress: QProgressDialog | None = None

    def start_task(
        self, work: Work, *, label: str, title: str, name: str, maximum: int = 100, minimum_duration: int = 400
    ) -> None:
        """Run ``work`` on a worker; its progress dialog keeps Cancel until the subclass ends the task."""
        self.task = Worker(work, self)
        self.progress = QProgressDialog(
            label, QCoreApplication.translate("Workers", "Cancel"), 0, maximum, self
        )
        self.progress.setObjectName(name)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(minimum_duration)
        self.progress.setValue(0)
        self.progress.canceled.connect(self.cancel_task)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._finished)
        self.task.failed.connect(self._failed)
        self._set_running(True)
        self.task.start()

    def cancel_task(self) -> None:
        """Ask the running work to stop at its next progress report."""
        if self.task is not None:
            self.task.cancel()

    def is_running(self) -> bool:
        return self.task is not None

    def _set_running(self, running: bool) -> None:
        """Turn the dialog's own buttons off while the work runs and on again after it."""

    def _finished(self, result: Any) -> None:
        raise NotImplementedError

    def _failed(self, exc: Exception) -> None:
        raise NotImplementedError

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.progress.setMaximum(max(1, total))
            self.progress.setValue(min(done, max(1, total)))

    def _end_task(self) -> None:
        if self.task is not None:
            self.task.wait()
            self.task.deleteLater()
            self.task = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel_task)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._set_running(False)

    def reject(self) -> None:
        if self.task is None:  # while the work runs, the progress dialog's Cancel stops it
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            return
        super().closeEvent(event)
