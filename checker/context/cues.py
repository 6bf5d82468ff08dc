"""Cue words from the language pack, found in a sentence's tokens.

A cue is one or more words. A cue word of four letters or more matches a token that starts
with it ("abonnent" finds "Abonnenten") and, in a language that writes compounds as one word,
one that ends with it after a word of the language (German compounds: "kurs" finds
"Schlusskurs"; "alter" does not find "Gänsehalter" nor "zeit" "derzeit": checker/context/about.py
`is_modifier`; in English "ship" does not find "Township");
a shorter one, or one written with a trailing "!" ("euro!"), matches only the whole token.
Lookups go through an index of word beginnings and endings, so the cost per token is a few
dictionary probes however long the lexicon grows. In a language that capitalizes only names,
a capitalized word inside a sentence is a name and no cue (`proper_names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.checker.context.about import is_modifier
from factlint.rules.schema import ContextRules

TOKEN = re.compile(r"\d+(?:[.,:'’]\d+)*|[^\W\d_](?:[\w'’]|[-.](?=\w))*|[–\-%$€£¥(),;:]")
NUMBER_MARKS = ".,:'’"  # what TOKEN allows between the digits of a number
SHORT = 3  # cue words up to this length must match a whole token
MIN_AFFIX = 4
MIN_MODIFIER = 3  # a cue at a word's end is the head of a compound only after a word of this many letters
# ("Schluss|kurs"), not after a stray letter or two ("g|alten" is no "alten", "ge|winn" no "winn")


@dataclass(frozen=True)
class Hit:
    category: str  # measure, event, qualifier, region, other_subject, comparator, conversion, ratio
    label: str  # the measure name, tag, region code, factor …
    first: int  # token index of the first word
    last: int  # token index of the last word
    words: int
    size: int = 0  # letters in the cue: the longer of two cues on one word wins


def tokenize(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, original text) of each word, number and punctuation mark in text[start:end]."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


class CueIndex:
    """All cues of one category set, indexed by their first word."""

    def __init__(self, entries: list[tuple[str, str, str]], compounds: str | None = None, names: bool = False):
        # entries: (category, label, cue text); compounds: the language whose compounds a cue
        # also finds at a word's end;
        # names: a capital letter inside a sentence marks a name, which is no cue ("Grant Gibbs")
        self.compounds = compounds
        self.names = names
        self.exact: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self.affix: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self.seen: dict[str, list] = {}  # word → its candidate cues, looked up once
        for category, label, cue in entries:
            exact = cue.endswith("!")
            cue = cue.rstrip("!")
            words = tuple(w for w in (t[2].lower() for t in tokenize(cue, 0, len(cue))))
            if not words:
                continue
            if exact:
                words = words[:-1] + (words[-1] + "!",)
            first = words[0]
            target = self.exact if len(first) <= SHORT or first.endswith("!") else self.affix
            target.setdefault(first.rstrip("!"), []).append((words, category, label))
        self.longest_affix = max(map(len, self.affix), default=0)  # a longer token's other slices match nothing
        # A number token (digits and separators: TOKEN) can only match a cue word made of those
        # ("12 months"): the other figures of a sentence are not looked up one by one.
        self.number_words = {key for key in self.exact if _number_like(key)}
        self.number_affixes = any(_number_like(key) for key in self.affix)

    def hits(self, words: list[str], originals: list[str] | None = None) -> list[Hit]:
        """Every cue occurrence in the lower-cased token list (`originals`: the tokens as
        written, which tell names apart where only names are capitalized)."""
        out: list[Hit] = []
        seen, count = self.seen, len(words)
        names = proper_names(originals) if self.names and originals else ()
        for i, w in enumerate(words):
            candidates = seen.get(w)
            if candidates is None:
                if w[:1].isdecimal() and w not in self.number_words and not self.number_affixes:
                    continue
                candidates = seen[w] = self._lookup(w)
            for rest, category, label, n, size in candidates:  # the word itself matches each cue's first word
                if i in names and category != "region":
                    continue  # a name ("Grant Gibbs") is no cue word, but a place's name is a region's
                if n == 1 or i + n <= count and all(_word_matches(c, t, self.compounds)
                                                     for c, t in zip(rest, words[i + 1:i + n])):
                    out.append(Hit(category, label, i, i + n - 1, n, size))
        return _longest(out)

    def _lookup(self, w: str) -> tuple:
        """The cues whose first word matches `w` (as `_word_matches` would): their other words,
        category, label, length in words and in letters."""
        found = list(self.exact.get(w, ()))
        longest = min(len(w), self.longest_affix)
        for k in range(MIN_AFFIX, longest + 1):
            found.extend(self.affix.get(w[:k], ()))
        for k in range(MIN_AFFIX, min(len(w) - 1, longest) + 1) if self.compounds else ():
            found.extend(self.affix.get(w[-k:], ()))
        return tuple((cue[1:], category, label, len(cue), sum(map(len, cue))) for cue, category, label in found
                     if _word_matches(cue[0], w, self.compounds))


SENTENCE_OPENERS = frozenset(".!?:;\"'“”‘’«»()[]-–—•*#|")


def proper_names(tokens: list[str]) -> set[int]:
    """Indexes of the capitalized words inside a sentence (not opening it or a clause after a
    stop or quote): in a language that capitalizes only names, these are names. A sentence
    mostly in capitals (a title-case headline) tells nothing."""
    words = [i for i, t in enumerate(tokens) if t[:1].isalpha()]
    capital = [i for i in words if tokens[i][:1].isupper()]
    if len(capital) * 2 > len(words):
        return set()
    return {i for i in capital if i > 0 and tokens[i - 1] not in SENTENCE_OPENERS}


def _number_like(word: str) -> bool:
    return all(ch.isdecimal() or ch in NUMBER_MARKS for ch in word)


def _longest(hits: list[Hit]) -> list[Hit]:
    """Where cues of one category overlap, the longest wins ("je Aktie" over "Aktie")."""
    taken: dict[str, set[int]] = {}
    kept = []
    for h in sorted(hits, key=lambda h: (-h.words, -h.size, h.first)):
        covered = taken.setdefault(h.category, set())
        if h.words == 1:
            if h.first not in covered:
                covered.add(h.first)
                kept.append(h)
        elif not covered.intersection(range(h.first, h.last + 1)):
            covered.update(range(h.first, h.last + 1))
            kept.append(h)
    return sorted(kept, key=lambda h: h.first)


def _word_matches(cue: str, token: str, compounds: str | None) -> bool:
    if cue.endswith("!"):
        return cue[:-1] == token
    if len(cue) <= SHORT:
        return cue == token
    if token.startswith(cue):
        return True
    return bool(compounds) and token.endswith(cue) and len(token) - len(cue) >= MIN_MODIFIER \
        and is_modifier(token[:-len(cue)], compounds)


_INDEXES: dict[tuple[int, str], tuple[ContextRules, CueIndex]] = {}


def index_for(rules: ContextRules, lang: str) -> CueIndex:
    """The cue index of a (loaded, cached, unchanging) rule set of language `lang`, built once."""
    cached = _INDEXES.get((id(rules), lang))
    if cached is None or cached[0] is not rules:
        cached = _INDEXES[(id(rules), lang)] = (rules, _build(rules, lang))
    return cached[1]


def _build(rules: ContextRules, lang: str) -> CueIndex:
    entries: list[tuple[str, str, str]] = []
    for measure, cues in rules.measures.items():
        entries += [("measure", measure, c) for c in cues]
    for event, cues in rules.events.items():
        entries += [("event", event, c) for c in cues]
    for tag, cues in rules.qualifiers.items():
        entries += [("qualifier", tag, c) for c in cues]
    for region, cues in rules.regions.items():
        entries += [("region", region, c) for c in cues]
    entries += [("other_subject", "", c) for c in rules.other_subject]
    entries += [("comparator", "", c) for c in rules.comparators]
    entries += [("conversion", "", c) for c in rules.conversion]
    entries += [("range", "", c) for c in rules.range_joiners]
    entries += [("ratio", str(f), c) for c, f in rules.ratios.items()]
    return CueIndex(entries, lang if rules.compounds else None, not rules.nouns_capitalized)


_DENOMINATORS: dict[int, tuple[ContextRules, "re.Pattern"]] = {}


def denominator_pattern(rules: ContextRules) -> re.Pattern | None:
    """What follows a figure when it is a rate: "je Tonne", "per share", "a day", "im Monat"
    (group 1: a noun after a per word; group 2: a period word after a per-period word; group 3: a
    period word alone, "täglich", "annually")."""
    cached = _DENOMINATORS.get(id(rules))
    if cached is None or cached[0] is not rules:
        per = "|".join(re.escape(w) for w in sorted(rules.per, key=len, reverse=True))
        period_words = "|".join(re.escape(w) for w in sorted(rules.periods, key=len, reverse=True))
        lead = "|".join(re.escape(w) for w in sorted(rules.per_period, key=len, reverse=True))
        parts = []
        if per:
            parts.append(rf"(?:{per})\s*([^\W\d_][\w-]*)")
        if lead and period_words:
            parts.append(rf"(?:{lead})\s+({period_words})\b")
        if period_words:  # an adverb of a period right after the figure: "17 Millionen Euro täglich", "$5m daily"
            parts.append(rf"({period_words})\b")
        pattern = re.compile(rf"[ \t]*(?:[^\W\d_][\w-]*[ \t]+)?(?:{'|'.join(parts)})", re.IGNORECASE) if parts else None
        cached = _DENOMINATORS[id(rules)] = (rules, pattern)
    return cached[1]
