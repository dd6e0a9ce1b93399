"""Messages benchmark on the large demo (200,000 archived messages): a batch of personalized letters, archive search.

Run: ``python tests/benchmarks/bench_messages.py [--db FILE] [--runs N]``. Without --db the large demo is
built in a temporary folder (``prdesk demo --size large``); with --db a copy of FILE is used, so the
benchmark never changes it. Targets (issue 11): 1,000 personalized letters archived, numbered and
printed in one PDF ≤ 20 s with flat memory (peak growth ≤ 50 MB from 100 to 1,000 letters); archive
search median ≤ 15 ms.

Each batch runs in a fresh process, as the clerk's Generate does, and reports its wall time and the
growth of its peak memory over the process's size before the batch. The baseline is the same number of
letters laid out one by one by the bare letter engine (``render_letter``), in a fresh process too,
with no database, no register, no archive and no merged PDF. The search figure is what the archive
page does for a typed query (the capped count and its first page of 100 rows); its baseline is the same
first-page SQL run bare on the same connection.
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

PAGE = 100  # the archive page's first trip (prdesk.ui.pages.messages.ArchiveModel.PAGE)
QUERIES = ("نوروز", "روز تعاون", "خبرنگار", "رضایی", "احمدی", "محمد", "کاشان", "سرکار خانم", "جناب آقای دکتر",
           "اتحادیه", "فطر", "غدیر", "مهندس علی", "پیامک", "عل", "زهرا کریمی")

BATCH_CHILD = r"""
import datetime as dt, json, resource, sys, time
from pathlib import Path
from prdesk.store.db import open_database
from prdesk.store.messages.batch import generate_batch
from prdesk.store.messages.recipients import RecipientFilter, prepare
from prdesk.store.messages.templates import find_template

db_path, n, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
db = open_database(db_path)
ids = tuple(r[0] for r in db.execute(
    "SELECT p.id FROM people p JOIN organizations o ON o.id = p.organization_id"
    " WHERE NOT p.deceased AND p.position <> '' AND p.gender <> '' ORDER BY p.id LIMIT ?", [n]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
template = find_template(db, "تبریک روز تعاون")
found = prepare(db, template, "روز تعاون", RecipientFilter(person_ids=ids), date=dt.date.today(), channel="letter",
                include_repeats=True)
result = generate_batch(db, template, "روز تعاون", found, date=dt.date.today(), out=out)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"letters": result.count, "seconds": seconds, "growth_mb": (peak - before) / 1024, "peak_mb": peak / 1024,
                  "pdf_mb": out.stat().st_size / 1e6}))
"""

BASELINE_CHILD = r"""
import datetime as dt, json, resource, sys, time
from prdesk.core.letter_number import Letter
from prdesk.printing.letter import render_letter
from prdesk.store.settings import SETTINGS

n = int(sys.argv[1])
settings = {s.key: s.default for s in SETTINGS}
body = ("فرا رسیدن روز ملی تعاون را به شما و همهٔ اعضا و کارکنان اتحادیه، که با همدلی و مشارکت بنیان‌های اقتصاد مردمی را "
        "استوار می‌سازند، صمیمانه تبریک عرض می‌نماید.\nبی‌تردید تلاش‌های ارزشمند شما در گسترش فرهنگ تعاون نقشی ماندگار دارد.")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
for i in range(n):
    render_letter(Letter(body=body, subject="تبریک روز ملی تعاون", number=f"{i + 1}/ص/1405", date=dt.date.today(),
                         salutation="جناب آقای", recipient_name=f"علی رضایی {i}", recipient_position="مدیرعامل",
                         recipient_organization="شرکت تعاونی مصرف کارکنان"), settings)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"letters": n, "seconds": seconds, "growth_mb": (peak - before) / 1024}))
"""


def child(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def working_copy(source: Path, folder: Path) -> Path:
    from prdesk.store.db import connect

    db = connect(source)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    target = folder / "bench.sqlite3"
    shutil.copyfile(source, target)
    return target


def search_figures(path: Path, runs: int) -> tuple[float, float, float, float]:
    from prdesk.core.text import search_key
    from prdesk.store.db import open_database
    from prdesk.store.messages import archive

    db = open_database(path)
    timings, bare, filtered = [], [], []
    for query in QUERIES:
        archive.search_messages(db, query, limit=PAGE)  # warm the cache as a typed query's first letters do
        words = [w for w in search_key(query).split() if len(w) >= 3]
        match = " AND ".join(f'"{w}"' for w in words)
        for _ in range(runs):
            start = time.perf_counter()
            archive.count_messages(db, query, cap=archive.COUNT_CAP)
            archive.search_messages(db, query, limit=PAGE)
            timings.append(time.perf_counter() - start)
            if match:
                start = time.perf_counter()
                db.execute("SELECT count(*) FROM (SELECT 1 FROM messages_fts WHERE messages_fts MATCH ? LIMIT 1001)", [match]).fetchone()
                db.execute("SELECT m.* FROM messages_fts f JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH ?"
                           " ORDER BY f.rowid DESC LIMIT ?", [match, PAGE]).fetchall()
                bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            archive.count_messages(db, query, cap=archive.COUNT_CAP, channel="sms", date_from="1403/01/01")
            archive.search_messages(db, query, limit=PAGE, channel="sms", date_from="1403/01/01")
            filtered.append(time.perf_counter() - start)
    total = archive.count_messages(db)
    db.close()
    ms = lambda values: statistics.median(values) * 1000  # noqa: E731
    return ms(timings), ms(bare), ms(filtered), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a large demo database (copied; never changed)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="prdesk-bench-") as folder:
        folder = Path(folder)
        source = args.db
        if source is None:
            source = folder / "large.sqlite3"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "from prdesk.cli import main; main()", "--db", str(source), "demo", "--size", "large"], cwd=ROOT,
                           check=True, capture_output=True)
            print(f"large demo built in {time.perf_counter() - started:.0f} s")
        path = working_copy(source, folder)
        search, bare, filtered, total = search_figures(path, args.runs)
        print(f"archive of {total:,} messages: search median {search:.1f} ms (target ≤ 15 ms); "
              f"bare first-page SQL {bare:.1f} ms; with channel and date filters {filtered:.1f} ms")
        small = child(BATCH_CHILD, str(path), "100", str(folder / "b100.pdf"))
        large = child(BATCH_CHILD, str(path), "1000", str(folder / "b1000.pdf"))
        base_small = child(BASELINE_CHILD, "100")
        base_large = child(BASELINE_CHILD, "1000")
        print(f"batch of {small['letters']} letters: {small['seconds']:.1f} s, peak +{small['growth_mb']:.0f} MB")
        print(f"batch of {large['letters']} letters: {large['seconds']:.1f} s (target ≤ 20 s), peak +{large['growth_mb']:.0f} MB, "
              f"PDF {large['pdf_mb']:.1f} MB; growth from 100 to 1,000: {large['growth_mb'] - small['growth_mb']:.0f} MB (target ≤ 50 MB)")
        print(f"baseline, bare letter engine one by one: 100 in {base_small['seconds']:.1f} s, 1,000 in {base_large['seconds']:.1f} s, "
              f"peak +{base_large['growth_mb']:.0f} MB")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
