"""The office's own recurring occasions (its founding day, …): the dialog for one, and the list of them and of hidden ones."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import hijri, jalali
from prdesk.core import occasions as occ
from prdesk.core.calendars import gregorian_month_names
from prdesk.core.occasions import Rule
from prdesk.core.text import to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store import calendar as cal
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.calendar_form import CalendarDialog
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.month_view import weekday_names

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
#: How far ahead the dialog looks for the next day an occasion falls on (a fifth Friday may skip a year).
LOOK_AHEAD_DAYS = 800


def calendar_names() -> dict[str, str]:
    """The calendars an occasion can follow."""
    return {
        "jalali": QCoreApplication.translate("OccasionDialog", "Solar (Jalali)"),
        "hijri": QCoreApplication.translate("OccasionDialog", "Lunar (Hijri)"),
        "gregorian": QCoreApplication.translate("OccasionDialog", "Gregorian"),
    }


def rule_type_names() -> dict[str, str]:
    """The kinds of rule, in the order the dialog offers them."""
    return {
        "fixed": QCoreApplication.translate("OccasionDialog", "A fixed day of the month"),
        "nth_weekday": QCoreApplication.translate("OccasionDialog", "A weekday of the month (first … fifth, or last)"),
        "month_end": QCoreApplication.translate("OccasionDialog", "The last day of the month"),
    }


def message_names() -> dict[str, str]:
    """What is customarily sent on the day."""
    return {
        "greeting": QCoreApplication.translate("OccasionDialog", "Greeting"),
        "condolence": QCoreApplication.translate("OccasionDialog", "Condolence"),
        "none": QCoreApplication.translate("OccasionDialog", "No message"),
    }


def ordinal_names() -> dict[int, str]:
    """Which of the month's weekdays: first … fifth, or the last."""
    return {
        1: QCoreApplication.translate("OccasionDialog", "First"),
        2: QCoreApplication.translate("OccasionDialog", "Second"),
        3: QCoreApplication.translate("OccasionDialog", "Third"),
        4: QCoreApplication.translate("OccasionDialog", "Fourth"),
        5: QCoreApplication.translate("OccasionDialog", "Fifth"),
        occ.LAST: QCoreApplication.translate("OccasionDialog", "Last"),
    }


def month_names(calendar: str) -> tuple[str, ...]:
    """The month names of ``calendar`` (proper names: the same in every language of the app)."""
    return {
        "jalali": jalali.jalali_month_names,
        "hijri": hijri.hijri_month_names,
        "gregorian": gregorian_month_names,
    }[calendar]


def next_date(calendar: str, rule: Rule, today: dt.date, correction: int = 0) -> dt.date | None:
    """The first day from ``today`` on that the rule falls on, or None when it does not within two years."""
    dates = occ.rule_dates(calendar, rule, today, today + dt.timedelta(days=LOOK_AHEAD_DAYS), correction)
    return dates[0] if dates else None


