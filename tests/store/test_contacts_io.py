"""Import from CSV (UTF-8, UTF-8-BOM, Windows-1256) and XLSX with messy data; export to CSV, XLSX, vCard."""

import datetime as dt

import openpyxl
import pytest
import vobject

from prdesk.core.contacts import ContactFilter, guess_mapping
from prdesk.core.text import to_ascii_digits
from prdesk.errors import ValidationError
from prdesk.store import contacts as store
from prdesk.store import contacts_io as io
from prdesk.store.contacts_io import importing
from prdesk.store.db import open_database

MESSY_ROWS = [
    ["فهرست تعاونی‌ها و اتحادیه‌های شهرستان"],
    ["ردیف", "نام", "نام خانوادگی", "سمت", "سازمان", "تلفن", "همراه", "نشانی", "کد پستی", "شهر", "استان", "نوع فعالیت", "ایمیل"],
    ["1", " علي ", "احمدي ", "مدیرعامل", "شركت تعاونی مصرف فرهنگیان", "031-5544 3322", "9121234567",
     "خیابان امام", "۸۷۳۱۷-۱۳۱۴۵", "كاشان", "", "مصرف", "ali@Coop.IR"],
    ["2", "زهرا", "کریمی", "رئیس هیئت مدیره", "شرکت تعاونی مصرف فرهنگیان", "03155443322", "۰۹۳۵۱۲۳۴۵۶۷",
     "", "", "کاشان", "اصفهان", "مصرف", ""],
    ["", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["3", "حسن", "رضایی", "بازرس", "شرکت تعاونی مسکن کارگران", "032", "", "", "", "یزد", "", "مسکن", ""],
    ["4", "", "", "", "اتحادیه صنف نانوایان", "3155443300", "", "", "", "آران و بیدگل", "", "", ""],
    ["5", "", "", "مدیر", "", "", "", "", "", "", "", "", ""],
    ["6", "مریم", "صالحی", "دبیر", "شرکت تعاونی مسکن کارگران", "", "٠٩١٣٧٧٧٨٨٩٩", "", "", "یزد", "", "مسکن", "maryam@"],
]


def _write_csv(path, rows, encoding="utf-8", delimiter=","):
    text = "\r\n".join(delimiter.join(cell for cell in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "t.sqlite3")
    yield database
    store.check_search_index(database)
    database.close()


def _check_messy_import(db, summary):
    assert summary.imported_people == 2
    assert summary.imported_organizations == 2
    assert summary.empty_rows == 1
    assert [row for row, _ in summary.skipped] == [6, 8, 9]
    reasons = dict(summary.skipped)
    assert "پیش‌شماره" in reasons[6] or "یازده رقم" in reasons[6]
    assert "نه نام شخص" in reasons[8]
    assert "ایمیل" in reasons[9]
    people = store.query_people(db, ContactFilter(), "name", limit=None)
    assert [(p["first_name"], p["last_name"], p["mobile"]) for p in people] == [
        ("علی", "احمدی", "09121234567"), ("زهرا", "کریمی", "09351234567"),
    ]
    org = store.get_organization(db, people[0]["organization_id"])
    assert people[1]["organization_id"] == org["id"]
    assert org["name"] == "شرکت تعاونی مصرف فرهنگیان"
    assert (org["city"], org["province"], org["postal_code"]) == ("کاشان", "اصفهان", "8731713145")
    assert [p["number"] for p in org["phones"]] == ["03155443322"]
    assert people[0]["email"] == "ali@coop.ir"
    bakers = store.query_organizations(db, ContactFilter(text="نانوایان"))[0]
    assert (bakers["phones"], bakers["province"]) == ("03155443300", "اصفهان")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256"])
def test_messy_csv_in_each_encoding(db, tmp_path, encoding):
    rows = MESSY_ROWS
    if encoding == "cp1256":
        # Excel on a Persian Windows writes Arabic yeh and kaf, and ASCII digits, into the ANSI file.
        rows = [[to_ascii_digits(c).replace("ی", "ي").replace("ک", "ك") for c in row] for row in rows]
    path = _write_csv(tmp_path / "sheet.csv", rows, encoding)
    sheet = io.preview(path, 3)
    assert sheet.encoding == encoding
    assert sheet.header_row == 2
    assert sheet.total == 7
    assert len(sheet.rows) == 3
    summary = io.import_contacts(db, path)
    _check_messy_import(db, summary)


def test_semicolon_separated_csv(db, tmp_path):
    path = _write_csv(tmp_path / "sheet.csv", MESSY_ROWS, "utf-8-sig", ";")
    _check_messy_import(db, io.import_contacts(db, path))


def test_messy_xlsx(db, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in MESSY_ROWS:
        sheet.append([None if cell == "" else cell for cell in row])
    # What Excel does to numbers: floats, a dropped leading zero, a real date cell.
    sheet["G3"] = 9121234567.0
    sheet["I3"] = 8731713145
    sheet["F4"] = 3155443322
    sheet["N2"] = "تاریخ تولد"
    sheet["N3"] = dt.datetime(1981, 8, 3)
    sheet["N4"] = "۱۳۶۲/۰۲/۱۵"
    path = tmp_path / "sheet.xlsx"
    workbook.save(path)
    summary = io.import_contacts(db, path)
    _check_messy_import(db, summary)
    people = store.query_people(db, ContactFilter(), "name")
    assert [p["birthday"] for p in people] == ["1981-08-03", "1983-05-05"]


def test_old_xls_is_refused_with_advice(db, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ValidationError) as caught:
        io.preview(path)
    assert "xlsx" in str(caught.value)


def test_a_sheet_without_any_name_column_is_refused(db, tmp_path):
    path = _write_csv(tmp_path / "x.csv", [["همراه", "شهر"], ["09121234567", "یزد"]])
    with pytest.raises(ValidationError) as caught:
        io.import_contacts(db, path)
    assert caught.value.field == "mapping"


def test_guess_mapping_from_persian_and_english_headers():
    persian = ["ردیف", "نام", "نام خانوادگی", "سمت", "سازمان", "تلفن", "همراه", "نشانی", "کد پستی", "شهر", "استان",
               "نوع فعالیت", "ایمیل"]
    assert guess_mapping(persian) == {
        1: "first_name", 2: "last_name", 3: "position", 4: "org_name", 5: "org_phones", 6: "mobile", 7: "address",
        8: "postal_code", 9: "city", 10: "province", 11: "activity", 12: "email",
    }
    english = ["First Name", "Last Name", "Company", "Job Title", "Mobile Phone", "E-mail", "Business Phone"]
    assert guess_mapping(english) == {0: "first_name", 1: "last_name", 2: "org_name", 3: "position", 4: "mobile",
                                      5: "email", 6: "org_phones"}
    assert guess_mapping(["نام", "نوع فعالیت", "شهر", "تلفن ۱", "تلفن ۲"]) == {
        0: "org_name", 1: "activity", 2: "city", 3: "org_phones", 4: "org_phones",
    }
    assert guess_mapping(["نام و نام خانوادگی", "موبایل"]) == {0: "full_name", 1: "mobile"}


def test_explicit_mapping_and_full_name_column(db, tmp_path):
    path = _write_csv(tmp_path / "x.csv", [["a", "b", "c"], ["جناب آقای دکتر علی رضا احمدی", "9121234567", "x"]])
    io.import_contacts(db, path, {0: "full_name", 1: "mobile", 2: None})
    person = store.query_people(db)[0]
    assert (person["honorific"], person["title"], person["first_name"], person["last_name"], person["mobile"]) == (
        "آقای", "دکتر", "علی رضا", "احمدی", "09121234567")


def test_person_without_organization_keeps_address_columns_in_notes(db, tmp_path):
    path = _write_csv(tmp_path / "x.csv", [["نام", "نام خانوادگی", "شهر", "نشانی"], ["علی", "احمدی", "کاشان", "خیابان امام"]])
    io.import_contacts(db, path)
    assert store.query_people(db)[0]["notes"] == "شهر: کاشان؛ نشانی: خیابان امام"


def test_reimport_updates_and_keeps_position_history(db, tmp_path):
    header = ["نام", "نام خانوادگی", "سمت", "سازمان", "شهر", "همراه"]
    first = _write_csv(tmp_path / "a.csv", [header, ["علی", "احمدی", "دبیر", "اتحادیه صنف نانوایان", "کاشان", "09121234567"]])
    io.import_contacts(db, first)
    again = io.import_contacts(db, first)
    assert (again.unchanged, again.imported, again.updated) == (1, 0, 0)
    second = _write_csv(tmp_path / "b.csv", [header, ["علی", "احمدی", "رئیس", "اتحادیه صنف نانوایان", "کاشان", ""],
                                             ["حسن", "کریمی", "", "", "", "09121234567"]])
    summary = io.import_contacts(db, second)
    assert (summary.updated_people, summary.imported_people) == (1, 1)
    assert summary.duplicates and summary.duplicates[0][0] == 3
    person = store.query_people(db, ContactFilter(text="احمدی"))[0]
    assert person["position"] == "رئیس" and person["mobile"] == "09121234567"
    assert [h["position"] for h in store.position_history(db, person["id"])] == ["دبیر"]
    assert "تکراری احتمالی" in summary.describe()


def _big_csv(tmp_path, n=650):
    rows = [["نام", "نام خانوادگی", "سازمان", "شهر", "همراه"]]
    rows += [[f"نفر{i}", "احمدی", f"تعاونی {i % 40}", "یزد", f"0912{i:07d}"] for i in range(n)]
    return _write_csv(tmp_path / "big.csv", rows)


def _dump(db):
    return "\n".join(db.conn.iterdump())


def test_cancel_mid_import_leaves_the_database_identical(db, tmp_path):
    store.add_person(db, {"last_name": "پیشین", "tags": ["ویژه"]})
    before = _dump(db)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 400

    summary = io.import_contacts(db, _big_csv(tmp_path), progress=progress)
    assert summary.cancelled
    assert calls[-1][0] >= 400 and calls[-1][1] == 650
    assert _dump(db) == before
    assert "لغو" in summary.describe()


def test_failure_mid_import_leaves_the_database_identical(db, tmp_path, monkeypatch):
    store.add_organization(db, {"name": "اتحادیه پیشین"})
    before = _dump(db)
    real = store.person_row
    count = [0]

    def failing(*args, **kwargs):
        count[0] += 1
        if count[0] == 300:
            raise OSError("disk full")
        return real(*args, **kwargs)

    # Chunks of 100 rows: the failure comes after two chunks were written inside the transaction.
    monkeypatch.setattr(importing, "CHUNK", 100)
    monkeypatch.setattr(store, "person_row", failing)
    with pytest.raises(OSError):
        io.import_contacts(db, _big_csv(tmp_path))
    assert _dump(db) == before


def _rich_directory(db):
    union = store.add_organization(db, {
        "name": "اتحادیه صنف نانوایان کاشان", "kind": "اتحادیه", "activity": "صنفی", "registration_no": "1234",
        "city": "کاشان", "address": "خیابان امام، کوچه ۵", "postal_code": "8731713145",
        "phones": [{"label": "دفتر", "number": "03155443322"}, {"label": "", "number": "+442079460958"}],
        "fax": "03155443399", "email": "info@nan.ir", "website": "www.nan.ir", "tags": ["ویژه", "خبرنامه"],
        "notes": "=HYPERLINK(\"http://x\")\nسطر دوم",
    }).id
    store.add_organization(db, {"name": "بانک ملت شعبه مرکزی", "kind": "بانک", "city": "یزد", "notes": "@SUM(A1)"})
    ali = store.add_person(db, {
        "honorific": "آقای", "title": "دکتر", "first_name": "علی‌رضا", "last_name": "احمدی", "position": "دبیر",
        "organization_id": union, "mobile": "09121234567", "phone": "03155443300", "email": "ali@nan.ir",
        "birthday": "1360/05/12", "tags": ["همکاران"], "notes": "-2+3",
        "dates": [{"label": "سالگرد درگذشت پدر", "date": "1390/02/03"},
                  {"label": "سالروز انتصاب", "date": "1400/01/05", "kind": "once"}],
    }).id
    store.change_position(db, ali, "رئیس", date="1402/01/15")
    store.add_person(db, {"honorific": "خانم", "first_name": "زهرا", "last_name": "کریمی", "is_staff": True,
                          "position": "کارشناس روابط عمومی", "notes": "+98 پیش‌شماره"})
    return union


def _snapshot(db):
    people = []
    for row in store.iter_people(db, order_by="name"):
        person = store.get_person(db, row["id"])
        for key in ("id", "created_at", "updated_at", "organization_id"):
            person.pop(key)
        for h in person["history"]:
            h.pop("id")
            h["organization_id"] = bool(h["organization_id"])
        people.append(person)
    orgs = []
    for row in store.iter_organizations(db, order_by="name"):
        org = store.get_organization(db, row["id"])
        for key in ("id", "created_at", "updated_at"):
            org.pop(key)
        orgs.append(org)
    return people, orgs


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_round_trip_gives_the_same_data(db, tmp_path, fmt):
    _rich_directory(db)
    path = tmp_path / f"directory.{fmt}"
    assert io.export_contacts(db, path, fmt) == 3  # two people, then the bank with nobody in it
    copy = open_database(tmp_path / "copy.sqlite3")
    summary = io.import_contacts(copy, path)
    assert summary.skipped == []
    assert _snapshot(copy) == _snapshot(db)
    store.check_search_index(copy)
    copy.close()


def test_csv_has_bom_and_neutralizes_formulas(db, tmp_path):
    _rich_directory(db)
    path = tmp_path / "d.csv"
    io.export_csv(db, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    cells = [cell for row in io.iter_sheet(path) for cell in row]
    assert "نام خانوادگی" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'=HYPERLINK(\"http://x\")\nسطر دوم" in cells
    assert "'@SUM(A1)" in cells and "'-2+3" in cells and "'+98 پیش‌شماره" in cells
    # Only a cell's first character matters.
    assert "دفتر: 03155443322 ; +442079460958" in cells


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_every_formula_start_is_neutralized(cell):
    assert io._neutralize(cell) == "'" + cell
    assert io._unneutralize("'" + cell) == cell
    assert io._neutralize("علی") == "علی"


def test_xlsx_is_right_to_left_with_widths_and_text_only(db, tmp_path):
    _rich_directory(db)
    path = tmp_path / "d.xlsx"
    io.export_xlsx(db, path, scope="organizations")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.sheet_view.rightToLeft is True
    assert sheet.column_dimensions["A"].width >= 30
    assert sheet["A1"].value == "نام سازمان"
    notes = [c for c in sheet[2] + sheet[3] if isinstance(c.value, str) and c.value.startswith(("=", "@"))]
    assert notes and all(c.data_type == "s" for c in notes)
    assert sheet.freeze_panes == "A2"


def test_vcard_parses_back_with_vobject(db, tmp_path):
    _rich_directory(db)
    path = tmp_path / "d.vcf"
    assert io.export_vcard(db, path) == 3
    raw = path.read_bytes()
    assert b"\r\n" in raw and raw.count(b"BEGIN:VCARD") == 3
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    by_name = {card.fn.value: card for card in cards}
    ali = by_name["آقای دکتر علی‌رضا احمدی"]
    assert ali.version.value == "3.0"
    assert (ali.n.value.family, ali.n.value.given, ali.n.value.prefix) == ("احمدی", "علی‌رضا", "آقای دکتر")
    assert ali.org.value == ["اتحادیه صنف نانوایان کاشان"]
    assert ali.title.value == "رئیس"
    tels = {tel.value: tel.params["TYPE"] for tel in ali.contents["tel"]}
    assert tels == {"09121234567": ["CELL", "VOICE"], "03155443300": ["WORK", "VOICE"]}
    assert ali.bday.value == "1981-08-03"
    assert ali.adr.value.city == "کاشان"
    assert ali.categories.value == ["همکاران"]
    assert ali.fn.params["CHARSET"] == ["UTF-8"]
    bank = by_name["بانک ملت شعبه مرکزی"]
    assert bank.org.value == ["بانک ملت شعبه مرکزی"] and bank.x_abshowas.value == "COMPANY"
    union = [c for c in cards if c.fn.value == "اتحادیه صنف نانوایان کاشان"]
    assert union == []  # its people carry it; only organizations with nobody get their own card


def test_export_follows_the_filter(db, tmp_path):
    _rich_directory(db)
    path = tmp_path / "banks.csv"
    assert io.export_csv(db, path, ContactFilter(kind="بانک")) == 1
    assert io.export_csv(db, path, ContactFilter(tag="همکاران"), scope="people") == 1
    assert io.export_csv(db, path, ContactFilter(staff=True)) == 1
    rows = list(io.iter_sheet(path))
    assert rows[1][3] == "کریمی"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_export_reports_progress_and_cancel_leaves_no_file(db, tmp_path, fmt):
    with db.atomic():
        for i in range(1200):
            store.add_person(db, {"first_name": f"نفر{i}", "last_name": "احمدی"})
    calls = []
    path = tmp_path / f"all.{fmt}"
    assert io.export_contacts(db, path, fmt, progress=lambda done, total: calls.append((done, total)) or True) == 1200
    assert calls[0] == (500, 1200) and calls[-1] == (1200, 1200)
    fresh = tmp_path / f"fresh.{fmt}"
    assert io.export_contacts(db, fresh, fmt, progress=lambda done, total: done < 1000) is None
    assert not fresh.exists()
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_a_cancelled_export_over_an_existing_file_keeps_that_file(db, tmp_path, fmt):
    with db.atomic():
        for i in range(1200):
            store.add_person(db, {"first_name": f"نفر{i}", "last_name": "احمدی"})
    path = tmp_path / f"all.{fmt}"
    path.write_bytes(b"the clerk's earlier export")
    assert io.export_contacts(db, path, fmt, progress=lambda done, total: done < 1000) is None
    assert path.read_bytes() == b"the clerk's earlier export"
    assert not list(tmp_path.glob("*.part"))


def test_vcard_of_organizations_only(db, tmp_path):
    _rich_directory(db)
    path = tmp_path / "orgs.vcf"
    assert io.export_vcard(db, path, scope="organizations") == 2
    cards = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    union = next(c for c in cards if c.fn.value == "اتحادیه صنف نانوایان کاشان")
    assert {t.value for t in union.contents["tel"]} == {"03155443322", "+442079460958", "03155443399"}
    assert union.url.value == "www.nan.ir" and union.adr.value.code == "8731713145"
    assert io.export_total(db, scope="directory") == 3
