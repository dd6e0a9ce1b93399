"""``prdesk calendar year``: the day-by-day JSON of DESIGN.md, iCalendar and CSV files, refusals."""

import json

import icalendar
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.core.jalali import to_gregorian
from prdesk.store import calendar as cal
from prdesk.store.db import open_database


def run(tmp_path, *args):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "office.sqlite3"), "calendar", *args])


def test_year_prints_one_json_object_per_day(tmp_path):
    result = run(tmp_path, "year", "1405")
    assert result.exit_code == 0, result.output
    days = json.loads(result.stdout)
    assert len(days) == 365
    first = days[0]
    assert (first["gregorian"], first["jalali"], first["hijri"], first["weekday"], first["holiday"]) == (
        "2026-03-21", "1405/01/01", "1447/10/01", "شنبه", True
    )
    assert {"title": "آغاز نوروز", "category": "national", "holiday": True, "source": "catalog"}.items() <= first["occasions"][0].items()
    assert all(d["holiday"] for d in days if d["weekday"] == "جمعه")


def test_year_accepts_persian_digits_and_shows_events(tmp_path):
    db = open_database(tmp_path / "office.sqlite3")
    cal.add_event(db, {"title": "همایش روز تعاون", "date": "1405/06/13"})
    db.close()
    result = run(tmp_path, "year", "۱۴۰۵", "--format", "json")
    assert result.exit_code == 0, result.output
    day = next(d for d in json.loads(result.stdout) if d["jalali"] == "1405/06/13")
    event = next(o for o in day["occasions"] if o["source"] == "event")
    assert event["title"] == "همایش روز تعاون"


def test_year_as_ics_file_imports_back(tmp_path):
    out = tmp_path / "1405.ics"
    result = run(tmp_path, "year", "1405", "--format", "ics", "--out", str(out))
    assert result.exit_code == 0, result.output
    parsed = icalendar.Calendar.from_ical(out.read_bytes())
    ashura = [e for e in parsed.walk("VEVENT") if str(e["SUMMARY"]) == "عاشورای حسینی"]
    assert [e["DTSTART"].dt for e in ashura] == [to_gregorian(1405, 4, 4)]


def test_year_as_csv_file_opens_in_excel(tmp_path):
    out = tmp_path / "1405.csv"
    result = run(tmp_path, "year", "1405", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark for Excel
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("gregorian,jalali,hijri,lunar_source,weekday,day_holiday,title")
    assert lines[1].startswith("2026-03-21,1405/01/01,1447/10/01,official,شنبه,1,آغاز نوروز")


def test_ics_to_standard_output(tmp_path):
    result = run(tmp_path, "year", "1405", "--format", "ics")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("BEGIN:VCALENDAR")


def test_bad_year_is_one_persian_line_and_exit_status_1(tmp_path):
    result = run(tmp_path, "year", "05")
    assert result.exit_code == 1
    assert "چهاررقمی" in result.stderr
    assert not (tmp_path / "office.sqlite3").exists()  # refused before opening the database


def test_bad_format_is_refused_by_click(tmp_path):
    result = run(tmp_path, "year", "1405", "--format", "pdf")
    assert result.exit_code == 2


def test_unwritable_out_is_a_plain_message(tmp_path):
    result = run(tmp_path, "year", "1405", "--out", str(tmp_path / "missing" / "folder" / "y.json"))
    assert result.exit_code == 1
    assert "نوشته نشد" in result.stderr


def test_calendar_commands_have_help():
    result = CliRunner().invoke(cli, ["calendar", "year", "--help"])
    assert result.exit_code == 0
    assert "--format" in result.output and "--out" in result.output


def test_year_1406_says_where_lunar_dates_are_predicted_or_estimated(tmp_path):
    """Issue 13 §1: every day of the JSON carries lunar_source; a lunar occasion says it is lunar."""
    result = run(tmp_path, "year", "1407", "--format", "json")
    assert result.exit_code == 0, result.output
    days = json.loads(result.output)
    assert {d["lunar_source"] for d in days} == {"predicted", "estimated"}
    assert days[0]["lunar_source"] == "predicted" and days[-1]["lunar_source"] == "estimated"
    ashura = next(o for d in days for o in d["occasions"] if o["title"] == "عاشورای حسینی")
    assert ashura["lunar"] is True
