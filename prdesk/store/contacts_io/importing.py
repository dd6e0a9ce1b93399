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
from prdesk.core.text import compact_key, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store import contacts as store
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
    "birthday", "is_staff", "tags", "dates", "notes", "deceased_on",
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
    importer = _Importer(db, summary)
    unreadable = sheet.unreadable > 0
    done = 0
    try:
        with write_transaction(db), store.deferred_search_index(db):
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
                importer.row(number, _row_values(row, mapping))
            summary.total = done  # the estimate counted lines; a quoted cell may hold several
            if progress is not None and progress(done, done) is False:
                raise _Cancelled
    except _Cancelled:
        return ImportSummary(total=sheet.total, cancelled=True, encoding=sheet.encoding)
    finally:
        if hasattr(rows, "close"):
            rows.close()
    return summary

