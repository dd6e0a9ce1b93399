"""Hostile and damaged import files: encodings decided on evidence, zip bombs, giant cells, invisible characters."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.core.contacts import ContactFilter
from prdesk.errors import ValidationError
from prdesk.store import contacts as store
from prdesk.store import contacts_io
from prdesk.store.contacts_io import import_contacts, plausible_persian, preview
from prdesk.store.db import open_database

HEADER = "نام,نام خانوادگی,سازمان,شهر\n"
ROWS = [("علی", "احمدی", "تعاونی مصرف فرهنگیان", "کاشان"), ("زهرا", "کریمی", "اتحادیه نانوایان", "یزد"),
        ("محمد", "رضایی", "تعاونی مسکن", "اصفهان"), ("مریم", "صالحی", "اتحادیه صنف خیاطان", "شیراز")]


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "t.sqlite3")
    yield database
    store.check_search_index(database)
    database.close()


def _utf8_with_a_stray_byte(tmp_path, row_with_byte: int = 3):
    lines = [HEADER.encode()] + [(",".join(r) + "\n").encode() for r in ROWS]
    lines[row_with_byte] = lines[row_with_byte][:4] + b"\xff" + lines[row_with_byte][4:]
    path = tmp_path / "people.csv"
    path.write_bytes(b"".join(lines))
    return path


def _ansi(text: str) -> bytes:
    """``text`` as Excel on a Persian Windows saves it: Windows-1256, with Arabic ي for ی."""
    return text.replace("ی", "ي").encode("cp1256")


def _names(db):
    return sorted(p["last_name"] for p in store.query_people(db, ContactFilter(), "name", limit=None))


def test_one_stray_byte_keeps_the_file_utf8_and_reports_that_row(db, tmp_path):
    path = _utf8_with_a_stray_byte(tmp_path)
    summary = import_contacts(db, path)
    assert summary.encoding == "utf-8"
    assert _names(db) == sorted(["احمدی", "کریمی", "صالحی"])
    assert [row for row, _ in summary.skipped] == [4]
    assert "خوانده نشد" in dict(summary.skipped)[4]
    assert "سطر ۴" in summary.describe()


def test_persian_headers_and_a_stray_byte_still_find_the_name_column(db, tmp_path):
    path = _utf8_with_a_stray_byte(tmp_path, row_with_byte=1)
    sheet = preview(path)
    assert sheet.headers == ["نام", "نام خانوادگی", "سازمان", "شهر"] and sheet.unreadable == 1
    summary = import_contacts(db, path)
    assert summary.imported_people == 3


def test_a_windows_1256_file_is_read_as_windows_1256(db, tmp_path):
    path = tmp_path / "ansi.csv"
    path.write_bytes(_ansi(HEADER + "".join(",".join(r) + "\n" for r in ROWS)))
    summary = import_contacts(db, path)
    assert summary.encoding == "cp1256" and summary.imported_people == 4
    assert "رضایی" in _names(db)


def test_utf8_forced_as_windows_1256_is_refused_not_stored_as_mojibake(db, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes((HEADER + "".join(",".join(r) + "\n" for r in ROWS)).encode("utf-8"))
    with pytest.raises(ValidationError, match="Windows-1256"):
        import_contacts(db, path, encoding="windows-1256")
    assert _names(db) == []


@pytest.mark.parametrize("data", [
    "nom,prénom,société,ville\nDupont,Élodie,Café crème,Besançon\n".encode("latin-1"),
    bytes(range(128, 256)) * 40,
])
def test_a_file_in_neither_encoding_is_refused(db, tmp_path, data):
    path = tmp_path / "strange.csv"
    path.write_bytes(data)
    with pytest.raises(ValidationError, match="رمزگذاری"):
        import_contacts(db, path)
    assert _names(db) == []


def test_mojibake_is_not_plausible_persian():
    text = "علی رضایی، اتحادیه صنف نانوایان کاشان"
    assert plausible_persian(text)
    assert not plausible_persian(text.encode("utf-8").decode("cp1256"))


def test_the_clerk_chooses_the_encoding_on_the_command_line(tmp_path):
    path = tmp_path / "ansi.csv"
    path.write_bytes(_ansi(HEADER + "".join(",".join(r) + "\n" for r in ROWS)))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "o.sqlite3"), "contacts", "import", str(path),
                                      "--encoding", "windows-1256", "--json"])
    assert result.exit_code == 0, result.output
    assert '"encoding": "cp1256"' in result.output and '"imported_people": 4' in result.output
    wrong = CliRunner().invoke(cli, ["--db", str(tmp_path / "o.sqlite3"), "contacts", "import",
                                     str(_utf8_with_a_stray_byte(tmp_path)), "--encoding", "windows-1256"])
    assert wrong.exit_code == 1 and "Windows-1256" in wrong.output


def test_a_csv_cell_over_the_field_limit_is_a_persian_message(db, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text(HEADER + "علی,احمدی,تعاونی,کاشان\n" + "محمد," + "ب" * (csv.field_size_limit() + 10) + ",x,y\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError, match="نویسه دارد"):
        import_contacts(db, path)
    assert _names(db) == []
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "o.sqlite3"), "contacts", "import", str(path)])
    assert result.exit_code == 1 and "نویسه دارد" in result.output and result.exception.__class__ is SystemExit


def _workbook(path, cell: str):
    """A workbook whose second cell holds ``cell`` whole (openpyxl itself cuts a cell at 32,767 characters)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["نام", "نام خانوادگی"])
    sheet.append(["علی", "PLACEHOLDER"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            data = source.read(part)
            target.writestr(part, data.replace(b"PLACEHOLDER", cell.encode()), zipfile.ZIP_DEFLATED)
    return path


def test_an_xlsx_that_unpacks_too_large_is_refused_before_it_is_read(db, tmp_path, monkeypatch):
    path = _workbook(tmp_path / "bomb.xlsx", "الف" * 700_000)
    opened = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: opened.append(a))
    monkeypatch.setattr(contacts_io.reading, "MAX_XLSX_UNPACKED", 1_000_000)
    with pytest.raises(ValidationError, match="بسیار بزرگ"):
        import_contacts(db, path)
    assert opened == []


def test_an_xlsx_with_an_extreme_compression_ratio_is_refused(db, tmp_path, monkeypatch):
    path = _workbook(tmp_path / "bomb.xlsx", "الف" * 700_000)
    with zipfile.ZipFile(path) as archive:
        biggest = max(archive.infolist(), key=lambda p: p.file_size)
    assert biggest.file_size > 100 * biggest.compress_size
    monkeypatch.setattr(contacts_io.reading, "_RATIO_FROM", 1024)
    with pytest.raises(ValidationError, match="فشرده‌سازی غیرعادی"):
        import_contacts(db, path)


def test_an_xlsx_cell_longer_than_excel_allows_is_refused(db, tmp_path):
    path = _workbook(tmp_path / "long.xlsx", "ب" * 32_768)
    with pytest.raises(ValidationError, match="۳۲٬۷۶۷ نویسه"):
        import_contacts(db, path)
    assert _names(db) == []


def test_bidi_overrides_and_nul_in_an_import_are_not_stored(db, tmp_path):
    path = tmp_path / "hostile.csv"
    path.write_text(HEADER + "محمد\u202eفدp.exe,رضا\x00یی,تعاونی,کاشان\n\u200b\u200b,\u200b,,\n", encoding="utf-8")
    summary = import_contacts(db, path)
    people = store.query_people(db, ContactFilter(), "name", limit=None)
    assert [(p["first_name"], p["last_name"]) for p in people] == [("محمدفدp.exe", "رضایی")]
    assert summary.imported_people == 1 and len(summary.skipped) == 1
