"""Issue 13 §5: a woman whose honorific was never set is still «سرکار خانم» in a letter."""

from prdesk.store import contacts


def test_gender_zan_without_honorific_gives_sarkar_khanom_in_a_letter(window, qtbot, db):
    from prdesk.ui.dialogs.letter_dialog import LetterDialog

    window.show_page("letters")
    person = contacts.add_person(db, {"gender": "زن", "first_name": "مریم", "last_name": "احمدی", "title": "دکتر"})
    assert contacts.get_person(db, person.id)["honorific"] == ""
    dialog = LetterDialog(window.pages["letters"].context, person_id=person.id)
    qtbot.addWidget(dialog)
    assert dialog.composer.salutation.currentText() == "سرکار خانم"
    assert dialog.composer.recipient_title.text() == "دکتر"
