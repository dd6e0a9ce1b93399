"""The figures of the periodic performance report (گزارش عملکرد): one function feeds the PDF, the XLSX, the page and the CLI."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from sqlite_utils import Database

from prdesk.core.activity import LEVELS, TONES, Period, period_of, previous_period, same_period_last_year
from prdesk.core.jalali import format_jalali_iso

#: The areas of the report in the order the document prints them.
AREA_TITLES: dict[str, str] = {
    "meetings": "ملاقات‌ها",
    "messages": "پیام‌ها",
    "letters": "نامه‌ها",
    "events": "مراسم و برنامه‌های اداره",
    "contacts": "مخاطبان",
    "media": "کارنامهٔ رسانه‌ای و عمومی",
}


@dataclass
class Breakdown:
    """Counts of one area by one property: key → count, with each key's Persian label."""

    title: str
    counts: dict[str, int]
    labels: dict[str, str] = field(default_factory=dict)
    chart: bool = True

    def label(self, key: str) -> str:
        return self.labels.get(key, key or "نامشخص")


@dataclass
class AreaFigures:
    """An area's figures in one period: its total, named figures, breakdowns and listed items."""

    total: int
    figures: dict[str, tuple[str, int]] = field(default_factory=dict)  # key → (Persian label, count)
    breakdowns: dict[str, Breakdown] = field(default_factory=dict)
    items: list[dict] = field(default_factory=list)
    items_title: str = ""

    def as_json(self) -> dict:
        out: dict = {"total": self.total}
        out.update({key: count for key, (_, count) in self.figures.items()})
        out.update({key: dict(b.counts) for key, b in self.breakdowns.items()})
        if self.items_title:
            out["items"] = self.items
        return out


