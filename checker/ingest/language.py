"""The language of a document: a code with a rule pack, given or detected from the text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from factlint.checker.errors import FactlintError
from factlint.rules.loader import RuleSet


def short_code(value) -> str:
    return str(value).strip().lower().replace("_", "-").split("-")[0]


def language_code(value, rel: str, key: str, languages: tuple[str, ...] = ("de", "en")) -> str:
    """'de', 'DE', 'de-AT' → 'de'; a language without a rule pack is an error naming the key."""
    if not isinstance(value, str):
        raise FactlintError(f"{key}: expected a language code such as 'de' or 'en', got {value!r}", rel)
    code = short_code(value)
    langs = languages
    if code not in langs:
        raise FactlintError(f"{key}: no rule pack for language {value!r} (available: {', '.join(langs)})", rel)
    return code


WORD = re.compile(r"[^\W\d_]+")
DETECT_WORDS = 300  # the first words of a text are enough to tell its language
# The separator can only be a decimal one: 1,1 and 37.5, or the last of 2.000,35 and 2,000.35.
DECIMAL = re.compile(r"\d(?P<short>[.,])\d{1,2}\b(?![.,]\d)"
                     r"|\d{1,3}(?:(?P<group>[.,])\d{3}){1,6}(?!(?P=group))(?P<last>[.,])\d+\b(?![.,]\d)")


@dataclass(frozen=True)
class _Signals:
    # Stopwords, and words of the pack no other pack has (month, number, unit, currency
    # names): each occurrence counts one.
    lexicon: frozenset[str]
    letters: frozenset[str]
    decimal: str


def _pack_words(p) -> set[str]:
    tables = [p.numbers.words, p.numbers.scales, p.money.names, p.units.names, p.dates.months,
              p.dates.weekdays, p.hedges.before]
    for facet, key in (("numbers", "fractions"), ("numbers", "special"), ("units", "percent"), ("units", "per"),
                       ("dates", "relative_days"), ("dates", "holidays"), ("dates", "units")):
        tables.append(getattr(getattr(p, facet), key, {}) or {})
    return {w for table in tables for name in table for w in WORD.findall(str(name).lower()) if len(w) >= 3}


_SIGNALS: dict[int, tuple[RuleSet, dict[str, _Signals]]] = {}


def _signals(rules: RuleSet) -> dict[str, _Signals]:
    """What tells each language of the rule set apart, built once per rule set."""
    cached = _SIGNALS.get(id(rules))
    if cached is None or cached[0] is not rules:
        cached = _SIGNALS[id(rules)] = (rules, _build_signals(rules))
    return cached[1]


def _build_signals(rules: RuleSet) -> dict[str, _Signals]:
    langs = rules.languages
    words = {lang: _pack_words(rules.pack(lang)) for lang in langs}
    out = {}
    for lang in langs:
        p = rules.pack(lang)
        others = set().union(*(words[o] for o in langs if o != lang))
        stopwords = frozenset(w.lower() for w in p.detect.stopwords)
        out[lang] = _Signals(stopwords | (words[lang] - others), frozenset(p.detect.letters.lower()),
                             p.numbers.decimal_separator)
    return out


def detect_language(text: str, rules: RuleSet | None = None) -> str:
    """The language whose own words are most frequent in `text`; English when nothing speaks for one.

    A stopword or a word only this language's pack knows (a month, a number word, a
    unit or currency name) counts one; a word with a letter typical of the language
    (ä, ö, ü, ß) and a decimal number written with the language's separator count a
    half, so a short headline or a bare figure still goes the right way.
    """
    words = Counter(m.group() for m in islice(WORD.finditer(text[:20000].lower()), DETECT_WORDS))
    unusual = [w for w in words if not w.isascii()]  # the only words that can hold a typical letter
    # Separators only tip the balance in short texts: read them near the start.
    separators = [m["short"] or m["last"] for m in DECIMAL.finditer(text, 0, 400)]
    best, best_score = "en", 0.0
    for lang, sig in _signals(rules or RuleSet.load()).items():
        score = sum(words[w] for w in sig.lexicon.intersection(words))
        if sig.letters:
            score += 0.5 * sum(words[w] for w in unusual if not sig.letters.isdisjoint(w))
        score += 0.5 * separators.count(sig.decimal)
        if score > best_score:
            best, best_score = lang, score
    return best
