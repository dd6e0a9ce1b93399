"""Translations: every UI string has a finished Persian translation; the .qm is built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdesk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(i18n.qt_tool("lupdate") is None, reason="lupdate is not installed next to PySide6")
def test_every_source_string_has_a_finished_persian_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    i18n.run_lupdate(i18n.ui_sources(ROOT), fresh)
    wanted = {(m.context, m.source) for m in i18n.read_ts(fresh)}
    assert wanted, "lupdate found no strings at all"
    done = {(m.context, m.source) for m in i18n.read_ts(ROOT / "translations" / i18n.TS_NAME) if m.finished}
    missing = sorted(wanted - done)
    assert not missing, "run tools/i18n.py update, translate, then tools/i18n.py check:\n" + "\n".join(
        f"{context}: {source!r}" for context, source in missing
    )


def test_compiled_translation_is_built_once_per_content(tmp_path, monkeypatch):
    ts = tmp_path / "prdesk_fa.ts"
    ts.write_bytes((ROOT / "translations" / i18n.TS_NAME).read_bytes())
    first = i18n.compiled_translation(ts, tmp_path / "cache")
    assert first is not None and first.stat().st_size > 0

    monkeypatch.setattr(i18n, "qt_tool", lambda name: pytest.fail("lrelease ran again"))
    assert i18n.compiled_translation(ts, tmp_path / "cache") == first

    ts.write_text(ts.read_text(encoding="utf-8").replace("پیشخوان", "میز کار"), encoding="utf-8")
    monkeypatch.undo()
    second = i18n.compiled_translation(ts, tmp_path / "cache")
    assert second != first and not first.exists()


def test_missing_lrelease_falls_back_to_english(tmp_path, monkeypatch):
    ts = tmp_path / "prdesk_fa.ts"
    ts.write_bytes((ROOT / "translations" / i18n.TS_NAME).read_bytes())
    monkeypatch.setattr(i18n, "qt_tool", lambda name: None)
    assert i18n.compiled_translation(ts, tmp_path / "cache") is None


def test_persian_is_installed_and_english_removes_it(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale, Qt

    assert i18n.apply_language(qapp, "fa")
    assert QCoreApplication.translate("DashboardPage", "Dashboard") == "پیشخوان"
    assert QLocale().toString(12) == "۱۲"
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    try:
        assert i18n.apply_language(qapp, "en")
        assert QCoreApplication.translate("DashboardPage", "Dashboard") == "Dashboard"
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        i18n.apply_language(qapp, "fa")


def test_right_to_left_without_qts_own_persian_and_back(qapp, tmp_path, monkeypatch):
    """The direction comes from qtbase_fa's QT_LAYOUT_DIRECTION when it loads (no Qt enum before the
    first paint); without it, apply_language sets each language's direction itself."""
    from PySide6.QtCore import Qt

    monkeypatch.setattr(i18n.QLibraryInfo, "path", lambda _which: str(tmp_path))  # no qtbase_fa.qm here
    try:
        i18n.apply_language(qapp, "fa")
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        i18n.apply_language(qapp, "en")
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
        i18n.apply_language(qapp, "fa")
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        monkeypatch.undo()
        i18n.apply_language(qapp, "fa")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
