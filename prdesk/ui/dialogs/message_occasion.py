"""Messages from a calendar occasion: «ارسال پیام…» and «برنامهٔ پیام این مناسبت…» in the calendar's day panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from prdesk.core.occasions import DayItem
from prdesk.store.messages import plans
from prdesk.store.messages.recipients import RecipientFilter, count_recipients
from prdesk.store.messages.templates import template_for_occasion
from prdesk.ui.pages.base import PageContext

#: The day-panel sources an occasion message can start from: catalog (and office) occasions, office events.
SOURCES = ("catalog", "event")
#: A plan's group up to this size is listed as the batch dialog opens; a larger one waits for «Show recipients»
#: (17,000 unions of the large demo take seconds to prepare and fill in).
LIST_AT_ONCE = 2000



def suggested_template(context: PageContext, item: DayItem):
    """The template the occasion's plan names, else the first whose occasion words match (a condolence for a mourning day)."""
    plan = plans.plan_for(context.db, item.title)
    if plan is not None and plan.template_id is not None:
        from prdesk.store.messages.templates import get_template

        return get_template(context.db, plan.template_id)
    kinds = ("condolence",) if item.message == "condolence" else None
    return template_for_occasion(context.db, item.title, kinds)


def wants_batch(context: PageContext, item: DayItem) -> bool:
    """A batch when the occasion's plan reaches more than one person, or a calendar occasion has no plan yet."""
    plan = plans.plan_for(context.db, item.title)
    if plan is not None:
        return count_recipients(context.db, RecipientFilter.from_target(plan.target)) > 1
    return item.source == "catalog"


def send_for_occasion(context: PageContext, parent: QWidget, item: DayItem, *, batch: bool | None = None) -> QWidget:
    """Open the batch dialog (the plan's group) or the one-message dialog, with the occasion and its template."""
    template = suggested_template(context, item)
    template_id = template.id if template is not None else None
    if wants_batch(context, item) if batch is None else batch:
        from prdesk.ui.dialogs.message_batch import BatchDialog

        plan = plans.plan_for(context.db, item.title)
        dialog = BatchDialog(context, parent, occasion=item.title, target=plan.target if plan else None,
                             template_id=template_id)
        dialog.open()
        if plan is not None and count_recipients(context.db, RecipientFilter.from_target(plan.target)) <= LIST_AT_ONCE:
            dialog.find_recipients()  # the plan's group, listed at once
        return dialog
    from prdesk.ui.dialogs.message_dialog import MessageDialog

    dialog = MessageDialog(context, None, parent, occasion=item.title, template_id=template_id)
    dialog.open()
    return dialog


def add_message_actions(menu: QMenu, context: PageContext, parent: QWidget, item: DayItem) -> None:
    """The message actions of a day-panel line (nothing for birthdays, meetings and person dates)."""
    if item.source not in SOURCES:
        return
    from prdesk.ui.dialogs.message_plans import open_plan_for_occasion

    menu.addSeparator()
    send = QCoreApplication.translate("OccasionMessages", "Send a message…")
    menu.addAction(send, lambda: send_for_occasion(context, parent, item))
    if wants_batch(context, item):
        one = QCoreApplication.translate("OccasionMessages", "One message for this occasion…")
        menu.addAction(one, lambda: send_for_occasion(context, parent, item, batch=False))
    plan = QCoreApplication.translate("OccasionMessages", "Message plan of this occasion…")
    menu.addAction(plan, lambda: open_plan_for_occasion(context, parent, item.title, item.message))
