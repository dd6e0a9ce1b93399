"""The printed agenda, public-day queue sheet, request form and meetings report: what a reader finds on the page."""

from __future__ import annotations

import datetime as dt

import pytest

from prdesk.printing.agenda import agenda_rows, render_agenda, render_queue_sheet, render_request_form
from prdesk.printing.agenda_report import render_meetings_report
from prdesk.store import meetings as ms
from prdesk.store.contacts import add_organization, add_person
from prdesk.store.db import open_database
from tests.printing.conftest import letters, pdf, reading

SATURDAY = dt.date(2026, 11, 21)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "office.sqlite3")
    org = add_organization(database, {"name": "اتحادیه فرش"}).id
    person = add_person(database, {"first_name": "علی", "last_name": "رضایی", "organization_id": org}).id
    old = ms.add_meeting(database, {"date": SATURDAY - dt.timedelta(days=7), "start": "10:00", "visitors": [{"person_id": person}],
                                    "subject": "وام"})
    ms.set_status(database, old.id, "held", outcome="نامه به بانک")
    ms.add_meeting(database, {"date": SATURDAY, "start": "09:00", "visitors": [{"person_id": person}], "subject": "پیگیری وام"})
    ms.add_meeting(database, {"date": SATURDAY, "start": "09:30", "visitors": [{"name": "مریم احمدی", "organization": "تعاونی مسکن"}],
                              "subject": "شکایت", "type": "complaint"})
    yield database
    database.close()


def page_words(data: bytes) -> set[str]:
    """Every word drawn on the pages, read right to left (pypdf returns the glyphs word by word)."""
    words = set()
    for page in pdf(data).pages:
        for word in (page.extract_text() or "").split():
            for form in (letters(word), reading(word)):
                words.add(form.replace("ٔ", "").strip(":،.()؛"))
    return words


def shows(data: bytes, *phrases: str) -> bool:
    found = page_words(data)
    return all(word.replace("ٔ", "") in found for phrase in phrases for word in phrase.split())


def test_agenda_rows_show_earlier_meetings_with_outcome(db):
    rows = agenda_rows(db, SATURDAY, 1)
    assert [r[2] for r in rows] == ["علی رضایی", "مریم احمدی"]
    assert rows[0][3] == "اتحادیه فرش"
    assert rows[1][5] == "نخستین ملاقات"
    earlier = rows[0][5]
    assert "نامه به بانک" in (earlier if isinstance(earlier, str) else str(earlier._cellvalues))


@pytest.mark.parametrize("paper, width", [("A4", 595), ("A5", 420)])
def test_agenda_pdf_reads_back(db, paper, width):
    data = render_agenda(db, SATURDAY, 1, paper=paper)
    assert round(float(pdf(data).pages[0].mediabox.width)) == width
    assert shows(data, "برنامه ملاقاتهای مدیرکل", "علی رضایی", "مریم احمدی", "نامه به بانک", "نخستین")


def test_empty_day_says_so(db):
    assert shows(render_agenda(db, SATURDAY + dt.timedelta(days=1), 1), "ملاقاتی ثبت نشده")


def test_queue_sheet_in_arrival_order(db):
    ms.check_in(db, {"date": SATURDAY, "visitors": [{"name": "رضا"}]}, now=dt.datetime(2026, 11, 21, 8, 30))
    assert shows(render_queue_sheet(db, SATURDAY, 1), "ملاقات عمومی مدیرکل", "رضا")


def test_request_form_has_the_letterhead_and_the_fields(db):
    from prdesk.store.settings import get_settings

    for paper in ("A4", "A5"):
        assert shows(render_request_form(get_settings(db), paper=paper), "فرم درخواست ملاقات", "وزارت تعاون", "کد ملی",
                     "شکایت", "امضای متقاضی")


def test_meetings_report_counts(db):
    data = render_meetings_report(db, SATURDAY - dt.timedelta(days=30), SATURDAY)
    assert shows(data, "۳ ملاقات", "برگزار شد", "اتحادیه فرش", "شکایت")
    assert shows(render_meetings_report(db, dt.date(2020, 1, 1), dt.date(2020, 2, 1)), "ملاقاتی ثبت نشده")


def test_a_small_share_is_not_printed_as_zero():
    from prdesk.printing.agenda_report import _share

    assert [_share(5, 9863), _share(50, 9863), _share(3397, 9863), _share(0, 0)] == ["۰٫۰۵٪", "۱٪", "۳۴٪", "—"]
