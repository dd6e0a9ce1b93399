"""Importing a contacts sheet in one transaction: rows to records, matched against what the office has."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from prdesk.core.contacts import (
    IMPORT_FIELD_BY_KEY,
    REPEATABLE_FIELDS,
    guess_mapping,
    normalize_date,
    parse_history,
    split_full_name,
    validate_organization,
    validate_person,
)
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store import contacts as store
from prdesk.store.contacts_io.matching import CHUNK, Importer
from prdesk.store.contacts_io.reading import _BLANKS, UNREADABLE, _blank_row, _cell_text, _raw_rows, preview
from prdesk.store.writing import write_transaction

Progress = Callable[[int, int], bool]
# Characters that make Excel/LibreOffice read a cell as a formula (CSV injection); our export prefixes them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

@dataclass
class ImportSummary:
    """What an import did (or would have done, when cancelled: then nothing was written)."""

    total: int = 0
    imported_people: int = 0
    imported_organizations: int = 0
    updated_people: int = 0
    updated_organizations: int = 0
    unchanged: int = 0
    empty_rows: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row number in the file, reason)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (row number, what it resembles)
    cancelled: bool = False
    encoding: str = ""

    @property
    def imported(self) -> int:
        return self.imported_people + self.imported_organizations

    @property
    def updated(self) -> int:
        return self.updated_people + self.updated_organizations

    def describe(self) -> str:
        """The summary in plain Persian, one fact per line."""
        p = to_persian_digits
        if self.cancelled:
            return "ورود اطلاعات لغو شد؛ هیچ تغییری در پایگاه داده داده نشد."
        lines = [
            f"جدید: {p(self.imported_people)} شخص و {p(self.imported_organizations)} سازمان",
            f"به‌روزشده: {p(self.updated_people)} شخص و {p(self.updated_organizations)} سازمان",
            f"بدون تغییر (از قبل بود): {p(self.unchanged)} سطر",
            f"کنار گذاشته: {p(len(self.skipped))} سطر",
        ]
        lines += [f"  سطر {p(row)}: {reason}" for row, reason in self.skipped]
        if self.duplicates:
            lines.append(f"تکراری احتمالی (وارد شد؛ بررسی و در صورت لزوم ادغام کنید): {p(len(self.duplicates))}")
            lines += [f"  سطر {p(row)}: {text}" for row, text in self.duplicates]
        return "\n".join(lines)


class _Cancelled(Exception):
    pass


_UNREADABLE_ROW = "بایت‌هایی دارد که در رمزگذاری فایل نویسه نیستند؛ این سطر خوانده نشد. آن را در فایل درست کنید."


def _check_mapping(mapping: Mapping[int, str]) -> dict[int, str]:
    checked = {}
    for index, key in mapping.items():
        if not key:
            continue
        if key not in IMPORT_FIELD_BY_KEY:
            raise ValueError(f"unknown import field {key!r}")
        checked[int(index)] = key
    if not set(checked.values()) & {"first_name", "last_name", "full_name", "org_name"}:
        raise ValidationError(
            "هیچ ستونی «نام»، «نام خانوادگی» یا «نام سازمان» شناخته نشد؛ سرستون‌های فایل را بررسی کنید "
            "یا در پنجرهٔ ورود اطلاعات ستون‌ها را خودتان انتخاب کنید.",
            "mapping",
        )
    return checked


def _unneutralize(value: object) -> object:
    # Undo the apostrophe our own CSV export puts before =, +, -, @ so a round trip is exact.
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def _column_keys(mapping: dict[int, str]) -> list[str | None]:
    """The import field of each column by position (None where a column is not imported)."""
    keys: list[str | None] = [None] * (max(mapping) + 1 if mapping else 0)
    for index, key in mapping.items():
        keys[index] = key
    return keys


def _row_values(row: list, keys: list[str | None]) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, value in zip(keys, row):
        if key is None or value is None or value == "":
            continue
        if value.__class__ is str:
            if not value.strip(_BLANKS):
                continue
            if value[0] == "'":
                value = _unneutralize(value)
        if key in values:
            if key in REPEATABLE_FIELDS:
                separator = "\n" if key in ("notes", "org_notes") else " ; "
                values[key] = f"{_cell_text(values[key])}{separator}{_cell_text(value)}"
        else:
            values[key] = value
    return values


_ORG_SOURCE = {
    "org_name": "name", "kind": "kind", "activity": "activity", "registration_no": "registration_no",
    "province": "province", "city": "city", "address": "address", "postal_code": "postal_code",
    "org_phones": "phones", "fax": "fax", "org_email": "email", "website": "website", "org_tags": "tags",
    "org_notes": "notes",
}
_PERSON_SOURCE = (
    "honorific", "title", "first_name", "last_name", "gender", "position", "mobile", "phone", "email",
    "birthday", "is_staff", "tags", "dates", "notes", "deceased_on",
)
_ORG_LABELS = {"city": "شهر", "province": "استان", "address": "نشانی", "postal_code": "کد پستی",
               "org_phones": "تلفن", "fax": "نمابر", "org_email": "ایمیل", "website": "وبگاه", "kind": "نوع",
               "activity": "نوع فعالیت", "registration_no": "شماره ثبت", "org_notes": "یادداشت", "org_tags": "برچسب"}


class _Records:
    """Cells of a row to a validated organization and person; the same organization cells are checked once."""

    def __init__(self):
        self.valid_orgs: dict[tuple, dict] = {}

    def read(self, number: int, values: dict[str, object], summary: ImportSummary) -> tuple | None:
        """(row number, organization or None, person or None, organization cells), or None when skipped."""
        person_in = {k: values[k] for k in _PERSON_SOURCE if k in values}
        if "full_name" in values:
            honorific, title, first, last = split_full_name(_cell_text(values["full_name"]))
            for key, value in (("honorific", honorific), ("title", title), ("first_name", first), ("last_name", last)):
                if value and key not in person_in:
                    person_in[key] = value
        has_person = bool(person_in.get("first_name") or person_in.get("last_name"))
        has_org = "org_name" in values
        if not has_person and not has_org:
            summary.skipped.append((number, "نه نام شخص دارد نه نام سازمان."))
            return None
        if not has_org:
            # A person with no organization keeps the address columns in the notes.
            extra = [f"{_ORG_LABELS[k]}: {_cell_text(values[k])}" for k in _ORG_LABELS if k in values]
            if extra:
                person_in["notes"] = "\n".join(filter(None, [_cell_text(person_in.get("notes")), "؛ ".join(extra)]))
        # The same organization cells on many rows (one row per person) are checked once.
        org_cells = tuple(map(values.get, _ORG_SOURCE)) if has_org else ()
        try:
            org = None
            if has_org:
                org = self.valid_orgs.get(org_cells)
                if org is None:
                    org_in = {target: values[source] for source, target in _ORG_SOURCE.items() if source in values}
                    org = self.valid_orgs[org_cells] = validate_organization(org_in)
            person = validate_person(person_in) if has_person else None
            if person is not None:
                person["position_since"] = None
                if "position_since" in values:
                    person["position_since"] = normalize_date(values["position_since"], "position_since")
                person["history"] = parse_history(_cell_text(values["history"])) if "history" in values else []
        except ValidationError as error:
            summary.skipped.append((number, str(error)))
            return None
        name_key = "" if person is None else store._key(person["first_name"] or "") + store._key(person["last_name"] or "")
        return number, org, person, org_cells, name_key


def import_contacts(
    db: Database,
    path: Path | str,
    mapping: Mapping[int, str] | None = None,
    progress: Progress | None = None,
    encoding: str | None = None,
) -> ImportSummary:
    """Import a CSV or XLSX file in ONE transaction; a cancel or a failure leaves the database as it was.

    ``mapping`` is column index → import field key (see IMPORT_FIELDS); None guesses it from
    the header. A row matching an existing record (same name in the same city; a person with the
    same name in the same organization or with the same mobile) updates it; a row that cannot be
    read is skipped with the reason. ``progress(done, total)`` returning False cancels.
    ``encoding`` ("utf-8" or "windows-1256") reads a CSV as the clerk chose; None decides on
    evidence, and a row with bytes that are not text in that encoding is skipped and reported.
    The transaction takes the write lock at once and waits for it like every writer.
    """
    path = Path(path)
    sheet = preview(path, 0, encoding, exact=False)
    mapping = _check_mapping(guess_mapping(sheet.headers) if mapping is None else mapping)
    summary = ImportSummary(total=sheet.total, encoding=sheet.encoding)
    rows, _, _ = _raw_rows(path, encoding)
    records = _Records()
    columns = _column_keys(mapping)
    unreadable = sheet.unreadable > 0
    done = 0
    try:
        with write_transaction(db), store.deferred_search_index(db):
            importer = Importer(db, summary)
            chunk: list[tuple] = []
            for number, row in enumerate(rows, start=1):
                if number <= sheet.header_row:
                    continue
                done = number - sheet.header_row
                if progress is not None and done % 200 == 1 and progress(done - 1, max(sheet.total, done)) is False:
                    raise _Cancelled
                if _blank_row(row):
                    summary.empty_rows += 1
                    continue
                if unreadable and any(UNREADABLE in cell for cell in row):
                    summary.skipped.append((number, _UNREADABLE_ROW))
                    continue
                record = records.read(number, _row_values(row, columns), summary)
                if record is not None:
                    chunk.append(record)
                    if len(chunk) >= CHUNK:
                        importer.chunk(chunk)
                        chunk = []
            importer.chunk(chunk)
            importer.flush()
            summary.total = done  # the estimate counted lines; a quoted cell may hold several
            if progress is not None and progress(done, done) is False:
                raise _Cancelled
    except _Cancelled:
        return ImportSummary(total=sheet.total, cancelled=True, encoding=sheet.encoding)
    finally:
        if hasattr(rows, "close"):
            rows.close()
    return summary

