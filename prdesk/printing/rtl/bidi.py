"""The bidi algorithm for one line with no explicit embeddings, as python-bidi resolves it, without its per-character records.

python-bidi's pure-Python implementation keeps a dictionary per character through every rule; a
printed calendar reorders thousands of short lines and spends most of that time building them. A
line the engine draws without a Latin run holds no embedding codes (LRE/PDF), so it is one level
run at the paragraph level: the same rules (W1–W7, N1–N2, I1–I2, L1, L2, L4) are applied here to
plain lists, step for step as python-bidi applies them. A line with anything else (embeddings,
boundary neutrals, separators) returns None and goes through python-bidi; a property test checks
both give the same order on random lines.
"""

from __future__ import annotations

from unicodedata import bidirectional, mirrored

from bidi.mirror import MIRRORED

# The classes this line-at-one-level path resolves; anything else (LRE, RLE, LRO, RLO, PDF, the
# isolates, BN, B, S) goes to python-bidi.
_HANDLED = frozenset(("L", "R", "AL", "EN", "AN", "ES", "ET", "CS", "NSM", "ON", "WS"))
_NEUTRAL = frozenset(("WS", "ON"))
_RAISED = frozenset(("L", "EN", "AN"))  # after W6; B and S are never handled here
_LEVEL_LIMIT = 62  # python-bidi's EXPLICIT_LEVEL_LIMIT, its start for the lowest odd level


def simple_order(text: str, base_ltr: bool) -> list[tuple[str, int]] | None:
    """The characters of ``text`` in visual order (mirrored where L4 says) with their logical index,
    or None when the line needs the full algorithm."""
    orig = [bidirectional(ch) for ch in text]
    if not text or not _HANDLED.issuperset(orig):
        return None
    base = 0 if base_ltr else 1
    n = len(orig)
    if not base_ltr and not _RAISED.intersection(orig):
        # Nothing that can rise above the paragraph's level (no L, EN, AN): every character ends at
        # level 1, so the line is simply reversed (and its brackets mirrored).
        return [(MIRRORED.get(text[i], text[i]) if mirrored(text[i]) else text[i], i) for i in range(n - 1, -1, -1)]
    sor = "L" if base == 0 else "R"
    types = list(orig)
    # W1, W2 (NSM takes the previous type; EN after AL becomes AN)
    prev_strong = prev_type = sor
    for i in range(n):
        t = types[i]
        if t == "NSM":
            types[i] = t = prev_type
        if t == "EN" and prev_strong == "AL":
            types[i] = "AN"
        if t in ("R", "L", "AL"):
            prev_strong = t
        prev_type = types[i]
    # W3
    types = ["R" if t == "AL" else t for t in types]
    # W4
    for i in range(1, n - 1):
        t, before, after = types[i], types[i - 1], types[i + 1]
        if t == "ES" and before == after == "EN":
            types[i] = "EN"
        if t == "CS" and before == after and before in ("AN", "EN"):
            types[i] = before
    # W5
    for i in range(n):
        if types[i] == "EN":
            j = i - 1
            while j >= 0 and types[j] == "ET":
                types[j] = "EN"
                j -= 1
            j = i + 1
            while j < n and types[j] == "ET":
                types[j] = "EN"
                j += 1
    # W6
    types = ["ON" if t in ("ET", "ES", "CS") else t for t in types]
    # W7
    prev_strong = sor
    for i in range(n):
        if types[i] == "EN" and prev_strong == "L":
            types[i] = "L"
        if types[i] in ("L", "R"):
            prev_strong = types[i]
    # N1, N2 (sor and eor around the run)
    embedding = "L" if base % 2 == 0 else "R"
    padded = [sor, *types, sor]
    start = None
    before = ""
    for i in range(n + 2):
        if padded[i] in _NEUTRAL:
            if start is None:
                start = i
                before = padded[i - 1]
        elif start is not None:
            after = padded[i]
            side_before = "R" if before in ("AN", "EN") else before
            side_after = "R" if after in ("AN", "EN") else after
            value = side_before if side_before == side_after else embedding
            for k in range(start, i):
                padded[k] = value
            start = None
    types = padded[1:-1]
    # I1, I2
    if base % 2 == 0:
        levels = [base + 1 if t == "R" else base + 2 if t in ("AN", "EN") else base for t in types]
    else:
        levels = [base if t == "R" else base + 1 for t in types]
    # L1: white space at the end of the line goes back to the paragraph level
    for i in range(n - 1, -1, -1):
        if orig[i] != "WS":
            break
        levels[i] = base
    # L2
    order = list(range(n))
    highest = max(levels)
    if base == 1 and highest <= 2:
        # Levels 1 and 2 only: each run at level 2 (a number) keeps its order, then the whole line turns.
        i = 0
        while i < n:
            if levels[i] == 2:
                j = i
                while j + 1 < n and levels[j + 1] == 2:
                    j += 1
                order[i : j + 1] = order[j : i - 1 if i else None : -1]
                i = j + 1
            else:
                i += 1
        order.reverse()
        return [(MIRRORED.get(text[k], text[k]) if levels[k] % 2 and mirrored(text[k]) else text[k], k) for k in order]
    odd = [level for level in levels if level % 2]
    lowest_odd = min(odd) if odd else _LEVEL_LIMIT
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < n:
            if levels[order[i]] >= level:
                j = i
                while j + 1 < n and levels[order[j + 1]] >= level:
                    j += 1
                order[i : j + 1] = order[i : j + 1][::-1]
                i = j + 1
            else:
                i += 1
    # L4
    result = []
    for index in order:
        ch = text[index]
        if levels[index] % 2 and mirrored(ch):
            ch = MIRRORED.get(ch, ch)
        result.append((ch, index))
    return result
