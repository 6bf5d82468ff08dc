"""Pairing claims across documents by what they are about: record linkage.

Blocking is cheap and hard (checker/align/gates.py: story, kind, unit class, subject,
qualifiers). Inside a block, each document's figures (a value with all its mentions in that
document) are compared with each other document's on their profiles (checker/context/about.py):
the features are weighted by their rarity among the story's claims (a word every sentence of
the story uses says nothing about which fact a figure states; a rare shared word says a
lot), and the score is the cosine of the two weighted profiles, plus a bonus when the values
fit or lie near each other (two outlets' figures for one fact mostly differ by a little). A
pair of figures is linked strongest first, one-to-one (a figure taken by a stronger pair
is no one else's partner), when its score reaches a threshold and stands out from each
figure's best other pair with a still free figure (among many alike candidates, none is
the counterpart). The links of a block are
then closed into facts (`facts`): one figure per document per fact, one finding per fact.

Only pairs sharing a distinctive feature are scored: an inverted index over the features, in
which a feature that more than COMMON figures of the other document share proposes no
candidates (it is still scored). So the work inside a block follows the shared vocabulary, not
the product of the figure counts: a document of 200 branch revenues meets another's in linear time.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Callable

from factlint.checker.align.gates import Tags, block_key, is_derived, tags_compatible
from factlint.checker.model import Claim
from factlint.checker.values import by_order_only, delta_pct, far_apart, interval, point, typo

THRESHOLD = 0.12  # cosine of the weighted profiles for two figures to be one fact
DATE_FACTOR = 2.0  # dates need this many times the threshold: "on Tuesday" stands in many sentences of a story
ALONE_FACTOR = 0.5  # the threshold for two figures that are each the only one of their block in their document
FIT_BONUS = 0.3  # two figures whose values fit are more likely one fact (and the others then are other facts)
ALL_PAIRS = 30  # documents in a block compared all with all
NEIGHBOURS = 8  # beyond that, each document with this many next in time


@dataclass
class Figure:
    """One value in one document with all its mentions (headline, key-figure box, body)."""

    claims: list[Claim]

    @property
    def claim(self) -> Claim:
        """The mention the finding is told by: the first with the most context."""
        return self.claims[0]

    @property
    def document(self) -> str:
        return self.claims[0].document


@dataclass
class Link:
    """Two figures of different documents that state the same fact (their values may differ)."""

    a: Figure
    b: Figure
    score: float
    block: tuple
    across: bool = False  # the two articles are in different languages: the score rests on shared features only
    fact: tuple = ()  # the fact both figures state (facts): its block and one of its figures


def figures(claims: list[Claim]) -> list[Figure]:
    """Mentions of one value in one document are one figure."""
    groups: dict[tuple, Figure] = {}
    for c in sorted(claims, key=lambda c: c.start):
        # "at least six" in the teaser and "Six" in the body are one figure; a range is its own
        key = (c.document, c.value, c.date, c.unit, (c.lower, c.upper) if c.lower is not None and c.upper is not None else None)
        fig = groups.get(key)
        if fig is None:
            groups[key] = Figure([c])
        else:
            fig.claims.append(c)
    for fig in groups.values():  # the mention with the richest context tells the finding
        fig.claims.sort(key=lambda c: (-len(c.about), c.start))
    return _headlines_as_mentions(list(groups.values()))


def _headlines_as_mentions(figs: list[Figure]) -> list[Figure]:
    """A headline rounds what its body states ("death toll passes 100" over "risen to 117"):
    a figure stated only in the headline whose range holds exactly one figure of its body is
    a mention of that figure, told after the body's own."""
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for fig in figs:
        by_doc[fig.document].append(fig)
    out = []
    for doc_figs in by_doc.values():
        body = [f for f in doc_figs if not all(c.headline for c in f.claims)]
        in_body = {id(f) for f in body}  # (by identity: `in body` compared figures field by field, K² times)
        for fig in doc_figs:
            if id(fig) in in_body:
                out.append(fig)
                continue
            span = interval(fig.claim)
            held = [f for f in body if span and span[0] <= (point(f.claim) or math.nan) <= span[1]]
            if len(held) == 1:
                held[0].claims.extend(fig.claims)
            else:
                out.append(fig)
    return out


