"""The printed annual plan of ceremonies: the office's events of a Jalali year as a table, with a summary."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle
from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core.contacts import full_name
from prdesk.core.jalali import format_jalali, jalali_month_names, weekday_name
from prdesk.core.text import to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.printing.report import bar_chart, build_report, data_table, heading, paragraph, section_heading
from prdesk.store.calendar import EVENT_STATUSES, EVENT_TYPES, EventOccurrence, annual_plan
from prdesk.store.contacts import get_person
from prdesk.store.settings import get_settings

HEADERS = ("ردیف", "تاریخ", "روز", "عنوان", "نوع", "ساعت", "مکان", "مسئول", "وضعیت")
WIDTHS_MM = [10.0, 19.0, 17.0, 0.0, 25.0, 21.0, 36.0, 36.0, 24.0]
ALIGNS = ["center", "center", "center", "right", "right", "center", "right", "right", "center"]
PAGE_WIDTH_MM = 267.0  # A4 landscape inside the report margins
SUMMARY_WIDTHS_MM = [36.0, 15.0, 25.0, 20.0, 17.0]


def _count(value: int) -> str:
    return to_persian_digits(f"{value:,}".replace(",", "٬"))


def _time(occurrence: EventOccurrence) -> str:
    event = occurrence.event
    if event.all_day or not event.start_time:
        return "تمام روز"
    return to_persian_digits(f"{event.start_time}–{event.end_time}" if event.end_time else event.start_time)


def _people(db: Database, plan: Sequence[EventOccurrence]) -> dict[int, str]:
    """The names of the people responsible for the plan's events (a deleted person has none)."""
    names = {}
    for person_id in {o.event.responsible_person_id for o in plan if o.event.responsible_person_id}:
        try:
            names[person_id] = full_name(get_person(db, person_id))
        except NotFound:
            continue
    return names


def plan_rows(db: Database, year: int) -> list[tuple[int, list[str]]]:
    """(Jalali month, table row) of each event of the year, in date order."""
    plan = annual_plan(db, year)
    people = _people(db, plan)
    rows = []
    for index, o in enumerate(plan, start=1):
        e = o.event
        rows.append((
            jalali.jalali_parts(o.date)[1],
            [
                _count(index), format_jalali(o.date), weekday_name(o.date), e.title, EVENT_TYPES.get(e.type, e.type),
                _time(o), e.location, people.get(e.responsible_person_id, ""), EVENT_STATUSES.get(e.status, e.status),
            ],
        ))
    return rows


def plan_story(db: Database, year: int) -> list[Flowable]:
    """The plan: the events month by month in one table, then how many there are by month and by type."""
    if not jalali.MIN_YEAR <= year <= jalali.MAX_YEAR:
        raise ValidationError(f"سال {to_persian_digits(year)} درست نیست؛ سال خورشیدی را چهاررقمی بنویسید (مثلاً ۱۴۰۵).", "year")
    plan = annual_plan(db, year)
    if not plan:
        return [paragraph(f"برای سال {to_persian_digits(year)} هیچ مراسم یا برنامه‌ای ثبت نشده است.", align="right")]
    rows = plan_rows(db, year)
    by_month = Counter(month for month, _ in rows)
    story: list[Flowable] = [paragraph(
        f"{_count(len(rows))} مراسم و برنامه در {_count(len(by_month))} ماه از سال {to_persian_digits(year)}، به ترتیب تاریخ.",
        align="right",
    )]
    widths = list(WIDTHS_MM)
    widths[3] = PAGE_WIDTH_MM - sum(widths)
    # One table per month under its own heading: report.data_table's group rows put their title
    # in the cell ReportLab hides under the span (see the report to the lead).
    for month in sorted(by_month):
        story += section_heading(f"{jalali_month_names[month - 1]} {to_persian_digits(year)} ({_count(by_month[month])} مورد)", size=11, space_before=4)
        story.append(data_table(HEADERS, [row for m, row in rows if m == month], widths, aligns=ALIGNS, size=9))

    story.append(heading("خلاصهٔ برنامهٔ سال", size=12.5, space_before=7))
    story.append(_summary(plan, by_month))
    return story


def _summary(plan: Sequence[EventOccurrence], by_month: Counter) -> Table:
    """The events by type and status (on the right) beside a chart of the events in each month."""
    kinds = Counter(o.event.type for o in plan)
    status = Counter((o.event.type, o.event.status) for o in plan)
    rows = [
        [EVENT_TYPES[kind], _count(kinds[kind])] + [_count(status[(kind, s)]) for s in EVENT_STATUSES]
        for kind in EVENT_TYPES if kinds[kind]
    ]
    rows += [[kind, _count(kinds[kind])] + ["", "", ""] for kind in sorted(set(kinds) - set(EVENT_TYPES))]
    rows.append(["جمع", _count(len(plan))] + [_count(sum(1 for o in plan if o.event.status == s)) for s in EVENT_STATUSES])
    types = data_table(
        ["نوع", "تعداد", *EVENT_STATUSES.values()], rows, SUMMARY_WIDTHS_MM,
        aligns=["right", "center", "center", "center", "center"], size=9,
    )
    counts = [by_month.get(m, 0) for m in range(1, 13)]
    chart_width = PAGE_WIDTH_MM - sum(SUMMARY_WIDTHS_MM) - 8
    chart = bar_chart(list(jalali_month_names), counts, width_mm=chart_width, height_mm=66, title="تعداد مراسم و برنامه‌ها در هر ماه")
    for part in chart.contents:
        if hasattr(part, "valueAxis"):
            # Whole events only: the axis would otherwise mark halves, all printed as whole numbers.
            step = max(1, math.ceil(max(counts) / 6))
            part.valueAxis.valueStep = step
            # Room above the tallest bar for its count, under the chart's title.
            part.valueAxis.valueMax = step * (math.ceil(max(counts) / step) + 1)
            # «اردیبهشت» must not run into its neighbours when the chart shares the width.
            part.categoryAxis.labels.fontSize = 7
    side_by_side = Table([[chart, types]], colWidths=[chart_width * mm + 8 * mm, sum(SUMMARY_WIDTHS_MM) * mm])
    side_by_side.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return side_by_side


def render_plan(db: Database, year: int, *, settings: Mapping[str, str] | None = None, printed: dt.date | None = None) -> bytes:
    """The annual plan of ceremonies of a Jalali year as PDF bytes (A4 landscape)."""
    settings = settings if settings is not None else get_settings(db)
    story = plan_story(db, year)
    return build_report(
        story, title=f"برنامهٔ سالانهٔ مراسم {to_persian_digits(year)}", settings=settings, landscape=True, printed=printed,
    )
