"""Recording a bereavement: who died, the relation to the mourner, the day; the follow-up days come from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from prdesk.core.jalali import format_jalali
from prdesk.core.messages import ANNIVERSARY_CALENDARS
from prdesk.core.templates import RELATIONS
from prdesk.store.messages.bereavements import add_bereavement
from prdesk.ui.dialogs.letter_dialog import RecipientPicker
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit


class BereavementDialog(QDialog):
    """A death in the family of a contact or a colleague; saving lists سوم، هفتم، چهلم and سالگرد on the dashboard."""

    def __init__(self, context: PageContext, parent: QWidget | None = None, *, person_id: int | None = None):
        super().__init__(parent)
        self.context, self.db = context, context.db
        self.person_id = person_id
        self.saved = None
        self.setObjectName("bereavementDialog")
        self.setWindowTitle(self.tr("Record a bereavement"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.picker = RecipientPicker(self.db)
        self.picker.setPlaceholderText(self.tr("Type part of a name, then choose"))
        self.picker.chosen.connect(self._chosen)
        form.addRow(self.tr("Mourner"), self.picker)
        self.mourner = QLabel()
        self.mourner.setObjectName("mourner")
        form.addRow("", self.mourner)
        self.deceased = QLineEdit()
        self.deceased.setObjectName("deceasedName")
        form.addRow(self.tr("Name of the deceased"), self.deceased)
        self.gender = QComboBox()
        self.gender.addItem(self.tr("Man"), "male")
        self.gender.addItem(self.tr("Woman"), "female")
        form.addRow(self.tr("The deceased was"), self.gender)
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(["", *RELATIONS])
        form.addRow(self.tr("Relation to the mourner"), self.relation)
        self.died_on = JalaliDateEdit(orientation=Qt.Orientation.Horizontal)
        self.died_on.set_date(context.today())
        form.addRow(self.tr("Date of death"), self.died_on)
        self.calendar = QComboBox()
        for key, label in ANNIVERSARY_CALENDARS.items():
            self.calendar.addItem(label, key)
        form.addRow(self.tr("Anniversary by"), self.calendar)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if person_id is not None:
            self._chosen({"choice": "person", "id": person_id, "full_name": self._name(person_id)})

    def _name(self, person_id: int) -> str:
        from prdesk.store.contacts import get_person

        return get_person(self.db, person_id)["full_name"]

    def _chosen(self, row: dict) -> None:
        if row.get("choice") != "person":
            self.mourner.setText(self.tr("Choose a person, not an organization."))
            self.person_id = None
            return
        self.person_id = row["id"]
        self.mourner.setText(row.get("full_name", ""))

    def save(self) -> bool:
        """Save the bereavement and show its follow-up days in the status bar."""
        values = {"person_id": self.person_id, "deceased_name": self.deceased.text(), "deceased_gender": self.gender.currentData(),
                  "relation": self.relation.currentText(), "died_on": self.died_on.date() or self.died_on.text(),
                  "anniversary_calendar": self.calendar.currentData()}
        outcome = self.context.runner.run(lambda: add_bereavement(self.db, values), area="messages")
        if not outcome.ok:
            return False
        self.saved = outcome.value
        self.context.bus.announce("calendar")
        import datetime as dt

        days = "، ".join(f"{f['label']} {format_jalali(dt.date.fromisoformat(f['date']))}" for f in outcome.value["follow_ups"])
        self.context.show_status(self.tr("The bereavement was recorded: {days}.").format(days=days))
        self.accept()
        return True
