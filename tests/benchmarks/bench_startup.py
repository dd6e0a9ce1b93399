"""Start-up benchmark: prdesk's main window on the large demo beside a bare PySide6 window.

Run: ``python tests/benchmarks/bench_startup.py [--runs N] [--db FILE]``. Each start is a fresh
process; the time is from spawning it until the window has been shown and the event loop has run
once, and the memory is the process's peak resident set. Targets (issue 2): prdesk ≤ 2× the bare
window's time and ≤ 2.5× its peak memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, lambda: (print("SHOWN", flush=True), app.quit()))
app.exec()
"""

PRDESK = r"""
import sys
from pathlib import Path
import prdesk.entry  # the console script's module, as in a real start
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from prdesk.store.db import open_database
from prdesk.ui.app import acquire_lock, open_desk, prepare_application
db_path = Path(sys.argv[1])
app = QApplication(sys.argv[:1])
prepare_application(app, "fa")
lock = acquire_lock(db_path)
db = open_database(db_path)
desk = open_desk(db, db_path)
desk.window.show()
QTimer.singleShot(0, lambda: (print("SHOWN", flush=True), app.quit()))
app.exec()
db.close()
lock.unlock()
"""


PYCACHE = tempfile.mkdtemp(prefix="prdesk-bench-pycache-")


def start_once(code: str, *args: str) -> tuple[float, int]:
    """Seconds until the window is shown and peak RSS in KiB of one fresh process."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPYCACHEPREFIX=PYCACHE)
    # An installed prdesk has its bytecode compiled, like PySide6 beside it: compile once, for both.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, env=env, text=True, cwd=ROOT)
    line = proc.stdout.readline()
    shown = time.perf_counter() - started
    proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if line.strip() != "SHOWN" or status != 0:
        raise SystemExit(f"start failed (status {status}): {line!r}")
    return shown, usage.ru_maxrss


ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, help="an existing large demo database (default: build one)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

    tmp = tempfile.TemporaryDirectory()
    db_path = args.db
    if db_path is None:
        from prdesk.store.db import open_database
        from prdesk.store.demo import fill_demo

        db_path = Path(tmp.name) / "large.sqlite3"
        t = time.perf_counter()
        db = open_database(db_path)
        fill_demo(db, "large")
        db.close()
        print(f"large demo built in {time.perf_counter() - t:.1f} s ({db_path.stat().st_size / 2**20:.0f} MiB)")

    start_once(BARE)  # warm the OS file cache for both
    start_once(PRDESK, str(db_path))
    bare, desk = [], []
    for _ in range(args.runs):  # interleaved, so drift in the machine's load hits both alike
        bare.append(start_once(BARE))
        desk.append(start_once(PRDESK, str(db_path)))
    bare_t = statistics.median(t for t, _ in bare)
    desk_t = statistics.median(t for t, _ in desk)
    bare_m = max(m for _, m in bare) / 1024
    desk_m = max(m for _, m in desk) / 1024
    print(f"runs: {args.runs} each, platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
    print(f"bare PySide6 window : {bare_t * 1000:7.0f} ms   peak {bare_m:6.0f} MiB")
    print(f"prdesk, large demo  : {desk_t * 1000:7.0f} ms   peak {desk_m:6.0f} MiB")
    print(f"ratio               : {desk_t / bare_t:7.2f}x time (target <= 2)   {desk_m / bare_m:.2f}x memory (target <= 2.5)")
    tmp.cleanup()
    shutil.rmtree(PYCACHE, ignore_errors=True)


if __name__ == "__main__":
    main()
