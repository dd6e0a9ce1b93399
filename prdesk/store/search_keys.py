"""Recomputing every stored search key when the one normalizer changes (the search index follows by trigger)."""

from __future__ import annotations


from sqlite_utils import Database

from prdesk.core.text import clean, compact_key, search_key
from prdesk.store.contacts import organization_keys, person_keys
from prdesk.store.letters import _keys as letter_keys


def rebuild_search_keys(db: Database) -> int:
    """Recompute the name, sort and search keys of organizations, people, tags, events, letters and activities.

    Only rows whose keys change are written; the UPDATE triggers keep the FTS indexes in step.
    Returns the number of rows changed. Runs inside the caller's transaction (a migration).
    """
    changed = 0
    columns = ("name", "city", "registration_no", "email", "fax")
    phones: dict[int, list[str]] = {}
    for org_id, number in db.execute("SELECT org_id, number FROM org_phones ORDER BY org_id, position, id"):
        phones.setdefault(org_id, []).append(number)
    updates = []
    for row in db.execute(f"SELECT id, {', '.join(columns)}, name_key, sort_name, search_key FROM organizations").fetchall():
        keys = organization_keys(dict(zip(columns, row[1:6])), phones.get(row[0], []))
        if (keys["name_key"], keys["sort_name"], keys["search_key"]) != tuple(row[6:9]):
            updates.append((keys["name_key"], keys["sort_name"], keys["search_key"], row[0]))
    db.conn.executemany("UPDATE organizations SET name_key = ?, sort_name = ?, search_key = ? WHERE id = ?", updates)
    changed += len(updates)

    fields = ("first_name", "last_name", "title", "position", "mobile", "phone", "email")
    updates = []
    for row in db.execute(
        f"""SELECT p.id, {', '.join('p.' + f for f in fields)}, o.name, o.city, p.name_key, p.sort_name, p.search_key
            FROM people p LEFT JOIN organizations o ON o.id = p.organization_id"""
    ).fetchall():
        keys = person_keys(dict(zip(fields, row[1:8])), row[8], row[9])
        if (keys["name_key"], keys["sort_name"], keys["search_key"]) != tuple(row[10:13]):
            updates.append((keys["name_key"], keys["sort_name"], keys["search_key"], row[0]))
    db.conn.executemany("UPDATE people SET name_key = ?, sort_name = ?, search_key = ? WHERE id = ?", updates)
    changed += len(updates)

    # Two tags whose names now fold to one key keep their old keys: a merge is the clerk's decision.
    updates = [(compact_key(name), tag_id) for tag_id, name, key in db.execute("SELECT id, name, key FROM tags").fetchall()
               if compact_key(name) != key]
    for key, tag_id in updates:
        changed += db.execute("UPDATE OR IGNORE tags SET key = ? WHERE id = ?", [key, tag_id]).rowcount

    updates = []
    for event_id, title, location, description, key in db.execute(
        "SELECT id, title, location, description, search_key FROM events"
    ).fetchall():
        new = search_key(" ".join((title, clean(location), clean(description))))
        if new != key:
            updates.append((new, event_id))
    db.conn.executemany("UPDATE events SET search_key = ? WHERE id = ?", updates)
    changed += len(updates)

    names = ("number", "recipient", "subject", "reference_number", "file_ref", "signer", "sent_via", "copies")
    updates = []
    for row in db.execute(f"SELECT id, {', '.join(names)}, search_key, compact_key FROM letters").fetchall():
        keys = letter_keys(dict(zip(names, row[1:9])))
        if keys != tuple(row[9:11]):
            updates.append((*keys, row[0]))
    db.conn.executemany("UPDATE letters SET search_key = ?, compact_key = ? WHERE id = ?", updates)
    changed += len(updates)
    if "activities" in db.table_names():
        updates = []
        for activity_id, title, outlet, notes, key in db.execute(
            "SELECT id, title, outlet, notes, search_key FROM activities"
        ).fetchall():
            new = search_key(" ".join([title, outlet, notes]))
            if new != key:
                updates.append((new, activity_id))
        db.conn.executemany("UPDATE activities SET search_key = ? WHERE id = ?", updates)
        changed += len(updates)
    return changed
