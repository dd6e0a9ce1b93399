"""Meetings benchmark on the large demo: day and week views, conflict check, agenda PDF, a year's report.

Run: ``python tests/benchmarks/bench_meetings.py [--runs N] [--db FILE]``. Without --db the large demo
(100,000 people, about 50,000 meetings over five years) is built in a temporary folder and its fill
time is reported. Each figure stands beside the bare SQL that reads the same rows, run in the same
process on the same connection. Targets (issue 10): day view of one host ≤ 100 ms, week view
≤ 150 ms, conflict check ≤ 5 ms, agenda PDF ≤ 300 ms, meetings report for a year ≤ 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from prdesk.core import jalali  # noqa: E402
from prdesk.core import meetings as rules  # noqa: E402
from prdesk.store import meetings as ms  # noqa: E402
from prdesk.store.db import open_database  # noqa: E402

TARGETS_MS = {"day view": 100.0, "week view": 150.0, "conflict check": 5.0, "agenda PDF": 300.0, "year report": 3000.0}
BARE_DAY = (
    "SELECT m.*, h.name, r.name FROM meetings m JOIN meeting_hosts h ON h.id = m.host_id "
    "LEFT JOIN meeting_rooms r ON r.id = m.room_id WHERE m.date BETWEEN ? AND ? AND m.host_id = ? ORDER BY m.date, m.start_time"
)
BARE_VISITORS = "SELECT * FROM meeting_visitors WHERE meeting_id IN (SELECT id FROM meetings WHERE date BETWEEN ? AND ? AND host_id = ?)"
BARE_CONFLICT = (
    "SELECT id FROM meetings WHERE date = ? AND status NOT IN ('cancelled', 'no-show', 'postponed') "
    "AND (host_id = ? OR room_id = ? OR id IN (SELECT meeting_id FROM meeting_visitors WHERE person_id = ?)) "
    "AND start_time < ? AND end_time > ?"
)
BARE_YEAR = (
    "SELECT m.*, (SELECT group_concat(name) FROM meeting_visitors v WHERE v.meeting_id = m.id) FROM meetings m "
    "WHERE m.date BETWEEN ? AND ? ORDER BY m.date, m.start_time"
)


def paired_ms(work, bare, runs: int) -> tuple[float, float]:
    """Medians of the measured call and its bare SQL, run alternately so both see the same load."""
    work()
    bare()
    worked, bared = [], []
    for _ in range(runs):
        for call, times in ((work, worked), (bare, bared)):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(worked), statistics.median(bared)


def paired_cpu(work, bare, runs: int) -> tuple[float, float, float, float]:
    """Medians of wall and CPU milliseconds of the measured call and its bare SQL, run alternately."""
    walls: dict = {work: [], bare: []}
    cpus: dict = {work: [], bare: []}
    for _ in range(runs):
        for call in (work, bare):
            wall, cpu = time.perf_counter(), time.process_time()
            call()
            walls[call].append((time.perf_counter() - wall) * 1000)
            cpus[call].append((time.process_time() - cpu) * 1000)
    return (statistics.median(walls[work]), statistics.median(cpus[work]),
            statistics.median(walls[bare]), statistics.median(cpus[bare]))


def child_run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU milliseconds of a fresh process (the CPU of the child alone, from its rusage)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = (time.perf_counter() - wall) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000


def load() -> str:
    return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


def line(label: str, value: float, bare: float) -> str:
    target = TARGETS_MS[label]
    verdict = "ok" if value <= target else "MISSED"
    return (f"  {label:<15} {value:9.1f} ms   bare SQL {bare:8.2f} ms   ratio {value / bare if bare else 0:7.1f}"
            f"   target ≤ {target:.0f} ms: {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--db", type=Path, help="an existing large prdesk database to measure on")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="prdesk-bench-") as work:
        db_path = args.db or Path(work) / "large.sqlite3"
        if args.db is None:
            from prdesk.store.demo import fill_demo

            db = open_database(db_path)
            started = time.perf_counter()
            fill_demo(db, "large")
            print(f"large demo built in {time.perf_counter() - started:.1f} s")
            db.close()
        db = open_database(db_path)
        count = db.execute("SELECT count(*) FROM meetings").fetchone()[0]
        print(f"{count:,} meetings, {db.execute('SELECT count(*) FROM meeting_followups').fetchone()[0]:,} follow-ups")
        director = ms.list_hosts(db)[0]
        today = dt.date.today()
        busiest = dt.date.fromisoformat(db.execute(
            "SELECT date FROM meetings WHERE host_id = ? AND date < ? GROUP BY date ORDER BY count(*) DESC, date DESC LIMIT 1",
            [director.id, today.isoformat()]).fetchone()[0])
        print(f"busiest day of {director.name}: {jalali.format_jalali_iso(busiest)} "
              f"({len(ms.day_meetings(db, busiest, director.id))} meetings)")
        results = []

        # Day and week views: the page's reload and the grid's paint, as the clerk waits for them.
        from PySide6.QtWidgets import QApplication

        from prdesk.ui.app import prepare_application
        from prdesk.ui.bus import Bus
        from prdesk.ui.operations import OperationRunner
        from prdesk.ui.pages.base import PageContext
        from prdesk.ui.pages.meetings.page import DAY, WEEK, MeetingsPage, week_of

        app = QApplication.instance() or QApplication([])
        prepare_application(app, "fa")
        bus = Bus()
        context = PageContext(db, db_path, bus, OperationRunner(bus), lambda text: None, lambda: busiest)
        page = MeetingsPage(context)
        page.resize(1300, 800)
        page.show()
        app.processEvents()
        for label, tab, days in (("day view", DAY, [busiest]), ("week view", WEEK, week_of(busiest))):
            page.tabs.setCurrentIndex(tab)
            grid = page.day_grid if tab == DAY else page.week_grid
            first, last = days[0].isoformat(), days[-1].isoformat()

            def view(grid=grid):
                page.reload()
                grid.repaint()

            def bare(first=first, last=last):
                db.conn.execute(BARE_DAY, [first, last, director.id]).fetchall()
                db.conn.execute(BARE_VISITORS, [first, last, director.id]).fetchall()

            results.append(line(label, *paired_ms(view, bare, args.runs)))

        # Conflict check: a visitor of the contacts at a taken time of the busiest day, as the dialog's save checks it.
        taken = ms.day_meetings(db, busiest, director.id)[len(ms.day_meetings(db, busiest, director.id)) // 2]
        person = db.execute("SELECT id FROM people LIMIT 1").fetchone()[0]
        draft = ms.check_meeting(db, {"date": busiest, "start": taken.start, "duration": 30, "host": director.id,
                                      "room": "سالن جلسات", "visitors": [{"person_id": person}]})

        def check():
            try:
                ms.check_rules(db, draft, allow_conflict=True, allow_closed_day=True)
            except rules.ClosedTime:
                pass

        def bare_conflict():
            db.conn.execute(BARE_CONFLICT, [busiest.isoformat(), director.id, 2, person, rules.format_time(draft.end),
                                            taken.start]).fetchall()

        results.append(line("conflict check", *paired_ms(check, bare_conflict, args.runs * 5)))

        def refused():
            try:
                ms.check_rules(db, draft, allow_conflict=False, allow_closed_day=True)
            except rules.MeetingConflict:
                pass

        refusal, _ = paired_ms(refused, bare_conflict, args.runs)
        print(f"  (a refused save with its three next free times: {refusal:.1f} ms)")

        from prdesk.printing.agenda import render_agenda
        from prdesk.printing.agenda_report import render_meetings_report

        results.append(line("agenda PDF", *paired_ms(
            lambda: render_agenda(db, busiest, director.id),
            lambda: db.conn.execute(BARE_DAY, [busiest.isoformat(), busiest.isoformat(), director.id]).fetchall(),
            max(3, args.runs // 2))))

        year = jalali.jalali_parts(today)[0] - 1
        first = jalali.to_gregorian(year, 1, 1)
        last = jalali.to_gregorian(year + 1, 1, 1) - dt.timedelta(days=1)
        in_year = db.execute("SELECT count(*) FROM meetings WHERE date BETWEEN ? AND ?", [first.isoformat(), last.isoformat()]).fetchone()[0]
        print(f"year {year}: {in_year:,} meetings ({load()})")
        # The year's report as the window and `prdesk print report meetings` lay it out: the counts, the
        # chart and the full list, every meeting on its row. Wall and CPU (the machine is shared).
        wall, cpu, bare_wall, bare_cpu = paired_cpu(
            lambda: render_meetings_report(db, first, last),
            lambda: db.conn.execute(BARE_YEAR, [first.isoformat(), last.isoformat()]).fetchall(), max(3, args.runs // 3))
        results.append(line("year report", wall, bare_wall))
        results.append(f"  {'':<15} CPU {cpu:9.1f} ms   bare SQL CPU {bare_cpu:6.1f} ms   ratio {cpu / bare_cpu if bare_cpu else 0:7.1f}")
        # The same from the command line, a fresh process each time, beside a fresh process that runs the bare SQL.
        out = Path(work) / "year.pdf"
        jal = [jalali.format_jalali_iso(first), jalali.format_jalali_iso(last)]
        cli = [sys.executable, "-m", "prdesk", "--db", str(db_path), "print", "report", "meetings", "--from", jal[0], "--to", jal[1],
               "--out", str(out)]
        bare_cli = [sys.executable, "-c", f"import sqlite3; sqlite3.connect({str(db_path)!r}).execute({BARE_YEAR!r}, "
                                          f"[{first.isoformat()!r}, {last.isoformat()!r}]).fetchall()"]
        cli_runs = [(child_run(cli), child_run(bare_cli)) for _ in range(3)]
        cli_wall = statistics.median(r[0][0] for r in cli_runs)
        cli_cpu = statistics.median(r[0][1] for r in cli_runs)
        bare_wall = statistics.median(r[1][0] for r in cli_runs)
        bare_cpu = statistics.median(r[1][1] for r in cli_runs)
        from pypdf import PdfReader

        pages = len(PdfReader(out).pages)
        results.append(line("year report", cli_wall, bare_wall).replace("year report    ", "year report CLI"))
        results.append(f"  {'':<15} CPU {cli_cpu:9.1f} ms   bare SQL CPU {bare_cpu:6.1f} ms   ({pages} pages, {load()})")
        print("\n".join(results))
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
