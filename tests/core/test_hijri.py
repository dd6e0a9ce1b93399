"""Iran's lunar calendar: the table against the reference file, known days, the Umm al-Qura fallback."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hijridate import Gregorian, Hijri

from prdesk.core import hijri
from prdesk.core.hijri import (
    HijriDate, format_hijri, format_hijri_iso, from_hijri, hijri_month_names, is_in_table, lunar_source,
    month_length, table_span, to_hijri,
)
from prdesk.core.jalali import to_gregorian
from prdesk.errors import ValidationError
from prdesk.paths import resource

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_NAME = "iran-hijri-month-starts.tsv"


def reference_file() -> Path:
    """The shared reference file beside the checkout (or in /work/shared on a developer's machine)."""
    for folder in (ROOT.parent / "shared" / "reference", Path("/work/shared/reference")):
        if (folder / REFERENCE_NAME).is_file():
            return folder / REFERENCE_NAME
    pytest.skip("the shared reference file is not beside this checkout")


def reference_rows():
    rows = []
    for line in reference_file().read_text(encoding="utf-8").splitlines():
        if line[:1].isdigit():
            month, first = line.split("\t")
            year, number = month.split("/")
            rows.append((int(year), int(number), dt.date.fromisoformat(first.strip())))
    return rows


def umm_al_qura(day: dt.date) -> HijriDate:
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return HijriDate(h.year, h.month, h.day)


def test_every_month_start_of_the_reference_is_in_the_table():
    rows = reference_rows()
    assert len(rows) > 330 and rows[0][:2] == (1420, 1)
    for year, month, first in rows:
        assert from_hijri(year, month, 1) == first, (year, month)
        assert to_hijri(first) == HijriDate(year, month, 1), (year, month)
        assert to_hijri(first - dt.timedelta(days=1)).day in (29, 30)


def test_month_lengths_are_the_distance_to_the_next_month_start():
    rows = reference_rows()
    for (year, month, first), (_, _, following) in zip(rows, rows[1:]):
        assert month_length(year, month) == (following - first).days


def test_table_differs_from_umm_al_qura_in_many_months():
    """The reason for the table: Umm al-Qura alone puts many month starts a day off for Iran."""
    differing = sum(umm_al_qura(first) != HijriDate(y, m, 1) for y, m, first in reference_rows())
    assert differing > 200


def test_committed_json_is_what_the_generator_builds(tmp_path):
    out = tmp_path / "months.json"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_lunar_table.py"), str(reference_file()), "--out", str(out)],
        check=True, capture_output=True,
    )
    assert out.read_text(encoding="utf-8") == resource("data", "iran_lunar_months.json").read_text(encoding="utf-8")


def test_json_is_the_apps_own_format():
    data = json.loads(resource("data", "iran_lunar_months.json").read_text(encoding="utf-8"))
    assert data["format"] == 1
    assert data["last_official"] == "1448/10"
    assert data["months"]["1420"][0] == "1999-04-18"
    assert all(len(starts) == 12 for year, starts in data["months"].items() if year != max(data["months"], key=int))
    assert "hijri_month\tfirst_day_gregorian" not in resource("data", "iran_lunar_months.json").read_text()


def test_every_day_of_1400_to_1405_has_an_official_lunar_date():
    day, last = to_gregorian(1400, 1, 1), to_gregorian(1405, 12, 29)
    previous = to_hijri(day - dt.timedelta(days=1))
    while day <= last:
        assert is_in_table(day) and lunar_source(day) == hijri.OFFICIAL, day
        h = to_hijri(day)
        if h.day == 1:
            assert previous.day == month_length(previous.year, previous.month)
            assert (h.year, h.month) == ((previous.year, previous.month + 1) if previous.month < 12
                                         else (previous.year + 1, 1))
        else:
            assert h == HijriDate(previous.year, previous.month, previous.day + 1)
        assert from_hijri(h.year, h.month, h.day) == day
        previous, day = h, day + dt.timedelta(days=1)
    assert to_hijri(last) == HijriDate(1448, 10, 11)


