"""The archive of sent and drafted messages: one row per recipient, the text as it went out, search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlite_utils import Database

from prdesk.core.jalali import format_jalali, format_jalali_iso, jalali_parts
from prdesk.core.templates import CHANNELS, KINDS, STATUSES
from prdesk.core.text import clean, compact_key, search_key, to_persian_digits
from prdesk.store.letters import as_date  # one reading of a typed or stored date for the register and the archive
from prdesk.errors import NotFound, ValidationError

COLUMNS = (
    "person_id", "organization_id", "recipient", "salutation", "occasion", "occasion_key", "kind", "template_id",
    "template_version", "subject", "text", "date", "year", "channel", "status", "letter_id", "letter_number", "batch",
    "search_key", "created_at",
)
_INSERT = f"INSERT INTO messages ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def message_key(row: Mapping) -> str:
    """The archive's search key: recipient, occasion, subject, letter number, channel and status in words."""
    parts = (
        row.get("recipient"), row.get("occasion"), row.get("subject"), row.get("letter_number"),
        CHANNELS.get(row.get("channel") or "", ""), KINDS.get(row.get("kind") or "", ""),
    )
    return search_key(" ".join(clean(p) for p in parts if p))


def message_row(values: Mapping) -> dict:
    """A checked archive row (defaults filled, keys made) ready for :func:`insert_rows`."""
    channel = values.get("channel") or "letter"
    if channel not in CHANNELS:
        raise ValidationError("راه ارسال را از فهرست انتخاب کنید (نامه، کارت، پیامک، تلفن، حضوری، پیام‌رسان).", "channel")
    status = values.get("status") or "draft"
    if status not in STATUSES:
        raise ValidationError("وضعیت پیام پیش‌نویس یا ارسال‌شده است.", "status")
    kind = values.get("kind") or "greeting"
    if kind not in KINDS:
        raise ValidationError("نوع پیام را از فهرست انتخاب کنید.", "kind")
    date = as_date(values.get("date"))
    row = {
        "person_id": values.get("person_id"), "organization_id": values.get("organization_id"),
        "recipient": clean(values.get("recipient")), "salutation": clean(values.get("salutation")),
        "occasion": clean(values.get("occasion")), "kind": kind,
        "template_id": values.get("template_id"), "template_version": values.get("template_version"),
        "subject": clean(values.get("subject")), "text": (values.get("text") or "").strip(),
        "date": date.isoformat(), "year": jalali_parts(date)[0], "channel": channel, "status": status,
        "letter_id": values.get("letter_id"), "letter_number": clean(values.get("letter_number")),
        "batch": clean(values.get("batch")), "created_at": values.get("created_at") or _now(),
    }
    if not row["recipient"]:
        raise ValidationError("گیرندهٔ پیام را انتخاب کنید.", "recipient")
    row["occasion_key"] = compact_key(row["occasion"])
    row["search_key"] = message_key(row)
    return row


def insert_rows(db: Database, rows: Iterable[Mapping], *, index: bool = True) -> list[int]:
    """Insert checked rows (the caller holds the transaction); each is put into the search index unless ``index`` is False."""
    ids = []
    for row in rows:
        message_id = db.execute(_INSERT, [row[c] for c in COLUMNS]).lastrowid
        if index:
            db.execute("INSERT INTO messages_fts (rowid, search_key) VALUES (?, ?)", [message_id, row["search_key"]])
        ids.append(message_id)
    return ids


def add_message(db: Database, values: Mapping) -> dict:
    """Archive one message (one transaction); returns the stored row."""
    row = message_row(values)
    with db.atomic():
        (message_id,) = insert_rows(db, [row])
    return get_message(db, message_id)


def get_message(db: Database, message_id: int) -> dict:
    """One archive row."""
    cursor = db.execute("SELECT * FROM messages WHERE id = ?", [message_id])
    row = cursor.fetchone()
    if row is None:
        raise NotFound("این پیام در بایگانی نیست؛ شاید پایگاه داده عوض شده است. فهرست را دوباره بارگیری کنید.")
    return dict(zip([d[0] for d in cursor.description], row))


def mark_sent(db: Database, message_ids: Iterable[int], channel: str | None = None) -> int:
    """Mark drafts as sent (optionally by ``channel``); returns how many changed."""
    ids = list(message_ids)
    if channel is not None and channel not in CHANNELS:
        raise ValidationError("راه ارسال را از فهرست انتخاب کنید.", "channel")
    changed = 0
    with db.atomic():
        for message_id in ids:
            row = get_message(db, message_id)
            new = {**row, "status": "sent", "channel": channel or row["channel"]}
            cursor = db.execute(
                "UPDATE messages SET status = 'sent', channel = ?, search_key = ? WHERE id = ? AND (status <> 'sent' OR channel <> ?)",
                [new["channel"], message_key(new), message_id, new["channel"]],
            )
            changed += cursor.rowcount
    return changed


