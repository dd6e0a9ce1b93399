"""Adding or editing an organization: name, kind, activity, place, labelled phone numbers, tags."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.contacts import PHONE_LABELS, PROVINCES, validate_organization
from prdesk.core.text import to_persian_digits
from prdesk.store.contacts import Change, add_organization, get_organization, list_cities, lookup_values, update_organization
from prdesk.ui.dialogs.contact_form import ContactDialog
from prdesk.ui.pages.base import PageContext


class PhoneList(QWidget):
    """Several phone numbers, each with a label (دفتر، مدیرعامل، روابط عمومی …); one empty row to type into."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[QComboBox, QLineEdit, QWidget]] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.add_button = QPushButton(self.tr("Add another number"))
        self.add_button.setObjectName("addPhone")
        self.add_button.clicked.connect(lambda: self.add_phone().setFocus())
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        self.column.addLayout(bottom)
        self.add_phone()

    def add_phone(self, label: str = "", number: str = "") -> QLineEdit:
        """A new row at the end; returns its number field."""
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        label_box = QComboBox()
        label_box.setEditable(True)
        label_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        label_box.addItem("")
        label_box.addItems(PHONE_LABELS)
        label_box.setCurrentText(label)
        label_box.lineEdit().setPlaceholderText(self.tr("Label"))
        label_box.setMinimumWidth(120)
        number_edit = QLineEdit(to_persian_digits(number))
        number_edit.setPlaceholderText(self.tr("with area code"))
        number_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        number_edit.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        number_edit.textEdited.connect(self.changed)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this number"))
        remove.clicked.connect(lambda: self.remove_phone(holder))
        row.addWidget(label_box)
        row.addWidget(number_edit, 1)
        row.addWidget(remove)
        self.column.insertWidget(len(self.rows), holder)
        self.rows.append((label_box, number_edit, holder))
        self.setFocusProxy(self.rows[0][1])
        return number_edit

    def remove_phone(self, holder: QWidget) -> None:
        self.rows = [r for r in self.rows if r[2] is not holder]
        holder.setParent(None)
        holder.deleteLater()
        if not self.rows:
            self.add_phone()
        self.setFocusProxy(self.rows[0][1])
        self.changed.emit()

    def set_phones(self, phones: list[dict]) -> None:
        for _, _, holder in list(self.rows):
            holder.setParent(None)
            holder.deleteLater()
        self.rows = []
        for phone in phones:
            self.add_phone(phone.get("label", ""), phone.get("number", ""))
        if not phones:
            self.add_phone()

    def phones(self) -> list[dict]:
        """The numbers typed (empty rows left out), each with its label."""
        return [
            {"label": label.currentText().strip(), "number": number.text().strip()}
            for label, number, _ in self.rows
            if number.text().strip()
        ]

    def number_edits(self) -> list[QLineEdit]:
        return [number for _, number, _ in self.rows]

    def label_boxes(self) -> list[QComboBox]:
        return [label for label, _, _ in self.rows]


