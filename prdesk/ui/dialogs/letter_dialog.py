"""Writing a quick letter: the composer the letters page embeds, and the same composer as a dialog."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from prdesk.core.contacts import ContactFilter
from prdesk.core.salutation import honorific_salutation
from prdesk.core.letter_number import COPY_PURPOSES, SALUTATIONS, SECURITY_CLASSES, URGENCIES, CopyRecipient, Letter
from prdesk.core.text import clean, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.printing.letter import PAPERS, render_letter
from prdesk.ui.dialogs.first_run import warn_unfinished_letterhead
from prdesk.store import contacts as contacts_store
from prdesk.store.letters import register_letter
from prdesk.store.settings import get_settings
from prdesk.ui import printing
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.pdf_preview import PdfPreviewDialog, show_pdf
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit

#: What a draft shows where the number goes: a printed draft can never pass for a sent letter.
DRAFT_NUMBER = "پیش‌نویس"
_INDEX = QModelIndex | QPersistentModelIndex
ATTACHMENT_NONE, ATTACHMENT_YES, ATTACHMENT_COUNT = "none", "yes", "count"


class RecipientChoices(QAbstractListModel):
    """The few people and organizations matching what was typed: never the whole directory.

    Asked from the store (its trigram index) with a limit, so it answers as fast with 100,000
    people as with 100.
    """

    PEOPLE = 15
    ORGANIZATIONS = 5

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self._rows: list[dict] = []

    def search(self, text: str) -> None:
        """Replace the choices by the best matches of ``text`` (none for an empty text)."""
        rows: list[dict] = []
        if clean(text):
            f = ContactFilter(text=text)
            for person in contacts_store.query_people(self.db, f, "relevance", self.PEOPLE):
                rows.append({**person, "choice": "person"})
            for org in contacts_store.query_organizations(self.db, f, "relevance", self.ORGANIZATIONS):
                rows.append({**org, "choice": "organization"})
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return to_persian_digits(describe_choice(row))
        if role == Qt.ItemDataRole.EditRole:
            return row["full_name"] if row["choice"] == "person" else row["name"]
        if role == Qt.ItemDataRole.UserRole:
            return index.row()
        return None

    def choice(self, row: int) -> dict | None:
        """The person or organization on ``row``: a store row with ``choice`` ("person" or "organization")."""
        return self._rows[row] if 0 <= row < len(self._rows) else None


def describe_choice(row: dict) -> str:
    """One line of the popup: «آقای دکتر علی رضایی — مدیرعامل، اتحادیه … (کاشان)»."""
    if row["choice"] == "person":
        where = "، ".join(p for p in (clean(row.get("position")), clean(row.get("organization"))) if p)
        text = row["full_name"] + (f" — {where}" if where else "")
    else:
        text = row["name"]
    city = clean(row.get("city"))
    return f"{text} ({city})" if city else text


class RecipientPicker(QLineEdit):
    """Search the directory as you type; choosing a line emits ``chosen`` with the store row."""

    chosen = Signal(dict)

    def __init__(self, db: Database, parent: QWidget | None = None, *, delay_ms: int = 150):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.choices = RecipientChoices(db, self)
        self.completer_ = QCompleter(self.choices, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(lambda index: self.choose_row(index.row()))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.show_choices)
        self.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        if clean(text):
            self.timer.start()
        else:
            self.timer.stop()
            self.completer_.popup().hide()

    def show_choices(self) -> None:
        """Ask the store for the matches of the text now and open the popup."""
        self.timer.stop()
        self.choices.search(self.text())
        if self.choices.rowCount() and self.hasFocus():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def choose_row(self, row: int) -> None:
        """Take choice ``row``, as a click on it does."""
        choice = self.choices.choice(row)
        self.completer_.popup().hide()
        if choice is not None:
            self.clear()
            self.chosen.emit(choice)


class CopyLine(QWidget):
    """One رونوشت line: who gets a copy, and why."""

    removed = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.to = QLineEdit()
        self.to.setPlaceholderText(self.tr("Who receives a copy, e.g. the deputy for cooperatives"))
        self.purpose = QComboBox()
        self.purpose.addItems(COPY_PURPOSES)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this copy line"))
        self.remove.setAutoRaise(True)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        row.addWidget(self.to, 1)
        row.addWidget(self.purpose)
        row.addWidget(self.remove)

    def value(self) -> CopyRecipient | None:
        return CopyRecipient(clean(self.to.text()), self.purpose.currentText()) if clean(self.to.text()) else None


class CopyList(QWidget):
    """The letter's رونوشت lines, added and removed by the clerk."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lines: list[CopyLine] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(4)
        self.add_button = QPushButton(self.tr("Add a copy recipient"))
        self.add_button.clicked.connect(lambda: self.add_line())
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        self.box.addLayout(bottom)

    def add_line(self, to: str = "", purpose: str = "") -> CopyLine:
        line = CopyLine(self)
        line.to.setText(to)
        if purpose in COPY_PURPOSES:
            line.purpose.setCurrentText(purpose)
        line.removed.connect(self.remove_line)
        self.box.insertWidget(len(self.lines), line)
        self.lines.append(line)
        line.to.setFocus()
        return line

    def remove_line(self, line: QWidget) -> None:
        if line in self.lines:
            self.lines.remove(line)
            line.deleteLater()

    def copies(self) -> list[CopyRecipient]:
        return [c for c in (line.value() for line in self.lines) if c is not None]

    def clear(self) -> None:
        for line in list(self.lines):
            self.remove_line(line)


