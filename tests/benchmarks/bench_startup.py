"""Start-up benchmark: ``prdesk --db FILE`` to the first paint of its window, beside a bare PySide6 window.

Run: ``python tests/benchmarks/bench_startup.py [--runs N] [--small F] [--office F] [--large F]``
(without a file the demo of that size is made with ``prdesk demo``, in a temporary folder).

What is timed is what the clerk waits for: the real console script (``prdesk --db FILE``, the
code path of a double-click) started as a fresh process, until its main window has been painted.
The baseline is a fresh Python process that opens a bare ``QMainWindow`` with a label. Both stop
at the same moment, told by the same event filter installed the same way
(``prdesk.ui.first_paint.watch(window)`` on the main window just before it is shown, switched on by
``PRDESK_FIRST_PAINT=1``, which the app honours for benchmarks only; on the window, not the
application: an application-wide Python filter costs the many-widget window ~50 ms that the
clerk never pays). Starts alternate (bare, prdesk, bare, prdesk …) so the machine's load hits both
alike; both get compiled bytecode, as an installed copy has, and their own empty user folders.
Besides the wall time, the first-paint line carries the process's CPU time and peak resident set
up to that paint (the figures to read on a machine shared with other work); the whole process's
peak (it goes on until it has quit, with what it starts after the paint) is printed too.
Targets (issue 12 §2): time ≤ 1.6× the bare window on every demo size and flat in the size of
the file; peak memory ≤ 1.5×.
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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from prdesk.ui.first_paint import ENV, MARK  # noqa: E402

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from prdesk.ui.first_paint import watch
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1100, 720)
watch(window)
window.show()
app.exec()
"""

TIME_TARGET = 1.6
MEMORY_TARGET = 1.5
SIZES = ("small", "office", "large")


def console_script() -> list[str]:
    """The installed ``prdesk`` console script beside this Python (what a shortcut starts)."""
    script = Path(sys.executable).with_name("prdesk")
    if not script.exists():
        raise SystemExit(f"the prdesk console script is not installed beside {sys.executable}: pip install -e .")
    return [str(script)]


def start_once(command: list[str], env: dict[str, str]) -> tuple[float, float, int, int]:
    """Wall seconds from spawning ``command`` to its first-paint line; CPU seconds and peak RSS (KiB)
    up to that paint, as the line says; the whole process's peak RSS (KiB)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, cwd=ROOT)
    line = proc.stdout.readline()
    painted = time.perf_counter() - started
    proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    words = line.split()
    if not words or words[0] != MARK or len(words) != 3 or status != 0:
        raise SystemExit(f"{command[0]} did not report its first paint (status {status}): {line!r}")
    return painted, float(words[1]), int(words[2]), usage.ru_maxrss


def demo(path: Path, size: str) -> Path:
    subprocess.run([*console_script(), "--db", str(path), "demo", "--size", size], check=True, capture_output=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    for size in SIZES:
        parser.add_argument(f"--{size}", type=Path, help=f"an existing {size} demo database (copied, not changed)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="prdesk-bench-startup-"))
    home = tmp / "home"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
        HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"),
        PRDESK_AUTOMATIC_BACKUPS="0",  # nothing changes in these runs; no backup files left behind
        **{ENV: "1"},
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed copy has its bytecode compiled, like PySide6
    databases = {}
    for size in SIZES:
        given = getattr(args, size)
        path = tmp / f"{size}.sqlite3"
        if given is not None:
            shutil.copy(given, path)
        else:
            t = time.perf_counter()
            demo(path, size)
            print(f"{size} demo made in {time.perf_counter() - t:.1f} s")
        databases[size] = path

    bare_command = [sys.executable, "-c", BARE]
    # Warm the file cache and compile the bytecode (and the translation) for both, once.
    start_once(bare_command, env)
    for path in databases.values():
        start_once([*console_script(), "--db", str(path)], env)

    bare: dict[str, list[tuple[float, float, int, int]]] = {size: [] for size in SIZES}
    desk: dict[str, list[tuple[float, float, int, int]]] = {size: [] for size in SIZES}
    for _ in range(args.runs):
        for size in SIZES:  # interleaved: drift in the machine's load hits both sides alike
            bare[size].append(start_once(bare_command, env))
            desk[size].append(start_once([*console_script(), "--db", str(databases[size])], env))

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"runs: {args.runs} of each, alternating; platform {env['QT_QPA_PLATFORM']}; {os.cpu_count()} cores; "
          f"load average {load:.1f}")
    print(f"{'demo':8} {'file':>8} | {'wall':>7} {'bare':>7} {'ratio':>6} | {'CPU':>7} {'bare':>7} {'ratio':>6} | "
          f"{'peak':>6} {'bare':>6} {'ratio':>6} | {'process peak':>12}")
    ratios = {}

    def median(runs, index):
        return statistics.median(run[index] for run in runs)

    for size in SIZES:
        d_t, b_t = median(desk[size], 0), median(bare[size], 0)
        d_c, b_c = median(desk[size], 1), median(bare[size], 1)
        d_m, b_m = median(desk[size], 2) / 1024, median(bare[size], 2) / 1024
        d_p, b_p = median(desk[size], 3) / 1024, median(bare[size], 3) / 1024
        ratios[size] = d_t / b_t
        mib = databases[size].stat().st_size / 2**20
        print(f"{size:8} {mib:6.1f}MB | {d_t * 1000:5.0f}ms {b_t * 1000:5.0f}ms {d_t / b_t:5.2f}x | "
              f"{d_c * 1000:5.0f}ms {b_c * 1000:5.0f}ms {d_c / b_c:5.2f}x | "
              f"{d_m:4.0f}MB {b_m:4.0f}MB {d_m / b_m:5.2f}x | {d_p:4.0f}MB / {b_p:3.0f}MB")
    print(f"targets: time <= {TIME_TARGET}x, memory <= {MEMORY_TARGET}x (medians); "
          f"large/small wall ratio {ratios['large'] / ratios['small']:.2f} (flat: about 1)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
