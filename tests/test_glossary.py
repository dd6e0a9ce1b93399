"""The glossary's forbidden variants appear nowhere: not in the .ts translations, not in Persian strings of prdesk/."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "translations" / "glossary.md"
TS = ROOT / "translations" / "prdesk_fa.ts"
PERSIAN = re.compile(r"[\u0600-\u06FF]")
MARKER = "glossary-ok"


@dataclass(frozen=True)
class Variant:
    """A forbidden spelling and the term to use instead."""

    text: str
    term: str
    pattern: re.Pattern

    def found_in(self, text: str) -> bool:
        return bool(self.pattern.search(text))


def _whole_word(text: str) -> re.Pattern:
    # A letter on either side makes it another word; a ZWNJ-joined suffix («صافی‌ها») does not.
    letter = r"[^\W\d_]"
    return re.compile(rf"(?<!{letter}){re.escape(text)}(?!{letter})")


def read_glossary(path: Path = GLOSSARY) -> list[Variant]:
    """The forbidden variants of the glossary table's third column, each with its row's term."""
    variants = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not PERSIAN.search(cells[2]):
            continue
        term = cells[0]
        for text in re.findall(r"«([^»]+)»", cells[2]):
            variants.append(Variant(text, term, _whole_word(text)))
    return variants


VARIANTS = read_glossary()


def test_the_glossary_is_read():
    texts = {v.text for v in VARIANTS}
    assert {"مخاطبین", "دورنگار", "صافی", "پرونده", "همکاران", "به صورت", "کلیک راست", "تازه", "وارد کن", "برو"} <= texts


@pytest.mark.parametrize(
    ("text", "variant", "found"),
    [
        ("فهرست مخاطبین", "مخاطبین", True),
        ("نمایش همه (پاک کردن جست‌وجو و صافی‌ها)", "صافی", True),
        ("با تشکر از همکاری شما", "همکار", False),
        ("اطلاعات را وارد کنید", "وارد کن", False),
        ("وارد کن", "وارد کن", True),
        ("روبرو", "برو", False),
        ("&برو به", "برو", True),
        ("تازه‌ترین پشتیبان", "تازه", True),
        ("به‌صورت نسخهٔ ایمنی", "به صورت", False),
    ],
)
def test_variants_are_found_as_whole_words(text, variant, found):
    assert _whole_word(variant).search(text) is not None if found else _whole_word(variant).search(text) is None


def _ts_messages():
    import xml.etree.ElementTree as ET

    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            texts = [translation.text or ""] + [form.text or "" for form in translation.iter("numerusform")]
            yield name, message.findtext("source", ""), " ".join(texts)


def _offences(text: str) -> list[Variant]:
    return [v for v in VARIANTS if v.found_in(text)]


def test_translations_follow_the_glossary():
    problems = [
        f"[{context}] {source!r} → «{persian}»: «{v.text}» should be «{v.term}»"
        for context, source, persian in _ts_messages()
        for v in _offences(persian)
    ]
    assert not problems, "translations/prdesk_fa.ts breaks translations/glossary.md:\n" + "\n".join(problems)


def _persian_strings(path: Path):
    """(line, text) of every Persian string constant in ``path`` but docstrings and lines marked glossary-ok."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in docstrings:
            continue
        if not PERSIAN.search(node.value):
            continue
        span = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        if any(MARKER in line for line in span):
            continue
        yield node.lineno, node.value


def test_persian_strings_in_the_code_follow_the_glossary():
    problems = [
        f"{path.relative_to(ROOT)}:{line} «{text.strip()[:80]}»: «{v.text}» should be «{v.term}»"
        for path in sorted((ROOT / "prdesk").rglob("*.py"))
        for line, text in _persian_strings(path)
        for v in _offences(text)
    ]
    assert not problems, (
        "Persian strings in prdesk/ break translations/glossary.md "
        f"(mark a deliberate one with # {MARKER}):\n" + "\n".join(problems)
    )
