"""Scheduling rules of visitor meetings: statuses, working hours, closed days, conflicts, free slots, working days."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from prdesk.core import jalali
from prdesk.core import occasions as occ
from prdesk.core import recurrence as rec
from prdesk.core.text import clean, to_ascii_digits, to_persian_digits
from prdesk.errors import ValidationError

# Keys are the contract of the command line and the JSON; values are what the clerk reads.
REQUEST_TYPES: dict[str, str] = {
    "request": "درخواست",
    "complaint": "شکایت",
    "suggestion": "پیشنهاد",
    "criticism": "انتقاد",
    "report": "گزارش",
    "courtesy": "دیدار و احوال‌پرسی",
    "invitation": "دعوت",
    "other": "سایر",
}
STATUSES: dict[str, str] = {
    "requested": "درخواست شده",
    "scheduled": "تعیین وقت شده",
    "arrived": "حاضر",
    "held": "برگزار شد",
    "cancelled": "لغو شد",
    "no-show": "غایب",
    "postponed": "موکول شد",
}
PRIORITIES: dict[str, str] = {"low": "کم", "normal": "عادی", "high": "فوری"}
FOLLOWUP_STATES: dict[str, str] = {"open": "باز", "in-progress": "در دست اقدام", "done": "انجام شد", "fruitless": "بی‌نتیجه"}
OPEN_FOLLOWUP_STATES = ("open", "in-progress")
# A meeting in one of these never blocks a slot (it stays in every list and report).
NON_BLOCKING = frozenset({"cancelled", "no-show", "postponed"})
FINAL = frozenset({"held", "cancelled", "no-show", "postponed"})
# Which status may follow which; postponing goes through its own call (it books the new meeting).
TRANSITIONS: dict[str, frozenset[str]] = {
    "requested": frozenset({"scheduled", "arrived", "held", "cancelled", "no-show"}),
    "scheduled": frozenset({"arrived", "held", "cancelled", "no-show"}),
    "arrived": frozenset({"held", "cancelled"}),
    "held": frozenset(),
    "cancelled": frozenset(),
    "no-show": frozenset(),
    "postponed": frozenset(),
}
DEFAULT_HOST = "مدیرکل"
DEFAULT_SLOT_MINUTES = 30
FOLLOWUP_WORKING_DAYS = 30
MIN_DURATION, MAX_DURATION = 5, 600
SERIES_KINDS: dict[str, str] = {"weekly": "هر هفته", "monthly": "هر ماه (همان روز ماه خورشیدی)"}

_TIME = re.compile(r"^(\d{1,2})(?:[:.\u066b](\d{1,2}))?$")


# ---------------------------------------------------------------- times


def parse_time(value: object, field: str = "start", what: str = "ساعت") -> int:
    """Minutes after midnight from 9, 9:30, ۰۹:۳۰ or 9.30; ValidationError otherwise.

    24:00 is midnight at the end of the day (1440): the end of a meeting that lasts until midnight.
    """
    text = to_ascii_digits(clean("" if value is None else str(value)))
    match = _TIME.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if (hour <= 23 and minute <= 59) or (hour == 24 and minute == 0):
            return hour * 60 + minute
    if not text:
        raise ValidationError(f"{what} را بنویسید (مثلاً ۱۰:۳۰).", field)
    raise ValidationError(f"{what} «{to_persian_digits(text)}» درست نیست؛ ساعت را به شکل ۱۰:۳۰ بنویسید.", field)


def format_time(minutes: int) -> str:
    """``HH:MM`` (ASCII digits) of minutes after midnight."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_duration(value: object, default: int = DEFAULT_SLOT_MINUTES) -> int:
    """A duration in minutes (any digits); ValidationError outside 5…600."""
    text = to_ascii_digits(clean("" if value is None else str(value)))
    if not text:
        return default
    if not text.isdigit() or not MIN_DURATION <= int(text) <= MAX_DURATION:
        raise ValidationError(
            f"مدت ملاقات باید عددی از {to_persian_digits(MIN_DURATION)} تا {to_persian_digits(MAX_DURATION)} دقیقه باشد.",
            "duration",
        )
    return int(text)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open intervals share time; touching ones (10:00–10:30, 10:30–11:00) do not."""
    return a_start < b_end and b_start < a_end


def persian_time(value: str) -> str:
    """``HH:MM`` with Persian digits."""
    return to_persian_digits(value)


# ---------------------------------------------------------------- working hours


@dataclass(frozen=True)
class WorkingHours:
    """A host's hours per Saturday-first weekday (0 = Saturday … 6 = Friday); None is a day off."""

    days: tuple[tuple[int, int] | None, ...]

    @classmethod
    def default(cls) -> WorkingHours:
        """Saturday–Wednesday 08:00–14:00, Thursday 08:00–12:00, Friday off."""
        return cls(((480, 840),) * 5 + ((480, 720), None))

    @classmethod
    def from_json(cls, text: str | None) -> WorkingHours:
        if not text:
            return cls.default()
        data = json.loads(text)
        days = []
        for index in range(7):
            span = data.get(str(index)) if isinstance(data, dict) else data[index]
            days.append(None if not span else (parse_time(span[0]), parse_time(span[1])))
        return cls(tuple(days))

    @classmethod
    def from_texts(cls, spans: Mapping[int, tuple[str, str] | None]) -> WorkingHours:
        """Hours from typed ``(start, end)`` per weekday; an empty or missing day is off."""
        days: list[tuple[int, int] | None] = []
        for index in range(7):
            span = spans.get(index)
            if not span or not (clean(span[0]) or clean(span[1])):
                days.append(None)
                continue
            start = parse_time(span[0], "hours", "ساعت شروع کار")
            end = parse_time(span[1], "hours", "ساعت پایان کار")
            if end <= start:
                raise ValidationError(
                    f"ساعت پایان کار {jalali.weekday_names[index]} باید بعد از ساعت شروع آن باشد.", "hours"
                )
            days.append((start, end))
        return cls(tuple(days))

    def to_json(self) -> str:
        return json.dumps(
            {str(i): ([format_time(s[0]), format_time(s[1])] if s else None) for i, s in enumerate(self.days)}
        )

    def on(self, date: dt.date) -> tuple[int, int] | None:
        """The hours on ``date``'s weekday."""
        return self.days[jalali.week_index(date)]

    def describe(self, date: dt.date) -> str:
        span = self.on(date)
        if span is None:
            return "تعطیل"
        return f"{persian_time(format_time(span[0]))} تا {persian_time(format_time(span[1]))}"


