"""The print preview every page uses: a PDF on screen, zoom, pages, Print, Save as PDF, the system viewer."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QProgressDialog,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.errors import PrdeskError
from prdesk.printing.pages import write_pdf
from prdesk.store.outputs import write_replacing
from prdesk.ui import printing
from prdesk.ui.dialogs import messages, pickers

GEOMETRY_KEY = "preview/geometry"
SAVE_FOLDER_KEY = "preview/save_folder"
PRINTER_KEY = "preview/printer"
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)


class PdfPreviewDialog(QDialog):
    """A PDF as the clerk will get it on paper, with what can be done with it.

    Open it on PDF bytes (a freshly rendered letter, report or calendar) or on a PDF file. Keys:
    Ctrl+P prints, Ctrl+S saves, Ctrl+= and Ctrl+- zoom, Esc closes.
    """

    def __init__(
        self,
        data: bytes | None = None,
        *,
        path: Path | str | None = None,
        title: str = "",
        file_name: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._data: bytes | None = None
        self._path: Path | None = None
        self._buffer: QBuffer | None = None
        self.file_name = file_name or "document.pdf"
        #: Sheets sent by the last Print (for the status line and the tests).
        self.last_printed = 0

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        # The pages are pictures of paper: mirroring the scroll area would only move the scroll bar.
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.view.setStyleSheet("QPdfView { background: #8a939c; }")
        self.navigator = self.view.pageNavigator()
        self.navigator.currentPageChanged.connect(self._show_page_label)
        self.view.zoomFactorChanged.connect(self._show_zoom_label)
        self.view.zoomModeChanged.connect(self._show_zoom_label)

        self._build_toolbar()
        self.view.viewport().installEventFilter(self)
        self.status = QLabel()
        self.status.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        status_row = QVBoxLayout()
        status_row.setContentsMargins(12, 0, 12, 0)
        status_row.addWidget(self.status)
        layout.addLayout(status_row)
        self._restore_geometry()

        if data is not None:
            self.load_bytes(data, title=title, file_name=file_name)
        elif path is not None:
            self.load_file(path, title=title)
        else:
            self.setWindowTitle(title or self.tr("Print preview"))
            self._update_actions()

    # --- building ---------------------------------------------------------------------------

    def _action(self, text: str, slot, *, shortcut=None, icon: QIcon.ThemeIcon | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon is not None and QIcon.hasThemeIcon(icon):
            # The system's own icon where it has one (Windows 11, Linux desktops); text alone otherwise.
            action.setIcon(QIcon.fromTheme(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown_tip = tip or text
        if shortcut is not None:
            sequence = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            shown_tip = f"{shown_tip} ({left_to_right(sequence)})"
        action.setToolTip(shown_tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # the shortcut works wherever the focus is in the dialog
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("previewToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        self.toolbar = bar
        icon = QIcon.ThemeIcon
        self.print_action = self._action(self.tr("Print…"), self.print_document, shortcut=QKeySequence.StandardKey.Print, icon=icon.DocumentPrint)
        self.save_action = self._action(self.tr("Save as PDF…"), self.save_as, shortcut=QKeySequence.StandardKey.Save, icon=icon.DocumentSaveAs)
        self.open_action = self._action(
            self.tr("Open in viewer"), self.open_in_viewer, icon=icon.DocumentOpen,
            tip=self.tr("Open the PDF in the computer's own PDF viewer"),
        )
        # Up and down, not back and forward: pages follow each other downwards in either direction.
        self.previous_action = self._action(self.tr("Previous page"), self.previous_page, shortcut="Ctrl+PgUp", icon=icon.GoUp)
        self.next_action = self._action(self.tr("Next page"), self.next_page, shortcut="Ctrl+PgDown", icon=icon.GoDown)
        self.zoom_out_action = self._action(self.tr("Zoom out"), self.zoom_out, shortcut=QKeySequence.StandardKey.ZoomOut, icon=icon.ZoomOut)
        self.zoom_in_action = self._action(self.tr("Zoom in"), self.zoom_in, shortcut=QKeySequence.StandardKey.ZoomIn, icon=icon.ZoomIn)
        # Ctrl+= as well: on most keyboards Ctrl++ needs Shift.
        self._action(self.tr("Zoom in"), self.zoom_in, shortcut="Ctrl+=")
        self.fit_width_action = self._action(self.tr("Fit width"), self.fit_width, shortcut="Ctrl+0")
        self.fit_page_action = self._action(self.tr("Whole page"), self.fit_page, icon=icon.ZoomFitBest)
        for action, sign in ((self.zoom_out_action, "−"), (self.zoom_in_action, "+")):
            if action.icon().isNull():
                action.setText(sign)
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)

        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.page_label.setContentsMargins(8, 0, 8, 0)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("۴۰۰٪") + 12)

        bar.addAction(self.print_action)
        bar.addAction(self.save_action)
        bar.addAction(self.open_action)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addWidget(self.page_label)
        bar.addAction(self.next_action)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        bar.addAction(self.fit_width_action)
        bar.addAction(self.fit_page_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        for action in (self.previous_action, self.next_action, self.zoom_out_action, self.zoom_in_action):
            if not action.icon().isNull():
                bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            elif action in (self.previous_action, self.next_action):
                action.setText("▲" if action is self.previous_action else "▼")

    # --- loading ----------------------------------------------------------------------------

    def load_bytes(self, data: bytes, *, title: str = "", file_name: str = "") -> bool:
        """Show the PDF ``data``; False (and a message) when it is not a readable PDF."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old, self._buffer = self._buffer, buffer  # the document reads from it while it is shown
        self._data, self._path = bytes(data), None
        if file_name:
            self.file_name = file_name
        self.document.load(buffer)
        if old is not None:
            old.deleteLater()
        return self._loaded(title)

    def load_file(self, path: Path | str, *, title: str = "") -> bool:
        """Show the PDF file at ``path``."""
        self.document.close()
        self._data, self._path = None, Path(path)
        self.file_name = self._path.name
        self.document.load(str(self._path))
        return self._loaded(title or self._path.name)

    def _loaded(self, title: str) -> bool:
        ok = self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0
        if not title:
            title = self.document.metaData(QPdfDocument.MetaDataField.Title) or self.file_name
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=title))
        self.go_to(0)
        self._update_actions()
        if not ok:
            messages.show_error(
                self,
                self.tr("This PDF could not be opened; it may be damaged. Make it again and preview it once more."),
            )
        return ok

    def data(self) -> bytes | None:
        """The PDF's bytes as loaded (for a file: read from it)."""
        if self._data is not None:
            return self._data
        return self._path.read_bytes() if self._path is not None else None

    # --- pages -------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def current_page(self) -> int:
        """The page shown now, 0-based."""
        return self.navigator.currentPage()

    def go_to(self, page: int) -> None:
        """Show ``page`` (0-based), its top at the top of the view."""
        count = self.page_count()
        if count == 0:
            self._show_page_label()
            return
        page = min(max(page, 0), count - 1)
        self.navigator.jump(page, QPointF(0, 0), self.navigator.currentZoom())
        self._show_page_label()

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def page_text(self) -> str:
        """«صفحهٔ ۲ از ۳»."""
        count = self.page_count()
        if count == 0:
            return ""
        return to_persian_digits(self.tr("Page {page} of {count}").format(page=self.current_page() + 1, count=count))

    def _show_page_label(self, *_args) -> None:
        self.page_label.setText(self.page_text())
        count, page = self.page_count(), self.current_page()
        self.previous_action.setEnabled(count > 0 and page > 0)
        self.next_action.setEnabled(count > 0 and page < count - 1)

    # --- zoom ---------------------------------------------------------------------------------

    def effective_zoom(self) -> float:
        """The zoom the pages are shown at now, also while they are fitted to the window."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        # What QPdfView itself computes: the page at screen resolution, fitted into the viewport.
        points = self.document.pagePointSize(max(self.current_page(), 0))
        screen = QGuiApplication.primaryScreen()
        per_point = (screen.logicalDotsPerInch() if screen else 96) / 72
        margins = self.view.documentMargins()
        width = (self.view.viewport().width() - margins.left() - margins.right()) / (points.width() * per_point)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return max(width, 0.05)
        height = (self.view.viewport().height() - margins.top() - margins.bottom()) / (points.height() * per_point)
        return max(min(width, height), 0.05)

    def set_zoom(self, factor: float) -> None:
        """Show the pages at ``factor`` (1.0 is the paper's size on the screen)."""
        factor = min(max(factor, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._show_zoom_label()

    def zoom_in(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((step for step in ZOOM_STEPS if step > now + 0.005), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((step for step in reversed(ZOOM_STEPS) if step < now - 0.005), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom_label()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_zoom_label()

    def _show_zoom_label(self, *_args) -> None:
        self.zoom_label.setText(to_persian_digits(f"{round(self.effective_zoom() * 100)}٪"))
        mode = self.view.zoomMode()
        self.fit_width_action.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self.zoom_in_action.setEnabled(self.effective_zoom() < ZOOM_STEPS[-1] - 0.005)
        self.zoom_out_action.setEnabled(self.effective_zoom() > ZOOM_STEPS[0] + 0.005)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._show_zoom_label()  # a fitted zoom changes with the window
        return super().eventFilter(watched, event)

    # --- actions ------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        ready = self.page_count() > 0
        for action in (self.print_action, self.save_action, self.open_action, self.zoom_in_action,
                       self.zoom_out_action, self.fit_width_action, self.fit_page_action):
            action.setEnabled(ready)
        self._show_page_label()
        if ready:
            self._show_zoom_label()
        else:
            self.zoom_label.clear()

    def new_printer(self) -> QPrinter:
        """A printer set up for this document: the last printer used, the document's paper."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = QSettings().value(PRINTER_KEY, "")
        if name:
            printer.setPrinterName(str(name))
        printing.match_paper(printer, self.document)
        printer.setDocName(self.windowTitle())
        return printer

    def print_document(self) -> int:
        """Ask which printer and pages, then print; returns the sheets sent (0 when cancelled)."""
        count = self.page_count()
        if count == 0:
            return 0
        printer = self.new_printer()
        if not printing.ask_printer(self, printer, count, self.current_page()):
            return 0
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
            QSettings().setValue(PRINTER_KEY, printer.printerName())
        progress = QProgressDialog(self.tr("Sending the pages to the printer…"), self.tr("Stop"), 0, 1, self)
        progress.setWindowTitle(self.tr("Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(800)

        def step(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            return not progress.wasCanceled()

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sent = printing.print_pdf(self.document, printer, current_page=self.current_page(), progress=step)
        except PrdeskError as exc:
            messages.show_error(self, str(exc), title=self.tr("Nothing was printed"))
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
            progress.reset()
            progress.deleteLater()
        self.last_printed = sent
        self.status.setText(to_persian_digits(self.tr("{count} page(s) sent to the printer.").format(count=sent)))
        return sent

    def _start_folder(self) -> Path:
        saved = QSettings().value(SAVE_FOLDER_KEY, "")
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    def save_as(self) -> Path | None:
        """Ask where, then write the PDF's exact bytes there; the path written or None."""
        if self.page_count() == 0:
            return None
        start = self._start_folder() / printing.safe_file_name(self.file_name)
        chosen = pickers.choose_save_path(self, self.tr("Save as PDF"), str(start), self.tr("PDF files (*.pdf)"))
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            if self._data is not None:
                write_pdf(self._data, target)
            elif self._path is not None and self._path.resolve() != target.resolve():
                source = self._path
                write_replacing(target, lambda temp: shutil.copyfile(source, temp))
        except PrdeskError as exc:
            messages.show_error(self, str(exc), title=self.tr("The PDF was not saved"))
            return None
        except OSError as exc:
            messages.show_error(
                self,
                self.tr("The file {path} could not be written ({reason}). Choose another folder.").format(
                    path=left_to_right(target), reason=exc.strerror or exc
                ),
                title=self.tr("The PDF was not saved"),
            )
            return None
        QSettings().setValue(SAVE_FOLDER_KEY, str(target.parent))
        self.status.setText(self.tr("Saved as {path}").format(path=left_to_right(target)))
        return target

    def open_in_viewer(self) -> Path | None:
        """Hand the PDF to the computer's own viewer (a copy in the cache folder for rendered bytes)."""
        if self.page_count() == 0:
            return None
        try:
            path = self._path if self._data is None else printing.viewer_copy(self._data, self.file_name)
        except OSError as exc:
            messages.show_error(
                self,
                self.tr("The PDF could not be handed to the viewer ({reason}). Save it as a PDF instead.").format(
                    reason=exc.strerror or exc
                ),
            )
            return None
        if not printing.open_externally(path):
            messages.show_error(
                self,
                self.tr("No program on this computer opens PDF files. Install a PDF reader, or save the PDF "
                        "and send it to someone who can print it."),
            )
            return None
        return path

    # --- geometry -----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = QSettings().value(GEOMETRY_KEY)
        if geometry is not None and self.restoreGeometry(geometry):
            return
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        width, height = 860, 980
        if available is not None:
            width, height = min(width, available.width() - 40), min(height, available.height() - 60)
        self.resize(width, height)

    def done(self, result: int) -> None:
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)


def show_pdf(
    parent: QWidget | None,
    data: bytes,
    *,
    title: str = "",
    file_name: str = "",
) -> PdfPreviewDialog:
    """Open a preview of ``data`` beside ``parent`` (not blocking) and return it."""
    dialog = PdfPreviewDialog(data, title=title, file_name=file_name, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
