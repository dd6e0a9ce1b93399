"""core, store and printing import without Qt."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import importlib, pkgutil, sys
import prdesk.core, prdesk.store, prdesk.printing
for package in (prdesk.core, prdesk.store, prdesk.printing):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
loaded = sorted(name for name in sys.modules if name.startswith("prdesk."))
qt = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(len(loaded), qt)
sys.exit(1 if qt else 0)
"""


def test_core_store_and_printing_do_not_import_qt():
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    count = int(result.stdout.split()[0])
    assert count >= 6  # the check really imported the modules (core.jalali, hijri, calendars, text, store.db …)
