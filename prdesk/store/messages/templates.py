"""Message templates in the database: each edit is a new version, so a sent message keeps its text."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from prdesk.core.templates import CHANNELS, KINDS, check_template_text
from prdesk.core.text import clean, compact_key
from prdesk.errors import NotFound, ValidationError


@dataclass(frozen=True)
class Template:
    """One template at one version."""

    id: int
    title: str
    kind: str
    channel: str
    occasions: tuple[str, ...]
    version: int
    subject: str
    body: str
    active: bool = True

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "kind": self.kind, "channel": self.channel,
            "occasions": list(self.occasions), "version": self.version, "subject": self.subject, "body": self.body,
            "active": self.active,
        }

    def suits(self, occasion: str) -> bool:
        """Whether one of the template's occasion words occurs in ``occasion`` (normalized)."""
        key = compact_key(occasion)
        return any(compact_key(word) and compact_key(word) in key for word in self.occasions)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


_SELECT = """
    SELECT t.id, t.title, t.kind, t.channel, t.occasions, v.version, v.subject, v.body, t.active
    FROM message_templates t JOIN message_template_versions v ON v.template_id = t.id AND v.version = {version}
"""


def _template(row) -> Template:
    return Template(row[0], row[1], row[2], row[3], tuple(json.loads(row[4] or "[]")), row[5], row[6], row[7], bool(row[8]))


def list_templates(db: Database, *, kind: str | None = None, include_inactive: bool = False) -> list[Template]:
    """The templates at their current version, by kind then title."""
    sql = _SELECT.format(version="t.version")
    clauses, params = [], []
    if kind:
        clauses.append("t.kind = ?")
        params.append(kind)
    if not include_inactive:
        clauses.append("t.active = 1")
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    order = {k: i for i, k in enumerate(KINDS)}
    rows = [_template(r) for r in db.execute(sql, params).fetchall()]
    return sorted(rows, key=lambda t: (order.get(t.kind, 99), t.id))


def get_template(db: Database, template_id: int, version: int | None = None) -> Template:
    """One template at ``version`` (the current one when None)."""
    sql = _SELECT.format(version="?" if version else "t.version") + " WHERE t.id = ?"
    row = db.execute(sql, [version, template_id] if version else [template_id]).fetchone()
    if row is None:
        raise NotFound("این الگو پیدا نشد؛ شاید حذف شده است. فهرست الگوها را دوباره باز کنید.")
    return _template(row)


def find_template(db: Database, title: str) -> Template:
    """The template whose title is ``title`` (normalized: ZWNJ, Arabic letters and spaces do not matter)."""
    row = db.execute("SELECT id FROM message_templates WHERE title_key = ?", [compact_key(title)]).fetchone()
    if row is None:
        titles = "، ".join(f"«{t.title}»" for t in list_templates(db)[:6])
        raise NotFound(f"الگویی با عنوان «{clean(title)}» نیست. الگوهای موجود: {titles} … (prdesk messages templates)")
    return get_template(db, row[0])


def _check(values: Mapping) -> dict:
    title, body = check_template_text(values.get("title", ""), values.get("body", ""))
    kind = values.get("kind") or "greeting"
    if kind not in KINDS:
        raise ValidationError("نوع الگو را از فهرست انتخاب کنید (تبریک، تسلیت، تقدیر، دعوت، تشکر، معارفه).", "kind")
    channel = values.get("channel") or "letter"
    if channel not in CHANNELS:
        raise ValidationError("راه ارسال الگو را از فهرست انتخاب کنید.", "channel")
    occasions = [clean(o) for o in (values.get("occasions") or ()) if clean(o)]
    return {"title": title, "body": body, "kind": kind, "channel": channel, "occasions": occasions,
            "subject": clean(values.get("subject") or title)}


def add_template(db: Database, values: Mapping) -> Template:
    """Save a new template (version 1)."""
    data = _check(values)
    stamp = _now()
    with db.atomic():
        if db.execute("SELECT 1 FROM message_templates WHERE title_key = ?", [compact_key(data["title"])]).fetchone():
            raise ValidationError(f"الگویی با عنوان «{data['title']}» هست؛ عنوان دیگری بنویسید.", "title")
        template_id = db.execute(
            "INSERT INTO message_templates (title, title_key, kind, channel, occasions, version, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
            [data["title"], compact_key(data["title"]), data["kind"], data["channel"],
             json.dumps(data["occasions"], ensure_ascii=False), stamp, stamp],
        ).lastrowid
        db.execute(
            "INSERT INTO message_template_versions (template_id, version, subject, body, created_at) VALUES (?, 1, ?, ?, ?)",
            [template_id, data["subject"], data["body"], stamp],
        )
    return get_template(db, template_id)


def update_template(db: Database, template_id: int, values: Mapping) -> Template:
    """Save an edit: a changed subject or body becomes a new version; messages keep the version they used."""
    current = get_template(db, template_id)
    data = _check({**current.to_dict(), **values})
    stamp = _now()
    with db.atomic():
        clash = db.execute(
            "SELECT 1 FROM message_templates WHERE title_key = ? AND id <> ?", [compact_key(data["title"]), template_id]
        ).fetchone()
        if clash:
            raise ValidationError(f"الگوی دیگری با عنوان «{data['title']}» هست؛ عنوان دیگری بنویسید.", "title")
        version = current.version
        if (data["subject"], data["body"]) != (current.subject, current.body):
            version += 1
            db.execute(
                "INSERT INTO message_template_versions (template_id, version, subject, body, created_at) VALUES (?, ?, ?, ?, ?)",
                [template_id, version, data["subject"], data["body"], stamp],
            )
        db.execute(
            "UPDATE message_templates SET title = ?, title_key = ?, kind = ?, channel = ?, occasions = ?, version = ?,"
            " active = ?, updated_at = ? WHERE id = ?",
            [data["title"], compact_key(data["title"]), data["kind"], data["channel"],
             json.dumps(data["occasions"], ensure_ascii=False), version,
             0 if values.get("active") is False else 1, stamp, template_id],
        )
    return get_template(db, template_id)


def template_for_occasion(db: Database, occasion: str, kinds: Iterable[str] | None = None) -> Template | None:
    """The first template whose occasion words match ``occasion``, or None."""
    for template in list_templates(db):
        if (kinds is None or template.kind in kinds) and template.suits(occasion):
            return template
    return None
