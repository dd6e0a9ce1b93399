"""Sample messages for the demo: an archive over five years (200,000 in the large demo), a few bereavements."""

from __future__ import annotations

import datetime as dt
import random

from sqlite_utils import Database

from prdesk.core.jalali import jalali_parts, to_gregorian
from prdesk.core.salutation import resolve_salutation
from prdesk.core.text import compact_key
from prdesk.store.messages.archive import COLUMNS, message_key

COUNTS = {"small": 600, "office": 20_000, "large": 200_000}
# (occasion, Jalali month, day, template title): the office's yearly round of greetings.
ROUND = (
    ("عید نوروز", 12, 25, "تبریک عید نوروز"),
    ("روز ارتباطات و روابط عمومی", 2, 25, "تبریک روز ارتباطات و روابط عمومی"),
    ("روز تعاون", 4, 10, "تبریک روز تعاون"),
    ("روز خبرنگار", 5, 15, "تبریک روز خبرنگار"),
    ("روز جهانی کار و کارگر", 2, 9, "تبریک روز جهانی کار و کارگر"),
    ("عید سعید فطر", 1, 20, "تبریک عید سعید فطر"),
    ("عید سعید غدیر خم", 3, 20, "تبریک عید سعید غدیر خم"),
)
CHANNELS = ("letter",) * 10 + ("card",) * 4 + ("sms",) * 4 + ("phone", "in-person")


def fill_messages(db: Database, size: str, rnd: random.Random, stamp: str) -> int:
    """Archive sample messages for people of the demo (inside the demo's transaction); returns how many."""
    count = COUNTS.get(size, 0)
    templates = {title: (tid, kind, subject, body) for tid, title, kind, subject, body in db.execute(
        "SELECT t.id, t.title, t.kind, v.subject, v.body FROM message_templates t"
        " JOIN message_template_versions v ON v.template_id = t.id AND v.version = t.version")}
    people = db.execute(
        "SELECT p.id, p.organization_id, p.honorific, p.title, p.first_name, p.last_name, p.gender, p.position,"
        " coalesce(o.name, '') FROM people p LEFT JOIN organizations o ON o.id = p.organization_id"
    ).fetchall()
    if not people or not count:
        return 0
    this_year = jalali_parts(dt.date.today())[0]
    first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM messages").fetchone()[0]
    rows = []
    for _ in range(count):
        pid, org_id, honorific, title, first_name, last_name, gender, position, org = rnd.choice(people)
        occasion, month, day, template_title = rnd.choice(ROUND)
        year = rnd.randint(this_year - 5, this_year - 1)
        date = to_gregorian(year, month, day)
        tid, kind, subject, body = templates[template_title]
        person = {"honorific": honorific, "title": title, "gender": gender}
        salutation = resolve_salutation(person)
        name = " ".join(p for p in (first_name, last_name) if p)
        heading = f"{salutation} {name}".strip()
        if position:
            heading += f" - {position} محترم {org}".rstrip()
        channel = rnd.choice(CHANNELS)
        row = {
            "person_id": pid, "organization_id": org_id, "recipient": heading, "salutation": salutation,
            "occasion": occasion, "occasion_key": compact_key(occasion), "kind": kind, "template_id": tid,
            "template_version": 1, "subject": subject, "text": body.replace("{سازمان}", org or "آن مجموعه").replace("{سمت}", position),
            "date": date.isoformat(), "year": year, "channel": channel, "status": "sent", "letter_id": None,
            "letter_number": "", "batch": f"demo-{year}-{month}", "created_at": stamp,
        }
        row["search_key"] = message_key(row)
        rows.append([row[c] for c in COLUMNS])
    # Archived in the order they were sent, as an office archives them (the archive lists newest ids first).
    date_column = COLUMNS.index("date")
    rows.sort(key=lambda r: r[date_column])
    db.conn.executemany(f"INSERT INTO messages ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    db.execute("INSERT INTO messages_fts (rowid, search_key) SELECT id, search_key FROM messages WHERE id >= ?", [first])
    _bereavements(db, rnd, stamp)
    return count


def _bereavements(db: Database, rnd: random.Random, stamp: str) -> None:
    """Two recent deaths in staff families (so the dashboard has follow-up days) and a few deceased contacts."""
    staff = [r[0] for r in db.execute("SELECT id FROM people WHERE is_staff = 1 ORDER BY id LIMIT 40")]
    today = dt.date.today()
    for person_id, (name, gender, relation, days) in zip(rnd.sample(staff, min(2, len(staff))),
                                                         (("حسین رحمانی", "male", "پدر", 3), ("فاطمه سلطانی", "female", "مادر", 30))):
        db.execute(
            "INSERT INTO bereavements (person_id, deceased_name, deceased_gender, relation, died_on, anniversary_calendar, created_at)"
            " VALUES (?, ?, ?, ?, ?, 'jalali', ?)",
            [person_id, name, gender, relation, (today - dt.timedelta(days=days)).isoformat(), stamp],
        )
    total = db.execute("SELECT max(id) FROM people").fetchone()[0] or 0
    for person_id in rnd.sample(range(1, total + 1), min(total, max(1, total // 200))):
        died = today - dt.timedelta(days=rnd.randint(30, 1500))
        db.execute("UPDATE people SET deceased = 1, deceased_on = ? WHERE id = ? AND is_staff = 0", [died.isoformat(), person_id])
