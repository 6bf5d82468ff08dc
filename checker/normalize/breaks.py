"""Line breaks inside a quantity: a scraped or hard-wrapped text cuts "mehr als 69
Millionen Euro" after the 69, "$3.4 billion" after the 3.4.

A Markdown or HTML scan already reads a wrapped line as a space; a plain text keeps
every line break, and a line break ends a number expression (and a sentence). Where
the words on both sides of a break continue one quantity, `join_broken_quantities`
reads the break as a space: a number before it and its scale word, unit, percent word,
currency or the second half of a range after it; or a hedge, a range opener or a
currency before it and a number after it. Every other line break stays.
"""

from __future__ import annotations

import re

from factlint.checker.ingest.mask import spaces_at
from factlint.checker.normalize.quantities import Readers, readers
from factlint.rules.schema import LanguagePack

_WORD_AT = re.compile(r"[^\W\d_]+\.?")
_NEXT = re.compile(r"[^\S\n]*(\S)")
_LIST_MARK = re.compile(r"[-–—*•+>#|][^\S\n]")  # a list item, a quote, a heading, a table row
CONTINUES = ("scale", "num", "frac")
YEAR = re.compile(r"(?:1[89]|20)\d\d(?!\d|[.,]\d)")  # "über | 2024" is a year, not a bound
REACH = 40  # characters read either side of a break


def join_broken_quantities(text: str, pack: LanguagePack) -> str:
    """`text` (same length) with each line break inside a quantity read as a space."""
    at = text.find("\n")
    if at < 0:
        return text
    r = readers(pack)
    joins: list[int] = []
    while at >= 0:
        if _inside_quantity(text, at, r):
            joins.append(at)
        at = text.find("\n", at + 1)
    return spaces_at(text, joins)


def _inside_quantity(text: str, at: int, r: Readers) -> bool:
    """Does the line break at `at` cut one quantity in two?"""
    i = at
    while i > 0 and text[i - 1] in " \t\u00a0\u202f\r":
        i -= 1
    if i == 0:
        return False
    last = text[i - 1]
    if not (last.isalnum() or last in ".$£€¥"):
        return False  # the common case: a line that ends a sentence or a clause
    nxt = _NEXT.match(text, at + 1, min(len(text), at + 1 + REACH))
    if nxt is None or nxt.group(1) == "\n" or _LIST_MARK.match(text, nxt.start(1)):
        return False  # a blank line, the end of the text, a list item
    p = nxt.start(1)
    end = text.find("\n", p, p + REACH)
    end = min(len(text), p + REACH) if end < 0 else end
    if last.isdigit():
        return _continuation(text, p, end, r)
    number_next = (text[p].isdigit() and not YEAR.match(text, p)) or _kind(r, _word_at(text, p)) in ("num", "scale")
    if last.isalpha() or last == ".":
        j = i - 1 if last == "." else i
        k = j
        while k > 0 and j - k < REACH and text[k - 1].isalpha():
            k -= 1
        word = text[k:i]
        if not number_next and k < j and _kind(r, word) in CONTINUES and _digit_before(text, k):
            return _continuation(text, p, end, r, numbers=False)  # 69 Millionen | Euro
    if number_next:
        return bool(r.hedges.before_table.before(text, i, reach=REACH)  # mehr als | 69
                    or r.hedges.openers.before(text, i, reach=REACH)  # zwischen | 15
                    or r.money.prefixes.before(text, i, reach=12))  # US$ | 3.4
    return False


def _kind(r: Readers, word: str) -> str:
    """The kind of a number word ("scale", "num", …), or ""."""
    low = word.lower()
    got = r.numbers.lexicon.get(low) or r.numbers.lexicon.get(low.rstrip("."))
    return got[0] if got else ""


def _continuation(text: str, p: int, end: int, r: Readers, numbers: bool = True) -> bool:
    """Does the line after the break go on with the quantity before it?"""
    for hit in (r.units.at(text, p, end), r.money.after(text, p, end)):
        # a word of its own (not "Euro-Zone", not a lone letter such as "m" or "W")
        if hit is not None and not (hit.end < end and text[hit.end] == "-") \
                and (hit.end - hit.start > 1 or not text[hit.start].isalpha()):
            return True
    word = _word_at(text, p)
    if not word:
        return False
    if numbers and r.numbers.lexicon.get(word.lower(), ("",))[0] == "scale":
        return True  # 310 | million
    joiner = r.hedges.joiners.at(text, p, end)
    if numbers and joiner is not None and joiner[0][:1].isalpha():  # 15 | und 25
        return r.numbers.read(text, joiner[2], end) is not None
    return False


def _word_at(text: str, p: int) -> str:
    m = _WORD_AT.match(text, p, p + REACH)
    return m.group() if m else ""


def _digit_before(text: str, pos: int) -> bool:
    """Is the word at `pos` right after a number ("69 Millionen")?"""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0\u202f":
        i -= 1
    return i > 0 and text[i - 1].isdigit()
