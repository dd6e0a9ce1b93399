"""The printed calendars and the annual plan: pages, the grid's order, what each cell holds, the plan's table."""

import datetime as dt
import re
import subprocess
import sys

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A3, A4, landscape

from prdesk.core.jalali import to_gregorian
from prdesk.core.text import to_ascii_digits, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.printing import calendar as pc
from prdesk.printing.calendar import MonthPage, YearPage, fit, month_title, render_calendar, short_title, wrap
from prdesk.printing.plan import plan_rows, plan_story, render_plan
from prdesk.printing.rtl import TextStyle, text_width
from prdesk.store import calendar as cal
from prdesk.store.calendar import month_model, year_model
from prdesk.store.contacts import add_person
from prdesk.store.db import open_database
from tests.printing.conftest import Recorder, letters, pdf

_NUMBER = re.compile(r"[0-9۰-۹:/.–-]+")


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "office.sqlite3")
    yield database
    database.close()


@pytest.fixture(scope="module")
def year_pdf(tmp_path_factory):
    """The whole of 1405 printed once (it takes a fraction of a second, but many tests read it)."""
    database = open_database(tmp_path_factory.mktemp("year") / "office.sqlite3")
    try:
        return render_calendar(database, 1405, printed=dt.date(2026, 11, 21))
    finally:
        database.close()


def event(db, title, date, **values):
    return cal.add_event(db, {"title": title, "date": date, **values})


# --- reading the PDF back: words with their places -------------------------------------------

def placed_words(page) -> list[tuple[float, float, str]]:
    """Every word pypdf finds on the page with the point it starts at, as letters."""
    found = []

    def visit(text, cm, tm, font, size):
        word = letters(text).strip()
        if word:
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], word))

    page.extract_text(visitor_text=visit)
    return found


def _reading(word: str) -> str:
    # pypdf turns a right-to-left run back into reading order, and a run of digits with it.
    return word[::-1] if _NUMBER.fullmatch(word) else word


def lines_in(box, words) -> list[str]:
    """The lines of words inside ``box``, top first, each read right to left."""
    rows: dict[int, list] = {}
    for x, y, word in words:
        if box.contains(x, y):
            rows.setdefault(round(y), []).append((x, word))
    return [" ".join(_reading(w) for _, w in sorted(row, key=lambda p: -p[0])) for _, row in sorted(rows.items(), reverse=True)]


class ColourRecorder(Recorder):
    """A stand-in canvas that also keeps the fill colour each string was drawn in."""

    def __init__(self):
        super().__init__()
        self.fill = None
        self.coloured = []

    def setFillColor(self, color):
        self.fill = color

    def drawString(self, x, y, text):
        super().drawString(x, y, text)
        self.coloured.append((x, y, _reading(letters(text[::-1])), self.fill))


def drawn(page) -> ColourRecorder:
    canvas = ColourRecorder()
    page.canv = canvas
    page.draw()
    return canvas


# --- the document ------------------------------------------------------------------------------

