"""Occasions ahead: lead time, target group and template per occasion, and what the dashboard proposes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from prdesk.core.text import clean, compact_key
from prdesk.errors import ValidationError
from prdesk.store.messages.templates import Template, get_template

TARGET_KEYS = ("kind", "activity", "province", "tag", "staff", "position_kind")


@dataclass(frozen=True)
class Plan:
    """How the office greets an occasion: how many days ahead, whom, with which template."""

    id: int
    occasion: str
    lead_days: int
    target: dict
    template_id: int | None


@dataclass(frozen=True)
class Proposal:
    """One batch the dashboard proposes: the occasion's day, the days left, the recipients and the template."""

    occasion: str
    date: dt.date
    days_left: int
    recipients: int
    template: Template | None
    target: dict


def list_plans(db: Database) -> list[Plan]:
    """Every occasion plan."""
    return [
        Plan(r[0], r[1], r[2], json.loads(r[3] or "{}"), r[4])
        for r in db.execute("SELECT id, occasion, lead_days, target, template_id FROM occasion_plans ORDER BY id").fetchall()
    ]


def save_plan(db: Database, occasion: str, *, lead_days: int = 3, target: Mapping | None = None, template_id: int | None = None) -> Plan:
    """Set the lead time, target group and template of an occasion (a catalog title, an event title or a word of it)."""
    occasion = clean(occasion)
    if not occasion:
        raise ValidationError("مناسبت را بنویسید.", "occasion")
    if not 0 <= int(lead_days) <= 60:
        raise ValidationError("فاصلهٔ یادآوری باید بین ۰ تا ۶۰ روز باشد.", "lead_days")
    target = {k: v for k, v in (target or {}).items() if k in TARGET_KEYS and v not in (None, "")}
    with db.atomic():
        db.execute(
            "INSERT INTO occasion_plans (occasion, occasion_key, lead_days, target, template_id) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (occasion_key) DO UPDATE SET occasion = excluded.occasion, lead_days = excluded.lead_days,"
            " target = excluded.target, template_id = excluded.template_id",
            [occasion, compact_key(occasion), int(lead_days), json.dumps(target, ensure_ascii=False), template_id],
        )
    return next(p for p in list_plans(db) if compact_key(p.occasion) == compact_key(occasion))


def proposals(db: Database, today: dt.date | None = None, horizon: int = 14) -> list[Proposal]:
    """The batches due now: for each occasion in the next ``horizon`` days whose plan's lead time has come."""
    from prdesk.store import calendar as calendar_store
    from prdesk.store.messages.recipients import RecipientFilter, count_recipients

    today = today or dt.date.today()
    plans = list_plans(db)
    if not plans:
        return []
    found: list[Proposal] = []
    seen: set[str] = set()
    for entry in calendar_store.range_model(db, today, today + dt.timedelta(days=horizon)):
        days_left = (entry.date - today).days
        for item in entry.occasions:
            if item.source not in ("catalog", "event"):
                continue
            key = compact_key(item.title)
            for plan in plans:
                plan_key = compact_key(plan.occasion)
                if plan_key and plan_key in key and days_left <= plan.lead_days and plan.occasion not in seen:
                    seen.add(plan.occasion)
                    template = get_template(db, plan.template_id) if plan.template_id else None
                    count = count_recipients(db, RecipientFilter.from_target(plan.target))
                    found.append(Proposal(item.title, entry.date, days_left, count, template, plan.target))
    return found


def staff_birthdays(db: Database, today: dt.date, days: int = 14) -> list[dict]:
    """Living staff whose birthday (Jalali anniversary) falls in the next ``days`` days: id, name, day, days_left."""
    from prdesk.core.jalali import jalali_parts
    from prdesk.core.recurrence import jalali_anniversary
    from prdesk.core.salutation import resolve_salutation

    found = []
    rows = db.execute(
        "SELECT id, honorific, title, first_name, last_name, gender, salutation, birthday FROM people"
        " WHERE is_staff = 1 AND NOT deceased AND birthday IS NOT NULL AND birthday <> ''"
    ).fetchall()
    year = jalali_parts(today)[0]
    for row in rows:
        person = dict(zip(("id", "honorific", "title", "first_name", "last_name", "gender", "salutation", "birthday"), row))
        try:
            born = dt.date.fromisoformat(person["birthday"])
        except ValueError:
            continue
        for y in (year, year + 1):
            day = jalali_anniversary(born, y)
            if today <= day < today + dt.timedelta(days=days):
                name = " ".join(p for p in (person["first_name"], person["last_name"]) if p)
                found.append({"id": person["id"], "name": f"{resolve_salutation(person)} {name}".strip(), "day": day,
                              "days_left": (day - today).days})
                break
    return sorted(found, key=lambda b: (b["day"], b["name"]))
