"""Messages started where the clerk is: a contact's menu, the person dialog, a calendar occasion, the plans, the dashboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from prdesk.core import jalali
from prdesk.store import contacts
from prdesk.store.messages import archive, plans, templates
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.message_batch import BatchDialog
from prdesk.ui.dialogs.message_dialog import MessageDialog
from prdesk.ui.dialogs.message_plans import PlanDialog, PlansDialog
from tests.store.messages_support import small_office
from tests.ui.helpers import persian_window, retype, type_text

COOPERATIVE_DAY = jalali.to_gregorian(1405, 6, 13)  # روز تعاون
TODAY = COOPERATIVE_DAY - dt.timedelta(days=3)


@pytest.fixture
def office(db):
    return small_office(db)


@pytest.fixture
def window(qtbot, db, db_path, office):
    return persian_window(qtbot, db, db_path, TODAY)


@pytest.fixture
def shown(monkeypatch):
    said = {"errors": [], "messages": []}
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: said["errors"].append(text))
    monkeypatch.setattr(messages, "show_message", lambda parent, text, title=None: said["messages"].append(text))
    return said


def contacts_page(window, tab: int):
    window.show_page("contacts")
    page = window.pages["contacts"]
    page.tabs.setCurrentIndex(tab)
    page.reload()
    return page


def action(actions, text):
    return next(a for a in actions if a is not None and a.text() == text)


def plan_row(db, occasion):
    return db.execute("SELECT occasion, lead_days, target, template_id FROM occasion_plans WHERE occasion = ?",
                      [occasion]).fetchone()


def test_a_message_from_the_contacts_menu_is_archived_and_shown_in_the_history(window, qtbot, db, office, shown):
    from prdesk.ui.dialogs.person_dialog import PersonDialog

    page = contacts_page(window, 1)
    qtbot.waitUntil(lambda: page.select_record("people", office["maryam"]))
    action(page.row_actions(page.people_view), "پیام به این مخاطب…").trigger()
    dialog = page.message_dialog
    assert isinstance(dialog, MessageDialog) and dialog.person_label.text() == "سرکار خانم مریم احمدی"
    type_text(dialog.occasion, "عید فطر")
    assert dialog.template.currentText() == "تبریک عید سعید فطر"
    dialog.channel.setCurrentIndex(dialog.channel.findData("card"))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    (row,) = archive.search_messages(db, "", person_id=office["maryam"])
    assert (row["occasion"], row["channel"], row["status"]) == ("عید فطر", "card", "sent")

    # The person dialog's history has it, and a second message written from there appears at once.
    person = page.open_record("people", office["maryam"])  # as a double-click opens it
    assert isinstance(person, PersonDialog)
    history = person.findChild(type(person.history), "messageHistory")
    assert history.topLevelItem(0).text(1) == "عید فطر"
    qtbot.mouseClick(person.findChild(QPushButton, "newMessage"), Qt.MouseButton.LeftButton)
    second = person.findChild(MessageDialog)
    assert second.person_id == office["maryam"]
    type_text(second.occasion, "روز تعاون")
    second.channel.setCurrentIndex(second.channel.findData("phone"))
    qtbot.mouseClick(second.record_button, Qt.MouseButton.LeftButton)
    assert sorted(history.topLevelItem(i).text(1) for i in range(history.topLevelItemCount())) == ["روز تعاون", "عید فطر"]
    assert not shown["errors"]


def test_a_deceased_contact_gets_a_plain_message_and_no_dialog(window, qtbot, db, office, shown):
    page = contacts_page(window, 1)
    qtbot.waitUntil(lambda: page.select_record("people", office["zahra"]))
    qtbot.mouseClick(page.message_button, Qt.MouseButton.LeftButton)
    assert page.message_dialog is None and not page.findChildren(MessageDialog)
    assert "زهرا کریمی در ۱۴۰۴/۰۱/۰۵ درگذشته است" in shown["messages"][-1]
    assert "ثبت درگذشت" in shown["messages"][-1]
    assert archive.count_messages(db) == 0


def test_a_message_to_an_organization_goes_to_one_of_its_living_people(window, qtbot, db, office, shown):
    page = contacts_page(window, 0)
    qtbot.waitUntil(lambda: page.select_record("organizations", office["union2"]))
    action(page.row_actions(page.organizations_view), "پیام به این مخاطب…").trigger()
    dialog = page.message_dialog
    people = [dialog.org_people.itemText(i) for i in range(dialog.org_people.count())]
    assert people == ["سرکار خانم مریم احمدی (دبیر)", "جناب آقای علی رضایی (عضو هیئت مدیره)"]  # not the deceased
    dialog.org_people.setCurrentIndex(1)
    assert dialog.person_label.text() == "جناب آقای علی رضایی"
    # An organization with nobody in it: a plain message that says what to do.
    empty = contacts.add_organization(db, {"name": "بانک توسعه تعاون", "kind": "بانک"}).id
    page.reload()
    qtbot.waitUntil(lambda: page.select_record("organizations", empty))
    page.message_current()
    assert page.message_dialog is None and "افزودن شخص به این سازمان" in shown["messages"][-1]


def day_row(calendar, title):
    calendar.show_date(COOPERATIVE_DAY)
    calendar._day_selected(COOPERATIVE_DAY)
    return next(calendar.day_list.item(i) for i in range(calendar.day_list.count())
                if calendar.day_list.item(i).text().split("\n")[0] == title)


def menu_action(calendar, title, text):
    menu = calendar.day_menu(day_row(calendar, title))
    return next(a for a in menu.actions() if a.text() == text)


def test_one_message_and_a_batch_from_a_calendar_occasion(window, qtbot, db, office, shown):
    window.show_page("calendar")
    calendar = window.pages["calendar"]
    # The seeded plan of روز تعاون reaches one cooperative here: the one-message dialog, filled in.
    menu_action(calendar, "روز تعاون", "ارسال پیام…").trigger()
    (dialog,) = calendar.findChildren(MessageDialog)
    assert (dialog.occasion.text(), dialog.template.currentText()) == ("روز تعاون", "تبریک روز تعاون")
    dialog._chosen({"choice": "person", "id": office["hasan"]})
    assert "روز ملی تعاون" in dialog.preview.toPlainText()
    dialog.close()
    # Aimed at the unions, the plan reaches three living people: the batch dialog, recipients listed.
    t = templates.find_template(db, "تبریک روز تعاون")
    plans.save_plan(db, "روز تعاون", lead_days=3, target={"kind": "اتحادیه"}, template_id=t.id)
    menu_action(calendar, "روز تعاون", "ارسال پیام…").trigger()
    (batch,) = calendar.findChildren(BatchDialog)
    assert batch.kind.currentData() == "اتحادیه" and batch.template.currentText() == "تبریک روز تعاون"
    assert sum(r.included for r in batch.recipients) == 2 and batch.table.rowCount() == 4
    # An office event of the day, with no plan: one message, the occasion filled in.
    from prdesk.store import calendar as calendar_store

    calendar_store.add_event(db, {"title": "نمایشگاه تعاونی‌ها", "type": "exhibition", "date": COOPERATIVE_DAY})
    calendar.context.bus.announce("calendar")
    menu_action(calendar, "نمایشگاه تعاونی‌ها", "ارسال پیام…").trigger()
    (one,) = [d for d in calendar.findChildren(MessageDialog) if d.isVisible()]
    assert one.occasion.text() == "نمایشگاه تعاونی‌ها"
    assert not shown["errors"]


def test_the_plan_editor_from_the_calendar_refuses_bad_input_then_saves(window, qtbot, db, office, shown):
    window.show_page("calendar")
    calendar = window.pages["calendar"]
    before = plan_row(db, "روز تعاون")
    menu_action(calendar, "روز تعاون", "برنامهٔ پیام این مناسبت…").trigger()
    (editor,) = calendar.findChildren(PlanDialog)
    assert editor.lead_days.text() == "۳" and editor.template.currentData() == before[3]
    retype(editor.lead_days, "۹۰")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors["lead_days"].isVisible()
    assert editor.errors["lead_days"].text() == "فاصلهٔ یادآوری باید بین ۰ تا ۶۰ روز باشد، نه ۹۰ روز."
    assert plan_row(db, "روز تعاون") == before and editor.isVisible()
    retype(editor.lead_days, "5")
    editor.template.setCurrentIndex(0)  # «(choose a template)»
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors["template_id"].text().startswith("الگوی پیام را انتخاب کنید")
    assert not editor.errors["lead_days"].isVisible() and plan_row(db, "روز تعاون") == before
    editor.template.setCurrentIndex(editor.template.findText("تسلیت ایام محرم (تسلیت)"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "تسلیت است" in editor.errors["template_id"].text() and plan_row(db, "روز تعاون") == before
    editor.template.setCurrentIndex(editor.template.findText("تبریک روز تعاون (تبریک)"))
    editor.province.setCurrentIndex(editor.province.findData("یزد"))
    assert "۱ مخاطب" in editor.summary.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    occasion, lead, target, template_id = plan_row(db, "روز تعاون")
    assert (lead, target) == (5, '{"kind": "شرکت تعاونی", "province": "یزد"}') and template_id == before[3]
    assert not shown["errors"]


def test_the_plans_list_adds_edits_and_removes(window, qtbot, db, monkeypatch, shown):
    window.show_page("messages")
    page = window.pages["messages"]
    qtbot.mouseClick(page.findChild(QPushButton, "plansButton"), Qt.MouseButton.LeftButton)
    (listing,) = page.findChildren(PlansDialog)
    count = listing.tree.topLevelItemCount()
    first = listing.tree.topLevelItem(0)
    # Sorted by the day each is proposed: روز تعاون (proposed today, 3 days ahead) comes first.
    assert (first.text(0), first.text(1), first.text(3)) == ("روز تعاون", "۳", "تبریک روز تعاون")
    assert first.text(2) == "شرکت تعاونی" and first.text(4) == "اکنون (برای ۱۴۰۵/۰۶/۱۳)"
    qtbot.mouseClick(listing.findChild(QPushButton, "addPlan"), Qt.MouseButton.LeftButton)
    editor = listing.editor
    type_text(editor.occasion, "همایش سالانه تعاونی‌ها")
    retype(editor.lead_days, "۱۰")
    editor.save()  # no template: refused, nothing saved
    assert editor.errors["template_id"].isVisible() and plan_row(db, "همایش سالانه تعاونی‌ها") is None
    editor.template.setCurrentIndex(editor.template.findText("تبریک روز تعاون (تبریک)"))
    editor.staff.setChecked(True)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert plan_row(db, "همایش سالانه تعاونی‌ها")[1:3] == (10, '{"staff": true}')
    assert listing.tree.topLevelItemCount() == count + 1
    added = next(listing.tree.topLevelItem(i) for i in range(listing.tree.topLevelItemCount())
                 if listing.tree.topLevelItem(i).text(0) == "همایش سالانه تعاونی‌ها")
    assert (added.text(2), added.text(4)) == ("کارکنان", "در یک سال آینده نیست")
    listing.tree.setCurrentItem(added)
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: True)
    assert listing.remove_current()
    assert plan_row(db, "همایش سالانه تعاونی‌ها") is None and listing.tree.topLevelItemCount() == count


def test_the_dashboard_proposes_the_batch_and_opens_it_filled_in(window, qtbot, db, office, shown):
    board = window.pages["dashboard"].messages_due
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.reload()
    lines = [board.list.item(i).text() for i in range(board.list.count())]
    assert "۳ روز تا روز تعاون: ۱ گیرنده، الگوی تبریک روز تعاون" in lines
    item = next(board.list.item(i) for i in range(board.list.count()) if "روز تعاون" in board.list.item(i).text())
    dialog = board.activate(item)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, BatchDialog)
    assert (dialog.occasion.text(), dialog.kind.currentData(), dialog.template.currentText()) == (
        "روز تعاون", "شرکت تعاونی", "تبریک روز تعاون")
    assert [r.name for r in dialog.recipients] == ["حسن موسوی"]
    # Once sent, the line says so.
    archive.add_message(db, {"person_id": office["hasan"], "recipient": "حسن موسوی", "occasion": "روز تعاون", "date": TODAY})
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.reload()
    assert "۳ روز تا روز تعاون: ۱ گیرنده، الگوی تبریک روز تعاون — ۱ پیام پیش‌تر فرستاده شده" in [
        board.list.item(i).text() for i in range(board.list.count())]
    # Four days ahead with a lead time of three: not yet proposed.
    board.context.today = lambda: TODAY - dt.timedelta(days=1)
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.reload()
    assert not any("روز تعاون" in board.list.item(i).text() for i in range(board.list.count()))


def test_saving_a_template_keeps_the_plans_other_filters(window, qtbot, db, shown):
    t = templates.find_template(db, "تبریک روز تعاون")
    plans.save_plan(db, "روز تعاون", lead_days=4, target={"kind": "شرکت تعاونی", "province": "یزد"}, template_id=t.id)
    dialog = window.pages["messages"].open_templates()
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(next(i for i in range(dialog.list.count())
                                   if dialog.list.item(i).text().startswith("تبریک روز تعاون")))
    dialog.body.appendPlainText("با آرزوی توفیق.")
    assert dialog.save()
    assert plan_row(db, "روز تعاون")[1:3] == (4, '{"kind": "شرکت تعاونی", "province": "یزد"}')
    dialog.target_kind.setCurrentIndex(dialog.target_kind.findData("اتحادیه"))
    assert dialog.save()
    assert plan_row(db, "روز تعاون")[1:3] == (4, '{"province": "یزد", "kind": "اتحادیه"}')


def test_the_plans_list_opened_again_shows_what_changed_while_closed(window, qtbot, db, shown):
    page = window.pages["messages"]
    listing = page.open_plans()
    count = listing.tree.topLevelItemCount()
    listing.close()
    cooperative = plans.plan_for(db, "روز تعاون")
    plans.delete_plan(db, cooperative.id)
    page.context.bus.announce("messages")
    assert listing.tree.topLevelItemCount() == count  # closed: not read again
    assert page.open_plans() is listing and listing.tree.topLevelItemCount() == count - 1