PRIOR_CLAIMS = 20  # a story is taken to have at least this many more claims: in a story of two
# sentences, the words both share are the evidence, not noise


def rarity(claims: list[Claim]) -> dict[str, float]:
    """Inverse claim frequency of each feature within one story."""
    df: dict[str, int] = defaultdict(int)
    for c in claims:
        for f in features(c):
            df[f] += 1
    n = len(claims) + PRIOR_CLAIMS
    return {f: math.log(n / (k + 0.5)) for f, k in df.items()}


def align(claims: list[Claim], story_of: dict[str, int] | None = None,
          fits: Callable[[Claim, Claim], bool] | None = None, langs: dict[str, str] | None = None) -> list[Link]:
    """Links between figures of different documents of one story that state the same fact.
    `langs` (document → language) lets figures of articles in two languages be compared on
    what can be shared across languages."""
    story_of, langs = story_of or {}, langs or {}
    by_id = {c.id: c for c in claims}
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    stories: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        story = story_of.get(c.document, 0)
        stories[story].append(c)
        key = block_key(c, story)
        if key is not None and not is_derived(c, by_id):
            blocks[key].append(c)
    weights = {s: rarity(members) for s, members in stories.items()}
    links: list[Link] = []
    for key, members in blocks.items():
        per_doc: dict[str, list[Figure]] = defaultdict(list)
        for fig in figures(members):
            per_doc[fig.document].append(fig)
        if len(per_doc) < 2:
            continue
        idf = weights[key[0]]
        vectors = {id(f): [_vector(features(c), idf) for c in _distinct_profiles(f)] for figs in per_doc.values() for f in figs}
        tags: dict[int, Tags] = {}  # each figure's, made once when first needed (a figure meets many others)
        pairs, scores = [], {}
        for da, db in document_pairs(per_doc):
            across = langs.get(da, "") != langs.get(db, "")
            pairs += _link(per_doc[da], per_doc[db], vectors, fits, key, across, scores, tags)
        links += facts(pairs, scores)
    return links


def facts(links: list[Link], scores: dict[tuple[int, int], float] | None = None) -> list[Link]:
    """The links of one block, each marked with the fact it belongs to: figures linked across
    documents, directly or through a third document ("3.5 %" in a, "3.4 %" in b and c), state
    one fact, reported as one finding. A fact holds at most one figure per document: a link
    that would join two figures of one document is the weaker evidence (links are taken
    strongest first, those of a figure named by its order only after all others) and is
    dropped, and so is one that would join two groups whose figures are unlike on average
    (`scores`: every pair scored in the block)."""
    parent: dict[int, int] = {}
    documents: dict[int, set[str]] = {}
    members: dict[int, list[int]] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    kept: list[Link] = []
    figs: dict[int, Figure] = {}
    tags: dict[int, Tags] = {}
    for link in sorted(links, key=lambda l: (_vague(l.a) or _vague(l.b), -l.score)):
        for fig in (link.a, link.b):
            figs[id(fig)] = fig
            if id(fig) not in parent:
                parent[id(fig)], documents[id(fig)], members[id(fig)] = id(fig), {fig.document}, [id(fig)]
        ra, rb = find(id(link.a)), find(id(link.b))
        if ra != rb:
            if documents[ra] & documents[rb]:
                continue
            if scores is not None and not _cohere(members[ra], members[rb], scores):
                continue
            if not _compatible_groups(members[ra], members[rb], figs, tags):
                continue  # "a 50-year-old man" and "a 63-year-old woman" are no one fact through "Kafoury, 63"
            parent[rb] = ra
            documents[ra] |= documents.pop(rb)
            members[ra] += members.pop(rb)
        kept.append(link)
    for link in kept:
        link.fact = (link.block, find(id(link.a)))
    return kept


def _vague(fig: Figure) -> bool:
    """A figure named by its order only ("dozens"): paired after the figures that state a value."""
    return by_order_only(fig.claim)


