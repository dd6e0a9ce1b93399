"""Occasion rules in three calendars, the shipped catalog, and Iran's official holidays of 1404 and 1405."""

import datetime as dt
import json
from pathlib import Path

import pytest

from prdesk.core import hijri, jalali
from prdesk.core.occasions import (
    CATEGORIES,
    LAST,
    MESSAGES,
    Occasion,
    Rule,
    catalog_between,
    catalog_by_key,
    catalog_year,
    days_between,
    describe_rule,
    jalali_year_span,
    load_catalog,
    occasion_dates,
    occasion_from_dict,
    rule_date,
    rule_dates,
)
from prdesk.errors import ValidationError

ROOT = Path(__file__).resolve().parents[2]
J = jalali.to_gregorian

# Iran's official holidays (besides Fridays) on the calendar of the Calendar Center, University of
# Tehran, as the facts in ../shared/reference give them: Jalali day and the start of the title.
HOLIDAYS_1404 = [
    ("1404/01/01", "آغاز نوروز"), ("1404/01/02", "عید نوروز"), ("1404/01/02", "شهادت حضرت امام علی"),
    ("1404/01/03", "عید نوروز"), ("1404/01/04", "عید نوروز"), ("1404/01/11", "عید سعید فطر"),
    ("1404/01/12", "تعطیل به مناسبت عید سعید فطر"), ("1404/01/12", "روز جمهوری اسلامی"), ("1404/01/13", "روز طبیعت"),
    ("1404/02/04", "شهادت حضرت امام جعفر صادق"), ("1404/03/14", "رحلت حضرت امام خمینی"),
    ("1404/03/15", "قیام خونین ۱۵ خرداد"), ("1404/03/16", "عید سعید قربان"), ("1404/03/24", "عید سعید غدیر خم"),
    ("1404/04/14", "تاسوعای حسینی"), ("1404/04/15", "عاشورای حسینی"), ("1404/05/23", "اربعین حسینی"),
    ("1404/05/31", "رحلت حضرت رسول اکرم"), ("1404/06/02", "شهادت حضرت امام رضا"),
    ("1404/06/10", "شهادت حضرت امام حسن عسکری"), ("1404/06/19", "ولادت حضرت رسول اکرم"),
    ("1404/06/19", "ولادت حضرت امام جعفر صادق"), ("1404/09/03", "شهادت حضرت فاطمهٔ زهرا (س) (۱۱ ه‍.ق)"),
    ("1404/10/13", "ولادت حضرت امام علی"), ("1404/10/27", "مبعث حضرت رسول اکرم"), ("1404/11/15", "ولادت حضرت قائم"),
    ("1404/11/22", "پیروزی انقلاب اسلامی"), ("1404/12/20", "شهادت حضرت امام علی"), ("1404/12/29", "روز ملی‌شدن صنعت نفت"),
]
HOLIDAYS_1405 = [
    ("1405/01/01", "آغاز نوروز"), ("1405/01/01", "عید سعید فطر"), ("1405/01/02", "عید نوروز"),
    ("1405/01/02", "تعطیل به مناسبت عید سعید فطر"), ("1405/01/03", "عید نوروز"), ("1405/01/04", "عید نوروز"),
    ("1405/01/12", "روز جمهوری اسلامی"), ("1405/01/13", "روز طبیعت"), ("1405/01/25", "شهادت حضرت امام جعفر صادق"),
    ("1405/03/06", "عید سعید قربان"), ("1405/03/14", "رحلت حضرت امام خمینی"), ("1405/03/14", "عید سعید غدیر خم"),
    ("1405/03/15", "قیام خونین ۱۵ خرداد"), ("1405/04/03", "تاسوعای حسینی"), ("1405/04/04", "عاشورای حسینی"),
    ("1405/05/13", "اربعین حسینی"), ("1405/05/21", "رحلت حضرت رسول اکرم"), ("1405/05/22", "شهادت حضرت امام رضا"),
    ("1405/05/30", "شهادت حضرت امام حسن عسکری"), ("1405/06/08", "ولادت حضرت رسول اکرم"),
    ("1405/06/08", "ولادت حضرت امام جعفر صادق"), ("1405/08/22", "شهادت حضرت فاطمهٔ زهرا (س) (۱۱ ه‍.ق)"),
    ("1405/10/02", "ولادت حضرت امام علی"), ("1405/10/16", "مبعث حضرت رسول اکرم"), ("1405/11/04", "ولادت حضرت قائم"),
    ("1405/11/22", "پیروزی انقلاب اسلامی"), ("1405/12/09", "شهادت حضرت امام علی"), ("1405/12/19", "عید سعید فطر"),
    ("1405/12/20", "تعطیل به مناسبت عید سعید فطر"), ("1405/12/29", "روز ملی‌شدن صنعت نفت"),
]


