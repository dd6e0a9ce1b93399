"""Adding or editing a person: names and salutation, position and organization, numbers, birthday, history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from prdesk.core.contacts import HONORIFICS, POSITIONS, TITLES, validate_person
from prdesk.core.jalali import format_jalali
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store.contacts import Change, add_person, change_position, get_person, update_person
from prdesk.ui.dialogs.contact_form import ContactDialog
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.widgets.organization_picker import OrganizationPicker


class PersonDialog(ContactDialog):
    """The form of one person; new when ``record_id`` is None.

    Editing the position or organization corrects the record, unless the clerk ticks that the
    person moved: then the previous position goes into the history with the day of the move.
    """

    table = "people"

    def __init__(
        self,
        context: PageContext,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        organization: tuple[int, str] | None = None,
    ):
        super().__init__(context, record_id, parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(self.tr("New person") if record_id is None else self.tr("Edit person"))
        self.original: dict = get_person(self.db, record_id) if record_id is not None else {}

        columns = QHBoxLayout()
        columns.setSpacing(24)
        right, left = self.new_form(), self.new_form()
        self.add_column(columns, right)
        self.add_column(columns, left)
        self.layout_.addLayout(columns)

        self.honorific = QComboBox()
        self.honorific.addItem(self.tr("(none)"), "")
        for honorific in HONORIFICS:
            self.honorific.addItem(honorific, honorific)
        self.add_row(right, "honorific", self.tr("Honorific"), self.honorific)
        self.title_box = self.combo(list(TITLES))
        self.add_row(right, "title", self.tr("Title"), self.title_box)
        self.first_name = self.line()
        self.add_row(right, "first_name", self.tr("First name"), self.first_name)
        self.last_name = self.line()
        self.add_row(right, "last_name", self.tr("Last name"), self.last_name)
        self.gender = QComboBox()
        self.gender.addItem(self.tr("Not set"), "")
        self.gender.addItem(self.tr("Male"), "male")
        self.gender.addItem(self.tr("Female"), "female")
        self.add_row(right, "gender", self.tr("Gender"), self.gender, hint=self.tr("For the salutation of letters"))
        self.honorific.currentIndexChanged.connect(self._honorific_chosen)
        self.position = self.combo(list(POSITIONS))
        self.add_row(right, "position", self.tr("Position"), self.position)
        self.organization = OrganizationPicker(self.db)
        self.organization.setPlaceholderText(self.tr("Type part of the name, then choose"))
        self.add_row(right, "organization_id", self.tr("Organization"), self.organization)

        self.moved = QCheckBox(self.tr("Moved to this position: keep the previous one in the history"))
        self.moved.setObjectName("moved")
        self.moved_on = JalaliDateEdit(orientation=Qt.Orientation.Horizontal)
        self.moved_on.set_date(context.today())
        if self.original:
            self.add_row(right, "moved", "", self.moved)
            self.add_row(right, "date", self.tr("Since"), self.moved_on, show_error=self.moved_on.show_error)
            self.position.currentTextChanged.connect(self._position_edited)
            self.organization.organization_changed.connect(self._position_edited)
            self.moved.toggled.connect(self.moved_on.setEnabled)

        self.mobile = self.line(ltr=True, placeholder="۰۹۱۲۳۴۵۶۷۸۹")
        self.add_row(left, "mobile", self.tr("Mobile"), self.mobile)
        self.phone = self.line(ltr=True, placeholder=self.tr("with area code"))
        self.add_row(left, "phone", self.tr("Phone"), self.phone)
        self.email = self.line(ltr=True, placeholder="name@example.ir")
        self.add_row(left, "email", self.tr("Email"), self.email)
        self.birthday = JalaliDateEdit(optional=True, orientation=Qt.Orientation.Horizontal)
        self.add_row(left, "birthday", self.tr("Birthday"), self.birthday, show_error=self.birthday.show_error)
        self.deceased = QCheckBox(self.tr("Deceased (no greetings; addressed as مرحوم/مرحومه)"))
        self.deceased.setObjectName("deceased")
        self.deceased_on = JalaliDateEdit(optional=True, orientation=Qt.Orientation.Horizontal)
        self.deceased_on.setObjectName("deceasedOn")
        self.add_row(left, "deceased_on", self.tr("Date of death"), self.deceased_on, self.deceased,
                     show_error=self.deceased_on.show_error)
        self.salutation = self.line(placeholder=self.tr("Leave empty to write it from gender and title"))
        self.add_row(left, "salutation", self.tr("Salutation"), self.salutation)
        self.is_staff = QCheckBox(self.tr("A colleague on our own staff"))
        self.add_row(left, "is_staff", self.tr("Staff"), self.is_staff, hint=self.tr("Staff birthdays appear in the calendar"))
        self.tags = self.line(placeholder=self.tr("separated by commas"))
        self.add_row(left, "tags", self.tr("Tags"), self.tags)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.add_row(left, "notes", self.tr("Notes"), self.notes)

        if self.original:
            self._build_history()
            from prdesk.ui.dialogs.message_history import message_history_tabs

            self.layout_.addWidget(message_history_tabs(self.db, person_id=record_id, context=self.context))
        self.finish()
        for key in ("first_name", "last_name", "mobile", "phone", "email", "tags"):
            self.editors[key].textEdited.connect(self.errors[key].hide)
        self.organization.textEdited.connect(self.errors["organization_id"].hide)
        if self.original:
            self._show(self.original)
        elif organization is not None:
            self.organization.set_organization(*organization)
        self.first_name.setFocus()
        self.resize(980, self.sizeHint().height())

    # --- building ------------------------------------------------------------------------

    def _build_history(self) -> None:
        caption = QLabel(self.tr("Previous positions"))
        caption.setObjectName("caption")
        self.layout_.addWidget(caption)
        self.history = QTreeWidget()
        self.history.setObjectName("history")
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("Position"), self.tr("Organization"), self.tr("From"), self.tr("To")])
        self.history.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        entries = self.original.get("history", [])
        for entry in entries:
            QTreeWidgetItem(self.history, [
                entry["position"] or "",
                entry["organization"] or "",
                _jalali(entry["from_date"]),
                _jalali(entry["to_date"]),
            ])
        if not entries:
            empty = QTreeWidgetItem(self.history, [self.tr("No previous positions are recorded."), "", "", ""])
            empty.setFirstColumnSpanned(True)  # the whole row: not cut to the position column's width
        rows = max(1, min(len(entries), 4))
        self.history.setFixedHeight(self.history.header().sizeHint().height() + rows * (self.fontMetrics().height() + 8) + 6)
        self.layout_.addWidget(self.history)

    def _show(self, person: dict) -> None:
        self.honorific.setCurrentIndex(max(0, self.honorific.findData(person["honorific"])))
        self.title_box.setCurrentText(person["title"])
        self.first_name.setText(person["first_name"])
        self.last_name.setText(person["last_name"])
        self.gender.setCurrentIndex(max(0, self.gender.findData(person["gender"])))
        self.position.setCurrentText(person["position"])
        self.organization.set_organization(person["organization_id"], person["organization"])
        self.mobile.setText(to_persian_digits(person["mobile"]))
        self.phone.setText(to_persian_digits(person["phone"]))
        self.email.setText(person["email"])
        self.birthday.set_date(dt.date.fromisoformat(person["birthday"]) if person["birthday"] else None)
        self.is_staff.setChecked(bool(person["is_staff"]))
        self.tags.setText("، ".join(person["tags"]))
        self.notes.setPlainText(person["notes"])
        self.deceased.setChecked(bool(person.get("deceased")))
        self.deceased_on.set_date(dt.date.fromisoformat(person["deceased_on"]) if person.get("deceased_on") else None)
        self.salutation.setText(person.get("salutation") or "")
        self.moved.setChecked(False)
        self.moved.setEnabled(False)
        self.moved_on.setEnabled(False)

    def _honorific_chosen(self) -> None:
        gender = HONORIFICS.get(self.honorific.currentData() or "", "")
        if gender and not self.gender.currentData():
            self.gender.setCurrentIndex(self.gender.findData(gender))

    def _position_edited(self, *_args) -> None:
        changed = self.position_changed()
        self.moved.setEnabled(changed)
        if not changed:
            self.moved.setChecked(False)

    def position_changed(self) -> bool:
        """Whether the position or the organization differs from the saved one."""
        if not self.original:
            return False
        return (self.position.currentText().strip() != self.original["position"]
                or self.organization.organization_id != self.original["organization_id"])

    # --- saving --------------------------------------------------------------------------

    def values(self) -> dict:
        birthday = self.birthday.date() or self.birthday.text()
        return {
            "honorific": self.honorific.currentData() or "",
            "title": self.title_box.currentText(),
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "gender": self.gender.currentData() or "",
            "position": self.position.currentText(),
            "organization_id": self.organization.organization_id,
            "mobile": self.mobile.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "birthday": birthday,
            "is_staff": self.is_staff.isChecked(),
            "tags": self.tags.text(),
            "notes": self.notes.toPlainText(),
            "deceased": self.deceased.isChecked(),
            "deceased_on": self.deceased_on.date() or self.deceased_on.text(),
            "salutation": self.salutation.text(),
        }

    def check(self, data: dict) -> None:
        if not self.organization.resolve():
            raise ValidationError(
                self.tr("No organization is called «{name}». Choose one from the list that opens while you type, "
                        "or leave the field empty.").format(name=self.organization.text().strip()),
                "organization_id",
            )
        data["organization_id"] = self.organization.organization_id
        validate_person(data)
        if self.moved.isChecked() and self.position_changed():
            self.moved_on.check("date")

    def write(self, data: dict) -> Change | None:
        if self.record_id is None:
            return add_person(self.db, data)
        if not (self.moved.isChecked() and self.position_changed()):
            change = update_person(self.db, self.record_id, data)
            return None if change.action == "unchanged" else change
        position = data.pop("position")
        organization_id = data.pop("organization_id")
        # One action, one transaction: the corrected fields and the move are saved together.
        with self.db.atomic():
            corrected = update_person(self.db, self.record_id, data)
            moved = change_position(self.db, self.record_id, position, organization_id, self.moved_on.date())
        changes = [c for c in (corrected, moved) if c.action != "unchanged"]
        return changes[-1] if changes else None


def _jalali(iso: str | None) -> str:
    return format_jalali(dt.date.fromisoformat(iso)) if iso else ""
