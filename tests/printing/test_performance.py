"""The printed performance report: only areas with data, the three periods compared, Persian digits."""

import io

import pytest
from pypdf import PdfReader

from prdesk.core.activity import season_period
from prdesk.printing.performance import breakdown_rows, headline_rows, render_performance
from prdesk.store import activity
from prdesk.store.db import open_database
from prdesk.store.report import summary


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "p.sqlite3")
    yield database
    database.close()


def test_rows_compare_the_three_periods(db):
    for date in ("1405/07/01", "1405/07/02", "1405/04/05", "1404/08/01"):
        activity.add_activity(db, {"date": date, "kind": "news", "title": "خبر", "level": "national"})
    area = summary(db, season_period(1405, 3)).area("media")
    assert headline_rows(area)[0] == ["جمع", "۲", "۱", "۱۰۰٪ افزایش", "۱", "۱۰۰٪ افزایش"]
    assert breakdown_rows(area, "by_kind") == [["خبر منتشرشده", "۲", "۱", "۱۰۰٪ افزایش", "۱", "۱۰۰٪ افزایش"]]


def test_empty_areas_are_left_out_of_the_document(db):
    activity.add_activity(db, {"date": "1405/07/01", "kind": "news", "title": "خبر"})
    result = summary(db, season_period(1405, 3))
    text = io.BytesIO(render_performance(db, result.period, result=result))
    pages = PdfReader(text).pages
    assert len(pages) == 2  # the cover, then the one area with data