def _day(text: str) -> dt.date:
    return jalali.parse_jalali(text)


def _holidays(year: int) -> list[tuple[str, str]]:
    return sorted(
        (jalali.format_jalali_iso(day), o.title)
        for day, items in catalog_year(year).items()
        for o in items
        if o.holiday
    )


@pytest.mark.parametrize("year, expected", [(1404, HOLIDAYS_1404), (1405, HOLIDAYS_1405)])
def test_every_official_holiday_falls_on_the_official_day(year, expected):
    found = _holidays(year)
    for day, title in expected:
        assert any(d == day and t.startswith(title) for d, t in found), f"{title} not on {day}"
    assert len(found) == len(expected)  # and no holiday the official calendar lacks


def test_eid_al_fitr_falls_twice_in_1405():
    fitr = next(o for o in load_catalog() if o.title == "عید سعید فطر")
    assert occasion_dates(fitr, 1405) == [_day("1405/01/01"), _day("1405/12/19")]
    assert occasion_dates(fitr, 1404) == [_day("1404/01/11")]


# -- the reference file itself, when the shared folder is beside the checkout ------------------


def _reference(name: str) -> Path:
    for folder in (ROOT.parent / "shared" / "reference", Path("/work/shared/reference")):
        if (folder / name).is_file():
            return folder / name
    pytest.skip("the shared reference files are not beside this checkout")


@pytest.mark.parametrize("year", [1404, 1405])
def test_reference_holidays_fall_on_the_same_day_in_the_catalog(year):
    """Every Iran holiday entry of the reference, evaluated straight from its own month table."""
    data = json.loads(_reference("iran-occasions-cc0.json").read_text(encoding="utf-8"))["data"]
    starts = {}
    for line in _reference("iran-hijri-month-starts.tsv").read_text(encoding="utf-8").splitlines():
        if line[:1].isdigit():
            month, first = line.split("\t")
            y, m = (int(p) for p in month.split("/"))
            starts[(y, m)] = dt.date.fromisoformat(first.strip())
    start, end = jalali_year_span(year)
    expected = set()
    for entry in data:
        if entry["type"] != "Iran" or not entry["holiday"]:
            continue
        if entry["calendar"] == "Persian":
            expected.add((J(year, entry["month"], entry["day"]), entry["title"]))
            continue
        for (y, m), first in starts.items():
            following = starts.get((y, m + 1) if m < 12 else (y + 1, 1))
            if m != entry["month"] or following is None:
                continue
            day = entry["day"] if entry["rule"] == "simple" else (following - first).days
            if start <= first + dt.timedelta(days=day - 1) <= end:
                expected.add((first + dt.timedelta(days=day - 1), entry["title"]))
    ours = {(day, o.title) for day, items in catalog_year(year).items() for o in items if o.holiday}
    assert ours == expected


# -- rules --------------------------------------------------------------------------------------


def test_fixed_jalali_day():
    assert rule_date("jalali", Rule("fixed", 2, 27), 1405) == _day("1405/02/27")


def test_fixed_day_missing_in_a_short_month_has_no_date():
    assert rule_date("jalali", Rule("fixed", 12, 30), 1404) is None  # 1404 is a common year
    assert rule_date("jalali", Rule("fixed", 12, 30), 1403) == _day("1403/12/30")
    assert rule_date("gregorian", Rule("fixed", 2, 29), 2027) is None


def test_fixed_lunar_day_uses_irans_table():
    # Ashura 1448 is 10 Muharram counted from Iran's 1 Muharram (2026-06-16), not Umm al-Qura's.
    assert rule_date("hijri", Rule("fixed", 1, 10), 1448) == dt.date(2026, 6, 25)


def test_fixed_gregorian_day():
    assert rule_date("gregorian", Rule("fixed", 5, 1), 2026) == dt.date(2026, 5, 1)


def test_first_saturday_of_july():
    assert rule_date("gregorian", Rule("nth_weekday", 7, weekday=0, nth=1), 2026) == dt.date(2026, 7, 4)
    assert rule_date("gregorian", Rule("nth_weekday", 7, weekday=0, nth=1), 2028) == dt.date(2028, 7, 1)


def test_second_friday_of_a_jalali_month():
    day = rule_date("jalali", Rule("nth_weekday", 7, weekday=6, nth=2), 1405)
    assert jalali.jalali_parts(day)[:2] == (1405, 7) and jalali.is_friday(day)
    assert 8 <= jalali.jalali_parts(day)[2] <= 14


def test_fifth_weekday_that_a_month_lacks_has_no_date():
    # Farvardin 1405 has 31 days from a Saturday: five Saturdays (to Monday), only four Fridays.
    assert rule_date("jalali", Rule("nth_weekday", 1, weekday=0, nth=5), 1405) == _day("1405/01/29")
    assert rule_date("jalali", Rule("nth_weekday", 1, weekday=6, nth=5), 1405) is None


