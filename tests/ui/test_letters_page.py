"""The letters page, driven like a clerk: compose, preview, register and print; search, void, export the register."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from prdesk.store import contacts
from prdesk.store import letters as register
from prdesk.ui import printing
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.dialogs.letter_dialog import DRAFT_NUMBER, LetterComposer
from prdesk.ui.pages import letters as letters_page
from prdesk.ui.pages.letters import COMPOSER_TAB, REGISTER_TAB, LettersPage
from tests.ui.helpers import retype, type_text

ASCII_DIGIT = re.compile(r"[0-9]")
BODY = "با احترام، نشست هم‌اندیشی مدیران تعاونی‌های استان روز ۳۰ آبان برگزار می‌شود."


@pytest.fixture
def page(window, qtbot) -> LettersPage:
    window.show_page("letters")
    page = window.pages["letters"]
    qtbot.waitUntil(lambda: page._loaded)
    page.tabs.setCurrentIndex(COMPOSER_TAB)
    return page


@pytest.fixture
def composer(page) -> LetterComposer:
    return page.composer


@pytest.fixture
def shown_errors(monkeypatch):
    texts: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: texts.append(text))
    return texts


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def write_letter(composer: LetterComposer, *, name="علی رضایی", subject="دعوت به نشست", body=BODY, date="1405/08/30"):
    """Fill the form as a clerk types it."""
    if name:
        type_text(composer.recipient_name, name)
    type_text(composer.recipient_position, "مدیرعامل")
    type_text(composer.recipient_organization, "اتحادیه تعاونی‌های فرش دستباف کاشان")
    if subject:
        type_text(composer.subject, subject)
    if body:
        type_text(composer.body, body)
    retype(composer.date.edit, date)


def pdf_text(data: bytes) -> str:
    """The letters drawn in a PDF, shaped glyphs turned back into letters (each line reversed)."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", text).replace("\u200c", "")


