"""Moving the directory in and out: CSV/XLSX import with guessed columns; CSV, XLSX and vCard export."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from prdesk.core.contacts import (
    DIRECTORY_COLUMNS,
    IMPORT_FIELD_BY_KEY,
    ORGANIZATION_COLUMNS,
    PERSON_COLUMNS,
    REPEATABLE_FIELDS,
    Column,
    ContactFilter,
    full_name,
    guess_mapping,
    normalize_date,
    parse_history,
    split_full_name,
    validate_organization,
    validate_person,
)
from prdesk.core.text import clean, compact_key, left_to_right, to_persian_digits
from prdesk.errors import StorageError, ValidationError
from prdesk.store import contacts as store

Progress = Callable[[int, int], bool]
# Characters that make Excel/LibreOffice read a cell as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SCOPES = ("directory", "people", "organizations")


# ---------------------------------------------------------------- reading files


@dataclass
class Sheet:
    """A table read from a file: header cells, the data rows after them, and how it was read."""

    headers: list[str]
    rows: list[list]  # only for previews; imports stream with iter_sheet()
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1256" or "xlsx"
    header_row: int  # 1-based row number of the header in the file
    total: int  # data rows after the header


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # What Excel on a Persian Windows writes for "CSV": the ANSI code page 1256.
        return data.decode("cp1256", errors="replace"), "cp1256"


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _is_xlsx(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _raw_rows(path: Path) -> tuple[Iterator[list], str, Callable[[], int]]:
    """Every row of the file as a list of cell values, how it was decoded, and a row counter."""
    if not path.exists():
        raise ValidationError(f"فایل «{path}» پیدا نشد.", "file")
    suffix = path.suffix.lower()
    if suffix == ".xls" or (suffix not in (".xlsx", ".xlsm") and _is_ole(path)):
        raise ValidationError(
            "فایل‌های قدیمی اکسل (xls) خوانده نمی‌شوند؛ فایل را در اکسل با «Save As» به قالب xlsx یا CSV ذخیره کنید.",
            "file",
        )
    if suffix in (".xlsx", ".xlsm") or _is_xlsx(path):
        return _xlsx_rows(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StorageError(f"فایل «{path}» خوانده نشد ({exc.strerror}).") from exc
    text, encoding = _decode(data)
    delimiter = _delimiter(text)

    def rows() -> Iterator[list]:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    return rows(), encoding, lambda: sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _is_ole(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _xlsx_rows(path: Path) -> tuple[Iterator[list], str, Callable[[], int]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(f"فایل اکسل «{path.name}» خوانده نشد ({exc}). آن را در اکسل باز و دوباره ذخیره کنید.", "file") from exc
    sheet = workbook.active if workbook.active is not None else workbook.worksheets[0]

    def rows() -> Iterator[list]:
        try:
            for row in sheet.iter_rows(values_only=True):
                yield list(row)
        finally:
            workbook.close()

    def count() -> int:
        # Excel writes the sheet's size; a file without it is counted row by row.
        if sheet.max_row:
            return sheet.max_row
        again = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            other = again.active if again.active is not None else again.worksheets[0]
            return sum(1 for _ in other.iter_rows(values_only=True))
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


def preview(path: Path | str, n: int = 10) -> Sheet:
    """The header and the first ``n`` data rows of a CSV or XLSX file, for the mapping dialog."""
    path = Path(path)
    rows_iter, encoding, count = _raw_rows(path)
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
    total = max(0, count() - header_index - 1)
    return Sheet(headers, data, encoding, header_index + 1, total)


# ---------------------------------------------------------------- import


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


def _row_values(row: list, mapping: dict[int, str]) -> dict[str, object]:
    values: dict[str, object] = {}
    width = len(row)
    for index, key in mapping.items():
        if index >= width:
            continue
        value = row[index]
        if value is None or value == "" or (value.__class__ is str and not value.strip(_BLANKS)):
            continue
        if value.__class__ is str and value[0] == "'":
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
    "birthday", "is_staff", "tags", "dates", "notes",
)
_ORG_LABELS = {"city": "شهر", "province": "استان", "address": "نشانی", "postal_code": "کد پستی",
               "org_phones": "تلفن", "fax": "نمابر", "org_email": "ایمیل", "website": "وبگاه", "kind": "نوع",
               "activity": "نوع فعالیت", "registration_no": "شماره ثبت", "org_notes": "یادداشت", "org_tags": "برچسب"}


class _Importer:
    """One import run inside one transaction: matching, inserting and counting row by row."""

    def __init__(self, db: Database, summary: ImportSummary):
        self.db = db
        self.summary = summary
        self.stamp = store._now()
        self.orgs: dict[tuple[str, str], int] = {}
        self.org_info: dict[int, tuple[str, str]] = {}
        self.seen_orgs: dict[tuple, tuple[int, dict]] = {}
        # Into a database with no people yet, every match is among the rows of this file: an
        # index in memory answers those lookups instead of two queries per row.
        empty = db.execute("SELECT NOT EXISTS (SELECT 1 FROM people)").fetchone()[0]
        self.known: dict[str, list[tuple]] | None = {} if empty else None
        self.mobiles: dict[str, list[tuple]] = {}

    def row(self, number: int, values: dict[str, object]) -> None:
        person_in = {k: values[k] for k in _PERSON_SOURCE if k in values}
        if "full_name" in values:
            honorific, title, first, last = split_full_name(_cell_text(values["full_name"]))
            for key, value in (("honorific", honorific), ("title", title), ("first_name", first), ("last_name", last)):
                if value and key not in person_in:
                    person_in[key] = value
        has_person = bool(person_in.get("first_name") or person_in.get("last_name"))
        has_org = "org_name" in values
        if not has_person and not has_org:
            self.summary.skipped.append((number, "نه نام شخص دارد نه نام سازمان."))
            return
        org_in = {target: values[source] for source, target in _ORG_SOURCE.items() if source in values}
        if not has_org:
            # A person with no organization keeps the address columns in the notes.
            extra = [f"{_ORG_LABELS[k]}: {_cell_text(values[k])}" for k in _ORG_LABELS if k in values]
            if extra:
                person_in["notes"] = "\n".join(filter(None, [_cell_text(person_in.get("notes")), "؛ ".join(extra)]))
        org_cells = tuple(org_in.items()) if has_org else ()
        org_seen = self.seen_orgs.get(org_cells) if has_org else None
        try:
            # The same organization cells on many rows (one row per person) are read once.
            org = org_seen[1] if org_seen else validate_organization(org_in) if has_org else None
            person = validate_person(person_in) if has_person else None
            if person is not None:
                person["position_since"] = None
                if "position_since" in values:
                    person["position_since"] = normalize_date(values["position_since"], "position_since")
                person["history"] = parse_history(_cell_text(values["history"])) if "history" in values else []
        except ValidationError as error:
            self.summary.skipped.append((number, str(error)))
            return
        org_id, states = None, []
        if org_seen:
            org_id = org_seen[0]
            states.append("unchanged")
        elif org is not None:
            org_id, org_state = self.organization(org)
            self.seen_orgs[org_cells] = (org_id, org)
            states.append(org_state)
            if org_state == "added":
                self.summary.imported_organizations += 1
            elif org_state == "updated":
                self.summary.updated_organizations += 1
        if person is not None:
            person["organization_id"] = org_id
            person_state = self.person(number, person)
            states.append(person_state)
            if person_state == "added":
                self.summary.imported_people += 1
            elif person_state == "updated":
                self.summary.updated_people += 1
        if all(state == "unchanged" for state in states):
            self.summary.unchanged += 1

    # -- organizations

    def organization(self, org: dict) -> tuple[int, str]:
        key = (compact_key(org["name"]), compact_key(org.get("city")))
        org_id = self.orgs.get(key)
        if org_id is None:
            org_id = self._find_org(org)
        if org_id is None:
            org_id = store._insert_organization(self.db, org, self.stamp)
            self.orgs[key] = org_id
            self.org_info[org_id] = (org["name"], org.get("city") or "")
            return org_id, "added"
        self.orgs[key] = org_id
        return org_id, self._update_org(org_id, org)

    def _find_org(self, org: dict) -> int | None:
        city_key = compact_key(org.get("city"))
        candidates = self.db.execute(
            "SELECT id, city FROM organizations WHERE name_key = ? ORDER BY id", [compact_key(org["name"])]
        ).fetchall()
        for org_id, city in candidates:
            if compact_key(city) == city_key:
                return org_id
        if not city_key and len(candidates) == 1:
            return candidates[0][0]
        if city_key:
            for org_id, city in candidates:
                if not city:
                    return org_id
        return None

    def _update_org(self, org_id: int, org: dict) -> str:
        current = store.get_organization(self.db, org_id)
        changes: dict = {}
        for key, value in org.items():
            if key in ("phones", "tags") or value in ("", None):
                continue
            if current.get(key) != value:
                changes[key] = value
        new_phones = [p for p in org.get("phones") or [] if p["number"] not in {c["number"] for c in current["phones"]}]
        if new_phones:
            changes["phones"] = current["phones"] + new_phones
        new_tags = [t for t in org.get("tags") or [] if compact_key(t) not in {compact_key(c) for c in current["tags"]}]
        if new_tags:
            changes["tags"] = current["tags"] + new_tags
        if not changes:
            return "unchanged"
        store.update_organization(self.db, org_id, changes)
        self.org_info[org_id] = (changes.get("name", current["name"]), changes.get("city", current["city"]))
        return "updated"

    # -- people

    def person(self, number: int, person: dict) -> str:
        name_key = store._key(person.get("first_name") or "") + store._key(person.get("last_name") or "")
        org_id = person.get("organization_id")
        mobile = person.get("mobile")
        match = None
        for row_id, row_org, row_mobile in self._people_named(name_key):
            if row_org == org_id or (mobile and row_mobile == mobile):
                match = row_id
                break
        if match is not None:
            state = self._update_person(match, person)
            if self.known is not None:
                row_org, row_mobile = self.db.execute(
                    "SELECT organization_id, mobile FROM people WHERE id = ?", [match]
                ).fetchone()
                self.known[name_key] = [e if e[0] != match else (match, row_org, row_mobile) for e in self.known[name_key]]
                if row_mobile:
                    self.mobiles.setdefault(row_mobile, []).append((person.get("first_name"), person.get("last_name")))
            return state
        if mobile:
            for first, last in self._people_with_mobile(mobile):
                other = f"{first} {last}".strip()
                self.summary.duplicates.append((number, f"شمارهٔ همراه {to_persian_digits(mobile)} را «{other}» هم دارد."))
        history = person.pop("history", [])
        org = self.org_info.get(org_id) if org_id else ("", "")
        if org is None:
            org = store._org_name_city(self.db, org_id)
            self.org_info[org_id] = org
        person_id = store._insert_person(self.db, person, self.stamp, org)
        if self.known is not None:
            self.known.setdefault(name_key, []).append((person_id, org_id, mobile))
            if mobile:
                self.mobiles.setdefault(mobile, []).append((person.get("first_name"), person.get("last_name")))
        self._add_history(person_id, history)
        return "added"

    def _people_named(self, name_key: str) -> list[tuple]:
        if self.known is not None:
            return self.known.get(name_key, [])
        return self.db.execute(
            "SELECT id, organization_id, mobile FROM people WHERE name_key = ? ORDER BY id", [name_key]
        ).fetchall()

    def _people_with_mobile(self, mobile: str) -> list[tuple]:
        if self.known is not None:
            return self.mobiles.get(mobile, [])[:3]
        return self.db.execute("SELECT first_name, last_name FROM people WHERE mobile = ? LIMIT 3", [mobile]).fetchall()

    def _update_person(self, person_id: int, person: dict) -> str:
        current = store.get_person(self.db, person_id)
        history = person.pop("history", [])
        changes: dict = {}
        for key, value in person.items():
            if key in ("tags", "dates", "position_since", "organization_id") or value in ("", None, False):
                continue
            if current.get(key) != value:
                changes[key] = value
        if person.get("organization_id") and current["organization_id"] != person["organization_id"]:
            changes["organization_id"] = person["organization_id"]
        new_tags = [t for t in person.get("tags") or [] if compact_key(t) not in {compact_key(c) for c in current["tags"]}]
        if new_tags:
            changes["tags"] = current["tags"] + new_tags
        known_dates = {(d["label"], d["date"]) for d in current["dates"]}
        new_dates = [d for d in person.get("dates") or [] if (d["label"], d["date"]) not in known_dates]
        if new_dates:
            changes["dates"] = current["dates"] + new_dates
        added_history = self._add_history(person_id, history, current["history"])
        if not changes:
            return "updated" if added_history else "unchanged"
        # A new position in a newer sheet means the person moved: keep the old one in the history.
        store.update_person(self.db, person_id, changes, keep_history=bool(changes.keys() & {"position", "organization_id"}))
        return "updated"

    def _add_history(self, person_id: int, history: list[dict], known: list[dict] | None = None) -> bool:
        seen = {(compact_key(h["position"]), compact_key(h.get("organization")), h.get("from_date"), h.get("to_date"))
                for h in known or []}
        rows = []
        for h in history:
            key = (compact_key(h["position"]), compact_key(h.get("organization")), h.get("from_date"), h.get("to_date"))
            if key in seen:
                continue
            seen.add(key)
            org_id = None
            if h.get("organization"):
                found = self.db.execute(
                    "SELECT id FROM organizations WHERE name_key = ? ORDER BY id LIMIT 1", [compact_key(h["organization"])]
                ).fetchone()
                org_id = found[0] if found else None
            rows.append((person_id, h["position"], org_id, h.get("organization") or "", h.get("from_date"), h.get("to_date")))
        if rows:
            self.db.conn.executemany(
                """INSERT INTO position_history (person_id, position, organization_id, organization_name, from_date, to_date)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                rows,
            )
        return bool(rows)


