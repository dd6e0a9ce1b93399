"""The printed contacts directory: groups by kind or city, phones, people, filters, an empty book."""

import pytest
from reportlab.platypus import Table
from reportlab.graphics.shapes import Drawing

from prdesk.core.contacts import ContactFilter
from prdesk.errors import ValidationError
from prdesk.printing.directory import directory_story, render_directory
from prdesk.printing.rtl import RtlParagraph
from prdesk.store.contacts import add_organization, add_person
from prdesk.store.db import open_database
from tests.printing.conftest import pdf


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "d.sqlite3")
    orgs = [
        ("اتحادیه تعاونی‌های مصرف", "اتحادیه", "مصرف", "اصفهان", ["03132224455", "09131234567"]),
        ("بانک توسعه تعاون", "بانک", "اعتبار", "کاشان", ["03155443322"]),
        ("اتحادیه مسکن", "اتحادیه", "مسکن", "کاشان", []),
    ]
    for name, kind, activity, city, phones in orgs:
        change = add_organization(database, {"name": name, "kind": kind, "activity": activity, "city": city, "phones": phones})
    add_person(database, {"first_name": "محمد", "last_name": "رضایی", "honorific": "آقای", "position": "مدیرعامل",
                          "organization_id": change.id, "mobile": "09121234567"})
    yield database
    database.close()


def _text(flowable) -> str:
    return " ".join(w.logical for w in flowable.words)


def _headings(story):
    return [_text(f) for f in story if isinstance(f, RtlParagraph) and f.style.bold_font == f.words[0].pieces[0].style.font]


def _table_rows(table: Table):
    """Cell texts in reading order (the first logical column first), header row skipped."""
    rows = []
    for row in table._cellvalues[1:]:
        rows.append([_text(c) if isinstance(c, RtlParagraph) else c for c in reversed(row)])
    return rows


def test_grouped_by_kind_with_phones(db):
    story = directory_story(db, group_by="kind")
    assert _headings(story) == ["نوع: اتحادیه (۲ سازمان)", "نوع: بانک (۱ سازمان)"]
    tables = [f for f in story if isinstance(f, Table)]
    first = _table_rows(tables[0])
    assert first[0][:4] == ["۱", "اتحادیه تعاونی‌های مصرف", "مصرف", "اصفهان"]
    phones = tables[0]._cellvalues[1][0]  # the last logical column is the leftmost cell
    assert [line.logical_text for line in phones.lines(500)] == ["۰۳۱-۳۲۲۲۴۴۵۵", "۰۹۱۳۱۲۳۴۵۶۷"]
    assert any(isinstance(f, Drawing) for f in story)  # the chart of group sizes


def test_grouped_by_city(db):
    headings = _headings(directory_story(db, group_by="city"))
    assert headings == ["شهر: اصفهان (۱ سازمان)", "شهر: کاشان (۲ سازمان)"]


def test_filter_and_people(db):
    story = directory_story(db, group_by="city", f=ContactFilter(kind="اتحادیه"), people=True)
    headings = _headings(story)
    assert "شهر: اصفهان (۱ سازمان)" in headings and "شهر: کاشان (۱ سازمان)" in headings
    assert "افراد" in headings and "شهر: کاشان (۱ نفر)" in headings
    people = _table_rows([f for f in story if isinstance(f, Table)][-1])
    assert people[0][1:5] == ["آقای محمد رضایی", "مدیرعامل", "اتحادیه مسکن", "۰۹۱۲۱۲۳۴۵۶۷"]


def test_empty_directory(tmp_path):
    database = open_database(tmp_path / "empty.sqlite3")
    story = directory_story(database)
    assert _text(story[0]) == "هیچ سازمانی با این شرایط در فهرست نیست."
    assert len(pdf(render_directory(database)).pages) == 1
    database.close()


def test_unknown_grouping_is_refused(db):
    with pytest.raises(ValidationError):
        directory_story(db, group_by="province")


def test_pdf(db):
    reader = pdf(render_directory(db))
    assert reader.metadata.title == "فهرست سازمان‌ها"
    assert len(reader.pages) == 1
