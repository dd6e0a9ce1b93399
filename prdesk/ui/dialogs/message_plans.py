"""Occasion plans: how many days ahead the dashboard proposes an occasion's batch, to whom, with which template."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.contacts import PROVINCES
from prdesk.core.jalali import format_jalali
from prdesk.core.templates import KINDS
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store.contacts import lookup_values
from prdesk.store.messages import plans
from prdesk.store.messages.recipients import RecipientFilter, count_recipients
from prdesk.store.messages.templates import list_templates
from prdesk.ui.dialogs import messages
from prdesk.ui.pages.base import PageContext

ERROR_STYLE = "color: #b3261e"


def describe_target(target: dict) -> str:
    """The target group in words, as the plans list shows it: «اتحادیه، اصفهان» or «همه»."""
    parts = []
    if target.get("staff"):
        parts.append("کارکنان")
    for key in ("kind", "activity", "province"):
        if target.get(key):
            parts.append(target[key])
    if target.get("position_kind"):
        parts.append(f"صاحبان سمت در {target['position_kind']}")
    if target.get("tag"):
        parts.append(f"برچسب {target['tag']}")
    return "، ".join(parts) or "همهٔ مخاطبان"


class PlanDialog(QDialog):
    """Add or edit one occasion plan; saving checks the lead time and the template, in one transaction."""

    def __init__(self, context: PageContext, parent: QWidget | None = None, *, plan_id: int | None = None,
                 occasion: str = "", message: str | None = None):
        super().__init__(parent)
        self.context, self.db = context, context.db
        self.plan_id = plan_id
        self.message = message
        self.saved: plans.Plan | None = None
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("Message plan of an occasion"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The dashboard proposes the batch of this occasion the given number of days before it."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors: dict[str, QLabel] = {}

        self.occasion = QLineEdit(occasion)
        self.occasion.setObjectName("occasion")
        self.occasion.setPlaceholderText(self.tr("The occasion's title, or a word of it, e.g. روز تعاون"))
        self._row(form, "occasion", self.tr("Occasion"), self.occasion)
        self.lead_days = QLineEdit()
        self.lead_days.setObjectName("leadDays")
        self.lead_days.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.lead_days.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lead_days.setMaximumWidth(self.fontMetrics().horizontalAdvance("۰") * 8 + 16)
        self.lead_days.setPlaceholderText("۰–۶۰")
        lead_row = QHBoxLayout()
        lead_row.addWidget(self.lead_days)
        lead_row.addWidget(QLabel(self.tr("days before the occasion")))
        lead_row.addStretch(1)
        self._row(form, "lead_days", self.tr("Propose it"), lead_row)

        self.template = QComboBox()
        self.template.setObjectName("template")
        self.template.addItem(self.tr("(choose a template)"), None)
        for t in list_templates(self.db):
            self.template.addItem(f"{t.title} ({KINDS[t.kind]})", t.id)
        self._row(form, "template_id", self.tr("Template"), self.template)

        self.kind = self._combo("kindFilter", lookup_values(self.db, "kind"))
        self._row(form, "kind", self.tr("Kind of organization"), self.kind)
        self.activity = self._combo("activityFilter", lookup_values(self.db, "activity"))
        self._row(form, "activity", self.tr("Activity"), self.activity)
        self.province = self._combo("provinceFilter", list(PROVINCES))
        self._row(form, "province", self.tr("Province"), self.province)
        self.tag = QLineEdit()
        self.tag.setObjectName("tagFilter")
        self._row(form, "tag", self.tr("Tag"), self.tag)
        self.position_kind = self._combo("positionKindFilter", lookup_values(self.db, "kind"))
        self._row(form, "position_kind", self.tr("Position holders in"), self.position_kind)
        self.staff = QCheckBox(self.tr("Only our staff"))
        self.staff.setObjectName("staffFilter")
        self._row(form, "staff", "", self.staff)

        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("savePlan")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

        if plan_id is not None:
            self._show(plans.get_plan(self.db, plan_id))
        else:
            found = plans.plan_for(self.db, occasion) if occasion else None
            if found is not None:  # the occasion already has a plan (maybe under a word of its title): edit that
                self.plan_id = found.id
                self._show(found)
            else:
                self.lead_days.setText("۳")
                from prdesk.store.messages.templates import template_for_occasion

                kinds = ("condolence",) if message == "condolence" else None
                suggested = template_for_occasion(self.db, occasion, kinds) if occasion else None
                if suggested is not None:
                    self.template.setCurrentIndex(max(0, self.template.findData(suggested.id)))
        self.setWindowTitle(self.tr("Edit the message plan") if self.plan_id is not None else self.tr("New message plan"))
        for signal in (self.kind.currentIndexChanged, self.activity.currentIndexChanged, self.province.currentIndexChanged,
                       self.position_kind.currentIndexChanged, self.staff.toggled, self.tag.textChanged):
            signal.connect(self.refresh_summary)
        for key, edit in (("occasion", self.occasion), ("lead_days", self.lead_days), ("tag", self.tag)):
            edit.textEdited.connect(self.errors[key].hide)
        self.template.currentIndexChanged.connect(self.errors["template_id"].hide)
        self.refresh_summary()
        self.resize(620, self.sizeHint().height())

    def _row(self, form: QFormLayout, key: str, label: str, field) -> None:
        error = QLabel()
        error.setObjectName(f"{key}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        if isinstance(field, QWidget):
            box.addWidget(field)
        else:
            box.addLayout(field)
        box.addWidget(error)
        form.addRow(label, box)

    def _combo(self, name: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("Any"), "")
        for value in values:
            combo.addItem(value, value)
        return combo

    def _show(self, plan: plans.Plan) -> None:
        self.occasion.setText(plan.occasion)
        self.lead_days.setText(to_persian_digits(plan.lead_days))
        self.template.setCurrentIndex(max(0, self.template.findData(plan.template_id)))
        target = plan.target
        for key, combo in (("kind", self.kind), ("activity", self.activity), ("province", self.province),
                           ("position_kind", self.position_kind)):
            value = target.get(key, "")
            if value and combo.findData(value) < 0:
                combo.addItem(value, value)  # a value no longer in the list is kept, not lost
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.tag.setText(target.get("tag", ""))
        self.staff.setChecked(bool(target.get("staff")))

    def target(self) -> dict:
        """The target group as the batch filters take it."""
        return {"kind": self.kind.currentData() or "", "activity": self.activity.currentData() or "",
                "province": self.province.currentData() or "", "tag": self.tag.text().strip(),
                "position_kind": self.position_kind.currentData() or "", "staff": self.staff.isChecked()}

    def refresh_summary(self, *_args) -> None:
        """How many the group reaches now, in words the clerk reads."""
        count = count_recipients(self.db, RecipientFilter.from_target({k: v for k, v in self.target().items() if v}))
        self.summary.setText(self.tr("The group reaches {n} living contacts: {group}.").format(
            n=to_persian_digits(f"{count:,}".replace(",", "٬")), group=describe_target(self.target())))

    def _invalid(self, exc: ValidationError) -> None:
        label = self.errors.get(exc.field or "")
        if label is None:
            messages.show_error(self, str(exc))
            return
        label.setText(str(exc))
        label.show()
        if exc.field == "template_id" and any(e.isVisible() for k, e in self.errors.items() if k != "template_id"):
            return  # the first field in trouble keeps the focus
        {"occasion": self.occasion, "lead_days": self.lead_days, "template_id": self.template}.get(exc.field, self.occasion).setFocus()

    def save(self) -> bool:
        """Save the plan (one transaction); a problem is shown beside its field and nothing is saved."""
        for label in self.errors.values():
            label.hide()
        occasion, lead, template_id, target = self.occasion.text(), self.lead_days.text(), self.template.currentData(), self.target()
        message = plans.occasion_message(self.db, occasion) if self.message is None else self.message
        try:  # shown beside the template even when the store stops first at another field
            plans.check_template(self.db, template_id, message)
        except ValidationError as exc:
            self._invalid(exc)
        outcome = self.context.runner.run(
            lambda: plans.save_plan(self.db, occasion, lead_days=lead, target=target, template_id=template_id,
                                    plan_id=self.plan_id, message=self.message, require_template=True),
            area="messages", on_invalid=self._invalid,
        )
        if outcome.ok:
            self.saved = outcome.value
            self.context.show_status(self.tr("The message plan of «{occasion}» was saved.").format(occasion=outcome.value.occasion))
            self.accept()
        return outcome.ok


class PlansDialog(QDialog):
    """Every occasion plan: occasion, lead days, group, template and the next day it is proposed; add, edit, remove."""

    COLUMNS = 5

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.db = context, context.db
        self.editor: PlanDialog | None = None
        self._shown_once = False
        self.setObjectName("plansDialog")
        self.setWindowTitle(self.tr("Message plans of occasions"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Ahead of each occasion listed here the dashboard proposes its batch, with the group and "
                              "the template below. Double-click a line to edit it."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.tree = QTreeWidget()
        self.tree.setObjectName("planList")
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("Occasion"), self.tr("Days ahead"), self.tr("Group"), self.tr("Template"),
                                   self.tr("Proposed on")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        char = self.fontMetrics().averageCharWidth()
        for column, width in enumerate((22, 13, 26, 28, 24)):
            header.resizeSection(column, width * char + 12)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.edit_plan(item.data(0, Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("addPlan", self.tr("New plan…"), lambda: self.edit_plan(None)),
            ("editPlan", self.tr("Edit…"), self.edit_selected),
            ("removePlan", self.tr("Remove plan"), self.remove_current),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        context.bus.changed.connect(self._changed)
        self.reload()
        self.resize(1080, 520)

    def _changed(self, area: str) -> None:
        # A closed list stays a child of its page: it reads the year ahead again only while open.
        if area in ("messages", "calendar", "contacts") and self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._shown_once:
            self.reload()  # opened again: what changed while it was closed
        self._shown_once = True

    def reload(self) -> None:
        """Read the plans and their next dates again."""
        selected = self.current_id()
        self.tree.clear()
        today = self.context.today()
        ahead = plans.next_dates(self.db, today)
        titles = {t.id: t.title for t in list_templates(self.db, include_inactive=True)}
        far = (today.max, today.max, today.max)
        for plan in sorted(plans.list_plans(self.db), key=lambda p: (ahead.get(p.id, far)[2:], p.occasion)):
            template = titles.get(plan.template_id, self.tr("no template chosen yet"))
            if plan.id in ahead:
                title, day, proposed = ahead[plan.id]
                if proposed <= today:
                    when = self.tr("now (for {day})").format(day=format_jalali(day))
                else:
                    when = self.tr("{proposed} (for {day})").format(proposed=format_jalali(proposed), day=format_jalali(day))
            else:
                when = self.tr("not in the coming year")
            item = QTreeWidgetItem(self.tree, [plan.occasion, to_persian_digits(plan.lead_days), describe_target(plan.target),
                                               template, when])
            item.setData(0, Qt.ItemDataRole.UserRole, plan.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
            for column in range(self.COLUMNS):
                item.setToolTip(column, item.text(column))
            if plan.id == selected:
                self.tree.setCurrentItem(item)

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def edit_plan(self, plan_id: int | None) -> PlanDialog | None:
        """Open the editor on a plan (a new one for None)."""
        self.editor = PlanDialog(self.context, self, plan_id=plan_id)
        self.editor.open()
        return self.editor

    def edit_selected(self) -> PlanDialog | None:
        if self.current_id() is None:
            messages.show_message(self, self.tr("Select a plan in the list first."))
            return None
        return self.edit_plan(self.current_id())

    def remove_current(self) -> bool:
        """Remove the selected plan after asking."""
        plan_id = self.current_id()
        if plan_id is None:
            messages.show_message(self, self.tr("Select a plan in the list first."))
            return False
        occasion = self.tree.currentItem().text(0)
        if not messages.confirm(self, self.tr("Remove the message plan of «{occasion}»? The dashboard will no longer "
                                              "propose its batch.").format(occasion=occasion)):
            return False
        outcome = self.context.runner.run(lambda: plans.delete_plan(self.db, plan_id), area="messages")
        if outcome.ok:
            self.context.show_status(self.tr("The message plan of «{occasion}» was removed.").format(occasion=occasion))
        return outcome.ok


def open_plan_for_occasion(context: PageContext, parent: QWidget, title: str, message: str | None = None) -> PlanDialog:
    """The plan editor for a calendar occasion: its existing plan, or a new one with its title and a suggested template."""
    dialog = PlanDialog(context, parent, occasion=title, message=message if message in ("greeting", "condolence") else None)
    dialog.open()
    return dialog

