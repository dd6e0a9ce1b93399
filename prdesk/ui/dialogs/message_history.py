"""The «پیام‌های ارسال‌شده» tab of the person and organization dialogs: the archive of one contact, and a new message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from prdesk.store.messages.archive import display_row, search_messages



class MessageHistoryTabs(QTabWidget):
    """A tab «Messages sent» listing the contact's messages, newest first (at most 200); it follows the archive."""

    def __init__(self, db: Database, *, person_id: int | None = None, organization_id: int | None = None,
                 context=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.context = db, context
        self.person_id, self.organization_id = person_id, organization_id
        self.dialog = None  # the message dialog opened from here
        self.setObjectName("messageHistoryTabs")
        page = QWidget()
        layout = QVBoxLayout(page)
        self.tree = QTreeWidget()
        self.tree.setObjectName("messageHistory")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([
            QCoreApplication.translate("MessageHistory", "Date"),
            QCoreApplication.translate("MessageHistory", "Occasion"),
            QCoreApplication.translate("MessageHistory", "Recipient"),
            QCoreApplication.translate("MessageHistory", "Channel"),
            QCoreApplication.translate("MessageHistory", "Status"),
            QCoreApplication.translate("MessageHistory", "Letter number"),
        ])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree)
        self.new_button = None
        if context is not None:
            row = QHBoxLayout()
            self.new_button = QPushButton(QCoreApplication.translate("MessageHistory", "New message…"))
            self.new_button.setObjectName("newMessage")
            self.new_button.setToolTip(
                QCoreApplication.translate("MessageHistory", "Write a greeting or condolence to this contact"))
            self.new_button.clicked.connect(self.new_message)
            row.addWidget(self.new_button)
            row.addStretch(1)
            layout.addLayout(row)
            context.bus.changed.connect(self._changed)
        self.addTab(page, QCoreApplication.translate("MessageHistory", "Messages sent"))
        self.reload()

    def _changed(self, area: str) -> None:
        if area == "messages" and self.isVisible():  # a closed dialog's tab reads nothing
            self.reload()

    def reload(self) -> None:
        """List the contact's messages again."""
        self.tree.clear()
        filters = {"person_id": self.person_id} if self.person_id is not None else {"organization_id": self.organization_id}
        rows = search_messages(self.db, "", limit=200, **filters)
        for row in rows:
            shown = display_row(row)
            item = QTreeWidgetItem(self.tree, [shown["date"], shown["occasion"], shown["recipient"], shown["channel"],
                                               shown["status"], shown["letter_number"]])
            item.setToolTip(1, row["text"])
        if not rows:
            empty = QCoreApplication.translate("MessageHistory", "No message has been sent yet.")
            QTreeWidgetItem(self.tree, [empty, "", "", "", "", ""]).setFirstColumnSpanned(True)  # not cut to the date's width
        self.tree.setFixedHeight(self.tree.header().sizeHint().height()
                                 + max(1, min(len(rows), 4)) * (self.tree.fontMetrics().height() + 8) + 6)

    def new_message(self):
        """The one-message dialog with this contact as the recipient."""
        from prdesk.ui.dialogs.message_dialog import open_message_for

        if self.person_id is not None:
            self.dialog = open_message_for(self.context, self.window(), "people", self.person_id)
        else:
            self.dialog = open_message_for(self.context, self.window(), "organizations", self.organization_id)
        return self.dialog


def message_history_tabs(db: Database, *, person_id: int | None = None, organization_id: int | None = None,
                         context=None) -> MessageHistoryTabs:
    """The history tab of a person or an organization; with ``context`` it has «New message…» and follows the archive."""
    return MessageHistoryTabs(db, person_id=person_id, organization_id=organization_id, context=context)