def import_contacts(
    db: Database,
    path: Path | str,
    mapping: Mapping[int, str] | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import a CSV or XLSX file in ONE transaction; a cancel or a failure leaves the database as it was.

    ``mapping`` is column index → import field key (see IMPORT_FIELDS); None guesses it from
    the header. A row matching an existing record (same name in the same city; a person with the
    same name in the same organization or with the same mobile) updates it; a row that cannot be
    read is skipped with the reason. ``progress(done, total)`` returning False cancels.
    """
    path = Path(path)
    sheet = preview(path, 0)
    mapping = _check_mapping(guess_mapping(sheet.headers) if mapping is None else mapping)
    summary = ImportSummary(total=sheet.total, encoding=sheet.encoding)
    rows, _, _ = _raw_rows(path)
    importer = _Importer(db, summary)
    try:
        with db.atomic(), store.deferred_search_index(db):
            for number, row in enumerate(rows, start=1):
                if number <= sheet.header_row:
                    continue
                done = number - sheet.header_row
                if progress is not None and done % 200 == 1 and progress(done - 1, sheet.total) is False:
                    raise _Cancelled
                if _blank_row(row):
                    summary.empty_rows += 1
                    continue
                importer.row(number, _row_values(row, mapping))
            if progress is not None and progress(sheet.total, sheet.total) is False:
                raise _Cancelled
    except _Cancelled:
        return ImportSummary(total=sheet.total, cancelled=True, encoding=sheet.encoding)
    finally:
        if hasattr(rows, "close"):
            rows.close()
    return summary


# ---------------------------------------------------------------- export


def columns_for(scope: str) -> tuple[Column, ...]:
    """The columns an export of ``scope`` writes."""
    if scope not in SCOPES:
        raise ValueError(f"unknown export scope {scope!r}")
    return {"directory": DIRECTORY_COLUMNS, "people": PERSON_COLUMNS, "organizations": ORGANIZATION_COLUMNS}[scope]


_SEP, _SUB = "\x1f", "\x1e"


def _split(value: str | None, names: tuple[str, ...]) -> list[dict]:
    if not value:
        return []
    return [dict(zip(names, item.split(_SUB))) for item in value.split(_SEP)]


_DIRECTORY_PEOPLE_SQL = f"""
SELECT p.id, p.honorific, p.title, p.first_name, p.last_name, p.gender, p.position, p.position_since, p.mobile,
       p.phone, p.email, p.birthday, p.is_staff, p.notes,
       (SELECT group_concat(t.name, '{_SEP}') FROM person_tags x JOIN tags t ON t.id = x.tag_id WHERE x.person_id = p.id),
       (SELECT group_concat(label || '{_SUB}' || date || '{_SUB}' || kind, '{_SEP}')
          FROM (SELECT * FROM person_dates WHERE person_id = p.id ORDER BY date, id)),
       (SELECT group_concat(h.position || '{_SUB}' || coalesce(o2.name, h.organization_name) || '{_SUB}'
                            || coalesce(h.from_date, '') || '{_SUB}' || coalesce(h.to_date, ''), '{_SEP}')
          FROM (SELECT * FROM position_history WHERE person_id = p.id ORDER BY coalesce(to_date, '9999'), id) h
          LEFT JOIN organizations o2 ON o2.id = h.organization_id),
       p.organization_id
FROM people p WHERE p.id = ?
"""


def _org_export_fields(db: Database, org_id: int | None, cache: dict) -> dict:
    if not org_id:
        return {}
    if org_id not in cache:
        if len(cache) > 2000:
            cache.clear()
        org = store.get_organization(db, org_id)
        cache[org_id] = {
            "org_name": org["name"], "kind": org["kind"], "activity": org["activity"],
            "registration_no": org["registration_no"], "province": org["province"], "city": org["city"],
            "address": org["address"], "postal_code": org["postal_code"], "org_phones": org["phones"],
            "fax": org["fax"], "org_email": org["email"], "website": org["website"], "org_tags": org["tags"],
            "org_notes": org["notes"],
        }
    return cache[org_id]


def _person_export_fields(db: Database, person_id: int) -> dict:
    row = db.execute(_DIRECTORY_PEOPLE_SQL, [person_id]).fetchone()
    keys = ("id", "honorific", "title", "first_name", "last_name", "gender", "position", "position_since", "mobile",
            "phone", "email", "birthday", "is_staff", "notes")
    person = dict(zip(keys, row))
    person["tags"] = row[14].split(_SEP) if row[14] else []
    person["dates"] = _split(row[15], ("label", "date", "kind"))
    history = _split(row[16], ("position", "organization", "from_date", "to_date"))
    for h in history:
        h["from_date"] = h["from_date"] or None
        h["to_date"] = h["to_date"] or None
    person["history"] = history
    person["organization_id"] = row[17]
    return person


def export_rows(db: Database, f: ContactFilter = ContactFilter(), scope: str = "directory") -> Iterator[dict]:
    """Rows of an export, keyed by the scope's column keys, in name order.

    "directory" is the flat sheet that imports back: one row per person with the person's
    organization, then the organizations (matching ``f``) that have no people.
    """
    columns_for(scope)
    if scope == "people":
        yield from store.iter_people(db, f, "name")
        return
    if scope == "organizations":
        yield from store.iter_organizations(db, f, "name")
        return
    cache: dict = {}
    for person in store.iter_people(db, f, "name"):
        row = _person_export_fields(db, person["id"])
        row.update(_org_export_fields(db, row["organization_id"], cache))
        yield row
    if f.staff is None and f.ids is None:
        for org in store.iter_organizations(db, f, "name"):
            if org["people_count"] == 0:
                yield _org_export_fields(db, org["id"], cache)


def _neutralize(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_total(db: Database, f: ContactFilter = ContactFilter(), scope: str = "directory") -> int:
    """How many rows an export of ``scope`` will write (for a progress bar)."""
    columns_for(scope)
    if scope == "organizations":
        return store.count_organizations(db, f)
    total = store.count_people(db, f)
    if scope == "directory" and f.staff is None and f.ids is None:
        total += store.count_organizations(db, f, without_people=True)
    return total


class _ExportCancelled(Exception):
    pass


def _rows_with_progress(db: Database, f: ContactFilter, scope: str, progress: Progress | None) -> Iterator[dict]:
    total = export_total(db, f, scope) if progress is not None else 0
    done = 0
    for done, row in enumerate(export_rows(db, f, scope), start=1):
        yield row
        if progress is not None and done % 500 == 0 and progress(done, total) is False:
            raise _ExportCancelled
    if progress is not None and progress(done, max(total, done)) is False:
        raise _ExportCancelled


def _write(path: Path | str, writer: Callable[[Path], int]) -> int | None:
    """Run ``writer`` on a temporary file beside ``path`` and move it into place only when complete.

    A cancel or a failure leaves no half-written file, and a file the clerk chose to overwrite
    stays as it was.
    """
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        count = writer(temp)
        os.replace(temp, path)
        return count
    except _ExportCancelled:
        return None
    except OSError as exc:
        raise StorageError(f"فایل «{left_to_right(path)}» نوشته نشد ({exc.strerror}). پوشه یا نام دیگری انتخاب کنید.") from exc
    finally:
        temp.unlink(missing_ok=True)


def export_csv(db: Database, path: Path | str, f: ContactFilter = ContactFilter(), scope: str = "directory",
               progress: Progress | None = None) -> int | None:
    """Write a CSV in UTF-8 with BOM (Excel opens it right); cells that could run as formulas are neutralized.

    Returns the number of rows written, or None when ``progress`` returned False (no file is left).
    """
    columns = columns_for(scope)

    def write(target: Path) -> int:
        count = 0
        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([c.persian for c in columns])
            for row in _rows_with_progress(db, f, scope, progress):
                writer.writerow([_neutralize(c.export(row.get(c.key))) for c in columns])
                count += 1
        return count

    return _write(path, write)


def export_xlsx(db: Database, path: Path | str, f: ContactFilter = ContactFilter(), scope: str = "directory",
                progress: Progress | None = None) -> int | None:
    """Write an XLSX with a right-to-left sheet, column widths, a bold frozen header; every cell is text.

    Returns the number of rows written, or None when ``progress`` returned False (no file is left).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    columns = columns_for(scope)

    def write(target: Path) -> int:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("مخاطبان")
        sheet.sheet_view.rightToLeft = True
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width + 2
        bold = Font(bold=True)

        def text_cell(value: str, font=None) -> WriteOnlyCell:
            cell = WriteOnlyCell(sheet, value=value)
            # A text that starts with "=" must stay text, never become a formula.
            cell.data_type = "s"
            if font is not None:
                cell.font = font
            return cell

        sheet.append([text_cell(c.persian, bold) for c in columns])
        count = 0
        try:
            for row in _rows_with_progress(db, f, scope, progress):
                values = [c.export(row.get(c.key)) for c in columns]
                # Plain strings are written as text by openpyxl; only "=…" needs a cell forced to text.
                sheet.append([text_cell(v) if v.startswith("=") else (v or None) for v in values])
                count += 1
        except BaseException:
            # Let openpyxl finish its temporary sheet file before the half-written export is removed.
            with contextlib.suppress(Exception):
                sheet.close()
            raise
        workbook.save(target)
        return count

    return _write(path, write)


def export_vcard(db: Database, path: Path | str, f: ContactFilter = ContactFilter(), scope: str = "directory",
                 progress: Progress | None = None) -> int | None:
    """Write vCard 3.0 cards (UTF-8, CRLF) that Outlook, Android and Thunderbird read.

    People get a card each; with scope "directory" an organization nobody belongs to gets its
    own card, with "organizations" every organization does. Returns the number of cards, or None
    when ``progress`` returned False (no file is left).
    """
    import vobject

    source = "organizations" if scope == "organizations" else "directory"

    def write(target: Path) -> int:
        count = 0
        with open(target, "w", encoding="utf-8", newline="") as fh:
            for row in _rows_with_progress(db, f, source, progress):
                if scope == "organizations":
                    row = _org_export_fields(db, row["id"], {})
                if scope == "people" and not (row.get("first_name") or row.get("last_name")):
                    continue
                fh.write(_vcard(vobject, row).serialize())
                count += 1
        return count

    return _write(path, write)


def _vcard(vobject, row: Mapping) -> object:
    card = vobject.vCard()
    is_person = bool(row.get("first_name") or row.get("last_name"))

    def add(name: str, value, **params):
        prop = card.add(name)
        prop.value = value
        for key, param in params.items():
            setattr(prop, f"{key}_param" if not isinstance(param, list) else f"{key}_paramlist", param)
        # Outlook reads non-ASCII vCard text as the ANSI code page unless told otherwise.
        if not str(value).isascii():
            prop.charset_param = "UTF-8"
        return prop

    if is_person:
        prefix = " ".join(p for p in (row.get("honorific"), row.get("title")) if p)
        card.add("n").value = vobject.vcard.Name(family=row.get("last_name") or "", given=row.get("first_name") or "",
                                                 prefix=prefix)
        card.n.charset_param = "UTF-8"
        add("fn", full_name(row))
        if row.get("org_name"):
            add("org", [row["org_name"]])
        if row.get("position"):
            add("title", row["position"])
        if row.get("mobile"):
            add("tel", row["mobile"], type=["CELL", "VOICE"])
        if row.get("phone"):
            add("tel", row["phone"], type=["WORK", "VOICE"])
        if row.get("email"):
            add("email", row["email"], type=["INTERNET"])
        if row.get("birthday"):
            add("bday", row["birthday"])
        tags = list(row.get("tags") or [])
        notes = row.get("notes") or ""
    else:
        card.add("n").value = vobject.vcard.Name()
        add("fn", row["org_name"])
        add("org", [row["org_name"]])
        add("x-abshowas", "COMPANY")
        for phone in row.get("org_phones") or []:
            add("tel", phone["number"], type=["WORK", "VOICE"])
        if row.get("org_email"):
            add("email", row["org_email"], type=["INTERNET", "WORK"])
        tags = list(row.get("org_tags") or [])
        notes = row.get("org_notes") or ""
    if row.get("fax") and not is_person:
        add("tel", row["fax"], type=["WORK", "FAX"])
    if row.get("address") or row.get("city"):
        add("adr", vobject.vcard.Address(street=row.get("address") or "", city=row.get("city") or "",
                                         region=row.get("province") or "", code=row.get("postal_code") or "",
                                         country="ایران"), type=["WORK"])
    if row.get("website"):
        add("url", row["website"])
    if tags:
        add("categories", tags)
    if notes:
        add("note", notes)
    return card


EXPORTERS: dict[str, Callable[..., int]] = {"csv": export_csv, "xlsx": export_xlsx, "vcf": export_vcard}


def export_contacts(db: Database, path: Path | str, fmt: str, f: ContactFilter = ContactFilter(),
                    scope: str = "directory", progress: Progress | None = None) -> int | None:
    """Export in ``fmt`` ("csv", "xlsx" or "vcf"): the number of rows or cards written, None if cancelled."""
    if fmt not in EXPORTERS:
        raise ValidationError(f"قالب «{fmt}» شناخته نشد؛ یکی از csv، xlsx یا vcf را انتخاب کنید.", "format")
    return EXPORTERS[fmt](db, path, f, scope, progress)


def iter_sheet(path: Path | str) -> Iterator[list[str]]:
    """Every row of a CSV/XLSX file as text cells (header included), for tools and tests."""
    rows, _, _ = _raw_rows(Path(path))
    for row in rows:
        yield [_cell_text(c) for c in row]

