"""Migration m050_: hidden occasions keep their titles' new keys; the lunar correction restarts at zero."""

from prdesk.store import calendar as cal
from prdesk.store.migrations import migrations
from prdesk.store.db import open_database
from prdesk.store.settings import get_setting

M050 = "m050_occasion_keys_and_lunar_correction"


def test_hidden_occasions_move_to_the_corrected_titles_keys(tmp_path):
    path = tmp_path / "before-m050.sqlite3"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before=M050)
    old.execute("INSERT INTO hidden_occasions (occasion_key, hidden_at) VALUES ('h02-0f4cffef', '2026-01-01T00:00:00+03:30')")
    old.execute("INSERT INTO hidden_occasions (occasion_key, hidden_at) VALUES ('j01-15672ce5', '2026-01-01T00:00:00+03:30')")
    old.execute("INSERT INTO settings (key, value) VALUES ('lunar_correction', '-1')")
    old.close()
    db = open_database(path)
    assert cal.hidden_occasion_keys(db) == {"h02-10ca743a", "j01-15672ce5"}
    assert get_setting(db, "lunar_correction") == "0"
    rows = {row.occasion.key: row.hidden for row in cal.catalog_occasions(db)}
    assert rows["h02-10ca743a"] is True
    db.close()