def shown_column(page: LettersPage, key: str) -> list[str]:
    column = page.model.column_of(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def registered(db, **fields) -> tuple[int, str]:
    values = {"recipient": "جناب آقای رضا کریمی", "subject": "گزارش", "body": "متن", "date": "1405/08/30"}
    values.update(fields)
    return register.register_letter(db, values)


# --- composing and registering ----------------------------------------------------------------


def test_register_and_print_enters_the_letter_with_the_next_number(page, composer, qtbot, db):
    write_letter(composer, date="۱۴۰۵/۰۸/۳۰")
    composer.security.setCurrentIndex(composer.security.findData("محرمانه"))
    composer.attachments.setCurrentIndex(composer.attachments.findData("count"))
    composer.attachment_count.setValue(3)
    click(qtbot, composer.copies.add_button)
    type_text(composer.copies.lines[0].to, "معاون محترم توسعهٔ تعاون")
    click(qtbot, composer.register_button)

    rows = register.search_register(db)
    assert len(rows) == 1
    row = rows[0]
    assert row["number"] == "1/ص/1405"
    assert row["date"] == "2026-11-21"
    assert row["recipient"] == "علی رضایی - مدیرعامل محترم اتحادیه تعاونی‌های فرش دستباف کاشان"
    assert row["subject"] == "دعوت به نشست" and row["body"] == BODY
    assert row["attachments"] == "3 برگ" and row["security"] == "محرمانه"
    assert row["copies"] == [{"to": "معاون محترم توسعهٔ تعاون", "purpose": "جهت استحضار"}]

    preview = composer.preview_dialog
    qtbot.waitExposed(preview)
    assert preview.page_count() == len(PdfReader(io.BytesIO(preview.data())).pages) == 1
    assert "۱/ص/۱۴۰۵" in preview.windowTitle()
    assert "شماره:\n۱\n/\nص\n/\n" in pdf_text(preview.data())  # the number's parts, rightmost first
    assert shown_column(page, "number") == ["۱/ص/۱۴۰۵"]
    assert composer.is_empty()  # ready for the next letter


def test_the_next_letter_takes_the_next_number(page, composer, qtbot, db):
    for subject in ("نخست", "دوم"):
        write_letter(composer, subject=subject)
        click(qtbot, composer.register_button)
        composer.preview_dialog.close()
    assert [r["number"] for r in register.search_register(db)] == ["2/ص/1405", "1/ص/1405"]
    assert shown_column(page, "number") == ["۲/ص/۱۴۰۵", "۱/ص/۱۴۰۵"]
    assert shown_column(page, "subject") == ["دوم", "نخست"]
    assert page.tabs.tabText(REGISTER_TAB) == "دفتر اندیکاتور (۲)"


def test_a_registered_letter_prints_every_page_on_a_pdf_printer(composer, qtbot, db, tmp_path, monkeypatch):
    write_letter(composer)
    composer.body.insertPlainText("\n" + "\n".join([BODY * 3] * 25))  # a long text pasted in
    click(qtbot, composer.register_button)
    preview = composer.preview_dialog
    pages = preview.page_count()
    assert pages >= 2
    output = tmp_path / "printer.pdf"

    def choose_pdf_printer(parent, printer, page_count, current_page=0):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(printing, "ask_printer", choose_pdf_printer)
    click(qtbot, preview.toolbar.widgetForAction(preview.print_action))
    assert len(PdfReader(str(output)).pages) == pages


def test_save_as_pdf_from_the_preview_writes_the_letter_unchanged(composer, qtbot, tmp_path, monkeypatch):
    write_letter(composer)
    click(qtbot, composer.register_button)
    preview = composer.preview_dialog
    monkeypatch.setattr(pickers, "choose_save_path", lambda parent, title, start, name_filter: str(tmp_path / "نامه.pdf"))
    saved = preview.save_as()
    assert saved.read_bytes() == preview.data()


def test_preview_shows_a_draft_and_takes_no_number(composer, qtbot, db):
    write_letter(composer)
    click(qtbot, composer.preview_button)
    preview = composer.preview_dialog
    qtbot.waitExposed(preview)
    assert preview.page_count() == 1
    assert register.count_register(db) == 0
    assert "شماره:\n" + DRAFT_NUMBER.replace("\u200c", "") in pdf_text(preview.data())
    assert not composer.is_empty()  # a preview keeps the letter in the form


def test_the_letter_is_dated_today_by_default(composer):
    assert composer.date.date() == composer.context.today()


def test_a_person_from_the_contacts_fills_the_recipient(composer, qtbot, db):
    org = contacts.add_organization(db, {"name": "شرکت تعاونی مسکن فرهنگیان", "city": "کاشان"})
    person = contacts.add_person(db, {
        "honorific": "خانم", "title": "دکتر", "first_name": "زهره", "last_name": "کیانی",
        "position": "مدیرعامل", "organization_id": org.id,
    })
    type_text(composer.picker, "كياني")  # typed with Arabic ك and ي
    qtbot.waitUntil(lambda: composer.picker.choices.rowCount() > 0, timeout=2000)
    composer.picker.choose_row(0)
    assert composer.salutation.currentText() == "سرکار خانم"
    assert composer.recipient_title.text() == "دکتر"
    assert composer.recipient_name.text() == "زهره کیانی"
    assert composer.recipient_position.text() == "مدیرعامل"
    assert composer.recipient_organization.text() == "شرکت تعاونی مسکن فرهنگیان"
    type_text(composer.body, BODY)
    click(qtbot, composer.register_button)
    row = register.search_register(db)[0]
    assert row["person_id"] == person.id and row["organization_id"] == org.id
    assert row["recipient"].startswith("سرکار خانم دکتر زهره کیانی - مدیرعامل محترم شرکت تعاونی مسکن فرهنگیان")


def test_the_directory_search_asks_for_a_few_rows_only(composer, db):
    org = contacts.add_organization(db, {"name": "اتحادیه تعاونی‌های روستایی", "city": "کاشان"})
    with db.atomic():
        for i in range(60):
            contacts.add_person(db, {"first_name": "رضا", "last_name": f"کریمی{i}", "organization_id": org.id})
    composer.picker.setText("کریمی")
    composer.picker.show_choices()
    assert composer.picker.choices.rowCount() <= 20


# --- refusals ----------------------------------------------------------------------------------


def test_a_letter_without_body_is_refused_and_nothing_is_registered(page, composer, qtbot, db, shown_errors):
    write_letter(composer, body="")
    click(qtbot, composer.register_button)
    assert register.count_register(db) == 0
    assert shown_errors == ["نامه هنوز متنی ندارد. متن نامه را بنویسید و دوباره امتحان کنید."]
    assert composer.preview_dialog is None
    assert composer.body.hasFocus()


def test_a_letter_without_recipient_is_refused(composer, qtbot, db, shown_errors):
    type_text(composer.body, BODY)
    click(qtbot, composer.register_button)
    assert register.count_register(db) == 0
    assert shown_errors and "گیرنده" in shown_errors[0]


def test_a_bad_date_is_refused_in_persian(composer, qtbot, db, shown_errors):
    write_letter(composer, date="1405/13/40")
    click(qtbot, composer.register_button)
    assert register.count_register(db) == 0
    assert shown_errors and not ASCII_DIGIT.search(shown_errors[0]) and "ماه" in shown_errors[0]
    click(qtbot, composer.preview_button)
    assert composer.preview_dialog is None and len(shown_errors) == 2


def test_new_letter_asks_before_throwing_away_a_written_letter(composer, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or False)
    write_letter(composer)
    click(qtbot, composer.clear_button)
    assert asked and not composer.is_empty()
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: True)
    click(qtbot, composer.clear_button)
    assert composer.is_empty()