def _compatible_groups(xs: list[int], ys: list[int], figs: dict[int, Figure], tags: dict[int, Tags]) -> bool:
    """Every figure of one group may be the fact of every figure of the other (gates.compatible):
    a tag on one side only lets a link pass, not two figures whose tags differ meet through it."""
    return all(tags_compatible(_tags(figs[x], tags), _tags(figs[y], tags)) for x in xs for y in ys)


JOIN = 0.1  # two groups of figures merge into one fact when their figures score this alike on average:
# near THRESHOLD, so a figure alike to one member only (and to none of the others) stays out


def _cohere(xs: list[int], ys: list[int], scores: dict[tuple[int, int], float]) -> bool:
    """Two groups joined by one link are one fact when their figures are alike on average, not
    through that link alone (a weak link must not pull a third outlet's other figure in)."""
    if len(xs) + len(ys) <= 2:
        return True
    cross = [scores.get((x, y), scores.get((y, x), 0.0)) for x in xs for y in ys]
    return sum(cross) / len(cross) >= JOIN


COMMON = 24  # a feature shared by more of the other document's figures than this proposes none of them
MENTIONS = 4  # mentions of one figure compared at most (headline, teaser, box, body)


def _distinct_profiles(fig: Figure) -> list[Claim]:
    """The mentions whose profiles differ, the richest first: a figure is as alike to another as
    its most alike mention (the key-figure box "Tote: sieben" beside a body sentence about helpers)."""
    seen, out = set(), []
    for c in fig.claims:
        if c.value != fig.claim.value:
            continue  # a headline's rounding of the figure is told with it, not compared on
        key = frozenset(features(c))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out[:MENTIONS]


SHARED_TAGS = ("who:", "region:", "period:", "variant:")
TAG_WEIGHT = 0.4


def features(c: Claim) -> dict[str, float]:
    """A claim's profile with the tags that say which figure it is (a region, a year, a
    period, a variant, a person): a tag on one side only does not separate two figures
    (gates.compatible), but one both share is evidence, in any language."""
    tags = [q for q in c.qualifiers if q.startswith(SHARED_TAGS)]
    if not tags:
        return c.about
    return {**c.about, **{"@" + q: TAG_WEIGHT for q in tags}}


def _vector(about: dict[str, float], idf: dict[str, float]) -> tuple[dict[str, float], float]:
    v = {f: x for f, w in about.items() if (x := w * idf.get(f, 0.0)) > 0}
    return v, math.sqrt(sum(w * w for w in v.values())) or 1.0


def score(x: tuple[dict[str, float], float], y: tuple[dict[str, float], float], across: bool = False) -> float:
    """Cosine of two weighted profiles. Across languages, a word of one language cannot be
    found in the other, so only what can be shared counts: the lexicon's labels, the other
    figures, and the words (names) both sides use."""
    if across:
        return _score_across(x[0], y[0])
    (vx, nx), (vy, ny) = x, y
    if len(vx) > len(vy):
        vx, vy = vy, vx
    return sum(w * vy[f] for f, w in vx.items() if f in vy) / (nx * ny)


def _score_across(vx: dict[str, float], vy: dict[str, float]) -> float:
    def bridge(f: str, other: dict[str, float]) -> bool:
        return f[0] in "=#@" or f in other

    px = {f: w for f, w in vx.items() if bridge(f, vy)}
    py = {f: w for f, w in vy.items() if bridge(f, vx)}
    nx, ny = math.sqrt(sum(w * w for w in px.values())), math.sqrt(sum(w * w for w in py.values()))
    if not nx or not ny:
        return 0.0
    return sum(w * py[f] for f, w in px.items() if f in py) / (nx * ny)


