"""Physical units and percent after a number, through pint.

Unit words and symbols map to unit strings that pint parses ("Kilometer" → "km",
"Grad Celsius" → "degC"). Extraction only looks words up; pint itself is needed to
convert (compound lengths such as "5 ft 2 in", and `to_base` for the later stages),
so its registry is built once, on first use, and shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factlint.checker.normalize.phrases import BLANK, PhraseTable
from factlint.rules.schema import Reading, UnitRules, UnitTable

PERCENT_UNITS = {"%": ("%", 1.0), "pp": ("pp", 1.0), "bp": ("pp", 0.01), "permille": ("%", 0.1)}


@lru_cache(maxsize=1)
def registry():
    """The one pint UnitRegistry of the process (building it takes a noticeable fraction of a second)."""
    import pint

    return pint.UnitRegistry()


def convert(value: float, unit: str, to: str) -> float:
    """`value` in `unit` expressed in `to` (both pint unit strings)."""
    factor = _factor(unit, to)
    if factor is None:  # a scale with an offset (°C, °F): pint converts each value
        return registry().Quantity(value, unit).to(to).magnitude
    return value * factor


@lru_cache(maxsize=1024)
def _factor(unit: str, to: str) -> float | None:
    """The factor from `unit` to `to`, or None when the conversion has an offset
    (temperatures): pint is asked once per pair of units, not once per figure."""
    q = registry().Quantity
    if q(0.0, unit).to(to).magnitude != 0:
        return None
    return q(1.0, unit).to(to).magnitude


def to_base(value: float, unit: str) -> tuple[float, str]:
    """The value in SI base units, and those units as a string: a canonical form to compare."""
    q = registry().Quantity(value, unit).to_base_units()
    return q.magnitude, str(q.units)


@dataclass(slots=True)
class UnitMatch:
    kind: str  # "quantity", "percent", or "ambiguous"
    unit: str | None
    start: int
    end: int
    factor: float = 1.0
    readings: tuple[Reading, ...] = ()


_DASH = re.compile(rf"{BLANK}*-{BLANK}*")
_OPEN = re.compile(rf"{BLANK}*([(\[]){BLANK}*")
_WORDS = re.compile(r"[^\W\d_]+")
_ENDS_WORD = re.compile(r"[\s.,;:!?)\]'\"’”–—-]")
CUE_REACH = 250


class UnitReader:
    """Finds the unit (or percent sign) that follows a number."""

    def __init__(self, rules: UnitRules, table: UnitTable, connectors: tuple[str, ...] | list[str] = ()):
        entries: dict[str, tuple] = {}
        for name, unit in rules.names.items():
            entries[name] = ("quantity", unit, 1.0, ())
        for name, p in rules.percent.items():
            unit, factor = PERCENT_UNITS[p]
            entries[name] = ("percent", unit, factor, ())
        for name, amb in rules.ambiguous.items():
            entries[name] = ("ambiguous", None, 1.0, tuple(amb.readings))
        for name, unit in table.names.items():
            entries.setdefault(name, ("quantity", unit, 1.0, ()))
        symbols = {s: ("quantity", u, 1.0, ()) for s, u in table.symbols.items()}
        symbols["%"] = ("percent", "%", 1.0, ())
        self.units = PhraseTable(entries, symbols)
        self.attached = {symbol: amb.readings for symbol, amb in rules.attached.items()}
        self.per_words = PhraseTable({w: True for w in rules.per_words}, {"/": True})
        self.per_units = PhraseTable(dict(rules.per), dict(table.per) | {
            s: u for s, u in table.symbols.items() if u in ("s", "ms", "h")})
        # Between the parts of a compound: a comma, a connector or both ("3 hours, 27 minutes",
        # "drei Stunden und 27 Minuten").
        words = "|".join(re.escape(c) for c in connectors)
        self.compound_join = re.compile(rf"{BLANK}*,?{BLANK}*(?:(?:{words}){BLANK}+)?" if words else rf"{BLANK}*,?{BLANK}*",
                                        re.I)
        self.compound = {unit: PhraseTable({w: u for w, u in words.items() if w.isalpha()},
                                           {w: u for w, u in words.items() if not w.isalpha()})
                         for unit, words in rules.compound.items()}

    def at(self, text: str, pos: int, limit: int) -> UnitMatch | None:
        """The unit right after `pos` (blanks, a hyphen or a bracket may come between)."""
        hit = self.units.at(text, pos, limit)
        if hit is None:  # 3-inch, 5 - foot (a hyphenated adjective, tokenized or not)
            dash = _DASH.match(text, pos, limit)
            if dash:
                hit = self.units.at(text, dash.end(), limit)
        if hit is None:
            m = _OPEN.match(text, pos, limit)  # 20 [kg], 20 (kg)
            if m:
                inner = self.units.at(text, m.end(), limit)
                if inner and inner[2] < limit and text[inner[2]] in ")]":
                    hit = (inner[0], inner[1], inner[2] + 1)
        if hit is None:
            hit = self._attached(text, pos, limit)
        if hit is None:
            return None
        (kind, unit, factor, readings), start, end = hit
        match = UnitMatch(kind, unit, start, end, factor, readings)
        if kind == "quantity":
            self._per(text, match, limit)
        return match

    def _attached(self, text: str, pos: int, limit: int):
        """A letter glued to the number and ending the word, read as a unit when a cue of its
        reading stands within CUE_REACH characters ("temperatures peaked at 34C"; not "the
        13F filing", "14.7C/ per security")."""
        for symbol, readings in self.attached.items():
            end = pos + len(symbol)
            if not text.startswith(symbol, pos) or end > limit or (end < len(text) and not _ENDS_WORD.match(text[end])):
                continue
            words = set(_WORDS.findall(text[max(0, pos - CUE_REACH):end + CUE_REACH].lower()))
            for r in readings:
                if words.intersection(r.cues):
                    return ("quantity", r.unit, r.factor, ()), pos, end
        return None

    def _per(self, text: str, match: UnitMatch, limit: int) -> None:
        """Extend "Metern" to "Metern pro Sekunde", "km" to "km/ms"."""
        if match.end < limit and text[match.end] == "/":
            per_end = match.end + 1
        else:
            per = self.per_words.at(text, match.end, limit)
            if per is None:
                return
            per_end = per[2]
        den = self.per_units.at(text, per_end, limit)
        if den is None:
            return
        match.unit = f"{match.unit}/{den[0]}"
        match.end = den[2]

    def compound_after(self, unit: str, text: str, pos: int, limit: int, read_number) -> tuple[float, int] | None:
        """A smaller unit that adds to `unit` ("5 ft 2 in", "3 hours, 27 minutes"): (value in
        `unit`, end), or None."""
        words = self.compound.get(unit)
        if not words:
            return None
        n = read_number(text, pos)
        if n is None:
            join = self.compound_join.match(text, pos, limit)
            if join is None or join.end() == pos:
                return None
            n = read_number(text, join.end())
            if n is None:
                return None
        w = words.at(text, n.end, limit)
        if w is None:
            return None
        return convert(n.value, w[0], unit), w[2]

    @staticmethod
    def choose(readings: tuple[Reading, ...], context: str, next_word: str, hyphenated: bool) -> Reading:
        """The reading an ambiguous unit word takes in `context` (its sentence)."""
        if hyphenated:
            for r in readings:
                if r.unit:
                    return r
        nxt = next_word.lower()
        for r in readings:
            if nxt and nxt in r.next_words:
                return r
        words = set(_WORDS.findall(context.lower()))
        best, score = readings[0], 0
        for r in readings:
            hits = sum(1 for c in r.cues if c in words)
            if hits > score:
                best, score = r, hits
        return best
