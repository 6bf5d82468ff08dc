"""Number words read as one number: "drei Milliarden", "two-thirds", "4 thousand 3 hundred
and 21", "one million and a half", "dreieinhalb", "zwei Komma fünf".

`WordGrammar.evaluate` reads a stream of tokens (digits, number words, scale words,
fractions, connectors, articles) additively and multiplicatively, and stops at the first
token that does not continue the number. The tokens come from `NumberReader` (reader.py),
one at a time and only as far as the grammar asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.rules.schema import NumberRules

if TYPE_CHECKING:
    from factlint.checker.normalize.numbers.reader import NumberReader

TENS = frozenset((20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0))


@dataclass(slots=True)
class Number:
    start: int
    end: int
    value: float
    place: float  # unit of the last written digit (420 → 10, 4,25 → 0.01, drei → 1)
    scale: float = 1.0  # scale words applied (Millionen → 1e6)
    words: bool = False  # spelled out (at least in part)
    bare: bool = False  # only an article or a fraction word: a number only before a unit


@dataclass(slots=True)
class Token:
    kind: str  # num, scale, frac, plus, conn, point, article, minus, word
    value: float
    start: int
    end: int
    hyphen: bool = False
    digits: bool = False
    place: float = 1.0
    text: str = ""
    dec: str = ""  # decimal digits a word stands for after a point word


class WordGrammar:
    """The grammar of number expressions in one language (its compound and fraction rules)."""

    def __init__(self, rules: NumberRules, standalone: set[str]):
        self.rules = rules
        self.standalone = standalone

    def evaluate(self, toks: "Stream | View") -> Number | None:
        """Additive-multiplicative reading of number tokens; stops at the first token that
        does not continue the number ("3 hundred and 2 hundred" is two numbers)."""
        total = 0.0
        cur: float | None = None
        cur_words = False  # cur is spelled out, so a smaller word may add to it
        last_scale = float("inf")
        place = 1.0
        scale_seen = 1.0
        article = False
        used = 0  # tokens consumed
        words = False
        bare = False
        frac_place = 1.0
        i = 0

        def small(v: float) -> bool:
            return v == int(v) and v < 100

        while toks.has(i):
            t = toks[i]
            if t.kind == "minus":
                break
            if t.kind == "article":
                if toks.has(i + 1) and toks[i + 1].kind in ("scale", "frac") and (cur is None or cur < 1):
                    if cur is None:
                        cur, article, bare = 1.0, True, True
                    i += 1
                    used = i
                    continue
                if i == 0:
                    cur, article, bare = 1.0, True, True
                    used = 1
                break
            if t.kind == "num":
                if t.digits and i > 0 and toks[i - 1].digits and not t.hyphen:
                    break
                if cur is None:
                    if total and t.value >= last_scale:
                        break
                    cur, cur_words, place = t.value, not t.digits, (t.place if t.digits else 1.0)
                    words |= not t.digits
                    scale_seen = 1.0
                elif cur_words and not t.digits and small(t.value) and self._adds(cur, t.value):
                    cur += t.value
                elif t.value in TENS and toks.has(i + 1) and toks[i + 1].kind == "frac" and toks[i + 1].hyphen:
                    cur = cur / (t.value + toks[i + 1].value)  # one twenty-fifth
                    words, cur_words, place = True, False, 0.0
                    i += 2
                    used = i
                    continue
                else:
                    break
                bare = False
                i += 1
                used = i
                continue
            if t.kind == "plus":  # dreieinhalb: adds a fraction
                if cur is None or cur != int(cur):
                    if cur is not None or i > 0:
                        break
                    cur = 0.0
                cur += t.value
                cur_words, words, place, bare = False, True, 0.0, False
                i += 1
                used = i
                continue
            if t.kind == "scale":
                if cur is None and i == 0 and self.rules.compound_words and t.value <= 1000:
                    cur, cur_words = 1.0, True  # tausendvierhundert, hundert Menschen
                if cur is None:
                    break
                factor = t.value
                if factor == 100 and cur == int(cur) and cur % 100:  # drei hundert, 3 hundred
                    if cur >= 100 and cur_words:
                        break
                    cur *= 100
                    cur_words, words = True, True
                    place = place * 100 if toks[i - 1].digits else 1.0
                    scale_seen = 100.0
                    i += 1
                    used = i
                    bare = False
                    continue
                j = i + 1
                while toks.has(j) and toks[j].kind == "scale" and toks[j].value > 100:  # lakh crore
                    factor *= toks[j].value
                    j += 1
                if factor >= last_scale:
                    break
                total += cur * factor
                prev = toks[i - 1].kind if i else ""
                place = (place if prev == "num" else frac_place if prev in ("frac", "article") else 1.0) * factor
                scale_seen = factor
                last_scale = factor
                cur, cur_words, bare = None, False, False
                words |= not toks[i].digits
                i = j
                used = i
                continue
            if t.kind == "frac":
                d = t.value
                if cur is None:
                    if total and i > 0 and toks[i - 1].kind == "scale":
                        break
                    if t.text not in self.standalone and not (toks.has(i + 1) and toks[i + 1].kind == "scale") \
                            and not article:
                        bare = True
                    cur = 1.0 / d
                elif cur >= 1 and cur == int(cur):  # zwei Drittel, 23 fifths
                    cur = cur / d
                elif cur < 1 and article:  # "a half"
                    cur = cur / d
                else:
                    break
                words, cur_words, place = True, False, 0.0
                frac_place = 1.0 / d
                bare = bare and not article  # "a hundredth" is a number; "Viertel" alone is not
                i += 1
                used = i
                # "half a dozen": an article between a fraction and a scale
                if toks.has(i + 1) and toks[i].kind == "article" and toks[i + 1].kind == "scale":
                    i += 1
                continue
            if t.kind == "conn":
                got = self._after_connector(toks, i + 1, cur, cur_words, total, last_scale)
                if got is None:
                    break
                cur, total, i = got
                cur_words = False
                words = True
                place = 0.0
                used = i
                bare = False
                continue
            if t.kind == "point":
                if cur is None or cur != int(cur) or not cur_words:
                    break
                digits, j = "", i + 1
                while toks.has(j) and toks[j].kind == "num" and not toks[j].digits and small(toks[j].value):
                    v = int(toks[j].value)
                    if v >= 20 and v % 10 == 0 and toks.has(j + 1) and toks[j + 1].kind == "num" and not toks[j + 1].digits \
                            and toks[j + 1].value < 10:
                        v += int(toks[j + 1].value)
                        j += 1
                    digits += str(v)
                    j += 1
                if not digits:
                    break
                cur += float("0." + digits)
                place = 10.0 ** -len(digits)
                cur_words = False
                i = j
                used = i
                continue
            break
        if used == 0 or (cur is None and total == 0 and not used):
            return None
        value = total + (cur or 0.0)
        if cur is None and total == 0:
            return None
        last = toks[used - 1]
        return Number(toks[0].start, last.end, value, place, scale_seen, words, bare)

    @staticmethod
    def _adds(cur: float, v: float) -> bool:
        """May the word `v` add to the spelled-out `cur` (twenty + five, hundred + six)?"""
        c = int(cur)
        if c % 100 == 0:
            return v < 100
        if c % 10 == 0 and c % 100 >= 20:
            return v < 10
        return False

    def _after_connector(self, toks: "Stream | View", i: int, cur, cur_words, total, last_scale):
        """What follows 'and'/'und' inside a number, as (cur, total, next index), or None.

        after a scale: a smaller number or a fraction of that scale (one million and a half);
        after hundreds: a number below 100; after a whole number: a fraction (six and two thirds);
        inside a German compound: units before tens (ein-und-zwanzig)."""
        if not toks.has(i):
            return None
        if cur is not None and 0 < cur % 100 < 10 and toks[i].kind == "num" and toks[i].value in TENS \
                and toks[i].start == toks[i - 1].start:  # ein-und-zwanzig, inside one word
            return cur + toks[i].value, total, i + 1
        if cur is not None and cur == int(cur):  # sechs und zwei Drittel (Millionen)
            k = i
            while toks.has(k) and k - i < 12 and toks[k].kind not in ("scale", "conn"):
                k += 1
            part = self.evaluate(toks.view(i, k - i)) if k > i else None
            if part is not None and 0 < part.value < 1 and part.end == toks[k - 1].end:
                return cur + part.value, total, k
        rest = self.evaluate(toks.view(i, 12))
        if rest is None or rest.value <= 0:
            return None
        consumed = i + self._count(toks, i, rest.end)
        if cur is None and total:
            if rest.value < 1 and rest.scale == 1:
                return None, total + rest.value * last_scale, consumed
            if rest.value < last_scale and rest.words:  # "a million and six", not "8 million and 1"
                return None, total + rest.value, consumed
            return None
        if cur is None:
            return None
        if cur == int(cur) and rest.value < 1:
            return cur + rest.value, total, consumed
        if cur_words and cur == int(cur) and cur % 100 == 0 and rest.value < 100 and rest.value == int(rest.value) and rest.scale == 1:
            return cur + rest.value, total, consumed
        return None

    @staticmethod
    def _count(toks: "Stream | View", i: int, end: int) -> int:
        k = 0
        while toks.has(i + k) and toks[i + k].end <= end:
            k += 1
        return k


class Stream:
    """The tokens after a position, read only as far as the grammar asks (so reading a
    number costs work proportional to the number, not to what follows it)."""

    def __init__(self, reader: "NumberReader", text: str, pos: int, limit: int):
        self.reader, self.text, self.pos, self.limit = reader, text, pos, limit
        self.items: list[Token] = []
        self.done = False

    def has(self, i: int) -> bool:
        while len(self.items) <= i and not self.done:
            more = self.reader._next(self.text, self.pos, self.limit, not self.items)
            if not more:
                self.done = True
                break
            self.items.extend(more)
            self.pos = more[-1].end
        return i < len(self.items)

    def __getitem__(self, i: int) -> Token:
        self.has(i)
        return self.items[i]

    def view(self, offset: int, size: int) -> "View":
        return View(self, offset, size)


class View:
    """At most `size` tokens of a stream from `offset` on."""

    def __init__(self, stream: Stream, offset: int, size: int):
        self.stream, self.offset, self.size = stream, offset, size

    def has(self, i: int) -> bool:
        return 0 <= i < self.size and self.stream.has(self.offset + i)

    def __getitem__(self, i: int) -> Token:
        return self.stream[self.offset + i]

    def view(self, offset: int, size: int) -> "View":
        return View(self.stream, self.offset + offset, min(size, self.size - offset))

