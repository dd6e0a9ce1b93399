"""The reports page: the record of media and public work (کارنامه) and the periodic performance report."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import activity as rules
from prdesk.core.jalali import jalali_month_names, jalali_parts
from prdesk.core.text import left_to_right
from prdesk.errors import ValidationError
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.pages.base import Page
from prdesk.ui.pages.record_panel import RecordPanel
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.widgets.performance_view import PerformanceView

RECORD_TAB, REPORT_TAB = 0, 1


class ReportPanel(QWidget):
    """Pick a Jalali period, see its figures beside last year's and the previous period's, print or save."""

    def __init__(self, page: "ReportsPage"):
        super().__init__()
        self.page = page
        self.context = page.context
        self.result = None
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 10, 8, 8)
        box.setSpacing(8)
        box.addLayout(self._build_period_row())
        self.view = PerformanceView()
        self.view.figure_activated.connect(self._open_list)
        scroll = QScrollArea()
        scroll.setObjectName("reportScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        box.addWidget(scroll, 1)
        texts = QHBoxLayout()
        self.intro = QPlainTextEdit()
        self.intro.setObjectName("reportIntro")
        self.intro.setPlaceholderText(self.tr("Introduction (optional): a few sentences printed before the figures"))
        self.conclusion = QPlainTextEdit()
        self.conclusion.setObjectName("reportConclusion")
        self.conclusion.setPlaceholderText(self.tr("Conclusion (optional): a few sentences printed after the figures"))
        for edit in (self.intro, self.conclusion):
            edit.setFixedHeight(edit.fontMetrics().height() * 2 + 18)
            texts.addWidget(edit, 1)
        box.addLayout(texts)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.xlsx_button.setObjectName("reportXlsx")
        self.xlsx_button.clicked.connect(lambda: self.save_xlsx())
        self.pdf_button = QPushButton(self.tr("Preview and print…"))
        self.pdf_button.setObjectName("reportPdf")
        self.pdf_button.clicked.connect(lambda: self.preview_pdf())
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        box.addLayout(buttons)

    def _build_period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Period")))
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        for key, label in (
            ("month", self.tr("Month")), ("season", self.tr("Season")), ("half", self.tr("Half year")),
            ("year", self.tr("Year")), ("range", self.tr("From … to …")),
        ):
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        row.addWidget(self.kind)
        self.part = QComboBox()
        self.part.setObjectName("periodPart")
        row.addWidget(self.part)
        self.year = QSpinBox()
        self.year.setObjectName("periodYear")
        self.year.setRange(1300, 1500)
        self.year.setGroupSeparatorShown(False)
        row.addWidget(self.year)
        self.start_edit, self.end_edit = JalaliDateEdit(), JalaliDateEdit()
        self.start_edit.setObjectName("periodFrom")
        self.end_edit.setObjectName("periodTo")
        self.to_label = QLabel(self.tr("to"))
        for widget in (self.start_edit, self.to_label, self.end_edit):
            row.addWidget(widget)
        self.show_button = QPushButton(self.tr("Show figures"))
        self.show_button.setObjectName("periodShow")
        self.show_button.clicked.connect(lambda: self.refresh())
        row.addWidget(self.show_button)
        row.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("periodError")
        self.error.setStyleSheet("color: #b3261e")
        row.addWidget(self.error)
        year, month, _ = jalali_parts(self.context.today())
        self.year.setValue(year)
        self.kind.setCurrentIndex(1)
        self._kind_changed(default_part=(month - 1) // 3)
        return row

    def _kind_changed(self, default_part: int | None = None) -> None:
        key = self.kind.currentData()
        self.part.clear()
        if key == "month":
            self.part.addItems(list(jalali_month_names))
        elif key == "season":
            self.part.addItems(list(rules.SEASONS))
        elif key == "half":
            self.part.addItems(list(rules.HALVES))
        if default_part is not None and self.part.count():
            self.part.setCurrentIndex(default_part)
        ranged = key == "range"
        self.part.setVisible(key in ("month", "season", "half"))
        self.year.setVisible(not ranged)
        for widget in (self.start_edit, self.to_label, self.end_edit):
            widget.setVisible(ranged)

    def period(self) -> rules.Period:
        """The period chosen; ValidationError when the dates typed are not a period."""
        key, year, part = self.kind.currentData(), self.year.value(), self.part.currentIndex() + 1
        if key == "month":
            return rules.month_period(year, part)
        if key == "season":
            return rules.season_period(year, part)
        if key == "half":
            return rules.half_period(year, part)
        if key == "year":
            return rules.year_period(year)
        start, end = self.start_edit.check("from"), self.end_edit.check("to")
        if start is None or end is None:
            raise ValidationError(self.tr("Type the first and the last day of the period."), "from")
        return rules.period_of(start, end)

    def refresh(self) -> bool:
        """Count the period's figures on a worker and show them."""
        from prdesk.store.db import connect
        from prdesk.store.report import summary
        from prdesk.ui.workers import run_with_progress

        try:
            period = self.period()
        except ValidationError as error:
            self.error.setText(str(error))
            return False
        self.error.clear()
        path = self.context.db_path

        def work(_progress):
            db = connect(path)
            try:
                return summary(db, period)
            finally:
                db.close()

        done = run_with_progress(self, work, label=self.tr("Counting the figures of {period}…").format(period=period.title),
                                 cancellable=False, busy=True)
        if not done.ok:
            if done.error is not None:
                messages.show_error(self, str(done.error))
            return False
        self.result = done.value
        self.view.show_summary(self.result)
        return True

    def _open_list(self, area: str, breakdown: str, key: str) -> None:
        if self.result is not None:
            self.page.show_list(area, breakdown, key, self.result.period.start, self.result.period.end)

    def _ensure_result(self) -> bool:
        return self.result is not None or self.refresh()

    def preview_pdf(self):
        """The report as a PDF in the preview, to print or save."""
        from prdesk.printing.performance import render_performance
        from prdesk.ui import printing
        from prdesk.ui.dialogs.pdf_preview import show_pdf

        if not self._ensure_result():
            return None
        data = render_performance(self.context.db, self.result.period, intro=self.intro.toPlainText(),
                                  conclusion=self.conclusion.toPlainText(), result=self.result)
        title = self.tr("Performance report, {period}").format(period=self.result.period.title)
        self.preview_dialog = show_pdf(self, data, title=title, file_name=printing.safe_file_name(title))
        return self.preview_dialog

    def save_xlsx(self, path: str | None = None) -> str | None:
        """The report as an Excel workbook, one right-to-left sheet per area."""
        from prdesk.printing.pages import write_pdf
        from prdesk.store.report import summary_xlsx
        from prdesk.ui import printing

        if not self._ensure_result():
            return None
        title = self.tr("Performance report, {period}").format(period=self.result.period.title)
        path = path or pickers.choose_save_path(
            self, self.tr("Save the report"), printing.safe_file_name(title, ".xlsx"), self.tr("Excel files (*.xlsx)")
        )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        data = summary_xlsx(self.result, intro=self.intro.toPlainText(), conclusion=self.conclusion.toPlainText())
        outcome = self.context.runner.run(lambda: write_pdf(data, path) and None, area="activity")
        if not outcome.ok:
            return None
        self.context.show_status(self.tr("The report was saved in {path}").format(path=left_to_right(path)))
        return path


