"""How a person is addressed: «جناب آقای دکتر»، «سرکار خانم مهندس»، «حجت‌الاسلام والمسلمین»، «مرحوم»."""

from __future__ import annotations

from collections.abc import Mapping

from prdesk.core.text import clean, compact_key

MALE, FEMALE = "male", "female"
# What gender an honorific says, when the gender itself was never set.
_HONORIFIC_GENDER = {"آقای": MALE, "آقا": MALE, "جناب آقای": MALE, "خانم": FEMALE, "سرکار خانم": FEMALE}
# Clergy titles replace «جناب آقای»: the title is itself the form of address.
CLERGY_TITLES: dict[str, str] = {
    "آیت‌الله العظمی": "حضرت آیت‌الله العظمی",
    "آیت‌الله": "حضرت آیت‌الله",
    "حجت‌الاسلام والمسلمین": "حجت‌الاسلام والمسلمین",
    "حجت‌الاسلام": "حجت‌الاسلام",
}
# Military ranks are addressed «جناب سردار …», without «آقای».
RANK_TITLES: tuple[str, ...] = ("سردار", "امیر", "سرتیپ", "سرهنگ", "سرگرد")
ACADEMIC_TITLES: tuple[str, ...] = ("دکتر", "مهندس", "استاد", "حاج", "حاجیه", "سید", "سیده")
SALUTATION_OF_GENDER = {MALE: "جناب آقای", FEMALE: "سرکار خانم"}
DECEASED_WORD = {MALE: "مرحوم", FEMALE: "مرحومه", "": "مرحوم"}


def gender_of(person: Mapping) -> str:
    """'male', 'female' or '': the stored gender, else what the honorific says."""
    gender = clean(person.get("gender"))
    if gender in (MALE, FEMALE):
        return gender
    return _HONORIFIC_GENDER.get(clean(person.get("honorific")), "")


def honorific_salutation(person: Mapping) -> str:
    """«جناب آقای» or «سرکار خانم» from the gender (or honorific), '' when neither says it."""
    return SALUTATION_OF_GENDER.get(gender_of(person), "")


def _split_title(title: str) -> tuple[str, list[str], list[str]]:
    """(clergy form, ranks, other titles) from a title field such as «حجت‌الاسلام والمسلمین دکتر»."""
    text = clean(title)
    clergy = ""
    key = compact_key(text)
    # Longest clergy form first: «حجت‌الاسلام والمسلمین» must not be read as «حجت‌الاسلام».
    for form in sorted(CLERGY_TITLES, key=len, reverse=True):
        form_key = compact_key(form)
        if form_key in key:
            clergy = CLERGY_TITLES[form]
            words = text.split()
            # Drop the words that make up the clergy form (spacing and ZWNJ may differ from ours).
            spans = ((start, drop) for start in range(len(words)) for drop in range(1, 5))
            for start, drop in spans:
                if compact_key(" ".join(words[start:start + drop])) == form_key:
                    text = " ".join(words[:start] + words[start + drop:])
                    break
            break
    ranks, others = [], []
    for word in text.split():
        (ranks if word in RANK_TITLES else others).append(word)
    return clergy, ranks, others


def resolve_salutation(person: Mapping) -> str:
    """The form of address before the name, as an Iranian office writes it.

    The per-person override (``salutation``) wins. A deceased person is «مرحوم»/«مرحومه» with
    the titles («مرحوم دکتر»). A clergy title stands alone («حجت‌الاسلام والمسلمین»), a military
    rank follows «جناب» («جناب سردار»); otherwise «جناب آقای» / «سرکار خانم» from the gender (the
    honorific when the gender is not set), then the titles («جناب آقای دکتر»). With no gender
    and no title the result is '' (the template engine flags it as missing).
    """
    override = clean(person.get("salutation"))
    if override:
        return override
    gender = gender_of(person)
    clergy, ranks, others = _split_title(person.get("title") or "")
    if person.get("deceased"):
        plain_clergy = clergy.replace("حضرت ", "")
        return " ".join(p for p in (DECEASED_WORD[gender], plain_clergy, *ranks, *others) if p)
    if clergy:
        return " ".join((clergy, *ranks, *others))
    if ranks and gender != FEMALE:
        return " ".join(("جناب", *ranks, *others))
    head = SALUTATION_OF_GENDER.get(gender, "")
    return " ".join(p for p in (head, *ranks, *others) if p)


def deceased_word(gender: str) -> str:
    """«مرحوم» or «مرحومه» by the deceased's gender («مرحوم» when it is not known)."""
    return DECEASED_WORD.get(clean(gender), "مرحوم")
