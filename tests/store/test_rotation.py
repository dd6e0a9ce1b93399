"""Automatic backups: the rotation policy, file names, the folder checks, when a backup is due."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prdesk.errors import BackupError
from prdesk.paths import user_data_dir
from prdesk.store import rotation
from prdesk.store.backup import DamagedDatabase, default_backup_name, safety_copy_name, verify
from prdesk.store.db import open_database
from prdesk.store.rotation import (
    BackupFile,
    automatic_backup,
    backup_folder,
    change_state,
    cloud_sync_service,
    folder_warnings,
    is_network_path,
    last_good_backup,
    list_backups,
    needs_backup,
    parse_backup_name,
    plan_rotation,
)
from tests.store.test_backup import corrupt_index, make_office_db, temp_files, note

NOW = dt.datetime(2026, 11, 21, 15, 30)


def auto(when: dt.datetime, good: bool = True, folder: Path = Path("/b")) -> BackupFile:
    name = default_backup_name(when)
    return BackupFile(folder / name, parse_backup_name(name)[1], "automatic", good)


def safety(when: dt.datetime, folder: Path = Path("/b")) -> BackupFile:
    name = safety_copy_name(when)
    return BackupFile(folder / name, parse_backup_name(name)[1], "safety")


# -- names -------------------------------------------------------------------------------------------


def test_names_parse_back_to_their_time():
    assert parse_backup_name("office-1405-08-30-1530.prdesk-backup") == ("automatic", NOW, 1)
    assert parse_backup_name("prdesk-1405-08-30-1530-3.prdesk-backup") == ("automatic", NOW, 3)
    assert parse_backup_name("prdesk-safety-1405-08-30-1530.prdesk-backup") == ("safety", NOW, 1)
    assert parse_backup_name("prdesk-safety-1405-08-30-1530-damaged.sqlite3") == ("safety", NOW, 1)


@pytest.mark.parametrize(
    "name",
    [
        "prdesk-1405-08-30-1530.prdesk-backup.tmp",
        ".prdesk-backup-x1y2.tmp",
        "my-prdesk-1405-08-30-1530.prdesk-backup",
        "prdesk-1405-08-30-1530 (copy).prdesk-backup",
        "prdesk-1405-13-30-1530.prdesk-backup",
        "prdesk-1405-08-30-1530-damaged.sqlite3",
        "prdesk-1405-08-30-1530-1.prdesk-backup",
        "office.sqlite3",
        "prdesk-1405-08-30.prdesk-backup",
    ],
)
def test_other_names_are_not_prdesks(name):
    assert parse_backup_name(name) is None


# -- the policy ------------------------------------------------------------------------------------


def test_hourly_backups_over_two_years_keep_the_documented_set():
    files = [auto(NOW - dt.timedelta(hours=h)) for h in range(0, 2 * 365 * 24, 5)]
    doomed = set(plan_rotation(files, NOW))
    kept = [f for f in files if f.path not in doomed]
    newest_ten = sorted(files, key=lambda f: f.created, reverse=True)[:10]
    assert all(f in kept for f in newest_ten)
    days = {f.created.date() for f in kept}
    assert {(NOW - dt.timedelta(days=d)).date() for d in range(7)} <= days
    assert len(kept) <= 10 + 7 + 8 + 12
    assert min(f.created for f in kept) < NOW - dt.timedelta(days=300)  # monthly copies reach back a year
    assert len(kept) >= 25


def test_a_few_backups_are_all_kept():
    files = [auto(NOW - dt.timedelta(days=d)) for d in range(9)]
    assert plan_rotation(files, NOW) == []


def test_last_ten_are_kept_even_within_one_day():
    files = [auto(NOW - dt.timedelta(minutes=30 * i)) for i in range(15)]
    doomed = plan_rotation(files, NOW)
    assert len(doomed) == 5
    assert all(f.path not in doomed for f in files[:10])


def test_damaged_files_are_neither_counted_nor_deleted():
    bad = [auto(NOW - dt.timedelta(minutes=i), good=False) for i in range(12)]
    good = [auto(NOW - dt.timedelta(days=40 + d)) for d in range(3)]
    doomed = plan_rotation(bad + good, NOW)
    assert doomed == []  # the three good ones are among the last ten good ones


def test_safety_copies_are_never_deleted_and_protect_what_came_before_the_restore():
    before = [auto(NOW - dt.timedelta(hours=h)) for h in range(40, 80)]
    after = [auto(NOW - dt.timedelta(minutes=10 * i)) for i in range(30)]
    marker = safety(NOW - dt.timedelta(hours=39))
    doomed = set(plan_rotation(before + after + [marker], NOW))
    assert marker.path not in doomed
    assert not doomed & {f.path for f in before}
    assert doomed  # rotation still works on the backups taken after the restore
    without_marker = set(plan_rotation(before + after, NOW))
    assert without_marker & {f.path for f in before}


def test_files_from_the_future_are_kept():
    future = auto(NOW + dt.timedelta(days=3))
    files = [future] + [auto(NOW - dt.timedelta(hours=h)) for h in range(0, 200, 3)]
    assert future.path not in plan_rotation(files, NOW)


def test_files_not_named_by_prdesk_are_never_planned():
    odd = BackupFile(Path("/b/my-backup.prdesk-backup"), NOW - dt.timedelta(days=900), "automatic")
    files = [odd] + [auto(NOW - dt.timedelta(hours=h)) for h in range(0, 2000, 7)]
    assert odd.path not in plan_rotation(files, NOW)


moments = st.integers(min_value=0, max_value=3 * 365 * 24 * 60).map(lambda m: NOW - dt.timedelta(minutes=m))
file_sets = st.lists(st.tuples(moments, st.booleans(), st.sampled_from(["automatic", "automatic", "automatic", "safety"])),
                     max_size=120, unique_by=lambda t: default_backup_name(t[0]))


def _build(entries):
    out = []
    for when, good, kind in entries:
        out.append(auto(when, good) if kind == "automatic" else safety(when))
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file_sets)
def test_rotation_properties(entries):
    files = _build(entries)
    doomed = set(plan_rotation(files, NOW))
    by_path = {f.path: f for f in files}
    assert doomed <= set(by_path)
    for path in doomed:
        f = by_path[path]
        assert f.kind == "automatic" and f.good
        assert parse_backup_name(path.name)[0] == "automatic"
    good = sorted((f for f in files if f.kind == "automatic" and f.good), key=lambda f: f.created, reverse=True)
    if good:
        assert good[0].path not in doomed  # never the newest good one
    assert not doomed & {f.path for f in good[:10]}
    kept_days = {f.created.date() for f in good if f.path not in doomed}
    for day in sorted({f.created.date() for f in good}, reverse=True)[:7]:
        assert day in kept_days
    kept_months = {rotation._month(f.created.date()) for f in good if f.path not in doomed}
    for month in sorted({rotation._month(f.created.date()) for f in good}, reverse=True)[:12]:
        assert month in kept_months
    restores = [f.created for f in files if f.kind == "safety"]
    if restores:
        assert not any(by_path[p].created <= max(restores) for p in doomed)
    kept_weeks = {rotation._week(f.created.date()) for f in good if f.path not in doomed}
    for week in sorted({rotation._week(f.created.date()) for f in good}, reverse=True)[:8]:
        assert week in kept_weeks
    remaining = [f for f in files if f.path not in doomed]
    assert plan_rotation(remaining, NOW) == []  # stable: a second run deletes nothing more
    if not restores:
        assert len([f for f in remaining if f.kind == "automatic" and f.good]) <= 10 + 7 + 8 + 12


def test_weeks_start_on_saturday():
    friday = dt.date(2026, 11, 20)
    saturday = dt.date(2026, 11, 21)
    assert rotation._week(friday) != rotation._week(saturday)
    assert rotation._week(saturday) == rotation._week(dt.date(2026, 11, 27))  # the next Friday


# -- the folder ------------------------------------------------------------------------------------


def test_default_backup_folder_is_in_the_user_data_dir():
    assert backup_folder({}) == user_data_dir() / "backups"
    assert backup_folder({"backup_folder": "  "}) == user_data_dir() / "backups"
    assert backup_folder({"backup_folder": "/media/usb/prdesk"}) == Path("/media/usb/prdesk")


@pytest.mark.parametrize(
    "path, network",
    [
        ("\\\\server\\share\\backups", True),
        ("//server/share/backups", True),
        ("\\\\?\\UNC\\server\\share", True),
        ("\\\\?\\C:\\PRDesk\\backups", False),
        ("C:\\Users\\clerk\\AppData\\Roaming\\PRDesk\\backups", False),
        ("/home/clerk/backups", False),
    ],
)
def test_network_paths_are_recognized(path, network):
    assert is_network_path(path) is network


def test_network_folder_is_refused():
    with pytest.raises(BackupError, match="روی شبکه"):
        folder_warnings(Path("\\\\fileserver\\pr\\backups"))


@pytest.mark.parametrize(
    "path, service",
    [
        ("C:\\Users\\clerk\\OneDrive\\PRDesk", "OneDrive"),
        ("C:\\Users\\clerk\\OneDrive - Ministry\\backups", "OneDrive"),
        ("/home/clerk/Dropbox/prdesk", "Dropbox"),
        ("G:\\My Drive\\prdesk", "Google Drive"),
        ("C:\\Users\\clerk\\Google Drive\\prdesk", "Google Drive"),
        ("D:\\backups\\prdesk", None),
        ("/home/clerk/dropboxes-of-letters", None),
    ],
)
def test_cloud_sync_folders_are_recognized(path, service):
    assert cloud_sync_service(path) == service


def test_cloud_sync_folder_is_warned_about(tmp_path):
    warnings = folder_warnings(tmp_path / "OneDrive" / "backups")
    assert len(warnings) == 1 and "OneDrive" in warnings[0]
    assert folder_warnings(tmp_path / "backups") == []


# -- when a backup is due --------------------------------------------------------------------------


def test_needs_backup_only_after_a_change(tmp_path):
    path = make_office_db(tmp_path / "office.sqlite3")
    window = open_database(path)
    assert needs_backup(window, None)
    state = change_state(window)
    assert not needs_backup(window, state)
    window["events"].insert(note("تازه"))
    assert needs_backup(window, state)
    state = change_state(window)
    assert not needs_backup(window, state)
    # A change made elsewhere (the command line) counts too.
    other = open_database(path)
    other["events"].delete_where("id = 50")
    other.close()
    assert needs_backup(window, state)
    window.close()


def test_reading_does_not_make_a_backup_due(tmp_path):
    path = make_office_db(tmp_path / "office.sqlite3")
    window = open_database(path)
    state = change_state(window)
    window["events"].count
    automatic_backup(path, tmp_path / "backups")  # another connection reading the whole file
    assert not needs_backup(window, state)
    window.close()


# -- automatic_backup --------------------------------------------------------------------------------


def test_automatic_backup_writes_a_verified_file_with_the_default_name(tmp_path):
    path = make_office_db(tmp_path / "office.sqlite3")
    window = open_database(path)  # the window stays open; the backup uses its own connection
    result = automatic_backup(path, tmp_path / "backups", now=NOW)
    window.close()
    assert result.backup.path == tmp_path / "backups" / "office-1405-08-30-1530.prdesk-backup"
    assert verify(result.backup.path).manifest.tables["events"] == 50
    assert result.deleted == () and result.warnings == ()
    second = automatic_backup(path, tmp_path / "backups", now=NOW)
    assert second.backup.path.name == "office-1405-08-30-1530-2.prdesk-backup"


def test_automatic_backup_rotates_old_files(tmp_path):
    path = make_office_db(tmp_path / "office.sqlite3", rows=3)
    folder = tmp_path / "backups"
    folder.mkdir()
    template = automatic_backup(path, tmp_path / "template", now=NOW).backup.path
    for hours in range(1, 60):
        shutil.copyfile(template, folder / default_backup_name(NOW - dt.timedelta(hours=hours), path))
    (folder / "notes.txt").write_text("do not touch")
    (folder / "office-safety-1400-01-01-0000.prdesk-backup").write_bytes(template.read_bytes())
    result = automatic_backup(path, folder, now=NOW)
    assert result.deleted
    assert all(parse_backup_name(p.name)[0] == "automatic" for p in result.deleted)
    assert (folder / "notes.txt").exists() and (folder / "office-safety-1400-01-01-0000.prdesk-backup").exists()
    assert result.backup.path.exists()
    listed = list_backups(folder)
    assert listed[0].path == result.backup.path
    assert rotation.last_good_backup(listed).path == result.backup.path


def test_damaged_database_is_not_backed_up_and_nothing_is_rotated(tmp_path):
    path = make_office_db(tmp_path / "office.sqlite3")
    folder = tmp_path / "backups"
    good = automatic_backup(path, folder, now=NOW - dt.timedelta(days=400)).backup.path
    corrupt_index(path)
    with pytest.raises(DamagedDatabase, match="پشتیبان خودکار گرفته نشد"):
        automatic_backup(path, folder, now=NOW)
    assert [p.name for p in folder.iterdir()] == [good.name]
    assert temp_files(folder, tmp_path) == []


def test_automatic_backup_refuses_a_network_folder(tmp_path):
    path = make_office_db(tmp_path / "office.sqlite3")
    with pytest.raises(BackupError, match="روی شبکه"):
        automatic_backup(path, Path("\\\\server\\share\\prdesk"))


def test_automatic_backup_warns_about_a_cloud_folder(tmp_path):
    path = make_office_db(tmp_path / "office.sqlite3")
    result = automatic_backup(path, tmp_path / "Dropbox" / "prdesk", now=NOW)
    assert result.backup.path.exists() and "Dropbox" in result.warnings[0]


def test_list_backups_flags_a_damaged_file(tmp_path):
    path = make_office_db(tmp_path / "office.sqlite3")
    folder = tmp_path / "backups"
    made = automatic_backup(path, folder, now=NOW).backup.path
    cut = folder / default_backup_name(NOW + dt.timedelta(minutes=1))
    cut.write_bytes(made.read_bytes()[:1000])
    listed = {f.path.name: f.good for f in list_backups(folder)}
    assert listed == {made.name: True, cut.name: False}
    assert rotation.last_good_backup(list_backups(folder)).path == made


def test_backups_of_two_databases_in_one_folder_keep_apart(tmp_path):
    """Issue 13 §5: named by their database; rotation of one never removes the other's."""
    office = make_office_db(tmp_path / "office.sqlite3", rows=3)
    archive = make_office_db(tmp_path / "archive-1404.sqlite3", rows=3)
    folder = tmp_path / "backups"
    folder.mkdir()
    template = automatic_backup(archive, tmp_path / "template", now=NOW).backup.path
    assert template.name == "archive_1404-1405-08-30-1530.prdesk-backup"
    for hours in range(1, 60):
        shutil.copyfile(template, folder / default_backup_name(NOW - dt.timedelta(hours=hours), archive))
    result = automatic_backup(office, folder, now=NOW)
    assert result.backup.path.name == "office-1405-08-30-1530.prdesk-backup"
    assert result.deleted == ()  # the archive's 59 backups are not the office's to rotate
    files = list_backups(folder)
    assert {f.database for f in files} == {"office", "archive_1404"}
    assert last_good_backup(files, office).path == result.backup.path
    assert last_good_backup(files, archive).database == "archive_1404"
