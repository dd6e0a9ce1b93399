"""One message to one person: template → live preview → print as a numbered letter or record as sent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.templates import CHANNELS, RELATIONS
from prdesk.core.text import to_persian_digits
from prdesk.store.messages.recipients import RecipientFilter, people_of_organization, prepare
from prdesk.store.messages.templates import get_template, list_templates, template_for_occasion
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.dialogs.letter_dialog import RecipientPicker
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit


class MessageDialog(QDialog):
    """A greeting or condolence to one person, seen as it will read before it is printed or recorded."""

    def __init__(self, context: PageContext, person_id: int | None = None, parent: QWidget | None = None, *,
                 occasion: str = "", template_id: int | None = None, organization_id: int | None = None):
        super().__init__(parent)
        self.context, self.db = context, context.db
        self.person_id = person_id
        self.recipient = None
        self.saved = None
        self.setObjectName("messageDialog")
        self.setWindowTitle(self.tr("One message"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.picker = RecipientPicker(self.db)
        self.picker.setPlaceholderText(self.tr("Type part of a name, then choose"))
        self.picker.chosen.connect(self._chosen)
        form.addRow(self.tr("Recipient"), self.picker)
        self.org_people = QComboBox()
        self.org_people.setObjectName("organizationPeople")
        if organization_id is not None:
            # A message goes to a person: from an organization, to one of its people (position holders first).
            for person in people_of_organization(self.db, organization_id):
                text = " ".join(p for p in (person["salutation"], person["name"]) if p)
                if person["position"]:
                    text += f" ({person['position']})"
                self.org_people.addItem(text, person["id"])
            form.addRow(self.tr("Person of the organization"), self.org_people)
            if self.person_id is None and self.org_people.count():
                self.person_id = self.org_people.itemData(0)
            self.org_people.currentIndexChanged.connect(self._org_person_chosen)
        self.person_label = QLabel()
        self.person_label.setObjectName("personLabel")
        form.addRow("", self.person_label)
        self.occasion = QLineEdit(occasion)
        self.occasion.setObjectName("occasion")
        form.addRow(self.tr("Occasion"), self.occasion)
        self.template = QComboBox()
        self.template.setObjectName("template")
        for t in list_templates(self.db):
            self.template.addItem(t.title, t.id)
        form.addRow(self.tr("Template"), self.template)
        self.date = JalaliDateEdit(orientation=Qt.Orientation.Horizontal)
        self.date.set_date(context.today())
        form.addRow(self.tr("Date"), self.date)
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key, label in CHANNELS.items():
            self.channel.addItem(label, key)
        form.addRow(self.tr("Send as"), self.channel)
        mourning = QHBoxLayout()
        self.deceased = QLineEdit()
        self.deceased.setObjectName("deceasedName")
        self.deceased.setPlaceholderText(self.tr("Name of the deceased"))
        mourning.addWidget(self.deceased, 2)
        self.deceased_gender = QComboBox()
        self.deceased_gender.addItem(self.tr("Man"), "male")
        self.deceased_gender.addItem(self.tr("Woman"), "female")
        mourning.addWidget(self.deceased_gender)
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(["", *RELATIONS])
        mourning.addWidget(self.relation, 1)
        form.addRow(self.tr("For a condolence"), mourning)

        self.preview = QPlainTextEdit()
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        layout.addWidget(self.preview, 1)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("Print as letter…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_letter)
        buttons.addWidget(self.print_button)
        self.record_button = QPushButton(self.tr("Record as sent"))
        self.record_button.setObjectName("recordButton")
        self.record_button.clicked.connect(self.record_sent)
        buttons.addWidget(self.record_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        self.template.currentIndexChanged.connect(self._template_chosen)
        if template_id is not None:
            self.template.setCurrentIndex(max(0, self.template.findData(template_id)))
        elif occasion:
            self._pick_template(occasion)
        self._template_chosen()
        self.occasion.textEdited.connect(self._pick_template)
        for signal in (self.occasion.textChanged, self.template.currentIndexChanged, self.channel.currentIndexChanged,
                       self.deceased.textChanged, self.deceased_gender.currentIndexChanged, self.relation.currentTextChanged,
                       self.date.date_changed):
            signal.connect(self.refresh)
        self.resize(760, 620)
        self.refresh()
        if self.person_id is not None:
            (self.template if occasion else self.occasion).setFocus()  # the recipient is chosen: what comes next

    def _template_chosen(self, *_args) -> None:
        """Each template says how it usually goes out (a birthday card, a letter)."""
        if self.template.currentData() is not None:
            channel = get_template(self.db, self.template.currentData()).channel
            self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))

    def _pick_template(self, text: str) -> None:
        found = template_for_occasion(self.db, text)
        if found is not None:
            self.template.setCurrentIndex(self.template.findData(found.id))

    def _org_person_chosen(self, index: int) -> None:
        if index >= 0:
            self.person_id = self.org_people.itemData(index)
            self.refresh()

    def _chosen(self, row: dict) -> None:
        if row.get("choice") != "person":
            messages.show_error(self, self.tr("A message goes to a person: choose a person of this organization."))
            return
        self.person_id = row["id"]
        self.refresh()

    def refresh(self, *_args) -> None:
        """Fill the template for the chosen person and show it as it will read, with what is missing."""
        self.recipient = None
        self.preview.clear()
        if self.person_id is None or self.template.currentData() is None:
            self.person_label.setText(self.tr("Choose the recipient."))
            self._enable(False)
            return
        bereavement = None
        if self.deceased.text().strip():
            bereavement = {"deceased_name": self.deceased.text(), "deceased_gender": self.deceased_gender.currentData(),
                           "relation": self.relation.currentText()}
        date = self.date.date() or self.context.today()
        found = prepare(self.db, get_template(self.db, self.template.currentData()), self.occasion.text().strip(),
                        RecipientFilter(person_ids=(self.person_id,)), date=date, channel=self.channel.currentData(),
                        include_repeats=True, bereavement=bereavement)
        if not found:
            self.person_id = None
            return self.refresh()
        self.recipient = r = found[0]
        self.person_label.setText(f"{r.salutation} {r.name}".strip())
        lines = r.letter().heading_lines() if self.channel.currentData() == "letter" else []
        self.preview.setPlainText(to_persian_digits("\n".join([*lines, *([""] if lines else []), r.text])))
        self.problem.setText(r.reason_text() if not r.included else "")
        self._enable(r.included)

    def _enable(self, ok: bool) -> None:
        letter = self.channel.currentData() == "letter"
        self.print_button.setEnabled(ok and letter)
        self.record_button.setEnabled(ok and not letter)

    def print_letter(self) -> bool:
        """Enter the letter in the register with a number, archive it and write the PDF."""
        from prdesk.store.messages.batch import generate_batch

        if self.recipient is None or not self.recipient.included:
            return False
        if not self.occasion.text().strip():
            messages.show_error(self, self.tr("Write the occasion of the message."))
            return False
        chosen = pickers.choose_save_path(self, self.tr("Save the letter as PDF"), f"{self.recipient.name}.pdf", "PDF (*.pdf)")
        if chosen is None:
            return False
        outcome = self.context.runner.run(
            lambda: generate_batch(self.db, get_template(self.db, self.template.currentData()), self.occasion.text().strip(),
                                   [self.recipient], date=self.date.date() or self.context.today(), out=Path(chosen)),
            area="messages",
        )
        if outcome.ok:
            self.context.bus.announce("letters")
            self.saved = outcome.value
            self.context.show_status(self.tr("Letter {number} was registered and saved.").format(
                number=outcome.value.letter_numbers[0]))
            self.accept()
        return outcome.ok

    def record_sent(self) -> bool:
        """Archive the message as sent by card, SMS, phone, in person or messenger."""
        from prdesk.store.messages.archive import add_message

        if self.recipient is None or not self.occasion.text().strip():
            messages.show_error(self, self.tr("Write the occasion of the message."))
            return False
        r, template = self.recipient, get_template(self.db, self.template.currentData())
        values = {"person_id": r.person_id, "organization_id": r.organization_id, "recipient": r.heading(),
                  "salutation": r.salutation, "occasion": self.occasion.text().strip(), "kind": template.kind,
                  "template_id": template.id, "template_version": template.version, "subject": r.subject, "text": r.text,
                  "date": self.date.date() or self.context.today(), "channel": self.channel.currentData(), "status": "sent"}
        outcome = self.context.runner.run(lambda: add_message(self.db, values), area="messages")
        if outcome.ok:
            self.saved = outcome.value
            self.context.show_status(self.tr("The message was recorded as sent."))
            self.accept()
        return outcome.ok


def open_message_for(context: PageContext, parent: QWidget | None, table: str, record_id: int) -> MessageDialog | None:
    """The one-message dialog for a contact: the person, or one of the organization's people.

    A deceased person, or an organization with nobody to write to, gets a plain Persian message
    instead of a dialog whose buttons would all be disabled.
    """
    from prdesk.core.jalali import format_jalali
    from prdesk.store.contacts import get_organization, get_person

    if table == "organizations":
        organization = get_organization(context.db, record_id)
        if not people_of_organization(context.db, record_id):
            messages.show_message(parent, QCoreApplication.translate(
                "MessageDialog", "A message goes to a person, and «{name}» has no living person in the contacts. "
                "Add its manager with «Add a person here…», then write the message.").format(name=organization["name"]))
            return None
        dialog = MessageDialog(context, None, parent, organization_id=record_id)
    else:
        person = get_person(context.db, record_id)
        if person.get("deceased"):
            died = person.get("deceased_on")
            when = QCoreApplication.translate("MessageDialog", " on {date}").format(
                date=format_jalali(dt.date.fromisoformat(died))) if died else ""
            messages.show_message(parent, QCoreApplication.translate(
                "MessageDialog", "{name} passed away{when}; no greeting is sent to a deceased contact. To offer condolences, "
                "record the bereavement for a relative or colleague (Messages page, «Record a bereavement…») "
                "and write the message to them.").format(name=person["full_name"], when=when))
            return None
        dialog = MessageDialog(context, record_id, parent)
    dialog.open()
    return dialog
