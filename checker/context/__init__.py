"""Claim context: what each claim measures, whose it is, when it holds, what it is tied to.

`annotate` fills, for every claim of every document, the fields the aligner keys on:

- `measure`: the nearest cue of the language pack's measure lexicon (multi-word cues win over
  single words; a clause boundary counts as three words), else the noun a number counts;
- `subject`: None for the article's own subject; "other:<name>" when a rival cue ("Konkurrent",
  "rival") or a comparator ("wie bei Huoshan", "than at") puts the figure with someone else;
- `as_of`: the latest date its sentence states (up to the article's), else the published date;
- `qualifiers`: tags that set the figure apart (prior, plan, next, world, region:DK, year:2023);
- `relations`: conversions, ranges and ratios inside the sentence (see `relations`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict

from factlint.checker.context import about
from factlint.checker.context.about import noise_words
from factlint.checker.context.cues import denominator_pattern, index_for, tokenize
from factlint.checker.context.relations import find_relations
from factlint.checker.context.sentence import ALL_KINDS, GENERIC, Sentence
from factlint.checker.context.tables import Tables
from factlint.checker.context.windows import windows
from factlint.checker.extract import sentence_bounds
from factlint.checker.model import Claim, Document
from factlint.rules.loader import RuleSet
from factlint.rules.schema import ContextRules, SentenceRules


def annotate(docs: list[Document], claims: list[Claim], rules: RuleSet | None = None, part: str = "all",
             profiles: bool = True) -> None:
    """Fill measure, subject, as_of, qualifiers, relations and profile of `claims` in place.

    `part` "sentences" does what each sentence says about its figures, "document" what the
    document says as a whole (a table's column header, a figure restated elsewhere), "all"
    both: a huge document's pieces are annotated by sentence apart (checker/engine/pieces.py).
    Without `profiles` the claims' `about` stays empty: only the aligner reads it, and a huge
    document gets it only when its story has another document (checker/engine/profiles.py)."""
    rules = rules or RuleSet.load()
    kinds = measure_kinds(rules)
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.document].append(c)
    for doc in docs:
        doc_claims = sorted(by_doc.get(doc.path, ()), key=lambda c: c.start)
        if doc_claims:
            pack = rules.packs.get(doc.lang)  # None for a language without a pack: no cues, every language's sentences
            annotate_document(doc, doc_claims, pack.context if pack else ContextRules(), kinds,
                              pack.sentences if pack else None, noise_words(pack) if pack else frozenset(), part,
                              profiles)


_KINDS: dict[int, tuple[RuleSet, dict[str, set[str]]]] = {}


def measure_kinds(rules: RuleSet) -> dict[str, set[str]]:
    """The kinds of figure each measure takes (and, under `GENERIC` + its name, each generic
    measure), made once per (loaded, unchanging) rule set: a worker annotates its documents
    one by one."""
    cached = _KINDS.get(id(rules))
    if cached is None or cached[0] is not rules:
        table = rules.measures.measures
        kinds = {m: set(info.kinds) for m, info in table.items() if info.kinds}
        kinds.update({GENERIC + m: set(table[m].kinds or ALL_KINDS) for m, info in table.items() if info.generic})
        cached = _KINDS[id(rules)] = (rules, kinds)
    return cached[1]


def annotate_document(doc: Document, claims: list[Claim], rules: ContextRules,
                      kinds: dict[str, set[str]] | None = None, sentences: SentenceRules | None = None,
                      grammar: frozenset[str] = frozenset(), part: str = "all", profiles: bool = True) -> None:
    text = doc.scan or doc.text
    published = doc.published.isoformat() if doc.published else None
    index = index_for(rules, doc.lang or "")
    if part != "document":
        annotate_sentences(doc, claims, rules, kinds, sentences, grammar, profiles)
    if part == "sentences":
        return
    tables = Tables(text)
    for c in claims:
        cell = tables.header(c)
        if c.measure is None:
            c.measure = table_measure(cell, c, index.hits, kinds or {})
        table_period(cell, c, published)
        if cell and profiles:
            c.about = table_profile(c.about, cell, doc.lang, grammar, index.hits)
    share_repeats(claims, published)


def annotate_sentences(doc: Document, claims: list[Claim], rules: ContextRules,
                       kinds: dict[str, set[str]] | None = None, sentences: SentenceRules | None = None,
                       grammar: frozenset[str] = frozenset(), profiles: bool = True) -> None:
    """What each sentence (or window of a long one) says about its figures (their profiles
    too, with `profiles`)."""
    text = doc.scan or doc.text
    bounds, continued = windows(text, sentence_bounds(text, sentences), claims)
    starts = [s for s, _ in bounds]
    per_sentence: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        per_sentence[max(bisect.bisect_right(starts, c.start) - 1, 0)].append(c)
    published = doc.published.isoformat() if doc.published else None
    index = index_for(rules, doc.lang or "")
    pronouns = frozenset(p.lower() for p in rules.pronouns)
    bases = frozenset(b.lower() for b in rules.bases)
    relatives = frozenset(r.lower() for r in rules.relatives)
    for i, members in sorted(per_sentence.items()):
        start, end = bounds[i] if bounds else (0, len(text))
        end = max(end, max(c.end for c in members))
        find_relations(text, members, rules)
        sentence = Sentence(text, start, end, members, index.hits, published, kinds or {}, doc.lang, grammar,
                            denominator_pattern(rules), rules.periods, bases, pronouns, relatives)
        sentence.annotate(profiles)
        if i > 0 and i not in continued and sentence.words and sentence.words[0] in pronouns:
            s, e = bounds[i - 1]
            previous = Sentence(text, s, e, [], index.hits, published, kinds or {})
            for c in members:
                if c.measure is None:
                    c.measure = previous.last_cue(c)


def share_repeats(claims: list[Claim], published: str | None = None) -> None:
    """A figure restated in one article (a key-figures box repeating the text) is one figure:
    its mentions share the qualifiers found at any of them and the date one of them states
    ("bis Dienstagabend 212 Menschen" and "- Behandelte Hitzepatienten: 212"), and a mention
    without a measure takes the one its other mentions agree on."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "date" and c.value is not None and "fragment" not in c.qualifiers:
            groups[(c.kind, c.unit, c.value, c.subject)].append(c)
    for members in groups.values():
        if len(members) < 2:
            continue
        measures = {c.measure for c in members if c.measure}
        if len(measures) != 1:
            continue
        measure = measures.pop()
        tags = set().union(*(c.qualifiers for c in members)) - {"delta", "level"}
        stated = {c.as_of for c in members if c.as_of and c.as_of != published}
        for c in members:
            c.measure = measure
            c.qualifiers = sorted(tags | (set(c.qualifiers) & {"delta", "level"}))
            if len(stated) == 1:
                c.as_of = next(iter(stated))


@functools.lru_cache(maxsize=4096)
def cell_measures(cell: str, find_hits) -> tuple[str, ...]:
    """The measure cues of a header cell, in order (a column's cell is read once, not per figure)."""
    words = [t[2].lower() for t in tokenize(cell, 0, len(cell))]
    return tuple(h.label for h in find_hits(words) if h.category == "measure")


def table_measure(cell: str | None, c: Claim, find_hits, kinds: dict[str, set[str]]) -> str | None:
    """A figure in a Markdown table row takes its measure from its column's header cell."""
    if cell is None:
        return None
    return next((label for label in cell_measures(cell, find_hits) if c.kind in kinds.get(label, {c.kind})), None)


def table_profile(profile: dict[str, float], cell: str, lang: str, grammar: frozenset[str],
                  find_hits) -> dict[str, float]:
    """A figure in a table is about what its column's header says ("Price (256GB)") as much as
    about the words of its row: the header's words join its profile as words right beside it."""
    merged = dict(profile)
    for feature, weight in header_profile(cell, lang, grammar, find_hits):
        if weight > merged.get(feature, 0.0):
            merged[feature] = weight
    return merged


@functools.lru_cache(maxsize=4096)
def header_profile(cell: str, lang: str, grammar: frozenset[str], find_hits) -> tuple[tuple[str, float], ...]:
    """The features a header cell gives every figure of its column, made once per column."""
    words = [(1.0, t[2]) for t in tokenize(cell, 0, len(cell))]
    labels = [(1.0, label) for label in cell_measures(cell, find_hits)]
    return tuple(about.profile(words, [], labels, None, lang, grammar).items())


YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def table_period(cell: str | None, c: Claim, published: str | None) -> None:
    """A column headed by an earlier year than the article's ("Q2 2025" in a 2026 article)
    holds prior-period figures: they are tagged `prior` and a `year:` of their own."""
    years = YEAR.findall(cell) if cell else []
    if not years or not published:
        return
    tags = {"year:" + y for y in years}
    if max(int(y) for y in years) < int(published[:4]):
        tags.add("prior")
    c.qualifiers = sorted(set(c.qualifiers) | tags)
