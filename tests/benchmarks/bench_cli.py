"""Command-line benchmark: ``prdesk`` commands as fresh processes beside the same work in a bare script.

Run: ``python tests/benchmarks/bench_cli.py [--runs N] [--db LARGE_DEMO]`` (without --db the large
demo is made with ``prdesk demo --size large`` in a temporary folder, about 15 s).

Each pair runs alternately as fresh processes (the installed ``prdesk`` console script against
``python -c``), with compiled bytecode for both; the median wall time of each is printed with the
ratio. Targets (issue 12 §3):

- ``prdesk --version`` and ``prdesk --help`` ≤ 1.5× a minimal click program doing the same;
- ``prdesk date convert 1405/08/30`` ≤ 2× a script calling the same conversion directly;
- ``prdesk --db FILE contacts search علی`` ≤ 2× a script running the same two SQL statements
  (people, then organizations) with plain ``sqlite3`` and printing the rows.

The same search through click's command (what ``contacts search`` cost before the console script
answered it without click and sqlite-utils) is printed beside it, for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MINIMAL_CLICK = r"""
import click

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option("0.1.0", prog_name="prdesk")
def cli():
    "A minimal click program."

@cli.command()
def hello():
    "Say hello."

cli(prog_name="prdesk")
"""

BARE_DATE = r"""
import sys
from prdesk.core.calendars import describe_day
print(describe_day(sys.argv[1]))
"""

BARE_SEARCH = r"""
import json, sqlite3, sys
statements = json.loads(sys.argv[2])
conn = sqlite3.connect(sys.argv[1])
for sql, params in statements:
    for row in conn.execute(sql, params):
        print(*row[:4])
"""

SEARCH_TEXT = "علی"
DATE_TEXT = "1405/08/30"


def console_script() -> str:
    script = Path(sys.executable).with_name("prdesk")
    if not script.exists():
        raise SystemExit(f"the prdesk console script is not installed beside {sys.executable}: pip install -e .")
    return str(script)


def run_once(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return elapsed


def search_statements() -> str:
    """The two statements ``contacts search`` runs, with their parameters, as JSON for the bare script."""
    from prdesk.core.contacts import ContactFilter
    from prdesk.store.contacts import organizations_query, people_query

    f = ContactFilter(text=SEARCH_TEXT)
    return json.dumps([people_query(f, "relevance", False, 20), organizations_query(f, "relevance", False, 20)],
                      ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--db", type=Path, help="an existing large demo database (copied, not changed)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="prdesk-bench-cli-"))
    db = tmp / "large.sqlite3"
    if args.db:
        shutil.copy(args.db, db)
    else:
        subprocess.run([console_script(), "--db", str(db), "demo", "--size", "large"], check=True, capture_output=True)
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp / "pycache"), PYTHONIOENCODING="utf-8")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    prdesk = console_script()
    pairs = [
        ("--version", [prdesk, "--version"], [sys.executable, "-c", MINIMAL_CLICK, "--version"], 1.5),
        ("--help", [prdesk, "--help"], [sys.executable, "-c", MINIMAL_CLICK, "--help"], 1.5),
        (f"date convert {DATE_TEXT}", [prdesk, "date", "convert", DATE_TEXT],
         [sys.executable, "-c", BARE_DATE, DATE_TEXT], 2.0),
        (f"contacts search {SEARCH_TEXT}", [prdesk, "--db", str(db), "contacts", "search", SEARCH_TEXT],
         [sys.executable, "-c", BARE_SEARCH, str(db), search_statements()], 2.0),
    ]
    for _name, ours, bare, _target in pairs:  # compile bytecode and warm the file cache for both
        run_once(ours, env)
        run_once(bare, env)
    click_search = [sys.executable, "-c", "import sys; sys.argv[0] = 'prdesk'; from prdesk.cli import main; main()",
                    "--db", str(db), "contacts", "search", SEARCH_TEXT]
    pairs.append((f"  the same through click", click_search, pairs[-1][2], None))
    run_once(click_search, env)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"runs: {args.runs} of each, alternating; {os.cpu_count()} cores; load average {load:.1f}; "
          f"database {db.stat().st_size / 2**20:.0f} MiB")
    print(f"{'command':28} {'prdesk':>9} {'baseline':>9} {'ratio':>7}  target")
    for name, ours, bare, target in pairs:
        mine, base = [], []
        for _ in range(args.runs):
            base.append(run_once(bare, env))
            mine.append(run_once(ours, env))
        m, b = statistics.median(mine), statistics.median(base)
        if target is None:
            print(f"{name:28} {m * 1000:7.0f}ms {b * 1000:7.0f}ms {m / b:6.2f}x  (for comparison)")
            continue
        verdict = "met" if m / b <= target else "NOT met"
        print(f"{name:28} {m * 1000:7.0f}ms {b * 1000:7.0f}ms {m / b:6.2f}x  <= {target}x {verdict}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