def test_a_year_is_twelve_month_pages_and_the_overview_on_landscape_a4(year_pdf):
    reader = pdf(year_pdf)
    assert len(reader.pages) == 13
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(landscape(A4)[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(landscape(A4)[1], abs=0.5)
    assert reader.metadata.title == "تقویم سال ۱۴۰۵"


def test_fonts_are_embedded_subsets(year_pdf):
    reader = pdf(year_pdf)
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert name[7] == "+" and name[1:7].isupper(), name
        assert "/FontFile2" in font["/FontDescriptor"]


def test_month_pages_follow_the_year_and_the_overview_comes_last(year_pdf):
    reader = pdf(year_pdf)
    first_words = [w for _, _, w in placed_words(reader.pages[0])]
    last_words = [w for _, _, w in placed_words(reader.pages[12])]
    assert "فروردین" in first_words and "اسفند" in [w for _, _, w in placed_words(reader.pages[11])]
    assert {"تعطیلات", "فروردین", "اردیبهشت", "اسفند"} <= set(last_words)
    footer = lines_in(pc.Box(0, 0, landscape(A4)[0], 25), placed_words(reader.pages[12]))
    assert any(letters("صفحهٔ ۱۳ از ۱۳") in line for line in footer), footer
    assert any("تاریخ چاپ: ۱۴۰۵/۰۸/۳۰" in line for line in footer)


def test_the_nowruz_cell_is_top_right_and_lists_nowruz(db, settings):
    entries = month_model(db, 1405, 1)
    page = MonthPage(1405, 1, entries, settings)
    box = page.box_of(to_gregorian(1405, 1, 1))
    # 1 Farvardin 1405 is a Saturday: the first column, on the right.
    assert box.right == pytest.approx(page.grid_box.right) and box.top == pytest.approx(page.grid_box.top)
    assert page.box_of(to_gregorian(1405, 1, 7)).x == pytest.approx(page.grid_box.x)  # Friday on the left
    reader = pdf(render_calendar(db, 1405, 1, settings=settings))
    assert len(reader.pages) == 1
    lines = lines_in(box, placed_words(reader.pages[0]))
    assert "آغاز نوروز" in lines and "عید سعید فطر" in lines
    assert "۱ شوال" in lines and "۲۱ مارس" in lines  # the first day names the other months


def test_month_title_names_the_lunar_and_gregorian_months(db):
    assert month_title(1405, 9, month_model(db, 1405, 9)) == "آذر ۱۴۰۵ — جمادی‌الثانی/رجب ۱۴۴۸ — نوامبر/دسامبر ۲۰۲۶"
    # Dey runs from December into January: each Gregorian month keeps its own year.
    assert month_title(1405, 10, month_model(db, 1405, 10)).endswith("دسامبر ۲۰۲۶/ژانویه ۲۰۲۷")


def test_holidays_and_fridays_are_red(db, settings):
    page = MonthPage(1405, 1, month_model(db, 1405, 1), settings)
    canvas = drawn(page)

    def colour_of(day):
        box = page.box_of(to_gregorian(1405, 1, day))
        # The Jalali day is the large number on the right; the lunar and Gregorian days sit on the left.
        found = [c for x, y, text, c in canvas.coloured if text == to_persian_digits(day) and box.contains(x, y)
                 and x > box.x + box.w / 2]
        assert found, day
        return found[0]

    assert colour_of(1) == pc.HOLIDAY_RED  # Nowruz
    assert colour_of(7) == pc.HOLIDAY_RED  # a Friday
    assert colour_of(5) == pc.TEXT  # an ordinary Wednesday
    headers = {text: c for x, y, text, c in canvas.coloured if text in ("جمعه", "شنبه")}
    assert headers == {"جمعه": pc.HOLIDAY_RED, "شنبه": pc.TEXT}


def test_an_event_added_appears_on_its_day(db, settings):
    event(db, "همایش روز تعاون", "1405/09/10", all_day=False, start_time="10:30", location="سالن اجتماعات")
    page = MonthPage(1405, 9, month_model(db, 1405, 9), settings)
    day = to_gregorian(1405, 9, 10)
    # The office's own items come before the catalog's non-holiday occasions (issue 13 §2).
    assert [line.text for line in page.cells[day]][0] == "۱۰:۳۰ همایش روز تعاون"
    assert any("همایش روز تعاون — سالن اجتماعات" in line.text for line in page.side)
    lines = lines_in(page.box_of(day), placed_words(pdf(render_calendar(db, 1405, 9, settings=settings)).pages[0]))
    assert "همایش روز تعاون" in " ".join(lines)


def test_birthdays_appear_on_their_jalali_day(db, settings):
    add_person(db, {"first_name": "مریم", "last_name": "احمدی", "honorific": "خانم", "is_staff": True, "birthday": "1985-03-28"})
    page = MonthPage(1405, 1, month_model(db, 1405, 1), settings)
    assert "تولد خانم مریم احمدی" in [line.text for line in page.cells[to_gregorian(1405, 1, 8)]]


def test_a_crowded_day_is_cut_with_plus_n_and_nothing_overflows(db, settings):
    for n in range(9):
        event(db, f"جلسهٔ هماهنگی شمارهٔ {n + 1} با اتحادیه‌های تعاونی شهرستان‌ها", "1405/12/10")
    page = MonthPage(1405, 12, month_model(db, 1405, 12), settings)
    lines = page.cells[to_gregorian(1405, 12, 10)]
    assert len(lines) == page.cell_capacity
    assert re.fullmatch(r"\+[۰-۹]+ مورد دیگر", lines[-1].text)
    width = page.cell_w - 2 * page.pad - page.bullet_room
    for cell in page.cells.values():
        assert len(cell) <= page.cell_capacity
        for line in cell:
            assert text_width(line.text, page.item_style) <= width + 0.01, line.text
    side_width = page.side_text_width
    assert all(text_width(line.text, page.side_style) <= side_width + 0.01 for line in page.side)


def test_cells_drop_the_remembered_year(db, settings):
    page = MonthPage(1405, 1, month_model(db, 1405, 1), settings)
    cell = " ".join(line.text for line in page.cells[to_gregorian(1405, 1, 2)])
    assert "فتح‌المبین" in cell and "۱۳۶۱" not in cell
    assert short_title("شهادت حضرت امام جعفر صادق (ع) (۱۴۸ ه\u200d.ق)") == "شهادت حضرت امام جعفر صادق (ع)"


def test_a_full_month_list_keeps_holidays_and_the_offices_events(db, settings):
    event(db, "تکریم بازنشستگان", "1405/12/27")
    page = MonthPage(1405, 12, month_model(db, 1405, 12), settings)
    texts = [line.text for line in page.side]
    assert "تکریم بازنشستگان" in texts
    assert sum(1 for line in page.side if line.color == pc.HOLIDAY_RED and line.bullet is not None) == 4
    assert re.fullmatch(r"و [۰-۹]+ مناسبت دیگر که در خانه‌های جدول آمده است\.", texts[-1])
    labels = [line.label for line in page.side if line.label]
    assert labels == sorted(labels, key=lambda d: int(to_ascii_digits(d)))


def test_the_lunar_note_says_when_dates_are_predictions(db, settings):
    assert MonthPage(1405, 1, month_model(db, 1405, 1), settings).lunar_note() == ""
    far = MonthPage(1430, 1, month_model(db, 1430, 1), settings)
    assert "رؤیت هلال" in far.lunar_note() and "ام‌القری" not in far.lunar_note()


def _holiday_text(page) -> dict[str, str]:
    """The year overview's holiday list, each day's lines joined."""
    days: dict[str, str] = {}
    label = ""
    for line in page.holidays:
        label = line.label or label
        days[label] = f"{days.get(label, '')} {line.text}".strip()
    return days


@pytest.mark.parametrize("year", [1405, 1406])
def test_year_overview_lists_every_holiday_in_full(db, settings, year):
    """Issue 13 §2: no «…», every holiday title of the year readable in the panel."""
    days = year_model(db, year)
    page = YearPage(year, days, settings)
    text = _holiday_text(page)
    assert not any("…" in line.text for line in page.holidays)
    capacity = int((page.side_box.h - 2 * pc.LIST_PAD * pc.mm - 14) // page.side_line)
    assert len(page.holidays) <= capacity
    for entry in days:
        for item in entry.occasions:
            if item.holiday:
                y, m, d = entry.jalali
                label = f"{to_persian_digits(d)} {pc.jalali_month_names[m - 1]}"
                assert short_title(item.title) in text[label], (label, item.title)
    if year == 1405:
        assert "عید سعید غدیر خم" in text["۱۴ خرداد"]
        assert text["۸ شهریور"].startswith("ولادت حضرت رسول اکرم (ص)")


def test_year_overview_marks_lunar_holidays_not_yet_official(db, settings):
    text = _holiday_text(YearPage(1406, year_model(db, 1406), settings))
    assert any("(پیش‌بینی)" in t for t in text.values())  # 1406's lunar holidays after 1448/10
    assert "(پیش‌بینی)" not in text["۱۲ فروردین"]  # a Jalali holiday is as sure as the calendar
    later = _holiday_text(YearPage(1408, year_model(db, 1408), settings))
    assert any("(برآورد)" in t for t in later.values())


def test_the_wall_calendar_prints_staff_but_contacts_birthdays_only_when_asked(db, settings):
    add_person(db, {"first_name": "مریم", "last_name": "احمدی", "is_staff": True, "birthday": "1985-03-28"})
    add_person(db, {"first_name": "سعید", "last_name": "نوری", "birthday": "1985-03-28"})
    story = pc.calendar_story(db, 1405, 1, settings=settings)
    cell = [line.text for line in story[0].cells[to_gregorian(1405, 1, 8)]]
    assert "تولد مریم احمدی" in cell and "۱ تولد" not in cell
    asked = pc.calendar_story(db, 1405, 1, settings=settings, contacts=True)
    assert "۱ تولد" in [line.text for line in asked[0].cells[to_gregorian(1405, 1, 8)]]


def test_year_overview_starts_top_right_and_lists_the_holidays(db, settings):
    page = YearPage(1405, year_model(db, 1405), settings)
    farvardin, ordibehesht, mehr = page.month_box(1), page.month_box(2), page.month_box(7)
    assert farvardin.right == pytest.approx(page.months_box.right) and farvardin.top == pytest.approx(page.months_box.top)
    assert ordibehesht.right < farvardin.x and mehr.top < farvardin.y
    assert page.holidays[0].label == "۱ فروردین" and "آغاز نوروز" in page.holidays[0].text
    assert not any("مناسبت دیگر" in line.text or "تعطیلات دیگر" in line.text for line in page.holidays)
    canvas = drawn(page)
    red = {text for x, y, text, c in canvas.coloured if c == pc.HOLIDAY_RED and farvardin.contains(x, y)}
    assert {"۱", "۲", "۳", "۴", "۷", "۱۲", "۱۳"} <= red and "۵" not in red


def test_a3_scales_the_page(db):
    reader = pdf(render_calendar(db, 1405, 9, paper="a3"))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(landscape(A3), abs=0.5)


def test_logo_only_when_its_file_exists(db, settings, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "navy").save(logo)
    settings["logo_path"] = str(logo)
    assert drawn(MonthPage(1405, 1, month_model(db, 1405, 1), settings)).images == 1
    settings["logo_path"] = str(tmp_path / "missing.png")
    canvas = drawn(MonthPage(1405, 1, month_model(db, 1405, 1), settings))
    assert canvas.images == 0
    assert any(text == "استان" for *_, text, _ in canvas.coloured)  # the office's name still printed


@pytest.mark.parametrize("year, month, paper", [(99, None, "A4"), (1405, 13, "A4"), (1405, 1, "A5")])
def test_refuses_what_cannot_be_printed(db, year, month, paper):
    with pytest.raises(ValidationError):
        render_calendar(db, year, month, paper=paper)


# --- text that fits ------------------------------------------------------------------------------

def test_fit_shortens_at_a_word_and_never_leaves_a_bracket_open():
    style = TextStyle(size=7)
    text = "روز جهانی قدس (آخرین جمعهٔ رمضان)"
    width = text_width("روز جهانی قدس (آخرین", style)
    shortened = fit(text, width, style)
    assert shortened == "روز جهانی قدس…"
    assert fit("کوتاه", 100, style) == "کوتاه"
    assert text_width(fit("مستضعفان" * 4, 40, style), style) <= 40


def test_wrap_gives_the_last_line_an_ellipsis():
    style = TextStyle(size=7)
    lines = wrap("سالروز افتتاح حساب شمارهٔ ۱۰۰ به فرمان حضرت امام خمینی و تأسیس بنیاد مسکن انقلاب اسلامی", 80, style, 2)
    assert len(lines) == 2 and lines[0].startswith("سالروز") and lines[1].endswith("…")


# --- the annual plan -------------------------------------------------------------------------------

def test_plan_lists_the_years_events_in_date_order(db, settings):
    person = add_person(db, {"first_name": "علیرضا", "last_name": "کریمی", "honorific": "آقای"}).id
    event(db, "نمایشگاه دستاوردهای تعاون", "1405/06/13", type="exhibition", location="نمایشگاه بین‌المللی")
    event(db, "همایش تعاونی‌های برتر", "1405/01/15", type="seminar", all_day=False, start_time="10:00", end_time="12:00",
          responsible_person_id=person)
    event(db, "تکریم بازنشستگان", "1405/03/10", type="retiree_honoring", status="held")
    event(db, "مراسم سال پیش", "1404/12/20")
    rows = [row for _, row in plan_rows(db, 1405)]
    assert [r[3] for r in rows] == ["همایش تعاونی‌های برتر", "تکریم بازنشستگان", "نمایشگاه دستاوردهای تعاون"]
    assert rows[0] == ["۱", "۱۴۰۵/۰۱/۱۵", "شنبه", "همایش تعاونی‌های برتر", "همایش و آموزش", "۱۰:۰۰–۱۲:۰۰", "",
                       "آقای علیرضا کریمی", "برنامه‌ریزی‌شده"]
    assert rows[1][5:] == ["تمام روز", "", "", "برگزار شد"]
    reader = pdf(render_plan(db, 1405, settings=settings))
    assert reader.metadata.title == "برنامهٔ سالانهٔ مراسم ۱۴۰۵"
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)
    words = [w for page in reader.pages for _, _, w in placed_words(page)]
    order = [words.index(w) for w in ("برتر", "بازنشستگان", "دستاوردهای")]
    assert order == sorted(order)
    assert "پیش" not in words


def test_plan_counts_recurring_events_on_each_day(db):
    event(db, "جلسهٔ شورای اداری", "1405/01/20", recurrence="monthly_jalali")
    rows = plan_rows(db, 1405)
    assert [month for month, _ in rows] == list(range(1, 13))


def test_an_empty_plan_says_so(db, settings):
    story = plan_story(db, 1405)
    assert len(story) == 1 and "هیچ مراسم" in " ".join(w.logical for w in story[0].words)
    assert len(pdf(render_plan(db, 1405, settings=settings)).pages) == 1


def test_printing_calendars_imports_without_qt():
    code = (
        "import sys, prdesk.printing.calendar, prdesk.printing.plan; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_crowded_month_wraps_only_what_it_prints(db, settings, monkeypatch):
    """Issue 12 §4: hundreds of items in a month cost what the page shows, not what the month holds."""
    for n in range(300):
        event(db, f"برنامهٔ شمارهٔ {n + 1} با اتحادیه‌های تعاونی شهرستان‌ها", f"1405/09/{n % 30 + 1:02d}")
    calls = []
    original = pc.wrap
    monkeypatch.setattr(pc, "wrap", lambda *args, **kw: calls.append(1) or original(*args, **kw))
    page = MonthPage(1405, 9, month_model(db, 1405, 9), settings)
    side_capacity = int((page.side_box.h) // page.side_line)
    assert len(calls) <= 30 * page.cell_capacity + side_capacity + 2
    assert page.side[-1].text.startswith("و ")  # the rest are counted on the last line


def test_the_wall_calendar_leaves_out_visitor_meetings_and_does_not_read_them(db, settings):
    """The director's visitors are the agenda's: the printed calendar prints the office's events and staff birthdays."""
    from prdesk.store import meetings as ms

    day = to_gregorian(1405, 8, 30)  # a Saturday, a working day
    ms.add_meeting(db, {"date": day.isoformat(), "start": "10:00", "visitors": [{"name": "حسن کریمی"}], "subject": "وام"})
    event(db, "همایش تعاون", "1405/08/30")
    assert "meeting" in {i.source for e in month_model(db, 1405, 8) for i in e.occasions}  # the screen still lists it
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        (page,) = pc.calendar_story(db, 1405, 8, settings=settings)
    finally:
        db.conn.set_trace_callback(None)
    assert not any("FROM meetings" in s for s in statements)
    sources = {i.source for e in page.entries.values() for i in e.occasions}
    assert "meeting" not in sources and "event" in sources
