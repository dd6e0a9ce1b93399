"""The report base: page header and footer, tables with group rows, Persian bar charts."""

import datetime as dt

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4

from prdesk.printing.report import (
    ReportMargins,
    _ReportPages,
    bar_chart,
    build_report,
    data_table,
    heading,
    organization_name,
    paragraph,
    visual,
)
from tests.printing.conftest import Recorder, letters, pdf, visual_words


def test_page_header_and_footer(settings):
    canvas = Recorder()
    _ReportPages("فهرست سازمان‌ها", settings, dt.date(2026, 11, 21), A4, ReportMargins())(canvas, 2, 9)
    flat = [w for row in canvas.rows() for w in row]
    for words in ("فهرست سازمان‌ها", "صفحه ۲ از ۹", "اداره کل"):
        expected = [letters(w) for w in visual_words(words)]
        assert [w for w in flat if w in expected] == expected, words
    assert "۱۴۰۵/۰۸/۳۰" in flat


def test_organization_name_is_the_most_specific_line(settings):
    assert organization_name(settings) == "اداره کل تعاون، کار و رفاه اجتماعی استان"
    assert organization_name({"org_name_line1": "الف"}) == "الف"
    assert organization_name({}) == ""


def test_report_pages_and_title(settings):
    rows = [[str(i), f"سازمان شماره {i}", "اصفهان"] for i in range(1, 200)]
    story = [heading("فهرست"), paragraph("متن کوتاه."), data_table(["ردیف", "نام", "شهر"], rows, [15, 120, 45], spans=[0, 50])]
    reader = pdf(build_report(story, title="گزارش آزمایشی", settings=settings))
    assert reader.metadata.title == "گزارش آزمایشی"
    assert len(reader.pages) >= 4


def test_landscape_report(settings):
    reader = pdf(build_report([paragraph("سلام")], title="الف", settings=settings, landscape=True))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_group_rows_span_every_column():
    table = data_table(["ردیف", "نام", "شهر"], [["گروه اول"], ["۱", "الف", "ب"]], [15, 100, 40], spans=[0])
    assert ("SPAN", (0, 1), (2, 1)) in [tuple(c[:3]) for c in table._spanCmds]


def test_visual_label_reads_right_to_left():
    assert letters(visual("شهر کاشان")) == "ناشاک رهش"


def test_bar_chart_puts_the_first_label_on_the_right():
    drawing = bar_chart(["اصفهان", "کاشان", "نطنز"], [12, 5, 1], title="تعداد")
    assert isinstance(drawing, Drawing)
    chart = drawing.contents[0]
    assert [letters(n) for n in chart.categoryAxis.categoryNames] == ["زنطن", "ناشاک", "ناهفصا"]
    assert chart.data == [[1.0, 5.0, 12.0]]
    assert chart.valueAxis.labelTextFormat(1200) == "۱٬۲۰۰"