def _has_table(db: Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


def _day_bounds(period: Period) -> tuple[str, str]:
    """ISO bounds for a timestamp column: from the first day's start to before the day after the last."""
    return period.start.isoformat(), (period.end + dt.timedelta(days=1)).isoformat()


def _counts(db: Database, sql: str, params) -> dict[str, int]:
    return {str(key if key is not None else ""): count for key, count in db.execute(sql, params)}


def letters_area(db: Database, period: Period) -> AreaFigures | None:
    """Letters entered in the register in the period, issued and voided."""
    if not _has_table(db, "letters"):
        return None
    by_status = _counts(db, "SELECT status, count(*) FROM letters WHERE date BETWEEN ? AND ? GROUP BY status",
                        [period.start.isoformat(), period.end.isoformat()])
    total = sum(by_status.values())
    return AreaFigures(
        total=total,
        figures={"issued": ("نامه‌های صادره", by_status.get("issued", 0)), "void": ("نامه‌های باطل‌شده", by_status.get("void", 0))},
    )


def events_area(db: Database, period: Period) -> AreaFigures | None:
    """The office's ceremonies and programmes on the days of the period, by type and status."""
    if not _has_table(db, "events"):
        return None
    from prdesk.store.calendar import EVENT_STATUSES, EVENT_TYPES, event_occurrences

    occurrences = event_occurrences(db, period.start, period.end)
    by_type = Counter(o.event.type for o in occurrences)
    by_status = Counter(o.event.status for o in occurrences)
    return AreaFigures(
        total=len(occurrences),
        figures={"held": ("برگزارشده", by_status.get("held", 0)), "cancelled": ("لغوشده", by_status.get("cancelled", 0))},
        breakdowns={
            "by_type": Breakdown("به تفکیک نوع", dict(by_type.most_common()), dict(EVENT_TYPES)),
            "by_status": Breakdown("به تفکیک وضعیت", dict(by_status.most_common()), dict(EVENT_STATUSES), chart=False),
        },
    )


def contacts_area(db: Database, period: Period) -> AreaFigures | None:
    """Organizations and people added to the directory, and those whose details were brought up to date."""
    if not _has_table(db, "organizations"):
        return None
    low, high = _day_bounds(period)
    figures = {}
    for table, added, updated in (("organizations", "سازمان‌های افزوده", "سازمان‌های به‌روزشده"), ("people", "افراد افزوده", "افراد به‌روزشده")):
        new = db.execute(f"SELECT count(*) FROM {table} WHERE created_at >= ? AND created_at < ?", [low, high]).fetchone()[0]
        changed = db.execute(
            f"SELECT count(*) FROM {table} WHERE updated_at >= ? AND updated_at < ? AND NOT (created_at >= ? AND created_at < ?)",
            [low, high, low, high],
        ).fetchone()[0]
        figures[f"{table}_added"] = (added, new)
        figures[f"{table}_updated"] = (updated, changed)
    by_kind = _counts(
        db, "SELECT kind, count(*) FROM organizations WHERE created_at >= ? AND created_at < ? GROUP BY kind ORDER BY count(*) DESC",
        [low, high],
    )
    total = sum(count for _, count in figures.values())
    return AreaFigures(
        total=total, figures=figures,
        breakdowns={"organizations_by_kind": Breakdown("سازمان‌های افزوده به تفکیک نوع", by_kind)},
    )


def media_area(db: Database, period: Period) -> AreaFigures | None:
    """The record of media and public work: by kind, level, tone and outlet, and the national items."""
    if not _has_table(db, "activities"):
        return None
    from prdesk.store.activity import kinds

    bounds = [period.start.isoformat(), period.end.isoformat()]
    by_kind = _counts(db, "SELECT kind, count(*) FROM activities WHERE date BETWEEN ? AND ? GROUP BY kind ORDER BY count(*) DESC", bounds)
    by_level = _counts(db, "SELECT level, count(*) FROM activities WHERE date BETWEEN ? AND ? GROUP BY level ORDER BY count(*) DESC", bounds)
    by_tone = _counts(
        db, "SELECT tone, count(*) FROM activities WHERE date BETWEEN ? AND ? AND tone <> '' GROUP BY tone ORDER BY count(*) DESC", bounds
    )
    by_outlet = _counts(
        db, "SELECT outlet, count(*) FROM activities WHERE date BETWEEN ? AND ? AND outlet <> ''"
        " GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 10", bounds,
    )
    national = [
        {"date": format_jalali_iso(dt.date.fromisoformat(row["date"])), "kind": row["kind"], "title": row["title"], "outlet": row["outlet"]}
        for row in db.query(
            "SELECT date, kind, title, outlet FROM activities WHERE date BETWEEN ? AND ? AND level = 'national' ORDER BY date, id", bounds
        )
    ]
    return AreaFigures(
        total=sum(by_kind.values()),
        figures={"national": ("ملی", by_level.get("national", 0))},
        breakdowns={
            "by_kind": Breakdown("به تفکیک نوع", by_kind, kinds(db)),
            "by_level": Breakdown("به تفکیک سطح", by_level, {**LEVELS, "": "بدون سطح"}, chart=False),
            "by_tone": Breakdown("پوشش خبری به تفکیک لحن", by_tone, dict(TONES), chart=False),
            "by_outlet": Breakdown("رسانه‌های پرکار (ده رسانهٔ نخست)", by_outlet),
        },
        items=national,
        items_title="فهرست کارهای ملی",
    )


#: Each area's figures in a period, or None when this database has no such area.
AREAS: dict[str, Callable[[Database, Period], AreaFigures | None]] = {
    "letters": letters_area,
    "events": events_area,
    "contacts": contacts_area,
    "media": media_area,
}


def register_area(key: str, figures: Callable[[Database, Period], AreaFigures | None]) -> None:
    """Add an area to the report (meetings and messages register theirs); the document keeps AREA_TITLES' order."""
    AREAS[key] = figures


def _ordered_areas() -> list[str]:
    return [key for key in AREA_TITLES if key in AREAS] + [key for key in AREAS if key not in AREA_TITLES]


@dataclass
class AreaReport:
    """One area in the period, the previous period and the same period last year."""

    key: str
    title: str
    current: AreaFigures
    previous: AreaFigures
    last_year: AreaFigures

    @property
    def empty(self) -> bool:
        return not (self.current.total or self.previous.total or self.last_year.total)


@dataclass
class Summary:
    """The whole report: the three periods and every area that has data in any of them."""

    period: Period
    previous: Period
    last_year: Period
    areas: list[AreaReport]

    def area(self, key: str) -> AreaReport | None:
        return next((a for a in self.areas if a.key == key), None)

    def as_json(self) -> dict:
        def span(p: Period) -> dict:
            return {"from": format_jalali_iso(p.start), "to": format_jalali_iso(p.end), "kind": p.kind}

        out: dict = {"period": span(self.period), "previous_period": span(self.previous), "same_period_last_year": span(self.last_year)}
        for area in self.areas:
            figures = area.current.as_json()
            figures["previous"] = area.previous.total
            figures["last_year"] = area.last_year.total
            out[area.key] = figures
        return out


def summary(db: Database, period: Period) -> Summary:
    """The report's figures for ``period`` with the previous period and the same period last year.

    Every area this database has is in the result (areas without any data in the three periods
    included, total 0, so the command line always shows the same keys); the printed document and
    the page leave out the empty ones.
    """
    before, last_year = previous_period(period), same_period_last_year(period)
    areas = []
    for key in _ordered_areas():
        current = AREAS[key](db, period)
        if current is None:
            continue
        areas.append(AreaReport(
            key, AREA_TITLES.get(key, key), current, AREAS[key](db, before), AREAS[key](db, last_year),
        ))
    return Summary(period, before, last_year, areas)


def summary_between(db: Database, start: dt.date, end: dt.date) -> Summary:
    """:func:`summary` for ``start``–``end``, named as a month, season, half or year when it is exactly one."""
    return summary(db, period_of(start, end))


def summary_xlsx(result: Summary, *, intro: str = "", conclusion: str = "") -> bytes:
    """The report as an XLSX workbook: a summary sheet, then one right-to-left sheet per area with data."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from prdesk.core.activity import change

    headers = ["شاخص", "این دوره", "مدت مشابه سال پیش", "تغییر نسبت به سال پیش", "دورهٔ پیش", "تغییر نسبت به دورهٔ پیش"]
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")

    def row(label: str, current: int, last_year: int, before: int) -> list:
        return [label, current, last_year, change(current, last_year), before, change(current, before)]

    def sheet_of(book, title: str, first: bool = False):
        sheet = book.active if first else book.create_sheet()
        sheet.title = title[:31].replace("/", "-")
        sheet.sheet_view.rightToLeft = True
        return sheet

    def table(sheet, rows: list[list], title: str | None = None) -> None:
        if title:
            sheet.append([])
            sheet.append([title])
            sheet.cell(sheet.max_row, 1).font = bold
        sheet.append(headers)
        for cell in sheet[sheet.max_row]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(horizontal="center")
        for values in rows:
            sheet.append(values)
            for column in (4, 6):
                sheet.cell(sheet.max_row, column).number_format = "0%"

    def widths(sheet) -> None:
        for index, width in enumerate((42, 12, 18, 20, 12, 20), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width

    book = Workbook()
    cover = sheet_of(book, "خلاصه", first=True)
    cover.append([f"گزارش عملکرد {result.period.title}"])
    cover.cell(1, 1).font = Font(bold=True, size=14)
    cover.append([f"از {format_jalali_iso(result.period.start)} تا {format_jalali_iso(result.period.end)}"])
    if intro.strip():
        cover.append([intro.strip()])
    filled = [a for a in result.areas if not a.empty]
    table(cover, [row(a.title, a.current.total, a.last_year.total, a.previous.total) for a in filled])
    if conclusion.strip():
        cover.append([])
        cover.append([conclusion.strip()])
    widths(cover)
    for area in filled:
        sheet = sheet_of(book, area.title)
        rows = [row("جمع", area.current.total, area.last_year.total, area.previous.total)]
        rows += [
            row(label, value, area.last_year.figures[key][1], area.previous.figures[key][1])
            for key, (label, value) in area.current.figures.items()
        ]
        table(sheet, rows)
        for key, breakdown in area.current.breakdowns.items():
            last_year, before = area.last_year.breakdowns[key].counts, area.previous.breakdowns[key].counts
            keys = list(breakdown.counts) + [k for k in last_year if k not in breakdown.counts]
            if keys:
                table(sheet, [row(breakdown.label(k), breakdown.counts.get(k, 0), last_year.get(k, 0), before.get(k, 0)) for k in keys], breakdown.title)
        if area.current.items:
            sheet.append([])
            sheet.append([area.current.items_title])
            sheet.cell(sheet.max_row, 1).font = bold
            for item in area.current.items:
                sheet.append([item["title"], item["date"], item.get("outlet", "")])
        widths(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
