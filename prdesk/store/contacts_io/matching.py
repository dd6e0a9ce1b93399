"""Matching imported records against what the office has, and writing them in batches.

The import reads the file in chunks of rows. For each chunk the people it names are looked up
with one query for their names and one for their mobiles (not a query per row); organizations are
read once at the start. New records get their ids here (the import holds the write lock, so the
next id is known) and are written with one ``executemany`` per table per chunk. Updating a record
that exists goes through the store's usual update functions, after the pending rows are written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlite_utils import Database

from prdesk.core.text import compact_key, to_persian_digits
from prdesk.store import contacts as store

# Rows read, validated and matched together: the unit of the lookups and of the writes.
CHUNK = 1000

_PERSON_COLUMNS = ("id", *store.PERSON_DB_FIELDS, "name_key", "sort_name", "search_key", "created_at", "updated_at")
_ORG_COLUMNS = ("id", *store.ORG_DB_FIELDS, "name_key", "sort_name", "search_key", "created_at", "updated_at")


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_WRITES = (  # in the order the foreign keys need
    ("organizations", _insert_sql("organizations", _ORG_COLUMNS)),
    ("org_phones", "INSERT OR IGNORE INTO org_phones (org_id, label, number, position) VALUES (?, ?, ?, ?)"),
    ("org_tags", "INSERT OR IGNORE INTO org_tags (org_id, tag_id) VALUES (?, ?)"),
    ("people", _insert_sql("people", _PERSON_COLUMNS)),
    ("person_tags", "INSERT OR IGNORE INTO person_tags (person_id, tag_id) VALUES (?, ?)"),
    ("person_dates", "INSERT INTO person_dates (person_id, label, date, kind) VALUES (?, ?, ?, ?)"),
    ("position_history", """INSERT INTO position_history
        (person_id, position, organization_id, organization_name, from_date, to_date) VALUES (?, ?, ?, ?, ?, ?)"""),
)


class Importer:
    """One import run inside the caller's write transaction: matching, batching and counting."""

    def __init__(self, db: Database, summary):
        self.db = db
        self.conn = db.conn
        self.summary = summary
        self.stamp = store._now()
        self.pending: dict[str, list[tuple]] = {table: [] for table, _ in _WRITES}
        # Organizations by name key, in id order, with their city; id → (name, city) for people's keys.
        self.org_names: dict[str, list[list]] = {}
        self.org_info: dict[int, tuple[str, str]] = {}
        for org_id, name_key, name, city in self.conn.execute(
            "SELECT id, name_key, name, city FROM organizations ORDER BY id"
        ):
            self.org_names.setdefault(name_key, []).append([org_id, compact_key(city)])
            self.org_info[org_id] = (name, city)
        self.next_org = self.first_new_org = self._next_id("organizations")
        self.next_person = self._next_id("people")
        self.orgs: dict[tuple[str, str], int] = {}
        self.seen_orgs: dict[tuple, tuple[int, dict]] = {}
        self.tag_ids: dict[str, int] = dict(self.conn.execute("SELECT key, id FROM tags"))
        self.lookups: dict[str, set[str]] = {"kind": set(), "activity": set()}
        # The chunk's people by name key and by mobile: what the database holds, then this chunk's rows.
        self.named: dict[str, list[tuple]] = {}
        self.mobiles: dict[str, list[tuple]] = {}

    def _next_id(self, table: str) -> int:
        return self.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]

    # -- chunks

    def chunk(self, records: list[tuple[int, dict | None, dict | None, tuple, str]]) -> None:
        """Match and write one chunk of validated records: (row number, organization, person, org cells, name key)."""
        self.flush()
        names = {r[4] for r in records if r[2] is not None}
        mobiles = {r[2]["mobile"] for r in records if r[2] is not None and r[2].get("mobile")}
        # Each key's rows come in id order from its index, as a query for one key would give them.
        self.named = {}
        for name_key, person_id, org_id, mobile in self.conn.execute(
            "SELECT name_key, id, organization_id, mobile FROM people"
            " WHERE name_key IN (SELECT value FROM json_each(?))", [json.dumps(list(names))]
        ):
            self.named.setdefault(name_key, []).append((person_id, org_id, mobile))
        self.mobiles = {}
        for mobile, first, last in self.conn.execute(
            "SELECT mobile, first_name, last_name FROM people"
            " WHERE mobile IN (SELECT value FROM json_each(?))", [json.dumps(list(mobiles))]
        ):
            self.mobiles.setdefault(mobile, []).append((first, last))
        for record in records:
            self.record(*record)

    def flush(self) -> None:
        """Write the pending new rows, one statement per table."""
        for table, sql in _WRITES:
            rows = self.pending[table]
            if rows:
                self.conn.executemany(sql, rows)
                rows.clear()

    # -- one record

    def record(self, number: int, org: dict | None, person: dict | None, org_cells: tuple, name_key: str) -> None:
        summary = self.summary
        org_seen = self.seen_orgs.get(org_cells) if org is not None else None
        org_id, states = None, []
        if org_seen:
            org_id = org_seen[0]
            states.append("unchanged")
        elif org is not None:
            org_id, org_state = self.organization(org)
            self.seen_orgs[org_cells] = (org_id, org)
            states.append(org_state)
            if org_state == "added":
                summary.imported_organizations += 1
            elif org_state == "updated":
                summary.updated_organizations += 1
        if person is not None:
            person["organization_id"] = org_id
            person_state = self.person(number, person, name_key)
            states.append(person_state)
            if person_state == "added":
                summary.imported_people += 1
            elif person_state == "updated":
                summary.updated_people += 1
        if all(state == "unchanged" for state in states):
            summary.unchanged += 1

    # -- organizations

    def organization(self, org: dict) -> tuple[int, str]:
        name_key, city_key = store._key(org["name"]), store._key(org.get("city") or "")
        org_id = self.orgs.get((name_key, city_key))
        if org_id is None:
            org_id = self._find_org(name_key, city_key)
        if org_id is None:
            org_id = self._insert_org(org, name_key, city_key)
            self.orgs[(name_key, city_key)] = org_id
            return org_id, "added"
        self.orgs[(name_key, city_key)] = org_id
        return org_id, self._update_org(org_id, org)

    def _find_org(self, name_key: str, city_key: str) -> int | None:
        candidates = self.org_names.get(name_key, [])
        for org_id, city in candidates:
            if city == city_key:
                return org_id
        if not city_key and len(candidates) == 1:
            return candidates[0][0]
        if city_key:
            for org_id, city in candidates:
                if not city:
                    return org_id
        return None

    def _insert_org(self, org: dict, name_key: str, city_key: str) -> int:
        org_id = self.next_org
        self.next_org += 1
        values = store.organization_row(org, self.stamp)
        for which in ("kind", "activity"):
            if values[which] and values[which] not in self.lookups[which]:
                self.lookups[which].add(values[which])
                store._ensure_lookup(self.db, which, values[which])
        self.pending["organizations"].append((org_id, *[values[c] for c in _ORG_COLUMNS[1:]]))
        self.pending["org_phones"] += [(org_id, p["label"], p["number"], i) for i, p in enumerate(org.get("phones") or [])]
        self.pending["org_tags"] += [(org_id, t) for t in self._tag_ids(org.get("tags"))]
        self.org_names.setdefault(name_key, []).append([org_id, city_key])
        self.org_info[org_id] = (values["name"], values["city"])
        return org_id

    def _update_org(self, org_id: int, org: dict) -> str:
        if org_id >= self.first_new_org:
            self.flush()  # an organization this import added may still be waiting to be written
        current = store.get_organization(self.db, org_id)
        changes: dict = {}
        for key, value in org.items():
            if key in ("phones", "tags") or value in ("", None):
                continue
            if current.get(key) != value:
                changes[key] = value
        new_phones = [p for p in org.get("phones") or [] if p["number"] not in {c["number"] for c in current["phones"]}]
        if new_phones:
            changes["phones"] = current["phones"] + new_phones
        new_tags = [t for t in org.get("tags") or [] if compact_key(t) not in {compact_key(c) for c in current["tags"]}]
        if new_tags:
            changes["tags"] = current["tags"] + new_tags
        if not changes:
            return "unchanged"
        self.flush()  # people's keys follow the organization's name and city: they must be in the table
        store.update_organization(self.db, org_id, changes)
        name, city = changes.get("name", current["name"]), changes.get("city", current["city"])
        self.org_info[org_id] = (name, city)
        for entry in self.org_names.get(store._key(name), []):
            if entry[0] == org_id:
                entry[1] = store._key(city or "")
        return "updated"

    def _tag_ids(self, names: Iterable[str] | None) -> set[int]:
        ids = set()
        for name in names or ():
            key = compact_key(name)
            if key not in self.tag_ids:
                self.tag_ids[key] = store._tag_id(self.db, name)
            ids.add(self.tag_ids[key])
        return ids

    # -- people

    def person(self, number: int, person: dict, name_key: str) -> str:
        org_id = person.get("organization_id")
        mobile = person.get("mobile")
        named = self.named.setdefault(name_key, [])
        for row_id, row_org, row_mobile in named:
            if row_org == org_id or (mobile and row_mobile == mobile):
                self.flush()
                state = self._update_person(row_id, person)
                if state == "unchanged":
                    return state  # nothing written: its organization and mobile are as they were
                row_org, new_mobile = self.conn.execute(
                    "SELECT organization_id, mobile FROM people WHERE id = ?", [row_id]
                ).fetchone()
                named[:] = [e if e[0] != row_id else (row_id, row_org, new_mobile) for e in named]
                if new_mobile and new_mobile != row_mobile:
                    self.mobiles.setdefault(new_mobile, []).append((person.get("first_name"), person.get("last_name")))
                return state
        if mobile:
            for first, last in self.mobiles.get(mobile, [])[:3]:
                other = f"{first} {last}".strip()
                self.summary.duplicates.append((number, f"شمارهٔ همراه {to_persian_digits(mobile)} را «{other}» هم دارد."))
        person_id = self.next_person
        self.next_person += 1
        history = person.pop("history", None)
        values = store.person_row(person, self.stamp, self.org_info[org_id] if org_id else ("", ""))
        values["id"] = person_id
        self.pending["people"].append(tuple(map(values.__getitem__, _PERSON_COLUMNS)))
        if person.get("tags"):
            self.pending["person_tags"] += [(person_id, t) for t in self._tag_ids(person["tags"])]
        if person.get("dates"):
            self.pending["person_dates"] += [(person_id, d["label"], d["date"], d["kind"]) for d in person["dates"]]
        named.append((person_id, org_id, mobile))
        if mobile:
            self.mobiles.setdefault(mobile, []).append((person.get("first_name"), person.get("last_name")))
        if history:
            self.pending["position_history"] += self._history_rows(person_id, history)
        return "added"

    def _update_person(self, person_id: int, person: dict) -> str:
        current = store.get_person(self.db, person_id)
        history = person.pop("history", [])
        changes: dict = {}
        for key, value in person.items():
            if key in ("tags", "dates", "position_since", "organization_id") or value in ("", None, False):
                continue
            if current.get(key) != value:
                changes[key] = value
        if person.get("organization_id") and current["organization_id"] != person["organization_id"]:
            changes["organization_id"] = person["organization_id"]
        new_tags = [t for t in person.get("tags") or [] if compact_key(t) not in {compact_key(c) for c in current["tags"]}]
        if new_tags:
            changes["tags"] = current["tags"] + new_tags
        known_dates = {(d["label"], d["date"]) for d in current["dates"]}
        new_dates = [d for d in person.get("dates") or [] if (d["label"], d["date"]) not in known_dates]
        if new_dates:
            changes["dates"] = current["dates"] + new_dates
        added = self._history_rows(person_id, history, current["history"])
        if added:
            self.conn.executemany(_WRITES[-1][1], added)
        if not changes:
            return "updated" if added else "unchanged"
        # A new position in a newer sheet means the person moved: keep the old one in the history.
        store.update_person(self.db, person_id, changes, keep_history=bool(changes.keys() & {"position", "organization_id"}))
        return "updated"

    def _history_rows(self, person_id: int, history: list[dict], known: list[dict] | None = None) -> list[tuple]:
        seen = {(compact_key(h["position"]), compact_key(h.get("organization")), h.get("from_date"), h.get("to_date"))
                for h in known or []}
        rows = []
        for h in history:
            key = (compact_key(h["position"]), compact_key(h.get("organization")), h.get("from_date"), h.get("to_date"))
            if key in seen:
                continue
            seen.add(key)
            org_id = None
            if h.get("organization"):
                # The first organization of that name, as a lookup of the table by id would give.
                found = self.org_names.get(compact_key(h["organization"]))
                org_id = found[0][0] if found else None
            rows.append((person_id, h["position"], org_id, h.get("organization") or "", h.get("from_date"), h.get("to_date")))
        return rows
