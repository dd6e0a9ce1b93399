"""The printed contacts directory: organizations (and optionally people) grouped by kind or city, with phones."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Mapping

from reportlab.platypus import Flowable
from sqlite_utils import Database

from prdesk.core.contacts import ORGANIZATION_COLUMNS, PERSON_COLUMNS, ContactFilter
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.printing.letter import format_phone
from prdesk.printing.report import bar_chart, build_report, data_table, heading, paragraph, section_heading
from prdesk.store import contacts as contacts_store
from prdesk.store.settings import get_settings

GROUPS = {"kind": ("نوع", "(بدون نوع)"), "city": ("شهر", "(بدون شهر)")}
_ORG = {c.key: c for c in ORGANIZATION_COLUMNS}
_PERSON = {c.key: c for c in PERSON_COLUMNS}
CHART_GROUPS = 8  # more bars than this and their names run into each other


def _count(value: int) -> str:
    return to_persian_digits(f"{value:,}".replace(",", "٬"))


def _phones(value: str | None) -> str:
    """Each phone on its own line, landlines with their area code set apart."""
    if not value:
        return ""
    return "\n".join(format_phone(p.strip()) for p in str(value).replace("،", ",").split(",") if p.strip())


def _group_value(row: Mapping, group_by: str) -> str:
    return (row.get(group_by) or "").strip() or GROUPS[group_by][1]


def organization_section(db: Database, group_by: str = "kind", f: ContactFilter = ContactFilter(), *, width_mm: float = 180.0) -> tuple[list[Flowable], list[tuple[str, int]]]:
    """Headings and tables of the organizations, one table per group; also (group, count) pairs."""
    other = "city" if group_by == "kind" else "kind"
    headers = ["ردیف", _ORG["name"].persian, _ORG["activity"].persian, _ORG[other].persian, _ORG["phones"].persian]
    widths = [10.0, 0.0, 25.0, 25.0, 38.0]
    widths[1] = width_mm - sum(widths)
    story: list[Flowable] = []
    counts: list[tuple[str, int]] = []
    rows = contacts_store.iter_organizations(db, f, order_by=group_by)
    for group, members in groupby(rows, key=lambda r: _group_value(r, group_by)):
        table_rows = [
            [_count(index), org["name"], org.get("activity") or "", org.get(other) or "", _phones(org.get("phones"))]
            for index, org in enumerate(members, start=1)
        ]
        counts.append((group, len(table_rows)))
        story += section_heading(f"{GROUPS[group_by][0]}: {group} ({_count(len(table_rows))} سازمان)")
        story.append(data_table(headers, table_rows, widths, aligns=["center", "right", "right", "right", "center"], size=9))
    return story, counts


def people_section(db: Database, group_by: str = "kind", f: ContactFilter = ContactFilter(), *, width_mm: float = 180.0) -> list[Flowable]:
    """Headings and tables of the people, grouped by their organization's kind or city."""
    headers = ["ردیف", _PERSON["full_name"].persian, _PERSON["position"].persian, _PERSON["organization"].persian,
               _PERSON["mobile"].persian, _PERSON["phone"].persian]
    widths = [10.0, 38.0, 30.0, 0.0, 26.0, 28.0]
    widths[3] = width_mm - sum(widths)
    story: list[Flowable] = []
    rows = contacts_store.iter_people(db, f, order_by=group_by)
    for group, members in groupby(rows, key=lambda r: _group_value(r, group_by)):
        table_rows = [
            [_count(index), p["full_name"], p.get("position") or "", p.get("organization") or "",
             _phones(p.get("mobile")), _phones(p.get("phone"))]
            for index, p in enumerate(members, start=1)
        ]
        story += section_heading(f"{GROUPS[group_by][0]}: {group} ({_count(len(table_rows))} نفر)")
        story.append(data_table(headers, table_rows, widths, aligns=["center", "right", "right", "right", "center", "center"], size=9))
    return story


def directory_story(db: Database, *, group_by: str = "kind", f: ContactFilter = ContactFilter(), people: bool = False) -> list[Flowable]:
    """The whole directory: a summary with a chart of the largest groups, then the tables."""
    if group_by not in GROUPS:
        raise ValidationError("فهرست را فقط می‌توان بر حسب «نوع» یا «شهر» گروه‌بندی کرد.", field="group_by")
    tables, counts = organization_section(db, group_by, f)
    total = sum(n for _, n in counts)
    story: list[Flowable] = []
    if total == 0:
        story.append(paragraph("هیچ سازمانی با این شرایط در فهرست نیست.", align="right"))
    else:
        story.append(paragraph(
            f"{_count(total)} سازمان در {_count(len(counts))} گروه، بر حسب {GROUPS[group_by][0]}.", align="right"))
        if len(counts) > 1:
            biggest = sorted(counts, key=lambda item: -item[1])[:CHART_GROUPS]
            title = f"تعداد سازمان‌ها در هر {GROUPS[group_by][0]}"
            if len(counts) > CHART_GROUPS:
                title += f" ({_count(CHART_GROUPS)} گروه بزرگ‌تر)"
            story.append(bar_chart([g for g, _ in biggest], [n for _, n in biggest], width_mm=180, height_mm=62, title=title))
        story += tables
    if people:
        story.append(heading("افراد", size=13, space_before=8))
        story += people_section(db, group_by, f)
    return story


def render_directory(
    db: Database,
    *,
    group_by: str = "kind",
    f: ContactFilter = ContactFilter(),
    people: bool = False,
    settings: Mapping[str, str] | None = None,
    printed: dt.date | None = None,
) -> bytes:
    """The contacts directory as PDF bytes (A4 portrait)."""
    settings = settings if settings is not None else get_settings(db)
    title = "فهرست مخاطبان" if people else "فهرست سازمان‌ها"
    story = directory_story(db, group_by=group_by, f=f, people=people)
    return build_report(story, title=title, settings=settings, printed=printed)

