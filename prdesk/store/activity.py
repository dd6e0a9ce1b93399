"""The record of media and public work (کارنامه): entries, their editable kinds, search, import of clippings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from sqlite_utils import Database

from prdesk.core.activity import KINDS, LEVELS, TONES
from prdesk.core.jalali import format_jalali_iso, parse_jalali
from prdesk.core.text import clean, search_key, to_persian_digits
from prdesk.errors import NotFound, ValidationError

_LINK_SCHEMES = ("http://", "https://")
MAX_TITLE = 500


@dataclass(frozen=True)
class Activity:
    """One piece of media or public work on one day."""

    id: int
    date: dt.date
    kind: str
    title: str
    outlet: str = ""
    outlet_org_id: int | None = None
    level: str = ""
    tone: str = ""
    link: str = ""
    notes: str = ""
    people: tuple[int, ...] = field(default=())

    def as_json(self, kinds: Mapping[str, str]) -> dict:
        """The entry as the command line prints it: ASCII digits, Jalali date, English keys."""
        return {
            "id": self.id, "date": format_jalali_iso(self.date), "kind": self.kind, "kind_name": kinds.get(self.kind, self.kind),
            "title": self.title, "outlet": self.outlet, "outlet_org_id": self.outlet_org_id, "level": self.level or None,
            "tone": self.tone or None, "link": self.link, "notes": self.notes, "people": list(self.people),
        }


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def kinds(db: Database) -> dict[str, str]:
    """The kinds of work in the clerk's order: English key → Persian name."""
    return {row["key"]: row["name"] for row in db.query("SELECT key, name FROM media_kinds ORDER BY position, rowid")}


def add_kind(db: Database, name: str) -> str:
    """Add a kind of work to the editable list; returns its key. A name already listed is refused."""
    name = clean(name)
    if not name:
        raise ValidationError("نام نوع فعالیت خالی است؛ نامی برای آن وارد کنید.", "name")
    existing = {search_key(n): k for k, n in kinds(db).items()}
    if search_key(name) in existing:
        raise ValidationError(f"نوع «{name}» در فهرست هست.", "name")
    with db.atomic():
        number = db.execute("SELECT count(*) FROM media_kinds WHERE key LIKE 'custom-%'").fetchone()[0] + 1
        key = f"custom-{number}"
        while db.execute("SELECT 1 FROM media_kinds WHERE key = ?", [key]).fetchone():
            number += 1
            key = f"custom-{number}"
        position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM media_kinds").fetchone()[0]
        db.execute("INSERT INTO media_kinds (key, name, position) VALUES (?, ?, ?)", [key, name, position])
    return key


def _kind_key(db: Database, value: object) -> str:
    """The key of a kind given as its English key or its Persian name."""
    text = clean(str(value or ""))
    if not text:
        raise ValidationError("نوع فعالیت را انتخاب کنید (مثلاً خبر منتشرشده یا مصاحبه).", "kind")
    listed = kinds(db)
    if text in listed:
        return text
    by_name = {search_key(name): key for key, name in listed.items()}
    key = by_name.get(search_key(text))
    if key is None:
        raise ValidationError(f"نوع فعالیت «{text}» شناخته نشد؛ یکی از این‌ها را بنویسید: {'، '.join(listed.values())}.", "kind")
    return key


def _choice(value: object, allowed: Mapping[str, str], field: str, what: str) -> str:
    """An optional enumeration given as its English key or Persian label; '' when empty."""
    text = clean(str(value or ""))
    if not text:
        return ""
    if text in allowed:
        return text
    by_label = {search_key(label): key for key, label in allowed.items()}
    key = by_label.get(search_key(text))
    if key is None:
        raise ValidationError(f"{what} «{text}» شناخته نشد؛ یکی از این‌ها را بنویسید: {'، '.join(allowed.values())}.", field)
    return key


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return parse_jalali(str(value) if value is not None else "", "date")


