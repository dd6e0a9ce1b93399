"""Bugs never pass silently: a rotating log file and a sys.excepthook that shows the crash dialog.

``logging.handlers`` (socket, pickle, queue: ~11 ms) is not needed before the window's first paint:
run() logs to a plain file handler on the same file until then and swaps in the rotating one with
rotate_log() once the window is painted. An early crash is logged, and named, all the same.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from prdesk.errors import PrdeskError
from prdesk.paths import user_log_dir
from prdesk.ui.dialogs import messages

LOG_NAME = "prdesk.log"
log = logging.getLogger("prdesk")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


#: Rotation: the log is cut at this size, and this many older files are kept.
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def rotating_handler(path: Path) -> logging.Handler:
    """The rotating handler of the log file ``path``."""
    from logging.handlers import RotatingFileHandler

    handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler


def open_log(log_dir: Path | None = None, *, rotating: bool = True) -> tuple[logging.Handler, Path | None]:
    """A rotating log handler in the user log folder; stderr when that folder cannot be written.

    ``rotating=False``: a plain file handler on the same file, for rotate_log() to replace later.
    """
    log_dir = log_dir or user_log_dir()
    try:
        log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = log_dir / LOG_NAME
        # The log names the clerk's files and contacts: readable by this user only (POSIX; Windows ignores modes).
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        if rotating:
            return rotating_handler(path), path
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        path = None
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler, path


class CrashReporter:
    """The ``sys.excepthook`` of the running app: log the bug, then show where the log is."""

    def __init__(self, log_file: Path | None):
        self.log_file = log_file
        self._showing = False

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if QApplication.instance() is None or self._showing:
            log.error("unhandled error", exc_info=(exc_type, exc, tb))
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._showing = True  # a bug while the dialog is up must not stack dialogs
        try:
            if isinstance(exc, PrdeskError):
                # A user-fixable problem that missed the operation runner still reads as one.
                log.warning("PrdeskError outside the operation runner", exc_info=(exc_type, exc, tb))
                messages.show_error(QApplication.activeWindow(), str(exc))
            else:
                log.error("unhandled error", exc_info=(exc_type, exc, tb))
                messages.show_crash(QApplication.activeWindow(), self.log_file)
        finally:
            self._showing = False


def _qt_message(mode: QtMsgType, context, text: str) -> None:
    logging.getLogger("prdesk.qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s", text)


#: The handler crash_reporting() installed and its file, while the block runs.
_current: list = []


def rotate_log() -> None:
    """Replace the plain handler of crash_reporting(rotating=False) by the rotating one; once.

    On the UI thread (run() calls it once the window is painted): it imports logging.handlers.
    """
    if not _current:
        return
    handler, path = _current[0]
    if path is None or type(handler) is not logging.FileHandler:
        return
    rotating = rotating_handler(path)
    root = logging.getLogger()
    root.addHandler(rotating)
    root.removeHandler(handler)
    handler.close()
    _current[0] = (rotating, path)


@contextlib.contextmanager
def crash_reporting(log_dir: Path | None = None, *, rotating: bool = True) -> Iterator[Path | None]:
    """Log to the rotating file and route bugs to the crash dialog while the block runs.

    ``rotating=False`` starts with a plain handler on the same file; rotate_log() swaps it.
    """
    handler, path = open_log(log_dir, rotating=rotating)
    _current[:] = [(handler, path)]
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    old_hook = sys.excepthook
    sys.excepthook = CrashReporter(path)
    old_qt_handler = qInstallMessageHandler(_qt_message)
    try:
        yield path
    finally:
        qInstallMessageHandler(old_qt_handler)
        sys.excepthook = old_hook
        handler = _current.pop()[0] if _current else handler
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
