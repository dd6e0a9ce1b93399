"""Reading a contacts sheet: CSV encodings and delimiters, XLSX with its zip-bomb checks, header and preview."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from prdesk.core.contacts import guess_mapping
from prdesk.core.text import clean, left_to_right, to_persian_digits
from prdesk.errors import StorageError, ValidationError



ENCODINGS = ("utf-8", "windows-1256")
# Excel's own limit for one cell; a longer cell is not a sheet an office made.
MAX_CELL = 32_767
# An XLSX is a zip: its parts are checked before anything is decompressed.
MAX_XLSX_UNPACKED = 256 * 1024 * 1024
MAX_XLSX_RATIO = 100
_RATIO_FROM = 4 * 1024 * 1024
UNREADABLE = "\ufffd"


@dataclass
class Sheet:
    """A table read from a file: header cells, the data rows after them, and how it was read."""

    headers: list[str]
    rows: list[list]  # only for previews; imports stream with iter_sheet()
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1256" or "xlsx"
    header_row: int  # 1-based row number of the header in the file
    total: int  # data rows after the header
    unreadable: int = 0  # lines with bytes that are not text in the chosen encoding (skipped, reported)


def _encoding_refused(path: Path) -> ValidationError:
    return ValidationError(
        f"رمزگذاری نویسه‌های فایل «{left_to_right(path.name)}» شناخته نشد: نه UTF-8 است و نه متن فارسی "
        "Windows-1256. برای اینکه متن به‌هم‌ریخته ذخیره نشود چیزی وارد نشد. فایل را در اکسل با "
        "«CSV UTF-8» ذخیره کنید یا رمزگذاری را خودتان انتخاب کنید (--encoding utf-8 یا windows-1256).",
        "encoding",
    )


# Letters, digits and marks of Persian text as Windows-1256 holds them; anything else outside ASCII
# (Latin accents, †‡§¹Œ…) is what UTF-8 bytes turn into when read as Windows-1256.
_PERSIAN = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگیۀ" "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
               "\u200c\u200d\u200e\u200f«»،؛؟ـ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u00a0")
# In UTF-8 every Persian letter starts with a byte Windows-1256 reads as ط ظ ع or غ.
_LEAD_LETTERS = set("طظعغ")


_NOT_FOREIGN = dict.fromkeys(map(ord, _PERSIAN)) | dict.fromkeys(range(128))


def _persian_counts(text: str) -> tuple[int, int, int]:
    """(Persian characters, of them ط ظ ع غ, other non-ASCII characters) in ``text``."""
    ascii_count = len(text.encode("ascii", "ignore"))
    if ascii_count == len(text):
        return 0, 0, 0
    foreign = len(text.translate(_NOT_FOREIGN))
    leads = sum(text.count(letter) for letter in _LEAD_LETTERS)
    return len(text) - ascii_count - foreign, leads, foreign


def _plausible(persian: int, leads: int, foreign: int) -> bool:
    if not persian and not foreign:
        return True
    return foreign <= 0.02 * (persian + foreign) and leads <= 0.25 * max(persian, 1)


def plausible_persian(text: str) -> bool:
    """Whether ``text`` (decoded as Windows-1256) reads as Persian rather than mojibake."""
    return _plausible(*_persian_counts(text))


_CHUNK = 1 << 20


def _chunks(path: Path, skip: int = 0) -> Iterator[bytes]:
    with path.open("rb") as fh:
        fh.seek(skip)
        while chunk := fh.read(_CHUNK):
            yield chunk


def _windows_1256_reads_as_persian(path: Path) -> bool:
    totals = [0, 0, 0]
    for chunk in _chunks(path):
        for i, n in enumerate(_persian_counts(chunk.decode("cp1256"))):
            totals[i] += n
    return _plausible(*totals)


def _utf8_evidence(path: Path, skip: int) -> tuple[int, int]:
    """(characters outside ASCII read well, bytes that are not UTF-8) over the whole file."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    good = bad = 0
    for chunk in _chunks(path, skip):
        text = decoder.decode(chunk)
        wrong = text.count(UNREADABLE)
        bad += wrong
        good += len(text) - len(text.encode("ascii", "ignore")) - wrong
    text = decoder.decode(b"", final=True)
    bad += text.count(UNREADABLE)
    return good, bad


