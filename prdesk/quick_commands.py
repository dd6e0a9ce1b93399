"""Commands answered without click or sqlite-utils: ``prdesk [--db PATH] contacts search TEXT``.

A search typed at the command line should cost little more than the search itself. The common
form is answered here with plain sqlite3 and the same store function the click command calls;
anything else — another option, a value click would refuse, a file that is new, foreign, from a
newer version or needs a migration — returns None and the click command line answers it, so its
messages, its exit statuses and what it prints stay the only ones.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

#: click's IntRange of ``contacts search --limit``.
LIMIT_RANGE = (1, 10_000)
#: Characters click expands as a file pattern on Windows: left to click.
_PATTERN = set("*?[")


@dataclass(frozen=True)
class SearchRequest:
    """What ``contacts search`` was asked: the database (None: the default one), the text, how many, JSON."""

    db: Path | None
    text: str
    limit: int = 20
    as_json: bool = False


def parse_search(args: list[str]) -> SearchRequest | None:
    """The search ``args`` ask for, when they are exactly ``[--db PATH] contacts search TEXT [--limit N] [--json]``."""
    db = None
    if args[:1] == ["--db"] and len(args) > 1:
        db, args = args[1], args[2:]
    elif args and args[0].startswith("--db="):
        db, args = args[0][len("--db="):], args[1:]
    if db is not None and (not db or db.startswith("-")):
        return None
    if args[:2] != ["contacts", "search"] or len(args) < 3:
        return None
    text, options = args[2], args[3:]
    if not text or text.startswith("-") or _PATTERN & set(text):
        return None
    limit, as_json = 20, False
    while options:
        option = options.pop(0)
        if option == "--json" and not as_json:
            as_json = True
        elif option == "--limit" and options and options[0].isascii() and options[0].isdigit():
            limit = int(options.pop(0))
            if not LIMIT_RANGE[0] <= limit <= LIMIT_RANGE[1]:
                return None
        else:
            return None
    return SearchRequest(Path(db) if db is not None else None, text, limit, as_json)


def search_lines(results: list[dict]) -> list[str]:
    """The lines ``contacts search`` prints for ``results`` (without --json)."""
    from prdesk.core.text import printable

    if not results:
        return ["چیزی پیدا نشد."]
    lines = []
    for item in results:
        if item["type"] == "person":
            parts = [item["name"], item["position"], item["organization"], item["city"], item["mobile"] or item["phone"]]
            label = "شخص"
        else:
            parts = [item["name"], item["kind"], item["city"], "، ".join(item["phones"])]
            label = "سازمان"
        lines.append(printable(f"[{label} {item['id']}] " + " | ".join(p for p in parts if p)))
    return lines


def json_text(value) -> str:
    """``value`` as the command line prints JSON."""
    return json.dumps(value, ensure_ascii=False, indent=2)


def run_search(request: SearchRequest) -> int | None:
    """Answer ``request`` and return the exit status; None (nothing printed) when click must answer it."""
    import sqlite3

    from prdesk.errors import PrdeskError
    from prdesk.store.db import DeferredDatabase, connect_plain, inspect_file, latest_schema_version

    if request.db is not None:
        path = request.db
    else:
        from prdesk.paths import default_db_path

        path = default_db_path()
    try:
        if not path.is_file():
            return None
        found = inspect_file(path)
        if found.kind != "prdesk" or len(found.applied) != latest_schema_version():
            return None
        conn = connect_plain(path)
    except (PrdeskError, OSError, ValueError, sqlite3.Error):
        return None  # click's command says it the usual way
    try:
        from prdesk.store.contacts import search_contacts

        results = search_contacts(DeferredDatabase(conn), request.text, request.limit)
    except (PrdeskError, sqlite3.Error):
        return None
    finally:
        conn.close()
    out = [json_text(results)] if request.as_json else search_lines(results)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # as the click command line does
    sys.stdout.write("".join(line + "\n" for line in out))
    sys.stdout.flush()
    return 0
