"""The one cleaner of stored text and the one search normalizer: invisible characters, hamza and «ھ»."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prdesk.core.contacts import validate_organization, validate_person
from prdesk.core.text import clean, compact_key, printable, search_key
from prdesk.errors import ValidationError

KEPT = {"\t", "\n", "\u200c", "\u200d"}
NEWLINES = {"\r", "\x85"}  # become "\n"


def test_every_control_and_invisible_format_character_is_removed():
    dropped = [chr(c) for c in range(sys.maxunicode + 1)
               if unicodedata.category(chr(c)) in ("Cc", "Cf") and chr(c) not in KEPT | NEWLINES]
    text = "الف" + "".join(dropped) + "ب"
    assert clean(text) == "الفب"
    assert printable(text) == "الفب"


def test_bidi_override_in_a_file_name_is_gone():
    assert clean("محمد\u202eفدp.exe") == "محمدفدp.exe"
    assert clean("\u2066علی\u2069 \u200fرضایی\u200e") == "علی رضایی"


def test_zwnj_and_zwj_inside_words_are_kept_and_trimmed_at_the_ends():
    assert clean("\u200cمی\u200cروم\u200c") == "می\u200cروم"
    assert clean("۱۳۶۸ ه\u200d.ش") == "۱۳۶۸ ه\u200d.ش"


def test_nul_escape_and_carriage_returns():
    assert clean("علی\x00رضا") == "علیرضا"
    assert clean("\x1b[31mقرمز\x1b[0m") == "[31mقرمز[0m"
    assert clean("سطر اول\r\nسطر دوم\rسطر سوم") == "سطر اول\nسطر دوم\nسطر سوم"


@given(st.text())
def test_clean_is_idempotent_and_leaves_nothing_invisible(text):
    once = clean(text)
    assert clean(once) == once
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in KEPT for ch in once)


@pytest.mark.parametrize("name", ["\u200b\u200b\u200b", "\u200c\u200c", "\u202e\u202c", "\x00", "\ufeff \u2060"])
def test_a_name_of_only_invisible_characters_is_refused(name):
    with pytest.raises(ValidationError):
        validate_person({"first_name": name, "last_name": name})
    with pytest.raises(ValidationError):
        validate_organization({"name": name})


def test_printable_keeps_lines_and_drops_terminal_escapes():
    assert printable("سازمان: \x1b]0;hacked\x07نمونه\nسطر") == "سازمان: ]0;hackedنمونه\nسطر"
    assert "\x1b" not in printable("\x9b31m") and "\x9b" not in printable("\x9b31m")


def test_search_folds_hamza_and_heh_doachashmee():
    assert search_key("علاءالدینی") == search_key("علاالدینی")
    assert compact_key("ھمایون") == compact_key("همایون")
    assert compact_key("جزء") == compact_key("جز")
