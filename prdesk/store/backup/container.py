"""The .prdesk-backup container: header, optional AES-256-GCM sealing, manifest, snapshot bytes."""

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
# switched to rollback-journal mode so it is one self-contained file, and checked with quick_check
# and foreign_key_check while the container is written; a file whose checks fail is removed before
# it gets its name. The manifest records the SHA-256 of the snapshot and, in "checked", the checks
# that passed on exactly those bytes: verify and restore prove the bytes unchanged by the checksum
# and do not run those checks again (a file naming none gets them). SQLite's integrity_check, which
# also compares every index with its table and grows faster than the file, is the health check's.

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import hashlib
import json
import os
import stat
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from prdesk.core.text import to_ascii_digits
from prdesk.errors import BackupError
from prdesk.store.backup import fileops
from prdesk.store.backup.errors import PasswordRequired, WrongPassword, _damaged, _newer, _not_a_backup, _os_error
from prdesk.store.db import SQLITE_MAGIC

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
# What a reader accepts: a crafted header must not make it spend gigabytes or minutes on scrypt.
# prdesk writes 2**17 x 8 x 1 (128 MiB); twice that memory and p <= 2 leave room for a later version.
_SCRYPT_MAX_MEMORY = 256 * 1024 * 1024
_SCRYPT_MAX_P = 2
_MAX_HEADER = 64 * 1024
CHUNK_SIZE = 1024 * 1024
_TAG = 16
# Beyond these the file is not one prdesk wrote, whatever it claims.
MAX_MANIFEST = 1024 * 1024
MAX_SNAPSHOT = 1 << 40
_CHUNK_RANGE = (4096, 16 * 1024 * 1024)
_COPY_SIZE = 1024 * 1024
_SPACE_MARGIN = 16 * 1024 * 1024
# The checks a manifest may say passed when the backup was made. A name this version does not know
# (a newer prdesk's) is left out when reading: a check not relied on is simply run again.
CHECK_NAMES = frozenset({"quick_check", "foreign_key_check"})


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
    # The checks create() ran on exactly these snapshot bytes and saw pass (CHECK_NAMES); a file
    # from before this field was written names none. Its SHA-256 proves them still true later.
    checked: tuple[str, ...] = ()

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
            "checked": list(self.checked),
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
        checked = data.get("checked", [])
        if not isinstance(checked, list) or not all(isinstance(c, str) for c in checked):
            raise ValueError("wrong checks")
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
            checked=tuple(c for c in checked if c in CHECK_NAMES),
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



# -- password and header ---------------------------------------------------------------------------


def _password_bytes(password: str) -> bytes:
    if not password:
        raise BackupError("رمز عبور خالی است. رمزی بنویسید یا فایل را بی‌رمز بسازید.")
    text = unicodedata.normalize("NFC", password)
    text = to_ascii_digits(text).translate({0x064A: "ی", 0x0649: "ی", 0x0643: "ک"})
    return text.encode("utf-8")


def _derive(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    try:
        return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(_password_bytes(password))
    except (MemoryError, ValueError) as exc:
        # OpenSSL refuses what it cannot allocate: say so instead of a traceback.
        raise BackupError(
            "حافظهٔ رایانه برای باز کردن رمز این فایل پشتیبان کافی نیست. برنامه‌های دیگر را ببندید و دوباره امتحان کنید."
        ) from exc


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
        # Only a header that is intact says which version wrote it; a flipped bit is damage.
        rest = fh.read(length - len(start)) if len(start) + 32 <= length <= _MAX_HEADER else b""
        raw = start + rest
        if len(raw) == length and hashlib.sha256(raw[:-32]).digest() == raw[-32:]:
            raise _newer(path)
        raise _damaged(path, "سرآیند فایل دست خورده است")
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
        or not 1 <= p <= _SCRYPT_MAX_P
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


class _DigestBeside:
    """A SHA-256 fed on a thread of its own while the caller reads, writes or hashes something else.

    hashlib lets go of the GIL on large updates, so a second digest of the same stream costs no
    wall time on a second core. Pieces are taken in order; ``hexdigest``/``digest`` wait for the
    last one. Use it as a context manager so that its thread ends whatever happens.
    """

    def __init__(self) -> None:
        self._sha = hashlib.sha256()
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="prdesk-sha256")
        self._pending: concurrent.futures.Future | None = None

    def __enter__(self) -> _DigestBeside:
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True)

    def update(self, data: bytes) -> None:
        self._settle()
        self._pending = self._pool.submit(self._sha.update, data)

    def _settle(self) -> None:
        if self._pending is not None:
            self._pending.result()
            self._pending = None

    def digest(self) -> bytes:
        self._settle()
        return self._sha.digest()

    def hexdigest(self) -> str:
        self._settle()
        return self._sha.hexdigest()


