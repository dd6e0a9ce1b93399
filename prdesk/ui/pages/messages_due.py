"""The dashboard's «پیام‌ها» box: batches due ahead of occasions, staff birthdays, bereavement follow-up days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from prdesk.core.text import to_persian_digits
from prdesk.ui.pages.base import PageContext
from prdesk.ui.pages.read_box import Read, ReadBox

ACTION_ROLE = 256 + 1  # Qt.ItemDataRole.UserRole + 1: the Qt namespace (~25 ms) is made after the first paint
HORIZON = 14


class Due(NamedTuple):
    proposals: list
    birthdays: list[dict]
    follow_ups: list[dict]


def read_due(db_path: Path, today: dt.date) -> Due:
    """What the box lists, read through a connection of the worker's own that cannot write.

    Its modules are imported on the window's thread before the worker starts (see ``reload``).
    """
    from prdesk.store.messages import bereavements, plans
    from prdesk.ui.data_safety import open_read_only

    db = open_read_only(db_path)
    try:
        return Due(
            plans.proposals(db, today),  # as far ahead as the longest lead time of a plan
            plans.staff_birthdays(db, today, HORIZON),
            bereavements.follow_ups(db, today, today + dt.timedelta(days=HORIZON - 1)),
        )
    finally:
        db.close()


class MessagesDueBox(ReadBox):
    """What to send soon; activating a line opens the batch or the one-message dialog, filled in.

    Read on a worker: a plan's group may be thousands of people.
    """

    areas = ("messages", "contacts", "calendar", "today")

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setTitle(self.tr("Messages to send"))
        self.setObjectName("messagesDue")
        column = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("messagesDueList")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)  # a wrapped line apart from the next
        self.list.itemActivated.connect(self.activate)
        column.addWidget(self.list)
        self.empty = QLabel(self.tr("No message is due in the next two weeks."))
        self.empty.setObjectName("hint")
        self.empty.hide()
        column.addWidget(self.empty)
        self.dialog = None

    def _days(self, n: int) -> str:
        if n == 0:
            return self.tr("today")
        if n == 1:
            return self.tr("tomorrow")
        return self.tr("{n} days").format(n=to_persian_digits(n))

    def _when(self, n: int) -> str:
        if n <= 1:
            return self._days(n)
        return self.tr("in {n} days").format(n=to_persian_digits(n))

    def proposal_text(self, p) -> str:
        """«۳ روز تا روز تعاون: ۴۱۲ گیرنده، الگوی تبریک روز تعاون»."""
        if p.template:
            template = self.tr("template {title}").format(title=p.template.title)
        else:
            template = self.tr("no template chosen yet")
        n = to_persian_digits(f"{p.recipients:,}".replace(",", "٬"))
        if p.days_left == 0:
            text = self.tr("Today is {occasion}: {n} recipients, {template}")
        elif p.days_left == 1:
            text = self.tr("Tomorrow is {occasion}: {n} recipients, {template}")
        else:
            text = self.tr("{days} days to {occasion}: {n} recipients, {template}")
        text = text.format(days=to_persian_digits(p.days_left), occasion=p.occasion, n=n, template=template)
        if p.sent:
            text += " — " + self.tr("{n} already sent").format(n=to_persian_digits(f"{p.sent:,}".replace(",", "٬")))
        return text

    def reader(self) -> Read:
        import sqlite_utils  # noqa: F401

        from prdesk.store import calendar  # noqa: F401
        from prdesk.store.messages import bereavements, plans, recipients  # noqa: F401
        from prdesk.ui.data_safety import open_read_only  # noqa: F401

        return read_due

    def show_read(self, due: Due) -> None:
        self.list.clear()
        for p in due.proposals:
            self._add(self.proposal_text(p), ("batch", p))
        today = self.context.today()
        for b in due.birthdays:
            text = self.tr("Birthday of {name} ({days}) — send greeting").format(name=b["name"], days=self._when(b["days_left"]))
            self._add(text, ("birthday", b))
        for f in due.follow_ups:
            text = self.tr("{title} ({days}) — condolence").format(title=f["title"], days=self._when((f["day"] - today).days))
            self._add(text, ("bereavement", f))
        self.empty.setText(self.tr("No message is due in the next two weeks."))
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)

    def show_failure(self, text: str) -> None:
        self.list.clear()
        self.list.hide()
        self.empty.setText(text)
        self.empty.show()

    def _add(self, text: str, action: tuple) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(self.tr("Double-click (or press Enter) to write these messages."))
        item.setData(ACTION_ROLE, action)
        self.list.addItem(item)

    def activate(self, item: QListWidgetItem) -> QWidget | None:
        """Open the dialog that sends what the line proposes."""
        from prdesk.store.messages.templates import find_template, template_for_occasion

        kind, data = item.data(ACTION_ROLE)
        db = self.context.db
        if kind == "batch":
            from prdesk.ui.dialogs.message_batch import BatchDialog

            self.dialog = BatchDialog(self.context, self, occasion=data.occasion, target=data.target,
                                      template_id=data.template.id if data.template else None)
            from prdesk.ui.dialogs.message_occasion import LIST_AT_ONCE

            if data.recipients <= LIST_AT_ONCE:
                self.dialog.find_recipients()  # the plan's group, listed as the line promised
        else:
            from prdesk.ui.dialogs.message_dialog import MessageDialog

            if kind == "birthday":
                template = template_for_occasion(db, "تولد")
                self.dialog = MessageDialog(self.context, data["id"], self, occasion="تبریک زادروز",
                                            template_id=template.id if template else None)
            else:
                b = data["bereavement"]
                template = find_template(db, "تسلیت درگذشت بستگان")
                self.dialog = MessageDialog(self.context, b["person_id"], self, occasion=f"{data['label']} {b['deceased_name']}",
                                            template_id=template.id)
                self.dialog.deceased.setText(b["deceased_name"])
                self.dialog.deceased_gender.setCurrentIndex(max(0, self.dialog.deceased_gender.findData(b["deceased_gender"])))
                self.dialog.relation.setCurrentText(b["relation"])
        self.dialog.open()
        return self.dialog
