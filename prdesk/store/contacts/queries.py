"""Listing and searching contacts: filters, Persian order, keyset pages, counts, the quick search."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from prdesk.core.contacts import SORT_REPLACEMENTS, ContactFilter, full_name, sort_key
from prdesk.core.text import compact_key, phone_digits, search_key

if TYPE_CHECKING:
    from sqlite_utils import Database

# ---------------------------------------------------------------- queries


def query_tokens(text: str | None) -> list[str]:
    """The words of a search as matched against stored keys.

    Phone-like words lose separators and +98 («۰۹۱۲-۱۲۳ ۴۵۶۷» → 09121234567); digit groups
    typed with spaces are joined, since people type numbers in groups.
    """
    tokens: list[str] = []
    for word in search_key(text).split():
        if re.fullmatch(r"[+\d()\-]+", word) and re.search(r"\d", word):
            digits = phone_digits(word)
            if digits.startswith("+98"):
                digits = "0" + digits[3:]
            word = digits.lstrip("+")
            if tokens and tokens[-1].isdigit():
                tokens[-1] += word
                continue
        tokens.append(word)
    return [t for t in tokens if t]


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _text_conditions(text: str, alias: str, fts: str) -> tuple[list[str], dict, str | None]:
    """WHERE parts (named parameters) for a search and the compact query used to rank the matches."""
    tokens = query_tokens(text)
    if not tokens:
        return [], {}, None
    where: list[str] = []
    params: dict = {"q": "".join(tokens)}
    # The trigram index answers words of three letters or more; shorter ones are checked on the key.
    long_tokens = [t for t in tokens if len(t) >= 3]
    if long_tokens:
        where.append(f"{alias}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :match)")
        params["match"] = " AND ".join(_fts_phrase(t) for t in long_tokens)
    for i, token in enumerate(t for t in tokens if len(t) < 3):
        where.append(f"instr({alias}.search_key, :short{i}) > 0")
        params[f"short{i}"] = token
    return where, params, params["q"]


def _rank_sql(alias: str) -> str:
    # 0 exact name, 1 name starts or ends with it, 2 the name contains it, 3 another field does.
    return (
        f"CASE WHEN {alias}.name_key = :q THEN 0"
        f" WHEN substr({alias}.name_key, 1, length(:q)) = :q OR substr({alias}.name_key, -length(:q)) = :q THEN 1"
        f" WHEN instr({alias}.name_key, :q) > 0 THEN 2 ELSE 3 END"
    )


def fa_order(expression: str) -> str:
    """An SQL expression that sorts ``expression`` in Persian alphabetical order (for unindexed columns)."""
    for letter, target in SORT_REPLACEMENTS:
        replacement = "'" + target.replace("\U0010ffff", "' || char(1114111) || '").replace("\x01", "' || char(1) || '") + "'"
        expression = f"replace({expression}, '{letter}', {replacement})"
    return expression


_PEOPLE_ORDER = {
    "name": ["p.sort_name", "p.id"],
    "first_name": [fa_order("p.first_name"), "p.sort_name", "p.id"],
    "position": [fa_order("p.position"), "p.sort_name", "p.id"],
    "organization": ["o.sort_name", "p.sort_name", "p.id"],
    "mobile": ["p.mobile", "p.sort_name", "p.id"],
    "phone": ["p.phone", "p.sort_name", "p.id"],
    "email": ["p.email", "p.sort_name", "p.id"],
    "birthday": ["p.birthday", "p.sort_name", "p.id"],
    "staff": ["p.is_staff DESC", "p.sort_name", "p.id"],
    "city": [fa_order("o.city"), "p.sort_name", "p.id"],
    "province": [fa_order("o.province"), "p.sort_name", "p.id"],
    "kind": [fa_order("o.kind"), "p.sort_name", "p.id"],
    "created": ["p.id"],
}
_ORG_ORDER = {
    "name": ["o.sort_name", "o.id"],
    "kind": [fa_order("o.kind"), "o.sort_name", "o.id"],
    "activity": [fa_order("o.activity"), "o.sort_name", "o.id"],
    "province": [fa_order("o.province"), "o.sort_name", "o.id"],
    "city": [fa_order("o.city"), "o.sort_name", "o.id"],
    "registration_no": ["o.registration_no", "o.sort_name", "o.id"],
    "people_count": ["people_count", "o.sort_name", "o.id"],
    "created": ["o.id"],
}
PEOPLE_ORDERS: tuple[str, ...] = tuple(_PEOPLE_ORDER) + ("relevance",)
ORGANIZATION_ORDERS: tuple[str, ...] = tuple(_ORG_ORDER) + ("relevance",)


def _order_terms(orders: dict, order_by: str | None, descending: bool, rank: str | None, alias: str) -> list[str]:
    if order_by in (None, "relevance"):
        terms = [rank, f"{alias}.sort_name", f"{alias}.id"] if rank else orders["name"]
    else:
        if order_by not in orders:
            raise ValueError(f"unknown order {order_by!r}")
        terms = orders[order_by]
    if descending:
        terms = [t[:-5] if t.endswith(" DESC") else f"{t} DESC" for t in terms]
    return list(terms)


def _order_sql(orders: dict, order_by: str | None, descending: bool, rank: str | None, alias: str) -> str:
    return ", ".join(_order_terms(orders, order_by, descending, rank, alias))


def _key_columns(terms: list[str]) -> str:
    """Each ORDER BY term as a result column ``_k0``, ``_k1`` …: the key the next page starts after."""
    # A bare name (people_count) is a result column already; SQLite cannot select an alias twice.
    plain = [t.removesuffix(" DESC") for t in terms]
    return "".join(f", {t} AS _k{i}" for i, t in enumerate(plain) if not t.isidentifier())


def _take_key(row: dict, terms: list[str]) -> dict:
    """Move the ``_k…`` columns of ``row`` into ``row["_key"]``: the ``after`` of the next page."""
    row["_key"] = tuple(
        row[t] if t.isidentifier() else row.pop(f"_k{i}") for i, t in enumerate(t.removesuffix(" DESC") for t in terms)
    )
    return row


#: Sort terms that are never NULL (o.sort_name is, for a person without an organization).
_NOT_NULL = frozenset({"p.sort_name", "p.id", "o.id"})


def _after_sql(terms: list[str], after: tuple, named: dict) -> list[str]:
    """WHERE parts keeping only the rows after the key ``after`` in the order of ``terms`` (keyset paging).

    Each page then costs the same wherever it is: SQLite seeks to the key instead of counting
    past every row before it as OFFSET does. NULL sorts first ascending and last descending.
    """
    condition = None
    for i in reversed(range(len(terms))):
        descending = terms[i].endswith(" DESC")
        expr = terms[i].removesuffix(" DESC")
        if after[i] is None:
            later = "0" if descending else f"{expr} IS NOT NULL"
            same = f"{expr} IS NULL"
        else:
            named[f"after{i}"] = after[i]
            later = f"({expr} < :after{i} OR {expr} IS NULL)" if descending else f"{expr} > :after{i}"
            same = f"{expr} = :after{i}"
        condition = later if condition is None else f"({later} OR ({same} AND {condition}))"
    where = [condition]
    # A plain bound on the first term lets SQLite start its index scan at the key; descending, only
    # where no NULL can come after it (a column that cannot be NULL).
    first = terms[0].removesuffix(" DESC")
    if after[0] is not None and not terms[0].endswith(" DESC"):
        where.insert(0, f"{first} >= :after0")
    elif after[0] is not None and first in _NOT_NULL:
        where.insert(0, f"{first} <= :after0")
    return where


def _listing_sql(
    select: str,
    where: list[str],
    named: dict,
    order: str,
    limit: int | None,
    offset: int,
) -> tuple[str, dict]:
    """``select`` with its conditions, its ORDER BY terms and the page asked for."""
    sql = select
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY " + order
    if limit is not None or offset:
        sql += " LIMIT :limit OFFSET :offset"
        named.update(limit=-1 if limit is None else int(limit), offset=int(offset))
    return sql, named


def _dict_rows(db: Database, sql: str, named: dict) -> Iterator[dict]:
    cursor = db.execute(sql, named)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))


def _people_filter(f: ContactFilter) -> tuple[list[str], dict, str | None, bool]:
    where, named, compact = _text_conditions(f.text, "p", "people_fts")
    needs_org = False
    for key in ("kind", "activity", "province", "city"):
        value = getattr(f, key)
        if value:
            where.append(f"o.{key} = :{key}")
            named[key] = value
            needs_org = True
    if f.tag:
        where.append("p.id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.key = :tag)")
        named["tag"] = compact_key(f.tag)
    if f.staff is not None:
        where.append("p.is_staff = :staff")
        named["staff"] = 1 if f.staff else 0
    if f.organization_id is not None:
        where.append("p.organization_id = :organization_id")
        named["organization_id"] = f.organization_id
    if f.ids is not None:
        where.append("p.id IN (SELECT value FROM json_each(:ids))")
        named["ids"] = json.dumps(list(f.ids))
    return where, named, compact, needs_org


_PEOPLE_SELECT = """
    p.id, p.honorific, p.title, p.first_name, p.last_name, p.gender, p.position, p.position_since,
    p.organization_id, p.mobile, p.phone, p.email, p.birthday, p.is_staff, p.notes, p.created_at, p.updated_at,
    coalesce(o.name, '') AS organization, coalesce(o.city, '') AS city, coalesce(o.province, '') AS province,
    coalesce(o.kind, '') AS kind, coalesce(o.activity, '') AS activity,
    coalesce((SELECT group_concat(t.name, '، ') FROM person_tags pt JOIN tags t ON t.id = pt.tag_id
              WHERE pt.person_id = p.id), '') AS tags
