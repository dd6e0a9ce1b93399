"""`prdesk activity`, `prdesk report summary` and `prdesk print report activity` as a clerk types them."""

import json

import openpyxl
from click.testing import CliRunner
from pypdf import PdfReader

from prdesk.cli import cli
from prdesk.store.db import open_database


def _run(path, *args):
    return CliRunner().invoke(cli, ["--db", str(path), *args])


def _add(path, date, kind, title, *extra):
    return _run(path, "activity", "add", "--date", date, "--kind", kind, "--title", title, *extra)


def test_add_and_list(tmp_path):
    path = tmp_path / "a.sqlite3"
    result = _add(path, "۱۴۰۵/۰۸/۰۲", "interview", "گفت‌وگو با رادیو", "--outlet", "رادیو اصفهان", "--level", "provincial", "--json")
    assert result.exit_code == 0, result.output
    entry = json.loads(result.output)
    assert entry["date"] == "1405/08/02" and entry["kind"] == "interview" and entry["level"] == "provincial"
    assert _add(path, "1405/08/05", "news", "خبر تعاونی").exit_code == 0
    listed = json.loads(_run(path, "activity", "list", "--from", "1405/08/01", "--to", "1405/08/03", "--json").output)
    assert [e["title"] for e in listed] == ["گفت‌وگو با رادیو"]
    listed = json.loads(_run(path, "activity", "list", "--kind", "news", "--json").output)
    assert [e["title"] for e in listed] == ["خبر تعاونی"]
    text = _run(path, "activity", "list").output
    assert "رادیو اصفهان" in text and "۱۴۰۵/۰۸/۰۲" in text


def test_refusals_are_persian_and_write_nothing(tmp_path):
    path = tmp_path / "r.sqlite3"
    result = _add(path, "1405/08/40", "news", "خبر")
    assert result.exit_code == 1 and "روز" in result.output
    result = _add(path, "1405/08/01", "podcast", "خبر")
    assert result.exit_code == 1 and "شناخته نشد" in result.output
    result = _run(path, "report", "summary", "--from", "1405/09/01", "--to", "1405/08/01", "--json")
    assert result.exit_code == 1 and "پیش از آغاز" in result.output
    db = open_database(path)
    assert db.execute("SELECT count(*) FROM activities").fetchone()[0] == 0
    db.close()


def test_summary_json_has_every_area(tmp_path):
    path = tmp_path / "s.sqlite3"
    _add(path, "1405/07/01", "news", "خبر ملی", "--level", "national")
    _add(path, "1404/07/01", "news", "خبر پارسال")
    data = json.loads(_run(path, "report", "summary", "--from", "1405/07/01", "--to", "1405/09/30", "--json").output)
    assert {"letters", "events", "contacts", "media"} <= set(data)
    assert data["media"]["total"] == 1 and data["media"]["last_year"] == 1 and data["media"]["by_kind"] == {"news": 1}
    assert data["previous_period"]["from"] == "1405/04/01"


def test_print_report_pdf_and_xlsx(tmp_path):
    path = tmp_path / "p.sqlite3"
    for day in range(1, 6):
        _add(path, f"1405/07/0{day}", "news" if day % 2 else "interview", f"خبر {day}", "--outlet", "ایرنا", "--level", "national")
    intro = tmp_path / "intro.txt"
    intro.write_text("مقدمهٔ گزارش فصل پاییز.", encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    result = _run(path, "print", "report", "activity", "--from", "1405/07/01", "--to", "1405/09/30", "--intro-file", str(intro), "--out", str(pdf))
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 2 and "پاییز" in reader.metadata.title
    xlsx = tmp_path / "report.xlsx"
    assert _run(path, "print", "report", "activity", "--from", "1405/07/01", "--to", "1405/09/30", "--out", str(xlsx)).exit_code == 0
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames[0] == "خلاصه" and "کارنامهٔ رسانه‌ای و عمومی" in book.sheetnames
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    media = book["کارنامهٔ رسانه‌ای و عمومی"]
    assert media["A2"].value == "جمع" and media["B2"].value == 5
    bad = _run(path, "print", "report", "activity", "--from", "1405/07/01", "--to", "1405/09/30", "--out", str(tmp_path / "r.docx"))
    assert bad.exit_code == 1 and ".pdf" in bad.output and not (tmp_path / "r.docx").exists()