def _link(xs: list[Figure], ys: list[Figure], vectors, fits, key, across: bool = False,
          scores: dict[tuple[int, int], float] | None = None, tags: dict[int, Tags] | None = None) -> list[Link]:
    """Pairs scoring above the threshold, taken one-to-one (`_match`); every score is kept in `scores`.
    `tags` keeps each figure's gate tags (gates.compatible) made so far."""
    tags = {} if tags is None else tags
    index: dict[str, list[int]] = defaultdict(list)
    for j, y in enumerate(ys):
        for f in {f for v in vectors[id(y)] for f in v[0]}:
            index[f].append(j)
    index = {f: js for f, js in index.items() if len(js) <= COMMON}
    threshold = THRESHOLD * (DATE_FACTOR if key[1] == "date" else 1.0)
    if len(xs) == 1 and len(ys) == 1 and key[1] != "date":
        # each the only figure of its kind and tags in its document: nothing to confuse it with
        # (a date is not: most articles state one day, each of its own event)
        threshold *= ALONE_FACTOR
    vague = {id(f) for f in (*xs, *ys) if _vague(f)}
    scored: list[tuple[float, int, int]] = []
    never: set[tuple[int, int]] = set()  # pairs that can be no link (`unlikely`, `_weak_small`): they take their figures, but rival no other pair
    for i, x in enumerate(xs):
        candidates = {j for v in vectors[id(x)] for f in v[0] for j in index.get(f, ())}
        x_tags = _tags(x, tags) if candidates else None
        for j in candidates:
            y = ys[j]
            if not tags_compatible(x_tags, _tags(y, tags)):
                continue
            s = max(score(vx, vy, across) for vx in vectors[id(x)] for vy in vectors[id(y)])
            fit = fits is not None and fits(x.claim, y.claim)
            if (s < threshold or (id(x) in vague or id(y) in vague) and s < STRONG) and not fit:
                continue  # an amount named by its order only ("thousands") contradicts a figure only in alike words
            total = s + FIT_BONUS * (_fit_weight(x.claim, y.claim) if fit else closeness(x.claim, y.claim))
            scored.append((total, i, j))
            if unlikely(x.claim, y.claim, total, across) or _weak_small(x.claim, y.claim, total):
                never.add((i, j))
            if scores is not None:
                scores[(id(x), id(y))] = scored[-1][0]
    # a pair that is no link still takes its figures in `_match`: they are no one else's partner;
    # an amount named by its order only ("dozens") is matched after the figures that state one
    first = [t for t in scored if id(xs[t[1]]) not in vague and id(ys[t[2]]) not in vague]
    matched = _match(first, never)
    taken_x, taken_y = {i for _, i, _ in matched}, {j for _, _, j in matched}
    matched += _match([t for t in scored if (id(xs[t[1]]) in vague or id(ys[t[2]]) in vague)
                       and t[1] not in taken_x and t[2] not in taken_y], never)
    return [Link(xs[i], ys[j], s, key, across) for s, i, j in sorted(matched, key=lambda t: (t[1], t[2]))
            if (i, j) not in never]


def _tags(fig: Figure, tags: dict[int, Tags]) -> Tags:
    got = tags.get(id(fig))
    if got is None:
        got = tags[id(fig)] = Tags.of(fig.claim)
    return got


STRONG = 0.6  # figures several times apart are one fact only when their profiles are this alike


def unlikely(x: Claim, y: Claim, score: float, across: bool) -> bool:
    """Figures several times apart (values.far_apart) are more likely two facts than one
    misstated, unless strongly alike in one language, or one is the other with a digit
    dropped, added or swapped (a likely typo, reported as such), or they are readings of a
    running tally that grew in time (12 images received so far, 400 a week later)."""
    return (across or score < STRONG) and far_apart(x, y) and not typo(x, y) and not _grew(x, y)


def _grew(x: Claim, y: Claim) -> bool:
    """A running tally read twice, or a figure and what it was raised to later ("auf 25.000
    Euro erhöht"): the later reading is the larger."""
    raised = x.kind != "percent" and ("level" in x.qualifiers or "level" in y.qualifiers)  # a rate's level is
    # too often set against a change of it ("fell 3%" and "auf 17 Prozent") to tell growth from two facts
    if not (_running(x, y) or raised) or not x.as_of or not y.as_of or x.as_of == y.as_of:
        return False
    early, late = sorted((x, y), key=lambda c: c.as_of)
    return (point(late) or 0.0) > (point(early) or 0.0)


