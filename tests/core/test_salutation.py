"""Salutations: every gender and title combination, the per-person override and the deceased."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prdesk.core.salutation import deceased_word, honorific_salutation, resolve_salutation

GENDERS = {"male": "جناب آقای", "female": "سرکار خانم"}


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ({"gender": "male"}, "جناب آقای"),
        ({"gender": "female"}, "سرکار خانم"),
        # Issue 13 §5: gender زن with no honorific still gives «سرکار خانم».
        ({"gender": "female", "honorific": ""}, "سرکار خانم"),
        ({"gender": "", "honorific": "خانم"}, "سرکار خانم"),
        ({"gender": "", "honorific": "آقای"}, "جناب آقای"),
        ({"gender": "male", "title": "دکتر"}, "جناب آقای دکتر"),
        ({"gender": "female", "title": "مهندس"}, "سرکار خانم مهندس"),
        ({"gender": "female", "title": "دکتر"}, "سرکار خانم دکتر"),
        ({"gender": "male", "title": "حاج دکتر"}, "جناب آقای حاج دکتر"),
        ({"gender": "male", "title": "حجت‌الاسلام والمسلمین"}, "حجت‌الاسلام والمسلمین"),
        ({"gender": "male", "title": "حجت الاسلام والمسلمین"}, "حجت‌الاسلام والمسلمین"),
        ({"gender": "male", "title": "حجت‌الاسلام والمسلمین دکتر"}, "حجت‌الاسلام والمسلمین دکتر"),
        ({"gender": "male", "title": "حجت‌الاسلام"}, "حجت‌الاسلام"),
        ({"gender": "", "title": "آیت‌الله"}, "حضرت آیت‌الله"),
        ({"gender": "male", "title": "سردار"}, "جناب سردار"),
        ({"gender": "", "title": "دکتر"}, "دکتر"),
        ({"gender": ""}, ""),
        ({}, ""),
    ],
)
def test_salutation_of_each_gender_and_title(person, expected):
    assert resolve_salutation(person) == expected


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ({"gender": "male", "deceased": True}, "مرحوم"),
        ({"gender": "female", "deceased": True}, "مرحومه"),
        ({"gender": "", "honorific": "خانم", "deceased": True}, "مرحومه"),
        ({"gender": "male", "title": "دکتر", "deceased": True}, "مرحوم دکتر"),
        ({"gender": "female", "title": "مهندس", "deceased": True}, "مرحومه مهندس"),
        ({"gender": "male", "title": "حجت‌الاسلام والمسلمین", "deceased": True}, "مرحوم حجت‌الاسلام والمسلمین"),
        ({"gender": "male", "title": "آیت‌الله", "deceased": True}, "مرحوم آیت‌الله"),
        ({"gender": "", "deceased": True}, "مرحوم"),
    ],
)
def test_the_deceased_is_marhum_or_marhumeh(person, expected):
    assert resolve_salutation(person) == expected


def test_the_override_wins_over_everything():
    person = {"gender": "male", "title": "دکتر", "salutation": "استاد فرزانه", "deceased": False}
    assert resolve_salutation(person) == "استاد فرزانه"


def test_deceased_word():
    assert (deceased_word("male"), deceased_word("female"), deceased_word("")) == ("مرحوم", "مرحومه", "مرحوم")


def test_honorific_salutation_from_gender_when_the_honorific_is_empty():
    assert honorific_salutation({"gender": "female", "honorific": ""}) == "سرکار خانم"
    assert honorific_salutation({"gender": "", "honorific": ""}) == ""


@given(
    gender=st.sampled_from(["male", "female"]),
    titles=st.lists(st.sampled_from(["دکتر", "مهندس", "حاج", "استاد"]), max_size=3, unique=True),
)
def test_a_living_person_with_a_gender_starts_with_the_gender_form_and_keeps_every_title(gender, titles):
    text = resolve_salutation({"gender": gender, "title": " ".join(titles)})
    assert text.startswith(GENDERS[gender])
    assert text.split()[2:] == titles
    dead = resolve_salutation({"gender": gender, "title": " ".join(titles), "deceased": True})
    assert dead.split() == [deceased_word(gender), *titles]