def _is_utf8(path: Path, skip: int) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for chunk in _chunks(path, skip):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _choose_encoding(path: Path, encoding: str | None) -> tuple[str, str, bool]:
    """The codec to read a CSV with, its label, and whether some bytes will not decode.

    Decided on evidence (or as the clerk chose), streaming through the file: valid UTF-8 with a
    few bad bytes stays UTF-8, and the lines with bad bytes carry U+FFFD and are reported as
    unreadable. Windows-1256 is taken only when it reads as Persian. Otherwise the file is
    refused rather than stored as mojibake.
    """
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "utf-16", True
    if encoding == "windows-1256":
        if not _windows_1256_reads_as_persian(path):
            raise ValidationError(
                f"فایل «{left_to_right(path.name)}» با رمزگذاری Windows-1256 متن فارسی درستی نمی‌دهد؛ "
                "چیزی وارد نشد. رمزگذاری UTF-8 را انتخاب کنید.",
                "encoding",
            )
        return "cp1256", "cp1256", False
    bom = head.startswith(b"\xef\xbb\xbf")
    codec, label = ("utf-8-sig", "utf-8-sig") if bom else ("utf-8", "utf-8")
    if _is_utf8(path, 3 if bom else 0):
        return codec, label, False
    if bom or encoding == "utf-8":
        return codec, label, True
    good, bad = _utf8_evidence(path, 0)
    if good >= 4 * bad:
        return codec, label, True
    if _windows_1256_reads_as_persian(path):
        # What Excel on a Persian Windows writes for "CSV": the ANSI code page 1256.
        return "cp1256", "cp1256", False
    raise _encoding_refused(path)


