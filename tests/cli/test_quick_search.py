"""`prdesk contacts search` answered without click: the same lines as the click command, or click answers."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.quick_commands import SearchRequest, parse_search
from prdesk.store import contacts as store
from prdesk.store.db import open_database

# The console script's main() in a fresh process; at exit it prints (on stderr) whether click or
# sqlite-utils were imported.
DRIVER = r"""
import atexit, json, sys
atexit.register(lambda: sys.stderr.write("MODULES " + json.dumps(sorted(m for m in ("click", "sqlite_utils") if m in sys.modules)) + "\n"))
sys.argv = ["prdesk", *sys.argv[1:]]
from prdesk.entry import main
main()
"""


def run_script(*args):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-c", DRIVER, *args], env=env, capture_output=True, timeout=60)
    stderr = done.stderr.decode("utf-8")
    modules = json.loads(stderr.rsplit("MODULES ", 1)[1])
    return done.returncode, done.stdout.decode("utf-8"), stderr.rsplit("MODULES ", 1)[0], modules


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "s.sqlite3"
    db = open_database(path)
    org = store.add_organization(db, {"name": "اتحادیه صنف نانوایان کاشان", "city": "کاشان", "phones": ["03155551234"]}).id
    store.add_person(db, {"first_name": "علی‌رضا", "last_name": "احمدی", "organization_id": org, "mobile": "09121234567"})
    store.add_person(db, {"first_name": "رضا", "last_name": "علیزاده", "position": "مدیرعامل"})
    db.close()
    return path


@pytest.mark.parametrize("args", [
    ["contacts", "search", "علی رضا"],
    ["contacts", "search", "كاشان", "--json", "--limit", "1"],
    ["contacts", "search", "۰۹۱۲", "--limit", "5", "--json"],
    ["contacts", "search", "هیچ‌کس"],
])
def test_the_quick_search_prints_what_the_click_command_prints_without_click_or_sqlite_utils(office, args):
    status, out, err, modules = run_script("--db", str(office), *args)
    expected = CliRunner().invoke(cli, ["--db", str(office), *args])
    assert (status, out, err) == (expected.exit_code, expected.output, "")
    assert modules == []


def test_a_search_click_would_refuse_goes_to_click(office):
    status, out, err, modules = run_script("--db", str(office), "contacts", "search", "علی", "--limit", "0")
    assert status == 2 and "خطا" in err and "click" in modules


def test_a_new_file_is_left_to_click(tmp_path):
    path = tmp_path / "new.sqlite3"
    status, out, _err, modules = run_script("--db", str(path), "contacts", "search", "علی")
    assert (status, out) == (0, "چیزی پیدا نشد.\n")
    assert "click" in modules and path.exists()  # click's command created and migrated it, as before


def test_a_foreign_file_is_refused_by_click_as_before(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    status, out, err, modules = run_script("--db", str(path), "contacts", "search", "علی")
    assert status == 1 and out == "" and "خطا" in err and "click" in modules
    assert path.read_text() == "not a database"


@pytest.mark.parametrize("args, expected", [
    (["--db", "f.sqlite3", "contacts", "search", "علی"], SearchRequest(Path("f.sqlite3"), "علی")),
    (["--db=f.sqlite3", "contacts", "search", "علی", "--json"], SearchRequest(Path("f.sqlite3"), "علی", 20, True)),
    (["contacts", "search", "علی", "--limit", "7"], SearchRequest(None, "علی", 7)),
])
def test_the_forms_answered_quickly(args, expected):
    assert parse_search(args) == expected


@pytest.mark.parametrize("args", [
    ["contacts", "search"], ["contacts", "search", "--help"], ["contacts", "search", "-x"],
    ["contacts", "search", "علی", "--limit"], ["contacts", "search", "علی", "--limit", "0"],
    ["contacts", "search", "علی", "--limit", "۵"], ["contacts", "search", "علی", "--json", "--json"],
    ["contacts", "search", "علی", "extra"], ["contacts", "search", "a*"], ["--db", "--help", "contacts", "search", "x"],
    ["--db=", "contacts", "search", "x"], ["contacts", "import", "x.csv"], ["--version"],
])
def test_everything_else_is_left_to_click(args):
    assert parse_search(args) is None
