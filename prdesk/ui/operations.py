"""The operation runner: run one store call, show a PrdeskError in Persian, announce what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from prdesk.errors import PrdeskError, ValidationError
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import messages

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass
class Outcome(Generic[T]):
    """What one operation came to: its value, or the PrdeskError that stopped it."""

    value: T | None = None
    error: PrdeskError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class OperationRunner:
    """Runs user actions that write: the one place where a PrdeskError meets the user.

    A bug (any other exception) is not caught here; it travels to ``sys.excepthook``, which logs it
    and shows the crash dialog.
    """

    def __init__(self, bus: Bus, parent: QWidget | None = None):
        self.bus = bus
        self.parent = parent

    def run(
        self,
        call: Callable[[], T],
        *,
        area: str,
        on_invalid: Callable[[ValidationError], None] | None = None,
    ) -> Outcome[T]:
        """Run ``call``; on success announce ``area`` unless the result says nothing changed.

        Store functions return what changed, so an empty or false result (an empty set of
        changed keys, None) means there is nothing for the pages to reload. A ValidationError
        goes to ``on_invalid`` when given (to show it next to its field); every other
        PrdeskError is shown in a message box.
        """
        try:
            value = call()
        except ValidationError as exc:
            if on_invalid is not None:
                on_invalid(exc)
            else:
                title = QCoreApplication.translate("OperationRunner", "Please check the value")
                messages.show_error(self.parent, str(exc), title=title)
            return Outcome(error=exc)
        except PrdeskError as exc:
            log.info("operation refused: %s", exc)
            title = QCoreApplication.translate("OperationRunner", "The action was not done")
            messages.show_error(self.parent, str(exc), title=title)
            return Outcome(error=exc)
        if value:
            self.bus.announce(area)
        return Outcome(value=value)

