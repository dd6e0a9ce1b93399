"""Low-level file operations of backup and restore, one place each so fault tests can inject failures."""

from __future__ import annotations

import concurrent.futures
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

from prdesk.store.db import BUSY_TIMEOUT_MS

TEMP_PREFIX = ".prdesk-"
TEMP_SUFFIX = ".tmp"
_COPY_SIZE = 1024 * 1024
# Windows: antivirus and sync clients hold a fresh file for a moment; os.replace then fails.
_REPLACE_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6) if sys.platform == "win32" else (0.05, 0.1)


def _write(fh: BinaryIO, data: bytes) -> None:
    fh.write(data)


def _fsync(fh: BinaryIO) -> None:
    fh.flush()
    os.fsync(fh.fileno())


_BEHIND = 64 * 1024 * 1024


class WriteBehind:
    """Hands a file's pages to the disk while it is still being written, so its last fsync has little left.

    Every 64 MiB written (``wrote``), an fsync of what is there so far starts on a worker, unless the
    previous one is still running: the disk then works while the CPU goes on hashing and writing,
    instead of after it. It does not replace the final ``_fsync``; an error of one of its fsyncs is
    raised by the next ``wrote`` or on leaving the ``with`` block.
    """

    def __init__(self, fh: BinaryIO, every: int | None = None):
        self.fh = fh
        self.every = every or _BEHIND
        self.pending = 0
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._job: concurrent.futures.Future | None = None

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        try:
            if self._job is not None and exc_type is None:
                self._job.result()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)

    def wrote(self, size: int) -> None:
        self.pending += size
        if self.pending < self.every:
            return
        if self._job is not None:
            if not self._job.done():
                return
            self._job.result()
        self.pending = 0
        self.fh.flush()
        if self._pool is None:
            self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="prdesk-sync")
        self._job = self._pool.submit(_sync_so_far, self.fh)


def _sync_so_far(fh: BinaryIO) -> None:
    _fsync(fh)  # looked up when called: a fault test's _fsync is the one that runs


def _rename(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def _replace(src: Path, dst: Path) -> None:
    """os.replace, retried while another program briefly holds the target (Windows)."""
    for delay in (*_REPLACE_DELAYS, None):
        try:
            _rename(src, dst)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open a folder and commits renames itself.

    Best effort: the renamed file is already complete and checked, and some file systems (FAT
    on a USB stick under Linux, network shares) refuse to fsync a folder.
    """
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def _temp_file(folder: Path, tag: str) -> tuple[Path, BinaryIO]:
    fd, name = tempfile.mkstemp(dir=folder, prefix=f"{TEMP_PREFIX}{tag}-", suffix=TEMP_SUFFIX)
    os.close(fd)
    try:
        return Path(name), open(name, "wb")  # by name, so errors and fault tests can tell files apart
    except OSError:
        _discard(Path(name))
        raise


def _discard(path: Path | None) -> None:
    """Remove a temporary file and any SQLite side files next to it."""
    if path is None:
        return
    for p in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        try:
            p.unlink()
        except OSError:
            pass  # gone already, or left for remove_stale_temp_files: its name never looks like a backup


def remove_stale_temp_files(folder: Path, older_than: float = 3600) -> list[Path]:
    """Remove temporary files a crashed backup or restore left in ``folder``; return them."""
    removed = []
    cutoff = time.time() - older_than
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for path in entries:
        base = path.name.split(TEMP_SUFFIX)[0] + TEMP_SUFFIX if TEMP_SUFFIX in path.name else path.name
        if not (base.startswith(TEMP_PREFIX) and base.endswith(TEMP_SUFFIX)):
            continue
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            pass
    return removed


def _snapshot(source: Path, dest: Path) -> None:
    """Copy ``source`` with the online backup API into ``dest`` as one self-contained file."""
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        out = sqlite3.connect(str(dest), isolation_level=None)
        try:
            # One step: the copy is a single read transaction, a consistent snapshot even while
            # the window keeps writing (WAL lets its writes through meanwhile).
            # A temporary file: the container it goes into is what gets fsynced, not this.
            out.execute("PRAGMA synchronous = OFF")
            src.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()


def _copy_file(src: Path, dst: Path) -> None:
    """Copy raw bytes under a temporary name, fsync, rename."""
    tmp, out = _temp_file(dst.parent, "copy")
    try:
        with out, src.open("rb") as fh:
            while data := fh.read(_COPY_SIZE):
                _write(out, data)
            _fsync(out)
        _replace(tmp, dst)
        tmp = None
    finally:
        _discard(tmp)
