"""Importing a sheet through the mapping dialog (progress, cancel, summary) and exporting from the page."""

from __future__ import annotations

import csv
import dataclasses
import threading

import openpyxl
import pytest
import shiboken6
import vobject
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from prdesk.core.contacts import ContactFilter
from prdesk.core.text import to_persian_digits
from prdesk.store import contacts as store
from prdesk.store.db import table_counts
from prdesk.ui.dialogs import export_dialog, messages, pickers
from prdesk.ui.dialogs.export_dialog import ExportDialog
from prdesk.ui.pages.contacts import PEOPLE_TAB
from tests.ui.contacts_support import (  # noqa: F401
    click,
    copy_database,
    office_template,
    search,
    show_page,
    small_template,
    wait_dialog,
)

HEADER = ["ردیف", "نام", "نام خانوادگی", "سمت", "نام سازمان", "شهر", "تلفن همراه", "تلفن", "کد پستی", "کد ملی", "توضیحات"]
ROWS = [
    ["۱", "علي", "رستمي", "مدیرعامل", "شرکت تعاونی مرغداران آران", "آران و بیدگل", "۰۹۱۳۱۱۱۲۲۳۳", "031-54723344", "8731712345", "1290001111", "تماس صبح"],
    ["2", "مریم", "کاشانی", "بازرس", "شرکت تعاونی مرغداران آران", "آران و بیدگل", "9132223344.0", "", "", "", ""],
    ["3", "بهروز", "نادری", "خزانه‌دار", "اتحادیه صنف قنادان نطنز", "نطنز", "۰۹۱۲۳", "", "", "", ""],
    ["", "", "", "", "", "", "", "", "", "", ""],
    ["5", "  سارا  ", "امینی", "", "", "", "09135556677", "", "", "", ""],
]


@pytest.fixture
def db_path(tmp_path, small_template):
    path = tmp_path / "office.sqlite3"
    copy_database(small_template, path)
    return path


@pytest.fixture
def page(window, qtbot):
    yield show_page(window, qtbot)
    # Nothing of a failed test may go on running against the next test's database.
    for widget in QApplication.topLevelWidgets():
        if getattr(widget, "is_running", lambda: False)():
            widget.task.cancel()
            qtbot.waitUntil(lambda w=widget: not w.is_running(), timeout=20_000)
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture
def sheet(tmp_path):
    """The office's sheet as Excel on a Persian Windows saves "CSV": Windows-1256, Arabic ي and ك, ASCII digits."""
    path = tmp_path / "اتحادیه‌ها.csv"
    arabic = str.maketrans({"ی": "ي", "ک": "ك", **{chr(0x6F0 + d): str(d) for d in range(10)}})
    with open(path, "w", encoding="cp1256", newline="") as handle:
        csv.writer(handle).writerows([[cell.translate(arabic) for cell in row] for row in [HEADER, *ROWS]])
    return path


def open_import(page, qtbot, monkeypatch, path):
    monkeypatch.setattr(pickers, "choose_file", lambda parent, title, start, name_filter: str(path))
    click(qtbot, page.import_button)
    dialog = wait_dialog(qtbot, page.dialog)
    click(qtbot, dialog.choose_button)
    return dialog


def database_snapshot(db):
    """Everything a failed or cancelled import could have touched."""
    return (
        table_counts(db),
        db.execute("SELECT * FROM people ORDER BY id").fetchall(),
        db.execute("SELECT * FROM organizations ORDER BY id").fetchall(),
    )


def test_import_a_sheet_through_the_mapping_dialog(page, qtbot, db, monkeypatch, sheet):
    before = store.count_people(db)
    dialog = open_import(page, qtbot, monkeypatch, sheet)
    assert dialog.mapping_table.rowCount() == len(HEADER)
    guessed = [combo.currentData() for combo in dialog.combos]
    assert guessed[:9] == ["", "first_name", "last_name", "position", "org_name", "city", "mobile", "org_phones", "postal_code"]
    assert guessed[9] == ""  # «کد ملی» has no field; not imported
    assert dialog.preview_table.rowCount() == 4  # the empty row is left out of the preview
    assert dialog.preview_table.item(0, 1).text() == "علی"  # read from Windows-1256, Arabic yeh fixed
    assert "۴" in dialog.info.text() or "۵" in dialog.info.text()

    notes = dialog.combos[10]
    notes.setCurrentIndex(notes.findData(""))  # the clerk leaves the remarks out
    assert "→" not in dialog.preview_table.horizontalHeaderItem(10).text()
    progress = []
    click(qtbot, dialog.import_button)
    dialog.task.progressed.connect(lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)

    summary = dialog.summary
    assert (summary.imported_people, summary.imported_organizations) == (3, 1)
    assert [row for row, _ in summary.skipped] == [4]  # the third data row: its mobile is too short
    assert "همراه" in summary.skipped[0][1]
    text = dialog.summary_view.toPlainText()
    assert not dialog.summary_view.isHidden() and "سطر ۴" in text and "۳ شخص" in text
    assert store.count_people(db) == before + 3
    (ali,) = store.query_people(db, ContactFilter(text="علی رستمی"))
    assert ali["mobile"] == "09131112233" and ali["notes"] == ""
    (maryam,) = store.query_people(db, ContactFilter(text="مریم کاشانی"))
    assert maryam["mobile"] == "09132223344"  # Excel's float, leading zero restored
    org = store.get_organization(db, ali["organization_id"])
    assert org["phones"][0]["number"] == "03154723344" and org["postal_code"] == "8731712345"
    assert page.people.total == before + 3  # the page heard about it
    assert dialog.import_button.isEnabled() and dialog.close_button.isEnabled()


