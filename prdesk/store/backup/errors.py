"""What goes wrong with a backup: the exception classes and the Persian messages that say what to do."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from prdesk.errors import BackupError

APP_FA = "پی\u200cآر\u200cدسک"
SUFFIX = ".prdesk-backup"


class BackupCancelled(BackupError):
    """The clerk pressed Cancel; nothing was written or replaced."""


class PasswordRequired(BackupError):
    """The backup file is encrypted and no password was given."""


class WrongPassword(BackupError):
    """The password does not open this backup file."""


class DamagedDatabase(BackupError):
    """The database failed its health check, so no backup was taken from it."""


# -- messages ------------------------------------------------------------------------------------


def _not_a_backup(path: Path, what: str = "") -> BackupError:
    return BackupError(
        f"«{path.name}» فایل پشتیبان {APP_FA} نیست{what}. فایلی با پسوند {SUFFIX} را انتخاب کنید که {APP_FA} ساخته است."
        " چیزی تغییر نکرد."
    )


def _damaged(path: Path, detail: str) -> BackupError:
    return BackupError(
        f"فایل پشتیبان «{path.name}» آسیب دیده یا ناقص است ({detail}). چیزی تغییر نکرد؛ فایل پشتیبان دیگری را امتحان کنید."
    )


def _newer(path: Path) -> BackupError:
    return BackupError(
        f"فایل پشتیبان «{path.name}» را نسخهٔ جدیدتری از {APP_FA} ساخته است. برنامه را به‌روز کنید و دوباره امتحان کنید."
        " چیزی تغییر نکرد."
    )


def _foreign(path: Path) -> BackupError:
    return BackupError(
        f"فایل پشتیبان «{path.name}» پایگاه دادهٔ برنامهٔ دیگری را در خود دارد، نه {APP_FA}. چیزی تغییر نکرد."
    )


def _foreign_schema_error(path: Path, differences: tuple[str, ...]) -> BackupError:
    return BackupError(
        f"فایل پشتیبان «{path.name}» پایگاه داده‌ای دارد که ساختارش را {APP_FA} نساخته است"
        f" ({'؛ '.join(differences[:3])}). چنین فایلی ممکن است با هر ذخیره داده‌ها را پاک یا دگرگون کند،"
        " پس پذیرفته نشد و چیزی تغییر نکرد. پشتیبان دیگری را انتخاب کنید که خودِ برنامه ساخته است."
    )


def _errnos(*names: str) -> tuple[int, ...]:
    # Some codes exist only on some systems (EDQUOT, ETXTBSY are missing on Windows).
    return tuple(getattr(errno, name) for name in names if hasattr(errno, name))


# errno → what went wrong and what to do, after «{action} انجام نشد: »; «{folder}» is filled in.
_OS_CAUSES: tuple[tuple[tuple[int, ...], str], ...] = (
    (_errnos("ENOSPC", "EDQUOT"),
     "فضای دیسک «{folder}» پر است. جا باز کنید یا جای دیگری را انتخاب کنید. فایل ناقصی باقی نماند."),
    (_errnos("EROFS"),
     "حافظهٔ «{folder}» فقط‌خواندنی است (مثلاً قفل کارت حافظه یا فلش بسته است، یا دیسک فقط برای خواندن"
     " وصل شده است). قفل را باز کنید یا جای دیگری را انتخاب کنید."),
    (_errnos("EACCES", "EPERM"),
     "اجازهٔ نوشتن در «{folder}» نیست یا فایل در دست برنامهٔ دیگری است (مثلاً ضدویروس یا OneDrive)."
     " چند لحظه بعد دوباره امتحان کنید یا جای دیگری را انتخاب کنید."),
    (_errnos("EBUSY", "ETXTBSY"),
     "فایل یا پوشه در «{folder}» در دست برنامهٔ دیگری است (مثلاً ضدویروس، OneDrive یا پنجرهٔ دیگری از همین"
     " برنامه). آن برنامه را ببندید یا چند لحظه بعد دوباره امتحان کنید."),
    (_errnos("ENOENT", "ENODEV", "ENXIO"),
     "پوشهٔ «{folder}» پیدا نشد. اگر حافظهٔ جانبی است، آن را وصل کنید؛ وگرنه پوشهٔ دیگری را انتخاب کنید."),
    (_errnos("ENOTDIR"),
     "بخشی از مسیر «{folder}» پوشه نیست بلکه فایل است. پوشهٔ دیگری انتخاب کنید."),
    (_errnos("EISDIR"),
     "نامی که در «{folder}» انتخاب شد نام یک پوشه است، نه فایل. خودِ فایل یا نام دیگری را انتخاب کنید."),
    (_errnos("EEXIST", "ENOTEMPTY"),
     "فایل یا پوشه‌ای با همین نام در «{folder}» از پیش هست. نام دیگری انتخاب کنید یا آن را جابه‌جا کنید."),
    (_errnos("ENAMETOOLONG"),
     "نام یا مسیر فایل در «{folder}» بیش از اندازه بلند است. نامی کوتاه‌تر یا پوشه‌ای نزدیک‌تر به ریشهٔ دیسک"
     " (مثلاً D:\\) انتخاب کنید."),
    (_errnos("EINVAL"),
     "نام فایل یا پوشه در «{folder}» نویسه‌ای دارد که ویندوز یا آن دیسک نمی‌پذیرد (مانند : * ? \" < > |)."
     " نام دیگری انتخاب کنید."),
    (_errnos("EIO"),
     "دیسک یا حافظهٔ جانبی «{folder}» هنگام خواندن یا نوشتن خطا داد. اتصال آن را بررسی کنید و دوباره امتحان"
     " کنید؛ اگر تکرار شد، دیسک دیگری به کار ببرید."),
    (_errnos("EMFILE", "ENFILE"),
     "فایل‌های باز رایانه بیش از اندازه است. چند برنامه را ببندید و دوباره امتحان کنید."),
    (_errnos("EXDEV"),
     "فایل را نمی‌شود میان دو دیسک جابه‌جا کرد. «{folder}» را روی همان دیسک انتخاب کنید یا دوباره امتحان کنید."),
    (_errnos("ETIMEDOUT", "ENETDOWN", "ENETUNREACH", "EHOSTDOWN", "EHOSTUNREACH", "ECONNRESET", "ECONNABORTED",
             "ESTALE"),
     "پوشهٔ شبکهٔ «{folder}» در دسترس نیست. اتصال شبکه را بررسی کنید یا پوشه‌ای روی همین رایانه انتخاب کنید."),
)


def _os_error(exc: OSError, folder: Path, action: str) -> BackupError:
    """A plain message naming the cause of a failed write or read, and what to do about it."""
    code = exc.errno
    if isinstance(exc, PermissionError) and code not in _errnos("EROFS", "EBUSY"):
        code = errno.EACCES
    for codes, cause in _OS_CAUSES:
        if code in codes:
            return BackupError(f"{action} انجام نشد: " + cause.format(folder=folder))
    # A cause we have no words for: the system's own text, inside a sentence that still says what to do.
    return BackupError(
        f"{action} انجام نشد: سیستم‌عامل هنگام کار با «{folder}» این خطا را داد: «{exc.strerror or exc}»."
        " دوباره امتحان کنید؛ اگر تکرار شد، جای دیگری را انتخاب کنید و این پیام را به پشتیبان فنی نشان دهید."
    )


def _sqlite_full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(exc)



def _in_use_error() -> BackupError:
    return BackupError(
        f"پایگاه داده در دست برنامهٔ دیگری است (پنجرهٔ دیگری از {APP_FA} یا فرمانی در خط فرمان)."
        " آن را ببندید و دوباره امتحان کنید. چیزی تغییر نکرد."
    )

