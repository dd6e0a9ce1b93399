"""The .prdesk-backup file: a checked SQLite snapshot with its manifest; create, verify, restore."""

# File format, version 1. All integers big-endian.
#
#   header
#     magic            18 bytes  b"\x89PRDESK-BACKUP\r\n\x1a\n" (PNG-style: the high byte, CR LF and
#                                ^Z catch 7-bit and text-mode transfers that would damage the file)
#     format_version   u16       1; a reader refuses a newer version as "made by a newer prdesk"
#     flags            u16       bit 0: encrypted; every other bit must be 0
#     header_length    u32       bytes from the start of the file to the end of header_sha256
#     -- only when encrypted --
#     kdf              u8        1 = scrypt
#     log2_n, r, p     3 x u8    scrypt cost (written: 17, 8, 1; a reader refuses absurd costs)
#     salt             16 bytes
#     chunk_size       u32       plaintext bytes per sealed chunk (1 MiB)
#     nonce_prefix     7 bytes   random, per file
#     wrap_nonce       12 bytes
#     wrapped_key      48 bytes  AES-256-GCM(scrypt(password, salt), wrap_nonce, file_key,
#                                AAD = every header byte before wrapped_key)
#     -- always --
#     header_sha256    32 bytes  SHA-256 of every header byte before it: a damaged header is told
#                                apart from a wrong password
#   payload: the stream  manifest_length u32 | manifest (UTF-8 JSON) | snapshot (SQLite file)
#     plain:     the stream as is, then SHA-256 of the stream (32 bytes); the file length must be
#                exactly header + stream + 32
#     encrypted: the stream cut into chunk_size pieces, each sealed with AES-256-GCM under the
#                random 256-bit file_key; nonce = nonce_prefix | u32 chunk counter | u8 last-chunk
#                flag; AAD = the whole header. A cut-off, reordered or extended file fails to open.
#   The password is NFC-normalized, Arabic ي/ك become Persian ی/ک and Persian digits ASCII before
#   scrypt, so the same password typed on another machine's Persian keyboard layout still opens
#   the file.
#
# The snapshot is taken with SQLite's online backup API (the window may keep the database open),
# switched to rollback-journal mode so it is one self-contained file, and checked with
# integrity_check and foreign_key_check before it is packed. The manifest records the SHA-256 of
# the snapshot and the row count of every table; verify and restore check both.

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import struct
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlite_utils import Database

import prdesk
from prdesk.core.jalali import format_jalali_iso, jalali_parts
from prdesk.core.text import to_ascii_digits, to_persian_digits
from prdesk.errors import BackupError, PrdeskError
from prdesk.store import health
from prdesk.store.db import (
    BUSY_TIMEOUT_MS,
    SQLITE_MAGIC,
    latest_schema_version,
    open_database,
    table_counts,
)
from prdesk.store.migrations import APPLICATION_ID, MIGRATION_SET, migrations

SUFFIX = ".prdesk-backup"
FORMAT_NAME = "prdesk-backup"
FORMAT_VERSION = 1
MAGIC = b"\x89PRDESK-BACKUP\r\n\x1a\n"
FLAG_ENCRYPTED = 0x0001
_FIXED = struct.Struct(">HHI")  # format_version, flags, header_length
_KDF = struct.Struct(">BBBB16sI7s12s")  # kdf, log2_n, r, p, salt, chunk_size, nonce_prefix, wrap_nonce
_WRAPPED_KEY_SIZE = 32 + 16
PLAIN_HEADER_SIZE = len(MAGIC) + _FIXED.size + 32
ENCRYPTED_HEADER_SIZE = len(MAGIC) + _FIXED.size + _KDF.size + _WRAPPED_KEY_SIZE + 32
KDF_SCRYPT = 1
SCRYPT_LOG2_N = 17  # 128 MiB and about a third of a second: cheap once, costly for a guesser
SCRYPT_R = 8
SCRYPT_P = 1
_SCRYPT_MAX_MEMORY = 512 * 1024 * 1024
CHUNK_SIZE = 1024 * 1024
_TAG = 16
# Beyond these the file is not one prdesk wrote, whatever it claims.
MAX_MANIFEST = 1024 * 1024
MAX_SNAPSHOT = 1 << 40
_CHUNK_RANGE = (4096, 16 * 1024 * 1024)
_COPY_SIZE = 1024 * 1024
_SPACE_MARGIN = 16 * 1024 * 1024

NAME_PREFIX = "prdesk-"
SAFETY_PREFIX = "prdesk-safety-"
TEMP_PREFIX = ".prdesk-"
TEMP_SUFFIX = ".tmp"
# Windows: antivirus and sync clients hold a fresh file for a moment; os.replace then fails.
_REPLACE_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6) if sys.platform == "win32" else (0.05, 0.1)

APP_FA = "پی\u200cآر\u200cدسک"

Progress = Callable[[int, int], object]
"""progress(done, total) with total 100; returning False asks to stop (before anything is replaced)."""


class BackupCancelled(BackupError):
    """The clerk pressed Cancel; nothing was written or replaced."""


class PasswordRequired(BackupError):
    """The backup file is encrypted and no password was given."""


class WrongPassword(BackupError):
    """The password does not open this backup file."""


class DamagedDatabase(BackupError):
    """The database failed its health check, so no backup was taken from it."""


