"""Occasions the office keeps: catalog occasions the clerk hides, and the office's own recurring ones."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Mapping

from sqlite_utils import Database

from prdesk.core import occasions as occ
from prdesk.core.occasions import Occasion, Rule
from prdesk.core.text import clean, to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store.calendar.fields import _choice, _flag, _now, _rows

CUSTOM_PREFIX = "custom:"


@dataclass(frozen=True)
class CustomOccasion:
    """One of the office's own recurring occasions (its founding day, …)."""

    id: int
    title: str
    calendar: str
    rule: Rule
    holiday: bool
    message: str
    notes: str = ""

    @property
    def key(self) -> str:
        """The key its day items carry as ``ref``."""
        return f"{CUSTOM_PREFIX}{self.id}"

    def as_occasion(self) -> Occasion:
        """The occasion the year model evaluates (category office)."""
        return Occasion(self.key, self.title, self.calendar, self.rule, self.holiday, "office", self.message)


@dataclass(frozen=True)
class CatalogRow:
    """A catalog occasion and whether the clerk hid it."""

    occasion: Occasion
    hidden: bool


def hidden_occasion_keys(db: Database) -> set[str]:
    """Keys of the catalog occasions the clerk hid."""
    return {r[0] for r in db.execute("SELECT occasion_key FROM hidden_occasions")}


def hide_occasion(db: Database, key: str) -> str:
    """Hide a catalog occasion from every view (an official holiday still closes the office); return its key."""
    if key not in occ.catalog_by_key():
        raise NotFound("این مناسبت در فهرست مناسبت‌ها نیست.")
    with db.atomic():
        db.execute("INSERT OR IGNORE INTO hidden_occasions (occasion_key, hidden_at) VALUES (?, ?)", [key, _now()])
    return key


def show_occasion(db: Database, key: str) -> str:
    """Show a hidden catalog occasion again; return its key."""
    with db.atomic():
        db.execute("DELETE FROM hidden_occasions WHERE occasion_key = ?", [key])
    return key


def catalog_occasions(db: Database) -> list[CatalogRow]:
    """The whole catalog in its order, each with whether it is hidden (for the occasions list)."""
    hidden = hidden_occasion_keys(db)
    return [CatalogRow(o, o.key in hidden) for o in occ.load_catalog()]


def check_custom_occasion(values: Mapping) -> dict:
    """The custom occasion's row from typed values; ValidationError names the first bad field."""
    title = clean(values.get("title"))
    if not title:
        raise ValidationError("عنوان مناسبت را بنویسید.", "title")
    calendar = _choice(values.get("calendar"), occ.CALENDARS, "calendar", "تقویم", "jalali")
    message = _choice(values.get("message"), occ.MESSAGES, "message", "نوع پیام", "greeting")
    rule_value = values.get("rule")
    if isinstance(rule_value, Rule):
        rule = rule_value
        rule.check()
    elif isinstance(rule_value, Mapping):
        rule = Rule.from_dict(rule_value)
    else:
        rule = Rule.from_dict({"type": "fixed", "month": values.get("month"), "day": values.get("day")})
    if rule.type == "fixed":
        longest = {
            "jalali": 31 if rule.month <= 6 else 30,
            "hijri": 30,
            "gregorian": (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[rule.month - 1],
        }[calendar]
        if rule.day > longest:
            raise ValidationError(
                f"روز {to_persian_digits(rule.day)} در این ماه نیست؛ روز را از ۱ تا {to_persian_digits(longest)} انتخاب کنید.",
                "day",
            )
    return {
        "title": title,
        "calendar": calendar,
        "rule": json.dumps(rule.to_dict()),
        "holiday": int(_flag(values.get("holiday", False))),
        "message": message,
        "notes": clean(values.get("notes")),
    }


def _custom_from_row(row: Mapping) -> CustomOccasion:
    return CustomOccasion(
        id=row["id"],
        title=row["title"],
        calendar=row["calendar"],
        rule=Rule.from_dict(json.loads(row["rule"])),
        holiday=bool(row["holiday"]),
        message=row["message"],
        notes=row["notes"],
    )


def list_custom_occasions(db: Database) -> list[CustomOccasion]:
    """The office's own occasions, in the order they were added."""
    return [_custom_from_row(r) for r in _rows(db, "SELECT * FROM custom_occasions ORDER BY id")]


def get_custom_occasion(db: Database, occasion_id: int) -> CustomOccasion:
    """One of the office's own occasions; NotFound if it was deleted."""
    rows = _rows(db, "SELECT * FROM custom_occasions WHERE id = ?", [occasion_id])
    if not rows:
        raise NotFound("این مناسبت پیدا نشد؛ شاید حذف شده است.")
    return _custom_from_row(rows[0])


def add_custom_occasion(db: Database, values: Mapping) -> CustomOccasion:
    """Save one of the office's own recurring occasions (e.g. its founding day); return it."""
    row = check_custom_occasion(values)
    now = _now()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO custom_occasions (title, calendar, rule, holiday, message, notes, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [*row.values(), now, now],
        )
    return get_custom_occasion(db, cursor.lastrowid)


def update_custom_occasion(db: Database, occasion_id: int, changes: Mapping) -> CustomOccasion:
    """Apply ``changes`` to one of the office's own occasions; return it."""
    current = get_custom_occasion(db, occasion_id)
    merged = {
        "title": current.title, "calendar": current.calendar, "rule": current.rule,
        "holiday": current.holiday, "message": current.message, "notes": current.notes,
    }
    merged.update(changes)
    if ("month" in changes or "day" in changes) and "rule" not in changes:
        merged["rule"] = {"type": "fixed", "month": changes.get("month", current.rule.month), "day": changes.get("day", current.rule.day)}
    row = check_custom_occasion(merged)
    with db.atomic():
        db.execute(
            "UPDATE custom_occasions SET title = ?, calendar = ?, rule = ?, holiday = ?, message = ?, notes = ?,"
            " updated_at = ? WHERE id = ?",
            [*row.values(), _now(), occasion_id],
        )
    return get_custom_occasion(db, occasion_id)


def delete_custom_occasion(db: Database, occasion_id: int) -> CustomOccasion:
    """Delete one of the office's own occasions; return what was deleted."""
    current = get_custom_occasion(db, occasion_id)
    with db.atomic():
        db.execute("DELETE FROM custom_occasions WHERE id = ?", [occasion_id])
    return current