class OccasionDialog(CalendarDialog):
    """Adds one of the office's own recurring occasions or edits one; Ctrl+S saves, nothing saved on an error."""

    def __init__(
        self,
        context: PageContext,
        *,
        occasion: cal.CustomOccasion | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(context, occasion, parent)
        self.setObjectName("occasionDialog")
        self.setWindowTitle(self.tr("Edit the office's occasion") if occasion else self.tr("New occasion of the office"))
        self._build()
        if occasion is not None:
            self._load(occasion)
        self._rule_changed()
        self.title.setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = self.start_form()

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Founding day of the fund"))
        self.add_row("title", self.tr("Title"), self.title)

        self.calendar = QComboBox()
        for key, name in calendar_names().items():
            self.calendar.addItem(name, key)
        self.add_row("calendar", self.tr("Calendar"), self.calendar)

        self.rule_type = QComboBox()
        for key, name in rule_type_names().items():
            self.rule_type.addItem(name, key)
        self.add_row("rule", self.tr("Falls on"), self.rule_type)

        self.month = QComboBox()
        self.month.setMaxVisibleItems(12)
        self.add_row("month", self.tr("Month"), self.month)

        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.day.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.day.setMinimumWidth(self.fontMetrics().horizontalAdvance("۳۰") + 60)
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.day)
        line.addStretch(1)
        self.day_row = self.add_row("day", self.tr("Day"), holder)
        self.editors["day"] = self.day

        self.nth = QComboBox()
        for key, name in ordinal_names().items():
            self.nth.addItem(name, key)
        self.weekday = QComboBox()
        for index, name in enumerate(weekday_names()):
            self.weekday.addItem(name, index)
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.nth)
        line.addWidget(self.weekday)
        line.addStretch(1)
        self.weekday_row = self.add_row("nth", self.tr("Weekday"), holder)
        self.editors["nth"], self.editors["weekday"] = self.nth, self.weekday
        self.errors["weekday"] = self.errors["nth"]

        self.holiday = QCheckBox(self.tr("Official holiday (the office is closed)"))
        self.add_row("holiday", "", self.holiday, error=False)

        self.message = QComboBox()
        for key, name in message_names().items():
            self.message.addItem(name, key)
        self.add_row("message", self.tr("Message"), self.message)

        self.notes = QLineEdit()
        self.add_row("notes", self.tr("Notes"), self.notes)

        self.summary = QLabel()
        self.summary.setObjectName("occasionSummary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)

        self.add_buttons(outer, self.tr("Save the occasion (Ctrl+S)"), self.tr("Delete occasion"))

        self._fill_months()
        self.calendar.currentIndexChanged.connect(self._calendar_changed)
        for signal in (self.rule_type.currentIndexChanged, self.month.currentIndexChanged, self.day.valueChanged,
                       self.nth.currentIndexChanged, self.weekday.currentIndexChanged):
            signal.connect(self._rule_changed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("م") * 42)

    def _fill_months(self) -> None:
        chosen = max(self.month.currentIndex(), 0)
        self.month.blockSignals(True)
        self.month.clear()
        for number, name in enumerate(month_names(self.calendar.currentData()), start=1):
            self.month.addItem(name, number)
        self.month.setCurrentIndex(chosen)
        self.month.blockSignals(False)

    def _calendar_changed(self) -> None:
        self._fill_months()
        self._rule_changed()

    def _rule_changed(self) -> None:
        kind = self.rule_type.currentData()
        self.form.setRowVisible(self.day_row, kind == "fixed")
        self.form.setRowVisible(self.weekday_row, kind == "nth_weekday")
        self._show_summary()

    def _show_summary(self) -> None:
        """The rule in words and the next day it falls on, so the clerk sees what was chosen."""
        calendar = self.calendar.currentData()
        try:
            rule = Rule.from_dict(self.rule())
        except ValidationError:
            self.summary.clear()
            return
        today = self.context.today()
        upcoming = next_date(calendar, rule, today, cal.lunar_correction(self.context.db))
        when = occ.describe_rule(calendar, rule)
        if upcoming is None:
            text = self.tr("{rule} — not in the next two years; check the day.").format(rule=when)
        else:
            text = self.tr("{rule} — next: {date}").format(rule=when, date=jalali.format_jalali_long(upcoming))
        self.summary.setText(text)

    # --- values -----------------------------------------------------------------------------

    def _load(self, occasion: cal.CustomOccasion) -> None:
        self.title.setText(occasion.title)
        self.calendar.setCurrentIndex(self.calendar.findData(occasion.calendar))
        self._fill_months()
        rule = occasion.rule
        self.rule_type.setCurrentIndex(self.rule_type.findData(rule.type))
        self.month.setCurrentIndex(rule.month - 1)
        if rule.type == "fixed":
            self.day.setValue(rule.day)
        if rule.type == "nth_weekday":
            self.nth.setCurrentIndex(self.nth.findData(rule.nth))
            self.weekday.setCurrentIndex(rule.weekday)
        self.holiday.setChecked(occasion.holiday)
        self.message.setCurrentIndex(self.message.findData(occasion.message))
        self.notes.setText(occasion.notes)

    def rule(self) -> dict:
        """The rule the form describes, in its JSON form."""
        data: dict = {"type": self.rule_type.currentData(), "month": self.month.currentData()}
        if data["type"] == "fixed":
            data["day"] = self.day.value()
        elif data["type"] == "nth_weekday":
            data.update(nth=self.nth.currentData(), weekday=self.weekday.currentData())
        return data

    def values(self) -> dict:
        """What the form holds, as the store's add_custom_occasion and update_custom_occasion take it."""
        return {
            "title": self.title.text(),
            "calendar": self.calendar.currentData(),
            "rule": self.rule(),
            "holiday": self.holiday.isChecked(),
            "message": self.message.currentData(),
            "notes": self.notes.text(),
        }

    # --- saving -----------------------------------------------------------------------------

    def write(self, record_id: int | None, values: dict) -> cal.CustomOccasion:
        if record_id is None:
            return cal.add_custom_occasion(self.context.db, values)
        return cal.update_custom_occasion(self.context.db, record_id, values)

    def remove(self, record_id: int) -> None:
        cal.delete_custom_occasion(self.context.db, record_id)

    def saved_message(self, saved: cal.CustomOccasion) -> str:
        return self.tr("The occasion «{title}» was saved.").format(title=saved.title)

    def delete_question(self, original: cal.CustomOccasion) -> str:
        return self.tr("Delete the occasion «{title}»?").format(title=original.title)

    def deleted_message(self) -> str:
        return self.tr("The occasion was deleted.")


class OccasionsDialog(QDialog):
    """The office's own occasions (add, edit, delete) and the catalog occasions hidden (show again)."""

    OWN_TAB, HIDDEN_TAB = 0, 1

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        #: The occasion dialog open now (for focus and the tests).
        self.occasion_dialog: OccasionDialog | None = None
        self.setObjectName("occasionsDialog")
        self.setWindowTitle(self.tr("The office's occasions"))
        self._build()
        self.reload()
        context.bus.changed.connect(self._on_changed)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 12, 14, 12)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_own(), self.tr("The office's own"))
        self.tabs.addTab(self._build_hidden(), self.tr("Hidden occasions"))
        outer.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("م") * 70, self.fontMetrics().height() * 28)

    def _build_own(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 8, 0, 0)
        hint = QLabel(self.tr(
            "Occasions the office keeps every year, such as its founding day. "
            "They appear in the calendar, on the dashboard and in the printed calendars."
        ))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.own = QTableWidget(0, 4)
        self.own.setObjectName("ownOccasions")
        self.own.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Falls on"), self.tr("Message"), self.tr("Holiday")])
        self.own.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.own.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.own.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.own.verticalHeader().hide()
        self.own.setWordWrap(False)
        header = self.own.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for section in (1, 2, 3):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        self.own.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.own.itemSelectionChanged.connect(self._own_selection_changed)
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_current),
                           (QKeySequence(Qt.Key.Key_Return), self.edit_current)):
            action = QAction(self.own)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.own.addAction(action)
        column.addWidget(self.own, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New occasion…"))
        self.new_button.setToolTip(self.tr("Add an occasion of the office (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_occasion())
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit_current())
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(lambda: self.delete_current())
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        new = QAction(self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        new.triggered.connect(lambda: self.new_occasion())
        self.addAction(new)
        return tab

    def _build_hidden(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 8, 0, 0)
        hint = QLabel(self.tr(
            "Occasions of the catalog you hid (right-click an occasion in the calendar to hide it). "
            "A hidden official holiday still closes the office."
        ))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.hidden = QListWidget()
        self.hidden.setObjectName("hiddenOccasions")
        self.hidden.itemSelectionChanged.connect(self._hidden_selection_changed)
        self.hidden.itemDoubleClicked.connect(lambda _item: self.show_again())
        column.addWidget(self.hidden, 1)
        self.hidden_empty = QLabel(self.tr("No occasion is hidden."))
        self.hidden_empty.setObjectName("hint")
        column.addWidget(self.hidden_empty)
        row = QHBoxLayout()
        self.show_again_button = QPushButton(self.tr("Show again"))
        self.show_again_button.setToolTip(self.tr("Show the selected occasion in the calendar again"))
        self.show_again_button.setAutoDefault(False)
        self.show_again_button.clicked.connect(lambda: self.show_again())
        row.addWidget(self.show_again_button)
        row.addStretch(1)
        column.addLayout(row)
        return tab

    # --- loading ----------------------------------------------------------------------------

    def _on_changed(self, area: str) -> None:
        if area == "calendar":
            self.reload()

    def reload(self) -> None:
        """Both lists as the database has them now; the selected rows stay selected."""
        db = self.context.db
        current = self.current_id()
        self.own.setRowCount(0)
        names, messages_ = calendar_names(), message_names()
        for occasion in cal.list_custom_occasions(db):
            row = self.own.rowCount()
            self.own.insertRow(row)
            title = QTableWidgetItem(occasion.title)
            title.setData(ID_ROLE, occasion.id)
            title.setToolTip(occasion.notes or occasion.title)
            when = QTableWidgetItem(f"{occ.describe_rule(occasion.calendar, occasion.rule)} ({names[occasion.calendar]})")
            self.own.setItem(row, 0, title)
            self.own.setItem(row, 1, when)
            self.own.setItem(row, 2, QTableWidgetItem(messages_[occasion.message]))
            self.own.setItem(row, 3, QTableWidgetItem(self.tr("Holiday") if occasion.holiday else ""))
            if occasion.id == current:
                self._select_row(row)
        chosen = self.current_key()
        self.hidden.clear()
        for entry in cal.catalog_occasions(db):
            if not entry.hidden:
                continue
            o = entry.occasion
            item = QListWidgetItem(f"{o.title} — {o.describe_rule()}")
            item.setData(KEY_ROLE, o.key)
            self.hidden.addItem(item)
            if o.key == chosen:
                item.setSelected(True)
                self.hidden.setCurrentItem(item)
        self.hidden_empty.setVisible(self.hidden.count() == 0)
        self.tabs.setTabText(
            self.HIDDEN_TAB, self.tr("Hidden occasions ({count})").format(count=to_persian_digits(self.hidden.count()))
        )
        self._own_selection_changed()
        self._hidden_selection_changed()

    def _own_selection_changed(self) -> None:
        chosen = self.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _hidden_selection_changed(self) -> None:
        self.show_again_button.setEnabled(self.current_key() is not None)

    def current_id(self) -> int | None:
        """The id of the office's occasion selected, or None."""
        rows = self.own.selectionModel().selectedRows() if self.own.selectionModel() else []
        if not rows:
            return None
        return self.own.item(rows[0].row(), 0).data(ID_ROLE)

    def current_key(self) -> str | None:
        """The key of the hidden catalog occasion selected, or None."""
        items = self.hidden.selectedItems()
        return items[0].data(KEY_ROLE) if items else None

    # --- actions ----------------------------------------------------------------------------

    def new_occasion(self) -> OccasionDialog:
        """Open the dialog for a new occasion of the office."""
        return self._open(OccasionDialog(self.context, parent=self))

    def edit_current(self) -> OccasionDialog | None:
        occasion_id = self.current_id()
        if occasion_id is None:
            return None
        return self.edit(occasion_id)

    def edit(self, occasion_id: int) -> OccasionDialog | None:
        """Open the dialog on one of the office's occasions."""
        try:
            occasion = cal.get_custom_occasion(self.context.db, occasion_id)
        except NotFound as exc:
            messages.show_error(self, str(exc))
            self.reload()
            return None
        return self._open(OccasionDialog(self.context, occasion=occasion, parent=self))

    def _open(self, dialog: OccasionDialog) -> OccasionDialog:
        # open(), not exec(): the window stays responsive and tests can drive the dialog.
        self.occasion_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def _closed(self, dialog: OccasionDialog) -> None:
        if self.occasion_dialog is dialog:
            self.occasion_dialog = None
        if dialog.saved is not None:
            self.select(dialog.saved.id)
        self.own.setFocus()

    def select(self, occasion_id: int) -> None:
        """Make one of the office's occasions the selected row."""
        for row in range(self.own.rowCount()):
            if self.own.item(row, 0).data(ID_ROLE) == occasion_id:
                self._select_row(row)
                return

    def _select_row(self, row: int) -> None:
        # Through the selection model: QTableView.selectRow finds no column in a right-to-left
        # view whose sections do not reach its edge yet, and then selects nothing.
        index = self.own.model().index(row, 0)
        self.own.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def delete_current(self) -> bool:
        """Delete the selected occasion of the office, after asking."""
        occasion_id = self.current_id()
        if occasion_id is None:
            return False
        title = self.own.item(self.own.selectionModel().selectedRows()[0].row(), 0).text()
        if not messages.confirm(self, self.tr("Delete the occasion «{title}»?").format(title=title)):
            return False
        outcome = self.context.runner.run(
            lambda: cal.delete_custom_occasion(self.context.db, occasion_id), area="calendar"
        )
        if outcome.ok:
            self.context.show_status(self.tr("The occasion was deleted."))
        return outcome.ok

    def show_again(self) -> bool:
        """Show the selected hidden catalog occasion in the calendar again."""
        key = self.current_key()
        if key is None:
            return False
        outcome = self.context.runner.run(lambda: cal.show_occasion(self.context.db, key), area="calendar")
        if outcome.ok:
            self.context.show_status(self.tr("The occasion is shown again."))
        return outcome.ok
