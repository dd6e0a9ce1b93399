"""The «پیام‌های ارسال‌شده» tab of the person and organization dialogs: the archive of one contact."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget
from sqlite_utils import Database

from prdesk.store.messages.archive import display_row, search_messages


def message_history_tabs(db: Database, *, person_id: int | None = None, organization_id: int | None = None) -> QTabWidget:
    """A tab «Messages sent» listing the contact's messages, newest first (at most 200)."""
    tabs = QTabWidget()
    tabs.setObjectName("messageHistoryTabs")
    page = QWidget()
    layout = QVBoxLayout(page)
    tree = QTreeWidget()
    tree.setObjectName("messageHistory")
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels([
        QCoreApplication.translate("MessageHistory", "Date"),
        QCoreApplication.translate("MessageHistory", "Occasion"),
        QCoreApplication.translate("MessageHistory", "Recipient"),
        QCoreApplication.translate("MessageHistory", "Channel"),
        QCoreApplication.translate("MessageHistory", "Status"),
        QCoreApplication.translate("MessageHistory", "Letter number"),
    ])
    tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    filters = {"person_id": person_id} if person_id is not None else {"organization_id": organization_id}
    rows = search_messages(db, "", limit=200, **filters)
    for row in rows:
        shown = display_row(row)
        item = QTreeWidgetItem(tree, [shown["date"], shown["occasion"], shown["recipient"], shown["channel"],
                                      shown["status"], shown["letter_number"]])
        item.setToolTip(1, row["text"])
    if not rows:
        QTreeWidgetItem(tree, [QCoreApplication.translate("MessageHistory", "No message has been sent yet."), "", "", "", "", ""])
    tree.setFixedHeight(tree.header().sizeHint().height() + max(1, min(len(rows), 4)) * (tree.fontMetrics().height() + 8) + 6)
    layout.addWidget(tree)
    tabs.addTab(page, QCoreApplication.translate("MessageHistory", "Messages sent"))
    return tabs