class _PlainWriter:
    def __init__(self, fh: BinaryIO, digest: _DigestBeside):
        self.fh = fh
        self.digest = digest

    def write(self, data: bytes) -> None:
        self.digest.update(data)
        fileops._write(self.fh, data)

    def close(self) -> None:
        fileops._write(self.fh, self.digest.digest())


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
        fileops._write(self.fh, self.aes.encrypt(nonce, data, self.aad))
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


def refuse_special_file(path: Path) -> None:
    """A FIFO or a device would block open() or read() forever: only regular files are read."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # open() says what is wrong
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise _not_a_backup(path, " (فایل معمولی نیست، بلکه دستگاه یا لوله است)")


class _Container:
    """An open backup file being read: header, manifest, then the snapshot bytes."""

    def __init__(self, path: Path, password: str | None, *, key: bytes | None = None):
        """``key``: the file key, when the caller just wrote the file (read-back without a second scrypt)."""
        self.path = Path(path)
        try:
            refuse_special_file(self.path)
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
                if password is None and key is None:
                    raise PasswordRequired(f"فایل پشتیبان «{self.path.name}» رمز دارد. رمز عبور آن را وارد کنید.")
                if key is None:
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

    def copy_snapshot(self, out: BinaryIO | None, report: Callable[[int, int], None] | None = None,
                      *, snapshot_digest: bool = True, sync_behind: bool = False) -> None:
        """Stream the snapshot to ``out`` (or only check it), then check every checksum.

        The snapshot's own checksum is computed beside the reading (and the stream's checksum or
        the decryption), on a second core. ``snapshot_digest=False`` is for reading back a file
        just written from a snapshot whose checksum was computed from the same bytes: the stream's
        checksum (plain) or the sealed chunks (encrypted) prove the file holds what was written.
        ``sync_behind``: ``out`` is to be fsynced afterwards; its pages go to the disk meanwhile.
        """
        behind = fileops.WriteBehind(out) if out is not None and sync_behind else None
        with _DigestBeside() as digest, behind or contextlib.nullcontext():
            remaining = total = self.manifest.snapshot_size
            while remaining:
                data = self.payload.read(min(_COPY_SIZE, remaining))
                if snapshot_digest:
                    digest.update(data)
                if out is not None:
                    fileops._write(out, data)
                    if behind is not None:
                        behind.wrote(len(data))
                remaining -= len(data)
                if report:
                    report(total - remaining, total)
            self.payload.finish()
            if snapshot_digest and digest.hexdigest() != self.manifest.snapshot_sha256:
                raise _damaged(self.path, "چکیدهٔ پایگاه داده با فهرست نمی‌خواند")



def _sha256_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while data := fh.read(_COPY_SIZE):
            digest.update(data)
            size += len(data)
    return digest.hexdigest(), size


def _write_container(out: BinaryIO, manifest: Manifest, snapshot: Path, password: str | None,
                     report: Callable[[int, int], None] | None = None,
                     sealing: tuple[_Header, bytes | None] | None = None) -> bytes | None:
    """Write header, manifest and snapshot to ``out`` (the format described at the top); return the file key.

    Everything is handed to ``out`` and mostly to the disk (write-behind), but not yet made
    durable: the caller fsyncs it (create() does so while it reads the file back). ``sealing``:
    the header and key from _build_header, when the caller derived them beforehand.
    """
    header, key = sealing if sealing is not None else _build_header(password)
    fileops._write(out, header.raw)
    with _DigestBeside() as digest, fileops.WriteBehind(out) as behind:
        stream = _PlainWriter(out, digest) if key is None else _SealedWriter(out, header, key)
        raw = manifest.to_json()
        stream.write(struct.pack(">I", len(raw)) + raw)
        done = 0
        with snapshot.open("rb") as src:
            while data := src.read(_COPY_SIZE):
                stream.write(data)
                behind.wrote(len(data))
                done += len(data)
                if report:
                    report(done, manifest.snapshot_size)
        stream.close()
    out.flush()
    return key

