"""`prdesk meetings add|list|status|postpone|followups`, `print agenda`, `print report meetings`: the contract and every refusal."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from prdesk.cli import cli
from prdesk.store import meetings as ms
from prdesk.store.contacts import add_organization, add_person
from prdesk.store.db import open_database

DAY = "1405/08/30"  # a Saturday
FRIDAY = "1405/09/06"
KEYS = {"id", "date", "start", "end", "host", "room", "visitors", "organization", "subject", "type", "status", "conflict_allowed"}


@pytest.fixture
def path(tmp_path):
    return tmp_path / "office.sqlite3"


def run(path, *args):
    return CliRunner().invoke(cli, ["--db", str(path), *args])


def rows(path, table="meetings"):
    db = open_database(path)
    try:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        db.close()


def add(path, *extra, start="10:00", date=DAY):
    return run(path, "meetings", "add", "--date", date, "--start", start, "--visitor", "حسن کریمی", *extra)


def test_add_prints_the_new_meeting_as_json(path):
    result = add(path, "--phone", "۰۹۱۳۰۰۰۰۰۰۰", "--organization", "تعاونی مسکن کارگران", "--subject", "وام", "--type",
                 "complaint", "--room", "سالن جلسات", "--duration", "۴۵", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert KEYS <= set(data)
    assert (data["date"], data["start"], data["end"], data["host"], data["room"]) == ("1405/08/30", "10:00", "10:45", "مدیرکل", "سالن جلسات")
    assert (data["visitors"], data["organization"], data["type"], data["status"], data["conflict_allowed"]) == (
        ["حسن کریمی"], "تعاونی مسکن کارگران", "complaint", "scheduled", False)


def test_add_with_a_contact_and_persian_digits(path):
    db = open_database(path)
    org = add_organization(db, {"name": "اتحادیهٔ فرش"}).id
    person = add_person(db, {"first_name": "علی", "last_name": "رضایی", "organization_id": org}).id
    db.close()
    result = run(path, "meetings", "add", "--date", "۱۴۰۵/۰۸/۳۰", "--start", "۰۹:۳۰", "--person", str(person), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["visitors"] == ["علی رضایی"]
    assert json.loads(result.output)["organization"] == "اتحادیهٔ فرش"


def test_conflict_refused_with_persian_message_and_nothing_written(path):
    assert add(path).exit_code == 0
    before = rows(path), rows(path, "meeting_visitors"), rows(path, "meeting_history")
    result = add(path, start="10:15")
    assert result.exit_code == 1
    assert "تداخل" in result.stderr and "--allow-conflict" in result.stderr and "۱۰:۳۰" in result.stderr
    assert (rows(path), rows(path, "meeting_visitors"), rows(path, "meeting_history")) == before
    assert add(path, start="10:30").exit_code == 0  # touching is fine
    forced = add(path, "--allow-conflict", "--json", start="10:15")
    assert forced.exit_code == 0 and json.loads(forced.output)["conflict_allowed"] is True


@pytest.mark.parametrize("date, start, words", [
    (FRIDAY, "10:00", "جمعه"),
    ("1405/01/01", "10:00", "تعطیل رسمی"),
    (DAY, "14:00", "بیرون از ساعت"),
    ("1405/09/05", "12:30", "بیرون از ساعت"),  # Thursday ends at 12:00
])
def test_closed_day_and_outside_hours_refused(path, date, start, words):
    result = add(path, date=date, start=start)
    assert result.exit_code == 1 and words in result.stderr and "--allow-closed-day" in result.stderr
    assert rows(path) == 0
    allowed = add(path, "--allow-closed-day", "--json", date=date, start=start)
    assert allowed.exit_code == 0 and json.loads(allowed.output)["closed_day_allowed"] is True


@pytest.mark.parametrize("args, words", [
    (["--date", DAY, "--start", "10:00"], "مراجعه‌کننده"),
    (["--date", "1405/13/01", "--start", "10:00", "--visitor", "x"], "ماه"),
    (["--date", DAY, "--start", "25:00", "--visitor", "x"], "ساعت"),
    (["--date", DAY, "--start", "10:00", "--visitor", "x", "--host", "رئیس"], "میزبانی"),
    (["--date", DAY, "--start", "10:00", "--visitor", "x", "--room", "انبار"], "اتاقی"),
    (["--date", DAY, "--start", "10:00", "--visitor", "x", "--duration", "۰"], "مدت"),
    (["--date", DAY, "--start", "10:00", "--person", "99"], "مخاطبان"),
])
def test_bad_input_refused_exit_1(path, args, words):
    result = run(path, "meetings", "add", *args)
    assert result.exit_code == 1, result.output
    assert words in result.stderr
    assert rows(path) == 0


def test_bad_type_is_a_usage_error(path):
    assert add(path, "--type", "party").exit_code == 2


def test_list_json_day_range_host_status(path):
    add(path)
    add(path, start="11:00", date="1405/09/01")
    db = open_database(path)
    ms.add_host(db, "معاون توسعه")
    db.close()
    run(path, "meetings", "add", "--date", DAY, "--start", "10:00", "--visitor", "زهرا", "--host", "معاون توسعه")
    day = json.loads(run(path, "meetings", "list", "--date", "۱۴۰۵/۰۸/۳۰", "--json").output)
    assert len(day) == 2 and all(KEYS <= set(m) for m in day)
    span = json.loads(run(path, "meetings", "list", "--from", DAY, "--to", "1405/09/01", "--host", "مدیرکل", "--json").output)
    assert [m["date"] for m in span] == ["1405/08/30", "1405/09/01"]
    run(path, "meetings", "status", str(span[0]["id"]), "held", "--outcome", "انجام شد")
    held = json.loads(run(path, "meetings", "list", "--from", DAY, "--to", "1405/09/01", "--status", "held", "--json").output)
    assert [m["status"] for m in held] == ["held"]
    text = run(path, "meetings", "list", "--date", DAY)
    assert text.exit_code == 0 and "حسن کریمی" in text.output and "۱۰:۰۰" in text.output


def test_list_refusals(path):
    both = run(path, "meetings", "list", "--date", DAY, "--from", DAY)
    assert both.exit_code == 1 and "--date" in both.stderr
    backwards = run(path, "meetings", "list", "--from", "1405/09/01", "--to", DAY)
    assert backwards.exit_code == 1 and "بعد از" in backwards.stderr
    assert run(path, "meetings", "list", "--status", "lost").exit_code == 2


def test_status_changes_and_refusals(path):
    meeting_id = json.loads(add(path, "--json").output)["id"]
    no_reason = run(path, "meetings", "status", str(meeting_id), "cancelled")
    assert no_reason.exit_code == 1 and "دلیل لغو" in no_reason.stderr
    assert run(path, "meetings", "status", str(meeting_id), "arrived").exit_code == 0
    held = run(path, "meetings", "status", str(meeting_id), "held", "--outcome", "ارجاع به معاونت")
    assert held.exit_code == 0 and "برگزار شد" in held.output
    again = run(path, "meetings", "status", str(meeting_id), "no-show")
    assert again.exit_code == 1 and "نمی‌شود" in again.stderr
    missing = run(path, "meetings", "status", "999", "held")
    assert missing.exit_code == 1 and "پیدا نشد" in missing.stderr
    assert run(path, "meetings", "status", str(meeting_id), "postponed").exit_code == 2
    db = open_database(path)
    assert [h["status"] for h in ms.history(db, meeting_id)] == ["scheduled", "arrived", "held"]
    db.close()


def test_postpone_links_both_and_refuses_conflicts(path):
    first = json.loads(add(path, "--json").output)["id"]
    add(path, start="11:00", date="1405/09/01")
    taken = run(path, "meetings", "postpone", str(first), "--date", "1405/09/01", "--start", "11:10")
    assert taken.exit_code == 1 and "تداخل" in taken.stderr and rows(path) == 2
    closed = run(path, "meetings", "postpone", str(first), "--date", FRIDAY, "--start", "10:00")
    assert closed.exit_code == 1 and "جمعه" in closed.stderr
    moved = run(path, "meetings", "postpone", str(first), "--date", "1405/09/01", "--start", "09:00", "--json")
    assert moved.exit_code == 0, moved.output
    new = json.loads(moved.output)
    assert new["postponed_from"] == first
    old = json.loads(run(path, "meetings", "list", "--date", DAY, "--json").output)[0]
    assert (old["status"], old["postponed_to"]) == ("postponed", new["id"])
    twice = run(path, "meetings", "postpone", str(first), "--date", "1405/09/02", "--start", "09:00")
    assert twice.exit_code == 1 and "موکول نمی‌شود" in twice.stderr


def test_followups_overdue(path):
    meeting_id = json.loads(add(path, "--json").output)["id"]
    db = open_database(path)
    ms.add_followup(db, meeting_id, "نامه به بانک", referred_to="معاونت", due=dt.date(2020, 1, 1))
    ms.add_followup(db, meeting_id, "تماس با تعاونی")
    db.close()
    every = json.loads(run(path, "meetings", "followups", "--json").output)
    assert [f["action"] for f in every] == ["نامه به بانک", "تماس با تعاونی"]
    late = json.loads(run(path, "meetings", "followups", "--overdue", "--json").output)
    assert [(f["action"], f["overdue"], f["due"]) for f in late] == [("نامه به بانک", True, "1398/10/11")]
    text = run(path, "meetings", "followups", "--overdue")
    assert "سررسید گذشته" in text.output


def _pdf_text(path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_print_agenda(path, tmp_path, paper):
    add(path, "--subject", "وام مسکن")
    out = tmp_path / "agenda.pdf"
    result = run(path, "print", "agenda", "--date", DAY, "--paper", paper, "--out", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == (595 if paper == "A4" else 420)
    unknown = run(path, "print", "agenda", "--date", DAY, "--host", "رئیس", "--out", str(tmp_path / "x.pdf"))
    assert unknown.exit_code == 1 and "میزبانی" in unknown.stderr


def test_print_report_meetings(path, tmp_path):
    add(path)
    out = tmp_path / "report.pdf"
    result = run(path, "print", "report", "meetings", "--from", "1405/08/01", "--to", "1405/08/30", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    backwards = run(path, "print", "report", "meetings", "--from", "1405/09/01", "--to", DAY, "--out", str(out))
    assert backwards.exit_code == 1 and "بعد از" in backwards.stderr
