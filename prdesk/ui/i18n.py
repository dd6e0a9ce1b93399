"""UI language: compiling prdesk_fa.ts on demand, installing translators, locale and direction."""

from __future__ import annotations

import logging
import os
import shutil
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

from prdesk.paths import translations_dir, user_cache_dir

log = logging.getLogger(__name__)

LANGUAGES = ("fa", "en")
TS_NAME = "prdesk_fa.ts"

# Key names in menus, overriding Qt's own Persian: qtbase_fa calls the Enter key «بازگشت» (Return);
# prdesk_fa.ts names it as its key cap says. Our translator is installed after Qt's, so it wins.
KEY_NAMES = (QT_TRANSLATE_NOOP("QShortcut", "Return"), QT_TRANSLATE_NOOP("QShortcut", "Enter"))

# The translators now installed; kept here so a language switch can take them out again.
_installed: list[QTranslator] = []
_language = "en"


def ts_path() -> Path:
    """The Persian translation source shipped with prdesk."""
    return translations_dir() / TS_NAME


def qt_tool(name: str) -> Path | None:
    """A Qt Linguist tool (``lrelease``, ``lupdate``) shipped with PySide6, or None when missing."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - the UI cannot run without PySide6 anyway
        return None
    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / name, base / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    return Path(found) if found else None


def compiled_translation(ts: Path | None = None, cache_dir: Path | None = None) -> Path | None:
    """The .qm compiled from ``ts``; compiled only when the .ts content changed. None if impossible.

    The compiled file is named by the .ts's length and CRC-32, so an updated program never loads a
    stale translation and an unchanged one never pays for lrelease again. (A checksum, not hashlib:
    OpenSSL's start costs ~2 ms before the first paint, and this only tells versions apart.)
    """
    try:
        ts = ts or ts_path()
        data = ts.read_bytes()
    except OSError as exc:  # FileNotFoundError too, when the translations folder is missing
        log.warning("translation source %s unreadable (%s); the window stays in English", ts, exc)
        return None
    cache = (cache_dir or user_cache_dir()) / "translations"
    qm = cache / f"{ts.stem}-{len(data):x}-{zlib.crc32(data):08x}.qm"
    shipped = ts.with_name(qm.name)  # compiled by packaging/build_windows.py: the installed app has no lrelease
    if shipped.is_file():
        return shipped
    if qm.is_file():
        return qm
    tool = qt_tool("lrelease")
    if tool is None:
        log.warning("lrelease not found next to PySide6; the window stays in English")
        return None
    import subprocess  # only when the translation changed: not on an ordinary start

    partial = qm.with_name(f"{qm.stem}.{os.getpid()}.partial.qm")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(partial)],
            check=True,
            capture_output=True,
            timeout=120,
            # Keeps a console window from flashing up on Windows while lrelease runs.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        os.replace(partial, qm)  # atomic, so two windows starting together never read half a file
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("compiling %s failed (%s); the window stays in English", ts, exc)
        partial.unlink(missing_ok=True)
        return None
    for old in cache.glob(f"{ts.stem}-*.qm"):
        if old != qm and ".partial" not in old.name:
            old.unlink(missing_ok=True)
    return qm


def current_language() -> str:
    """The language whose translators are installed now: "fa" or "en"."""
    return _language


def layout_direction(language: str) -> Qt.LayoutDirection:
    """Right to left for Persian, left to right for English."""
    from PySide6.QtCore import Qt  # not with this module: the Qt namespace's 93 enums cost ~25 ms

    return Qt.LayoutDirection.LeftToRight if language == "en" else Qt.LayoutDirection.RightToLeft


def apply_language(app: QGuiApplication, language: str) -> bool:
    """Install translators, default locale and layout direction for ``language``.

    Anything but "en" means Persian, the default. Returns False when Persian was asked for and
    prdesk's own translation could not be loaded (the window then shows English labels, still
    right to left, because the data it shows is Persian).
    """
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    language = "en" if language == "en" else "fa"
    _language = language
    ok = True
    if language == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_fa", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
        else:
            log.warning("Qt's own qtbase_fa.qm not found; standard buttons stay in English")
        ours = QTranslator(app)
        qm = compiled_translation()
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            ok = False
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    # Qt turns the direction itself from its own translation's QT_LAYOUT_DIRECTION when the translators
    # change; set by hand only when that did not give the language's direction (no qtbase_fa, or a
    # direction set before), so the Qt namespace's enums are not made before the first paint.
    if app.isRightToLeft() != (language != "en"):
        app.setLayoutDirection(layout_direction(language))
    return ok


# --- Tooling shared by tools/i18n.py and the translation test --------------------------------


class Message(NamedTuple):
    """One translatable string of a .ts file."""

    context: str
    source: str
    translation: str
    finished: bool


def ui_sources(root: Path) -> list[Path]:
    """Every Python file under ``root/prdesk/ui`` that lupdate must scan."""
    return sorted(p for p in (root / "prdesk" / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(sources: list[Path], ts: Path) -> None:
    """Merge the strings of ``sources`` into ``ts``: new ones unfinished, obsolete ones dropped."""
    import subprocess

    tool = qt_tool("lupdate")
    if tool is None:
        raise FileNotFoundError("lupdate is not installed next to PySide6")
    subprocess.run(
        [str(tool), "-silent", "-no-obsolete", "-locations", "none", "-target-language", "fa_IR",
         *map(str, sources), "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=300,
    )


def read_ts(ts: Path) -> list[Message]:
    """The messages of a .ts file (obsolete and vanished ones left out)."""
    import xml.etree.ElementTree as ET

    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source", ""),
                    translation=(translation.text or "") if translation is not None else "",
                    finished=kind != "unfinished" and bool(translation is not None and translation.text),
                )
            )
    return messages
