"""The Persian text normalizer: search keys, digits, phone numbers, stored text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prdesk.core.text import (
    clean, compact_key, phone_digits, search_key, to_ascii_digits, to_persian_digits,
)


def test_arabic_kaf_and_yeh_give_the_persian_key():
    assert search_key("كاشان") == search_key("کاشان")
    assert search_key("علي") == search_key("علی")
    assert search_key("موسى") == search_key("موسی")


def test_he_variants_and_hamza_forms_meet():
    assert search_key("خانۀ") == search_key("خانه")
    assert search_key("مدرسة") == search_key("مدرسه")
    assert search_key("آرش") == search_key("ارش")
    assert search_key("أحمد") == search_key("احمد")


def test_digits():
    assert to_ascii_digits("۰۹۱۲") == "0912"
    assert to_ascii_digits("٠٩١٢") == "0912"
    assert search_key("۰۹۱۲") == "0912"
    assert to_persian_digits(1405) == "۱۴۰۵"
    assert to_persian_digits("1405/08/30") == "۱۴۰۵/۰۸/۳۰"
    assert to_persian_digits("٣") == "۳"


def test_words_with_zwnj_space_or_together_share_a_compact_key():
    assert compact_key("علی رضا") == compact_key("علی\u200cرضا") == compact_key("علیرضا")
    assert search_key("علی\u200cرضا") == search_key("علی  رضا") == "علی رضا"


def test_diacritics_and_tatweel_are_dropped():
    assert search_key("مُحَمَّد") == search_key("محمد")
    assert search_key("تهـــران") == search_key("تهران")
    assert search_key("قرآن") == search_key("قران")


def test_case_and_spaces():
    assert search_key("  Tehran\tOffice \u00a0 ") == "tehran office"
    assert search_key(None) == "" and compact_key("") == ""


def test_clean_fixes_only_plain_mistakes():
    assert clean(" علي كريمي ") == "علی کریمی"
    assert clean("خانۀ آزادی") == "خانۀ آزادی"
    assert clean("می\u200cروم") == "می\u200cروم"
    assert clean(None) == ""


@pytest.mark.parametrize("typed, stored", [
    ("۰۹۱۲ ۳۴۵ ۶۷۸۹", "09123456789"),
    ("(021) 8888-1234", "02188881234"),
    ("+98 912 345 6789", "+989123456789"),
    ("0098 912 345 6789", "+989123456789"),
    ("", ""),
])
def test_phone_digits(typed, stored):
    assert phone_digits(typed) == stored


@given(st.text())
def test_search_key_is_idempotent(text):
    assert search_key(search_key(text)) == search_key(text)


@given(st.text())
def test_compact_key_has_no_spaces_and_is_idempotent(text):
    key = compact_key(text)
    assert " " not in key and compact_key(key) == key


@given(st.text(alphabet="0123456789"))
def test_persian_digits_round_trip(digits):
    shown = to_persian_digits(digits)
    assert not any(c in "0123456789" for c in shown)
    assert to_ascii_digits(shown) == digits


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_clean_is_idempotent(text):
    assert clean(clean(text)) == clean(text)
