"""Claims across documents → blocks of claims that may state the same fact.

A block shares kind, unit class (currency, %, pp, physical dimension), measure, subject and
the qualifiers that set a figure apart (prior, plan, next, region…). Claims are put in
blocks by a dictionary key, so the cost grows with the number of claims, never with its
square; pairs are only formed inside a block, between documents. Converted amounts (the
"(rund 420 Mio. Dollar)" of a conversion) are left to the conversion check, and a range's
upper end travels with its lower end.

Inside a block, `similar` (rapidfuzz over the words around each figure) ranks candidates
when a document offers several.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from checker.values import unit_class
from checker.model import Claim, Document

SOFT_TAGS = ("year:", "region:", "period:", "variant:", "delta", "level")  # compared pairwise (years_compatible)


@dataclass
class Block:
    key: tuple
    claims: list[Claim] = field(default_factory=list)

    def by_document(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            out[c.document].append(c)
        return out


NAME = re.compile(r"(?<=[a-zäöüß0-9,;] )[A-ZÄÖÜ][\w-]{2,}")
SHARED_NAMES = 2  # names two documents must share to be one story
ONE_STORY = 50  # a collection this small is one story: too few documents to tell names from nouns
STORY_DOCS = 8  # a name in more documents than a story has (or a quarter of the square root of the collection) is too common to link them


def stories(docs: list[Document]) -> dict[str, int]:
    """Group documents into stories; only claims of one story are compared.

    A collection organised in story folders (three or more top-level folders holding two or
    more documents each, as corpus/ is) has a story per folder. Within a folder (or an
    unorganised collection), up to ONE_STORY documents are one story: too few to tell names
    from nouns. Beyond that, two documents belong together when they share at least two
    names (capitalised words inside sentences) that are no more common than a story can be."""
    groups: dict[str, list[Document]] = defaultdict(list)
    folders = Counter(d.path.split("/")[0] for d in docs if "/" in d.path)
    by_folder = sum(1 for n in folders.values() if n >= 2) >= 3
    for d in docs:
        groups[d.path.split("/")[0] if by_folder and "/" in d.path else ""].append(d)
    out: dict[str, int] = {}
    for _, members in sorted(groups.items()):
        base = len(set(out.values()))
        for path, story in _name_stories(members).items():
            out[path] = base + story
    return out


def _name_stories(docs: list[Document]) -> dict[str, int]:
    if len(docs) <= ONE_STORY:
        return {d.path: 0 for d in docs}
    names = {d.path: set(NAME.findall(d.scan or d.text)) for d in docs}
    df = Counter(n for ns in names.values() for n in ns)
    limit = max(STORY_DOCS, int(math.sqrt(len(docs)) / 4))
    holders: dict[str, list[str]] = defaultdict(list)
    for path, ns in names.items():
        for n in ns:
            if 2 <= df[n] <= limit:
                holders[n].append(path)
    shared: Counter = Counter()
    for paths in holders.values():
        for i, a in enumerate(paths):
            for b in paths[i + 1:]:
                shared[(a, b)] += 1
    parent = {d.path: d.path for d in docs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), k in shared.items():
        if k >= SHARED_NAMES:
            parent[find(a)] = find(b)
    roots: dict[str, int] = {}
    return {d.path: roots.setdefault(find(d.path), len(roots)) for d in docs}


def block_key(c: Claim, story: int = 0) -> tuple | None:
    if "fragment" in c.qualifiers:
        return None
    if c.kind == "date":
        if not c.date or len(c.date) not in (4, 7, 10) or not c.measure:
            return None
        cls = {4: "year", 7: "month", 10: "day"}[len(c.date)]  # dates compare at the precision they share
    else:
        if c.value is None or not c.measure:
            return None
        cls = unit_class(c)
        if cls is None:
            return None
    strong = tuple(sorted(q for q in c.qualifiers if not q.startswith(SOFT_TAGS)))
    return (c.kind, cls, c.measure, c.subject or "", strong, story)


def is_derived(c: Claim, by_id: dict[str, Claim]) -> bool:
    """A converted amount, or the upper end of a range: compared through its partner."""
    for r in c.relations:
        other = by_id.get(r.other)
        if other is not None and other.document == c.document and other.start < c.start and r.type in ("conversion", "range"):
            return True
    return False


def align(claims: list[Claim], story_of: dict[str, int] | None = None) -> list[Block]:
    """Blocks holding claims of at least two documents of one story, in a stable order."""
    by_id = {c.id: c for c in claims}
    blocks: dict[tuple, Block] = {}
    for c in claims:
        key = block_key(c, (story_of or {}).get(c.document, 0))
        if key is None or is_derived(c, by_id):
            continue
        blocks.setdefault(key, Block(key)).claims.append(c)
    return [b for b in blocks.values() if len({c.document for c in b.claims}) >= 2]


def years_compatible(a: Claim, b: Claim) -> bool:
    """Stated years must match, and so must stated regions and periods (Q3, first half), and a change ("um 5 %") never meets
    a level ("auf 460 %"). A year on one side only is fine
    unless it lies before the other's last year (2023's fee is not this year's); a region on
    one side only is fine."""
    for family in ("region:", "period:", "variant:"):
        ta, tb = _tags(a, family), _tags(b, family)
        if ta and tb and not ta & tb:
            return False
    if {"delta", "level"} <= set(a.qualifiers) | set(b.qualifiers) and set(a.qualifiers) & {"delta", "level"} != set(b.qualifiers) & {"delta", "level"}:
        return False  # "um 4,5 Prozent" (a change) is not "auf 460 Prozent" (a level)
    ya, yb = _tags(a, "year:"), _tags(b, "year:")
    if ya and yb:
        return bool(ya & yb)
    lone, other = (ya, b) if ya else (yb, a)
    if not lone:
        return True
    ref = (other.as_of or "")[:4]
    if not ref.isdigit():
        return True  # the other's date is unknown: nothing to tell them apart
    return any(int(y) >= int(ref) - 1 for y in lone)


def _tags(c: Claim, prefix: str) -> set[str]:
    return {q[len(prefix):] for q in c.qualifiers if q.startswith(prefix)}


WORD = re.compile(r"[^\W\d_]{3,}")


def context_words(c: Claim, reach: int = 60) -> str:
    return _window_words(c.sentence, c.start - c.sentence_start, c.end - c.start, reach)


@lru_cache(maxsize=65536)
def _window_words(sentence: str, at: int, length: int, reach: int) -> str:
    window = sentence[max(0, at - reach):at + length + reach]
    return " ".join(sorted(set(w.lower() for w in WORD.findall(window))))


def similar(a: Claim, b: Claim) -> float:
    """0–100: how alike the words around two figures are."""
    return fuzz.token_set_ratio(context_words(a), context_words(b))
