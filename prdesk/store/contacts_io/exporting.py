"""Exporting the directory: CSV and XLSX that import back, and vCard for phones and mail programs."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from sqlite_utils import Database

from prdesk.core.contacts import (
    DIRECTORY_COLUMNS,
    ORGANIZATION_COLUMNS,
    PERSON_COLUMNS,
    Column,
    ContactFilter,
    full_name,
)
from prdesk.errors import ValidationError
from prdesk.store import contacts as store
from prdesk.store.contacts_io.importing import FORMULA_STARTS, Progress
from prdesk.store.outputs import write_replacing

SCOPES = ("directory", "people", "organizations")



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
       p.organization_id, p.deceased_on
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
    person["deceased_on"] = row[18]
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
    try:
        return write_replacing(path, writer)
    except _ExportCancelled:
        return None


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

