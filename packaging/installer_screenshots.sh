#!/usr/bin/env bash
# Screenshots of the installer's pages in Persian: wine under Xvfb, Enter pressed page by page.
# Usage: packaging/installer_screenshots.sh OUT_PREFIX   (writes OUT_PREFIX-1-language.png …)
# Needs: wine64, xvfb, xdotool, and a Python with Pillow (PYTHON, default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: installer_screenshots.sh OUT_PREFIX}
PYTHON=${PYTHON:-python3}
SETUP=$(ls dist/prdesk-setup-*.exe | tail -1)
SCRATCH=$(mktemp -d /tmp/prdesk-shots.XXXXXX)
export HOME="$SCRATCH/home" WINEPREFIX="$SCRATCH/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export DISPLAY=:97
mkdir -p "$HOME"
Xvfb :97 -screen 0 1000x720x24 > /dev/null 2>&1 &
XVFB=$!
trap 'wineserver -k 2> /dev/null || true; kill $XVFB 2> /dev/null || true; rm -rf "$SCRATCH"' EXIT
sleep 2
wineboot -i > /dev/null 2>&1
# wine has no font with Persian letters; Windows has Tahoma and Segoe UI. Vazirmatn stands in.
cp resources/fonts/Vazirmatn-Regular.ttf "$WINEPREFIX/drive_c/windows/Fonts/"
for face in "MS Shell Dlg" "MS Shell Dlg 2" "Tahoma" "Segoe UI"; do
    wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes' /v "$face" /d Vazirmatn /f > /dev/null 2>&1
done
shot() { sleep "${2:-3}"; "$PYTHON" -c "from PIL import ImageGrab; ImageGrab.grab(xdisplay='$DISPLAY').save('$OUT-$1.png')"; }
wine "$SETUP" > /dev/null 2>&1 &
shot 1-language 8
xdotool key Return; shot 2-all-users
xdotool key Tab Return; shot 3-welcome
xdotool key Return; shot 4-components
xdotool key Return; shot 5-folder
xdotool key Return; shot 6-finish 120