class LetterComposer(QWidget):
    """A quick letter: recipient (from the directory or typed), subject, body, copies; Preview, Register and print."""

    #: A letter was registered: (register id, number).
    registered = Signal(int, str)

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letterComposer")
        self.context = context
        self.person_id: int | None = None
        self.organization_id: int | None = None
        #: The preview opened last (a draft or a registered letter), for focus and for the tests.
        self.preview_dialog: PdfPreviewDialog | None = None
        self._build()
        self.clear()

    # --- building ---------------------------------------------------------------------------

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        return form

    def _build(self) -> None:
        db = self.context.db
        # --- the recipient
        recipient_box = QGroupBox(self.tr("Recipient"))
        form = self._form()
        recipient_box.setLayout(form)
        self.picker = RecipientPicker(db)
        self.picker.setObjectName("recipientPicker")
        self.picker.setPlaceholderText(self.tr("Find in contacts: name, organization, position…"))
        self.picker.chosen.connect(self.fill_recipient)
        form.addRow(self.tr("Find:"), self.picker)
        self.salutation = QComboBox()
        self.salutation.setEditable(True)
        self.salutation.addItems(["", *SALUTATIONS])
        form.addRow(self.tr("Salutation:"), self.salutation)
        self.recipient_title = QLineEdit()
        self.recipient_title.setPlaceholderText(self.tr("e.g. Dr., Eng."))
        form.addRow(self.tr("Title:"), self.recipient_title)
        self.recipient_name = QLineEdit()
        form.addRow(self.tr("Name:"), self.recipient_name)
        self.recipient_position = QLineEdit()
        self.recipient_position.setPlaceholderText(self.tr("e.g. Managing director"))
        form.addRow(self.tr("Position:"), self.recipient_position)
        self.recipient_organization = QLineEdit()
        form.addRow(self.tr("Organization:"), self.recipient_organization)
        for edit in (self.recipient_name, self.recipient_organization):
            edit.textEdited.connect(self._recipient_typed)

        # --- the letter's marks
        details_box = QGroupBox(self.tr("Letter"))
        form = self._form()
        details_box.setLayout(form)
        self.date = JalaliDateEdit(orientation=Qt.Orientation.Vertical)
        self.date.setObjectName("letterDate")
        form.addRow(self.tr("Date:"), self.date)
        self.attachments = QComboBox()
        self.attachments.addItem(self.tr("None"), ATTACHMENT_NONE)
        self.attachments.addItem(self.tr("Enclosed"), ATTACHMENT_YES)
        self.attachments.addItem(self.tr("Number of sheets"), ATTACHMENT_COUNT)
        self.attachment_count = QSpinBox()
        self.attachment_count.setRange(1, 999)
        self.attachment_count.setSuffix(" " + self.tr("sheet(s)"))
        self.attachments.currentIndexChanged.connect(
            lambda: self.attachment_count.setEnabled(self.attachments.currentData() == ATTACHMENT_COUNT)
        )
        row = QHBoxLayout()
        row.addWidget(self.attachments, 1)
        row.addWidget(self.attachment_count)
        form.addRow(self.tr("Attachments:"), row)
        self.security = QComboBox()
        self.security.addItem(self.tr("(not printed)"), "")
        for value in SECURITY_CLASSES:
            self.security.addItem(value, value)
        form.addRow(self.tr("Classification:"), self.security)
        self.urgency = QComboBox()
        self.urgency.addItem(self.tr("(not printed)"), "")
        for value in URGENCIES:
            self.urgency.addItem(value, value)
        form.addRow(self.tr("Urgency:"), self.urgency)
        self.paper = QComboBox()
        for name in PAPERS:
            self.paper.addItem(name, name)
        self.paper.setCurrentIndex(max(0, self.paper.findData(get_settings(db).get("paper_size", "A4"))))
        form.addRow(self.tr("Paper:"), self.paper)
        self.preprinted = QCheckBox(self.tr("Pre-printed letterhead paper"))
        self.preprinted.setToolTip(
            self.tr("Print only the text, into the places the office's printed letterhead paper leaves for it")
        )
        form.addRow("", self.preprinted)

        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 6, 0)
        side_box.addWidget(recipient_box)
        side_box.addWidget(details_box)
        side_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(340)
        scroll.setMaximumWidth(430)
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.side_scroll = scroll

        # --- the text
        main = QVBoxLayout()
        main.setSpacing(6)
        subject_row = QHBoxLayout()
        subject_label = QLabel(self.tr("Subject:"))
        self.subject = QLineEdit()
        self.subject.setObjectName("letterSubject")
        subject_label.setBuddy(self.subject)
        subject_row.addWidget(subject_label)
        subject_row.addWidget(self.subject, 1)
        main.addLayout(subject_row)
        self.body = QPlainTextEdit()
        self.body.setObjectName("letterBody")
        self.body.setPlaceholderText(
            self.tr("The text of the letter, after «With greetings and respect». Each line is a paragraph.")
        )
        option = QTextOption(self.body.document().defaultTextOption())
        # A paragraph that starts with a number or a Latin word still reads from the right.
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.body.document().setDefaultTextOption(option)
        self.body.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        font = self.body.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.body.setFont(font)
        main.addWidget(self.body, 1)
        copies_box = QGroupBox(self.tr("Copies"))
        copies_layout = QVBoxLayout(copies_box)
        copies_layout.setContentsMargins(8, 6, 8, 6)
        self.copies = CopyList()
        copies_layout.addWidget(self.copies)
        main.addWidget(copies_box)

        buttons = QHBoxLayout()
        self.register_button = QPushButton(self.tr("Register and print"))
        self.register_button.setObjectName("registerButton")
        self.register_button.setToolTip(self.tr("Give the letter the next number in the register, then print it"))
        self.register_button.clicked.connect(lambda: self.register_and_print())
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("See the letter as it will be printed; no number is taken"))
        self.preview_button.clicked.connect(lambda: self.preview())
        self.clear_button = QPushButton(self.tr("New letter"))
        self.clear_button.setToolTip(self.tr("Empty the form for another letter"))
        self.clear_button.clicked.connect(self.ask_clear)
        for button in (self.register_button, self.preview_button, self.clear_button):
            # Enter in a field must never register a letter (in the dialog a default button would).
            button.setAutoDefault(False)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        main.addLayout(buttons)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(14)
        outer.addWidget(scroll, 2)  # first: on the right in a right-to-left window
        outer.addLayout(main, 3)

        preview_key = QShortcut(QKeySequence("Ctrl+Shift+P"), self)
        preview_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        preview_key.activated.connect(lambda: self.preview())
        self.preview_button.setToolTip(self.preview_button.toolTip() + " (Ctrl+Shift+P)")

        self.setTabOrder(self.picker, self.salutation)
        self.setTabOrder(self.recipient_organization, self.subject)
        self.setTabOrder(self.subject, self.body)

    # --- the recipient ----------------------------------------------------------------------

    def fill_recipient(self, row: dict) -> None:
        """Fill the recipient from a directory row (``choice`` says whether a person or an organization)."""
        if row.get("choice") == "organization":
            self.person_id, self.organization_id = None, row["id"]
            self.salutation.setCurrentText("")
            self.recipient_title.clear()
            self.recipient_name.clear()
            self.recipient_position.clear()
            self.recipient_organization.setText(row["name"])
        else:
            self.person_id, self.organization_id = row["id"], row.get("organization_id")
            # The gender says «سرکار خانم» even when the honorific was never set (one resolver for letters and messages).
            self.salutation.setCurrentText(honorific_salutation(row))
            self.recipient_title.setText(clean(row.get("title")))
            name = " ".join(p for p in (clean(row.get("first_name")), clean(row.get("last_name"))) if p)
            self.recipient_name.setText(name)
            self.recipient_position.setText(clean(row.get("position")))
            self.recipient_organization.setText(clean(row.get("organization")))
        self.subject.setFocus(Qt.FocusReason.OtherFocusReason)

    def fill_person(self, person_id: int) -> None:
        """Address the letter to a person of the directory (for pages that open the composer)."""
        person = contacts_store.get_person(self.context.db, person_id)
        organization = ""
        if person.get("organization_id"):
            organization = contacts_store.get_organization(self.context.db, person["organization_id"]).get("name", "")
        self.fill_recipient({**person, "organization": organization, "choice": "person"})

    def _recipient_typed(self, *_args) -> None:
        # Typing over a chosen name means the letter is no longer tied to that directory entry.
        self.person_id = self.organization_id = None

    # --- reading the form -------------------------------------------------------------------

    def attachments_text(self) -> str:
        kind = self.attachments.currentData()
        if kind == ATTACHMENT_YES:
            return "دارد"
        if kind == ATTACHMENT_COUNT:
            return f"{self.attachment_count.value()} برگ"
        return "ندارد"

    def letter(self, number: str = "") -> Letter:
        """The letter the form describes; ValidationError (with its field) when it cannot be sent."""
        date = self.date.check("date")
        letter = Letter(
            body=self.body.toPlainText(),
            subject=clean(self.subject.text()),
            number=number,
            date=date,
            attachments=self.attachments_text(),
            security=self.security.currentData() or "",
            urgency=self.urgency.currentData() or "",
            salutation=clean(self.salutation.currentText()),
            recipient_title=clean(self.recipient_title.text()),
            recipient_name=clean(self.recipient_name.text()),
            recipient_position=clean(self.recipient_position.text()),
            recipient_organization=clean(self.recipient_organization.text()),
            copies=self.copies.copies(),
        )
        if not letter.heading_lines():
            raise ValidationError(
                self.tr("Write whom the letter is for: a name, a position or an organization "
                        "(or find them in the contacts)."),
                field="recipient",
            )
        if not clean(letter.body):
            raise ValidationError(self.tr("The letter has no text yet. Write its body, then try again."), field="body")
        return letter

    def register_fields(self, letter: Letter) -> dict:
        """What the register keeps of ``letter`` (its row; the number is given by the store)."""
        settings = get_settings(self.context.db)
        return {
            "date": letter.date,
            "recipient": letter.recipient_summary(),
            "subject": letter.subject,
            "body": letter.body,
            "attachments": letter.attachments,
            "security": letter.security,
            "urgency": letter.urgency,
            "signer": clean(settings.get("signatory_name", "")),
            "signer_position": clean(settings.get("signatory_position", "")),
            "copies": letter.copies,
            "person_id": self.person_id,
            "organization_id": self.organization_id,
            # So the register can reprint it as it went out.
            "paper": self.paper.currentData(),
            "preprinted": self.preprinted.isChecked(),
        }

    def render(self, letter: Letter) -> bytes:
        """The letter as PDF bytes, on the paper and letterhead chosen in the form."""
        settings = get_settings(self.context.db)
        return render_letter(letter, settings, paper=self.paper.currentData(), preprinted=self.preprinted.isChecked())

    # --- actions ------------------------------------------------------------------------------

    def show_invalid(self, exc: ValidationError) -> None:
        """Say what is wrong and put the cursor where it can be put right."""
        editors = {
            "recipient": self.recipient_name if not clean(self.recipient_organization.text()) else self.recipient_organization,
            "body": self.body,
            "date": self.date,
        }
        if exc.field == "date":
            self.date.show_error(str(exc))
        messages.show_error(self, str(exc), title=self.tr("The letter is not complete"))
        editor = editors.get(exc.field or "")
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.context.show_status(self.tr("Nothing was registered; correct the letter and try again."))

    def preview(self) -> PdfPreviewDialog | None:
        """Show the letter as a draft: no number is taken and nothing is written."""
        try:
            letter = self.letter(number=DRAFT_NUMBER)
            data = self.render(letter)
        except ValidationError as exc:
            self.show_invalid(exc)
            return None
        title = self.tr("Draft: {subject}").format(subject=letter.subject or self.tr("letter"))
        self.preview_dialog = show_pdf(self, data, title=title, file_name=printing.safe_file_name(self.tr("draft letter")))
        warn_unfinished_letterhead(self.preview_dialog, self.context.db)
        return self.preview_dialog

    def register_and_print(self) -> tuple[int, str] | None:
        """Register the letter (its number is given in the same transaction), then open it to print.

        Returns (register id, number), or None when the form was refused; nothing is written then.
        """
        try:
            letter = self.letter()
        except ValidationError as exc:
            self.show_invalid(exc)
            return None
        fields = self.register_fields(letter)
        outcome = self.context.runner.run(
            lambda: register_letter(self.context.db, fields), area="letters", on_invalid=self.show_invalid
        )
        if not outcome.ok:
            return None
        letter_id, number = outcome.value
        letter.number = number
        shown = to_persian_digits(number)
        self.context.show_status(self.tr("Letter {number} was entered in the register.").format(number=shown))
        self.registered.emit(letter_id, number)
        data = self.render(letter)
        self.clear()
        self.preview_dialog = show_pdf(
            self, data, title=self.tr("Letter {number}").format(number=shown),
            file_name=printing.safe_file_name(self.tr("letter {number}").format(number=number)),
        )
        warn_unfinished_letterhead(self.preview_dialog, self.context.db)
        return letter_id, number

    def is_empty(self) -> bool:
        """True when nothing of a letter has been written yet."""
        return not any(
            clean(t) for t in (
                self.body.toPlainText(), self.subject.text(), self.recipient_name.text(),
                self.recipient_organization.text(), self.recipient_position.text(),
            )
        ) and not self.copies.copies()

    def ask_clear(self) -> None:
        if self.is_empty() or messages.confirm(self, self.tr("Throw away the letter in the form and start a new one?")):
            self.clear()

    def clear(self) -> None:
        """An empty letter dated today; the paper and letterhead choice stay as they were."""
        self.person_id = self.organization_id = None
        self.picker.clear()
        self.salutation.setCurrentText("")
        for edit in (self.recipient_title, self.recipient_name, self.recipient_position,
                     self.recipient_organization, self.subject):
            edit.clear()
        self.body.clear()
        self.copies.clear()
        self.attachments.setCurrentIndex(0)
        self.attachment_count.setValue(1)
        self.attachment_count.setEnabled(False)
        self.security.setCurrentIndex(0)
        self.urgency.setCurrentIndex(0)
        self.date.set_date(self.context.today())


class LetterDialog(QDialog):
    """The composer in its own window, for pages that start a letter (e.g. to a contact)."""

    def __init__(self, context: PageContext, *, person_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letterDialog")
        self.setWindowTitle(self.tr("New letter"))
        self.composer = LetterComposer(context, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.composer)
        if person_id is not None:
            self.composer.fill_person(person_id)
        self.resize(1000, 680)