def test_last_weekday_of_a_month():
    last_friday = rule_date("jalali", Rule("nth_weekday", 12, weekday=6, nth=LAST), 1405)
    assert last_friday == _day("1405/12/28")  # 29 Esfand 1405 is a Saturday
    last_sunday = rule_date("gregorian", Rule("nth_weekday", 1, weekday=1, nth=LAST), 2027)
    assert last_sunday == dt.date(2027, 1, 31)


def test_last_weekday_with_an_offset_is_the_eve():
    eve = rule_date("jalali", Rule("nth_weekday", 12, weekday=4, nth=LAST, offset=-1), 1405)
    assert eve == dt.date(2027, 3, 16)  # Tuesday before the last Wednesday (17 March 2027) of Esfand 1405


def test_last_friday_of_ramadan_is_quds_day():
    day = rule_date("hijri", Rule("nth_weekday", 9, weekday=6, nth=LAST), 1448)
    h = hijri.to_hijri(day)
    assert jalali.is_friday(day) and (h.year, h.month) == (1448, 9)
    assert hijri.to_hijri(day + dt.timedelta(days=7)).month == 10


def test_lunar_month_end_on_30_and_on_29():
    long_safar = next(y for y in range(1440, 1449) if hijri.month_length(y, 2) == 30)
    short_safar = next(y for y in range(1440, 1449) if hijri.month_length(y, 2) == 29)
    end = Rule("month_end", 2)
    assert hijri.to_hijri(rule_date("hijri", end, long_safar)) == hijri.HijriDate(long_safar, 2, 30)
    assert hijri.to_hijri(rule_date("hijri", end, short_safar)) == hijri.HijriDate(short_safar, 2, 29)
    # "30 Safar" as a fixed day simply does not exist in the short year.
    assert rule_date("hijri", Rule("fixed", 2, 30), short_safar) is None


def test_lunar_occasion_on_a_date_outside_the_table_follows_the_correction():
    day0 = rule_date("hijri", Rule("fixed", 1, 10), 1460, correction=0)
    day1 = rule_date("hijri", Rule("fixed", 1, 10), 1460, correction=1)
    assert day0 - day1 == dt.timedelta(days=1)


def test_rule_dates_spans_two_gregorian_years():
    days = rule_dates("gregorian", Rule("fixed", 1, 1), *jalali_year_span(1405))
    assert days == [dt.date(2027, 1, 1)]
    assert rule_dates("gregorian", Rule("fixed", 3, 21), dt.date(2026, 3, 1), dt.date(2027, 3, 31)) == [
        dt.date(2026, 3, 21), dt.date(2027, 3, 21)
    ]


def test_rule_checks_are_in_persian():
    with pytest.raises(ValidationError, match="ماه ۱۳ وجود ندارد") as info:
        Rule.from_dict({"type": "fixed", "month": 13, "day": 1})
    assert info.value.field == "month"
    with pytest.raises(ValidationError, match="اولین"):
        Rule.from_dict({"type": "nth_weekday", "month": 1, "weekday": 0, "nth": 6})
    with pytest.raises(ValidationError, match="نوع قاعده"):
        Rule.from_dict({"type": "easter", "month": 1})


def test_rule_round_trips_through_its_json_form():
    for rule in (Rule("fixed", 2, 27), Rule("month_end", 2), Rule("nth_weekday", 12, weekday=4, nth=LAST, offset=-1)):
        assert Rule.from_dict(json.loads(json.dumps(rule.to_dict()))) == rule


def test_describe_rule_in_persian():
    assert describe_rule("jalali", Rule("fixed", 2, 27)) == "۲۷ اردیبهشت"
    assert describe_rule("hijri", Rule("month_end", 2)) == "آخرین روز صفر"
    assert describe_rule("gregorian", Rule("nth_weekday", 7, weekday=0, nth=1)) == "اولین شنبهٔ ژوئیه"


# -- the catalog --------------------------------------------------------------------------------


def test_catalog_entries_are_well_formed():
    catalog = load_catalog()
    assert len(catalog) > 300
    assert len({o.key for o in catalog}) == len(catalog)
    assert {o.category for o in catalog} == set(CATEGORIES)
    assert {o.message for o in catalog} == set(MESSAGES)