@dataclass(frozen=True)
class Manifest:
    """What a backup file says about itself; written before the snapshot, checked against it."""

    app_version: str
    schema_version: int
    last_migration: str
    created_utc: str
    created_jalali: str
    organization: str
    tables: dict[str, int]
    snapshot_size: int
    snapshot_sha256: str
    encrypted: bool = False
    format_version: int = FORMAT_VERSION

    @property
    def total_rows(self) -> int:
        return sum(self.tables.values())

    @property
    def created(self) -> dt.datetime:
        """The creation time, aware, in UTC."""
        return dt.datetime.fromisoformat(self.created_utc)

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "last_migration": self.last_migration,
            "created_utc": self.created_utc,
            "created_jalali": self.created_jalali,
            "organization": self.organization,
            "tables": self.tables,
            "snapshot": {"size": self.snapshot_size, "sha256": self.snapshot_sha256},
            "encrypted": self.encrypted,
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        """Parse and type-check a manifest; ValueError when it is not one prdesk wrote."""
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise ValueError("not a prdesk manifest")
        snapshot = data["snapshot"]
        tables = data["tables"]
        manifest = cls(
            app_version=data["app_version"],
            schema_version=data["schema_version"],
            last_migration=data["last_migration"],
            created_utc=data["created_utc"],
            created_jalali=data["created_jalali"],
            organization=data["organization"],
            tables=tables,
            snapshot_size=snapshot["size"],
            snapshot_sha256=snapshot["sha256"],
            encrypted=data["encrypted"],
            format_version=data["format_version"],
        )
        strings = (manifest.app_version, manifest.last_migration, manifest.created_utc, manifest.created_jalali,
                   manifest.organization, manifest.snapshot_sha256)
        if not all(isinstance(s, str) for s in strings) or not isinstance(tables, dict):
            raise ValueError("wrong field types")
        if not all(isinstance(k, str) and _is_count(v) for k, v in tables.items()):
            raise ValueError("wrong table counts")
        if not _is_count(manifest.schema_version) or not _is_count(manifest.snapshot_size):
            raise ValueError("wrong numbers")
        if len(manifest.snapshot_sha256) != 64 or not isinstance(manifest.encrypted, bool):
            raise ValueError("wrong checksum field")
        manifest.created  # noqa: B018 - raises ValueError on a malformed timestamp
        return manifest


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@dataclass(frozen=True)
class BackupInfo:
    """A backup file on disk and its manifest."""

    path: Path
    size: int
    manifest: Manifest

    def summary_lines(self) -> list[str]:
        """The manifest summary the command line prints and the page shows."""
        m = self.manifest
        lines = [
            f"فایل: {self.path}",
            f"اندازه: {format_size(self.size)}",
            f"زمان پشتیبان‌گیری: {to_persian_digits(m.created_jalali)} (UTC {m.created_utc})",
            f"سازمان: {m.organization or '—'}",
            f"نسخهٔ برنامه: {m.app_version} — نسخهٔ ساختار: {to_persian_digits(m.schema_version)}",
            f"رمزدار: {'بله' if m.encrypted else 'خیر'}",
            f"ردیف‌ها: {format_count(m.total_rows)} در {to_persian_digits(len(m.tables))} جدول",
        ]
        lines += [f"  {table}: {format_count(count)}" for table, count in m.tables.items()]
        return lines


@dataclass(frozen=True)
class RestorePreview:
    """What a restore would bring back beside what is there now, for the clerk to confirm."""

    backup: BackupInfo
    current: dict[str, int] | None  # None: no database yet, or it cannot be read
    current_problem: str = ""

    def comparison_lines(self) -> list[str]:
        """Table by table: rows in the backup and rows now."""
        lines = [f"زمان پشتیبان: {to_persian_digits(self.backup.manifest.created_jalali)}"]
        if self.current is None:
            lines.append(self.current_problem or "اکنون پایگاه داده‌ای وجود ندارد.")
        names = list(self.backup.manifest.tables)
        names += [t for t in (self.current or {}) if t not in self.backup.manifest.tables]
        for table in names:
            theirs = self.backup.manifest.tables.get(table)
            ours = (self.current or {}).get(table)
            lines.append(
                f"  {table}: در پشتیبان {format_count(theirs) if theirs is not None else '—'}"
                f" — اکنون {format_count(ours) if ours is not None else '—'}"
            )
        return lines


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: what came back, where the previous database was kept."""

    backup: BackupInfo
    safety_copy: Path | None
    tables: dict[str, int] = field(default_factory=dict)
    schema_version: int = 0


def format_size(size: int) -> str:
    """A file size for people: «۱۲٫۴ مگابایت»."""
    value = float(size)
    for unit in ("بایت", "کیلوبایت", "مگابایت", "گیگابایت"):
        if value < 1024 or unit == "گیگابایت":
            text = f"{value:.0f}" if unit == "بایت" else f"{value:.1f}"
            return f"{to_persian_digits(text).replace('.', '٫')} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def format_count(count: int) -> str:
    """A row count with Persian digits and thousands separators."""
    return to_persian_digits(f"{count:,}").replace(",", "٬")


# -- names -------------------------------------------------------------------------------------


def _local(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now().astimezone()
    return now.astimezone() if now.tzinfo else now


def _stamp(now: dt.datetime | None) -> str:
    local = _local(now)
    y, m, d = jalali_parts(local.date())
    return f"{y:04d}-{m:02d}-{d:02d}-{local:%H%M}"


def default_backup_name(now: dt.datetime | None = None) -> str:
    """``prdesk-1405-08-30-1530.prdesk-backup``: the Jalali date and local time of ``now``."""
    return f"{NAME_PREFIX}{_stamp(now)}{SUFFIX}"


def safety_copy_name(now: dt.datetime | None = None) -> str:
    """``prdesk-safety-1405-08-30-1530.prdesk-backup``: a pattern rotation never deletes."""
    return f"{SAFETY_PREFIX}{_stamp(now)}{SUFFIX}"


def unique_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``…-2``, ``…-3`` before the suffix when a file of that name exists."""
    path = folder / name
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else Path(name).stem
    suffix = name[len(stem):]
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


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