class OrganizationDialog(ContactDialog):
    """The form of one organization; new when ``record_id`` is None."""

    table = "organizations"

    def __init__(self, context: PageContext, record_id: int | None = None, parent: QWidget | None = None):
        super().__init__(context, record_id, parent)
        self.setObjectName("organizationDialog")
        self.setWindowTitle(self.tr("New organization") if record_id is None else self.tr("Edit organization"))
        self.original: dict = get_organization(self.db, record_id) if record_id is not None else {}

        columns = QHBoxLayout()
        columns.setSpacing(24)
        right, left = self.new_form(), self.new_form()
        self.add_column(columns, right)
        self.add_column(columns, left)
        self.layout_.addLayout(columns)

        self.name = self.line()
        self.add_row(right, "name", self.tr("Name"), self.name)
        self.kind = self.combo(lookup_values(self.db, "kind"))
        self.add_row(right, "kind", self.tr("Kind"), self.kind)
        self.activity = self.combo(lookup_values(self.db, "activity"))
        self.add_row(right, "activity", self.tr("Activity"), self.activity)
        self.registration_no = self.line(ltr=True)
        self.add_row(right, "registration_no", self.tr("Registration no."), self.registration_no)
        self.province = self.combo(list(PROVINCES), editable=False)
        self.add_row(right, "province", self.tr("Province"), self.province)
        self.city = self.combo([])
        self.add_row(right, "city", self.tr("City"), self.city)
        self.province.currentTextChanged.connect(self._fill_cities)
        self.address = self.line()
        self.add_row(right, "address", self.tr("Address"), self.address)
        self.postal_code = self.line(ltr=True, placeholder=self.tr("10 digits"))
        self.add_row(right, "postal_code", self.tr("Postal code"), self.postal_code)

        self.phones = PhoneList()
        self.add_row(left, "phones", self.tr("Phones"), self.phones)
        self.fax = self.line(ltr=True, placeholder=self.tr("with area code"))
        self.add_row(left, "fax", self.tr("Fax"), self.fax)
        self.email = self.line(ltr=True, placeholder="info@example.ir")
        self.add_row(left, "email", self.tr("Email"), self.email)
        self.website = self.line(ltr=True, placeholder="www.example.ir")
        self.add_row(left, "website", self.tr("Website"), self.website)
        self.tags = self.line(placeholder=self.tr("separated by commas"))
        self.add_row(left, "tags", self.tr("Tags"), self.tags)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.add_row(left, "notes", self.tr("Notes"), self.notes)

        self.people_label = QLabel()
        self.people_label.setObjectName("hint")
        if self.original:
            count = self.original.get("people_count", 0)
            self.people_label.setText(
                self.tr("{count} people of the contacts work here.").format(count=to_persian_digits(count))
                if count
                else self.tr("No person of the contacts is linked to this organization.")
            )
            self.layout_.addWidget(self.people_label)
            from prdesk.ui.dialogs.message_history import message_history_tabs

            self.layout_.addWidget(message_history_tabs(self.db, organization_id=record_id, context=self.context))
        self.finish()
        for key in ("name", "address", "tags", "registration_no", "postal_code", "fax", "email", "website"):
            self.editors[key].textEdited.connect(self.errors[key].hide)
        self.phones.changed.connect(self.errors["phones"].hide)
        if self.original:
            self._show(self.original)
        self.name.setFocus()
        self.resize(980, self.sizeHint().height())

    def _fill_cities(self, province: str) -> None:
        typed = self.city.currentText()
        self.city.blockSignals(True)
        self.city.clear()
        self.city.addItem("")
        self.city.addItems(list_cities(self.db, province) if province else [])
        self.city.setCurrentText(typed)
        self.city.blockSignals(False)

    def _show(self, org: dict) -> None:
        self.name.setText(org["name"])
        self.kind.setCurrentText(org["kind"])
        self.activity.setCurrentText(org["activity"])
        self.registration_no.setText(to_persian_digits(org["registration_no"]))
        self.province.setCurrentIndex(max(0, self.province.findText(org["province"])))
        self.city.setCurrentText(org["city"])
        self.address.setText(org["address"])
        self.postal_code.setText(to_persian_digits(org["postal_code"]))
        self.phones.set_phones(org["phones"])
        self.fax.setText(to_persian_digits(org["fax"]))
        self.email.setText(org["email"])
        self.website.setText(org["website"])
        self.tags.setText("، ".join(org["tags"]))
        self.notes.setPlainText(org["notes"])

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentText(),
            "activity": self.activity.currentText(),
            "registration_no": self.registration_no.text(),
            "province": self.province.currentText(),
            "city": self.city.currentText(),
            "address": self.address.text(),
            "postal_code": self.postal_code.text(),
            "phones": self.phones.phones(),
            "fax": self.fax.text(),
            "email": self.email.text(),
            "website": self.website.text(),
            "tags": self.tags.text(),
            "notes": self.notes.toPlainText(),
        }

    def check(self, data: dict) -> None:
        validate_organization(data)

    def write(self, data: dict) -> Change | None:
        if self.record_id is None:
            return add_organization(self.db, data)
        change = update_organization(self.db, self.record_id, data)
        return None if change.action == "unchanged" else change
