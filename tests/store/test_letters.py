"""The outgoing register: gapless yearly serials in one transaction, voiding, search, XLSX export."""

import datetime as dt
import io
import sqlite3
import threading

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from prdesk.core.letter_number import CopyRecipient, Letter
from prdesk.errors import NotFound, StorageError, ValidationError
from prdesk.printing.letter import render_letter
from prdesk.store.db import connect, open_database
from prdesk.store.letters import (
    count_register,
    export_register_xlsx,
    get_letter,
    letter_from_row,
    next_serial,
    print_options,
    register_letter,
    search_register,
    void_letter,
    years,
)
from prdesk.store.migrations import APPLICATION_ID, MIGRATION_SET, migrations
from prdesk.store.settings import get_settings, update_settings

A4_WIDTH, A5_WIDTH = 595, 420  # points, portrait, rounded


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "l.sqlite3")
    yield database
    database.close()


def test_serials_count_up_within_a_jalali_year_and_restart_at_nowruz(db):
    assert register_letter(db, {"date": "1404/12/29", "subject": "الف"})[1] == "1/ص/1404"
    assert register_letter(db, {"date": "1404/12/29", "subject": "ب"})[1] == "2/ص/1404"
    # 2026-03-21 is 1 Farvardin 1405: a new year, a new serial.
    assert register_letter(db, {"date": dt.date(2026, 3, 21)})[1] == "1/ص/1405"
    assert register_letter(db, {"date": "2026-03-22"})[1] == "2/ص/1405"
    assert register_letter(db, {"date": "1404/12/28"})[1] == "3/ص/1404"  # a late entry for the old year
    assert years(db) == [1405, 1404]


def test_the_pattern_and_codes_come_from_the_settings(db):
    update_settings(db, {"letter_number_pattern": "{unit}/{seq}", "letter_unit_code": "120"})
    letter_id, number = register_letter(db, {"date": "1405/08/30"})
    assert number == "120/1"
    row = get_letter(db, letter_id)
    assert (row["year"], row["seq"], row["number"], row["date"]) == (1405, 1, "120/1", "2026-11-21")


def test_padding_tokens(db):
    _, number = register_letter(db, {"date": "1405/01/05", "pattern": "{seq:4}/{type}/{yy}", "type_code": "د"})
    assert number == "0001/د/05"


def test_a_bad_pattern_takes_no_number(db):
    with pytest.raises(ValidationError):
        register_letter(db, {"date": "1405/01/05", "pattern": "{seq}/{foo}"})
    assert register_letter(db, {"date": "1405/01/05"})[1] == "1/ص/1405"


def test_a_failed_insert_rolls_back_and_leaves_no_gap(db):
    db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON letters WHEN NEW.subject = 'خراب' "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(StorageError, match="شماره‌ای مصرف نشد"):
        register_letter(db, {"date": "1405/01/05", "subject": "خراب"})
    assert not db.conn.in_transaction
    assert register_letter(db, {"date": "1405/01/05", "subject": "درست"})[1] == "1/ص/1405"


def test_year_and_serial_are_unique(db):
    letter_id, _ = register_letter(db, {"date": "1405/01/05"})
    row = get_letter(db, letter_id)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO letters (year, seq, number, date, created_at) VALUES (?, ?, 'x', ?, 'now')",
            [row["year"], row["seq"], row["date"]],
        )


def test_two_windows_registering_at_once_get_distinct_gapless_numbers(tmp_path):
    path = tmp_path / "shared.sqlite3"
    open_database(path).close()
    errors = []

    def clerk(name):
        database = open_database(path)
        try:
            for i in range(15):
                register_letter(database, {"date": "1405/02/01", "subject": f"{name} {i}"})
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=clerk, args=(n,)) for n in ("الف", "ب")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    database = open_database(path)
    seqs = [r[0] for r in database.execute("SELECT seq FROM letters ORDER BY seq").fetchall()]
    database.close()
    assert seqs == list(range(1, 31))


def test_inside_a_callers_transaction_it_is_part_of_it(db):
    with pytest.raises(RuntimeError):
        with db.atomic():
            register_letter(db, {"date": "1405/01/05"})
            raise RuntimeError("the caller's action failed")
    assert next_serial(db, 1405) == 1