"""


def people_query(
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> tuple[str, dict]:
    """The SQL statement and parameters behind :func:`iter_people` (the benchmark runs it bare)."""
    where, named, compact, _ = _people_filter(f)
    rank = _rank_sql("p") if compact is not None else None
    terms = _order_terms(_PEOPLE_ORDER, order_by, descending, rank, "p")
    keys = _key_columns(terms) if keyed or after is not None else ""
    select = f"SELECT {_PEOPLE_SELECT}{', ' + rank + ' AS rank' if rank else ''}{keys} FROM people p LEFT JOIN organizations o ON o.id = p.organization_id"
    if after is not None:
        where += _after_sql(terms, after, named)
    return _listing_sql(select, where, named, ", ".join(terms), limit, offset)


def _people_terms(f: ContactFilter, order_by: str | None, descending: bool) -> list[str]:
    rank = _rank_sql("p") if query_tokens(f.text) else None
    return _order_terms(_PEOPLE_ORDER, order_by, descending, rank, "p")


def _organization_terms(f: ContactFilter, order_by: str | None, descending: bool) -> list[str]:
    rank = _rank_sql("o") if query_tokens(f.text) else None
    return _order_terms(_ORG_ORDER, order_by, descending, rank, "o")


def iter_people(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> Iterator[dict]:
    """People matching ``f`` as dicts (one row at a time; for exports of the whole directory).

    ``order_by`` is one of PEOPLE_ORDERS; None means best match first when searching, by name
    otherwise. Each row also has ``full_name``; with a search it has ``rank`` (0 best). With
    ``keyed`` each row carries its place in the order as ``row["_key"]``; ``after=`` that key
    starts the next page right after the row (keyset paging: every page costs the same).
    """
    sql, named = people_query(f, order_by, descending, limit, offset, after=after, keyed=keyed)
    terms = _people_terms(f, order_by, descending) if keyed else []
    for person in _dict_rows(db, sql, named):
        if keyed:
            _take_key(person, terms)
        person["is_staff"] = bool(person["is_staff"])
        person["full_name"] = full_name(person)
        yield person


def query_people(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
    descending: bool = False,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> list[dict]:
    """One page of people matching ``f``, sorted in SQL (for lazy table models, reports, greeting batches)."""
    return list(iter_people(db, f, order_by, descending, limit, offset, after=after, keyed=keyed))


def people_in_order(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    limit: int | None = 100,
    *,
    descending: bool = False,
    after: tuple | None = None,
) -> tuple[list[int], tuple | None]:
    """The ids of one page of people in order, and the key of the last (``after`` for the next page).

    A long list re-read after a change needs only this; the rows themselves are read by id
    (``ContactFilter(ids=…)``) for the part of the list that is on screen.
    """
    where, named, _compact, needs_org = _people_filter(f)
    terms = _people_terms(f, order_by, descending)
    sql = f"SELECT p.id{_key_columns(terms)} FROM people p"
    if needs_org or any("o." in t for t in terms):  # without it SQLite reads the names' index alone
        sql += " LEFT JOIN organizations o ON o.id = p.organization_id"
    if after is not None:
        where += _after_sql(terms, after, named)
    sql, named = _listing_sql(sql, where, named, ", ".join(terms), limit, 0)
    rows = db.execute(sql, named).fetchall()
    return [row[0] for row in rows], (tuple(rows[-1][1:]) if rows else None)


def count_people(db: Database, f: ContactFilter = ContactFilter()) -> int:
    """How many people match ``f``."""
    where, named, _, needs_org = _people_filter(f)
    named.pop("q", None)
    sql = "SELECT count(*) FROM people p"
    if needs_org:
        sql += " JOIN organizations o ON o.id = p.organization_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return db.execute(sql, named).fetchone()[0]


def _org_filter(f: ContactFilter) -> tuple[list[str], dict, str | None]:
    where, named, compact = _text_conditions(f.text, "o", "organizations_fts")
    for key in ("kind", "activity", "province", "city"):
        value = getattr(f, key)
        if value:
            where.append(f"o.{key} = :{key}")
            named[key] = value
    if f.tag:
        where.append("o.id IN (SELECT ot.org_id FROM org_tags ot JOIN tags t ON t.id = ot.tag_id WHERE t.key = :tag)")
        named["tag"] = compact_key(f.tag)
    if f.organization_id is not None:
        where.append("o.id = :organization_id")
        named["organization_id"] = f.organization_id
    if f.ids is not None:
        where.append("o.id IN (SELECT value FROM json_each(:ids))")
        named["ids"] = json.dumps(list(f.ids))
    return where, named, compact


_PEOPLE_COUNT = "(SELECT count(*) FROM people WHERE organization_id = o.id)"
_ORG_SELECT = """
    o.id, o.name, o.kind, o.activity, o.registration_no, o.province, o.city, o.address, o.postal_code,
    o.fax, o.email, o.website, o.notes, o.created_at, o.updated_at,
    coalesce((SELECT group_concat(number, '، ') FROM (SELECT number FROM org_phones WHERE org_id = o.id
              ORDER BY position, id)), '') AS phones,
    {people_count} AS people_count,
    coalesce((SELECT group_concat(t.name, '، ') FROM org_tags ot JOIN tags t ON t.id = ot.tag_id
              WHERE ot.org_id = o.id), '') AS tags