class ReportsPage(Page):
    """The record of the office's media and public work, and its periodic performance report."""

    key = "reports"
    areas = ("activity", "letters", "contacts", "calendar", "meetings", "messages")

    def title(self) -> str:
        return self.tr("Reports")

    def build(self) -> None:
        self._reload_on_show = True
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportsTabs")
        self.record = RecordPanel(self)
        self.report = ReportPanel(self)
        self.tabs.addTab(self.record, self.tr("Record of work"))
        self.tabs.addTab(self.report, self.tr("Performance report"))
        self.layout_.addWidget(self.tabs, 1)

    def reload(self) -> None:
        if self.defer_until_shown():
            return
        self.record.reload()
        # Figures on screen are for the period the clerk asked for; they are counted again on request.
        self.report.view.mark_stale(self.report.result is not None)

    def show_list(self, area: str, breakdown: str, key: str, start: dt.date, end: dt.date) -> None:
        """The list behind a figure of the report: the period's media work, meetings or messages of that kind."""
        if area == "media":
            self.show_record(start, end, key)
            return
        window = self.window()
        if area not in ("meetings", "messages") or not hasattr(window, "show_page"):
            return
        window.show_page(area)
        page = window.pages[area]
        if area == "meetings":
            listing = page.list_tab
            page.tabs.setCurrentWidget(listing)
            combos = {"by_type": listing.type, "by_status": listing.status}
            for combo in (listing.type, listing.status, listing.host):
                combo.setCurrentIndex(0)
            listing.organization.clear()
            listing.start.set_date(start)
            listing.end.set_date(end)
            combos[breakdown].setCurrentIndex(max(0, combos[breakdown].findData(key)))
            listing.reload()
        else:
            combos = {"by_kind": page.kind, "by_channel": page.channel}
            for combo in (page.kind, page.channel, page.status):
                combo.setCurrentIndex(0)
            page.date_from.set_date(start)
            page.date_to.set_date(end)
            combos[breakdown].setCurrentIndex(max(0, combos[breakdown].findData(key)))
            page.apply_filter()

    def show_record(self, start: dt.date, end: dt.date, kind: str = "") -> None:
        """The record's list for a period and kind: where a figure of the report comes from."""
        self.tabs.setCurrentIndex(RECORD_TAB)
        self.record.show_period(start, end, kind)
