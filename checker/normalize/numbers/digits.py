"""Digits as written: which separator groups and which is the decimal point.

"1.500" is 1500 in German and 1.5 in English, "1,234.56" and "1.234,56" are read right in
either language, "1 234", "1'234" and Indian "12,34,567" are grouped, and a run that can
only be an identifier (192.168.0.1, 1.2.3, 15.1.2011) is no number at all.
"""

from __future__ import annotations

import re

# One run of digits with single separators between digit groups. Each repetition starts
# with a separator that is not a digit, so the match is linear in its length.
# A no-break or thin space may be followed by plain spaces: the padding of an HTML
# character reference (`1&nbsp;000` scans as "1", U+00A0, five spaces, "000").
# Zero-width characters that a scraped page leaves between digit groups (`1,\u200b180`,
# `2\u2060500`) group the digits as a thin space would, or vanish after a mark.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
SEPARATOR = rf"(?:[.,'’][{INVISIBLE}]*|[\u00a0\u202f\u2009] +|[^\S\n]|[{INVISIBLE}]+)"
DIGIT_RUN = re.compile(rf"\d+(?:{SEPARATOR}\d+)*")
VULGAR = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
SPACES = frozenset(" \u00a0\u202f\u2009\t" + INVISIBLE)
_ONE_MARK = re.compile(rf"(\d+)([.,])[{INVISIBLE}]*(\d+)")
_SPLIT = re.compile(rf"([\u00a0\u202f\u2009] +|[.,'’][{INVISIBLE}]*|[{INVISIBLE}]+|\D)")


def place_of(digits: str) -> float:
    """The unit of the last significant digit of a whole number: 420 → 10, 5000 → 1000, 7 → 1."""
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


class DigitFormat:
    """A language's decimal and group separators, applied to runs of digit groups."""

    def __init__(self, decimal: str, groupers: set[str]):
        self.decimal = decimal
        self.groupers = groupers
        self._last: tuple | None = None  # the last digit run read (each is asked for twice)

    def numbers(self, run: str, base: int) -> list[tuple[int, int, float, float]]:
        """The numbers in one run of digit groups: [(start, end, value, place)].

        A run that can only be an identifier (192.168.0.1, 1.2.3, 15.1.2011) gives none.
        """
        if self._last is not None and self._last[0] == run and self._last[1] == base:
            return self._last[2]
        out = self._numbers(run, base)
        self._last = (run, base, out)
        return out

    def _numbers(self, run: str, base: int) -> list[tuple[int, int, float, float]]:
        if run.isdigit():  # the common case: no separators
            return [(base, base + len(run), float(run), place_of(run))]
        one = _ONE_MARK.fullmatch(run)
        if one is not None:  # the next most common: 4,25 or 1.500 (what _shape decides for one mark)
            whole, mark, rest = one.groups()
            if len(whole) <= 3 and len(rest) == 3 and (mark in self.groupers or mark != self.decimal):
                return [(base, base + len(run), float(whole + rest), place_of(whole + rest))]
            return [(base, base + len(run), float(f"{whole}.{rest}"), 10.0 ** -len(rest))]
        parts = _SPLIT.split(run)
        groups, padded = parts[0::2], parts[1::2]
        seps = [p[0] for p in padded]
        dec, group_chars, indian = self._shape(groups, seps)
        if dec is None and group_chars is None:
            return []
        starts, off = [], 0
        for i, g in enumerate(groups):
            starts.append(off)
            off += len(g) + (len(padded[i]) if i < len(padded) else 0)
        out = []
        i = 0
        while i < len(groups):
            int_str, frac_str, j = groups[i], None, i
            while j < len(seps):
                s, g = seps[j], groups[j + 1]
                if frac_str is None and s in group_chars and len(groups[i]) <= 3 and (
                        len(g) == 3 or (indian and len(g) == 2 and s == ",")):
                    int_str += g
                elif frac_str is None and s == dec:
                    frac_str = g
                else:
                    break
                j += 1
            value = float(int_str + ("." + frac_str if frac_str else ""))
            if frac_str:
                place = 10.0 ** -len(frac_str)
            else:
                place = place_of(int_str)
            out.append((base + starts[i], base + starts[j] + len(groups[j]), value, place))
            i = j + 1
        return out

    def _shape(self, groups: list[str], seps: list[str]) -> tuple[str | None, set[str] | None, bool]:
        """(decimal separator, group separators, Indian grouping) for one run, or (None, None)
        when the run is an identifier rather than a number."""
        blanks = {s for s in seps if s in SPACES or s in "'’"}
        marks = [s for s in seps if s in ".,"]
        if not marks:
            return "", blanks, False
        dots, commas = marks.count("."), marks.count(",")
        if dots and commas:
            last = marks[-1]
            if marks.count(last) > 1:
                return None, None, False
            other = "," if last == "." else "."
            return last, blanks | {other}, self._indian(groups, seps, other)
        c, k = marks[0], len(marks)
        grouped = self._grouped(groups, seps, c)
        if c in self.groupers or c != self.decimal:
            if grouped:
                return "", blanks | {c}, self._indian(groups, seps, c)
            return (c, blanks, False) if k == 1 else (None, None, False)
        if k == 1:
            return c, blanks, False
        return ("", blanks | {c}, self._indian(groups, seps, c)) if grouped else (None, None, False)

    @staticmethod
    def _grouped(groups: list[str], seps: list[str], c: str) -> bool:
        """Every group after `c` has three digits (or Indian 2-digit groups then three)."""
        after = [groups[i + 1] for i, s in enumerate(seps) if s == c]
        first = groups[seps.index(c)]
        if len(first) > 3:
            return False
        if all(len(g) == 3 for g in after):
            return True
        return c == "," and len(after) >= 2 and len(after[-1]) == 3 and all(len(g) == 2 for g in after[:-1])

    @staticmethod
    def _indian(groups: list[str], seps: list[str], c: str) -> bool:
        return any(len(groups[i + 1]) == 2 for i, s in enumerate(seps) if s == c)