def test_void_keeps_the_row_and_the_number_is_never_reused(db):
    first, _ = register_letter(db, {"date": "1405/01/05", "subject": "اشتباه"})
    row = void_letter(db, first, "نشانی گیرنده اشتباه بود")
    assert row["status"] == "void" and row["void_reason"] == "نشانی گیرنده اشتباه بود" and row["voided_at"]
    assert register_letter(db, {"date": "1405/01/06"})[1] == "2/ص/1405"
    assert count_register(db) == 2
    with pytest.raises(ValidationError, match="پیش‌تر باطل"):
        void_letter(db, first, "دوباره")
    with pytest.raises(ValidationError, match="دلیل"):
        void_letter(db, first, "  ")
    with pytest.raises(NotFound):
        void_letter(db, 999, "نیست")


def test_search_goes_through_the_normalizer(db):
    register_letter(db, {"date": "1405/03/01", "recipient": "اتحادیه تعاونی‌های کاشان", "subject": "دعوت به همایش",
                         "copies": [CopyRecipient("معاونت توسعه", "جهت اطلاع")], "signer": "علیرضا کریمی"})
    register_letter(db, {"date": "1405/03/02", "recipient": "بانک توسعه تعاون", "subject": "تسهیلات"})
    assert [r["number"] for r in search_register(db, "كاشان")] == ["1/ص/1405"]  # Arabic kaf
    assert [r["number"] for r in search_register(db, "۲/ص")] == ["2/ص/1405"]  # Persian digits
    assert [r["number"] for r in search_register(db, "علی رضا")] == ["1/ص/1405"]  # written together
    assert [r["number"] for r in search_register(db, "معاونت")] == ["1/ص/1405"]  # copies are searched
    assert [r["number"] for r in search_register(db, "توسعه")] == ["2/ص/1405", "1/ص/1405"]  # newest first
    assert search_register(db, "تعاون همایش")[0]["subject"] == "دعوت به همایش"  # every word must occur
    assert search_register(db, "", date_from="1405/03/02")[0]["number"] == "2/ص/1405"
    assert len(search_register(db, "", limit=1)) == 1


def test_register_a_letter_object(db):
    letter = Letter(body="متن", subject="موضوع", date=dt.date(2026, 11, 21), salutation="جناب آقای",
                    recipient_name="رضایی", recipient_position="مدیرعامل", recipient_organization="اتحادیه",
                    copies=[CopyRecipient("دفتر", "جهت اقدام")], signer_name="کریمی")
    letter_id, number = register_letter(db, letter)
    row = get_letter(db, letter_id)
    assert row["recipient"] == "جناب آقای رضایی - مدیرعامل محترم اتحادیه"
    assert row["copies"] == [{"to": "دفتر", "purpose": "جهت اقدام"}]
    again = letter_from_row(row)
    assert (again.number, again.date, again.subject, again.body) == (number, letter.date, "موضوع", "متن")
    assert again.heading_lines() == ["جناب آقای رضایی", "مدیرعامل محترم اتحادیه"]


def test_export_xlsx_is_right_to_left(db, tmp_path):
    first, _ = register_letter(db, {"date": "1405/03/01", "recipient": "اتحادیه", "subject": "الف"})
    register_letter(db, {"date": "1405/03/02", "recipient": "بانک", "subject": "ب", "attachments": "2 برگ"})
    void_letter(db, first, "تکراری")
    out = tmp_path / "register.xlsx"
    assert export_register_xlsx(db, out) == 2
    sheet = load_workbook(out).active
    assert sheet.sheet_view.rightToLeft
    assert [c.value for c in sheet[1]][:4] == ["شماره", "تاریخ", "گیرنده", "موضوع"]
    assert [c.value for c in sheet[2]][:2] == ["۱/ص/۱۴۰۵", "۱۴۰۵/۰۳/۰۱"]
    assert sheet[2][12].value == "باطل‌شده (تکراری)"
    assert sheet[3][5].value == "۲ برگ"


def test_export_to_an_unwritable_place(db, tmp_path):
    with pytest.raises(StorageError):
        export_register_xlsx(db, tmp_path / "missing" / "r.xlsx")


def test_an_older_database_gains_the_register(tmp_path):
    path = tmp_path / "old.sqlite3"
    database = open_database(path)
    database.execute("DROP TABLE letters")
    database.execute(
        "DELETE FROM _sqlite_migrations WHERE name IN ('m010_letters', 'm011_letter_print_options')"
    )
    database.close()
    database = open_database(path)
    assert register_letter(database, {"date": "1405/01/01"})[1] == "1/ص/1405"
    database.close()


# --- reprinting as it went out (m011_letter_print_options) -------------------------------------


def page_width(data: bytes) -> int:
    return round(float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width))


