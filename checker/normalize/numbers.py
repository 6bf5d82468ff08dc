"""Numbers as written: digit formats, number words, scale words and fractions.

`NumberReader(rules).read(text, pos)` reads the number expression that starts at
`pos` ("1.234,56", "drei Milliarden", "two-thirds", "4 thousand 3 hundred and 21",
"zweihundertsechsundfünfzigtausend") and returns a `Number`: its value, its end, and
the precision its written digits imply. Which separator is the decimal one follows
the language's rules and the number's shape ("1.500" is 1500 in German, "1.5" is 1.5
anywhere; "1,234.56" and "1.234,56" are both read right in either language).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rules.schema import NumberRules

# One run of digits with single separators between digit groups. Each repetition starts
# with a separator that is not a digit, so the match is linear in its length.
DIGIT_RUN = re.compile(r"\d+(?:(?:[.,'’]|[^\S\n])\d+)*")
VULGAR = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
SPACES = frozenset(" \u00a0\u202f\u2009\t")
# The next token inside a number expression: blanks, an optional hyphen, then digits,
# a vulgar fraction, or a word (with a trailing period when the word is an abbreviation).
TOKEN = re.compile(rf"([^\S\n]*)(-[^\S\n]*)?(?:(\d+(?:(?:[.,'’]|[^\S\n])\d+)*)|([{VULGAR}])|([^\W\d_]+)(\.?))")
_ONE_MARK = re.compile(r"(\d+)([.,])(\d+)")
SLASH_FRACTION = re.compile(r"[^\S\n]?/[^\S\n]?(\d{1,3})(?![\d/.,]\d)")
MAX_WORD = 120  # longer "words" are not number words (and would only cost time)


def _place(digits: str) -> float:
    """The unit of the last significant digit of a whole number: 420 → 10, 5000 → 1000, 7 → 1."""
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


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
class _Tok:
    kind: str  # num, scale, frac, plus, conn, point, article, minus, word
    value: float
    start: int
    end: int
    hyphen: bool = False
    digits: bool = False
    place: float = 1.0
    text: str = ""
    dec: str = ""  # decimal digits a word stands for after a point word


class NumberReader:
    """Reads numbers as one language writes them (rules/lang/<code>/numbers.toml)."""

    def __init__(self, rules: NumberRules):
        self.rules = rules
        self.decimal = rules.decimal_separator
        self.groupers = set(rules.group_separators)
        lexicon: dict[str, tuple[str, float]] = {}
        for w, v in rules.words.items():
            lexicon[w] = ("num", v)
        for w, v in rules.scales.items():
            lexicon[w] = ("scale", v)
        for w, v in rules.fractions.items():
            lexicon[w] = ("frac", v)
        for w, v in rules.special.items():
            lexicon[w] = ("plus", v) if v < 1 else ("num", v)
        for w in rules.connectors:
            lexicon[w] = ("conn", 0)
        for w in rules.point_words:
            lexicon[w] = ("point", 0)
        for w in rules.minus_words:
            lexicon[w] = ("minus", 0)
        self.morphemes = {w: t for w, t in lexicon.items() if not w.endswith(".")}
        self.longest_morpheme = max((len(w) for w in self.morphemes), default=0)
        for w in rules.articles:
            lexicon[w] = ("article", 1)
        self.lexicon = lexicon
        self.standalone = set(rules.standalone_fractions)
        self.suffix_scales = dict(rules.suffix_scales)
        self.money_scales = dict(rules.money_scales)
        self.pronoun_words = set(rules.pronoun_words)
        self.pronoun_before = set(rules.pronoun_before)
        self.counted_after_scale = set(rules.counted_after_scale)
        self._last: tuple | None = None  # the last digit run read (each is asked for twice)

    # ------------------------------------------------------------------ anchors

    def anchor_words(self) -> list[str]:
        """Words at which a number expression can start (articles are found from there)."""
        skip = {"conn", "point", "minus", "article"}
        words = {w.rstrip(".") for w, (kind, _) in self.lexicon.items() if kind not in skip}
        words |= {w for w, (kind, _) in self.morphemes.items() if kind not in skip}
        if self.rules.compound_words:  # "einen Euro": articles of one word are anchors too
            words |= set(self.rules.articles)
        return sorted(words)

    def article_before(self, text: str, pos: int) -> int | None:
        """Start of an article right before `pos` ("a dozen", "an eighth"), or None."""
        m = _WORD_BEFORE.search(text, max(0, pos - 12), pos)
        if m and self.lexicon.get(m.group(1).lower(), ("",))[0] == "article":
            return m.start(1)
        return None

    # ------------------------------------------------------------------- digits

    def digit_numbers(self, run: str, base: int) -> list[tuple[int, int, float, float]]:
        """The numbers in one run of digit groups: [(start, end, value, place)].

        A run that can only be an identifier (192.168.0.1, 1.2.3, 15.1.2011) gives none.
        """
        if self._last is not None and self._last[0] == run and self._last[1] == base:
            return self._last[2]
        out = self._digit_numbers(run, base)
        self._last = (run, base, out)
        return out

    def _digit_numbers(self, run: str, base: int) -> list[tuple[int, int, float, float]]:
        if run.isdigit():  # the common case: no separators
            return [(base, base + len(run), float(run), _place(run))]
        one = _ONE_MARK.fullmatch(run)
        if one is not None:  # the next most common: 4,25 or 1.500 (what _shape decides for one mark)
            whole, mark, rest = one.groups()
            if len(whole) <= 3 and len(rest) == 3 and (mark in self.groupers or mark != self.decimal):
                return [(base, base + len(run), float(whole + rest), _place(whole + rest))]
            return [(base, base + len(run), float(f"{whole}.{rest}"), 10.0 ** -len(rest))]
        parts = re.split(r"(\D)", run)
        groups, seps = parts[0::2], parts[1::2]
        dec, group_chars, indian = self._shape(groups, seps)
        if dec is None and group_chars is None:
            return []
        starts, off = [], 0
        for i, g in enumerate(groups):
            starts.append(off)
            off += len(g) + (1 if i < len(seps) else 0)
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
                place = _place(int_str)
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

    # ------------------------------------------------------------------ tokens

    def _word_tokens(self, word: str, start: int, end: int, period: bool) -> list[_Tok] | None:
        """A word as number tokens: itself, or (in compounding languages) its parts."""
        low = word.lower()
        if period and low + "." in self.lexicon:
            kind, v = self.lexicon[low + "."]
            return [_Tok(kind, v, start, end + 1, text=low + ".")]
        if low in self.lexicon:
            kind, v = self.lexicon[low]
            return [_Tok(kind, v, start, end, text=low)]
        if not self.rules.compound_words or len(low) > MAX_WORD:
            return None
        parts = self._decompose(low)
        if parts is None or len(parts) < 2:
            return None
        return [_Tok(kind, v, start, end, text=w) for w, (kind, v) in parts]

    def _decompose(self, word: str) -> list[tuple[str, tuple[str, float]]] | None:
        """Greedy longest-match split of a compound number word into known parts."""
        out, i, n = [], 0, len(word)
        while i < n:
            for size in range(min(self.longest_morpheme, n - i), 0, -1):
                piece = word[i:i + size]
                if piece in self.morphemes:
                    out.append((piece, self.morphemes[piece]))
                    i += size
                    break
            else:
                return None
        return out

    def _next(self, text: str, pos: int, end: int, first: bool) -> list[_Tok] | None:
        m = TOKEN.match(text, pos, end)
        if not m:
            return None
        hyphen = m.group(2) is not None
        if first and (m.group(1) or hyphen):
            return None
        if m.group(3) is not None:
            nums = self.digit_numbers(m.group(3), m.start(3))
            if not nums:
                return None
            s, e, v, place = nums[0]
            if e < len(text) and text[e] in VULGAR:  # 2½
                v += unicodedata.numeric(text[e])
                e += 1
                place = 0.0
            return [_Tok("num", v, s, e, hyphen, digits=True, place=place, text=text[s:e])]
        if m.group(4) is not None:
            return [_Tok("num", unicodedata.numeric(m.group(4)), m.start(4), m.end(4), hyphen, place=0.0)]
        toks = self._word_tokens(m.group(5), m.start(5), m.end(5), bool(m.group(6)))
        if toks:
            toks[0].hyphen = hyphen
        return toks

    # ------------------------------------------------------------------ grammar

    def read(self, text: str, pos: int, limit: int | None = None) -> Number | None:
        """The number expression starting at `pos`, or None."""
        limit = len(text) if limit is None else limit
        while pos < limit and text[pos] in " \t\u00a0":
            pos += 1
        quick = self._lone_digits(text, pos, limit)
        if quick is not None:
            return quick
        toks = _Stream(self, text, pos, limit)
        if not toks.has(0):
            return None
        first = toks[0]
        if first.digits and pos >= 1 and text[pos - 1] == self.decimal and first.text.isdigit() \
                and (pos == 1 or not (text[pos - 2].isalnum() or text[pos - 2] in ".,")):
            first.value, first.place = float("0." + first.text), 10.0 ** -len(first.text)
            first.start = pos - 1
        if first.kind == "num" and not toks.has(1):  # the common case: a number, then no number word
            return Number(first.start, first.end, first.value, first.place if first.digits else 1.0,
                          words=not first.digits)
        return self._evaluate(toks)

    def _lone_digits(self, text: str, pos: int, limit: int) -> Number | None:
        """The common case, read without the grammar: digits that no number word follows."""
        if pos >= limit or not text[pos].isdigit() or (pos and text[pos - 1] == self.decimal):
            return None
        m = DIGIT_RUN.match(text, pos, limit)
        nums = self.digit_numbers(m.group(), pos)
        if not nums:
            return None
        s, e, v, place = nums[0]
        if e < limit and text[e] in VULGAR:
            return None
        w = _WORD_AFTER.match(text, e, limit)
        if w is not None and self._word_tokens(w.group(1), w.start(1), w.end(1), bool(w.group(2))) is not None:
            return None
        return Number(s, e, v, place)

    def _evaluate(self, toks: "_Stream | _View") -> Number | None:
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
                elif t.value in _TENS and toks.has(i + 1) and toks[i + 1].kind == "frac" and toks[i + 1].hyphen:
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

    def _after_connector(self, toks: "_Stream | _View", i: int, cur, cur_words, total, last_scale):
        """What follows 'and'/'und' inside a number, as (cur, total, next index), or None.

        after a scale: a smaller number or a fraction of that scale (one million and a half);
        after hundreds: a number below 100; after a whole number: a fraction (six and two thirds);
        inside a German compound: units before tens (ein-und-zwanzig)."""
        if not toks.has(i):
            return None
        if cur is not None and 0 < cur % 100 < 10 and toks[i].kind == "num" and toks[i].value in _TENS \
                and toks[i].start == toks[i - 1].start:  # ein-und-zwanzig, inside one word
            return cur + toks[i].value, total, i + 1
        if cur is not None and cur == int(cur):  # sechs und zwei Drittel (Millionen)
            k = i
            while toks.has(k) and k - i < 12 and toks[k].kind not in ("scale", "conn"):
                k += 1
            part = self._evaluate(toks.view(i, k - i)) if k > i else None
            if part is not None and 0 < part.value < 1 and part.end == toks[k - 1].end:
                return cur + part.value, total, k
        rest = self._evaluate(toks.view(i, 12))
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
    def _count(toks: "_Stream | _View", i: int, end: int) -> int:
        k = 0
        while toks.has(i + k) and toks[i + k].end <= end:
            k += 1
        return k

    # --------------------------------------------------------------- suffixes

    def suffix_scale(self, text: str, pos: int, money: bool) -> tuple[float, int, bool] | None:
        """A scale letter right after the digits or one blank away ("5k", "3 bn", "£15m"):
        (factor, end, sure); not sure when the letters could also be a unit ("5k" vs "5 K")."""
        m = _SUFFIX.match(text, pos)
        if not m:
            return None
        word = m.group(2)
        if word in self.suffix_scales:
            return self.suffix_scales[word], m.end(2), money
        if word in self.money_scales:
            nxt = _WORD_AFTER.match(text, m.end(2))
            if money or (nxt and nxt.group(1).lower() in self.counted_after_scale):  # 2.1m people
                return self.money_scales[word], m.end(2), True
        return None

    def is_pronoun(self, text: str, start: int, word: str) -> bool:
        """'one' after 'the', 'this' …: a pronoun, not a number."""
        if word.lower() not in self.pronoun_words:
            return False
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        return bool(m and m.group(1).lower() in self.pronoun_before)


class _Stream:
    """The tokens after a position, read only as far as the grammar asks (so reading a
    number costs work proportional to the number, not to what follows it)."""

    def __init__(self, reader: NumberReader, text: str, pos: int, limit: int):
        self.reader, self.text, self.pos, self.limit = reader, text, pos, limit
        self.items: list[_Tok] = []
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

    def __getitem__(self, i: int) -> _Tok:
        self.has(i)
        return self.items[i]

    def view(self, offset: int, size: int) -> "_View":
        return _View(self, offset, size)


class _View:
    """At most `size` tokens of a stream from `offset` on."""

    def __init__(self, stream: _Stream, offset: int, size: int):
        self.stream, self.offset, self.size = stream, offset, size

    def has(self, i: int) -> bool:
        return 0 <= i < self.size and self.stream.has(self.offset + i)

    def __getitem__(self, i: int) -> _Tok:
        return self.stream[self.offset + i]

    def view(self, offset: int, size: int) -> "_View":
        return _View(self.stream, self.offset + offset, min(size, self.size - offset))


_TENS = frozenset((20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0))
_WORD_AFTER = re.compile(r"[^\S\n]*(?:-[^\S\n]*)?([^\W\d_]+)(\.?)")
_SUFFIX = re.compile(r"([^\S\n]?)([^\W\d_]{1,3})(?!\w)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]+\Z")
