"""Generating a batch: one letter per recipient, registered numbers, duplex pages, all or nothing (cancel, failure, kill)."""

import os
import unicodedata
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from pypdf import PdfReader

from prdesk.errors import ValidationError
from prdesk.store.db import open_database
from prdesk.store.messages import archive, templates
from prdesk.store.messages.batch import export_sms, generate_batch
from prdesk.store.messages.recipients import RecipientFilter, prepare
from tests.store.messages_support import DATE, small_office


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "m.sqlite3")
    yield database
    database.close()


def nowruz(db, **kw):
    t = templates.find_template(db, "تبریک عید نوروز")
    return t, prepare(db, t, "عید نوروز", RecipientFilter(kind="اتحادیه"), date=DATE, channel="letter", **kw)


def counts(db):
    return (db.execute("SELECT count(*) FROM messages").fetchone()[0], db.execute("SELECT count(*) FROM letters").fetchone()[0])


def test_one_letter_per_recipient_each_with_its_number(db, tmp_path):
    small_office(db)
    t, found = nowruz(db)
    out = tmp_path / "nowruz.pdf"
    result = generate_batch(db, t, "عید نوروز", found, date=DATE, out=out)
    assert result.count == 2 and result.letter_numbers == ["1/ص/1404", "2/ص/1404"]
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    names = [r.name.split()[0] for r in found if r.included]
    for page, name in zip(reader.pages, names):
        text = unicodedata.normalize("NFKC", page.extract_text())
        assert "نوروز" in text and name in text  # one recipient per letter, in order
    rows = archive.search_messages(db, "نوروز")
    assert {r["letter_number"] for r in rows} == set(result.letter_numbers)
    assert all(r["status"] == "sent" and r["template_version"] == t.version for r in rows)
    assert db.execute("SELECT count(*) FROM letters WHERE person_id IS NOT NULL").fetchone()[0] == 2


def test_duplex_adds_a_blank_page_after_each_odd_length_letter(db, tmp_path):
    small_office(db)
    t, found = nowruz(db)
    out = tmp_path / "d.pdf"
    generate_batch(db, t, "عید نوروز", found, date=DATE, out=out, duplex=True)
    reader = PdfReader(out)
    assert len(reader.pages) == 3  # letter, blank back, letter (nothing after the last one)
    assert reader.pages[1].extract_text().strip() == ""
    assert reader.pages[2].extract_text().strip() != ""


def test_an_excluded_recipient_gets_nothing(db, tmp_path):
    ids = small_office(db)
    t, found = nowruz(db, exclude={ids["maryam"]: "مرخصی"})
    assert next(r for r in found if r.person_id == ids["maryam"]).reason_text() == "به خواست کاربر (مرخصی)"
    result = generate_batch(db, t, "عید نوروز", found, date=DATE, out=tmp_path / "x.pdf")
    assert result.count == 1 and len(PdfReader(tmp_path / "x.pdf").pages) == 1


def test_cancel_leaves_no_record_no_number_and_no_pdf(db, tmp_path):
    small_office(db)
    t, found = nowruz(db)
    out = tmp_path / "c.pdf"
    for stop_at in (1, 3):  # during the archive, during the PDF
        result = generate_batch(db, t, "عید نوروز", found, date=DATE, out=out, progress=lambda d, n: d < stop_at)
        assert result.cancelled and result.count == 0
        assert counts(db) == (0, 0)
        assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.part")) == []


def test_a_failure_while_printing_leaves_nothing(db, tmp_path, monkeypatch):
    from prdesk.printing import messages as printing

    small_office(db)
    t, found = nowruz(db)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(printing, "render_batch", broken)
    with pytest.raises(Exception, match="نوشته نشد"):
        generate_batch(db, t, "عید نوروز", found, date=DATE, out=tmp_path / "f.pdf")
    assert counts(db) == (0, 0) and not (tmp_path / "f.pdf").exists()


def test_missing_values_or_nobody_are_refused(db, tmp_path):
    small_office(db)
    t = templates.find_template(db, "تبریک روز تعاون")
    found = prepare(db, t, "روز تعاون", RecipientFilter(staff=True), date=DATE, channel="letter")
    for r in found:
        r.reason = ""  # the clerk forced them back in
    with pytest.raises(ValidationError, match="سازمان"):
        generate_batch(db, t, "روز تعاون", found, date=DATE, out=tmp_path / "m.pdf")
    with pytest.raises(ValidationError, match="هیچ گیرنده"):
        generate_batch(db, t, "روز تعاون", [], date=DATE, out=tmp_path / "m.pdf")
    assert counts(db) == (0, 0)


def test_a_card_batch_is_archived_as_drafts_without_numbers(db):
    small_office(db)
    t = templates.find_template(db, "تبریک زادروز همکار")
    found = prepare(db, t, "تولد", RecipientFilter(staff=True), date=DATE, channel="card")
    result = generate_batch(db, t, "تولد", found, date=DATE, channel="card")
    assert result.count == 1 and result.letter_numbers == []
    assert archive.get_message(db, result.message_ids[0])["status"] == "draft"


def test_sms_export_counts_parts_and_flags_long_texts(db, tmp_path):
    from prdesk.store.settings import update_settings

    small_office(db)
    update_settings(db, {"signatory_name": "روابط عمومی"})
    t = templates.find_template(db, "پیامک تبریک نوروز")
    found = prepare(db, t, "عید نوروز", RecipientFilter(kind="اتحادیه"), date=DATE, channel="sms")
    done = export_sms(found, tmp_path / "s.csv", max_parts=1)
    lines = (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "mobile,recipient,text,parts,over_limit"
    assert done.written == 2 and done.over_limit == 2
    assert all(",2,بله" in line for line in lines[1:])


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from prdesk.store.db import open_database
    from prdesk.store.messages import templates
    from prdesk.store.messages.batch import generate_batch
    from prdesk.store.messages.recipients import RecipientFilter, prepare
    from tests.store.messages_support import DATE

    db = open_database(Path(sys.argv[1]))
    t = templates.find_template(db, "تبریک عید نوروز")
    found = prepare(db, t, "عید نوروز", RecipientFilter(kind="اتحادیه"), date=DATE, channel="letter")

    def progress(done, total):
        if done == 3:  # the records are written, the PDF is half laid out
            Path(sys.argv[3]).write_text("ready")
            time.sleep(60)

    generate_batch(db, t, "عید نوروز", found, date=DATE, out=Path(sys.argv[2]), progress=progress)
""")


def test_a_kill_during_generation_leaves_no_record_no_number_and_no_pdf(db, tmp_path):
    small_office(db)
    db.close()
    path, out, marker = tmp_path / "m.sqlite3", tmp_path / "k.pdf", tmp_path / "ready"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(path), str(out), str(marker)], cwd=root)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None and time.monotonic() < deadline, "the batch did not start"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(30)
    again = open_database(path)
    assert counts(again) == (0, 0)
    assert not out.exists()
    again.close()