def test_import_an_excel_workbook(page, qtbot, db, monkeypatch, tmp_path):
    path = tmp_path / "تعاونی‌ها.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["فهرست تعاونی‌های استان"])  # a title row above the table
    book.active.append(["نام تعاونی", "نوع فعالیت", "شهر", "تلفن", "کد پستی"])
    book.active.append(["تعاونی مسکن فرهنگیان زواره", "مسکن", "اردستان", 3154223344.0, 8381612345])
    book.save(path)
    before = store.count_organizations(db)
    dialog = open_import(page, qtbot, monkeypatch, path)
    assert [combo.currentData() for combo in dialog.combos] == ["org_name", "activity", "city", "org_phones", "postal_code"]
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
    assert dialog.summary.imported_organizations == 1
    (org,) = store.query_organizations(db, ContactFilter(text="فرهنگیان زواره"))
    assert org["phones"] == "03154223344" and org["postal_code"] == "8381612345"
    assert page.organizations.total == before + 1


def test_cancelling_an_import_leaves_the_database_as_it_was(page, qtbot, db, monkeypatch, tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["نام", "نام خانوادگی", "سازمان", "شهر", "همراه"])
        for n in range(3000):
            writer.writerow([f"نفر{n}", "آزمایشی", f"تعاونی شماره {n % 40}", "اصفهان", f"0913{n:07d}"])
    before = database_snapshot(db)
    dialog = open_import(page, qtbot, monkeypatch, path)
    click(qtbot, dialog.import_button)
    assert dialog.progress is not None and dialog.progress.isVisible()
    click(qtbot, dialog.progress.findChild(QPushButton))  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)

    assert dialog.summary.cancelled
    assert "لغو" in dialog.summary_view.toPlainText()
    assert database_snapshot(db) == before
    assert dialog.progress is None and not dialog.is_running()


def test_a_sheet_without_any_name_column_is_refused(page, qtbot, db, monkeypatch, sheet):
    before = database_snapshot(db)
    dialog = open_import(page, qtbot, monkeypatch, sheet)
    for index in (1, 2, 4):
        dialog.combos[index].setCurrentIndex(0)
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert not dialog.error.isHidden() and "نام" in dialog.error.text()
    assert database_snapshot(db) == before


def test_an_old_excel_file_is_explained_not_imported(page, qtbot, db, monkeypatch, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    dialog = open_import(page, qtbot, monkeypatch, path)
    assert not dialog.error.isHidden() and "xlsx" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


# --- export ----------------------------------------------------------------------------------


@pytest.fixture
def quiet_messages(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "show_message", lambda parent, text, title=None: shown.append(text))
    return shown


def run_export(qtbot, page, monkeypatch, target, fmt):
    monkeypatch.setattr(pickers, "choose_save_path", lambda parent, title, start, name_filter: str(target))
    click(qtbot, page.export_button)
    dialog = wait_dialog(qtbot, page.dialog)
    dialog.formats[fmt].setChecked(True)
    return dialog


def test_export_everything_to_csv(page, qtbot, db, monkeypatch, tmp_path, quiet_messages):
    dialog = run_export(qtbot, page, monkeypatch, tmp_path / "مخاطبین", "csv")
    assert dialog.everything.isChecked() and not dialog.filtered.isEnabled()
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: len(quiet_messages) == 1, timeout=10_000)

    target = tmp_path / "مخاطبین.csv"  # the extension is added
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["عنوان", "لقب", "نام", "نام خانوادگی"]
    people_rows = [r for r in rows[1:] if r[2] or r[3]]
    assert len(people_rows) == 300
    assert to_persian_digits(len(rows) - 1) in quiet_messages[0] and target.name in quiet_messages[0]  # how many, where
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_export_only_the_current_search_to_xlsx_and_vcard(page, qtbot, db, monkeypatch, tmp_path, quiet_messages):
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    search(qtbot, page, "مدیرعامل")
    shown = page.people.total
    assert 0 < shown < 300

    dialog = run_export(qtbot, page, monkeypatch, tmp_path / "directors.xlsx", "xlsx")
    assert dialog.filtered.isChecked()  # what the list shows, unless the clerk says otherwise
    dialog.scopes["people"].setChecked(True)
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: len(quiet_messages) == 1, timeout=10_000)
    sheet = openpyxl.load_workbook(tmp_path / "directors.xlsx").active
    assert sheet.sheet_view.rightToLeft
    assert sheet.max_row == shown + 1

    dialog = run_export(qtbot, page, monkeypatch, tmp_path / "directors.vcf", "vcf")
    dialog.scopes["people"].setChecked(True)
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: len(quiet_messages) == 2, timeout=10_000)
    cards = list(vobject.readComponents((tmp_path / "directors.vcf").read_text(encoding="utf-8")))
    assert len(cards) == shown
    assert all(card.title.value == "مدیرعامل" for card in cards)


