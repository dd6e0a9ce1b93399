"""The Persian names of the meetings' keys (request types, statuses, priorities, follow-up states), through Qt's translator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def type_names() -> dict[str, str]:
    """The request types in the order the dialog offers them."""
    return {
        "request": QCoreApplication.translate("Meetings", "Request"),
        "complaint": QCoreApplication.translate("Meetings", "Complaint"),
        "suggestion": QCoreApplication.translate("Meetings", "Suggestion"),
        "criticism": QCoreApplication.translate("Meetings", "Criticism"),
        "report": QCoreApplication.translate("Meetings", "Report"),
        "courtesy": QCoreApplication.translate("Meetings", "Courtesy visit"),
        "invitation": QCoreApplication.translate("Meetings", "Invitation"),
        "other": QCoreApplication.translate("Meetings", "Other"),
    }


def status_names() -> dict[str, str]:
    return {
        "requested": QCoreApplication.translate("Meetings", "Requested"),
        "scheduled": QCoreApplication.translate("Meetings", "Scheduled"),
        "arrived": QCoreApplication.translate("Meetings", "Arrived"),
        "held": QCoreApplication.translate("Meetings", "Held"),
        "cancelled": QCoreApplication.translate("Meetings", "Cancelled"),
        "no-show": QCoreApplication.translate("Meetings", "No-show"),
        "postponed": QCoreApplication.translate("Meetings", "Postponed"),
    }


def priority_names() -> dict[str, str]:
    return {"normal": QCoreApplication.translate("Meetings", "Normal"), "high": QCoreApplication.translate("Meetings", "Urgent"), "low": QCoreApplication.translate("Meetings", "Low")}


def followup_state_names() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Meetings", "Open"),
        "in-progress": QCoreApplication.translate("Meetings", "In progress"),
        "done": QCoreApplication.translate("Meetings", "Done"),
        "fruitless": QCoreApplication.translate("Meetings", "Fruitless"),
    }
