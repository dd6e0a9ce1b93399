"""Who a batch goes to: people by filter, one message per person, the deceased and repeats set aside with a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlite_utils import Database

from prdesk.core.jalali import jalali_parts
from prdesk.core.letter_number import Letter
from prdesk.core.messages import recipient_values
from prdesk.core.salutation import resolve_salutation
from prdesk.core.templates import render
from prdesk.core.text import clean, compact_key, to_persian_digits
from prdesk.store.messages.archive import already_sent
from prdesk.store.messages.templates import Template

# Why a recipient is left out (English keys in JSON, Persian words for the clerk).
REASONS = {
    "deceased": "درگذشته",
    "duplicate": "همان شخص در سازمان دیگر",
    "repeat": "امسال برای این مناسبت پیام گرفته",
    "missing": "مقدار لازم الگو را ندارد",
    "no_mobile": "شمارهٔ همراه ندارد",
    "clerk": "به خواست کاربر",
}


@dataclass(frozen=True)
class RecipientFilter:
    """Whom a batch reaches; empty fields mean everyone. ``position_kind``: holders of a position in an organization of that kind."""

    kind: str = ""
    activity: str = ""
    province: str = ""
    tag: str = ""
    staff: bool = False
    position_kind: str = ""
    person_ids: tuple[int, ...] | None = None

    @classmethod
    def from_target(cls, target: Mapping) -> RecipientFilter:
        return cls(**{k: v for k, v in target.items() if k in cls.__dataclass_fields__ and k != "person_ids"})

    def is_empty(self) -> bool:
        return not (self.kind or self.activity or self.province or self.tag or self.staff or self.position_kind or self.person_ids)


@dataclass
class Recipient:
    """One person in a batch, with the message as it will read and, when left out, the reason."""

    person_id: int
    organization_id: int | None
    name: str
    salutation: str
    position: str
    organization: str
    mobile: str
    gender: str
    text: str = ""
    subject: str = ""
    missing: list[str] = field(default_factory=list)
    reason: str = ""  # a key of REASONS; '' = included
    note: str = ""  # details of the reason (the other organization, the earlier message)

    @property
    def included(self) -> bool:
        return not self.reason

    def heading(self) -> str:
        """The recipient as the register and the archive write it: «سرکار خانم دکتر … - مدیرعامل محترم …»."""
        return self.letter(body="").recipient_summary()

    def letter(self, body: str | None = None, **fields) -> Letter:
        """The letter to this recipient (structured heading: salutation, name, position محترم organization)."""
        return Letter(
            body=self.text if body is None else body, subject=self.subject, salutation=self.salutation,
            recipient_name=self.name, recipient_position=self.position, recipient_organization=self.organization,
            **fields,
        )

    def reason_text(self) -> str:
        text = REASONS.get(self.reason, "")
        return f"{text} ({self.note})" if self.note else text

    def to_json(self) -> dict:
        data = {
            "person_id": self.person_id, "recipient": self.name, "salutation": self.salutation,
            "position": self.position, "organization": self.organization, "included": self.included,
        }
        if self.reason:
            data["reason"] = self.reason
            data["reason_text"] = self.reason_text()
        if self.missing:
            data["missing"] = self.missing
        return data


_SELECT = """
    SELECT p.id, p.honorific, p.title, p.first_name, p.last_name, p.gender, p.position, p.organization_id,
           p.mobile, p.email, p.is_staff, p.deceased, p.salutation, p.name_key,
           coalesce(o.name, '') AS organization, coalesce(o.kind, '') AS kind
    FROM people p LEFT JOIN organizations o ON o.id = p.organization_id
