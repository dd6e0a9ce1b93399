"""The meetings page's list, follow-ups and public-day tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import jalali
from prdesk.core.text import to_persian_digits
from prdesk.store import meetings as ms
from prdesk.ui.dialogs import meeting_actions as acts
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.meeting_dialog import followup_state_names, status_names, type_names
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit

RED = QColor("#b3261e")
LIST_LIMIT = 500
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only table of whole rows, sortable."""
    view = QTableWidget(0, len(headers))
    view.setObjectName(name)
    view.setHorizontalHeaderLabels(headers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def fill(view: QTableWidget, rows: list[tuple[int, list[str], bool]]) -> None:
    """Rows of (id, cells, red); the id rides on the first cell."""
    view.setSortingEnabled(False)
    view.setRowCount(len(rows))
    for r, (row_id, cells, red) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(ID_ROLE, row_id)
            if red:
                item.setForeground(QBrush(RED))
            view.setItem(r, c, item)
    view.resizeColumnsToContents()
    for c in range(view.columnCount() - 1):
        view.setColumnWidth(c, min(view.columnWidth(c) + 12, 260))


def selected_id(view: QTableWidget) -> int | None:
    rows = view.selectionModel().selectedRows()
    row = rows[0].row() if rows else view.currentRow()
    if row < 0 or view.item(row, 0) is None:
        return None
    return view.item(row, 0).data(ID_ROLE)


def meeting_cells(m: ms.Meeting) -> list[str]:
    return [
        jalali.format_jalali(m.date), f"{to_persian_digits(m.start)}–{to_persian_digits(m.end)}", m.host, m.visitor_names,
        m.organization, m.subject, type_names()[m.type], status_names()[m.status],
        m.outcome or m.cancel_reason,
    ]


class ListTab(QWidget):
    """Every meeting in a date range with filters and normalized search (the newest 500 shown)."""

    def __init__(self, context: PageContext, open_meeting: Callable[[int], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.open_meeting = open_meeting
        box = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.start = JalaliDateEdit()
        self.end = JalaliDateEdit()
        today = context.today()
        self.start.set_date(today - dt.timedelta(days=30))
        self.end.set_date(today + dt.timedelta(days=30))
        self.host = QComboBox()
        self.status = QComboBox()
        self.type = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for key, name in status_names().items():
            self.status.addItem(name, key)
        self.type.addItem(self.tr("All request types"), None)
        for key, name in type_names().items():
            self.type.addItem(name, key)
        self.organization = QLineEdit()
        self.organization.setObjectName("organizationFilter")
        self.organization.setPlaceholderText(self.tr("Organization"))
        self.search = QLineEdit()
        self.search.setObjectName("meetingSearch")
        self.search.setPlaceholderText(self.tr("Search visitors, subjects, outcomes"))
        self.search.setClearButtonEnabled(True)
        for label, widget in ((self.tr("From"), self.start), (self.tr("to"), self.end)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        for widget in (self.host, self.status):
            filters.addWidget(widget)
        filters.addStretch(1)
        box.addLayout(filters)
        # Two rows: on one the filters were wider than the page at the window's default 1100 pixels.
        more = QHBoxLayout()
        more.addWidget(self.type)
        more.addWidget(self.organization)
        more.addWidget(self.search, 1)
        box.addLayout(more)
        self.view = table("meetingList", [self.tr("Date"), self.tr("Time"), self.tr("Host"), self.tr("Visitors"),
                                          self.tr("Organization"), self.tr("Subject"), self.tr("Request type"),
                                          self.tr("Status"), self.tr("Outcome")])
        self.view.doubleClicked.connect(lambda _index: self._open())
        box.addWidget(self.view, 1)
        self.count = QLabel()
        box.addWidget(self.count)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.reload)
        self.search.textEdited.connect(lambda _t: self.timer.start())
        self.organization.textEdited.connect(lambda _t: self.timer.start())
        for combo in (self.host, self.status, self.type):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.start.date_changed.connect(lambda _d: self.reload())
        self.end.date_changed.connect(lambda _d: self.reload())
        self.fill_hosts()

    def fill_hosts(self) -> None:
        current = self.host.currentData()
        self.host.blockSignals(True)
        self.host.clear()
        self.host.addItem(self.tr("All hosts"), None)
        for host in ms.list_hosts(self.context.db):
            self.host.addItem(host.name, host.id)
        self.host.setCurrentIndex(max(0, self.host.findData(current)))
        self.host.blockSignals(False)

    def _open(self) -> None:
        meeting_id = selected_id(self.view)
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def reload(self) -> None:
        start = self.start.date() if self.start.is_valid() else None
        end = self.end.date() if self.end.is_valid() else None
        found = ms.list_meetings(self.context.db, start=start, end=end, host_id=self.host.currentData(),
                                 status=self.status.currentData(), type=self.type.currentData(),
                                 organization=self.organization.text(), text=self.search.text(), limit=LIST_LIMIT + 1,
                                 newest_first=True)
        more = len(found) > LIST_LIMIT
        found = found[:LIST_LIMIT]
        fill(self.view, [(m.id, meeting_cells(m), False) for m in found])
        text = self.tr("%1 meetings").replace("%1", to_persian_digits(len(found)))
        if more:
            text = self.tr("The newest %1 meetings; narrow the filters to see the others.").replace("%1", to_persian_digits(LIST_LIMIT))
        self.count.setText(text)


class FollowupsTab(QWidget):
    """Follow-ups by due date; overdue ones in red; double-click changes the state."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.which = QComboBox()
        self.which.setObjectName("followupFilter")
        self.which.addItem(self.tr("Open follow-ups"), "open")
        self.which.addItem(self.tr("Overdue follow-ups"), "overdue")
        self.which.addItem(self.tr("All follow-ups"), "all")
        self.which.currentIndexChanged.connect(lambda _i: self.reload())
        self.edit_button = QPushButton(self.tr("Change state…"))
        self.edit_button.clicked.connect(self.edit_selected)
        top.addWidget(self.which)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        box.addLayout(top)
        self.view = table("followupList", [self.tr("Due date"), self.tr("Action"), self.tr("Referred to"), self.tr("Visitors"),
                                           self.tr("Subject"), self.tr("State"), self.tr("Closing note")])
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        box.addWidget(self.view, 1)
        self.count = QLabel()
        box.addWidget(self.count)
        self.shown: dict[int, ms.FollowUp] = {}

    def reload(self) -> None:
        which = self.which.currentData()
        today = self.context.today()
        found = ms.list_followups(self.context.db, today=today, overdue_only=which == "overdue", open_only=which == "open",
                                  limit=2000)
        self.shown = {f.id: f for f in found}
        states = followup_state_names()
        fill(self.view, [
            (f.id, [jalali.format_jalali(f.due_date), f.action, f.referred_to, f.visitors, f.subject, states[f.state],
                    f.closing_note], f.overdue(today))
            for f in found
        ])
        late = sum(1 for f in found if f.overdue(today))
        self.count.setText(self.tr("%1 follow-ups, %2 overdue").replace("%1", to_persian_digits(len(found)))
                           .replace("%2", to_persian_digits(late)))

    def edit_selected(self) -> None:
        followup_id = selected_id(self.view)
        if followup_id is not None:
            acts.edit_followup(self, self.context, self.shown[followup_id])


class PublicDayTab(QWidget):
    """The public day of one host: the queue in arrival order, one-click present/done/absent, walk-ins, end of day."""

    def __init__(self, context: PageContext, host: Callable[[], int | None], day: Callable[[], dt.date],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.host = host
        self.day = day
        box = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("publicDayTitle")
        box.addWidget(self.title)
        walk_in = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setObjectName("queueName")
        self.name.setPlaceholderText(self.tr("Visitor's name"))
        self.phone = QLineEdit()
        self.phone.setObjectName("queuePhone")
        self.phone.setPlaceholderText(self.tr("Phone"))
        self.phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.organization = QLineEdit()
        self.organization.setPlaceholderText(self.tr("Organization"))
        self.subject = QLineEdit()
        self.subject.setObjectName("queueSubject")
        self.subject.setPlaceholderText(self.tr("Subject"))
        self.type = QComboBox()
        for key, name in type_names().items():
            self.type.addItem(name, key)
        self.check_in_button = QPushButton(self.tr("Give a queue number"))
        self.check_in_button.setObjectName("checkIn")
        self.check_in_button.clicked.connect(self.check_in)
        self.name.returnPressed.connect(self.check_in)
        for widget, stretch in ((self.name, 2), (self.phone, 1), (self.organization, 2), (self.subject, 2), (self.type, 1),
                                (self.check_in_button, 0)):
            walk_in.addWidget(widget, stretch)
        box.addLayout(walk_in)
        self.warning = QLabel()
        self.warning.setObjectName("repeatWarning")
        self.warning.setStyleSheet("color: #b3261e")
        self.warning.setWordWrap(True)
        self.warning.hide()
        box.addWidget(self.warning)
        buttons = QHBoxLayout()
        self.arrived_button = QPushButton(self.tr("Present"))
        self.done_button = QPushButton(self.tr("Done"))
        self.absent_button = QPushButton(self.tr("Absent"))
        self.arrived_button.clicked.connect(lambda: self._act(acts.mark_arrived))
        self.done_button.clicked.connect(lambda: self._act(acts.mark_done))
        self.absent_button.clicked.connect(lambda: self._act(acts.mark_no_show))
        for button in (self.arrived_button, self.done_button, self.absent_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Warn at")))
        settings = QSettings()
        self.limit = QSpinBox()
        self.limit.setRange(0, 20)
        self.limit.setValue(int(settings.value("meetings/public_repeat_limit", 0)))
        self.limit.setSpecialValueText(self.tr("off"))
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(int(settings.value("meetings/public_repeat_days", 30)))
        self.limit.valueChanged.connect(lambda v: QSettings().setValue("meetings/public_repeat_limit", v))
        self.days.valueChanged.connect(lambda v: QSettings().setValue("meetings/public_repeat_days", v))
        buttons.addWidget(self.limit)
        buttons.addWidget(QLabel(self.tr("public meetings in")))
        buttons.addWidget(self.days)
        buttons.addWidget(QLabel(self.tr("days")))
        box.addLayout(buttons)
        self.view = table("queueList", [self.tr("Queue"), self.tr("Arrival"), self.tr("Visitors"), self.tr("Organization"),
                                        self.tr("Subject"), self.tr("Request type"), self.tr("Status")])
        box.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print queue sheet"))
        self.end_button = QPushButton(self.tr("End the day"))
        self.end_button.setObjectName("endPublicDay")
        self.end_button.clicked.connect(self.end_day)
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(self.end_button)
        box.addLayout(bottom)

    def reload(self) -> None:
        host_id = self.host()
        if host_id is None:
            return
        day = self.day()
        self.title.setText(self.tr("Public meeting day of %1 — %2").replace("%1", ms.get_host(self.context.db, host_id).name)
                           .replace("%2", jalali.format_jalali_long(day)))
        statuses, types = status_names(), type_names()
        fill(self.view, [
            (m.id, [to_persian_digits(m.queue_number) if m.queue_number else "—", to_persian_digits(m.arrived_at or ""),
                    m.visitor_names, m.organization, m.subject, types[m.type], statuses[m.status]], False)
            for m in ms.queue(self.context.db, host_id, day)
        ])

    def _act(self, action) -> None:
        meeting_id = selected_id(self.view)
        if meeting_id is None:
            self.context.show_status(self.tr("Choose a visitor in the queue first."))
            return
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].row() if rows else 0
        if action(self, self.context, meeting_id):
            self.view.selectRow(min(row, self.view.rowCount() - 1))

    def check_in(self) -> None:
        values = {"host": self.host(), "date": self.day(), "subject": self.subject.text(), "type": self.type.currentData(),
                  "visitors": [{"name": self.name.text(), "phone": self.phone.text(), "organization": self.organization.text()}]}
        now = dt.datetime.combine(self.day(), dt.datetime.now().time())
        outcome = self.context.runner.run(lambda: ms.check_in(self.context.db, values, now=now), area="meetings")
        if not outcome.ok:
            return
        m = outcome.value
        for edit in (self.name, self.phone, self.organization, self.subject):
            edit.clear()
        warning = ms.repeat_warning(self.context.db, m, self.limit.value(), self.days.value())
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self.context.show_status(self.tr("Queue number %1 for %2").replace("%1", to_persian_digits(m.queue_number))
                                 .replace("%2", m.visitor_names))
        self.name.setFocus()

    def end_day(self) -> None:
        host_id, day = self.host(), self.day()
        if host_id is None or not acts.confirm_end_of_day(self, self.tr(
                "End the public day? Visitors who did not come are marked absent and each heard request becomes a follow-up.")):
            return
        outcome = self.context.runner.run(lambda: ms.end_public_day(self.context.db, host_id, day, today=day), area="meetings")
        if outcome.ok:
            done = outcome.value
            self.context.show_status(self.tr("The public day is closed: %1 follow-ups opened, %2 marked absent.")
                                     .replace("%1", to_persian_digits(len(done.followups)))
                                     .replace("%2", to_persian_digits(len(done.no_show))))
