"""Keep translations/prdesk_fa.ts in step with the UI sources.

Usage:
  python tools/i18n.py update        add new strings of prdesk/ui (unfinished), drop vanished ones
  python tools/i18n.py fill FILE.tsv fill messages from lines "english<TAB>persian" (unfinished ones, and
                                     finished ones whose Persian the TSV corrects, e.g. to follow glossary.md)
  python tools/i18n.py check         list the strings without a finished Persian translation

Several people add strings at the same time, so every write of the .ts happens under an
exclusive flock on /tmp/prdesk-ts.lock. In the TSV a literal backslash-n stands for a newline.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prdesk.ui.i18n import read_ts, run_lupdate, ui_sources  # noqa: E402

TS = ROOT / "translations" / "prdesk_fa.ts"
LOCK = Path("/tmp/prdesk-ts.lock")


@contextlib.contextmanager
def ts_lock() -> Iterator[None]:
    """Hold the exclusive lock on the .ts for the duration of the block."""
    with LOCK.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def update() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    with ts_lock():
        run_lupdate(ui_sources(ROOT), TS)
    unfinished = [m for m in read_ts(TS) if not m.finished]
    print(f"{TS.relative_to(ROOT)}: {len(read_ts(TS))} messages, {len(unfinished)} unfinished")
    return 0


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def read_tsv(path: Path) -> dict[str, str]:
    pairs = {}
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise SystemExit(f"{path}:{number}: no TAB between the English and the Persian text")
        english, persian = line.split("\t", 1)
        pairs[_unescape(english)] = _unescape(persian.rstrip("\r\n"))
    return pairs


def fill(tsv: Path) -> int:
    pairs = read_tsv(tsv)
    with ts_lock():
        run_lupdate(ui_sources(ROOT), TS)  # so new strings of the sources can be filled too
        tree = ET.parse(TS)
        filled = corrected = 0
        for message in tree.getroot().iter("message"):
            translation = message.find("translation")
            source = message.findtext("source", "")
            if translation is None or source not in pairs or not pairs[source]:
                continue
            if translation.get("type") == "unfinished":
                del translation.attrib["type"]
                filled += 1
            elif translation.get("type") is None and translation.text != pairs[source] and translation.find("numerusform") is None:
                corrected += 1  # the TSV is the latest word on its strings (a glossary fix, say)
            else:
                continue
            translation.text = pairs[source]
        body = ET.tostring(tree.getroot(), encoding="unicode")
        TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
        run_lupdate(ui_sources(ROOT), TS)  # back to lupdate's own layout, so diffs stay small
    left = [m for m in read_ts(TS) if not m.finished]
    print(f"filled {filled}, corrected {corrected}; {len(left)} still unfinished")
    return 0


def unfinished_in_sources() -> list:
    """Messages of the current sources that the committed .ts does not translate (as the test sees it)."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / TS.name
        if TS.exists():
            shutil.copy(TS, scratch)
        run_lupdate(ui_sources(ROOT), scratch)
        return [m for m in read_ts(scratch) if not m.finished]


def check() -> int:
    missing = unfinished_in_sources()
    for message in missing:
        print(f"{message.context}\t{message.source!r}")
    print(f"{len(missing)} unfinished", file=sys.stderr)
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="merge the strings of prdesk/ui into the .ts")
    fill_parser = commands.add_parser("fill", help="fill unfinished messages from a TSV")
    fill_parser.add_argument("tsv", type=Path)
    commands.add_parser("check", help="list strings without a finished translation")
    args = parser.parse_args(argv)
    if args.command == "update":
        return update()
    if args.command == "fill":
        return fill(args.tsv)
    return check()


if __name__ == "__main__":
    sys.exit(main())