def test_paper_letterhead_mode_and_signer_position_are_kept(db):
    letter_id, _ = register_letter(db, {
        "date": "1405/02/10", "recipient": "اتحادیه", "subject": "الف", "body": "متن",
        "signer": "علیرضا کریمی", "signer_position": "معاون توسعهٔ تعاون", "paper": "a5", "preprinted": True,
    })
    row = get_letter(db, letter_id)
    assert (row["paper"], row["preprinted"], row["signer_position"]) == ("A5", 1, "معاون توسعهٔ تعاون")
    assert print_options(row) == {"paper": "A5", "preprinted": True}
    again = letter_from_row(row)
    assert (again.signer_name, again.signer_position) == ("علیرضا کریمی", "معاون توسعهٔ تعاون")
    update_settings(db, {"signatory_position": "مدیرکل", "paper_size": "A4"})  # changed since: no effect
    assert page_width(render_letter(again, get_settings(db), **print_options(row))) == A5_WIDTH


def test_keyword_print_options_win_and_default_to_a4(db):
    plain, _ = register_letter(db, {"date": "1405/02/10", "subject": "الف"})
    assert print_options(get_letter(db, plain)) == {"paper": "A4", "preprinted": False}
    assert get_letter(db, plain)["signer_position"] is None  # not told: the settings' position on reprint
    keyword, _ = register_letter(db, {"date": "1405/02/10", "paper": "A4"}, paper="A5", preprinted=True)
    assert print_options(get_letter(db, keyword)) == {"paper": "A5", "preprinted": True}


def test_an_unknown_paper_is_refused_and_takes_no_number(db):
    with pytest.raises(ValidationError, match="A4 یا A5") as caught:
        register_letter(db, {"date": "1405/01/05", "paper": "Letter"})
    assert caught.value.field == "paper"
    assert register_letter(db, {"date": "1405/01/05"})[1] == "1/ص/1405"


def test_a_letter_object_keeps_the_signatory_it_was_printed_with(db):
    update_settings(db, {"signatory_name": "مریم احمدی", "signatory_position": "مدیرکل"})
    letter_id, _ = register_letter(db, Letter(body="متن", subject="موضوع", date=dt.date(2026, 5, 1), recipient="بانک"))
    row = get_letter(db, letter_id)
    assert (row["signer"], row["signer_position"]) == ("مریم احمدی", "مدیرکل")
    update_settings(db, {"signatory_name": "رضا نوری", "signatory_position": "سرپرست"})
    again = letter_from_row(row)
    assert (again.signer_name, again.signer_position) == ("مریم احمدی", "مدیرکل")


def _database_before_m011(path):
    """A file made by the schema before m011: every earlier migration, then two letters."""
    previous = type(migrations)(MIGRATION_SET)
    previous._migrations = [m for m in migrations._migrations if m.name != "m011_letter_print_options"]
    assert len(previous._migrations) == len(migrations._migrations) - 1
    database = connect(path)
    database.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    previous.apply(database)
    assert "paper" not in database["letters"].columns_dict
    for seq, subject in ((1, "گزارش عملکرد"), (2, "دعوت")):
        database.execute(
            "INSERT INTO letters (year, seq, number, date, recipient, subject, body, signer, copies, created_at)"
            " VALUES (1405, ?, ?, '2026-04-01', 'اتحادیه', ?, 'متن نامه', 'کریمی', '[]', 'now')",
            [seq, f"{seq}/ص/1405", subject],
        )
    database.close()


def test_a_database_made_before_m011_keeps_its_letters_and_reprints_them_on_a4(tmp_path):
    path = tmp_path / "before-m011.sqlite3"
    _database_before_m011(path)
    database = open_database(path)
    try:
        assert [r["subject"] for r in search_register(database)] == ["دعوت", "گزارش عملکرد"]
        row = search_register(database)[1]
        assert (row["paper"], row["preprinted"], row["signer_position"]) == ("A4", 0, None)
        assert print_options(row) == {"paper": "A4", "preprinted": False}
        update_settings(database, {"paper_size": "A5", "signatory_position": "مدیرکل"})
        letter = letter_from_row(row)
        assert letter.signer_position is None  # the settings' position, as reprints did before
        assert page_width(render_letter(letter, get_settings(database), **print_options(row))) == A4_WIDTH
        assert register_letter(database, {"date": "1405/01/20", "paper": "A5"})[1] == "3/ص/1405"
    finally:
        database.close()
    assert list(tmp_path.glob("before-m011.sqlite3.before-m011_letter_print_options-*.bak"))