# --- the register ------------------------------------------------------------------------------


def test_the_register_reloads_when_letters_change(page, db):
    registered(db)
    assert page.model.rowCount() == 0
    page.context.bus.announce("letters")
    assert shown_column(page, "number") == ["۱/ص/۱۴۰۵"]
    assert shown_column(page, "date") == ["۱۴۰۵/۰۸/۳۰"]
    assert "۱" in page.count_label.text() and not ASCII_DIGIT.search(page.count_label.text())


def test_search_with_arabic_letters_and_persian_digits(page, qtbot, db):
    registered(db, subject="کارگاه آموزشی تعاون", recipient="جناب آقای علی کاظمی")
    registered(db, subject="گزارش سالانه", recipient="سرکار خانم مریم احمدی")
    page.context.bus.announce("letters")
    page.tabs.setCurrentIndex(REGISTER_TAB)

    def search(text):
        page.search.clear()
        page.search.flush()
        with qtbot.wait_signal(page.search.search_changed, timeout=2000):
            type_text(page.search, text)

    search("كارگاه")  # Arabic kaf
    assert shown_column(page, "subject") == ["کارگاه آموزشی تعاون"]
    search("علي")  # Arabic yeh
    assert shown_column(page, "subject") == ["کارگاه آموزشی تعاون"]
    search("۲/ص")  # Persian digits find the ASCII-stored number
    assert shown_column(page, "number") == ["۲/ص/۱۴۰۵"]
    assert page.count_label.text() == "۱ نامه از ۲"


def test_year_and_status_filters(page, db):
    registered(db, date="1404/12/20")
    registered(db, date="1405/01/15")
    letter_id, _ = registered(db, date="1405/02/01")
    register.void_letter(db, letter_id, "تکراری")
    page.context.bus.announce("letters")
    years = [page.year_filter.itemData(i) for i in range(page.year_filter.count())]
    assert 1404 in years and 1405 in years
    assert page.year_filter.itemText(years.index(1405)) == "۱۴۰۵"
    page.year_filter.setCurrentIndex(years.index(1404))
    assert shown_column(page, "number") == ["۱/ص/۱۴۰۴"]
    page.year_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("void"))
    assert shown_column(page, "number") == ["۲/ص/۱۴۰۵"]


def test_void_asks_for_a_reason_and_keeps_the_letter_listed(page, db, monkeypatch):
    registered(db)
    registered(db, subject="نامهٔ اشتباه")
    page.context.bus.announce("letters")
    monkeypatch.setattr(letters_page, "ask_void_reason", lambda parent, number: "گیرنده اشتباه بود")
    row = shown_column(page, "subject").index("نامهٔ اشتباه")
    assert page.void_row(row)
    assert page.model.rowCount() == 2
    statuses = shown_column(page, "status")
    assert statuses[row] == "باطل‌شده (گیرنده اشتباه بود)"
    stored = register.search_register(db, status="void")
    assert [r["subject"] for r in stored] == ["نامهٔ اشتباه"] and stored[0]["void_reason"] == "گیرنده اشتباه بود"
    # The voided number is never given again.
    assert registered(db)[1] == "3/ص/1405"


def test_void_cancelled_changes_nothing(page, db, monkeypatch):
    registered(db)
    page.context.bus.announce("letters")
    monkeypatch.setattr(letters_page, "ask_void_reason", lambda parent, number: None)
    assert not page.void_row(0)
    assert register.search_register(db)[0]["status"] == "issued"