# -- low-level file operations (one place each, so fault tests can inject failures) ---------------


def _write(fh: BinaryIO, data: bytes) -> None:
    fh.write(data)


def _fsync(fh: BinaryIO) -> None:
    fh.flush()
    os.fsync(fh.fileno())


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


def _check_progress(progress: Progress | None, done: int) -> None:
    if progress is not None and progress(min(done, 100), 100) is False:
        raise BackupCancelled("کار لغو شد؛ چیزی تغییر نکرد.")


def _stage(progress: Progress | None, start: int, end: int) -> Callable[[int, int], None]:
    """A callback for part of the work, mapped onto start..end of the whole."""

    def report(done: int, total: int) -> None:
        _check_progress(progress, start + (end - start) * done // max(total, 1))

    return report


# -- password and header ---------------------------------------------------------------------------


def _password_bytes(password: str) -> bytes:
    if not password:
        raise BackupError("رمز عبور خالی است. رمزی بنویسید یا فایل را بی‌رمز بسازید.")
    text = unicodedata.normalize("NFC", password)
    text = to_ascii_digits(text).translate({0x064A: "ی", 0x0649: "ی", 0x0643: "ک"})
    return text.encode("utf-8")


def _derive(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(_password_bytes(password))


@dataclass(frozen=True)
class _Header:
    raw: bytes
    encrypted: bool
    log2_n: int = 0
    r: int = 0
    p: int = 0
    salt: bytes = b""
    chunk_size: int = 0
    nonce_prefix: bytes = b""
    wrap_nonce: bytes = b""
    wrapped_key: bytes = b""

    @property
    def size(self) -> int:
        return len(self.raw)


def _build_header(password: str | None) -> tuple[_Header, bytes | None]:
    if password is None:
        body = MAGIC + _FIXED.pack(FORMAT_VERSION, 0, PLAIN_HEADER_SIZE)
        return _Header(body + hashlib.sha256(body).digest(), False), None
    salt, nonce_prefix, wrap_nonce = os.urandom(16), os.urandom(7), os.urandom(12)
    file_key = AESGCM.generate_key(bit_length=256)
    before_key = (
        MAGIC
        + _FIXED.pack(FORMAT_VERSION, FLAG_ENCRYPTED, ENCRYPTED_HEADER_SIZE)
        + _KDF.pack(KDF_SCRYPT, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, CHUNK_SIZE, nonce_prefix, wrap_nonce)
    )
    kek = _derive(password, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    wrapped = AESGCM(kek).encrypt(wrap_nonce, file_key, before_key)
    body = before_key + wrapped
    header = _Header(
        body + hashlib.sha256(body).digest(), True, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, CHUNK_SIZE,
        nonce_prefix, wrap_nonce, wrapped,
    )
    return header, file_key


def _read_header(fh: BinaryIO, path: Path) -> _Header:
    start = fh.read(len(MAGIC) + _FIXED.size)
    if not start.startswith(MAGIC):
        if start.startswith(b"PK\x03\x04") or start.startswith(b"PK\x05\x06"):
            raise _not_a_backup(path, " (یک فایل فشردهٔ zip است)")
        if start.startswith(SQLITE_MAGIC):
            raise _not_a_backup(path, " (خودِ یک پایگاه دادهٔ SQLite است، نه فایل پشتیبان)")
        if len(start) < len(MAGIC) and MAGIC.startswith(start) and start:
            raise _damaged(path, "فایل ناقص است")
        raise _not_a_backup(path)
    if len(start) < len(MAGIC) + _FIXED.size:
        raise _damaged(path, "فایل ناقص است")
    version, flags, length = _FIXED.unpack_from(start, len(MAGIC))
    if version > FORMAT_VERSION:
        raise _newer(path)
    encrypted = bool(flags & FLAG_ENCRYPTED)
    expected = ENCRYPTED_HEADER_SIZE if encrypted else PLAIN_HEADER_SIZE
    if version < 1 or flags & ~FLAG_ENCRYPTED or length != expected:
        raise _damaged(path, "سرآیند فایل درست نیست")
    raw = start + fh.read(length - len(start))
    if len(raw) != length:
        raise _damaged(path, "فایل ناقص است")
    if hashlib.sha256(raw[:-32]).digest() != raw[-32:]:
        raise _damaged(path, "سرآیند فایل دست خورده است")
    if not encrypted:
        return _Header(raw, False)
    kdf, log2_n, r, p, salt, chunk_size, nonce_prefix, wrap_nonce = _KDF.unpack_from(raw, len(start))
    wrapped = raw[len(start) + _KDF.size: len(start) + _KDF.size + _WRAPPED_KEY_SIZE]
    if (
        kdf != KDF_SCRYPT
        or not 10 <= log2_n <= 24
        or not 1 <= r <= 32
        or not 1 <= p <= 8
        or 128 * r * (2**log2_n) > _SCRYPT_MAX_MEMORY
        or not _CHUNK_RANGE[0] <= chunk_size <= _CHUNK_RANGE[1]
    ):
        raise _not_a_backup(path, " (پارامترهای رمزنگاری آن پذیرفتنی نیست)")
    return _Header(raw, True, log2_n, r, p, salt, chunk_size, nonce_prefix, wrap_nonce, wrapped)


def _unwrap(header: _Header, password: str, path: Path) -> bytes:
    kek = _derive(password, header.salt, header.log2_n, header.r, header.p)
    try:
        return AESGCM(kek).decrypt(header.wrap_nonce, header.wrapped_key, header.raw[: -32 - _WRAPPED_KEY_SIZE])
    except InvalidTag:
        # The header's own checksum matched, so the file is intact: the password is what differs.
        raise WrongPassword(
            "رمز عبور نادرست است؛ این فایل پشتیبان با رمز دیگری ساخته شده است. رمز را دوباره بنویسید"
            " (به زبان صفحه‌کلید و حروف بزرگ و کوچک دقت کنید)."
        ) from None


# -- payload streams -------------------------------------------------------------------------------


class _PlainWriter:
    def __init__(self, fh: BinaryIO):
        self.fh = fh
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.digest.update(data)
        _write(self.fh, data)

    def close(self) -> None:
        _write(self.fh, self.digest.digest())


class _SealedWriter:
    def __init__(self, fh: BinaryIO, header: _Header, key: bytes):
        self.fh = fh
        self.aad = header.raw
        self.prefix = header.nonce_prefix
        self.chunk = header.chunk_size
        self.aes = AESGCM(key)
        self.buffer = bytearray()
        self.counter = 0

    def _seal(self, data: bytes, last: bool) -> None:
        nonce = self.prefix + struct.pack(">IB", self.counter, 1 if last else 0)
        _write(self.fh, self.aes.encrypt(nonce, data, self.aad))
        self.counter += 1

    def write(self, data: bytes) -> None:
        self.buffer += data
        # Hold back a full chunk: only close() knows which chunk is the last.
        while len(self.buffer) > self.chunk:
            self._seal(bytes(self.buffer[: self.chunk]), False)
            del self.buffer[: self.chunk]

    def close(self) -> None:
        self._seal(bytes(self.buffer), True)
        self.buffer.clear()


class _PlainReader:
    def __init__(self, fh: BinaryIO, path: Path):
        self.fh = fh
        self.path = path
        self.digest = hashlib.sha256()

    def read(self, n: int) -> bytes:
        data = self.fh.read(n)
        if len(data) != n:
            raise _damaged(self.path, "فایل ناقص است")
        self.digest.update(data)
        return data

    def finish(self) -> None:
        stored = self.fh.read(32)
        if len(stored) != 32:
            raise _damaged(self.path, "فایل ناقص است")
        if stored != self.digest.digest():
            raise _damaged(self.path, "چکیدهٔ محتوا نمی‌خواند")
        if self.fh.read(1):
            raise _damaged(self.path, "پس از پایان فایل دادهٔ اضافه هست")


class _SealedReader:
    def __init__(self, fh: BinaryIO, header: _Header, key: bytes, path: Path):
        self.fh = fh
        self.path = path
        self.aad = header.raw
        self.prefix = header.nonce_prefix
        self.sealed_size = header.chunk_size + _TAG
        self.aes = AESGCM(key)
        self.counter = 0
        self.ahead: bytes | None = None
        self.done = False
        self.buffer = b""
        self.offset = 0

    def _next_chunk(self) -> None:
        if self.done:
            raise _damaged(self.path, "محتوا کوتاه‌تر از فهرست آن است")
        sealed = self.fh.read(self.sealed_size) if self.ahead is None else self.ahead
        self.ahead = self.fh.read(self.sealed_size)
        last = not self.ahead
        if len(sealed) < _TAG or self.counter > 0xFFFFFFFF:
            raise _damaged(self.path, "فایل ناقص است")
        nonce = self.prefix + struct.pack(">IB", self.counter, 1 if last else 0)
        try:
            self.buffer = self.aes.decrypt(nonce, sealed, self.aad)
        except InvalidTag:
            raise _damaged(self.path, "بخشی از فایل تغییر کرده یا فایل ناقص است") from None
        self.offset = 0
        self.counter += 1
        self.done = last

    def read(self, n: int) -> bytes:
        parts = []
        while n:
            if self.offset == len(self.buffer):
                self._next_chunk()
            piece = self.buffer[self.offset: self.offset + n]
            self.offset += len(piece)
            n -= len(piece)
            parts.append(piece)
        return b"".join(parts)

    def finish(self) -> None:
        if self.offset != len(self.buffer) or not self.done:
            raise _damaged(self.path, "پس از پایان محتوا دادهٔ اضافه هست")


def _expected_file_size(header: _Header, manifest_length: int, snapshot_size: int) -> int:
    stream = 4 + manifest_length + snapshot_size
    if not header.encrypted:
        return header.size + stream + 32
    chunks = max(1, -(-stream // header.chunk_size))
    return header.size + stream + chunks * _TAG


class _Container:
    """An open backup file being read: header, manifest, then the snapshot bytes."""

    def __init__(self, path: Path, password: str | None):
        self.path = Path(path)
        try:
            self.fh: BinaryIO = self.path.open("rb")
        except FileNotFoundError:
            raise BackupError(f"فایل «{self.path}» پیدا نشد. مسیر را بررسی کنید.") from None
        except IsADirectoryError:
            raise _not_a_backup(self.path, " (یک پوشه است)") from None
        except OSError as exc:
            raise _os_error(exc, self.path.parent, "خواندن فایل پشتیبان") from exc
        try:
            self.file_size = os.fstat(self.fh.fileno()).st_size
            self.header = _read_header(self.fh, self.path)
            if self.header.encrypted:
                if password is None:
                    raise PasswordRequired(f"فایل پشتیبان «{self.path.name}» رمز دارد. رمز عبور آن را وارد کنید.")
                key = _unwrap(self.header, password, self.path)
                self.payload: _PlainReader | _SealedReader = _SealedReader(self.fh, self.header, key, self.path)
            else:
                self.payload = _PlainReader(self.fh, self.path)
            self.manifest = self._read_manifest()
        except BaseException:
            self.fh.close()
            raise

    def __enter__(self) -> _Container:
        return self

    def __exit__(self, *exc) -> None:
        self.fh.close()

    def _read_manifest(self) -> Manifest:
        (length,) = struct.unpack(">I", self.payload.read(4))
        if not 2 <= length <= MAX_MANIFEST:
            raise _not_a_backup(self.path, " (اندازهٔ فهرست آن پذیرفتنی نیست)")
        if _expected_file_size(self.header, length, 0) > self.file_size:
            raise _damaged(self.path, "فایل ناقص است")
        raw = self.payload.read(length)
        try:
            manifest = Manifest.from_json(raw)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise _damaged(self.path, "فهرست محتوای فایل خوانده نشد") from None
        if manifest.format_version > FORMAT_VERSION:
            raise _newer(self.path)
        if manifest.snapshot_size > MAX_SNAPSHOT:
            raise _not_a_backup(self.path, " (اندازه‌ای که برای پایگاه داده نوشته پذیرفتنی نیست)")
        if manifest.encrypted != self.header.encrypted:
            raise _damaged(self.path, "فهرست محتوا با سرآیند نمی‌خواند")
        expected = _expected_file_size(self.header, length, manifest.snapshot_size)
        if expected != self.file_size:
            detail = "فایل ناقص است" if expected > self.file_size else "اندازهٔ فایل با فهرست آن نمی‌خواند"
            raise _damaged(self.path, detail)
        return manifest

    def copy_snapshot(self, out: BinaryIO | None, report: Callable[[int, int], None] | None = None) -> None:
        """Stream the snapshot to ``out`` (or only check it), then check every checksum."""
        digest = hashlib.sha256()
        remaining = total = self.manifest.snapshot_size
        while remaining:
            data = self.payload.read(min(_COPY_SIZE, remaining))
            digest.update(data)
            if out is not None:
                _write(out, data)
            remaining -= len(data)
            if report:
                report(total - remaining, total)
        self.payload.finish()
        if digest.hexdigest() != self.manifest.snapshot_sha256:
            raise _damaged(self.path, "چکیدهٔ پایگاه داده با فهرست نمی‌خواند")


# -- the snapshot ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _SnapshotFacts:
    app_id: int
    applied: list[str]
    tables: dict[str, int]
    organization: str
    problems: list[str]
    is_sqlite: bool = True


def _database_file(db_or_path: Database | Path | str) -> Path:
    if isinstance(db_or_path, Database):
        row = db_or_path.execute("PRAGMA database_list").fetchone()
        if not row or not row[2]:
            raise BackupError("این پایگاه داده فایلی روی دیسک ندارد و از آن پشتیبان گرفته نمی‌شود.")
        return Path(row[2])
    path = Path(db_or_path)
    if not path.is_file() or path.stat().st_size == 0:
        raise BackupError(f"پایگاه داده‌ای در «{path}» نیست؛ پشتیبانی گرفته نشد. مسیر پایگاه داده را بررسی کنید.")
    return path


def _snapshot(source: Path, dest: Path) -> None:
    """Copy ``source`` with the online backup API into ``dest`` as one self-contained file."""
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        out = sqlite3.connect(str(dest), isolation_level=None)
        try:
            # One step: the copy is a single read transaction, a consistent snapshot even while
            # the window keeps writing (WAL lets its writes through meanwhile).
            src.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()


def _organization(conn: sqlite3.Connection) -> str:
    try:
        rows = dict(
            conn.execute("SELECT key, value FROM settings WHERE key IN ('org_name_line2', 'org_name_line3')").fetchall()
        )
    except sqlite3.DatabaseError:
        return ""
    from prdesk.store.settings import SETTINGS

    defaults = {s.key: s.default for s in SETTINGS}
    return rows.get("org_name_line3") or defaults["org_name_line3"] or rows.get("org_name_line2", "")


def _inspect_snapshot(path: Path, full: bool = True) -> _SnapshotFacts:
    """Open a snapshot read-only, schema code distrusted, and report what it holds and what is wrong."""
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            return _SnapshotFacts(0, [], {}, "", ["not an SQLite file"], is_sqlite=False)
    try:
        conn = health.open_read_only(path)
    except sqlite3.Error as exc:
        return _SnapshotFacts(0, [], {}, "", [str(exc)])
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        check = health.integrity_check(conn) if full else health.quick_check(conn)
        problems = list(check.problems)
        if check.ok:
            problems += health.foreign_key_check(conn).problems
        applied: list[str] = []
        tables: dict[str, int] = {}
        if not problems:
            has_migrations = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
            ).fetchone()
            if has_migrations:
                applied = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
                    )
                ]
            tables = table_counts(Database(conn, execute_plugins=False))
        return _SnapshotFacts(app_id, applied, tables, _organization(conn) if not problems else "", problems)
    except sqlite3.DatabaseError as exc:
        return _SnapshotFacts(0, [], {}, "", [str(exc)])
    finally:
        conn.close()


def _refuse_snapshot(facts: _SnapshotFacts, path: Path, manifest: Manifest) -> None:
    """Raise the one message that fits what is wrong with an extracted snapshot."""
    if not facts.is_sqlite:
        raise _damaged(path, "پایگاه دادهٔ درون آن خوانا نیست")
    if facts.app_id != APPLICATION_ID and not facts.applied:
        if not facts.problems or facts.app_id != 0:
            raise _foreign(path)
    known = {m.name for m in migrations._migrations}
    if any(name not in known for name in facts.applied) or manifest.schema_version > latest_schema_version():
        raise _newer(path)
    if facts.problems:
        raise _damaged(path, f"پایگاه دادهٔ درون آن سالم نیست: {facts.problems[0]}")
    if len(facts.applied) != manifest.schema_version:
        raise _damaged(path, "نسخهٔ ساختار با فهرست نمی‌خواند")
    if facts.tables != manifest.tables:
        raise _damaged(path, "شمار ردیف‌ها با فهرست نمی‌خواند")


def _sha256_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while data := fh.read(_COPY_SIZE):
            digest.update(data)
            size += len(data)
    return digest.hexdigest(), size


def _now_fields(now: dt.datetime | None) -> tuple[str, str]:
    utc = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    local = utc.astimezone()
    return utc.isoformat(), f"{format_jalali_iso(local.date())} {local:%H:%M}"


def _write_container(out: BinaryIO, manifest: Manifest, snapshot: Path, password: str | None,
                     report: Callable[[int, int], None] | None = None) -> None:
    """Write header, manifest and snapshot to ``out`` (the format described at the top)."""
    header, key = _build_header(password)
    _write(out, header.raw)
    stream = _PlainWriter(out) if key is None else _SealedWriter(out, header, key)
    raw = manifest.to_json()
    stream.write(struct.pack(">I", len(raw)) + raw)
    done = 0
    with snapshot.open("rb") as src:
        while data := src.read(_COPY_SIZE):
            stream.write(data)
            done += len(data)
            if report:
                report(done, manifest.snapshot_size)
    stream.close()
    _fsync(out)


# -- create ----------------------------------------------------------------------------------------


def create(
    db_or_path: Database | Path | str,
    out_path: Path | str,
    password: str | None = None,
    progress: Progress | None = None,
    *,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Write a checked backup of the database to ``out_path``; return what it holds.

    The snapshot is taken through a connection of its own, so this may run on a worker thread
    given the database *path* while the window keeps its connection. The file is written under a
    temporary name beside ``out_path``, fsynced, read back and checked, then renamed: a final
    name never holds a partial file. Raises BackupError naming the cause (full disk, no
    permission, damaged database, cancelled).
    """
    source = _database_file(db_or_path)
    out_path = Path(out_path)
    if password is not None:
        _password_bytes(password)
    if out_path.is_dir():
        raise BackupError(f"«{out_path}» یک پوشه است؛ نام فایل پشتیبان را هم بدهید.")
    if not out_path.parent.is_dir():
        raise BackupError(f"پوشهٔ «{out_path.parent}» پیدا نشد. اگر حافظهٔ جانبی است، آن را وصل کنید.")
    if out_path.exists() and out_path.resolve() == source.resolve():
        raise BackupError("فایل پشتیبان نمی‌تواند روی خودِ پایگاه داده نوشته شود. نام دیگری بدهید.")
    # A foreign or newer file is refused before anything is written; damage shows in the snapshot check.
    if isinstance(db_or_path, (str, Path)) and _current_state(source, check_health=False) == "missing":
        raise BackupError(f"پایگاه دادهٔ «{source}» خالی است؛ پشتیبانی گرفته نشد.")
    snapshot: Path | None = None
    packed: Path | None = None
    folder = source.parent
    _check_progress(progress, 0)
    try:
        snapshot, fh = _temp_file(source.parent, f"{source.name}.snapshot")
        fh.close()
        _snapshot(source, snapshot)
        _check_progress(progress, 15)
        facts = _inspect_snapshot(snapshot, full=True)
        if facts.problems:
            raise DamagedDatabase(
                f"پایگاه داده آسیب دیده است ({facts.problems[0]})؛ پشتیبان گرفته نشد تا پشتیبان‌های سالم قبلی"
                " جای خود را به نسخهٔ خراب ندهند. «بررسی سلامت» را اجرا کنید و آخرین پشتیبان سالم را بازگردانید."
            )
        _check_progress(progress, 35)
        sha, size = _sha256_file(snapshot)
        created_utc, created_jalali = _now_fields(now)
        manifest = Manifest(
            app_version=prdesk.__version__,
            schema_version=len(facts.applied),
            last_migration=facts.applied[-1] if facts.applied else "",
            created_utc=created_utc,
            created_jalali=created_jalali,
            organization=facts.organization,
            tables=facts.tables,
            snapshot_size=size,
            snapshot_sha256=sha,
            encrypted=password is not None,
        )
        folder = out_path.parent
        packed, out = _temp_file(out_path.parent, "backup")
        with out:
            _write_container(out, manifest, snapshot, password, _stage(progress, 40, 75))
        _discard(snapshot)
        snapshot = None
        with _Container(packed, password) as container:
            if container.manifest != manifest:
                raise _damaged(packed, "فایل نوشته‌شده با آنچه نوشته شد نمی‌خواند")
            container.copy_snapshot(None, _stage(progress, 75, 98))
        _replace(packed, out_path)
        packed = None
        _fsync_dir(out_path.parent)
        _check_progress_final(progress)
        return BackupInfo(out_path, out_path.stat().st_size, manifest)
    except OSError as exc:
        raise _os_error(exc, folder, "پشتیبان‌گیری") from exc
    except sqlite3.Error as exc:
        if _sqlite_full(exc):
            raise _os_error(OSError(errno.ENOSPC, "disk full"), folder, "پشتیبان‌گیری") from exc
        raise BackupError(f"پایگاه داده برای پشتیبان‌گیری خوانده نشد ({exc}). دوباره امتحان کنید.") from exc
    finally:
        _discard(snapshot)
        _discard(packed)


def _check_progress_final(progress: Progress | None) -> None:
    if progress is not None:
        progress(100, 100)  # done: a Cancel pressed now comes too late to matter


# -- verify ----------------------------------------------------------------------------------------


def is_encrypted(path: Path | str) -> bool:
    """Whether the backup file needs a password (reads only its header)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            return _read_header(fh, path).encrypted
    except OSError as exc:
        raise _os_error(exc, path.parent, "خواندن فایل پشتیبان") from exc


def read_manifest(path: Path | str, password: str | None = None) -> BackupInfo:
    """The header and manifest only, for listing backups; the snapshot is not checked."""
    with _Container(Path(path), password) as container:
        return BackupInfo(container.path, container.file_size, container.manifest)


def looks_intact(path: Path | str) -> bool:
    """A cheap look: the header and (when not encrypted) the manifest read and the length adds up."""
    try:
        if is_encrypted(path):
            return True
        read_manifest(path)
        return True
    except (PrdeskError, OSError):
        return False


def _extract(path: Path, password: str | None, dest: Path,
             report: Callable[[int, int], None] | None = None) -> BackupInfo:
    """Unpack the snapshot to ``dest`` (fsynced) and check it completely; return the backup's info."""
    with _Container(path, password) as container:
        free = shutil.disk_usage(dest.parent).free
        if free < container.manifest.snapshot_size + _SPACE_MARGIN:
            raise _os_error(OSError(errno.ENOSPC, "disk full"), dest.parent, "باز کردن فایل پشتیبان")
        try:
            with dest.open("wb") as out:
                container.copy_snapshot(out, report)
                _fsync(out)
        except OSError as exc:
            raise _os_error(exc, dest.parent, "باز کردن فایل پشتیبان") from exc
        info = BackupInfo(container.path, container.file_size, container.manifest)
    _refuse_snapshot(_inspect_snapshot(dest, full=True), path, info.manifest)
    return info


def verify(path: Path | str, password: str | None = None, progress: Progress | None = None,
           *, workdir: Path | None = None) -> BackupInfo:
    """Check a backup file completely; return its info or raise BackupError saying what is wrong.

    Checks the container, the manifest, every checksum, then opens the snapshot read-only with
    ``trusted_schema=OFF``: application_id, schema not newer than this app's, integrity_check,
    foreign_key_check and the row counts against the manifest. The snapshot is unpacked into
    ``workdir`` (default: the system's temporary folder) and removed afterwards.
    """
    path = Path(path)
    _check_progress(progress, 0)
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX, dir=workdir) as work:
        info = _extract(path, password, Path(work) / "snapshot.sqlite3", _stage(progress, 0, 80))
    _check_progress_final(progress)
    return info


# -- restore ---------------------------------------------------------------------------------------


def _current_state(db_path: Path, check_health: bool = True) -> str:
    """'missing', 'healthy' or 'damaged'; BackupError when the file there is not prdesk's.

    Without ``check_health`` the quick_check is skipped and a readable file counts as healthy.
    """
    if not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0):
        return "missing"
    if db_path.is_dir():
        raise BackupError(f"«{db_path}» یک پوشه است، نه فایل پایگاه داده. مسیر درست را بدهید.")
    not_ours = BackupError(
        f"فایل «{db_path}» پایگاه دادهٔ {APP_FA} نیست و به آن دست زده نشد."
        " مسیر پایگاه داده را بررسی کنید یا آن فایل را جای دیگری ببرید."
    )
    with db_path.open("rb") as fh:
        head = fh.read(100)
    if not head.startswith(SQLITE_MAGIC):
        raise not_ours
    ours = len(head) == 100 and int.from_bytes(head[68:72], "big") == APPLICATION_ID
    try:
        conn = health.open_for_checking(db_path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            applied = []
            if "_sqlite_migrations" in tables:
                applied = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                    )
                ]
            healthy = health.quick_check(conn).ok if check_health else True
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        if ours:
            return "damaged"
        raise not_ours from None
    if not tables and (ours or head[68:72] == b"\0\0\0\0"):
        return "missing"
    if not ours and not applied:
        raise not_ours
    known = {m.name for m in migrations._migrations}
    if any(name not in known for name in applied):
        raise BackupError(
            f"پایگاه دادهٔ «{db_path}» را نسخهٔ جدیدتری از {APP_FA} ساخته است. برنامه را به‌روز کنید؛ به آن دست زده نشد."
        )
    return "healthy" if healthy else "damaged"