def _delimiter(text: str) -> str:
    sample = "\n".join(text[:65536].splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _is_xlsx(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _read_error(path: Path, exc: OSError) -> StorageError:
    return StorageError(f"فایل «{left_to_right(path)}» خوانده نشد ({exc.strerror}). دسترسی به فایل را بررسی کنید.")


def _csv_reader(path: Path, codec: str, delimiter: str) -> Iterator[list]:
    """The rows of the CSV, streamed; a cell longer than the csv module allows is a clear refusal, not a traceback."""
    try:
        handle = open(path, encoding=codec, errors="replace", newline="")
    except OSError as exc:
        raise _read_error(path, exc) from exc
    with handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            yield from reader
        except csv.Error as exc:
            row = to_persian_digits(reader.line_num)
            if "field larger than field limit" in str(exc):
                limit = to_persian_digits(f"{csv.field_size_limit():,}".replace(",", "٬"))
                raise ValidationError(
                    f"در سطر {row} فایل خانه‌ای بیش از {limit} نویسه دارد؛ چنین فایلی جدول مخاطبان نیست "
                    "(شاید یک علامت نقل‌قول «\"» بسته نشده باشد). فایل را در اکسل باز و بررسی کنید؛ چیزی وارد نشد.",
                    "file",
                ) from exc
            raise ValidationError(f"سطر {row} فایل CSV خوانده نشد ({exc}). فایل را در اکسل باز و دوباره ذخیره کنید.", "file") from exc
        except OSError as exc:
            raise _read_error(path, exc) from exc


def _raw_rows(path: Path, encoding: str | None = None) -> tuple[Iterator[list], str, Callable[[], tuple[int, int]]]:
    """Every row of the file as a list of cell values, how it was decoded, and a row counter."""
    if encoding is not None and encoding not in ENCODINGS:
        raise ValidationError(f"رمزگذاری «{encoding}» شناخته نشد؛ utf-8 یا windows-1256 را انتخاب کنید.", "encoding")
    if not path.exists():
        raise ValidationError(f"فایل «{left_to_right(path)}» پیدا نشد.", "file")
    if path.is_dir():
        raise ValidationError(f"«{left_to_right(path)}» یک پوشه است؛ یک فایل CSV یا xlsx انتخاب کنید.", "file")
    suffix = path.suffix.lower()
    try:
        if suffix == ".xls" or (suffix not in (".xlsx", ".xlsm") and _is_ole(path)):
            raise ValidationError(
                "فایل‌های قدیمی اکسل (xls) خوانده نمی‌شوند؛ فایل را در اکسل با «Save As» به قالب xlsx یا CSV ذخیره کنید.",
                "file",
            )
        if suffix in (".xlsx", ".xlsm") or _is_xlsx(path):
            return _xlsx_rows(path)
        codec, used, damaged = _choose_encoding(path, encoding)
        with open(path, encoding=codec, errors="replace", newline="") as fh:
            delimiter = _delimiter(fh.read(65536))
    except OSError as exc:
        raise _read_error(path, exc) from exc
    except UnicodeError:
        raise _encoding_refused(path) from None
    counted: list[tuple[int, int]] = []

    def count(exact: bool = True) -> tuple[int, int]:
        if not exact:
            # For a progress bar: lines, and whether any row may be unreadable (a quoted cell may span lines).
            lines, last = 0, b"\n"
            for chunk in _chunks(path):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
            return lines + (last != b"\n"), int(damaged)
        if not counted:
            rows = unreadable = 0
            for row in _csv_reader(path, codec, delimiter):
                rows += 1
                if damaged and any(UNREADABLE in cell for cell in row):
                    unreadable += 1
            counted.append((rows, unreadable))
        return counted[0]

    return _csv_reader(path, codec, delimiter), used, count


def _is_ole(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_xlsx_parts(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to more than a sheet needs (a zip bomb), before reading it."""
    import zipfile

    refused = ValidationError(
        f"فایل اکسل «{left_to_right(path.name)}» پس از باز شدن بسیار بزرگ‌تر از یک جدول مخاطبان می‌شود "
        "(بیش از ۲۵۶ مگابایت یا فشرده‌سازی غیرعادی) و خوانده نشد؛ چیزی وارد نشد. "
        "فایل را در اکسل باز کنید، ستون‌ها و سطرهای اضافه را پاک و دوباره ذخیره کنید.",
        "file",
    )
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(
            f"فایل اکسل «{left_to_right(path.name)}» خوانده نشد ({exc}). آن را در اکسل باز و دوباره ذخیره کنید.", "file"
        ) from exc
    if sum(part.file_size for part in parts) > MAX_XLSX_UNPACKED:
        raise refused
    for part in parts:
        if part.file_size > _RATIO_FROM and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1):
            raise refused


def _xlsx_rows(path: Path) -> tuple[Iterator[list], str, Callable[[], tuple[int, int]]]:
    _check_xlsx_parts(path)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(f"فایل اکسل «{path.name}» خوانده نشد ({exc}). آن را در اکسل باز و دوباره ذخیره کنید.", "file") from exc
    sheet = workbook.active if workbook.active is not None else workbook.worksheets[0]

    def rows() -> Iterator[list]:
        try:
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                for value in row:
                    # openpyxl cuts a longer cell to exactly Excel's limit: a full-length cell was longer.
                    if value.__class__ is str and len(value) >= MAX_CELL:
                        raise ValidationError(
                            f"در سطر {to_persian_digits(number)} فایل اکسل خانه‌ای با ۳۲٬۷۶۷ نویسه یا بیشتر هست "
                            "(بیش از آنچه خود اکسل در یک خانه نگه می‌دارد)؛ چیزی وارد نشد. آن خانه را کوتاه کنید.",
                            "file",
                        )
                yield list(row)
        finally:
            workbook.close()

    def count(exact: bool = True) -> tuple[int, int]:
        # Excel writes the sheet's size; a file without it is counted row by row.
        if sheet.max_row:
            return sheet.max_row, 0
        again = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            other = again.active if again.active is not None else again.worksheets[0]
            return sum(1 for _ in other.iter_rows(values_only=True)), 0
        finally:
            again.close()

    return rows(), "xlsx", count


_BLANKS = " \t\r\n\u00a0\u200c\u200d\u200e\u200f\ufeff"


def _blank(value: object) -> bool:
    return value is None or (value.__class__ is str and not value.strip(_BLANKS))


def _blank_row(row: list) -> bool:
    for value in row:
        if value is not None and (value.__class__ is not str or value.strip(_BLANKS)):
            return False
    return True


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    return clean(str(value))


def _find_header(rows: list[list]) -> int:
    """Index of the header among the first rows: a title row above the table is skipped."""
    for index, row in enumerate(rows[:10]):
        if len(guess_mapping([_cell_text(c) for c in row])) >= 2:
            return index
    for index, row in enumerate(rows):
        if not all(_blank(c) for c in row):
            return index
    return 0


def preview(path: Path | str, n: int = 10, encoding: str | None = None, *, exact: bool = True) -> Sheet:
    """The header and the first ``n`` data rows of a CSV or XLSX file, for the mapping dialog.

    ``encoding`` ("utf-8" or "windows-1256") reads a CSV as the clerk chose; None decides on evidence.
    Without ``exact`` the row count is estimated from the lines (enough for a progress bar) and
    ``unreadable`` only says whether some rows may be unreadable.
    """
    path = Path(path)
    rows_iter, encoding, count = _raw_rows(path, encoding)
    head: list[list] = []
    for row in rows_iter:
        head.append(row)
        if len(head) >= n + 10:
            break
    if hasattr(rows_iter, "close"):
        rows_iter.close()
    if not head:
        raise ValidationError("فایل خالی است؛ هیچ سطری در آن نیست.", "file")
    header_index = _find_header(head)
    headers = [_cell_text(c) for c in head[header_index]]
    data = [[_cell_text(c) for c in row] for row in head[header_index + 1:] if not all(_blank(c) for c in row)][:n]
    rows, unreadable = count(exact)
    return Sheet(headers, data, encoding, header_index + 1, max(0, rows - header_index - 1), unreadable)



def iter_sheet(path: Path | str) -> Iterator[list[str]]:
    """Every row of a CSV/XLSX file as text cells (header included), for tools and tests."""
    rows, _, _ = _raw_rows(Path(path))
    for row in rows:
        yield [_cell_text(c) for c in row]

