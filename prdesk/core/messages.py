"""Rules of the messages area that need no database: bereavement follow-up days, the values of one recipient."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from prdesk.core import hijri
from prdesk.core.jalali import format_jalali, jalali_parts
from prdesk.core.recurrence import jalali_anniversary, lunar_anniversary
from prdesk.core.salutation import deceased_word, resolve_salutation
from prdesk.core.text import clean

# The days an Iranian office marks after a death, counting the day of death as the first.
FOLLOW_UPS: tuple[tuple[str, str, int], ...] = (("third", "سوم", 2), ("seventh", "هفتم", 6), ("fortieth", "چهلم", 39))
ANNIVERSARY_CALENDARS = {"jalali": "خورشیدی", "lunar": "قمری"}


def bereavement_dates(died_on: dt.date, calendar: str = "jalali", correction: int = 0) -> list[tuple[str, str, dt.date]]:
    """(key, Persian label, day) for سوم، هفتم، چهلم and the first سالگرد (Jalali or lunar anniversary)."""
    days = [(key, label, died_on + dt.timedelta(days=offset)) for key, label, offset in FOLLOW_UPS]
    if calendar == "lunar":
        year = hijri.to_hijri(died_on, correction).year + 1
        anniversary = lunar_anniversary(died_on, year, correction)
    else:
        anniversary = jalali_anniversary(died_on, jalali_parts(died_on)[0] + 1)
    days.append(("anniversary", "سالگرد", anniversary))
    return days


def recipient_values(
    person: Mapping,
    *,
    occasion: str = "",
    date: dt.date | None = None,
    signer: str = "",
    signer_position: str = "",
    bereavement: Mapping | None = None,
) -> dict[str, str]:
    """The value of every placeholder for one person (``bereavement``: deceased_name, deceased_gender, relation)."""
    first, last = clean(person.get("first_name")), clean(person.get("last_name"))
    values = {
        "عنوان": resolve_salutation(person),
        "نام": first,
        "نام_خانوادگی": last,
        "نام_کامل": " ".join(p for p in (first, last) if p),
        "سمت": clean(person.get("position")),
        "سازمان": clean(person.get("organization")),
        "مناسبت": clean(occasion),
        "تاریخ": format_jalali(date) if date else "",
        "امضاکننده": clean(signer),
        "سمت_امضاکننده": clean(signer_position),
        "متوفی": "", "مرحوم": "", "نسبت": "",
    }
    if bereavement:
        values["متوفی"] = clean(bereavement.get("deceased_name"))
        values["مرحوم"] = deceased_word(bereavement.get("deceased_gender") or "")
        values["نسبت"] = clean(bereavement.get("relation"))
    return values