@pytest.mark.parametrize("day, expected", [
    (dt.date(2025, 7, 6), HijriDate(1447, 1, 10)),  # Ashura 1447 (15 Tir 1404)
    (dt.date(2025, 8, 14), HijriDate(1447, 2, 20)),  # Arbaeen 1447 (23 Mordad 1404)
    (dt.date(2025, 3, 31), HijriDate(1446, 10, 1)),  # Eid al-Fitr 1446 (11 Farvardin 1404)
    (dt.date(2025, 3, 2), HijriDate(1446, 9, 1)),  # 1 Ramadan 1446 (12 Esfand 1403)
    (dt.date(2026, 11, 21), HijriDate(1448, 6, 11)),  # 30 Aban 1405
])
def test_known_days(day, expected):
    assert to_hijri(day) == expected
    assert from_hijri(expected.year, expected.month, expected.day) == day


def test_umm_al_qura_alone_would_put_ashura_1447_on_the_wrong_day():
    assert umm_al_qura(dt.date(2025, 7, 6)) == HijriDate(1447, 1, 11)


def test_correction_is_ignored_inside_the_table():
    day = dt.date(2025, 7, 6)
    assert {to_hijri(day, c) for c in range(-2, 3)} == {HijriDate(1447, 1, 10)}
    assert {from_hijri(1447, 1, 10, c) for c in range(-2, 3)} == {day}


@pytest.mark.parametrize("correction", range(-2, 3))
@pytest.mark.parametrize("day", [dt.date(1980, 6, 15), dt.date(1995, 1, 1)])
def test_before_the_table_umm_al_qura_shifted_by_the_correction(day, correction):
    assert not is_in_table(day) and lunar_source(day) == hijri.ESTIMATED
    assert hijri.estimate_basis(day) == hijri.UMM_AL_QURA
    expected = umm_al_qura(day + dt.timedelta(days=correction))
    assert to_hijri(day, correction) == expected
    assert from_hijri(expected.year, expected.month, expected.day, correction) == day


@pytest.mark.parametrize("correction", range(-2, 3))
def test_days_around_the_table_edges_run_on_without_gaps(correction):
    first, last = table_span()
    for start in (first - dt.timedelta(days=200), last - dt.timedelta(days=30)):
        previous = to_hijri(start - dt.timedelta(days=1), correction)
        for offset in range(240):
            day = start + dt.timedelta(days=offset)
            h = to_hijri(day, correction)
            if h.day == 1:
                assert previous.day == month_length(previous.year, previous.month, correction)
                assert previous.day in (29, 30), (day, correction)
            else:
                assert h == HijriDate(previous.year, previous.month, previous.day + 1), (day, correction)
            assert from_hijri(h.year, h.month, h.day, correction) == day
            previous = h


def test_table_span_and_sources():
    first, last = table_span()
    assert first == dt.date(1999, 4, 18)
    assert last == dt.date(2028, 5, 24)  # the day before 1 Muharram 1450 (predictions through 1449)
    assert is_in_table(first) and is_in_table(last)
    assert not is_in_table(first - dt.timedelta(days=1)) and not is_in_table(last + dt.timedelta(days=1))
    assert lunar_source(dt.date(2027, 4, 7)) == hijri.OFFICIAL  # 1448/10/29
    assert lunar_source(dt.date(2027, 4, 8)) == hijri.PREDICTED  # 1448/11/01


def test_impossible_lunar_dates_are_refused():
    with pytest.raises(ValidationError, match="ماه قمری ۱۳ وجود ندارد"):
        from_hijri(1447, 13, 1)
    with pytest.raises(ValidationError, match="این ماه ۲۹ روز است"):
        from_hijri(1447, 1, 30)  # Muharram 1447 had 29 days in Iran
    with pytest.raises(ValidationError):
        from_hijri(1447, 1, 0)
    with pytest.raises(ValidationError, match="اصلاح تاریخ قمری"):
        to_hijri(dt.date(2030, 1, 1), 3)


