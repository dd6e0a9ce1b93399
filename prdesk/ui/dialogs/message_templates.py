"""The templates dialog: the list, the editor with its placeholders, and a live preview for a sample recipient."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.messages import recipient_values
from prdesk.core.templates import CHANNELS, KINDS, PLACEHOLDERS, render
from prdesk.store.contacts import lookup_values
from prdesk.store.messages.plans import list_plans, save_plan
from prdesk.store.messages.templates import add_template, get_template, list_templates, update_template
from prdesk.ui.pages.base import PageContext

#: The recipient the preview is filled for.
SAMPLE = {"gender": "female", "title": "دکتر", "first_name": "مریم", "last_name": "احمدی", "position": "مدیرعامل",
          "organization": "اتحادیه تعاونی‌های مصرف استان"}
SAMPLE_MOURNING = {"deceased_name": "حسن احمدی", "deceased_gender": "male", "relation": "پدر"}


class TemplatesDialog(QDialog):
    """Edit the templates; saving a changed text makes a new version (sent messages keep theirs)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.db = context, context.db
        self.current_id: int | None = None
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("Message templates"))
        columns = QHBoxLayout(self)
        side = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.currentItemChanged.connect(lambda item, _old: self.show_template(item.data(256) if item else None))
        side.addWidget(self.list, 1)
        new = QPushButton(self.tr("New template"))
        new.setObjectName("newTemplate")
        new.clicked.connect(lambda: self.show_template(None))
        side.addWidget(new)
        columns.addLayout(side, 1)

        editor = QVBoxLayout()
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setObjectName("title")
        form.addRow(self.tr("Title"), self.title)
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        form.addRow(self.tr("Kind"), self.kind)
        self.channel = QComboBox()
        for key, label in CHANNELS.items():
            self.channel.addItem(label, key)
        form.addRow(self.tr("Usually sent as"), self.channel)
        self.occasions = QLineEdit()
        self.occasions.setObjectName("occasions")
        self.occasions.setPlaceholderText(self.tr("Words of the occasions it suits, separated by commas"))
        form.addRow(self.tr("Occasions"), self.occasions)
        self.subject = QLineEdit()
        form.addRow(self.tr("Subject"), self.subject)
        ahead = QHBoxLayout()
        self.lead_days = QSpinBox()
        self.lead_days.setObjectName("leadDays")
        self.lead_days.setRange(0, 60)
        self.lead_days.setSpecialValueText(self.tr("not proposed"))
        ahead.addWidget(self.lead_days)
        ahead.addWidget(QLabel(self.tr("days ahead, to")))
        self.target_kind = QComboBox()
        self.target_kind.setObjectName("targetKind")
        self.target_kind.addItem(self.tr("everyone"), "")
        self.target_kind.addItem(self.tr("our staff"), "staff")
        for kind in lookup_values(self.db, "kind"):
            self.target_kind.addItem(kind, kind)
        ahead.addWidget(self.target_kind, 1)
        form.addRow(self.tr("Dashboard proposes it"), ahead)
        editor.addLayout(form)
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        editor.addWidget(self.body, 2)
        hint = QLabel(self.tr("Placeholders (double-click to insert):"))
        editor.addWidget(hint)
        self.placeholders = QListWidget()
        self.placeholders.setObjectName("placeholders")
        self.placeholders.setFlow(QListWidget.Flow.LeftToRight)
        self.placeholders.setWrapping(True)
        self.placeholders.setFixedHeight(self.fontMetrics().height() * 4 + 16)
        for name, meaning in PLACEHOLDERS.items():
            item = QListWidgetItem("{" + name + "}")
            item.setToolTip(meaning)
            self.placeholders.addItem(item)
        self.placeholders.itemDoubleClicked.connect(lambda item: self.body.insertPlainText(item.text()))
        editor.addWidget(self.placeholders)
        editor.addWidget(QLabel(self.tr("Preview for a sample recipient:")))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        editor.addWidget(self.preview, 1)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.setWordWrap(True)
        editor.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.version = QLabel()
        buttons.addWidget(self.version, 1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveTemplate")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        editor.addLayout(buttons)
        columns.addLayout(editor, 3)
        for signal in (self.body.textChanged, self.subject.textChanged):
            signal.connect(self.refresh_preview)
        self.fill_list()
        self.resize(1050, 700)

    def fill_list(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for t in list_templates(self.db):
            item = QListWidgetItem(f"{t.title} ({KINDS[t.kind]})")
            item.setData(256, t.id)
            self.list.addItem(item)
            if t.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if select is None and self.list.count():
            self.list.setCurrentRow(0)
            self.show_template(self.list.item(0).data(256))

    def show_template(self, template_id: int | None) -> None:
        self.current_id = template_id
        if template_id is None:
            for edit in (self.title, self.occasions, self.subject):
                edit.clear()
            self.body.clear()
            self.version.setText(self.tr("New template"))
            self.title.setFocus()
            return
        t = get_template(self.db, template_id)
        self.title.setText(t.title)
        self.kind.setCurrentIndex(self.kind.findData(t.kind))
        self.channel.setCurrentIndex(self.channel.findData(t.channel))
        self.occasions.setText("، ".join(t.occasions))
        self.subject.setText(t.subject)
        self.body.setPlainText(t.body)
        plan = next((p for p in list_plans(self.db) if p.template_id == t.id), None)
        self.lead_days.setValue(plan.lead_days if plan else 0)
        target = "" if plan is None else ("staff" if plan.target.get("staff") else plan.target.get("kind", ""))
        self.target_kind.setCurrentIndex(max(0, self.target_kind.findData(target)))
        self.version.setText(self.tr("Version {n}").format(n=format(t.version).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))))

    def refresh_preview(self) -> None:
        values = recipient_values(SAMPLE, occasion=self.subject.text() or self.title.text(), date=self.context.today(),
                                  signer="محمد کاظمی", signer_position="مدیرکل", bereavement=SAMPLE_MOURNING)
        result = render(self.body.toPlainText(), values)
        heading = f"{values['عنوان']} {values['نام_کامل']}\n{values['سمت']} محترم {values['سازمان']}\nبا سلام و احترام\n"
        self.preview.setPlainText(heading + result.text)
        self.problem.setText(result.problem() if result.unknown else "")

    def values(self) -> dict:
        words = [w.strip() for w in self.occasions.text().replace("،", ",").split(",") if w.strip()]
        return {"title": self.title.text(), "kind": self.kind.currentData(), "channel": self.channel.currentData(),
                "occasions": words, "subject": self.subject.text(), "body": self.body.toPlainText()}

    def save(self) -> bool:
        """Save the template; a changed text becomes its next version."""
        data = self.values()
        if self.current_id is None:
            outcome = self.context.runner.run(lambda: add_template(self.db, data), area="messages")
        else:
            outcome = self.context.runner.run(lambda: update_template(self.db, self.current_id, data), area="messages")
        if outcome.ok and self.lead_days.value() and data["occasions"]:
            template_id = outcome.value.id
            plan = next((p for p in list_plans(self.db) if p.template_id == template_id), None)
            # Only the kind (or staff) is chosen here: the plan's other filters (province, tag…) stay as they are.
            target = {k: v for k, v in (plan.target if plan else {}).items() if k not in ("kind", "staff")}
            target.update({"staff": True} if self.target_kind.currentData() == "staff" else {"kind": self.target_kind.currentData()})
            target = {k: v for k, v in target.items() if v}
            if plan is None or (plan.lead_days, plan.target) != (self.lead_days.value(), target):
                # A new plan watches for the first occasion word in the calendar; an existing one keeps its occasion.
                occasion = plan.occasion if plan else data["occasions"][0]
                outcome = self.context.runner.run(
                    lambda: save_plan(self.db, occasion, lead_days=self.lead_days.value(), target=target,
                                      template_id=template_id, plan_id=plan.id if plan else None)
                    and get_template(self.db, template_id),
                    area="messages",
                )
        if outcome.ok:
            self.fill_list(outcome.value.id)
            self.show_template(outcome.value.id)
            self.context.show_status(self.tr("The template was saved."))
        return outcome.ok
