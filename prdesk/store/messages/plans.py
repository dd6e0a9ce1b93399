"""Occasions ahead: lead time, target group and template per occasion, and what the dashboard proposes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from prdesk.core.text import clean, compact_key, to_ascii_digits, to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store.messages.templates import Template, get_template

TARGET_KEYS = ("kind", "activity", "province", "tag", "staff", "position_kind")
MAX_LEAD_DAYS = 60


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
    sent: int = 0  # messages already archived for this occasion in the run-up to it (the batch may be done)


def list_plans(db: Database) -> list[Plan]:
    """Every occasion plan."""
    return [
        Plan(r[0], r[1], r[2], json.loads(r[3] or "{}"), r[4])
        for r in db.execute("SELECT id, occasion, lead_days, target, template_id FROM occasion_plans ORDER BY id").fetchall()
    ]


def get_plan(db: Database, plan_id: int) -> Plan:
    """One plan by id."""
    found = next((p for p in list_plans(db) if p.id == plan_id), None)
    if found is None:
        raise NotFound("این برنامهٔ پیام پیدا نشد؛ شاید حذف شده است. فهرست برنامه‌ها را دوباره باز کنید.")
    return found


def plan_for(db: Database, title: str) -> Plan | None:
    """The plan that covers an occasion titled ``title`` (its word occurs in the title), or None."""
    key = compact_key(title)
    matches = [p for p in list_plans(db) if compact_key(p.occasion) and compact_key(p.occasion) in key]
    # The longest word is the most specific («روز جهانی تعاون» before «تعاون»).
    return max(matches, key=lambda p: len(compact_key(p.occasion)), default=None)


def occasion_message(db: Database, occasion: str) -> str:
    """Whether the calendar greets («greeting») or mourns («condolence») on ``occasion``; '' when it does not say."""
    from prdesk.core.occasions import load_catalog
    from prdesk.store.calendar import list_custom_occasions

    key = compact_key(occasion)
    if not key:
        return ""
    found = [o.message for o in (*load_catalog(), *list_custom_occasions(db))
             if key in compact_key(o.title) and o.message in ("greeting", "condolence")]
    return found[0] if found and all(m == found[0] for m in found) else ""


def check_template(db: Database, template_id: int | None, message: str) -> Template:
    """The plan's template: chosen, still there, in use, and of a kind that suits the occasion («message»)."""
    if template_id is None:
        raise ValidationError("الگوی پیام را انتخاب کنید؛ پیشنهاد داشبورد بی‌الگو کامل نیست.", "template_id")
    try:
        template = get_template(db, int(template_id))
    except NotFound:
        raise ValidationError("این الگو دیگر نیست؛ الگوی دیگری انتخاب کنید.", "template_id") from None
    if not template.active:
        raise ValidationError(f"الگوی «{template.title}» کنار گذاشته شده است؛ الگوی دیگری انتخاب کنید.", "template_id")
    if message == "condolence" and template.kind != "condolence":
        raise ValidationError(f"این مناسبت سوگواری است و الگوی «{template.title}» تسلیت نیست؛ یک الگوی تسلیت انتخاب کنید.",
                              "template_id")
    if message == "greeting" and template.kind == "condolence":
        raise ValidationError(f"این مناسبت جشن است و «{template.title}» الگوی تسلیت است؛ یک الگوی تبریک انتخاب کنید.",
                              "template_id")
    return template


def parse_lead_days(value: object) -> int:
    """The lead time typed by the clerk (Persian or ASCII digits), 0 to 60 days."""
    text = to_ascii_digits(str(value if value is not None else "")).strip()
    if not text:
        raise ValidationError("چند روز پیش از مناسبت پیشنهاد شود؟ عددی از ۰ تا ۶۰ وارد کنید.", "lead_days")
    try:
        days = int(text)
    except ValueError:
        raise ValidationError("فاصلهٔ یادآوری را به عدد وارد کنید؛ از ۰ تا ۶۰ روز.", "lead_days") from None
    if not 0 <= days <= MAX_LEAD_DAYS:
        raise ValidationError(f"فاصلهٔ یادآوری باید بین ۰ تا ۶۰ روز باشد، نه {to_persian_digits(days)} روز.", "lead_days")
    return days


