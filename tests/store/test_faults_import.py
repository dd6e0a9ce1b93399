"""Killing the process during a 10,000-row contacts import: the import is wholly present or wholly absent."""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from prdesk.store.db import open_database

ROOT = Path(__file__).resolve().parents[2]
ROWS = 10_000
KILLS = 30

IMPORT_CHILD = """
import sys
from prdesk.store.db import open_database
from prdesk.store.contacts_io import import_contacts
db = open_database(sys.argv[1])
print("ready", flush=True)
import_contacts(db, sys.argv[2])
print("done", flush=True)
"""

FIRST = ["علی", "محمد", "زهرا", "فاطمه", "رضا", "مریم", "حسین", "نرگس", "مهدی", "سارا"]
LAST = ["احمدی", "رضایی", "کریمی", "حسینی", "موسوی", "جعفری", "رحیمی", "صادقی", "کاظمی", "نوری"]
CITIES = ["اصفهان", "کاشان", "یزد", "شیراز", "تبریز"]


def _csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["نام", "نام خانوادگی", "سمت", "سازمان", "شهر", "همراه"])
        for i in range(ROWS):
            out.writerow([
                FIRST[i % 10], f"{LAST[(i // 10) % 10]} {i}", "مدیرعامل",
                f"شرکت تعاونی شمارهٔ {i // 5}", CITIES[i % 5], f"0912{i:07d}",
            ])
    return path


def _state(path: Path) -> tuple[str, int]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_during_a_10000_row_import_30_times(tmp_path):
    source = _csv(tmp_path / "contacts.csv")
    empty = tmp_path / "empty.sqlite3"
    open_database(empty).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def start(db_path: Path) -> subprocess.Popen:
        child = subprocess.Popen([sys.executable, "-c", IMPORT_CHILD, str(db_path), str(source)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        assert child.stdout.readline().strip() == b"ready", child.stderr.read().decode()
        return child

    # One import run to its end tells how long an import takes on this machine.
    whole = tmp_path / "whole.sqlite3"
    shutil.copyfile(empty, whole)
    child = start(whole)
    started = time.perf_counter()
    assert child.stdout.readline().strip() == b"done", child.stderr.read().decode()
    duration = time.perf_counter() - started
    child.wait()
    child.stdout.close()
    child.stderr.close()
    assert _state(whole) == ("ok", ROWS)

    rng = random.Random(2026)
    outcomes = {0: 0, ROWS: 0}
    for n in range(KILLS):
        target = tmp_path / f"kill-{n}.sqlite3"
        shutil.copyfile(empty, target)
        child = start(target)
        time.sleep(rng.uniform(0, duration * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()
        integrity, people = _state(target)
        assert integrity == "ok"
        assert people in outcomes, f"kill {n}: {people} of {ROWS} rows survived"
        outcomes[people] += 1
        target.unlink()
        for extra in tmp_path.glob(f"kill-{n}.sqlite3-*"):
            extra.unlink()
    assert outcomes[0] > 0  # most kills land mid-import: nothing of it may remain
