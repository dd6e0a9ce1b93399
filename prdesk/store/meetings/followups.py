"""Follow-ups (پیگیری) of meetings: action, referred to, due date in working days, state; never deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from prdesk.core import meetings as rules
from prdesk.core.text import clean, to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store.meetings.booking import get_meeting, now_stamp, read_date
from prdesk.store.meetings.hosts import holidays


@dataclass(frozen=True)
class FollowUp:
    """One follow-up, with what the lists show of its meeting."""

    id: int
    meeting_id: int | None
    action: str
    referred_to: str
    due_date: dt.date
    state: str
    closing_note: str
    created_at: str
    closed_at: str | None
    meeting_date: dt.date | None = None
    subject: str = ""
    visitors: str = ""

    @property
    def is_open(self) -> bool:
        return self.state in rules.OPEN_FOLLOWUP_STATES

    def overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due_date < today

    @property
    def state_name(self) -> str:
        return rules.FOLLOWUP_STATES[self.state]

    def to_dict(self, today: dt.date) -> dict:
        from prdesk.core.jalali import format_jalali_iso

        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "action": self.action,
            "referred_to": self.referred_to,
            "due": format_jalali_iso(self.due_date),
            "state": self.state,
            "overdue": self.overdue(today),
            "closing_note": self.closing_note,
            "subject": self.subject,
            "visitors": [v for v in self.visitors.split("، ") if v],
        }


_SQL = (
    "SELECT f.id, f.meeting_id, f.action, f.referred_to, f.due_date, f.state, f.closing_note, f.created_at, f.closed_at, "
    "m.date, coalesce(m.subject, ''), "
    "coalesce((SELECT group_concat(v.name, '، ') FROM meeting_visitors v WHERE v.meeting_id = f.meeting_id), '') "
    "FROM meeting_followups f LEFT JOIN meetings m ON m.id = f.meeting_id"
)


def _row(r) -> FollowUp:
    return FollowUp(r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]), r[5], r[6], r[7], r[8],
                    dt.date.fromisoformat(r[9]) if r[9] else None, r[10], r[11])


def get_followup(db: Database, followup_id: int) -> FollowUp:
    row = db.execute(f"{_SQL} WHERE f.id = ?", [followup_id]).fetchone()
    if row is None:
        raise NotFound(f"پیگیری شمارهٔ {to_persian_digits(followup_id)} پیدا نشد.")
    return _row(row)


def default_due(db: Database, start: dt.date, days: int = rules.FOLLOWUP_WORKING_DAYS) -> dt.date:
    """``days`` working days after ``start`` (Fridays and official holidays of the calendar skipped)."""
    return rules.followup_due(start, holidays(db, start, start + dt.timedelta(days=days * 2 + 60)), days)


def add_followup(db: Database, meeting_id: int | None, action: str, *, referred_to: str = "", due=None,
                 today: dt.date | None = None) -> FollowUp:
    """A new open follow-up; without ``due`` it is due 30 working days from ``today``."""
    action = clean(action)
    if not action:
        raise ValidationError("اقدامی را که باید پیگیری شود بنویسید.", "action")
    if meeting_id is not None:
        get_meeting(db, meeting_id)
    today = today or dt.date.today()
    due_date = read_date(due, "due") if due not in (None, "") else default_due(db, today)
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO meeting_followups (meeting_id, action, referred_to, due_date, created_at) VALUES (?, ?, ?, ?, ?)",
            [meeting_id, action, clean(referred_to), due_date.isoformat(), now_stamp()],
        )
    return get_followup(db, cursor.lastrowid)


def update_followup(db: Database, followup_id: int, *, state: str | None = None, closing_note: str | None = None,
                    action: str | None = None, referred_to: str | None = None, due=None) -> FollowUp:
    """Change a follow-up's state, note, action, referral or due date; a closed one gets its closing time."""
    current = get_followup(db, followup_id)
    new_state = rules.choice(state, rules.FOLLOWUP_STATES, "state", "وضعیت پیگیری", current.state) if state else current.state
    note = clean(closing_note) if closing_note is not None else current.closing_note
    if new_state in ("done", "fruitless") and not note and current.is_open:
        raise ValidationError("برای بستن پیگیری، یادداشت پایانی (نتیجهٔ پیگیری) را بنویسید.", "closing_note")
    new_action = clean(action) if action is not None else current.action
    if not new_action:
        raise ValidationError("اقدامی را که باید پیگیری شود بنویسید.", "action")
    due_date = read_date(due, "due") if due not in (None, "") else current.due_date
    closed_at = current.closed_at
    if new_state in rules.OPEN_FOLLOWUP_STATES:
        closed_at = None
    elif current.is_open:
        closed_at = now_stamp()
    with db.atomic():
        db.execute(
            "UPDATE meeting_followups SET state = ?, closing_note = ?, action = ?, referred_to = ?, due_date = ?, closed_at = ? WHERE id = ?",
            [new_state, note, new_action, clean(referred_to) if referred_to is not None else current.referred_to,
             due_date.isoformat(), closed_at, followup_id],
        )
    return get_followup(db, followup_id)