# ---------------------------------------------------------------- closed days


def official_holidays(start: dt.date, end: dt.date, correction: int = 0, extra: Mapping[dt.date, str] | None = None) -> dict[dt.date, str]:
    """The official holidays (catalog, lunar ones included, and ``extra``) from ``start`` to ``end``, by day."""
    days: dict[dt.date, str] = {}
    for day, items in occ.catalog_between(start, end, correction).items():
        names = [o.title for o in items if o.holiday]
        if names:
            days[day] = "، ".join(names)
    for day, name in (extra or {}).items():
        if start <= day <= end:
            days[day] = f"{days[day]}، {name}" if day in days else name
    return days


def closed_reason(date: dt.date, hours: WorkingHours, holidays: Mapping[dt.date, str]) -> str | None:
    """Why the office or the host does not receive on ``date``, or None for an open day."""
    if jalali.is_friday(date):
        return f"{jalali.format_jalali_long(date)} جمعه و تعطیل است"
    if date in holidays:
        return f"{jalali.format_jalali_long(date)} تعطیل رسمی است ({holidays[date]})"
    if hours.on(date) is None:
        return f"میزبان {jalali.weekday_name(date)}‌ها ملاقات ندارد"
    return None


def outside_hours_reason(date: dt.date, start: int, end: int, hours: WorkingHours) -> str | None:
    """Why ``start``–``end`` falls outside the host's hours on ``date``, or None when inside."""
    span = hours.on(date)
    if span is None or (span[0] <= start and end <= span[1]):
        return None
    return (
        f"ساعت {persian_time(format_time(start))} تا {persian_time(format_time(end))} بیرون از ساعت کار میزبان "
        f"در {jalali.weekday_name(date)} ({hours.describe(date)}) است"
    )