""".format(people_count=_PEOPLE_COUNT)


def organizations_query(
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> tuple[str, dict]:
    """The SQL statement and parameters behind :func:`iter_organizations`."""
    where, named, compact = _org_filter(f)
    rank = _rank_sql("o") if compact is not None else None
    terms = _order_terms(_ORG_ORDER, order_by, descending, rank, "o")
    keys = _key_columns(terms) if keyed or after is not None else ""
    select = f"SELECT {_ORG_SELECT}{', ' + rank + ' AS rank' if rank else ''}{keys} FROM organizations o"
    if after is not None:
        where += _after_sql(terms, after, named)
    return _listing_sql(select, where, named, ", ".join(terms), limit, offset)


def iter_organizations(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> Iterator[dict]:
    """Organizations matching ``f`` as dicts; ``order_by`` is one of ORGANIZATION_ORDERS (``after``, ``keyed``: as iter_people)."""
    sql, named = organizations_query(f, order_by, descending, limit, offset, after=after, keyed=keyed)
    if not keyed:
        yield from _dict_rows(db, sql, named)
        return
    terms = _organization_terms(f, order_by, descending)
    for organization in _dict_rows(db, sql, named):
        yield _take_key(organization, terms)


def query_organizations(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
    descending: bool = False,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> list[dict]:
    """One page of organizations matching ``f``, sorted in SQL."""
    return list(iter_organizations(db, f, order_by, descending, limit, offset, after=after, keyed=keyed))


def organizations_in_order(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    limit: int | None = 100,
    *,
    descending: bool = False,
    after: tuple | None = None,
) -> tuple[list[int], tuple | None]:
    """The ids of one page of organizations in order and the key of the last (see people_in_order)."""
    where, named, _compact = _org_filter(f)
    terms = _organization_terms(f, order_by, descending)
    keys = "".join(
        f", {_PEOPLE_COUNT} AS _k{i}" if t.removesuffix(" DESC") == "people_count" else f", {t.removesuffix(' DESC')} AS _k{i}"
        for i, t in enumerate(terms)
    )
    counted = any(t.removesuffix(" DESC") == "people_count" for t in terms)
    sql = f"SELECT o.id{keys}{', ' + _PEOPLE_COUNT + ' AS people_count' if counted else ''} FROM organizations o"
    if after is not None:
        where += _after_sql(terms, after, named)
    sql, named = _listing_sql(sql, where, named, ", ".join(terms), limit, 0)
    rows = db.execute(sql, named).fetchall()
    return [row[0] for row in rows], (tuple(rows[-1][1:1 + len(terms)]) if rows else None)


def count_organizations(db: Database, f: ContactFilter = ContactFilter(), *, without_people: bool = False) -> int:
    """How many organizations match ``f`` (only those nobody belongs to, with ``without_people``)."""
    where, named, _ = _org_filter(f)
    named.pop("q", None)
    if without_people:
        where.append("NOT EXISTS (SELECT 1 FROM people WHERE organization_id = o.id)")
    sql = "SELECT count(*) FROM organizations o"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return db.execute(sql, named).fetchone()[0]


def search_contacts(db: Database, text: str, limit: int = 20) -> list[dict]:
    """People and organizations matching ``text``, best first (the CLI's and the quick search's answer)."""
    f = ContactFilter(text=text)
    if not query_tokens(text):
        return []
    people = query_people(db, f, "relevance", limit)
    orgs = query_organizations(db, f, "relevance", limit)
    results = [
        {
            "type": "person", "id": p["id"], "name": p["full_name"], "position": p["position"],
            "organization": p["organization"], "city": p["city"], "mobile": p["mobile"], "phone": p["phone"],
            "email": p["email"], "rank": p["rank"], "_sort": sort_key(p["last_name"] or p["first_name"]),
        }
        for p in people
    ] + [
        {
            "type": "organization", "id": o["id"], "name": o["name"], "kind": o["kind"], "activity": o["activity"],
            "city": o["city"], "province": o["province"], "phones": [n for n in o["phones"].split("، ") if n],
            "email": o["email"], "rank": o["rank"], "_sort": sort_key(o["name"]),
        }
        for o in orgs
    ]
    results.sort(key=lambda r: (r["rank"], r["_sort"]))
    for r in results:
        del r["_sort"]
    return results[:limit]