def test_a_read_only_window_refuses_the_import_without_writing(page, qtbot, db, monkeypatch, sheet):
    from prdesk.ui.data_safety import read_only_refusal

    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: shown.append(text))
    dialog = open_import(page, qtbot, monkeypatch, sheet)
    page.context.runner.refusal = read_only_refusal()  # as after damage was found at start-up
    before = database_snapshot(db)
    click(qtbot, dialog.import_button)

    assert not dialog.is_running() and dialog.summary is None
    assert shown == [read_only_refusal()] and "پشتیبان" in shown[0]  # plain Persian, says what to do
    assert not dialog.error.isHidden() and dialog.error.text() == read_only_refusal()
    assert database_snapshot(db) == before


def test_export_progress_dialog_cancels_and_leaves_no_file(page, qtbot, tmp_path, monkeypatch, office_template):
    office = tmp_path / "office-size.sqlite3"  # 10,000 people: the export reports progress many times
    copy_database(office_template, office)
    statuses = []
    context = dataclasses.replace(page.context, db_path=office, show_status=statuses.append)
    target = tmp_path / "همه.csv"
    monkeypatch.setattr(pickers, "choose_save_path", lambda parent, title, start, name_filter: str(target))
    # Hold the worker at its first progress report, so Cancel is pressed while the file is half written.
    reached, release = threading.Event(), threading.Event()
    real = export_dialog.export_contacts

    def held(db, path, fmt, f, scope, progress):
        def report(done, total):
            if not reached.is_set():
                reached.set()
                release.wait(20)
            return progress(done, total)
        return real(db, path, fmt, f, scope, report)

    monkeypatch.setattr(export_dialog, "export_contacts", held)
    dialog = ExportDialog(context, ContactFilter(), 0, parent=page)
    try:
        dialog.show()
        wait_dialog(qtbot, dialog)
        dialog.formats["csv"].setChecked(True)
        click(qtbot, dialog.export_button)
        qtbot.waitUntil(reached.is_set, timeout=20_000)
        assert list(target.parent.glob(f".{target.name}.*.part"))  # rows are being written beside it
        assert not target.exists()  # the final name appears only when the file is complete
        qtbot.waitUntil(lambda: dialog.progress.isVisible(), timeout=5_000)
        click(qtbot, dialog.progress.findChild(QPushButton))  # the progress dialog's Cancel
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=20_000)

    assert not target.exists()
    assert not list(target.parent.glob("*.part"))
    assert dialog.written is None and dialog.isVisible()  # the clerk may choose again
    assert not dialog.outcome.isHidden() and "لغو" in dialog.outcome.text() and "فایلی" in dialog.outcome.text()
    assert statuses == [dialog.outcome.text()]
    assert dialog.progress is None and dialog.export_button.isEnabled()
    dialog.reject()


def test_the_clerk_chooses_how_a_csv_is_encoded(page, qtbot, db, monkeypatch, tmp_path):
    path = tmp_path / "با بایت خراب.csv"
    lines = [",".join(HEADER[1:7]), ",".join(ROWS[0][1:7]), ",".join(ROWS[1][1:7])]
    data = "\n".join(lines).encode() + b"\n"
    data = data.replace("کاشانی".encode(), "کاش".encode() + b"\xff" + "انی".encode())
    path.write_bytes(data)
    before = database_snapshot(db)
    dialog = open_import(page, qtbot, monkeypatch, path)
    assert dialog.encoding_combo.currentData() is None
    assert dialog.preview_table.item(0, 0).text() == "علی"  # UTF-8 kept despite the stray byte
    assert "۱" in dialog.info.text() and dialog.import_button.isEnabled()
    dialog.resize(1100, 720)
    dialog.grab().save("/work/shots/io-import-encoding.png")

    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("windows-1256"))
    assert not dialog.error.isHidden() and "Windows-1256" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert database_snapshot(db) == before

    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("utf-8"))
    assert dialog.error.isHidden() and dialog.import_button.isEnabled()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
    assert dialog.summary.imported_people == 1 and [row for row, _ in dialog.summary.skipped] == [3]
    assert "سطر ۳" in dialog.summary_view.toPlainText()
    dialog.grab().save("/work/shots/io-import-summary.png")