def save_plan(db: Database, occasion: str, *, lead_days: int | str = 3, target: Mapping | None = None,
              template_id: int | None = None, plan_id: int | None = None, message: str | None = None,
              require_template: bool = False) -> Plan:
    """Set the lead time, target group and template of an occasion (a catalog title, an event title or a word of it).

    With ``plan_id`` the plan is edited (its occasion may change); otherwise the plan of the same
    occasion is replaced or a new one made. ``message`` is the occasion's greeting/condolence when the
    caller knows it (from the calendar); otherwise it is looked up. One transaction.
    """
    occasion = clean(occasion)
    if not occasion:
        raise ValidationError("مناسبت را بنویسید.", "occasion")
    days = parse_lead_days(lead_days)
    if template_id is not None or require_template:
        check_template(db, template_id, occasion_message(db, occasion) if message is None else message)
    target = {k: v for k, v in (target or {}).items() if k in TARGET_KEYS and v not in (None, "", False)}
    values = [occasion, compact_key(occasion), days, json.dumps(target, ensure_ascii=False), template_id]
    with db.atomic():
        clash = db.execute("SELECT id FROM occasion_plans WHERE occasion_key = ?", [compact_key(occasion)]).fetchone()
        if plan_id is not None:
            get_plan(db, plan_id)
            if clash and clash[0] != plan_id:
                raise ValidationError(f"برای «{occasion}» برنامهٔ دیگری هست؛ همان را ویرایش کنید.", "occasion")
            db.execute("UPDATE occasion_plans SET occasion = ?, occasion_key = ?, lead_days = ?, target = ?, template_id = ?"
                       " WHERE id = ?", [*values, plan_id])
        else:
            db.execute(
                "INSERT INTO occasion_plans (occasion, occasion_key, lead_days, target, template_id) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (occasion_key) DO UPDATE SET occasion = excluded.occasion, lead_days = excluded.lead_days,"
                " target = excluded.target, template_id = excluded.template_id",
                values,
            )
    return next(p for p in list_plans(db) if compact_key(p.occasion) == compact_key(occasion))


def delete_plan(db: Database, plan_id: int) -> Plan:
    """Remove a plan (the dashboard stops proposing its batch); returns what was removed."""
    plan = get_plan(db, plan_id)
    with db.atomic():
        db.execute("DELETE FROM occasion_plans WHERE id = ?", [plan_id])
    return plan


def next_dates(db: Database, today: dt.date, days: int = 400) -> dict[int, tuple[str, dt.date, dt.date]]:
    """For each plan, its occasion's next day within ``days``: plan id → (title on the calendar, the day, the day it is proposed)."""
    from prdesk.store import calendar as calendar_store

    plans = list_plans(db)
    found: dict[int, tuple[str, dt.date, dt.date]] = {}
    if not plans:
        return found
    for entry in calendar_store.range_model(db, today, today + dt.timedelta(days=days)):
        for item in entry.occasions:
            if item.source not in ("catalog", "event"):
                continue
            key = compact_key(item.title)
            for plan in plans:
                plan_key = compact_key(plan.occasion)
                if plan.id not in found and plan_key and plan_key in key:
                    found[plan.id] = (item.title, entry.date, max(today, entry.date - dt.timedelta(days=plan.lead_days)))
        if len(found) == len(plans):
            break
    return found


def proposals(db: Database, today: dt.date | None = None, horizon: int | None = None) -> list[Proposal]:
    """The batches due now: each planned occasion whose day is no further off than its plan's lead time.

    The calendar is read as far ahead as the longest lead time (at most ``horizon`` days when given).
    """
    from prdesk.store import calendar as calendar_store
    from prdesk.store.messages.recipients import RecipientFilter, count_recipients

    today = today or dt.date.today()
    plans = list_plans(db)
    if not plans:
        return []
    span = max(p.lead_days for p in plans)
    if horizon is not None:
        span = min(span, horizon)
    found: list[Proposal] = []
    seen: set[int] = set()
    # Only occasions and events are proposed: the contacts' birthday counts and the meetings are not read.
    for entry in calendar_store.range_model(db, today, today + dt.timedelta(days=span), contacts_birthdays=False,
                                            meetings=False):
        days_left = (entry.date - today).days
        for item in entry.occasions:
            if item.source not in ("catalog", "event"):
                continue
            key = compact_key(item.title)
            matching = [p for p in plans if compact_key(p.occasion) and compact_key(p.occasion) in key]
            plan = max(matching, key=lambda p: len(compact_key(p.occasion)), default=None)
            if plan is None or plan.id in seen or days_left > plan.lead_days:
                continue
            seen.add(plan.id)
            template = get_template(db, plan.template_id) if plan.template_id else None
            count = count_recipients(db, RecipientFilter.from_target(plan.target))
            sent = db.execute(
                "SELECT count(*) FROM messages WHERE occasion_key = ? AND date BETWEEN ? AND ?",
                [key, (entry.date - dt.timedelta(days=MAX_LEAD_DAYS)).isoformat(), entry.date.isoformat()],
            ).fetchone()[0]
            found.append(Proposal(item.title, entry.date, days_left, count, template, plan.target, sent))
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
