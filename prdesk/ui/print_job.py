"""A printed document rendered off the window's thread, behind a progress dialog, then shown in the preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from prdesk.errors import PrdeskError
from prdesk.store.db import connect
from prdesk.ui.dialogs import messages
from prdesk.ui.workers import run_with_progress

if TYPE_CHECKING:
    from prdesk.ui.dialogs.pdf_preview import PdfPreviewDialog

#: ``render(db)``: the document as PDF bytes, read through the connection it is given.
Render = Callable[[Database], bytes]


class PrintCancelled(PrdeskError):
    """The clerk pressed Cancel while the document was being laid out."""


def render_in_worker(parent: QWidget | None, db_path: Path, render: Render, *, label: str) -> bytes | None:
    """Run ``render`` on a worker with its own connection; None when cancelled or refused (already said).

    A calendar year or a big directory takes a second or more: the window keeps painting and
    the clerk can cancel. The window's connection stays on the window's thread.
    """

    def work(progress) -> bytes:
        db = connect(db_path)
        try:
            data = render(db)
        finally:
            db.close()
        # The layout cannot stop half-way; a Cancel pressed meanwhile drops its result.
        if not progress(1, 1):
            raise PrintCancelled(QCoreApplication.translate("PrintJob", "Printing was cancelled."))
        return data

    finished = run_with_progress(parent, work, label=label, busy=True, cancelled_error=PrintCancelled)
    if finished.cancelled:
        return None
    if finished.error is not None:
        messages.show_error(
            parent, str(finished.error), title=QCoreApplication.translate("PrintJob", "The document was not made")
        )
        return None
    return finished.value


def print_preview(
    parent: QWidget | None, db_path: Path, render: Render, *, label: str, title: str, file_name: str
) -> PdfPreviewDialog | None:
    """Render the document in a worker, then open it in the print preview (Print, Save, Open)."""
    # Qt's PDF module loads with the first preview, not with the window.
    from prdesk.ui.dialogs import pdf_preview

    data = render_in_worker(parent, db_path, render, label=label)
    if data is None:
        return None
    return pdf_preview.show_pdf(parent, data, title=title, file_name=file_name)
