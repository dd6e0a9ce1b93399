"""The editable lists of the meetings: hosts with their working hours and slot length, and rooms (never deleted)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store import meetings as ms
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.form_row import error_line

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HostsDialog(QDialog):
    """Hosts on the right with the chosen one's hours; rooms below. Each change is saved with its own button."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.setObjectName("hostsDialog")
        self.setWindowTitle(self.tr("Hosts and rooms"))
        outer = QVBoxLayout(self)
        hosts_box = QGroupBox(self.tr("Hosts"))
        row = QHBoxLayout(hosts_box)
        column = QVBoxLayout()
        self.hosts = QListWidget()
        self.hosts.setObjectName("hostList")
        self.hosts.currentItemChanged.connect(lambda *_: self._show_host())
        column.addWidget(self.hosts)
        self.new_host = QLineEdit()
        self.new_host.setObjectName("newHost")
        self.new_host.setPlaceholderText(self.tr("Name of a new host"))
        self.add_host_button = QPushButton(self.tr("Add host"))
        self.add_host_button.clicked.connect(self.add_host)
        column.addWidget(self.new_host)
        column.addWidget(self.add_host_button)
        row.addLayout(column, 1)
        form_holder = QWidget()
        form = QFormLayout(form_holder)
        self.name = QLineEdit()
        self.name.setObjectName("hostName")
        form.addRow(self.tr("Name"), self.name)
        self.slot = QSpinBox()
        self.slot.setObjectName("slotMinutes")
        self.slot.setRange(5, 240)
        self.slot.setSingleStep(5)
        self.slot.setSuffix(" " + self.tr("min"))
        form.addRow(self.tr("Slot length"), self.slot)
        self.active = QCheckBox(self.tr("Offered when booking"))
        form.addRow("", self.active)
        grid = QGridLayout()
        self.hours: list[tuple[QLineEdit, QLineEdit]] = []
        for index, day in enumerate(jalali.weekday_names):
            start, end = QLineEdit(), QLineEdit()
            for edit in (start, end):
                edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                edit.setMaximumWidth(80)
            start.setObjectName(f"hoursStart{index}")
            end.setObjectName(f"hoursEnd{index}")
            grid.addWidget(QLabel(day), index, 0)
            grid.addWidget(start, index, 1)
            grid.addWidget(QLabel(self.tr("to")), index, 2)
            grid.addWidget(end, index, 3)
            self.hours.append((start, end))
        form.addRow(self.tr("Working hours (empty: no meetings that day)"), grid)
        self.save_host_button = QPushButton(self.tr("Save host"))
        self.save_host_button.setObjectName("saveHost")
        self.save_host_button.clicked.connect(self.save_host)
        form.addRow("", self.save_host_button)
        row.addWidget(form_holder, 2)
        outer.addWidget(hosts_box)

        rooms_box = QGroupBox(self.tr("Rooms"))
        line = QHBoxLayout(rooms_box)
        self.rooms = QListWidget()
        self.rooms.setObjectName("roomList")
        self.rooms.setMaximumHeight(110)
        line.addWidget(self.rooms, 2)
        side = QVBoxLayout()
        self.new_room = QLineEdit()
        self.new_room.setObjectName("newRoom")
        self.new_room.setPlaceholderText(self.tr("Name of a new room"))
        self.capacity = QLineEdit()
        self.capacity.setPlaceholderText(self.tr("Capacity (optional)"))
        self.add_room_button = QPushButton(self.tr("Add room"))
        self.add_room_button.clicked.connect(self.add_room)
        self.toggle_room_button = QPushButton(self.tr("Offer / stop offering"))
        self.toggle_room_button.clicked.connect(self.toggle_room)
        for widget in (self.new_room, self.capacity, self.add_room_button, self.toggle_room_button):
            side.addWidget(widget)
        line.addLayout(side, 1)
        outer.addWidget(rooms_box)
        self.message = error_line()
        self.message.setObjectName("hostsError")
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.reload()

    def reload(self, host_id: int | None = None) -> None:
        self.hosts.blockSignals(True)
        self.hosts.clear()
        for host in ms.list_hosts(self.db, active_only=False):
            item = QListWidgetItem(host.name if host.active else self.tr("%1 (not offered)").replace("%1", host.name))
            item.setData(ID_ROLE, host.id)
            self.hosts.addItem(item)
            if host.id == host_id:
                self.hosts.setCurrentItem(item)
        if self.hosts.currentRow() < 0 and self.hosts.count():
            self.hosts.setCurrentRow(0)
        self.hosts.blockSignals(False)
        self._show_host()
        self.rooms.clear()
        seats = self.tr("seats")
        for room in ms.list_rooms(self.db, active_only=False):
            text = room.name + (f" ({to_persian_digits(room.capacity)} {seats})" if room.capacity else "")
            if not room.active:
                text = self.tr("%1 (not offered)").replace("%1", text)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, (room.id, room.active))
            self.rooms.addItem(item)

    def _show_host(self) -> None:
        item = self.hosts.currentItem()
        if item is None:
            return
        host = ms.get_host(self.db, item.data(ID_ROLE))
        self.name.setText(host.name)
        self.slot.setValue(host.slot_minutes)
        self.active.setChecked(host.active)
        for (start, end), span in zip(self.hours, host.hours.days):
            start.setText(to_persian_digits(rules.format_time(span[0])) if span else "")
            end.setText(to_persian_digits(rules.format_time(span[1])) if span else "")

    def _run(self, call, area: str = "meetings"):
        self.message.hide()

        def shown(exc: ValidationError) -> None:
            self.message.setText(str(exc))
            self.message.show()

        return self.context.runner.run(call, area=area, on_invalid=shown)

    def save_host(self) -> None:
        item = self.hosts.currentItem()
        if item is None:
            return
        host_id = item.data(ID_ROLE)
        spans = {i: (start.text(), end.text()) for i, (start, end) in enumerate(self.hours)}
        outcome = self._run(lambda: ms.update_host(self.db, host_id, name=self.name.text(), hours=spans,
                                                   slot_minutes=self.slot.value(), active=self.active.isChecked()))
        if outcome.ok:
            self.reload(host_id)

    def add_host(self) -> None:
        outcome = self._run(lambda: ms.add_host(self.db, self.new_host.text()))
        if outcome.ok:
            self.new_host.clear()
            self.reload(outcome.value.id)

    def add_room(self) -> None:
        outcome = self._run(lambda: ms.add_room(self.db, self.new_room.text(), self.capacity.text()))
        if outcome.ok:
            self.new_room.clear()
            self.capacity.clear()
            self.reload()

    def toggle_room(self) -> None:
        item = self.rooms.currentItem()
        if item is None:
            return
        room_id, active = item.data(ID_ROLE)
        outcome = self._run(lambda: ms.set_room_active(self.db, room_id, not active) or True)
        if outcome.ok:
            self.reload()
