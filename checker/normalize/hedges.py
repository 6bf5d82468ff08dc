"""Hedges, bounds and ranges, and the interval of values a statement allows.

"rund 420 Millionen" is approximate; "mehr als eine Million" a lower bound; "bis zu
35 °C" an upper one; "zwischen 2 und 3 Mio." a range. Apart from hedges, the written
digits imply a precision: "420 Millionen" covers 415–425 Millionen and "431 Mio."
430,5–431,5 Mio. `interval` turns both into the `low`/`high` of a claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from factlint.checker.normalize.phrases import PhraseTable
from factlint.rules.schema import Hedge, HedgeRules


@dataclass(slots=True)
class HedgeMatch:
    hedge: Hedge
    start: int
    end: int
    text: str


class HedgeReader:
    """Finds hedge phrases and range words around a number (rules/lang/<code>/hedges.toml)."""

    def __init__(self, rules: HedgeRules):
        self.rules = rules
        self.before_table = PhraseTable(dict(rules.before))
        self.after_table = PhraseTable(dict(rules.after))
        self.openers = PhraseTable(dict(rules.ranges.openers))
        self.changes = PhraseTable(dict(rules.ranges.changes))
        partners = set(rules.ranges.openers.values())
        joiners = set(rules.ranges.joiners) | partners
        self.joiners = PhraseTable({j: j for j in joiners if j[:1].isalpha()},
                                   {j: j for j in joiners if not j[:1].isalpha()})
        self.plain_joiners = set(rules.ranges.joiners)

    def before(self, text: str, pos: int) -> HedgeMatch | None:
        hit = self.before_table.before(text, pos, reach=30)
        if hit is None:
            return None
        hedge, start, end = hit
        return HedgeMatch(hedge, start, end, text[start:end])

    def after(self, text: str, pos: int, limit: int) -> HedgeMatch | None:
        hit = self.after_table.at(text, pos, limit)
        if hit is None:
            return None
        hedge, start, end = hit
        return HedgeMatch(hedge, start, end, text[start:end])

    def joiner_between(self, text: str, end: int, start: int) -> str | None:
        """The joiner that text[end:start] consists of ("bis", "to", "–", "und"), or None.

        Whether it joins a range depends on the words before the first number: a plain
        joiner does unless they make a change of it (`change_before`: "from X to Y"); the
        partner of an opener only after it (`opener_before`: "zwischen X und Y")."""
        if start - end > 12 or "\n" in text[end:start]:
            return None
        hit = self.joiners.at(text, end, start)
        if hit is None or text[hit[2]:start].strip():
            return None
        return hit[0]

    def change_before(self, text: str, pos: int) -> str | None:
        """The joiner that makes "from X to Y" a change, when "from" stands before `pos`."""
        hit = self.changes.before(text, pos, reach=15) if self.changes else None
        return hit[0] if hit else None

    def opener_before(self, text: str, pos: int) -> str | None:
        """The joiner a range opener before `pos` expects ("zwischen" → "und")."""
        hit = self.openers.before(text, pos, reach=15)
        return hit[0] if hit else None

    def interval(self, value: float, place: float, exact_place: bool, hedge: Hedge | None) -> tuple[float | None, float | None]:
        """(low, high): the values compatible with the statement.

        `place` is the unit of the last written digit; `exact_place` says whether it implies
        rounding (it does after a scale word, for decimals and for large round figures)."""
        half = place / 2 if exact_place else 0.0
        if place > 1:  # round figures (1 Mrd., 100.000), not decimals, are capped
            half = min(half, self.rules.rounding_max_pct / 100 * abs(value))
        low, high = value - half, value + half
        if hedge is None:
            return low, high
        if hedge.approximate:
            widen = min(self.rules.widen_places * place, self.rules.widen_max_pct / 100 * abs(value))
            widen = max(widen, self.rules.widen_min_pct / 100 * abs(value))
            low, high = value - widen, value + widen
        if hedge.bound == "lower":
            low = value
            if not hedge.approximate:
                high = None
        elif hedge.bound == "upper":
            high = value
            if not hedge.approximate:
                low = None
        return low, high