def list_followups(db: Database, *, today: dt.date | None = None, overdue_only: bool = False, open_only: bool = False,
                   meeting_ids: list[int] | None = None, limit: int | None = None) -> list[FollowUp]:
    """Follow-ups by due date; ``overdue_only`` keeps the open ones past their due date."""
    today = today or dt.date.today()
    where, params = [], []
    if overdue_only or open_only:
        where.append("f.state IN ('open', 'in-progress')")
    if overdue_only:
        where.append("f.due_date < ?")
        params.append(today.isoformat())
    if meeting_ids is not None:
        if not meeting_ids:
            return []
        where.append(f"f.meeting_id IN ({','.join('?' * len(meeting_ids))})")
        params += meeting_ids
    sql = _SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY f.due_date, f.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_row(r) for r in db.execute(sql, params)]


def count_overdue(db: Database, today: dt.date | None = None) -> int:
    """How many open follow-ups are past their due date."""
    today = today or dt.date.today()
    return db.execute(
        "SELECT count(*) FROM meeting_followups WHERE state IN ('open', 'in-progress') AND due_date < ?", [today.isoformat()]
    ).fetchone()[0]


def open_followups_of_visitors(db: Database, meeting) -> list[FollowUp]:
    """The open follow-ups of earlier meetings of the same visitors (contacts, or walk-ins by phone)."""
    people = [v.person_id for v in meeting.visitors if v.person_id]
    phones = [v.phone for v in meeting.visitors if not v.person_id and v.phone]
    if not people and not phones:
        return []
    conditions, params = [], []
    if people:
        conditions.append(f"person_id IN ({','.join('?' * len(people))})")
        params += people
    if phones:
        conditions.append(f"(phone IN ({','.join('?' * len(phones))}) AND phone <> '')")
        params += phones
    ids = [r[0] for r in db.execute(f"SELECT DISTINCT meeting_id FROM meeting_visitors WHERE {' OR '.join(conditions)}", params)]
    return [f for f in list_followups(db, open_only=True, meeting_ids=ids)]


def hold_meeting(db: Database, meeting_id: int, outcome: str, *, followup: dict | None = None,
                 today: dt.date | None = None):
    """Mark a meeting held with its outcome and, when given, open its follow-up: one action, one transaction."""
    from prdesk.store.meetings.booking import set_status

    with db.atomic():
        meeting = set_status(db, meeting_id, "held", outcome=outcome)
        if followup and clean(followup.get("action")):
            add_followup(db, meeting_id, followup["action"], referred_to=followup.get("referred_to", ""),
                         due=followup.get("due"), today=today)
        elif followup is not None and (clean(followup.get("referred_to")) or followup.get("due")):
            raise ValidationError("اقدامی را که باید پیگیری شود بنویسید.", "action")
    return meeting
