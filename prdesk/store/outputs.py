"""Every file prdesk writes for the clerk: a temporary file beside it, renamed into place only when complete."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from prdesk.core.text import left_to_right
from prdesk.errors import StorageError

T = TypeVar("T")
PART_SUFFIX = ".part"

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def output_error(path: Path | str, exc: OSError) -> StorageError:
    """The plain Persian message for a file that could not be written, saying what to do next."""
    where = left_to_right(path)
    if exc.errno in _FULL:
        return StorageError(
            f"فایل «{where}» نوشته نشد: جای خالی دیسک تمام شده است. "
            "جا باز کنید یا مسیر دیگری انتخاب کنید؛ فایل قبلی این مسیر (اگر بود) دست‌نخورده ماند."
        )
    if exc.errno in _DENIED:
        return StorageError(
            f"فایل «{where}» نوشته نشد: اجازهٔ نوشتن در این مسیر نیست. پوشهٔ دیگری انتخاب کنید."
        )
    if exc.errno == errno.EISDIR:
        return StorageError(f"فایل «{where}» نوشته نشد: این مسیر یک پوشه است، نه فایل. نام یک فایل را بدهید.")
    if exc.errno == errno.ENOENT:
        return StorageError(f"فایل «{where}» نوشته نشد: پوشهٔ آن پیدا نشد. مسیر را بررسی کنید.")
    reason = exc.strerror or str(exc)
    return StorageError(f"فایل «{where}» نوشته نشد ({reason}). مسیر یا دسترسی پوشه را بررسی کنید.")


def _destination(path: Path) -> tuple[Path, bool]:
    """Where to write and whether to write straight to it (a device or FIFO is never renamed over)."""
    try:
        info = path.stat()  # follows a symbolic link: the file it names is the one replaced
    except FileNotFoundError:
        return path, False
    except OSError as exc:
        raise output_error(path, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise output_error(path, OSError(errno.EISDIR, os.strerror(errno.EISDIR)))
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return path, True
    if not stat.S_ISREG(info.st_mode):
        raise StorageError(f"فایل «{left_to_right(path)}» نوشته نشد: این مسیر یک فایل معمولی نیست. نام یک فایل را بدهید.")
    return path.resolve(), False


def _replace(source: Path, target: Path) -> None:
    """os.replace, retried while an antivirus or sync client holds the target for a moment (Windows)."""
    for attempt in range(10):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == 9:
                raise
            time.sleep(0.1 * (attempt + 1))


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_replacing(path: Path | str, write: Callable[[Path], T]) -> T:
    """Run ``write(temp)`` on a temporary file beside ``path``; rename it over ``path`` only when complete.

    A kill, a full disk or an exception (a cancel included, which is re-raised) leaves whatever
    was at ``path`` as it was and no partial file under that name. A device or FIFO at ``path``
    is written directly; a folder is refused. Disk errors become StorageError in Persian.
    """
    path = Path(path)
    target, direct = _destination(path)
    if direct:
        try:
            return write(target)
        except OSError as exc:
            raise output_error(path, exc) from exc
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=PART_SUFFIX)
    except OSError as exc:
        raise output_error(path, exc) from exc
    os.close(fd)
    temp = Path(name)
    try:
        result = write(temp)
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp, stat.S_IMODE(target.stat().st_mode))
        _replace(temp, target)
        _fsync_folder(target.parent)
        return result
    except OSError as exc:
        raise output_error(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def write_output(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file beside it; ``path`` is returned."""

    def write(target: Path) -> None:
        with open(target, "wb") as fh:
            fh.write(data)

    write_replacing(path, write)
    return Path(path)