@pytest.mark.parametrize(
    "title, when",
    [
        ("روز ارتباطات و روابط عمومی", "1405/02/27"),
        ("روز خبرنگار", "1405/05/17"),
        ("روز تعاون", "1405/06/13"),
        ("روز کارمند", "1405/06/04"),
        ("روز جهانی کار و کارگر", "1405/02/11"),  # 1 May 2026
        ("روز جهانی تعاون", "1405/04/13"),  # 4 July 2026, the first Saturday
        ("روز خانواده و تکریم بازنشستگان", "1405/03/21"),  # 25 Dhu al-Hijjah 1447 (1 is 18 May 2026)
    ],
)
def test_office_occasions_are_marked_and_fall_on_their_day(title, when):
    occasion = next(o for o in load_catalog() if o.title == title)
    assert occasion.category == "office"
    assert occasion.message == "greeting"
    assert occasion_dates(occasion, 1405) == [_day(when)]


def test_mourning_is_a_condolence_and_a_feast_a_greeting():
    by_title = {o.title: o for o in load_catalog()}
    assert by_title["عاشورای حسینی"].message == "condolence"
    assert by_title["عید سعید قربان"].message == "greeting"
    assert by_title["عید سعید قربان"].category == "religious"
    assert by_title["روز جهانی صلح"].category == "international"


def test_catalog_has_no_afghan_or_ancient_entries():
    titles = {o.title for o in load_catalog()}
    assert "جشن دهقان" not in titles  # Afghanistan
    assert "جشن هالووین" not in titles  # an international day of no use to the office


def test_catalog_by_key_and_between():
    occasion = next(o for o in load_catalog() if o.title == "روز خبرنگار")
    assert catalog_by_key()[occasion.key] == occasion
    days = catalog_between(_day("1405/05/17"), _day("1405/05/17"))
    assert occasion in days[_day("1405/05/17")]


def test_catalog_is_built_reproducibly_by_the_tool(tmp_path):
    import subprocess
    import sys

    reference = _reference("iran-occasions-cc0.json")
    out = tmp_path / "occasions.json"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_occasions.py"), str(reference), "--out", str(out)], check=True)
    shipped = ROOT / "resources" / "data" / "occasions.json"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_bad_catalog_entry_is_refused():
    with pytest.raises(ValidationError):
        occasion_from_dict({"key": "x", "title": "آزمایش", "calendar": "lunar", "rule": {"type": "fixed", "month": 1, "day": 1}})


def test_occasion_dates_for_a_custom_occasion():
    founding = Occasion("custom:1", "سالروز تأسیس صندوق", "jalali", Rule("fixed", 9, 5), category="office")
    assert occasion_dates(founding, 1405) == [_day("1405/09/05")]


def test_days_between_holds_the_three_calendars():
    days = days_between(dt.date(2026, 3, 20), dt.date(2026, 3, 22))
    assert [d.jalali_iso for d in days] == ["1404/12/29", "1405/01/01", "1405/01/02"]
    assert days[1].hijri_iso == "1447/10/01"
    assert days[1].weekday_name == "شنبه"


def test_the_last_typable_year_has_a_span():
    from prdesk.core import jalali
    from prdesk.core.occasions import jalali_year_span

    first, last = jalali_year_span(jalali.MAX_YEAR)
    assert jalali.jalali_parts(first) == (jalali.MAX_YEAR, 1, 1)
    assert jalali.jalali_parts(last)[:2] == (jalali.MAX_YEAR, 12)
    assert jalali_year_span(1403)[1] == jalali.to_gregorian(1403, 12, 30)


def _builder():
    sys_path = str(ROOT / "tools")
    import sys

    if sys_path not in sys.path:
        sys.path.insert(0, sys_path)
    import build_occasions

    return build_occasions


@pytest.mark.parametrize(
    "title",
    [
        "شهادت حضرت امام رضا (ع) (۲۰۳ ه‍.ق) (۳۰ صَفَر یا انتهای ماه)",
        "شهادت حضرت امام محمد تقی (ع) (۲۲۰ ه‍.ق) (۳۰ ذی‌القعده یا انتهای ماه)",
        "شهادت حضرت امام حسن (ع) (۲۸ صفر)",
        "روز مَلی",
    ],
)
def test_the_catalog_builder_refuses_rule_notes_and_stray_diacritics(title):
    with pytest.raises(SystemExit):
        _builder().check_title(title)


def test_the_catalog_builder_keeps_real_titles():
    builder = _builder()
    for title in ("روز کُشتی", "روز جهانی قدس (آخرین جمعهٔ رمضان)", "شهادت حضرت امام رضا (ع) (۲۰۳ ه‍.ق)"):
        builder.check_title(title)


def test_renamed_catalog_keys_point_at_the_corrected_titles():
    from prdesk.core.occasions import RENAMED_KEYS

    by_key = catalog_by_key()
    for old, new in RENAMED_KEYS.items():
        assert old not in by_key and new in by_key
        assert "یا انتهای ماه" not in by_key[new].title
    assert by_key["j03-95b2bdce"].title.endswith("(۱۳۶۸ ه‍.ش)")
