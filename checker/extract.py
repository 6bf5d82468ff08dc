"""Document → Claims: find every numeric expression and attach its provenance.

Finders (in `checker.normalize`) each return candidate claims for one family of
expressions, already normalized; this module resolves overlaps between them and adds
what every claim carries: document, line, sentence.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable

from factlint.checker.ingest import entity_end
from factlint.checker.model import Claim, Document
from factlint.checker.normalize.breaks import join_broken_quantities
from factlint.rules.loader import available_languages, load_pack
from factlint.rules.schema import LanguagePack, SentenceRules

Finder = Callable[[str, LanguagePack, "object"], list[Claim]]

# Kinds win ties in this order when two candidates cover the same span.
PRIORITY = {"date": 0, "money": 1, "percent": 2, "quantity": 3, "number": 4}


def finders() -> list[Finder]:
    from factlint.checker.normalize import dates, durations, quantities, vague

    return [dates.find_dates, quantities.find_quantities, durations.find_durations, vague.find_vague]


def extract(doc: Document, pack: LanguagePack) -> list[Claim]:
    """All claims of `doc`, in text order, with document, line and sentence set."""
    text = join_broken_quantities(doc.scan or doc.text, pack)
    candidates: list[Claim] = []
    for find in finders():
        candidates.extend(find(text, pack, doc.published))
    claims = resolve_overlaps(candidates)
    sentences = sentence_bounds(text, pack.sentences)
    starts = [s for s, _ in sentences]
    line_starts = [0] + [m.end() for m in re.finditer("\n", doc.text)]
    cleaned: dict[tuple[int, int], str] = {}
    references = "&" in doc.text  # any format: a scraped plain text may carry them too
    headline = doc.headline
    for c in claims:
        c.document = doc.path
        if references:  # `15&#37;`: the scan's "%" sits on "&"; the surface takes the whole reference
            c.end = entity_end(doc.text, c.end)
        c.surface = doc.text[c.start:c.end]
        c.line = bisect.bisect_right(line_starts, c.start)
        c.headline = headline is not None and headline[0] <= c.start < headline[1]
        i = max(bisect.bisect_right(starts, c.start) - 1, 0)
        s, e = sentences[i] if sentences else (0, len(text))
        if e - s > MAX_SENTENCE:  # a "sentence" without stops (a table, a list): the words around the claim
            s, e = _window(text, max(s, c.start - MAX_SENTENCE // 2), min(e, c.end + MAX_SENTENCE // 2))
        c.sentence_start = s
        if (s, e) not in cleaned:
            cleaned[(s, e)] = " ".join(text[s:e].split())
        c.sentence = cleaned[(s, e)]
    return claims


MAX_SENTENCE = 600  # keeps the work per claim bounded, whatever the text


def _window(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) widened to word boundaries (by at most a few characters)."""
    while s > 0 and not text[s - 1].isspace() and s > e - MAX_SENTENCE - 40:
        s -= 1
    while e < len(text) and not text[e].isspace() and e < s + MAX_SENTENCE + 40:
        e += 1
    return s, e


def resolve_overlaps(candidates: list[Claim]) -> list[Claim]:
    """Keep the longest candidate where spans overlap (kind priority breaks ties)."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), PRIORITY[c.kind], c.start))
    taken: list[Claim] = []
    occupied = bytearray(max((c.end for c in candidates), default=0))  # 1 where a kept claim stands
    for c in ranked:
        if occupied.find(1, c.start, c.end) < 0:  # linear in the text, however many claims
            occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


SENTENCE_END = re.compile(r"(?P<stop>(?<=[.!?…])[\"'”“»«]?\s+)(?=[\"'„“»«(\[]?[A-ZÄÖÜ0-9])|\n\s*\n|\n(?=\s*[-*•#|])|\n")
WORD_BEFORE_PERIOD = re.compile(r"(\S*)\.[\"'”“»«]?$")
NEXT_WORD = re.compile(r"[\"'„“»«(\[]?(\w+)")


def sentence_bounds(text: str, rules: SentenceRules | None = None) -> list[tuple[int, int]]:
    """[start, end) of each sentence; lines, list items and table rows count as sentences.

    `rules` are the document language's; without them, every shipped language's
    abbreviations hold.
    """
    rules = rules or all_sentence_rules()
    last = _LAST_BOUNDS
    if last and last[1] is rules and (last[0] is text or last[0] == text):
        return list(last[2])  # extraction and context both ask about one document's text
    bounds = _sentence_bounds(text, rules)
    _LAST_BOUNDS[:] = [text, rules, tuple(bounds)]
    return bounds


_LAST_BOUNDS: list = []  # (text, rules, bounds) of the last call


def _sentence_bounds(text: str, rules: SentenceRules) -> list[tuple[int, int]]:
    abbreviations, starters = _word_sets(rules)
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.group("stop") and "\n" not in m.group("stop") and _period_continues(text, m, abbreviations, starters, rules.ordinal_period):
            continue
        if m.group() == "\n" and _wrapped(text, m.start()):
            continue
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


WRAPPED_LINE = 50  # a line at least this long that stops mid-sentence was wrapped, not ended
OPEN_END = re.compile(r"[\w,(–-]$")  # how such a line ends: in a word, a number, a comma, a dash


def _wrapped(text: str, at: int) -> bool:
    """A line break inside a sentence of hard-wrapped text ("… sind inzwischen 23\nFälle
    bekannt"): the line before it is long and stops in a word, a number or after a comma, and
    the next line goes on in text. A short line (a title, "Stand: 8. Juni 2026") stands alone."""
    line_start = text.rfind("\n", 0, at) + 1
    line = text[line_start:at].rstrip()
    return len(line) >= WRAPPED_LINE and bool(OPEN_END.search(line)) and text[at + 1:at + 2].isalnum()


def _period_continues(text: str, m: re.Match, abbreviations, starters, ordinal_period: bool) -> bool:
    """A period after an abbreviation, or after an ordinal number, does not end a sentence."""
    before = WORD_BEFORE_PERIOD.search(text, max(0, m.start() - 12), m.start())
    if before is None:
        return False
    word = before.group(1).lstrip("(\"'„“»«")
    if word in abbreviations:
        return True
    if ordinal_period and word.isdigit() and len(word) <= 2:
        following = NEXT_WORD.match(text, m.end())
        return following is None or following.group(1) not in starters
    return False


_WORD_SETS: dict[int, tuple] = {}


def _word_sets(rules: SentenceRules) -> tuple[frozenset[str], frozenset[str]]:
    """The abbreviations and sentence starters of a (loaded, unchanging) pack as sets, made once."""
    kept = _WORD_SETS.get(id(rules))
    if kept is None or kept[0] is not rules:
        kept = _WORD_SETS[id(rules)] = (rules, frozenset(rules.abbreviations), frozenset(rules.starters))
    return kept[1], kept[2]


@lru_cache(maxsize=1)
def all_sentence_rules() -> SentenceRules:
    packs = [load_pack(lang).sentences for lang in available_languages()]
    return SentenceRules(
        abbreviations=sorted({a for p in packs for a in p.abbreviations}),
        ordinal_period=any(p.ordinal_period for p in packs),
        starters=sorted({w for p in packs for w in p.starters}),
    )