def check_activity(db: Database, values: Mapping) -> dict:
    """The cleaned columns of an entry, or ValidationError naming the field and what to do."""
    title = clean(values.get("title"))
    if not title:
        raise ValidationError("عنوان فعالیت خالی است؛ عنوان خبر، مصاحبه یا گزارش را وارد کنید.", "title")
    if len(title) > MAX_TITLE:
        raise ValidationError(f"عنوان بیش از {to_persian_digits(MAX_TITLE)} نویسه است؛ آن را کوتاه کنید و جزئیات را در یادداشت بنویسید.", "title")
    link = clean(values.get("link"))
    if link and (not link.lower().startswith(_LINK_SCHEMES) or any(c.isspace() for c in link)):
        raise ValidationError("پیوند باید نشانی کامل وب باشد که با http:// یا https:// شروع می‌شود.", "link")
    org_id = values.get("outlet_org_id")
    if org_id is not None and org_id != "":
        org_id = int(org_id)
        if not db.execute("SELECT 1 FROM organizations WHERE id = ?", [org_id]).fetchone():
            raise ValidationError("رسانهٔ انتخاب‌شده در مخاطبان پیدا نشد؛ دوباره انتخاب کنید.", "outlet")
    else:
        org_id = None
    outlet = clean(values.get("outlet"))
    if org_id is not None and not outlet:
        outlet = db.execute("SELECT name FROM organizations WHERE id = ?", [org_id]).fetchone()[0]
    row = {
        "date": _date(values.get("date")).isoformat(),
        "kind": _kind_key(db, values.get("kind")),
        "title": title,
        "outlet": outlet,
        "outlet_org_id": org_id,
        "level": _choice(values.get("level"), LEVELS, "level", "سطح"),
        "tone": _choice(values.get("tone"), TONES, "tone", "لحن"),
        "link": link,
        "notes": clean(values.get("notes")),
    }
    row["search_key"] = search_key(" ".join([row["title"], row["outlet"], row["notes"]]))
    return row


def _people_ids(db: Database, value: Iterable | None) -> list[int]:
    ids = sorted({int(v) for v in (value or ())})
    for person_id in ids:
        if not db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone():
            raise ValidationError("یکی از افراد انتخاب‌شده در مخاطبان پیدا نشد؛ دوباره انتخاب کنید.", "people")
    return ids


def _from_row(db: Database, row: Mapping) -> Activity:
    people = tuple(r[0] for r in db.execute(
        "SELECT person_id FROM activity_people WHERE activity_id = ? ORDER BY person_id", [row["id"]]))
    return Activity(
        id=row["id"], date=dt.date.fromisoformat(row["date"]), kind=row["kind"], title=row["title"], outlet=row["outlet"],
        outlet_org_id=row["outlet_org_id"], level=row["level"], tone=row["tone"], link=row["link"], notes=row["notes"],
        people=people,
    )


def get_activity(db: Database, activity_id: int) -> Activity:
    rows = list(db.query("SELECT * FROM activities WHERE id = ?", [activity_id]))
    if not rows:
        raise NotFound("این فعالیت دیگر در کارنامه نیست؛ شاید حذف شده باشد.")
    return _from_row(db, rows[0])


def add_activity(db: Database, values: Mapping) -> Activity:
    """Record one entry (one transaction)."""
    row = check_activity(db, values)
    people = _people_ids(db, values.get("people"))
    now = _now()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO activities (date, kind, title, outlet, outlet_org_id, level, tone, link, notes, search_key, created_at, updated_at)"
            " VALUES (:date, :kind, :title, :outlet, :outlet_org_id, :level, :tone, :link, :notes, :search_key, :now, :now)",
            {**row, "now": now},
        )
        activity_id = cursor.lastrowid
        db.conn.executemany("INSERT INTO activity_people (activity_id, person_id) VALUES (?, ?)", [(activity_id, p) for p in people])
    return get_activity(db, activity_id)


def update_activity(db: Database, activity_id: int, values: Mapping) -> Activity:
    """Change an entry; fields not given keep their values."""
    current = get_activity(db, activity_id)
    merged = {
        "date": current.date, "kind": current.kind, "title": current.title, "outlet": current.outlet,
        "outlet_org_id": current.outlet_org_id, "level": current.level, "tone": current.tone, "link": current.link,
        "notes": current.notes, **values,
    }
    row = check_activity(db, merged)
    with db.atomic():
        db.execute(
            "UPDATE activities SET date = :date, kind = :kind, title = :title, outlet = :outlet, outlet_org_id = :outlet_org_id,"
            " level = :level, tone = :tone, link = :link, notes = :notes, search_key = :search_key, updated_at = :now WHERE id = :id",
            {**row, "now": _now(), "id": activity_id},
        )
        if "people" in values:
            db.execute("DELETE FROM activity_people WHERE activity_id = ?", [activity_id])
            db.conn.executemany(
                "INSERT INTO activity_people (activity_id, person_id) VALUES (?, ?)",
                [(activity_id, p) for p in _people_ids(db, values["people"])],
            )
    return get_activity(db, activity_id)