def test_days_outside_umm_al_qura_are_refused_plainly():
    with pytest.raises(ValidationError, match="۱۳۴۳ تا ۱۵۰۰"):
        to_hijri(dt.date(1900, 1, 1))
    with pytest.raises(ValidationError, match="۱۳۴۳ تا ۱۵۰۰"):
        from_hijri(1600, 1, 1)


def test_names_and_formatting():
    assert len(hijri_month_names) == 12
    assert hijri_month_names[0] == "محرم" and hijri_month_names[8] == "رمضان"
    assert hijri_month_names[5] == "جمادی\u200cالثانی"
    assert hijri_month_names[11] == "ذی\u200cالحجه"
    h = HijriDate(1448, 6, 11)
    assert format_hijri(h) == "۱۱ جمادی‌الثانی ۱۴۴۸"
    assert format_hijri_iso(h) == "1448/06/11" == str(h)
    assert h.month_name == "جمادی‌الثانی"
    assert HijriDate(1448, 6, 11) < HijriDate(1448, 7, 1)


def test_umm_al_qura_agrees_with_hijridate_on_its_own_ground():
    """Sanity check of the fallback's source: hijridate round trips."""
    assert Hijri(1447, 1, 1).to_gregorian() == dt.date(2025, 6, 26)


def predicted_starts():
    data = json.loads(resource("data", "iran_lunar_predicted.json").read_text(encoding="utf-8"))
    year, month = (int(p) for p in data["after"].split("/"))
    index = year * 12 + month - 1
    for day in (d for y in sorted(data["months"], key=int) for d in data["months"][y]):
        index += 1
        yield index // 12, index % 12 + 1, dt.date.fromisoformat(day)


def test_the_estimate_uses_the_crescent_table_and_its_exports_say_estimated():
    assert hijri.ESTIMATED == "estimated"  # the lunar_source value of DESIGN.md
    for year, month, first in predicted_starts():
        if year > 1455:
            break
        assert from_hijri(year, month, 1) == first, (year, month)
        assert to_hijri(first) == HijriDate(year, month, 1)
        assert lunar_source(first) == hijri.ESTIMATED and hijri.estimate_basis(first) == hijri.CRESCENT


@pytest.mark.parametrize("correction", range(-2, 3))
@pytest.mark.parametrize("day", [dt.date(2035, 9, 9), dt.date(2070, 2, 2)])
def test_after_the_table_the_crescent_shifted_by_the_correction(day, correction):
    base = to_hijri(day)
    assert to_hijri(day, correction) == to_hijri(day + dt.timedelta(days=correction))
    assert from_hijri(base.year, base.month, base.day) == day


def test_crescent_table_is_what_the_tool_builds_for_its_first_months(monkeypatch):
    """The shipped prediction equals astronomy-engine's chain (first year, to keep the test fast)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import build_crescent_table

    shipped = [first for _, _, first in predicted_starts()][:12]
    year, month, start = build_crescent_table.table_end()
    from prdesk.core import crescent

    assert crescent.chain(start, 12, build_crescent_table.ZONE) == shipped
    assert year * 12 + month - 1 == 1450 * 12  # starts right after 1450/01, where the table ends


def test_the_crescent_predicts_most_of_irans_month_starts():
    """Back-test in small: Odeh zone B from Iran gets at least 8 of the 12 months of 1446 right."""
    from prdesk.core import crescent

    rows = [r for r in reference_rows() if r[0] == 1446]
    right = sum(crescent.month_start(first, crescent.ZONE_B) == first for _, _, first in rows)
    uq = sum(umm_al_qura(first) == HijriDate(y, m, 1) for y, m, first in rows)
    assert right >= 8 and right > uq
