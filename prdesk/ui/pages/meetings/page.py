"""The meetings page: the host's day and week, the list, follow-ups and the public day; Ctrl+N books, Ctrl+P prints the agenda."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QScrollArea, QTabWidget, QWidget

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.text import to_persian_digits
from prdesk.store import meetings as ms
from prdesk.ui.dialogs import messages
from prdesk.ui.pages.base import Page
from prdesk.ui.pages.meetings.grid import TimeGrid, snap_step
from prdesk.ui.pages.meetings.tabs import FollowupsTab, ListTab, PublicDayTab
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit

DAY, WEEK, LIST, FOLLOWUPS, PUBLIC = range(5)


def week_of(day: dt.date) -> list[dt.date]:
    """The Saturday-first week that holds ``day``."""
    saturday = day - dt.timedelta(days=jalali.week_index(day))
    return [saturday + dt.timedelta(days=i) for i in range(7)]


class MeetingsPage(Page):
    """The director's (and each host's) meetings: book, see the day and week, record outcomes, follow up."""

    key = "meetings"
    areas = ("meetings", "contacts", "calendar", "settings")

    def title(self) -> str:
        return self.tr("Meetings")

    def build(self) -> None:
        self.day = self.context.today()
        bar = QHBoxLayout()
        self.host = QComboBox()
        self.host.setObjectName("meetingHost")
        self.host.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(QLabel(self.tr("Host")))
        bar.addWidget(self.host)
        self.previous_button = QPushButton(self.tr("Previous"))
        self.next_button = QPushButton(self.tr("Next"))
        self.today_button = QPushButton(self.tr("Today"))
        self.date = JalaliDateEdit()
        self.date.set_date(self.day)
        self.date.date_changed.connect(self._date_typed)
        self.previous_button.clicked.connect(lambda: self.move(-1))
        self.next_button.clicked.connect(lambda: self.move(1))
        self.today_button.clicked.connect(lambda: self.go_to(self.context.today()))
        for widget in (self.previous_button, self.date, self.next_button, self.today_button):
            bar.addWidget(widget)
        self.summary = QLabel()
        self.summary.setObjectName("meetingSummary")
        bar.addWidget(self.summary, 1)
        self.new_button = QPushButton(self.tr("New meeting"))
        self.new_button.setToolTip(self.tr("Book a meeting (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_meeting())
        self.print_button = QPushButton(self.tr("Print agenda"))
        self.print_button.setToolTip(self.tr("The host's agenda of the day (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_agenda)
        self.form_button = QPushButton(self.tr("Request form"))
        self.form_button.clicked.connect(self.print_request_form)
        self.report_button = QPushButton(self.tr("Report"))
        # The period of the report: the month, season or year of the day shown.
        self.report_menu = QMenu(self.report_button)
        self.report_menu.aboutToShow.connect(self._fill_report_menu)
        self.report_button.setMenu(self.report_menu)
        self.hosts_button = QPushButton(self.tr("Hosts and rooms…"))
        self.hosts_button.clicked.connect(self.edit_hosts)
        self.layout_.addLayout(bar)
        # The actions on a row of their own: beside the day's controls they made the page wider than
        # the window's default 1100 pixels.
        actions = QHBoxLayout()
        for widget in (self.new_button, self.print_button, self.form_button, self.report_button, self.hosts_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        self.layout_.addLayout(actions)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("meetingTabs")
        self.day_grid = TimeGrid()
        self.day_grid.setObjectName("dayGrid")
        self.week_grid = TimeGrid()
        self.week_grid.setObjectName("weekGrid")
        for grid, name in ((self.day_grid, self.tr("Day")), (self.week_grid, self.tr("Week"))):
            grid.meeting_activated.connect(self.open_meeting)
            grid.slot_activated.connect(lambda day, start: self.new_meeting(day, start))
            grid.meeting_dropped.connect(self.move_meeting)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(grid)
            self.tabs.addTab(scroll, name)
        self.list_tab = ListTab(self.context, self.open_meeting)
        self.tabs.addTab(self.list_tab, self.tr("List"))
        self.followups_tab = FollowupsTab(self.context)
        self.tabs.addTab(self.followups_tab, self.tr("Follow-ups"))
        self.public_tab = PublicDayTab(self.context, self.host.currentData, lambda: self.day)
        self.public_tab.print_button.clicked.connect(self.print_queue_sheet)
        self.tabs.addTab(self.public_tab, self.tr("Public day"))
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        self.layout_.addWidget(self.tabs, 1)

        for keys, slot in ((QKeySequence.StandardKey.New, self.new_meeting), (QKeySequence.StandardKey.Print, self.print_agenda)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
        self.fill_hosts()
        self.reload()

    def fill_hosts(self) -> None:
        current = self.host.currentData()
        self.host.blockSignals(True)
        self.host.clear()
        for host in ms.list_hosts(self.context.db):
            self.host.addItem(host.name, host.id)
        self.host.setCurrentIndex(max(0, self.host.findData(current)))
        self.host.blockSignals(False)
        self.list_tab.fill_hosts()

    # --- navigation -------------------------------------------------------------------------

    def go_to(self, day: dt.date) -> None:
        self.day = day
        self.date.set_date(day)
        self.reload()

    def move(self, step: int) -> None:
        days = 7 if self.tabs.currentIndex() == WEEK else 1
        self.go_to(self.day + dt.timedelta(days=step * days))

    def _date_typed(self, day) -> None:
        if day is not None and day != self.day:
            self.day = day
            self.reload()

    # --- what is shown ----------------------------------------------------------------------

    def reload(self) -> None:
        if self.defer_until_shown():
            return
        self.fill_hosts()
        host_id = self.host.currentData()
        if host_id is None:
            return
        db = self.context.db
        host = ms.get_host(db, host_id)
        tab = self.tabs.currentIndex()
        if tab == DAY:
            self._show_grid(self.day_grid, [self.day], host)
        elif tab == WEEK:
            self._show_grid(self.week_grid, week_of(self.day), host)
        else:
            self.summary.clear()
            {LIST: self.list_tab, FOLLOWUPS: self.followups_tab, PUBLIC: self.public_tab}[tab].reload()

    def _show_grid(self, grid: TimeGrid, days: list[dt.date], host: ms.Host) -> None:
        db = self.context.db
        found = ms.list_meetings(db, start=days[0], end=days[-1], host_id=host.id)
        by_day: dict[dt.date, list[ms.Meeting]] = {}
        for m in found:
            by_day.setdefault(m.date, []).append(m)
        spans = [host.hours.on(d) for d in days if host.hours.on(d)]
        hours = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else (8 * 60, 14 * 60)
        grid.step = snap_step(host.slot_minutes)
        grid.show_days(days, by_day, ms.holidays(db, days[0], days[-1]), hours, {d: host.hours.on(d) for d in days})
        held = sum(1 for m in found if m.blocks)
        what = jalali.format_jalali_long(days[0]) if len(days) == 1 else self.tr("week of %1").replace(
            "%1", jalali.format_jalali(days[0]))
        self.summary.setText(self.tr("%1 meetings, %2").replace("%1", to_persian_digits(held)).replace("%2", what))

    # --- actions ----------------------------------------------------------------------------

    def new_meeting(self, day: dt.date | None = None, start: str | None = None):
        """Ctrl+N: book a meeting (on the day shown, or at the slot double-clicked)."""
        from prdesk.ui.dialogs.meeting_dialog import MeetingDialog

        self.dialog = MeetingDialog(self.context, date=day or self.day, start=start, host_id=self.host.currentData(), parent=self)
        self.dialog.open()
        return self.dialog

    def move_meeting(self, meeting_id: int, day: dt.date, start: str, *, allow_conflict: bool = False,
                     allow_closed_day: bool = False):
        """A meeting dragged to ``day`` at ``start``: saved under the dialog's rules, or refused with its way out.

        A conflict or a closed time shows the same Persian message as the dialog, with its override and
        the next free times; Cancel leaves the meeting where it was.
        """
        refusals: list = []
        outcome = self.context.runner.run(
            lambda: ms.reschedule(self.context.db, meeting_id, {"date": day, "start": start},
                                  allow_conflict=allow_conflict, allow_closed_day=allow_closed_day),
            area="meetings", on_invalid=refusals.append,
        )
        if outcome.ok:
            m = outcome.value
            self.context.show_status(self.tr("Meeting moved to %1 at %2").replace("%1", jalali.format_jalali(m.date))
                                     .replace("%2", to_persian_digits(m.start)))
            return m
        if not refusals:
            return None
        refusal = refusals[0]
        if not isinstance(refusal, (rules.MeetingConflict, rules.ClosedTime)):
            messages.show_error(self, str(refusal), title=self.tr("The meeting was not moved"))
            return None
        conflict = isinstance(refusal, rules.MeetingConflict)
        slots = list(refusal.slots[:3])
        options = [self.tr("Save despite the conflict") if conflict else self.tr("Save on a closed day or time")]
        options += [self.tr("Use %1").replace("%1", f"{jalali.format_jalali(d)} {to_persian_digits(rules.format_time(t))}")
                    for d, t in slots]
        picked = messages.choose(self, str(refusal), options, title=self.tr("The meeting was not moved"))
        if picked is None:
            return None
        if picked == 0:
            return self.move_meeting(meeting_id, day, start, allow_conflict=allow_conflict or conflict,
                                     allow_closed_day=allow_closed_day or not conflict)
        other_day, other_start = slots[picked - 1]
        return self.move_meeting(meeting_id, other_day, rules.format_time(other_start), allow_conflict=allow_conflict,
                                 allow_closed_day=allow_closed_day)

    def edit_hosts(self):
        """The editable lists of hosts (with their hours) and rooms."""
        from prdesk.ui.dialogs.meeting_hosts import HostsDialog

        self.dialog = HostsDialog(self.context, parent=self)
        self.dialog.open()
        return self.dialog

    def open_meeting(self, meeting_id: int):
        from prdesk.ui.dialogs.meeting_dialog import MeetingDialog

        self.dialog = MeetingDialog(self.context, meeting=ms.get_meeting(self.context.db, meeting_id), parent=self)
        self.dialog.open()
        return self.dialog

    def _print(self, render, *, label: str, title: str, file_name: str):
        from prdesk.ui.print_job import print_preview
        from prdesk.ui.printing import safe_file_name

        self.preview_dialog = print_preview(self, self.context.db_path, render, label=label, title=title,
                                            file_name=safe_file_name(file_name))
        return self.preview_dialog

    def print_agenda(self):
        """The host's agenda of the day shown, on A4."""
        from prdesk.printing.agenda import render_agenda

        host_id, day, printed = self.host.currentData(), self.day, self.context.today()
        return self._print(lambda db: render_agenda(db, day, host_id, printed=printed), label=self.tr("Laying out the agenda…"),
                           title=self.tr("Agenda"), file_name=f"agenda-{jalali.format_jalali_iso(day).replace('/', '-')}")

    def print_queue_sheet(self):
        from prdesk.printing.agenda import render_queue_sheet

        host_id, day, printed = self.host.currentData(), self.day, self.context.today()
        return self._print(lambda db: render_queue_sheet(db, day, host_id, printed=printed),
                           label=self.tr("Laying out the queue sheet…"), title=self.tr("Queue sheet"),
                           file_name=f"queue-{jalali.format_jalali_iso(day).replace('/', '-')}")

    def print_request_form(self):
        from prdesk.printing.agenda import render_request_form
        from prdesk.store.settings import get_settings

        return self._print(lambda db: render_request_form(get_settings(db)), label=self.tr("Laying out the form…"),
                           title=self.tr("Request form"), file_name="meeting-request-form")

    def report_period(self, period: str) -> tuple[dt.date, dt.date, str, str]:
        """(first day, last day, name shown, file name) of the month, season or year of the day shown."""
        y, m, _ = jalali.jalali_parts(self.day)
        names = jalali.jalali_month_names
        if period == "year":
            first, last_month, name, file_name = (y, 1), 12, to_persian_digits(y), f"meetings-{y}"
        elif period == "season":
            first_month = (m - 1) // 3 * 3 + 1
            first, last_month = (y, first_month), first_month + 2
            name = f"{names[first_month - 1]}–{names[last_month - 1]} {to_persian_digits(y)}"
            file_name = f"meetings-{y}-{first_month:02d}-{last_month:02d}"
        else:
            first, last_month, name, file_name = (y, m), m, f"{names[m - 1]} {to_persian_digits(y)}", f"meetings-{y}-{m:02d}"
        start = jalali.to_gregorian(*first, 1)
        end = jalali.to_gregorian(y, last_month, jalali.days_in_month(y, last_month))
        return start, end, name, file_name

    def _fill_report_menu(self) -> None:
        self.report_menu.clear()
        for period, label in (("month", self.tr("Report of the month %1")), ("season", self.tr("Report of the season %1")),
                              ("year", self.tr("Report of the year %1"))):
            action = self.report_menu.addAction(label.replace("%1", self.report_period(period)[2]))
            action.setObjectName(f"meetingsReport-{period}")
            action.triggered.connect(lambda _checked=False, p=period: self.print_report(p))

    def print_report(self, period: str = "month"):
        """The meetings report of the month, season or year of the day shown: counts, chart, every meeting."""
        from prdesk.printing.agenda_report import render_meetings_report

        start, end, _, file_name = self.report_period(period)
        printed = self.context.today()
        return self._print(lambda db: render_meetings_report(db, start, end, printed=printed),
                           label=self.tr("Laying out the report…"), title=self.tr("Meetings report"), file_name=file_name)
