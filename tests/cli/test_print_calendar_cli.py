"""`prdesk print calendar` and `prdesk print report plan`: the files they write and what they refuse."""

import io
import unicodedata

from click.testing import CliRunner
from pypdf import PdfReader
from reportlab.lib.pagesizes import A3, A4, landscape

from prdesk.cli import cli
from prdesk.store.calendar import add_event
from prdesk.store.db import open_database


def _run(tmp_path, *args):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "office.sqlite3"), "print", *args])


def _pdf(path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def _size(reader: PdfReader) -> tuple[float, float]:
    box = reader.pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_calendar_month_is_one_landscape_page(tmp_path):
    out = tmp_path / "azar.pdf"
    result = _run(tmp_path, "calendar", "--year", "1405", "--month", "9", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "تقویم آذر ۱۴۰۵" in result.output and str(out) in result.output
    reader = _pdf(out)
    assert len(reader.pages) == 1
    assert _size(reader) == tuple(round(v) for v in landscape(A4))
    assert reader.metadata.title == "تقویم آذر ۱۴۰۵"


def test_calendar_year_is_thirteen_pages_on_a3(tmp_path):
    out = tmp_path / "year.pdf"
    result = _run(tmp_path, "calendar", "--year", "1405", "--paper", "a3", "--out", str(out))
    assert result.exit_code == 0, result.output
    reader = _pdf(out)
    assert len(reader.pages) == 13
    assert _size(reader) == tuple(round(v) for v in landscape(A3))


def test_calendar_refusals(tmp_path):
    out = tmp_path / "x.pdf"
    bad_month = _run(tmp_path, "calendar", "--year", "1405", "--month", "13", "--out", str(out))
    assert bad_month.exit_code == 2
    bad_year = _run(tmp_path, "calendar", "--year", "99", "--out", str(out))
    assert bad_year.exit_code == 1 and "خطا:" in bad_year.output and "چهاررقمی" in bad_year.output
    no_folder = _run(tmp_path, "calendar", "--year", "1405", "--month", "1", "--out", str(tmp_path / "missing" / "x.pdf"))
    assert no_folder.exit_code == 1 and "نوشته نشد" in no_folder.output
    assert not out.exists()


def test_report_plan_lists_the_years_events(tmp_path):
    db = open_database(tmp_path / "office.sqlite3")
    add_event(db, {"title": "همایش تعاونی‌های برتر", "date": "1405/01/15", "type": "seminar"})
    add_event(db, {"title": "تکریم بازنشستگان", "date": "1405/03/10", "type": "retiree_honoring"})
    db.close()
    out = tmp_path / "plan.pdf"
    result = _run(tmp_path, "report", "plan", "--year", "1405", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "برنامهٔ سالانهٔ مراسم ۱۴۰۵" in result.output
    reader = _pdf(out)
    assert reader.metadata.title == "برنامهٔ سالانهٔ مراسم ۱۴۰۵"
    assert _size(reader) == tuple(round(v) for v in landscape(A4))
    text = reader.pages[0].extract_text()
    assert "ﺑﺎﺯﻧﺸﺴﺘﮕﺎﻥ" in text or "بازنشستگان" in text


def test_report_plan_needs_a_year(tmp_path):
    result = _run(tmp_path, "report", "plan", "--out", str(tmp_path / "plan.pdf"))
    assert result.exit_code == 2 and "--year" in result.output


def test_new_commands_have_help():
    runner = CliRunner()
    for args in (["print", "calendar", "--help"], ["print", "report", "plan", "--help"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0 and "--year" in result.output and "--out" in result.output
    assert "A3" in runner.invoke(cli, ["print", "calendar", "--help"]).output


def test_contacts_birthdays_are_printed_only_with_the_flag(tmp_path):
    from prdesk.store.contacts import add_person

    db = open_database(tmp_path / "office.sqlite3")
    add_person(db, {"first_name": "سعید", "last_name": "نوری", "birthday": "1985-03-28"})
    add_person(db, {"first_name": "مریم", "last_name": "احمدی", "is_staff": True, "birthday": "1985-03-28"})
    db.close()
    texts = {}
    for name, extra in (("plain", ()), ("asked", ("--contacts-birthdays",))):
        out = tmp_path / f"{name}.pdf"
        result = _run(tmp_path, "calendar", "--year", "1405", "--month", "1", "--out", str(out), *extra)
        assert result.exit_code == 0, result.output
        texts[name] = unicodedata.normalize("NFKC", _pdf(out).pages[0].extract_text())
    assert "احمدی" in texts["plain"] and "احمدی" in texts["asked"]
    # The staff birthday and the legend say «تولد» in both; the contact's count only when asked.
    assert texts["asked"].count("تولد") == texts["plain"].count("تولد") + 2  # the cell and the month's list
