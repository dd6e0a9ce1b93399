"""The messages area driven like a clerk: a batch with an excluded recipient, one message from the dashboard, the archive."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pypdf import PdfReader

from prdesk.core import jalali
from prdesk.store import contacts
from prdesk.store.messages import archive, bereavements
from prdesk.store.settings import update_settings
from prdesk.ui.app import prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import message_batch, messages, pickers
from prdesk.ui.main_window import MainWindow
from tests.store.messages_support import small_office
from tests.ui.helpers import hold_reads, type_text

TODAY = jalali.to_gregorian(1404, 12, 24)


@pytest.fixture
def window(qtbot, db, db_path):
    small_office(db)
    update_settings(db, {"signatory_name": "محمد کاظمی"})
    prepare_application(QApplication.instance(), "fa")
    main = MainWindow(db, db_path, Bus(), language="fa", today=lambda: TODAY)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def shown(monkeypatch):
    said = {"errors": [], "messages": []}
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: said["errors"].append(text))
    monkeypatch.setattr(messages, "show_message", lambda parent, text, title=None: said["messages"].append(text))
    return said


def row_of(dialog, name):
    return next(i for i, r in enumerate(dialog.recipients) if r.name == name and r.included)


def test_a_batch_with_an_excluded_recipient(window, qtbot, db, tmp_path, monkeypatch, shown):
    page = window.pages["messages"]
    window.show_page("messages")
    dialog = page.open_batch()
    qtbot.addWidget(dialog)
    type_text(dialog.occasion, "عید نوروز")
    assert dialog.template.currentText() == "تبریک عید نوروز"  # chosen from the occasion
    dialog.kind.setCurrentIndex(dialog.kind.findData("اتحادیه"))
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 4
    notes = [dialog.table.item(r, message_batch.NOTE).text() for r in range(4)]
    assert "درگذشته" in notes and any(n.startswith("همان شخص در سازمان دیگر") for n in notes)
    # The preview shows the salutation and the text of the selected recipient.
    maryam = row_of(dialog, "مریم احمدی")
    dialog.table.setCurrentCell(maryam, message_batch.NAME)
    assert dialog.preview.toPlainText().startswith("سرکار خانم مریم احمدی\nدبیر محترم اتحادیه تعاونی‌های مسکن")
    # Leave Maryam out, with a reason.
    monkeypatch.setattr(message_batch, "ask_exclusion_reason", lambda parent, name: "در سفر است")
    qtbot.mouseClick(dialog.exclude_button, Qt.MouseButton.LeftButton)
    assert dialog.table.item(maryam, message_batch.CHECK).checkState() == Qt.CheckState.Unchecked
    assert "در سفر است" in dialog.table.item(maryam, message_batch.NOTE).text()
    # Ticking the deceased back in is refused.
    dead = next(i for i, r in enumerate(dialog.recipients) if r.reason == "deceased")
    dialog.table.item(dead, message_batch.CHECK).setCheckState(Qt.CheckState.Checked)
    assert dialog.table.item(dead, message_batch.CHECK).checkState() == Qt.CheckState.Unchecked
    assert shown["errors"] and "درگذشته" in shown["errors"][-1]
    assert dialog.summary.text() == "۱ گیرنده، ۳ کنار گذاشته"
    out = tmp_path / "nowruz.pdf"
    monkeypatch.setattr(pickers, "choose_save_path", lambda *args: str(out))
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.result.count == 1
    rows = archive.search_messages(db, "نوروز")
    assert [r["recipient"].split(" - ")[0] for r in rows] == ["جناب آقای علی رضایی"]
    reader = PdfReader(out)
    assert len(reader.pages) == 1 and "رضایی" in unicodedata.normalize("NFKC", reader.pages[0].extract_text())
    # The archive page shows it and finds it by recipient.
    qtbot.waitUntil(lambda: page.model.total == 1)
    type_text(page.search, "رضايي")  # Arabic ي
    page.search.flush()
    assert page.model.total == 1 and page.model.stored(0)["occasion"] == "عید نوروز"


def test_cancel_during_the_batch_leaves_nothing(window, qtbot, db, tmp_path, monkeypatch, shown):
    from prdesk.store.messages import batch

    page = window.pages["messages"]
    dialog = page.open_batch()
    qtbot.addWidget(dialog)
    type_text(dialog.occasion, "عید نوروز")
    dialog.kind.setCurrentIndex(dialog.kind.findData("اتحادیه"))
    dialog.find_recipients()
    monkeypatch.setattr(pickers, "choose_save_path", lambda *args: str(tmp_path / "c.pdf"))
    real = batch.generate_batch

    def cancelled(*args, progress=None, **kwargs):
        return real(*args, progress=lambda done, total: False, **kwargs)

    monkeypatch.setattr(batch, "generate_batch", cancelled)
    dialog.generate()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.result.cancelled
    assert archive.count_messages(db) == 0 and not (tmp_path / "c.pdf").exists()
    assert db.execute("SELECT count(*) FROM letters").fetchone()[0] == 0


def test_one_message_from_the_dashboard_for_a_staff_birthday(window, qtbot, db, monkeypatch, shown):
    staff = db.execute("SELECT id FROM people WHERE is_staff = 1").fetchone()[0]
    contacts.update_person(db, staff, {"birthday": "1370/12/26"})
    # A deceased colleague with a birthday the same week gets no greeting line.
    dead = contacts.add_person(db, {"first_name": "رضا", "last_name": "کامیاب", "gender": "مرد", "is_staff": True,
                                    "birthday": "1350/12/25", "deceased_on": "1403/05/01"}).id
    window.bus.announce("contacts") if hasattr(window, "bus") else None
    board = window.pages["dashboard"].messages_due
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.reload()
    lines = [board.list.item(i).text() for i in range(board.list.count())]
    assert any("سارا نوری" in line for line in lines)
    assert not any("کامیاب" in line for line in lines) and dead
    item = next(board.list.item(i) for i in range(board.list.count()) if "سارا نوری" in board.list.item(i).text())
    dialog = board.activate(item)
    qtbot.addWidget(dialog)
    assert dialog.template.currentText() == "تبریک زادروز همکار"
    assert dialog.preview.toPlainText().startswith("سرکار خانم سارا نوری\nزادروزتان")
    dialog.channel.setCurrentIndex(dialog.channel.findData("card"))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    row = archive.search_messages(db, "", person_id=staff)[0]
    assert (row["channel"], row["status"], row["template_version"]) == ("card", "sent", 1)


def test_a_bereavement_follow_up_on_the_dashboard_opens_a_condolence(window, qtbot, db, shown):
    staff = db.execute("SELECT id FROM people WHERE is_staff = 1").fetchone()[0]
    bereavements.add_bereavement(db, {"person_id": staff, "deceased_name": "رضا نوری", "deceased_gender": "male",
                                      "relation": "پدر", "died_on": TODAY - dt.timedelta(days=2)})
    board = window.pages["dashboard"].messages_due
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.reload()
    lines = [board.list.item(i).text() for i in range(board.list.count())]
    assert any(line.startswith("سوم رضا نوری") for line in lines)
    assert any(line.startswith("هفتم رضا نوری") for line in lines)
    item = next(board.list.item(i) for i in range(board.list.count()) if board.list.item(i).text().startswith("هفتم"))
    dialog = board.activate(item)
    qtbot.addWidget(dialog)
    assert "درگذشت پدر گرامی‌تان، مرحوم رضا نوری" in dialog.preview.toPlainText()


def test_the_person_dialog_keeps_the_date_of_death_and_shows_sent_messages(window, qtbot, db, shown):
    from prdesk.ui.dialogs.person_dialog import PersonDialog

    maryam = db.execute("SELECT id FROM people WHERE first_name = 'مریم'").fetchone()[0]
    archive.add_message(db, {"person_id": maryam, "recipient": "سرکار خانم مریم احمدی", "occasion": "عید فطر",
                             "date": TODAY, "letter_number": "7/ص/1404"})
    dialog = PersonDialog(window.pages["contacts"].context, maryam)
    qtbot.addWidget(dialog)
    history = dialog.findChild(type(dialog.history), "messageHistory")
    assert history.topLevelItem(0).text(1) == "عید فطر" and history.topLevelItem(0).text(5) == "۷/ص/۱۴۰۴"
    type_text(dialog.deceased_on.findChild(type(dialog.first_name)), "1404/11/01")
    assert dialog.save()
    person = contacts.get_person(db, maryam)
    assert person["deceased"] is True and person["deceased_on"] == "2026-01-21"


def test_recording_a_bereavement_lists_its_days_on_the_dashboard(window, qtbot, db, shown):
    staff = db.execute("SELECT id FROM people WHERE is_staff = 1").fetchone()[0]
    dialog = window.pages["messages"].open_bereavement()
    qtbot.addWidget(dialog)
    dialog.save()  # nobody chosen yet: refused, nothing saved
    assert shown["errors"] and bereavements.list_bereavements(db) == []
    dialog._chosen({"choice": "person", "id": staff, "full_name": "سارا نوری"})
    type_text(dialog.deceased, "رضا نوری")
    dialog.relation.setCurrentText("پدر")
    dialog.died_on.set_date(TODAY - dt.timedelta(days=1))
    assert dialog.save()
    (saved,) = bereavements.list_bereavements(db)
    assert [f["label"] for f in saved["follow_ups"]] == ["سوم", "هفتم", "چهلم", "سالگرد"]
    board = window.pages["dashboard"].messages_due
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.reload()
    assert any(board.list.item(i).text().startswith("سوم رضا نوری") for i in range(board.list.count()))


def test_the_sms_file_from_the_batch_dialog(window, qtbot, db, tmp_path, monkeypatch, shown):
    dialog = window.pages["messages"].open_batch()
    qtbot.addWidget(dialog)
    type_text(dialog.occasion, "نوروز")
    dialog.template.setCurrentIndex(dialog.template.findText("پیامک تبریک نوروز"))
    dialog.channel.setCurrentIndex(dialog.channel.findData("sms"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("اتحادیه"))
    dialog.find_recipients()
    out = tmp_path / "sms.csv"
    monkeypatch.setattr(pickers, "choose_save_path", lambda *args: str(out))
    assert dialog.export_sms()
    assert out.read_text(encoding="utf-8-sig").count("\n") == 3  # header and two mobiles
    assert "۲ متن" in shown["messages"][-1]


def test_a_template_edit_is_a_new_version_with_its_plan(window, qtbot, db, shown):
    from prdesk.store.messages import plans, templates

    dialog = window.pages["messages"].open_templates()
    qtbot.addWidget(dialog)
    row = next(i for i in range(dialog.list.count()) if dialog.list.item(i).text().startswith("تبریک روز تعاون"))
    dialog.list.setCurrentRow(row)
    assert dialog.lead_days.value() == 3 and dialog.target_kind.currentData() == "شرکت تعاونی"
    assert "سرکار خانم دکتر مریم احمدی" in dialog.preview.toPlainText()
    dialog.body.appendPlainText("{مقام}")
    assert "{مقام}" in dialog.problem.text()
    assert not dialog.save()  # an unknown placeholder is refused
    assert shown["errors"] and templates.find_template(db, "تبریک روز تعاون").version == 1
    dialog.body.setPlainText(dialog.body.toPlainText().replace("{مقام}", "با آرزوی توفیق."))
    dialog.lead_days.setValue(5)
    dialog.target_kind.setCurrentIndex(dialog.target_kind.findData("اتحادیه"))
    assert dialog.save()
    t = templates.find_template(db, "تبریک روز تعاون")
    assert t.version == 2 and t.body.endswith("با آرزوی توفیق.")
    plan = next(p for p in plans.list_plans(db) if p.template_id == t.id)
    assert (plan.lead_days, plan.target) == (5, {"kind": "اتحادیه"})


def test_the_dashboard_reads_the_messages_to_send_on_a_worker(window, qtbot, db, monkeypatch):
    """A plan's group may be thousands of people: the box is read off the window's thread, then filled."""
    import threading

    from prdesk.ui.pages import messages_due

    board = window.pages["dashboard"].messages_due
    qtbot.waitUntil(lambda: not board.reading(), timeout=10_000)
    release, threads = hold_reads(monkeypatch, messages_due, "read_due")
    staff = db.execute("SELECT id FROM people WHERE is_staff = 1").fetchone()[0]
    contacts.update_person(db, staff, {"birthday": "1370/12/26"})
    board.list.clear()
    board.reload()
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    assert threads[0] is not threading.main_thread()
    assert board.reading() and board.list.count() == 0  # the window goes on meanwhile
    board.reload()  # a change while it is read: read again when it ends, not lost
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        release.set()
    assert len(threads) == 2 and not board.reading()
    assert any("سارا نوری" in board.list.item(i).text() for i in range(board.list.count()))


def test_the_person_dialog_says_no_earlier_position_across_the_whole_row(window, qtbot, db):
    from PySide6.QtWidgets import QTreeWidget

    from prdesk.ui.dialogs.person_dialog import PersonDialog

    maryam = db.execute("SELECT id FROM people WHERE first_name = 'مریم'").fetchone()[0]
    dialog = PersonDialog(window.pages["contacts"].context, maryam)
    qtbot.addWidget(dialog)
    dialog.show()
    history = dialog.history
    assert isinstance(history, QTreeWidget)
    empty = history.topLevelItem(0)
    assert empty.text(0) == "سمت قبلی ثبت نشده است." and empty.isFirstColumnSpanned()
    dialog.grab().save("/tmp/person-dialog-empty-history.png")


def test_the_batch_shows_an_organizations_digits_in_persian(window, qtbot, db, shown):
    """«شرکت تعاونی شمارهٔ 12» typed with ASCII digits reads «۱۲» in the list and the preview, as printed."""
    org = contacts.add_organization(db, {"name": "شرکت تعاونی شمارهٔ 12", "kind": "شرکت تعاونی", "province": "اصفهان"}).id
    contacts.add_person(db, {"first_name": "رضا", "last_name": "کامیاب", "gender": "مرد", "position": "مدیرعامل",
                             "organization_id": org})
    dialog = window.pages["messages"].open_batch()
    qtbot.addWidget(dialog)
    type_text(dialog.occasion, "روز تعاون")
    dialog.template.setCurrentIndex(dialog.template.findText("تبریک روز تعاون"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("شرکت تعاونی"))
    assert dialog.find_recipients()
    rows = [r for r in range(dialog.table.rowCount())
            if "کامیاب" in " ".join(dialog.table.item(r, c).text() for c in range(1, 5))]
    assert rows
    cells = " ".join(dialog.table.item(rows[0], c).text() for c in range(1, 5))
    assert "شمارهٔ ۱۲" in cells and "12" not in cells
    dialog.show_preview(rows[0])
    text = dialog.preview.toPlainText()
    assert "شمارهٔ ۱۲" in text and not any(ch in "0123456789" for ch in text)
    # Every salutation whole in its column, «حجت‌الاسلام والمسلمین» too: it is what the clerk checks here.
    longest = max((dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())), key=len)
    assert dialog.table.columnWidth(1) >= dialog.table.fontMetrics().horizontalAdvance(longest)
