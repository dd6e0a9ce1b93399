"""Sample meetings for `prdesk demo`: hosts, rooms, five years of the director's meetings, weekly public days, follow-ups."""

from __future__ import annotations

import datetime as dt
import random

from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.text import search_key

# How many meetings each demo size gets, over how many years back from today.
PLAN = {"small": (400, 1), "office": (5_000, 3), "large": (50_000, 5)}
HOSTS = (
    ("معاون توسعهٔ مدیریت و منابع", 30),
    ("معاون امور تعاون", 30),
    ("معاون روابط کار", 45),
)
PUBLIC_WEEKDAY = 3  # سه‌شنبه (Saturday = 0)
PUBLIC_SLOTS = 10

SUBJECTS = {
    "request": (
        "درخواست تسهیلات اشتغال‌زایی برای تعاونی", "درخواست تمدید مهلت مجمع عمومی", "درخواست معرفی به بانک توسعهٔ تعاون",
        "درخواست حمایت از نمایشگاه صنایع دستی", "درخواست ثبت تعاونی جدید", "درخواست تخصیص زمین برای تعاونی مسکن",
        "درخواست بررسی پروندهٔ بیمهٔ قالیبافان", "درخواست مجوز برگزاری دورهٔ آموزشی",  # glossary-ok: a case file, not a computer file
    ),
    "complaint": (
        "شکایت از هیئت‌مدیرهٔ تعاونی مسکن", "شکایت از تأخیر در پرداخت سود سهام", "شکایت از اخراج کارگر",
        "شکایت از عدم پرداخت حق بیمه توسط کارفرما", "شکایت اعضا از نحوهٔ برگزاری مجمع",
    ),
    "suggestion": ("پیشنهاد تشکیل اتحادیهٔ تعاونی‌های فرش", "پیشنهاد همکاری در طرح کارورزی", "پیشنهاد برگزاری جشنوارهٔ تعاون"),
    "criticism": ("انتقاد از طولانی بودن روند صدور مجوز", "انتقاد از نحوهٔ اطلاع‌رسانی بخشنامه‌ها"),
    "report": ("گزارش عملکرد سالانهٔ اتحادیه", "گزارش پیشرفت طرح مسکن مهر تعاونی", "گزارش وضعیت اشتغال روستایی"),
    "courtesy": ("دیدار و احوال‌پرسی مدیرعامل جدید اتحادیه", "دیدار نوروزی هیئت‌مدیره", "تبریک انتصاب"),
    "invitation": ("دعوت به مجمع عمومی سالانه", "دعوت به مراسم افتتاح فروشگاه تعاونی", "دعوت به همایش روز تعاون"),
    "other": ("هماهنگی بازدید از کارگاه", "تحویل مدارک پرونده"),  # glossary-ok: a case file, not a computer file
}
TYPE_WEIGHTS = {"request": 34, "complaint": 16, "suggestion": 8, "criticism": 5, "report": 12, "courtesy": 12, "invitation": 9, "other": 4}
OUTCOMES = (
    "مقرر شد پرونده به معاونت امور تعاون ارجاع شود", "نامه به بانک توسعهٔ تعاون ارسال می‌شود",  # glossary-ok: a case file, not a computer file
    "کارشناس ظرف دو هفته بازدید می‌کند", "موضوع در شورای اداری مطرح می‌شود", "راهنمایی لازم ارائه شد",
    "درخواست با شرایط فعلی قابل انجام نیست و به متقاضی اعلام شد", "قرار شد اتحادیه گزارش تکمیلی بفرستد",
    "دستور پیگیری به ادارهٔ بازرسی داده شد", "مدیرکل در مراسم شرکت می‌کند",
)
ACTIONS = (
    "ارسال نامه به بانک توسعهٔ تعاون", "بررسی پرونده و اعلام نتیجه به متقاضی", "بازدید کارشناس از محل تعاونی",  # glossary-ok: a case file, not a computer file
    "هماهنگی با ادارهٔ کار شهرستان", "تهیهٔ گزارش برای مدیرکل", "پاسخ کتبی به شکایت",
)
REFERRALS = ("معاونت امور تعاون", "معاونت روابط کار", "ادارهٔ بازرسی", "ادارهٔ امور مالی", "روابط عمومی", "ادارهٔ حقوقی")
CLOSING = ("پاسخ به متقاضی ابلاغ شد", "نامه ارسال و پاسخ دریافت شد", "موضوع حل شد", "متقاضی پیگیری نکرد")
FIRST = ("محمد", "علی", "حسین", "رضا", "مهدی", "زهرا", "فاطمه", "مریم", "معصومه", "احمد", "سعید", "نرگس", "اکبر", "لیلا")
LAST = ("احمدی", "محمدی", "کریمی", "حسینی", "رضایی", "موسوی", "جعفری", "صادقی", "نوری", "کاظمی", "قاسمی", "اکبری")
WALK_IN_ORGS = ("", "", "تعاونی مصرف فرهنگیان", "تعاونی فرش دستباف روستای قهرود", "شرکت تعاونی مسکن کارگران", "تعاونی مرغداران")


