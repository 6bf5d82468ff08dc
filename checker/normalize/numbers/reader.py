"""`NumberReader`: the number expression at a position, as a `Number`.

Digit runs are read by the language's digit format (digits.py), words by its lexicon
(German compounds split into their parts), and a run of several tokens by the grammar
(grammar.py). Scale letters after digits ("5k", "£15m") and pronoun uses of "one" are
told apart here too.
"""

from __future__ import annotations

import re
import unicodedata

from factlint.checker.normalize.numbers.digits import DIGIT_RUN, SEPARATOR, VULGAR, DigitFormat
from factlint.checker.normalize.numbers.grammar import Number, Stream, Token, WordGrammar
from factlint.rules.schema import NumberRules

# The next token inside a number expression: blanks, an optional hyphen, then digits,
# a vulgar fraction, or a word (with a trailing period when the word is an abbreviation).
TOKEN = re.compile(rf"([^\S\n]*)(-[^\S\n]*)?(?:(\d+(?:{SEPARATOR}\d+)*)|([{VULGAR}])|([^\W\d_]+)(\.?))")
MAX_WORD = 120  # longer "words" are not number words (and would only cost time)
SPLITS_KEPT = 50_000  # words whose split into number parts is kept
_WORD_AFTER = re.compile(r"[^\S\n]*(?:-[^\S\n]*)?([^\W\d_]+)(\.?)")
_SUFFIX = re.compile(r"([^\S\n]?)([^\W\d_]{1,3})(?!\w)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]+\Z")


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
        self.splits: dict[str, list | None] = {}  # word -> `_decompose`
        for w in rules.articles:
            lexicon[w] = ("article", 1)
        self.lexicon = lexicon
        self.standalone = set(rules.standalone_fractions)
        self.suffix_scales = dict(rules.suffix_scales)
        self.money_scales = dict(rules.money_scales)
        self.pronoun_words = set(rules.pronoun_words)
        self.pronoun_before = set(rules.pronoun_before)
        self.counted_after_scale = set(rules.counted_after_scale)
        self.digits = DigitFormat(self.decimal, self.groupers)
        self.grammar = WordGrammar(rules, self.standalone)


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
        """The numbers in one run of digit groups: [(start, end, value, place)] (digits.py)."""
        return self.digits.numbers(run, base)

    # ------------------------------------------------------------------ tokens

    def _word_tokens(self, word: str, start: int, end: int, period: bool) -> list[Token] | None:
        """A word as number tokens: itself, or (in compounding languages) its parts."""
        low = word.lower()
        if period and low + "." in self.lexicon:
            kind, v = self.lexicon[low + "."]
            return [Token(kind, v, start, end + 1, text=low + ".")]
        if low in self.lexicon:
            kind, v = self.lexicon[low]
            return [Token(kind, v, start, end, text=low)]
        if not self.rules.compound_words or len(low) > MAX_WORD:
            return None
        parts = self._decompose(low)
        if parts is None or len(parts) < 2:
            return None
        return [Token(kind, v, start, end, text=w) for w, (kind, v) in parts]

    def _decompose(self, word: str) -> list[tuple[str, tuple[str, float]]] | None:
        """Greedy longest-match split of a compound number word into known parts (each word
        split once: a table repeats its few words after thousands of numbers)."""
        if word not in self.splits:
            if len(self.splits) >= SPLITS_KEPT:
                self.splits.clear()
            self.splits[word] = self._split(word)
        return self.splits[word]

    def _split(self, word: str) -> list[tuple[str, tuple[str, float]]] | None:
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

    def _next(self, text: str, pos: int, end: int, first: bool) -> list[Token] | None:
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
            return [Token("num", v, s, e, hyphen, digits=True, place=place, text=text[s:e])]
        if m.group(4) is not None:
            return [Token("num", unicodedata.numeric(m.group(4)), m.start(4), m.end(4), hyphen, place=0.0)]
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
        toks = Stream(self, text, pos, limit)
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
        return self.grammar.evaluate(toks)

    def _lone_digits(self, text: str, pos: int, limit: int) -> Number | None:
        """The common case, read without the grammar: digits that no number word follows."""
        if pos >= limit or not text[pos].isdigit() or (pos and text[pos - 1] == self.decimal):
            return None
        m = DIGIT_RUN.match(text, pos, limit)
        if m is None:  # a digit that \d does not read as one ("²" after "€12")
            return None
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