def test_void_without_a_reason_is_refused(page, db, monkeypatch, shown_errors):
    registered(db)
    page.context.bus.announce("letters")
    monkeypatch.setattr(letters_page, "ask_void_reason", lambda parent, number: "  ")
    assert not page.void_row(0)
    assert shown_errors and "دلیل" in shown_errors[0]
    assert register.search_register(db)[0]["status"] == "issued"


def test_double_click_shows_the_letter_again(page, qtbot, db):
    registered(db, subject="گزارش عملکرد", body=BODY)
    page.context.bus.announce("letters")
    page.tabs.setCurrentIndex(REGISTER_TAB)
    view = page.view
    qtbot.waitExposed(view)
    rect = view.visualRect(page.model.index(0, page.model.column_of("subject")))
    # A real double-click starts with a press; QTest's double-click event alone is not one.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    preview = page.preview_dialog
    assert preview is not None and preview.page_count() == 1
    assert "۱/ص/۱۴۰۵" in preview.windowTitle()


def test_the_context_menu_offers_preview_void_and_export(page, qtbot, db):
    registered(db)
    page.context.bus.announce("letters")
    page.tabs.setCurrentIndex(REGISTER_TAB)
    qtbot.waitExposed(page.view)
    rect = page.view.visualRect(page.model.index(0, 0))
    page._context_menu(rect.center())
    texts = [a.text() for a in page.context_menu.actions() if a.text()]
    page.context_menu.close()
    assert texts == ["پیش‌نمایش و چاپ", "ابطال…", "خروجی اکسل از این فهرست…"]


def test_export_writes_the_listed_letters_to_xlsx(page, db, tmp_path, monkeypatch):
    registered(db, date="1404/12/20")
    registered(db, date="1405/01/15", subject="نامهٔ ۱۴۰۵")
    page.context.bus.announce("letters")
    page.year_filter.setCurrentIndex(page.year_filter.findData(1405))
    offered = []

    def ask(parent, title, start, name_filter):
        offered.append(start)
        return str(tmp_path / "register")

    monkeypatch.setattr(pickers, "choose_save_path", ask)
    assert page.export_xlsx() == 1
    assert offered == ["دفتر اندیکاتور 1405.xlsx"]
    sheet = load_workbook(tmp_path / "register.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == "۱/ص/۱۴۰۵" and rows[1][3] == "نامهٔ ۱۴۰۵"
    assert sheet.sheet_view.rightToLeft


def test_an_organization_from_the_contacts_is_addressed_without_a_person(composer, db):
    org = contacts.add_organization(db, {"name": "اتحادیه تعاونی‌های روستایی استان", "city": "اصفهان"})
    composer.picker.setText("روستایی")
    composer.picker.show_choices()
    rows = [composer.picker.choices.choice(r) for r in range(composer.picker.choices.rowCount())]
    row = next(r for r, choice in enumerate(rows) if choice["choice"] == "organization")
    composer.picker.choose_row(row)
    assert composer.recipient_organization.text() == "اتحادیه تعاونی‌های روستایی استان"
    assert composer.recipient_name.text() == "" and composer.organization_id == org.id
    assert composer.person_id is None


def test_the_letter_dialog_starts_with_a_person_of_the_directory(qtbot, page, db):
    from prdesk.ui.dialogs.letter_dialog import LetterDialog

    person = contacts.add_person(db, {"honorific": "آقای", "first_name": "حسین", "last_name": "موسوی", "position": "فرماندار"})
    dialog = LetterDialog(page.context, person_id=person.id)
    qtbot.addWidget(dialog)
    composer = dialog.composer
    assert composer.salutation.currentText() == "جناب آقای"
    assert composer.recipient_name.text() == "حسین موسوی"
    assert composer.person_id == person.id


def test_the_models_pass_the_model_tester(page, composer, db, qtmodeltester):
    for i in range(3):
        registered(db, subject=f"نامهٔ {i}")
    register.void_letter(db, 1, "تکراری")
    page.context.bus.announce("letters")
    qtmodeltester.check(page.model)
    contacts.add_person(db, {"first_name": "علی", "last_name": "رضایی"})
    composer.picker.choices.search("رضایی")
    qtmodeltester.check(composer.picker.choices)


def test_enter_in_a_field_of_the_letter_dialog_registers_nothing(qtbot, page, db):
    from prdesk.ui.dialogs.letter_dialog import LetterDialog

    dialog = LetterDialog(page.context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    write_letter(dialog.composer)
    qtbot.keyClick(dialog.composer.subject, Qt.Key.Key_Return)
    assert register.count_register(db) == 0
    assert dialog.isVisible()
