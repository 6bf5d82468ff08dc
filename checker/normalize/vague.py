"""Amounts named by their order of magnitude only: "Tausende", "mehrere Tausend",
"Hunderte Millionen Euro", "dozens", "tens of thousands", "a few hundred",
"hundreds of millions of dollars".

`find_vague(text, pack)` is a finder `checker.extract` calls. Such an amount is a claim
with a range from twice to ten times its order ("Tausende": 2 000 to 10 000), marked
approximate, with that range as its bounds; its value is the lower bound, never an
exact 1 000. A currency or unit after it makes it money or a quantity. A vague word that
is also a scale word ("Millionen", "dozens") is none after a number ("69 Millionen") or
a determiner ("die Millionen", which refers back to an amount). The words come
from the language pack (`[numbers] vague`, `vague_before`, `vague_link`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.checker.model import Claim
from factlint.checker.normalize.phrases import BLANK, PhraseTable, trie_pattern
from factlint.checker.normalize.quantities import Readers, _counted, readers
from factlint.rules.schema import LanguagePack

REACH = 80
ORDER_SPAN = (2, 10)  # a vague amount lies between these multiples of its order ("Tausende": 2 000 to 10 000)
_WORD = re.compile(rf"{BLANK}+([^\W\d_]+\.?)")


@dataclass(slots=True)
class VagueReaders:
    anchors: re.Pattern  # vague words and the words before a vague scale, on the lower-cased text
    vague: dict[str, float]
    before: frozenset[str]
    link: PhraseTable
    scales: dict[str, float]
    determiners: frozenset[str]  # before a scale word, they make it refer back (die Millionen)
    pack: LanguagePack


_CACHE: dict[int, VagueReaders] = {}


def vague_readers(pack: LanguagePack) -> VagueReaders | None:
    """The compiled vague-amount readers of a pack, or None when it lists no vague words."""
    rules = pack.numbers
    if not rules.vague:
        return None
    v = _CACHE.get(id(pack))
    if v is not None and v.pack is pack:
        return v
    from factlint.checker.normalize.phrases import normal

    vague = {normal(k): f for k, f in rules.vague.items()}
    before = frozenset(normal(w) for w in rules.vague_before)
    v = VagueReaders(
        anchors=re.compile(rf"({trie_pattern(sorted(vague) + sorted(before))})"),  # word start checked apart: faster
        vague=vague, before=before, link=PhraseTable({w: True for w in rules.vague_link}),
        scales={k: f for k, f in rules.scales.items()},
        determiners=frozenset(w.lower() for w in (*rules.ordinal_before, *rules.pronoun_before)), pack=pack,
    )
    _CACHE[id(pack)] = v
    return v


def find_vague(text: str, pack: LanguagePack, published=None) -> list[Claim]:
    """Every vague amount in `text`, as a claim with a range."""
    v = vague_readers(pack)
    if v is None:
        return []
    low = text.lower()
    if len(low) != len(text):
        return []
    r = readers(pack)
    out: list[Claim] = []
    covered = 0
    for m in v.anchors.finditer(low):
        if m.start() < covered or (m.start() and low[m.start() - 1].isalpha()):
            continue
        c = _read(text, m, v, r)
        if c is not None:
            out.append(c)
            covered = c.end
    return out


def _read(text: str, m: re.Match, v: VagueReaders, r: Readers) -> Claim | None:
    start = m.start()
    if _number_before(text, start, r):
        return None  # 69 Millionen, drei Tausend: a number with its scale word
    limit = text.find("\n", start, start + REACH)
    limit = min(len(text), start + REACH) if limit < 0 else limit
    key = " ".join(m.group(1).lower().split())
    end = m.end()
    scale_word = False
    if key in v.vague:
        order = v.vague[key]
        scale_word = _scale(v, key) is not None
    else:  # mehrere | Tausend
        w = _WORD.match(text, end, limit)
        factor = _scale(v, w.group(1)) if w else None
        if factor is None:
            return None
        order, end = factor, w.end(1)
    while True:  # Hunderte Millionen, mehrere hundert Millionen
        w = _WORD.match(text, end, limit)
        factor = _scale(v, w.group(1)) if w else None
        if factor is None or factor <= order:
            break
        order, end, scale_word = order * factor, w.end(1), False
    hedge = text[start:end]
    after = end
    link = v.link.at(text, end, limit)
    kind, unit = "number", None
    for pos in ((after, link[2]) if link else (after,)):
        money = r.money.after(text, pos, limit)
        if money is not None and money.factor == 1:
            kind, unit, end = "money", money.code, money.end
            break
        um = r.units.at(text, pos, limit)
        if um is not None and um.kind == "quantity" and um.factor == 1:
            kind, unit, end = "quantity", um.unit, um.end
            break
    if scale_word and _determiner_before(text, start, v):
        return None  # "die Millionen fließen": the millions of an amount stated before
    if end < len(text) and text[end].isalpha():
        return None
    lo, hi = ORDER_SPAN[0] * order, ORDER_SPAN[1] * order
    counted = _counted(text, link[2] if link else end, limit, r) if kind == "number" else None
    return Claim(start=start, end=end, surface=text[start:end], kind=kind, value=lo, unit=unit,
                 approximate=True, lower=lo, upper=hi, low=lo, high=hi, hedge=hedge, counted=counted)


def _determiner_before(text: str, start: int, v: VagueReaders) -> bool:
    _, word = _before(text, start)
    return bool(word) and word.lower() in v.determiners


def _before(text: str, start: int) -> tuple[str, str]:
    """What stands before `start` across blanks on its line: the character, and the word of
    letters (at most 40) ending there when a blank separates it from `start` ("" if none).
    Read backwards: a regular expression would try every position of the window."""
    i = start
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return "", ""
    if i == start or not text[i - 1].isalpha():
        return text[i - 1], ""
    j = i
    while j > 0 and i - j < 40 and text[j - 1].isalpha():
        j -= 1
    return text[i - 1], text[j:i]


def _scale(v: VagueReaders, word: str) -> float | None:
    low = word.lower()
    return v.scales.get(low, v.scales.get(low.rstrip(".")))


def _number_before(text: str, start: int, r: Readers) -> bool:
    """Does a number (digits or a number word) stand right before `start`?"""
    char, word = _before(text, start)
    if char.isdigit():
        return True
    return bool(word) and r.numbers.lexicon.get(word.lower(), ("",))[0] in ("num", "scale", "article")