def fill_meetings(db: Database, size: str, *, today: dt.date | None = None) -> int:
    """Add hosts and sample meetings to a demo database (inside the demo's transaction); returns the meetings added."""
    count, years = PLAN.get(size, PLAN["small"])
    rnd = random.Random(f"prdesk-meetings-{size}")
    today = today or dt.date.today()
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    position = db.execute("SELECT coalesce(max(position), 0) FROM meeting_hosts").fetchone()[0]
    for i, (name, slot) in enumerate(HOSTS, start=1):
        db.execute("INSERT OR IGNORE INTO meeting_hosts (name, position, hours, slot_minutes) VALUES (?, ?, ?, ?)",
                   [name, position + i, rules.WorkingHours.default().to_json(), slot])
    hosts = [(r[0], r[1]) for r in db.execute("SELECT id, slot_minutes FROM meeting_hosts WHERE active = 1 ORDER BY position, id")]
    rooms = [r[0] for r in db.execute("SELECT id FROM meeting_rooms ORDER BY position, id")]
    people = db.execute(
        "SELECT p.id, trim(p.first_name || ' ' || p.last_name), coalesce(o.name, ''), p.mobile "
        "FROM people p LEFT JOIN organizations o ON o.id = p.organization_id WHERE p.is_staff = 0"
    ).fetchall()
    start = today - dt.timedelta(days=365 * years)
    end = today + dt.timedelta(days=30)
    closed = rules.official_holidays(start, end)
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    days = [d for d in days if not jalali.is_friday(d) and d not in closed]
    hours = rules.WorkingHours.default()
    slots = {"small": 3, "office": 6}.get(size, PUBLIC_SLOTS)
    public_days = sum(1 for d in days if jalali.week_index(d) == PUBLIC_WEEKDAY)
    per_day = max(0.5, (count - public_days * slots) / len(days))
    types, weights = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
    next_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM meetings").fetchone()[0]
    meetings, visitors, history, followups, links, db_links = [], [], [], [], [], []
    keys: dict[str, str] = {}
    booked: dict[tuple[dt.date, int], set[int]] = {}
    dues: dict[dt.date, dt.date] = {}

    def key_of(*parts: str) -> str:
        # The normalizer per distinct piece: subjects, outcomes and names repeat thousands of times.
        found = []
        for part in parts:
            if part:
                if part not in keys:
                    keys[part] = search_key(part)
                found.append(keys[part])
        return " ".join(found)


    def visitor_for(meeting_id: int, index: int) -> tuple[str, str]:
        if people and rnd.random() < 0.7:
            pid, name, org, mobile = rnd.choice(people)
            visitors.append((meeting_id, pid, name, mobile, "", org, index))
            return name, org
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        org = rnd.choice(WALK_IN_ORGS)
        visitors.append((meeting_id, None, name, f"0913{rnd.randrange(10**7):07d}", "", org, index))
        return name, org

    def add(day: dt.date, begin: int, length: int, host_id: int, room_id, public: bool, queue: int | None) -> int:
        nonlocal next_id
        meeting_id = next_id
        next_id += 1
        kind = rnd.choices(types, weights)[0] if not public else rnd.choice(("request", "complaint", "request", "suggestion"))
        subject = rnd.choice(SUBJECTS[kind])
        names = [visitor_for(meeting_id, 0)]
        if not public and rnd.random() < 0.15:
            names.append(visitor_for(meeting_id, 1))
        past = day < today
        roll = rnd.random()
        if past:
            status = "held" if roll < 0.76 else "cancelled" if roll < 0.83 else "no-show" if roll < 0.89 else "postponed" if roll < 0.93 else "held"
        elif day == today:
            status = "arrived" if roll < 0.3 else "scheduled"
        else:
            status = "requested" if roll < 0.2 else "scheduled"
        if public and status == "postponed":
            status = "held"
        outcome = rnd.choice(OUTCOMES) if status == "held" and rnd.random() < 0.8 else ""
        reason = rnd.choice(("سفر مدیرکل", "جلسهٔ فوری در استانداری", "انصراف متقاضی")) if status == "cancelled" else ""
        arrived = rules.format_time(max(0, begin - rnd.randrange(0, 15))) if status in ("held", "arrived") else None
        key = key_of(subject, outcome, *(n for n, _ in names), *(o for _, o in names))
        created = dt.datetime.combine(day - dt.timedelta(days=rnd.randrange(1, 20)), dt.time(9, 0)).astimezone().isoformat(timespec="seconds")
        meetings.append((
            meeting_id, day.isoformat(), rules.format_time(begin), rules.format_time(begin + length), length, host_id, room_id,
            subject, kind, "high" if rnd.random() < 0.08 else "normal", "", outcome, status, arrived, reason,
            int(public), queue, key, created, stamp,
        ))
        history.append((meeting_id, created, "requested" if public else "scheduled", "ثبت شد"))
        if status not in ("scheduled", "requested"):
            history.append((meeting_id, f"{day.isoformat()}T{rules.format_time(begin + length)}:00", status, outcome or reason))
        if status == "postponed":
            links.append((meeting_id, day, begin, length, host_id, room_id))
        if status == "held" and kind in ("request", "complaint", "suggestion", "criticism") and rnd.random() < 0.4:
            if day not in dues:
                dues[day] = rules.followup_due(day, closed, 30) if day + dt.timedelta(days=60) < end else day + dt.timedelta(days=42)
            due = dues[day]
            if due < today - dt.timedelta(days=20):
                state = rnd.choice(("done", "done", "done", "fruitless", "open"))
            else:
                state = rnd.choice(("open", "in-progress", "done"))
            note = rnd.choice(CLOSING) if state in ("done", "fruitless") else ""
            followups.append((meeting_id, rnd.choice(ACTIONS), rnd.choice(REFERRALS), due.isoformat(), state, note, created,
                              stamp if note else None))
        return meeting_id

    for day in days:
        span = hours.on(day)
        if span is None:
            continue
        public_day = jalali.week_index(day) == PUBLIC_WEEKDAY
        if public_day and hosts:
            # The director's public day: walk-ins in short slots, queue numbers in arrival order.
            director = hosts[0][0]
            for q in range(1, slots + 1):
                add(day, span[0] + (q - 1) * 10, 10, director, rooms[-1] if rooms else None, True, q if day <= today else None)
        wanted = int(per_day) + (1 if rnd.random() < per_day - int(per_day) else 0)
        placed = 0
        for n in range(wanted * 2):
            if placed == wanted:
                break
            host_id, slot = hosts[n % len(hosts)]
            if public_day and host_id == hosts[0][0]:
                continue
            busy = booked.setdefault((day, host_id), set())
            free = [s for s in range(span[0], span[1] - slot + 1, slot) if s not in busy]
            if not free:
                continue
            begin = rnd.choice(free)
            busy.add(begin)
            # Rooms are left empty here: several hosts at once would otherwise share one.
            add(day, begin, slot, host_id, None, False, None)
            placed += 1
    # Each postponed meeting was booked again a week later, and both point at each other.
    for old_id, day, begin, length, host_id, room_id in list(links):
        later = day + dt.timedelta(days=7)
        while jalali.is_friday(later) or later in closed:
            later += dt.timedelta(days=1)
        span = hours.on(later)
        busy = booked.setdefault((later, host_id), set())
        free = [s for s in range(span[0], span[1] - length + 1, length) if s not in busy] if span else []
        if not free:
            continue
        begin = begin if begin in free else free[0]
        busy.add(begin)
        new_id = add(later, begin, length, host_id, room_id, False, None)
        status = "held" if later < today else "scheduled"
        # The successor's own draw is replaced: it is held (or still ahead), with one history line to match.
        meetings[-1] = meetings[-1][:12] + (status, None, "") + meetings[-1][15:]
        if links[-1][0] == new_id:
            links.pop()
        while history[-1][0] == new_id and history[-2][0] == new_id:
            history.pop()
        if status == "held":
            history.append((new_id, f"{later.isoformat()}T{rules.format_time(begin + length)}:00", "held", meetings[-1][11]))
        elif followups and followups[-1][0] == new_id:
            followups.pop()
        db_links.append((new_id, old_id))
    # A postponed meeting that found no new time stays postponed without a successor only in name: mark it cancelled.
    linked = {old for _, old in db_links}
    unlinked = set()
    for index, row in enumerate(meetings):
        if row[12] == "postponed" and row[0] not in linked:
            meetings[index] = row[:12] + ("cancelled",) + row[13:14] + ("سفر مدیرکل",) + row[15:]
            unlinked.add(row[0])
    history = [(m, at, "cancelled" if m in unlinked and st == "postponed" else st, note) for m, at, st, note in history]

    db.conn.executemany(
        "INSERT INTO meetings (id, date, start_time, end_time, duration, host_id, room_id, subject, type, priority, notes, "
        "outcome, status, arrived_at, cancel_reason, public_day, queue_number, search_key, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", meetings,
    )
    db.conn.executemany("UPDATE meetings SET postponed_to = ? WHERE id = ?", db_links)
    db.conn.executemany("UPDATE meetings SET postponed_from = ? WHERE id = ?", [(old, new) for new, old in db_links])
    db.conn.executemany(
        "INSERT INTO meeting_visitors (meeting_id, person_id, name, phone, national_code, organization, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", visitors,
    )
    db.conn.executemany("INSERT INTO meeting_history (meeting_id, at, status, note) VALUES (?, ?, ?, ?)", history)
    db.conn.executemany(
        "INSERT INTO meeting_followups (meeting_id, action, referred_to, due_date, state, closing_note, created_at, closed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", followups,
    )
    return len(meetings)