"""


def _where(f: RecipientFilter) -> tuple[str, list]:
    clauses, params = [], []
    for key in ("kind", "activity", "province"):
        value = clean(getattr(f, key))
        if value:
            clauses.append(f"o.{key} = ?")
            params.append(value)
    if f.position_kind:
        clauses.append("o.kind = ? AND p.position <> ''")
        params.append(clean(f.position_kind))
    if f.tag:
        clauses.append(
            "(p.id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.key = ?)"
            " OR p.organization_id IN (SELECT ot.org_id FROM org_tags ot JOIN tags t ON t.id = ot.tag_id WHERE t.key = ?))"
        )
        params += [compact_key(f.tag)] * 2
    if f.staff:
        clauses.append("p.is_staff = 1")
    if f.person_ids is not None:
        clauses.append(f"p.id IN ({','.join('?' * len(f.person_ids)) or 'NULL'})")
        params += list(f.person_ids)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count_recipients(db: Database, f: RecipientFilter) -> int:
    """How many living people the filter reaches (before de-duplication; the dashboard's estimate)."""
    where, params = _where(f)
    where = (where + " AND" if where else " WHERE") + " p.deceased = 0"
    return db.execute(f"SELECT count(*) FROM people p LEFT JOIN organizations o ON o.id = p.organization_id{where}", params).fetchone()[0]


def people_of_organization(db: Database, organization_id: int) -> list[dict]:
    """The living people of an organization, position holders first: id, name, salutation, position."""
    from prdesk.core.contacts import full_name

    rows = db.execute(
        "SELECT id, honorific, title, first_name, last_name, gender, salutation, position FROM people"
        " WHERE organization_id = ? AND NOT deceased ORDER BY position = '', sort_name, id", [organization_id]
    ).fetchall()
    names = ("id", "honorific", "title", "first_name", "last_name", "gender", "salutation", "position")
    people = [dict(zip(names, row)) for row in rows]
    for person in people:
        person["name"] = full_name(person, with_honorific=False)
        person["salutation"] = resolve_salutation(person)
    return people


def people_for(db: Database, f: RecipientFilter) -> list[dict]:
    """The people the filter reaches, by organization then name."""
    where, params = _where(f)
    cursor = db.execute(f"{_SELECT}{where} ORDER BY o.sort_name, p.sort_name, p.id", params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def prepare(
    db: Database,
    template: Template,
    occasion: str,
    f: RecipientFilter,
    *,
    date: dt.date,
    channel: str,
    signer: str | None = None,
    signer_position: str | None = None,
    include_repeats: bool = False,
    include_ids: Iterable[int] = (),
    exclude: Mapping[int, str] | None = None,
    bereavement: Mapping | None = None,
) -> list[Recipient]:
    """Every recipient the filter reaches, each with its text and, when left out, why.

    The deceased are left out; a person reached twice (the same record, or the same name with the
    same mobile or e-mail through another organization) gets one message; a person already sent a
    message for the same occasion in this Jalali year is left out unless ``include_repeats`` or
    named in ``include_ids``; ``exclude`` maps person ids the clerk unticked to the reason typed.
    """
    if signer is None or signer_position is None:
        from prdesk.store.settings import get_settings

        settings = get_settings(db)
        signer = settings.get("signatory_name", "") if signer is None else signer
        signer_position = settings.get("signatory_position", "") if signer_position is None else signer_position
    include = set(include_ids)
    exclude = dict(exclude or {})
    people = people_for(db, f)
    sent = already_sent(db, [p["id"] for p in people], occasion, jalali_parts(date)[0])
    result: list[Recipient] = []
    seen_ids: dict[int, Recipient] = {}
    seen_people: dict[tuple[str, str], Recipient] = {}
    for person in people:
        person["deceased"] = bool(person["deceased"])
        values = recipient_values(person, occasion=occasion, date=date, signer=signer, signer_position=signer_position,
                                  bereavement=bereavement)
        rendered = render(template.body, values)
        subject = render(template.subject, values).text
        missing = list(rendered.missing)
        if channel == "letter" and not values["عنوان"] and "عنوان" not in missing:
            missing.insert(0, "عنوان")  # the heading of a letter needs the form of address
        name = values["نام_کامل"]
        text = rendered.text
        if channel != "letter":
            # A card or an SMS carries its own address line; a letter has it in its heading.
            text = f"{values['عنوان']} {name}".strip() + "\n" + text
        recipient = Recipient(
            person["id"], person["organization_id"], name, resolve_salutation(person), values["سمت"],
            values["سازمان"], person["mobile"] or "", person["gender"] or "", text, subject, missing,
        )
        identities = [(person["name_key"], person["mobile"]), (person["name_key"], person["email"])]
        first = seen_ids.get(person["id"]) or next(
            (seen_people[k] for k in identities if k[1] and k in seen_people), None
        )
        if person["deceased"]:
            recipient.reason = "deceased"
        elif first is not None:
            recipient.reason, recipient.note = "duplicate", first.organization or first.name
        elif person["id"] in exclude:
            recipient.reason, recipient.note = "clerk", clean(exclude[person["id"]])
        elif person["id"] in sent and not include_repeats and person["id"] not in include:
            earlier = sent[person["id"]]
            recipient.reason = "repeat"
            recipient.note = " ".join(p for p in (to_persian_digits(earlier["letter_number"] or ""),) if p)
        elif missing:
            recipient.reason, recipient.note = "missing", "، ".join("{" + m + "}" for m in missing)
        seen_ids.setdefault(person["id"], recipient)
        for k in identities:
            if k[1]:
                seen_people.setdefault(k, recipient)
        result.append(recipient)
    return result
