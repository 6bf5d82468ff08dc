"""Ties between claims of one sentence: conversions, ranges, ratios.

- conversion: an amount followed by the same amount in another currency, in parentheses or
  after a conversion word ("3 Mrd. Yuan (rund 420 Mio. Dollar)", "€2.4bn ($2.5bn)",
  "£65m, or about €72m"). The later claim is the converted one; both point at each other.
- range: two figures of one kind and unit joined by "bis", "to", "–" or "zwischen … und".
- comparison: a comparator ("als", "than", "wie bei") between two figures of one kind.
- ratio: a ratio word ("dreimal so hoch", "twice", "half") between two figures of one kind:
  the first = factor × the second. When the first figure is in an earlier sentence, the
  compare stage finds it by measure. A ratio word before one figure only makes it the base
  ("dreimal so viel wie die 100 …": the other = 3 × it), or, right after a level word, the
  result ("verdreifacht auf 300": it = 3 × the other).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from factlint.checker.model import Claim, Relation
from factlint.rules.schema import ContextRules

MAX_CONVERSION_GAP = 40
MAX_RANGE_GAP = 12


def find_relations(text: str, claims: list[Claim], rules: ContextRules) -> None:
    ordered = sorted(claims, key=lambda c: c.start)
    for a, b in zip(ordered, ordered[1:]):
        between = text[a.end:b.start]
        if _is_conversion(a, b, between, rules):
            _tie(a, b, "conversion")
        elif _is_range(a, b, between, text[max(0, a.start - 12):a.start], rules):
            _tie(a, b, "range")
        elif _is_comparison(a, b, between, rules):
            _tie(a, b, "comparison")
    _find_ratios(text, ordered, rules)


def _tie(a: Claim, b: Claim, kind: str, factor: float | None = None) -> None:
    if a.id and b.id:
        a.relations.append(Relation(type=kind, other=b.id, factor=factor))
        b.relations.append(Relation(type=kind, other=a.id, factor=None if factor is None else 1 / factor))


def _words(s: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w.-]*", s.lower())


def _is_conversion(a: Claim, b: Claim, between: str, rules: ContextRules) -> bool:
    if _lost_currency(a, b, between):
        return True
    if a.kind != "money" or b.kind != "money" or not a.unit or not b.unit or a.unit == b.unit:
        return False
    if len(between) > MAX_CONVERSION_GAP or ")" in between:
        return False
    words = _words(between)
    cue = {w.lower() for w in rules.conversion}
    if "(" in between:
        return all(w in cue or w.rstrip(".") in cue for w in words)
    return bool(words) and any(w in cue for w in words) and set(words) <= cue | {"or", "oder", "bzw."}


def _lost_currency(a: Claim, b: Claim, between: str) -> bool:
    """"? 110-billion ($143-billion)": an amount in brackets right after a bare number that
    counts nothing converts it; the number's own currency sign was lost (a scraped page's
    "?" or U+FFFD)."""
    return (a.kind == "number" and a.unit is None and a.counted is None and b.kind == "money"
            and bool(a.value) and bool(b.value) and between.strip() == "(")


BARE_END = 10  # a range's bare upper end written in digits only lies within this factor of its lower end
# ("gained 0.6% to 71 US cents" is no range; "HK$3.1 to 3.5 billion" lends its scale to the lower end)


def _is_range(a: Claim, b: Claim, between: str, before: str, rules: ContextRules) -> bool:
    """Two figures joined into a range; the second may be a bare number whose unit the first
    carries ("HK$3.1–3.5 billion")."""
    if a.kind == "date" or b.kind == "date" or (a.kind != b.kind and b.kind != "number"):
        return False
    if a.kind == b.kind and a.unit and b.unit and a.unit != b.unit:
        return False
    if len(between) > MAX_RANGE_GAP:
        return False
    joiners = {j.lower() for j in rules.range_joiners}
    stripped = between.strip().lower()
    if stripped in ("-", "–", "—") or stripped in joiners - {"and", "und"}:
        if a.value is None or b.value is None:
            return False
        if a.kind != b.kind:  # a bare number taking the first's unit ("HK$3.1–3.5 billion") is of its order
            return 0 < a.value and (b.value <= BARE_END * a.value or not b.surface.replace(",", "").replace(".", "").isdigit())
        return a.value < b.value
    if stripped in ("and", "und"):
        return bool(re.search(r"\b(zwischen|between)\s*$", before.lower())) and (a.value or 0) < (b.value or 0)
    return False


def _is_comparison(a: Claim, b: Claim, between: str, rules: ContextRules) -> bool:
    """"höher als bei Huoshan (2 Mrd. Yuan)", "more than the $290 million Taiming raised"."""
    if a.kind != b.kind or a.kind == "date" or len(between) > 80:
        return False
    lowered = " " + " ".join(_words(between)) + " "
    return any(f" {w.lower()} " in lowered for w in rules.comparators)


def _find_ratios(text: str, claims: list[Claim], rules: ContextRules) -> None:
    """`claims` in text order. Each look-up bisects, so a sentence of many figures stays linear."""
    if not rules.ratios or len(claims) < 1:
        return
    any_word = _ratio_words(rules)
    if not any_word.search(text[max(0, claims[0].start - 60):claims[-1].start].lower()):
        return  # no ratio word before any figure (each figure's look-back below lies inside this one)
    starts_of_kind: dict[str, list[int]] = defaultdict(list)
    comparable: dict[tuple, list[Claim]] = defaultdict(list)
    for o in claims:
        starts_of_kind[o.kind].append(o.start)
        if o.value is not None:
            comparable[(o.kind, o.unit)].append(o)
    comparable_starts = {key: [o.start for o in group] for key, group in comparable.items()}
    for b in claims:
        if b.value is None or b.kind == "date":
            continue
        lead = text[max(0, b.start - 60):b.start].lower()
        if not any_word.search(lead):
            continue  # no ratio word before it (one search, not one per word)
        for word, factor in rules.ratios.items():
            at = lead.rfind(word.lower())
            if at < 0:
                continue
            cut = b.start - (len(lead) - at)
            starts = starts_of_kind[b.kind]
            if bisect.bisect_left(starts, b.start) > bisect.bisect_right(starts, cut):
                break  # the ratio word compares with a nearer figure
            key = (b.kind, b.unit)
            first = _last_ending_by(comparable[key], comparable_starts[key], cut)
            if first is not None:
                _tie(first, b, "ratio", factor)
            elif _after_level_word(lead, rules):  # "verdreifacht auf 300": 300 is the result, 3 × the other
                b.relations.append(Relation(type="ratio", other="", factor=factor))
            else:  # "dreimal so viel wie die 100 …": 100 is the base, the other is 3 × it
                b.relations.append(Relation(type="ratio", other="", factor=1 / factor))
            break


_RATIO_WORDS: dict[int, tuple[ContextRules, re.Pattern]] = {}


def _ratio_words(rules: ContextRules) -> re.Pattern:
    """Any ratio word of `rules`, in lower case (built once per loaded rule set)."""
    cached = _RATIO_WORDS.get(id(rules))
    if cached is None or cached[0] is not rules:
        words = sorted({w.lower() for w in rules.ratios}, key=len, reverse=True)
        cached = _RATIO_WORDS[id(rules)] = (rules, re.compile("|".join(map(re.escape, words))))
    return cached[1]


def _after_level_word(lead: str, rules: ContextRules) -> bool:
    """The figure stands right after a level word ("auf", "to"): what a change came to."""
    words = _words(lead[-12:])
    return bool(words) and lead.rstrip().endswith(words[-1]) and words[-1] in {w.lower() for w in rules.qualifiers.get("level", [])}


def _last_ending_by(group: list[Claim], starts: list[int], cut: int) -> Claim | None:
    """The last claim of `group` (in text order) that ends by `cut`."""
    for n in range(bisect.bisect_left(starts, cut) - 1, -1, -1):
        if group[n].end <= cut:
            return group[n]
    return None