def _current_counts(db_path: Path) -> tuple[dict[str, int] | None, str]:
    state = _current_state(db_path)
    if state == "missing":
        return None, "اکنون پایگاه داده‌ای وجود ندارد."
    if state == "damaged":
        return None, "پایگاه دادهٔ کنونی آسیب دیده است و شمار ردیف‌هایش خوانده نشد."
    conn = health.open_for_checking(db_path)
    try:
        return table_counts(Database(conn, execute_plugins=False)), ""
    finally:
        conn.close()


def preview_restore(db_path: Path | str, backup_path: Path | str, password: str | None = None,
                    progress: Progress | None = None) -> RestorePreview:
    """Verify the backup completely and read the current row counts, for the clerk to compare."""
    info = verify(backup_path, password, progress)
    current, problem = _current_counts(Path(db_path))
    return RestorePreview(info, current, problem)


def default_safety_folder(db_path: Path) -> Path:
    """Where a restore keeps the current database: the backup folder from its settings."""
    from prdesk.paths import user_data_dir
    from prdesk.store.rotation import backup_folder, is_network_path

    try:
        conn = health.open_for_checking(db_path)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = 'backup_folder'").fetchone()
        finally:
            conn.close()
        configured = backup_folder({"backup_folder": row[0] if row else ""})
    except sqlite3.Error:
        configured = backup_folder({})
    # A USB stick that is not plugged in must not stop a restore after a disk failure.
    if not is_network_path(str(configured)) and (configured.is_dir() or configured.parent.is_dir()):
        return configured
    return user_data_dir() / "backups"


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