def duplicate_message(db: Database, message_id: int, *, date: object = None) -> dict:
    """A new draft with the same recipient, occasion and text (no letter number: it is a new message)."""
    row = get_message(db, message_id)
    values = {k: row[k] for k in COLUMNS if k not in ("letter_id", "letter_number", "batch", "created_at", "date", "status")}
    return add_message(db, {**values, "status": "draft", "date": date})


_FILTERS = ("kind", "channel", "status", "person_id", "organization_id")
#: The archive counts matches up to this many; past it the page says «more than …» (counting 30,000 costs more than finding them).
COUNT_CAP = 1_000


def _query(text: str = "", **filters) -> tuple[str, str, list]:
    """(FROM clause, WHERE clause, parameters): the search index first when there are words, so the
    newest matches stream out in id order and a LIMIT stops the search early."""
    clauses, params = [], []
    words = search_key(text).split()
    long_words = [w for w in words if len(w) >= 3]
    source = "messages m"
    if long_words:
        # The trigram index answers words of three letters or more, newest (highest id) first.
        # CROSS JOIN keeps the index as the outer loop: with a filter on messages, the planner
        # would otherwise walk that filter's index and run the full-text query once per row.
        source = "messages_fts f CROSS JOIN messages m ON m.id = f.rowid"
        clauses.append("messages_fts MATCH ?")
        params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long_words))
    for word in (w for w in words if len(w) < 3):
        clauses.append("instr(m.search_key, ?) > 0")
        params.append(word)
    for key in _FILTERS:
        value = filters.get(key)
        if value not in (None, ""):
            clauses.append(f"m.{key} = ?")
            params.append(value)
    if filters.get("occasion"):
        clauses.append("instr(m.occasion_key, ?) > 0")
        params.append(compact_key(filters["occasion"]))
    if filters.get("date_from"):
        clauses.append("m.date >= ?")
        params.append(as_date(filters["date_from"], "date_from").isoformat())
    if filters.get("date_to"):
        clauses.append("m.date <= ?")
        params.append(as_date(filters["date_to"], "date_to").isoformat())
    return source, (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def search_messages(db: Database, text: str = "", *, limit: int | None = 200, offset: int = 0, **filters) -> list[dict]:
    """Archive rows matching every word of ``text`` (recipient, occasion, subject, letter number) and the filters,
    the most recently archived first.

    Filters: kind, channel, status, person_id, organization_id, occasion (words of it), date_from, date_to.
    """
    source, where, params = _query(text, **filters)
    order = "f.rowid DESC" if source.startswith("messages_fts") else "m.id DESC"
    sql = f"SELECT m.* FROM {source}{where} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


def count_messages(db: Database, text: str = "", *, cap: int | None = None, **filters) -> int:
    """How many rows :func:`search_messages` would return without a limit (at most ``cap`` + 1 when a cap is given)."""
    source, where, params = _query(text, **filters)
    if cap is None:
        return db.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0]
    if not any(len(w) >= 3 for w in search_key(text).split()) and search_key(text):
        # One or two letters are checked row by row (the index needs three): count no further than a page.
        cap = min(cap, 200)
    return db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {source}{where} LIMIT ?)", [*params, int(cap) + 1]).fetchone()[0]


def already_sent(db: Database, person_ids: Iterable[int], occasion: str, year: int) -> dict[int, dict]:
    """For each of ``person_ids`` already messaged for ``occasion`` in Jalali ``year``: the latest such row."""
    found: dict[int, dict] = {}
    key = compact_key(occasion)
    ids = list(person_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = db.execute(
            f"SELECT person_id, id, date, channel, letter_number FROM messages WHERE occasion_key = ? AND year = ?"
            f" AND person_id IN ({','.join('?' * len(chunk))}) ORDER BY date",
            [key, year, *chunk],
        ).fetchall()
        for person_id, message_id, date, channel, number in rows:
            found[person_id] = {"id": message_id, "date": date, "channel": channel, "letter_number": number}
    return found


def json_row(row: Mapping) -> dict:
    """An archive row as ``messages list --json`` prints it (Jalali dates YYYY/MM/DD, ASCII digits)."""
    return {
        "id": row["id"], "person_id": row["person_id"], "organization_id": row["organization_id"],
        "recipient": row["recipient"], "salutation": row["salutation"], "occasion": row["occasion"], "kind": row["kind"],
        "channel": row["channel"], "status": row["status"], "date": format_jalali_iso(dt.date.fromisoformat(row["date"])),
        "letter_number": row["letter_number"] or None, "template_id": row["template_id"],
        "template_version": row["template_version"], "subject": row["subject"], "text": row["text"],
    }


def display_row(row: Mapping) -> dict[str, str]:
    """An archive row as the clerk reads it: Jalali date, Persian digits and words."""
    return {
        "date": format_jalali(dt.date.fromisoformat(row["date"])),
        "recipient": row["recipient"].split(" - ")[0],  # the name; the position and organization in the tooltip
        "occasion": row["occasion"],
        "kind": KINDS.get(row["kind"], row["kind"]),
        "channel": CHANNELS.get(row["channel"], row["channel"]),
        "status": STATUSES.get(row["status"], row["status"]),
        "letter_number": to_persian_digits(row["letter_number"] or ""),
    }