def add_working_days(start: dt.date, count: int, is_closed: Callable[[dt.date], bool]) -> dt.date:
    """The day ``count`` working days after ``start`` (Fridays and holidays, as ``is_closed`` says, skipped)."""
    day = start
    left = count
    while left > 0:
        day += dt.timedelta(days=1)
        if not is_closed(day):
            left -= 1
    return day


def followup_due(start: dt.date, holidays: Mapping[dt.date, str], days: int = FOLLOWUP_WORKING_DAYS) -> dt.date:
    """The default due date of a follow-up: ``days`` working days after ``start``."""
    return add_working_days(start, days, lambda d: jalali.is_friday(d) or d in holidays)


# ---------------------------------------------------------------- conflicts


@dataclass(frozen=True)
class Booking:
    """What the conflict rule needs of a meeting: when, whose time, which room, which contacts."""

    date: dt.date
    start: int
    end: int
    host_id: int
    room_id: int | None = None
    person_ids: frozenset[int] = frozenset()
    status: str = "scheduled"
    id: int | None = None
    label: str = ""

    @property
    def blocks(self) -> bool:
        return self.status not in NON_BLOCKING


@dataclass(frozen=True)
class Clash:
    """One meeting in the way of a booking, and why (host, room, visitor)."""

    other: Booking
    reasons: tuple[str, ...]


def clash_reasons(candidate: Booking, other: Booking) -> tuple[str, ...]:
    """Why ``other`` conflicts with ``candidate`` ((), when it does not)."""
    if other.id is not None and other.id == candidate.id:
        return ()
    if not other.blocks or other.date != candidate.date:
        return ()
    if not overlaps(candidate.start, candidate.end, other.start, other.end):
        return ()
    reasons = []
    if other.host_id == candidate.host_id:
        reasons.append("host")
    if candidate.room_id is not None and other.room_id == candidate.room_id:
        reasons.append("room")
    if candidate.person_ids & other.person_ids:
        reasons.append("visitor")
    return tuple(reasons)


def find_clashes(candidate: Booking, others: Iterable[Booking]) -> list[Clash]:
    """The meetings in ``others`` that conflict with ``candidate``, earliest first."""
    found = [Clash(o, r) for o in others if (r := clash_reasons(candidate, o))]
    return sorted(found, key=lambda c: (c.other.start, c.other.id or 0))


REASON_WORDS = {"host": "همان میزبان", "room": "همان اتاق", "visitor": "همان مراجعه‌کننده"}


def describe_clash(clash: Clash) -> str:
    o = clash.other
    why = "، ".join(REASON_WORDS[r] for r in clash.reasons)
    label = f"«{o.label}» " if o.label else ""
    return (
        f"ملاقات {label}(شمارهٔ {to_persian_digits(o.id or '')}، {jalali.format_jalali(o.date)} ساعت "
        f"{persian_time(format_time(o.start))} تا {persian_time(format_time(o.end))}؛ {why})"
    )


def free_slots(
    date: dt.date,
    duration: int,
    hours: WorkingHours,
    busy: Callable[[dt.date], list[tuple[int, int]]],
    is_closed: Callable[[dt.date], bool],
    *,
    after: int = 0,
    count: int = 3,
    step: int = DEFAULT_SLOT_MINUTES,
    horizon_days: int = 60,
) -> list[tuple[dt.date, int]]:
    """The next ``count`` (day, start) a host is free for ``duration`` minutes, from ``date`` at ``after`` on.

    Candidates are the start of the hours, every ``step`` minutes from it and the end of each busy
    interval; only open days and times inside the hours are offered.
    """
    found: list[tuple[dt.date, int]] = []
    step = max(step, 5)
    for offset in range(horizon_days + 1):
        day = date + dt.timedelta(days=offset)
        span = hours.on(day)
        if span is None or is_closed(day):
            continue
        intervals = busy(day)
        low = after if offset == 0 else 0
        starts = set(range(span[0], span[1], step)) | {end for _, end in intervals} | {span[0]}
        for start in sorted(starts):
            if start < low or start < span[0] or start + duration > span[1]:
                continue
            if any(overlaps(start, start + duration, s, e) for s, e in intervals):
                continue
            found.append((day, start))
            if len(found) == count:
                return found
    return found