def delete_activity(db: Database, activity_id: int) -> Activity:
    """Remove an entry recorded by mistake; returns what was removed."""
    gone = get_activity(db, activity_id)
    with db.atomic():
        db.execute("DELETE FROM activities WHERE id = ?", [activity_id])
    return gone


def _where(start: dt.date | None, end: dt.date | None, kind: str | None, text: str, level: str | None) -> tuple[str, list]:
    clauses, params = [], []
    if start:
        clauses.append("date >= ?")
        params.append(start.isoformat())
    if end:
        clauses.append("date <= ?")
        params.append(end.isoformat())
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    if level:
        clauses.append("level = ?")
        params.append(level)
    for word in search_key(text).split():
        clauses.append("search_key LIKE ? ESCAPE '\\'")
        params.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_activities(
    db: Database, *, start: dt.date | None = None, end: dt.date | None = None, kind: str | None = None,
    text: str = "", level: str | None = None, limit: int | None = None, offset: int = 0,
) -> list[Activity]:
    """Entries newest first, filtered by period, kind, level and normalized search text."""
    where, params = _where(start, end, kind, text, level)
    sql = f"SELECT * FROM activities{where} ORDER BY date DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_from_row(db, row) for row in db.query(sql, params)]


def count_activities(db: Database, *, start=None, end=None, kind=None, text: str = "", level=None) -> int:
    where, params = _where(start, end, kind, text, level)
    return db.execute(f"SELECT count(*) FROM activities{where}", params).fetchone()[0]


# Import of a list of clippings: column headers in Persian or English.
_IMPORT_HEADERS = {
    "date": ("تاریخ", "date"),
    "kind": ("نوع", "kind"),
    "title": ("عنوان", "title", "تیتر"),
    "outlet": ("رسانه", "outlet", "منبع"),
    "level": ("سطح", "level"),
    "tone": ("لحن", "tone", "جهت"),
    "link": ("پیوند", "link", "نشانی", "url"),
    "notes": ("یادداشت", "notes", "توضیحات"),
}


@dataclass
class ImportResult:
    """How many entries a clippings file added."""

    added: int


def import_activities(db: Database, path: Path | str, *, default_kind: str = "clipping") -> ImportResult:
    """Add every row of a CSV/XLSX list of clippings, all or nothing.

    A row that cannot be read refuses the whole file with its row number and the reason, so the
    clerk fixes the file and imports it again; nothing is half-imported.
    """
    from prdesk.store.contacts_io import iter_sheet

    rows = [row for row in iter_sheet(path) if any(cell.strip() for cell in row)]
    if not rows:
        raise ValidationError("فایل هیچ سطری ندارد؛ فایل فهرست بریده جراید را بررسی کنید.", "file")
    header = [search_key(cell) for cell in rows[0]]
    columns: dict[str, int] = {}
    for key, names in _IMPORT_HEADERS.items():
        for index, cell in enumerate(header):
            if cell in {search_key(n) for n in names}:
                columns[key] = index
                break
    if "date" not in columns or "title" not in columns:
        raise ValidationError("ستون «تاریخ» یا «عنوان» در سطر اول فایل پیدا نشد؛ سطر اول باید نام ستون‌ها باشد.", "file")
    checked, problems = [], []
    for number, row in enumerate(rows[1:], start=2):
        values = {key: (row[index] if index < len(row) else "") for key, index in columns.items()}
        values.setdefault("kind", default_kind)
        if not clean(values.get("kind")):
            values["kind"] = default_kind
        try:
            checked.append(check_activity(db, values))
        except ValidationError as error:
            problems.append(f"سطر {to_persian_digits(number)}: {error}")
    if problems:
        shown = "\n".join(problems[:10])
        more = f"\nو {to_persian_digits(len(problems) - 10)} سطر دیگر." if len(problems) > 10 else ""
        raise ValidationError(f"هیچ سطری وارد نشد؛ این سطرها خوانده نشدند:\n{shown}{more}", "file")
    now = _now()
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO activities (date, kind, title, outlet, outlet_org_id, level, tone, link, notes, search_key, created_at, updated_at)"
            " VALUES (:date, :kind, :title, :outlet, :outlet_org_id, :level, :tone, :link, :notes, :search_key, :now, :now)",
            [{**row, "now": now} for row in checked],
        )
    return ImportResult(added=len(checked))