def _keep_safety_copy(db_path: Path, state: str, folder: Path, now: dt.datetime | None) -> Path:
    """Keep the current database in ``folder`` under a name rotation never deletes."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, folder, "نگه‌داشتن نسخهٔ ایمنی پایگاه دادهٔ کنونی") from exc
    if state == "healthy":
        target = unique_path(folder, safety_copy_name(now))
        try:
            create(db_path, target, now=now)
        except BackupError as exc:
            raise BackupError(f"{exc} بازگردانی انجام نشد و پایگاه دادهٔ کنونی دست‌نخورده ماند.") from exc
        return target
    # A damaged database cannot go through the backup API reliably: keep its raw bytes for an expert.
    target = unique_path(folder, safety_copy_name(now)[: -len(SUFFIX)] + "-damaged.sqlite3")
    try:
        _copy_file(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            _copy_file(wal, target.with_name(target.name + "-wal"))
    except OSError as exc:
        raise _os_error(exc, folder, "نگه‌داشتن نسخهٔ ایمنی پایگاه دادهٔ کنونی") from exc
    return target


def _in_use_error() -> BackupError:
    return BackupError(
        f"پایگاه داده در دست برنامهٔ دیگری است (پنجرهٔ دیگری از {APP_FA} یا فرمانی در خط فرمان)."
        " آن را ببندید و دوباره امتحان کنید. چیزی تغییر نکرد."
    )


def _take_over(db_path: Path, state: str) -> None:
    """Fold the WAL into the file and leave WAL mode, which SQLite allows only to the sole user.

    Afterwards the file is self-contained and no -wal belongs to it, so replacing it cannot let
    an old WAL be replayed into the restored database.
    """
    if state == "missing":
        return
    try:
        conn = sqlite3.connect(str(db_path), timeout=2.0, isolation_level=None)
    except sqlite3.Error as exc:
        if state == "damaged":
            return
        raise BackupError(f"پایگاه دادهٔ کنونی باز نشد ({exc}). چیزی تغییر نکرد.") from exc
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise _in_use_error()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use_error() from exc
        if state != "damaged":
            raise BackupError(f"پایگاه دادهٔ کنونی آماده نشد ({exc}). چیزی تغییر نکرد.") from exc
    except sqlite3.DatabaseError:
        if state != "damaged":
            raise
    finally:
        conn.close()


def _back_to_wal(db_path: Path) -> None:
    try:
        conn = sqlite3.connect(str(db_path), timeout=2.0, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # open_database switches to WAL on the next start anyway


def _remove_side_files(db_path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        try:
            db_path.with_name(db_path.name + suffix).unlink()
        except FileNotFoundError:
            pass


def restore(
    db_path: Path | str,
    backup_path: Path | str,
    password: str | None = None,
    *,
    safety_folder: Path | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the database at ``db_path`` with the snapshot in ``backup_path``.

    Every connection to the database must be closed first (the window closes its own and opens
    the file again afterwards); another one still open is refused. Order: verify the backup
    completely while unpacking it beside the database (fsynced); keep the current database as a
    safety copy in ``safety_folder`` (default: the backup folder from its settings); fold its WAL
    in and leave WAL mode; one os.replace. A crash at any moment leaves the whole old or the whole
    new database. Any refusal leaves the current database as it was. Migrations run when the
    backup is older. Never starts a rotation.
    """
    db_path = Path(db_path)
    backup_path = Path(backup_path)
    if db_path.is_dir():
        raise BackupError(f"«{db_path}» یک پوشه است، نه فایل پایگاه داده. مسیر درست را بدهید.")
    if not db_path.parent.is_dir():
        try:
            db_path.parent.mkdir(parents=True)
        except OSError as exc:
            raise _os_error(exc, db_path.parent, "بازگردانی") from exc
    _check_progress(progress, 0)
    staged: Path | None = None
    safety: Path | None = None
    try:
        try:
            staged, fh = _temp_file(db_path.parent, f"{db_path.name}.restore")
            fh.close()
        except OSError as exc:
            raise _os_error(exc, db_path.parent, "بازگردانی") from exc
        info = _extract(backup_path, password, staged, _stage(progress, 0, 55))
        _check_progress(progress, 60)
        # Only a backup that passed every check gets to look at the current database.
        state = _current_state(db_path)
        if state != "missing":
            folder = safety_folder or default_safety_folder(db_path)
            safety = _keep_safety_copy(db_path, state, folder, now)
        _check_progress(progress, 90)
        if state != "missing":
            shutil.copymode(db_path, staged)  # the restored file keeps the old one's permissions
        _take_over(db_path, state)
        try:
            _remove_side_files(staged)  # a -shm a read-only check may have left must not outlive the rename
            _remove_side_files(db_path)
            _replace(staged, db_path)
            staged = None
            _fsync_dir(db_path.parent)
        except OSError as exc:
            if state != "missing":
                _back_to_wal(db_path)
            raise _os_error(exc, db_path.parent, "بازگردانی") from exc
    finally:
        _discard(staged)
    db = open_database(db_path)
    try:
        tables = table_counts(db)
        version = len(migrations.applied(db))
    finally:
        db.close()
    _check_progress_final(progress)
    return RestoreResult(info, safety, tables, version)
