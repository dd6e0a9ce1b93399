"""The messages commands as a clerk types them: templates, batch (dry run, printed, duplex), list, sms-export, refusals."""

import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from prdesk.cli import cli
from prdesk.store.db import open_database
from prdesk.store.settings import update_settings
from tests.store.messages_support import small_office

NOWRUZ = ["--template", "تبریک عید نوروز", "--occasion", "عید نوروز", "--date", "۱۴۰۴/۱۲/۲۴"]


@pytest.fixture
def path(tmp_path):
    db_path = tmp_path / "m.sqlite3"
    db = open_database(db_path)
    small_office(db)
    update_settings(db, {"signatory_name": "محمد کاظمی"})
    db.close()
    return db_path


def run(path, *args):
    return CliRunner().invoke(cli, ["--db", str(path), "messages", *args])


def counts(path):
    db = open_database(path)
    try:
        return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("messages", "letters"))
    finally:
        db.close()


def test_templates_lists_the_starter_set(path):
    result = run(path, "templates", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"تبریک عید نوروز", "تسلیت درگذشت بستگان"} <= {t["title"] for t in data}
    assert all({"id", "title", "kind", "channel", "version", "body"} <= set(t) for t in data)
    assert "تبریک عید نوروز — تبریک، نامه، نسخهٔ ۱" in run(path, "templates").output


def test_dry_run_json_gives_salutations_and_reasons_and_writes_nothing(path):
    result = run(path, "batch", *NOWRUZ, "--kind", "اتحادیه", "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["included"], data["excluded"]) == (2, 2)
    by_reason = {r.get("reason", ""): r for r in data["recipients"]}
    assert by_reason["deceased"]["recipient"] == "زهرا کریمی"
    assert by_reason["duplicate"]["recipient"] == "علی رضایی"
    assert {r["salutation"] for r in data["recipients"] if r["included"]} <= {"جناب آقای دکتر", "جناب آقای", "سرکار خانم"}
    assert counts(path) == (0, 0)


def test_batch_archives_numbers_and_prints_one_letter_per_recipient(path, tmp_path):
    out = tmp_path / "nowruz.pdf"
    result = run(path, "batch", *NOWRUZ, "--kind", "اتحادیه", "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["archived"] == 2 and data["letter_numbers"] == ["1/ص/1404", "2/ص/1404"]
    assert len(PdfReader(out).pages) == 2
    listed = json.loads(run(path, "list", "--occasion", "نوروز", "--json").output)
    assert len(listed) == 2
    assert {"id", "person_id", "recipient", "occasion", "kind", "channel", "status", "date", "letter_number", "text"} <= set(listed[0])
    assert listed[0]["date"] == "1404/12/24" and listed[0]["status"] == "sent"
    # The same occasion again: everyone is a repeat now, unless included again.
    again = json.loads(run(path, "batch", *NOWRUZ, "--kind", "اتحادیه", "--dry-run", "--json").output)
    assert again["included"] == 0 and {r.get("reason") for r in again["recipients"]} >= {"repeat"}
    forced = json.loads(run(path, "batch", *NOWRUZ, "--kind", "اتحادیه", "--include-repeats", "--dry-run", "--json").output)
    assert forced["included"] == 2


def test_duplex_adds_blank_backs(path, tmp_path):
    out = tmp_path / "d.pdf"
    result = run(path, "batch", *NOWRUZ, "--kind", "اتحادیه", "--duplex", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "۲ پیام بایگانی شد" in result.output
    assert len(PdfReader(out).pages) == 3


def test_list_filters_by_person_and_dates(path, tmp_path):
    run(path, "batch", *NOWRUZ, "--kind", "اتحادیه", "--out", str(tmp_path / "x.pdf"))
    everyone = json.loads(run(path, "list", "--json").output)
    person = everyone[0]["person_id"]
    assert [m["person_id"] for m in json.loads(run(path, "list", "--person", str(person), "--json").output)] == [person]
    assert json.loads(run(path, "list", "--from", "1405/01/01", "--to", "1405/12/29", "--json").output) == []
    assert len(json.loads(run(path, "list", "--from", "۱۴۰۴/۱۲/۰۱", "--to", "۱۴۰۴/۱۲/۲۹", "--json").output)) == 2


def test_sms_export_writes_the_csv(path, tmp_path):
    out = tmp_path / "s.csv"
    result = run(path, "sms-export", "--template", "پیامک تبریک نوروز", "--occasion", "نوروز", "--kind", "اتحادیه",
                 "--parts", "1", "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["written"] == 2
    assert out.read_text(encoding="utf-8-sig").count("\n") == 3


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["batch", *NOWRUZ, "--kind", "اتحادیه"], 2, "--dry-run"),
        (["batch", *NOWRUZ, "--dry-run", "--out", "x.pdf"], 2, "--dry-run"),
        (["batch", "--template", "ناموجود", "--occasion", "نوروز", "--dry-run"], 1, "الگویی با عنوان"),
        (["batch", *NOWRUZ, "--kind", "بانک", "--out", "x.pdf"], 1, "هیچ گیرنده"),
        (["batch", "--template", "تبریک عید نوروز", "--occasion", "نوروز", "--date", "1404/13/01", "--dry-run"], 1, "ماه"),
        (["batch", "--template", "تبریک روز تعاون", "--occasion", "روز تعاون", "--staff", "--out", "x.pdf"], 1, "هیچ گیرنده"),
    ],
)
def test_refusals_are_persian_and_change_nothing(path, tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    result = run(path, *args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert counts(path) == (0, 0) and not (tmp_path / "x.pdf").exists()
