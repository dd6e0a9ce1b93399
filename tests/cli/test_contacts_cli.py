"""The contacts and demo commands through click's runner, as a clerk would type them."""

import json

import vobject
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.store import contacts as store
from prdesk.store.db import open_database


def _run(path, *args):
    return CliRunner().invoke(cli, ["--db", str(path), *args])


def test_demo_then_refusal(tmp_path):
    path = tmp_path / "d.sqlite3"
    result = _run(path, "demo", "--size", "small")
    assert result.exit_code == 0, result.output
    assert "۳۰۰ شخص" in result.output
    again = _run(path, "demo")
    assert again.exit_code == 1
    assert "از قبل مخاطب دارد" in again.output


def test_search_prints_best_first_and_json(tmp_path):
    path = tmp_path / "s.sqlite3"
    db = open_database(path)
    org = store.add_organization(db, {"name": "اتحادیه صنف نانوایان کاشان", "city": "کاشان"}).id
    store.add_person(db, {"first_name": "علی‌رضا", "last_name": "احمدی", "organization_id": org, "mobile": "09121234567"})
    store.add_person(db, {"first_name": "رضا", "last_name": "علیزاده"})
    db.close()
    result = _run(path, "contacts", "search", "علی رضا")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("[شخص ") and "علی‌رضا احمدی" in lines[0] and "09121234567" in lines[0]
    result = _run(path, "contacts", "search", "كاشان", "--json", "--limit", "1")
    data = json.loads(result.output)
    assert len(data) == 1 and data[0]["type"] == "organization"
    assert data[0]["name"] == "اتحادیه صنف نانوایان کاشان"
    assert _run(path, "contacts", "search", "۰۹۱۲", "--json").output.count('"person"') == 1
    assert "پیدا نشد" in _run(path, "contacts", "search", "ژژژ").output


def test_export_and_import_round_trip(tmp_path):
    path = tmp_path / "e.sqlite3"
    assert _run(path, "demo").exit_code == 0
    for fmt in ("csv", "xlsx", "vcf"):
        out = tmp_path / f"unions.{fmt}"
        result = _run(path, "contacts", "export", "--format", fmt, "--out", str(out), "--kind", "اتحادیه")
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    db = open_database(path)
    unions = store.count_people(db, store.ContactFilter(kind="اتحادیه"))
    db.close()
    cards = list(vobject.readComponents((tmp_path / "unions.vcf").read_text(encoding="utf-8")))
    assert len(cards) == unions
    copy = tmp_path / "copy.sqlite3"
    result = _run(copy, "contacts", "import", str(tmp_path / "unions.xlsx"), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["imported_people"] == unions and summary["skipped"] == []
    result = _run(copy, "contacts", "import", str(tmp_path / "unions.csv"))
    assert result.exit_code == 0, result.output
    assert "بدون تغییر" in result.output


def test_export_by_tag(tmp_path):
    path = tmp_path / "t.sqlite3"
    db = open_database(path)
    store.add_person(db, {"last_name": "احمدی", "tags": ["ویژه"]})
    store.add_person(db, {"last_name": "کریمی"})
    db.close()
    out = tmp_path / "vip.csv"
    assert _run(path, "contacts", "export", "--format", "csv", "--out", str(out), "--tag", "ویژه").exit_code == 0
    assert "احمدی" in out.read_text(encoding="utf-8-sig") and "کریمی" not in out.read_text(encoding="utf-8-sig")


def test_import_errors_are_one_line_with_exit_status(tmp_path):
    sheet = tmp_path / "x.csv"
    sheet.write_text("همراه,شهر\n09121234567,یزد\n", encoding="utf-8")
    result = _run(tmp_path / "i.sqlite3", "contacts", "import", str(sheet))
    assert result.exit_code == 1
    last = result.output.splitlines()[-1]
    assert last.startswith("خطا: ") and "نام سازمان" in last


def test_bad_export_format_is_refused(tmp_path):
    result = _run(tmp_path / "f.sqlite3", "contacts", "export", "--format", "pdf", "--out", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
