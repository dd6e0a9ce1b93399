#!/usr/bin/env bash
# The Windows installer, end to end on Linux: build it, install it silently under wine into a fresh
# prefix, use the installed program, reinstall over it, uninstall it, and check what stays.
# Run before each release and whenever packaging/ changes (about 10 minutes; the first build also
# downloads ~300 MB of wheels into build/windows/). Usage: packaging/test_windows.sh [--no-build]
# The window itself is not started: Qt's DLLs need Windows' own ICU (icuuc.dll), which wine lacks.
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_INSTALLER_MB=70
MAX_INSTALLED_MB=200

need=()
for tool in makensis osslsigncode wine x86_64-w64-mingw32-gcc pdfinfo; do
    command -v "$tool" > /dev/null || need+=("$tool")
done
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends nsis wine64 osslsigncode \
        gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 poppler-utils > /dev/null
fi
command -v wine > /dev/null || { echo "wine64 did not install" >&2; exit 1; }

PYTHON=${PYTHON:-python3}
VERSION=$("$PYTHON" -c 'import re,pathlib; print(re.search(r"__version__ = \"([^\"]+)\"", pathlib.Path("prdesk/__init__.py").read_text()).group(1))')
SETUP="dist/prdesk-setup-$VERSION.exe"
[ "${1:-}" = "--no-build" ] || "$PYTHON" packaging/build_windows.py

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

installer_mb=$(( $(stat -c %s "$SETUP") / 1000000 ))
[ "$installer_mb" -le "$MAX_INSTALLER_MB" ] || fail "installer is $installer_mb MB (> $MAX_INSTALLER_MB MB)"
ok "installer $SETUP: $installer_mb MB (≤ $MAX_INSTALLER_MB MB)"

# A throw-away wine prefix and home: wine links the Windows desktop to $HOME.
SCRATCH=$(mktemp -d /tmp/prdesk-wine.XXXXXX)
trap 'wineserver -k 2> /dev/null || true; rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home" WINEPREFIX="$SCRATCH/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
mkdir -p "$HOME"
wineboot -i > /dev/null 2>&1
# Windows 10 has bcryptprimitives.dll (cryptography needs it for backups); wine 8 does not.
x86_64-w64-mingw32-gcc -O2 -s -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    packaging/wine/bcryptprimitives.c -ladvapi32
USERDIR="$WINEPREFIX/drive_c/users/$(id -un)"
INSTALLED="$USERDIR/AppData/Local/Programs/PRDesk"
DATA="$USERDIR/AppData/Roaming/PRDesk"
WIN_INSTALLED='C:\users\'"$(id -un)"'\AppData\Local\Programs\PRDesk'
WORK_WIN='C:\users\'"$(id -un)"'\Temp'
WORK="$USERDIR/Temp"
mkdir -p "$WORK"

cli() { wine "$WIN_INSTALLED\\prdesk-cli.exe" "$@" < /dev/null 2>&1 | tr -d '\r'; return "${PIPESTATUS[0]}"; }
regvalue() { wine reg query "$1" /ve 2> /dev/null | tr -d '\r' | grep -i REG_SZ | sed 's/.*REG_SZ *//'; }

wine "$SETUP" /S
wineserver -w
[ -f "$INSTALLED/prdesk.exe" ] && [ -f "$INSTALLED/prdesk-cli.exe" ] || fail "no program in $INSTALLED"
installed_mb=$(( $(du -sb "$INSTALLED" | cut -f1) / 1000000 ))
[ "$installed_mb" -le "$MAX_INSTALLED_MB" ] || fail "installed folder is $installed_mb MB (> $MAX_INSTALLED_MB MB)"
ok "silent per-user install into %LOCALAPPDATA%\\Programs\\PRDesk: $installed_mb MB (≤ $MAX_INSTALLED_MB MB)"

out=$(cli --version); echo "$out" | grep -q "$VERSION" || fail "--version said: $out"
ok "--version: $out"
out=$(cli date convert 1405/08/30); echo "$out" | grep -q "۳۰ آبان ۱۴۰۵" || fail "date convert said: $out"
echo "$out" | grep -q "2026-11-21" || fail "date convert said: $out"
ok "date convert 1405/08/30"
cli demo --size small > /dev/null || fail "demo --size small"
[ -f "$DATA/prdesk.sqlite3" ] || fail "the database is not in %APPDATA%\\PRDesk"
ok "demo --size small → %APPDATA%\\PRDesk\\prdesk.sqlite3"
printf 'با سلام و احترام\nاز حضور جنابعالی در مراسم روز تعاون دعوت می‌شود.\n' > "$WORK/body.txt"
cli print letter --body-file "$WORK_WIN\\body.txt" --subject "دعوت" --out "$WORK_WIN\\letter.pdf" > /dev/null \
    || fail "print letter"
pdfinfo "$WORK/letter.pdf" > /dev/null || fail "letter.pdf is not a valid PDF"
ok "print letter → a valid PDF of $(pdfinfo "$WORK/letter.pdf" | awk '/^Pages/ {print $2}') page(s)"
cli backup create --out "$WORK_WIN\\office.prdesk-backup" > /dev/null || fail "backup create"
cli backup verify "$WORK_WIN\\office.prdesk-backup" > /dev/null || fail "backup verify"
ok "backup create / verify"

START_MENU="$USERDIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
[ -f "$START_MENU/میز روابط عمومی.lnk" ] || fail "no Start-menu shortcut"
[ -f "$HOME/میز روابط عمومی.lnk" ] || [ -f "$USERDIR/Desktop/میز روابط عمومی.lnk" ] || fail "no desktop shortcut"
ok "Start-menu and desktop shortcuts «میز روابط عمومی»"
[ "$(regvalue 'HKCU\Software\Classes\.prdesk-backup')" = "PRDesk.Backup" ] || fail ".prdesk-backup is not associated"
command=$(regvalue 'HKCU\Software\Classes\PRDesk.Backup\shell\open\command')
echo "$command" | grep -qi 'prdesk.exe" "%1"' || fail "the association opens: $command"
ok ".prdesk-backup opens with: $command"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\PRDesk' /v UninstallString > /dev/null 2>&1 \
    || fail "no entry in Apps & features"
ok "entry in Apps & features (HKCU)"

# An upgrade: installing again over the installed copy keeps the data.
before=$(sha256sum "$DATA/prdesk.sqlite3" | cut -d' ' -f1)
wine "$SETUP" /S
wineserver -w
[ "$(sha256sum "$DATA/prdesk.sqlite3" | cut -d' ' -f1)" = "$before" ] || fail "reinstalling changed the database"
cli check > /dev/null || fail "check after reinstalling"
ok "install over the installed copy keeps the data; check passes"

wine "$INSTALLED/uninstall.exe" /S
wineserver -w
for _ in $(seq 60); do [ -e "$INSTALLED/prdesk.exe" ] || break; sleep 1; done
[ ! -e "$INSTALLED/prdesk.exe" ] && [ ! -e "$INSTALLED/Lib" ] || fail "the program is still in $INSTALLED"
[ ! -f "$START_MENU/میز روابط عمومی.lnk" ] || fail "the Start-menu shortcut stayed"
[ -z "$(regvalue 'HKCU\Software\Classes\.prdesk-backup')" ] || fail "the association stayed"
[ -f "$DATA/prdesk.sqlite3" ] || fail "uninstalling removed the data"
ok "silent uninstall removed the program, shortcuts and association, and kept %APPDATA%\\PRDesk"
echo "PASS: installer $installer_mb MB, installed $installed_mb MB"
