"""Letter numbers after restoring an older backup are never issued twice (issue 13 §3)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.store import letters
from prdesk.store.backup import create, preview_restore, restore
from prdesk.store.contacts import add_person
from prdesk.store.db import open_database


def _letter(db, subject: str, **extra):
    return letters.register_letter(db, {"date": "1405/08/30", "recipient": "بانک توسعه تعاون", "subject": subject,
                                        "body": "متن", **extra})


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.sqlite3"
    db = open_database(path)
    for n in range(2):
        _letter(db, f"پیش از پشتیبان {n}")
    db.close()
    return path


def db_serials(path):
    db = open_database(path)
    try:
        return [r[0] for r in db.execute("SELECT seq FROM letters ORDER BY seq")]
    finally:
        db.close()


def _after_backup(office, tmp_path):
    backup = create(office, tmp_path / "b.prdesk-backup").path
    db = open_database(office)
    issued = [_letter(db, "پس از پشتیبان ۱")[1], _letter(db, "پس از پشتیبان ۲")[1]]
    db.close()
    return backup, issued


def test_restore_carries_the_later_letters_over_and_the_next_number_is_new(office, tmp_path):
    backup, issued = _after_backup(office, tmp_path)
    preview = preview_restore(office, backup)
    assert [entry.number for entry in preview.later_letters] == issued
    assert any("۲ نامه که پس از این پشتیبان شماره گرفته‌اند" in line for line in preview.comparison_lines())

    result = restore(office, backup, safety_folder=tmp_path / "safety")
    assert [entry.number for entry in result.carried_letters] == issued
    db = open_database(office)
    rows = list(db.query("SELECT number, subject, carried_over_at FROM letters ORDER BY year, seq"))
    assert [r["number"] for r in rows[2:]] == issued
    assert all(r["carried_over_at"] for r in rows[2:]) and not any(r["carried_over_at"] for r in rows[:2])
    assert rows[2]["subject"] == "پس از پشتیبان ۱"
    _, number = _letter(db, "پس از بازگردانی")
    db.close()
    assert number not in [r["number"] for r in rows]
    assert db_serials(office) == [1, 2, 3, 4, 5]


def test_a_link_to_a_person_the_backup_lacks_is_emptied_but_the_letter_stays(office, tmp_path):
    backup = create(office, tmp_path / "b.prdesk-backup").path
    db = open_database(office)
    person_id = add_person(db, {"first_name": "مریم", "last_name": "احمدی"}).id
    _letter(db, "به شخص جدید", person_id=person_id)
    db.close()
    result = restore(office, backup, safety_folder=tmp_path / "safety")
    assert len(result.carried_letters) == 1
    db = open_database(office)
    row = next(db.query("SELECT person_id, recipient FROM letters WHERE subject = 'به شخص جدید'"))
    db.close()
    assert row["person_id"] is None and row["recipient"] == "بانک توسعه تعاون"


def test_restoring_the_same_backup_twice_does_not_duplicate_carried_letters(office, tmp_path):
    backup, issued = _after_backup(office, tmp_path)
    restore(office, backup, safety_folder=tmp_path / "safety")
    again = restore(office, backup, safety_folder=tmp_path / "safety")
    assert [entry.number for entry in again.carried_letters] == issued
    db = open_database(office)
    assert db["letters"].count == 4
    db.close()


def test_the_cli_names_the_carried_letters(office, tmp_path):
    backup, issued = _after_backup(office, tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(office), "backup", "restore", str(backup), "--yes"])
    assert result.exit_code == 0, result.output
    assert "۲ نامه که پس از این پشتیبان شماره گرفته‌اند" in result.output