def describe_slots(slots: Iterable[tuple[dt.date, int]]) -> str:
    return "، ".join(f"{jalali.format_jalali_long(d)} ساعت {persian_time(format_time(s))}" for d, s in slots)


class MeetingConflict(ValidationError):
    """The time is taken: ``clashes`` names the meetings in the way, ``slots`` the next free times."""

    def __init__(self, clashes: list[Clash], slots: list[tuple[dt.date, int]]):
        self.clashes = clashes
        self.slots = slots
        text = "این وقت با " + "، ".join(describe_clash(c) for c in clashes[:3]) + " تداخل دارد."
        if slots:
            text += f" وقت‌های آزاد بعدی میزبان: {describe_slots(slots)}."
        text += " وقت دیگری انتخاب کنید، یا اگر همین وقت باید بماند «ثبت با وجود تداخل» را انتخاب کنید."
        super().__init__(text, "start")


class ClosedTime(ValidationError):
    """A closed day (Friday, holiday, host's day off) or a time outside the host's hours."""

    def __init__(self, reason: str, slots: list[tuple[dt.date, int]] | None = None):
        self.reason = reason
        self.slots = slots or []
        text = f"{reason}."
        if self.slots:
            text += f" وقت‌های آزاد بعدی میزبان: {describe_slots(self.slots)}."
        text += " روز یا ساعت دیگری انتخاب کنید، یا اگر ملاقات باید همین وقت باشد «ثبت در روز یا ساعت تعطیل» را انتخاب کنید."
        super().__init__(text, "date")


# ---------------------------------------------------------------- status


def check_transition(current: str, new: str) -> None:
    """ValidationError unless a meeting in ``current`` may become ``new``."""
    if new not in STATUSES:
        raise ValidationError(f"وضعیت «{new}» شناخته نیست؛ یکی از این‌ها را انتخاب کنید: {'، '.join(STATUSES)}.", "status")
    if new == current:
        raise ValidationError(f"ملاقات همین حالا «{STATUSES[new]}» است.", "status")
    if new not in TRANSITIONS[current]:
        raise ValidationError(
            f"ملاقاتی که «{STATUSES[current]}» است «{STATUSES[new]}» نمی‌شود.", "status"
        )


def choice(value: object, allowed: Mapping[str, str], field: str, what: str, default: str) -> str:
    """An English key from a key or its Persian name; ValidationError naming the choices."""
    text = clean("" if value is None else str(value)) or default
    if text in allowed:
        return text
    for key, name in allowed.items():
        if clean(name) == text:
            return key
    raise ValidationError(f"{what} «{text}» شناخته نیست؛ یکی از این‌ها را انتخاب کنید: {'، '.join(allowed)}.", field)


# ---------------------------------------------------------------- recurrence


@dataclass
class SeriesPlan:
    """The days a recurring meeting is held on, and the days skipped (with why)."""

    dates: list[dt.date] = field(default_factory=list)
    skipped: list[tuple[dt.date, str]] = field(default_factory=list)


def series_dates(
    first: dt.date, kind: str, until: dt.date, closed: Callable[[dt.date], str | None]
) -> SeriesPlan:
    """Every occurrence from ``first`` to ``until`` of a weekly or monthly (Jalali day) meeting; closed days skipped."""
    if kind not in SERIES_KINDS:
        raise ValidationError(f"نوع تکرار «{kind}» شناخته نیست؛ «weekly» یا «monthly» را انتخاب کنید.", "repeat")
    if until < first:
        raise ValidationError("تاریخ پایان تکرار باید بعد از تاریخ اولین ملاقات باشد.", "until")
    if (until - first).days > 3 * 366:
        raise ValidationError("ملاقات تکراری را برای بیش از سه سال ثبت نکنید.", "until")
    kind_key = rec.WEEKLY if kind == "weekly" else rec.MONTHLY_JALALI
    plan = SeriesPlan()
    for day in rec.occurrences(first, kind_key, first, until):
        reason = closed(day)
        if reason:
            plan.skipped.append((day, reason))
        else:
            plan.dates.append(day)
    return plan