CONVERTED_FIT = 0.7  # a fit through an exchange rate (at the reference rate, with slack) is weaker evidence


def _fit_weight(x: Claim, y: Claim) -> float:
    """How much a fit says: amounts in two currencies fit only through a rate, and a figure
    that allows a wide range ("more than a thousand", "dozens") fits many others by chance."""
    weight = CONVERTED_FIT if x.kind == "money" and x.unit != y.unit else 1.0
    return weight * min(1.0, NEAR / max(_spread(x), _spread(y), NEAR))


def _spread(c: Claim) -> float:
    """The width of the values a claim allows, as a share of its value (0 for a date)."""
    if c.kind == "date":
        return 0.0
    span, at = interval(c), point(c)
    if span is None or not at:
        return 0.0
    return (span[1] - span[0]) / abs(at)  # infinite for a half-line


SMALL = 10  # bare counts below this ("two managers", "three people") recur in a story like weekdays …
SMALL_BAR = DATE_FACTOR * THRESHOLD + FIT_BONUS  # … so their pair needs twice the threshold beyond what a fit adds


def _weak_small(x: Claim, y: Claim, score: float) -> bool:
    """A weak pair of small counts, neither a reading of a running tally (a toll of 9, then 16)."""
    return score < SMALL_BAR and (_small(x) or _small(y)) and not _running(x, y)


def _running(x: Claim, y: Claim) -> bool:
    """Either figure is a reading of a running tally ("so far", "bisher", "rose to")."""
    return "running" in x.qualifiers or "running" in y.qualifiers


def _small(c: Claim) -> bool:
    return c.kind == "number" and c.unit is None and c.value is not None and abs(c.value) < SMALL


def _match(scored: list[tuple[float, int, int]], never: set[tuple[int, int]] = frozenset()) -> list[tuple[float, int, int]]:
    """One-to-one pairs, strongest first: a pair is taken when neither figure is taken yet and
    it stands out (DISTINCT) from each figure's best other pair with a figure still free; a pair
    that can be no link (`never`) is no such rival."""
    of_x: dict[int, list[tuple[float, int]]] = defaultdict(list)
    of_y: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for s, i, j in scored:
        if (i, j) not in never:
            of_x[i].append((s, j))
            of_y[j].append((s, i))
    taken_x: set[int] = set()
    taken_y: set[int] = set()

    def runner_up(options: list[tuple[float, int]], partner: int, taken: set[int]) -> float:
        return max((s for s, k in options if k != partner and k not in taken), default=0.0)

    out = []
    for s, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i in taken_x or j in taken_y:
            continue
        if s >= DISTINCT * max(runner_up(of_x[i], j, taken_y), runner_up(of_y[j], i, taken_x)):
            taken_x.add(i)
            taken_y.add(j)
            out.append((s, i, j))
    return sorted(out, key=lambda t: (t[1], t[2]))


DISTINCT = 1.2  # the best partner must score this many times the runner-up on either side: among
# many alike candidates (a box score's small counts) no single one is the figure's counterpart


NEAR = 0.2  # values this share apart or more are no closer than any two others


def closeness(x: Claim, y: Claim) -> float:
    """How near two values are, 1 (equal) to 0 (NEAR apart or more, or not comparable): the same
    fact told by two outlets mostly differs by a little, two facts of one kind by a lot."""
    if x.value is None or y.value is None or x.unit != y.unit:
        return 0.0
    return max(0.0, 1.0 - delta_pct(x, y) / 100 / NEAR)


def document_pairs(docs: dict[str, list[Figure]]) -> list[tuple[str, str]]:
    """Every pair of documents in a block of a few; in a large block (a measure that many
    documents of one story report), each document with its nearest neighbours in time, so
    the work stays linear in the number of documents."""
    names = sorted(docs)
    if len(names) <= ALL_PAIRS:
        return list(combinations(names, 2))
    names.sort(key=lambda d: (min((f.claim.as_of or "" for f in docs[d]), default=""), d))
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:i + 1 + NEIGHBOURS]]
