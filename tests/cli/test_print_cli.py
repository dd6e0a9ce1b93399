"""`prdesk print letter` and `prdesk print report contacts`: files, the register, refusals."""

import io

from click.testing import CliRunner
from pypdf import PdfReader
from reportlab.lib.pagesizes import A5

from prdesk.cli import cli
from prdesk.store.contacts import add_organization
from prdesk.store.db import open_database
from prdesk.store.letters import search_register

BODY = "احتراماً، به استحضار می‌رساند جلسه در تاریخ ۱۴۰۵/۰۹/۰۲ برگزار می‌شود.\nبا تشکر از همکاری شما.\n"


def _run(tmp_path, *args):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "office.sqlite3"), "print", *args])


def _body(tmp_path, text=BODY, encoding="utf-8"):
    path = tmp_path / "body.txt"
    path.write_bytes(text.encode(encoding))
    return str(path)


def _register(tmp_path):
    db = open_database(tmp_path / "office.sqlite3")
    try:
        return search_register(db)
    finally:
        db.close()


def test_letter_takes_the_next_number_from_the_register(tmp_path):
    out = tmp_path / "letter.pdf"
    result = _run(tmp_path, "letter", "--body-file", _body(tmp_path), "--subject", "جلسه", "--recipient",
                  "جناب آقای رضایی\\nمدیرعامل محترم اتحادیه", "--date", "۱۴۰۵/۰۸/۳۰", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "۱/ص/۱۴۰۵" in result.output and "ثبت" in result.output
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1 and reader.metadata.title == "جلسه"
    rows = _register(tmp_path)
    assert [(r["number"], r["date"], r["subject"], r["recipient"]) for r in rows] == [
        ("1/ص/1405", "2026-11-21", "جلسه", "جناب آقای رضایی - مدیرعامل محترم اتحادیه")
    ]
    assert _run(tmp_path, "letter", "--body-file", _body(tmp_path), "--date", "1405/08/30", "--out", str(out)).exit_code == 0
    assert [r["number"] for r in _register(tmp_path)] == ["2/ص/1405", "1/ص/1405"]


def test_letter_with_a_number_is_not_registered(tmp_path):
    out = tmp_path / "letter.pdf"
    result = _run(tmp_path, "letter", "--body-file", _body(tmp_path), "--number", "4567/د/1405", "--paper", "a5", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "۴۵۶۷/د/۱۴۰۵" in result.output
    box = PdfReader(io.BytesIO(out.read_bytes())).pages[0].mediabox
    assert abs(float(box.width) - A5[0]) < 0.5 and abs(float(box.height) - A5[1]) < 0.5
    assert _register(tmp_path) == []


def test_a_windows_1256_body_file(tmp_path):
    out = tmp_path / "letter.pdf"
    result = _run(tmp_path, "letter", "--body-file", _body(tmp_path, "سلام و احترام", "cp1256"), "--number", "1", "--out", str(out))
    assert result.exit_code == 0, result.output


def test_a_bad_date_is_refused_and_takes_no_number(tmp_path):
    out = tmp_path / "letter.pdf"
    result = _run(tmp_path, "letter", "--body-file", _body(tmp_path), "--date", "1405/13/01", "--out", str(out))
    assert result.exit_code == 1
    assert "ماه ۱۳ وجود ندارد" in result.output
    assert not out.exists()
    assert _register(tmp_path) == []


def test_an_empty_body_is_refused(tmp_path):
    result = _run(tmp_path, "letter", "--body-file", _body(tmp_path, "  \n"), "--out", str(tmp_path / "x.pdf"))
    assert result.exit_code == 1 and "خالی" in result.output


def test_an_unwritable_output_takes_no_number(tmp_path):
    result = _run(tmp_path, "letter", "--body-file", _body(tmp_path), "--out", str(tmp_path / "missing" / "x.pdf"))
    assert result.exit_code == 1 and "نوشته نشد" in result.output
    assert _register(tmp_path) == []


def test_report_contacts(tmp_path):
    db = open_database(tmp_path / "office.sqlite3")
    add_organization(db, {"name": "اتحادیه تعاونی‌های مصرف", "kind": "اتحادیه", "city": "کاشان", "phones": ["03155443322"]})
    db.close()
    out = tmp_path / "contacts.pdf"
    result = _run(tmp_path, "report", "contacts", "--group-by", "city", "--people", "--out", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.metadata.title == "فهرست مخاطبان" and len(reader.pages) >= 1


def test_letter_remembers_its_paper_for_a_reprint(tmp_path):
    out = tmp_path / "letter.pdf"
    result = _run(tmp_path, "letter", "--body-file", _body(tmp_path), "--recipient", "جناب آقای رضایی",
                  "--paper", "A5", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [r["paper"] for r in _register(tmp_path)] == ["A5"]
