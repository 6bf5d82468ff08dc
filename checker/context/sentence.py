"""One sentence's tokens and cue hits, and what they say about each claim inside it."""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from itertools import accumulate

from factlint.checker.context import about
from factlint.checker.context.cues import Hit, tokenize
from factlint.checker.context.nearby import Nearby
from factlint.checker.model import Claim

YEAR_END = "year-end"  # a qualifier cue that sets the as-of date instead of staying a tag
GENERIC = "generic:"  # key prefix in the kinds table marking a generic measure
ALL_KINDS = ("money", "percent", "date", "quantity", "number")
DATELINE = re.compile(r"[ \t]*[–—-][ \t]")
BOUNDARY = {";", ":", "(", ")", ",", "–"}
BOUNDARY_COST = 3.0
MEASURE_REACH = 8.0  # a cue further away than this says nothing about the claim …
FAR_REACH = 24.0  # … unless another figure of its kind stands between them
QUALIFIER_REACH = 7.0
ASIDE_REACH = 12  # tokens searched for the brackets of the aside a year stands in
CLAUSE_REACH = 20.0  # an adverb of time opening a clause ("ursprünglich", "previously") scopes the clause
SCOPING = {"prior", "plan", "next"}
PERIOD = "period:"
SCOPE_TAGS = {"world", "national"}  # where a figure holds
ADJACENT = 1.0  # "um 4,5 Prozent", "by 20%": a change, not a level
ADJACENT_TAGS = {"delta", "level", "issued"}
UNTIL = "until"  # "bis Freitag", "until the end of 2028": the end of a period, a date of another kind
SINCE = "since"  # "seit 2008", "the worst since 1991": the start of a period, what a statement is measured from
UNTIL_REACH = 4.0
DELTA = "delta"  # "um", "by" right before a figure: a change; right before a year, the end of a period ("by 2029")
DEADLINE_GAP = 2  # tokens between such a word and the year ("bis Ende 2028")
PRIOR = "prior"  # a figure of an earlier period ("im Vorjahr", "a year earlier")
SAID = "said"  # "said on Tuesday", "teilte am Dienstag mit": the day a statement was made, no event of the story
DATE_TAGS = {"issued", UNTIL, SINCE, SAID}  # tags a date only takes: when a text appeared, a period's end or start, a statement
NEW = "new"  # right after a count: an increment of a running total ("18 new cases", "18 neue Fälle")
AMOUNT_TAGS = {"extra", NEW}  # tags a date never takes: "20 weitere Maschinen", "another 2 % on Wednesday"
ARTICLE_ONES = {"one", "ein", "eine", "einer", "einen", "a", "an"}
ONE_IN = frozenset({"in", "von"})  # "one in eight", "einer von acht": the word between a share's parts
REGION_REACH = 10.0
VARIANT_REACH = 5  # tokens between a specification and the price it qualifies
AFTER_REGION = 3.0  # a place named after the figure more often qualifies something else  # "In Österreich zählte der Anbieter zuletzt 300.000 Kunden"
SUBJECT_REACH = 9.0
AGE = "age"
SEX = "sex:"  # tags of a person's sex, taken by an age only
PERSONAL = {AGE}  # measures of a person: the name beside the figure says whose it is
NOUN_OF = "@"  # joins a denominator noun to its language
PERSON_REACH = 4  # tokens searched either side for that name
COMPARATOR_REACH = 60.0  # "höher als bei Huoshan … 7 Mio.": the nearest comparator this far back names the subject


class Sentence:
    """One sentence's tokens and cue hits, and the claims inside it."""

    def __init__(self, text: str, start: int, end: int, claims: list[Claim], find_hits, published: str | None,
                 kinds: dict[str, set[str]], lang: str = "en", noise: frozenset[str] = frozenset(),
                 per=None, periods: dict[str, str] | None = None, bases: frozenset[str] = frozenset(),
                 pronouns: frozenset[str] = frozenset(), relatives: frozenset[str] = frozenset()):
        self.text = text
        self.relatives = relatives
        self.per, self.periods = per, periods or {}
        self.bases = bases
        self.pronouns = pronouns
        self.lang = lang
        self.noise = noise
        self.tokens = tokenize(text, start, end)
        self.words = [t[2].lower() for t in self.tokens]
        self.hits: list[Hit] = find_hits(self.words, [t[2] for t in self.tokens])
        self.claims = claims
        self.published = published
        self.kinds = kinds
        # Parenthesised asides ("(rund 420 Mio. Dollar)") are skipped when measuring distances
        # between words outside them.
        if "(" in self.words:
            depth, self.inside = 0, []
            for w in self.words:
                depth += w == "("
                self.inside.append(depth > 0 or w == ")")
                depth = max(0, depth - (w == ")"))
        else:  # no aside: only a stray ")" stands apart
            self.inside = [w == ")" for w in self.words]
        crossings = (int(w in BOUNDARY and not aside) for w, aside in zip(self.words, self.inside))
        self.boundary_prefix = list(accumulate(crossings, initial=0))
        self.aside_prefix = list(accumulate(map(int, self.inside), initial=0))
        self.starts = [t[0] for t in self.tokens]
        self.spans = {id(c): self.token_span(c) for c in claims}
        self.qualifier_cache: dict[int, set[str]] = {}
        self.figure_at: dict[int, Claim] | None = None  # token index -> the claim it belongs to, built on first use
        self.word_at: list[int] | None = None  # the tokens that are words with lemma parts, built on first use
        self.index_neighbours()

    def index_neighbours(self) -> None:
        """What the questions below look up, so that each looks at the cues and figures near a
        claim only (checker/context/nearby.py) and a sentence of thousands of figures (a table
        row, minified HTML) stays linear."""
        flat = [t - a for t, a in enumerate(self.aside_prefix)]
        inside = self.inside + [False]  # a claim may end past the last token
        self.near_hits = Nearby(self.hits, lambda h: (h.first, h.last), inside, flat)
        self.near_of: dict[tuple[str, ...], Nearby] = {}  # the same, for some categories of hits only
        self.inside_flat = inside, flat
        spans = self.spans  # (not `self`: a sentence referring to itself would wait for the cyclic collector)
        self.near_claims = Nearby(self.claims, lambda o: spans[id(o)], inside, flat)
        self.by_id = {o.id: o for o in self.claims}
        self.year_of = {id(o): _year_of(o) for o in self.claims}  # each figure is a neighbour of several
        self.last_cues: dict[str, str | None] = {}
        self.owners: dict[tuple[int, int], set[int]] = {}
        self.kind_tokens: dict[str, list[tuple[int, int, int]]] = {}  # each kind's figures by token, on first use
        self.figure_keys: dict[int, str | None] = {}
        self.stated: dict[int, str | None] = {}  # the date the sentence states for its figures, per aside, on first use
        self.aside_at: list[int] | None = None  # token index -> the relative clause it stands in (0: none), on first use

    # What only some questions ask about (a comparator, a clause's opening, a name after a
    # figure), made on first use: most sentences hold one or two figures and are never asked.

    @cached_property
    def starts_of_kind(self) -> dict[str, list[int]]:
        starts: dict[str, list[int]] = {}
        for o in sorted(self.claims, key=lambda o: o.start):
            starts.setdefault(o.kind, []).append(o.start)
        return starts

    @cached_property
    def first_end(self) -> dict[str, int]:
        return {kind: min(o.end for o in self.claims if o.kind == kind) for kind in self.starts_of_kind}

    @cached_property
    def first_ratio(self) -> int | None:
        return min((h.last for h in self.hits if h.category == "ratio"), default=None)

    @cached_property
    def counted_at(self) -> set[int]:
        return {self.spans[id(o)][1] + 1 for o in self.claims if o.kind == "number"}

    def hits_near(self, categories: tuple[str, ...], first: int, last: int, reach: float) -> list[Hit]:
        """`near_hits.near` of the hits of `categories` only: a question about comparators 60
        words around a figure does not walk every measure cue on the way."""
        index = self.near_of.get(categories)
        if index is None:
            index = self.near_of[categories] = Nearby([h for h in self.hits if h.category in categories],
                                                      lambda h: (h.first, h.last), *self.inside_flat)
        return index.near(first, last, reach)

    def inserted_clauses(self) -> tuple[list[float] | None, list[int] | None, list[bool] | None]:
        """What comma-enclosed insertions without a figure ("Core inflation, which strips out
        food and energy, slowed to 3.1 %") add to distances, as prefix sums: an insertion, or a
        run of them, counts as one word, so the words around it stand as near as the syntax puts them."""
        commas = [t for t, w in enumerate(self.words) if w == "," and not self.inside[t]]
        if len(commas) < 2:
            return None, None, None
        figure_tokens = self.figure_at
        saved = [0.0] * len(self.words)
        starts = [0] * len(self.words)
        within = [False] * len(self.words)
        closed = -1  # the comma that closed the last insertion: a run of insertions is one
        for p, q in zip(commas, commas[1:]):
            if q - p > 1 and not any(t in figure_tokens for t in range(p, q)):
                starts[p] = int(p != closed)
                saved[p] = saved[q] = BOUNDARY_COST
                for t in range(p + 1, q):
                    saved[t], within[t] = 1.0, True
                closed = q
        prefix, count = [0.0], [0]
        for t in range(len(self.words)):
            prefix.append(prefix[-1] + saved[t])
            count.append(count[-1] + starts[t])
        return prefix, count, within

    def syntactic_cost(self, t: int, span: tuple[int, int]) -> float:
        """`cost` with comma-enclosed insertions between the word and the claim counted as one word."""
        base = self.cost(t, t, span)
        if self.within is None:
            return base  # no insertion in the sentence
        i, j = span
        lo, hi = (t + 1, i) if t < i else (j + 1, t)
        if hi <= lo or self.inside[t] or self.inside[i] or self.within[t] or self.within[i]:
            return base
        return base - (self.clause_prefix[hi] - self.clause_prefix[lo]) + (self.clause_starts[hi] - self.clause_starts[lo])

    def inserted_cost(self, t: int, span: tuple[int, int]) -> float:
        """`syntactic_cost`: comma-enclosed insertions between the word and the figure count as
        one word ("Core inflation, which strips out food and energy, slowed to 3.1 %")."""
        self.index_insertions()  # (not the words' lemmas: a profile's, not needed here)
        return self.syntactic_cost(t, span)

    def token_span(self, c: Claim) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.starts, c.start) - 1, 0)
        j = max(bisect.bisect_left(self.starts, c.end) - 1, i)
        return i, j

    def cost(self, first: int, last: int, span: tuple[int, int], words: int = 1) -> float:
        """How far a cue at tokens [first, last] is from a claim at tokens span."""
        i, j = span
        if last < i:
            lo, hi, after = last + 1, i, 0.0
        elif first == j + 2 and self.words[j + 1] == "-" or first == j + 1:
            return -0.5 - 1.5 * (words - 1)  # the noun right after it, or joined by a hyphen: "sieben Tote", "27-Jährige"
        elif first > j:
            lo, hi, after = j + 1, first, 0.5
        else:
            return -1.5 * (words - 1)
        gap = hi - lo
        crossings = self.boundary_prefix[hi] - self.boundary_prefix[lo]
        if not self.inside[i] and not self.inside[first]:
            gap -= self.aside_prefix[hi] - self.aside_prefix[lo]
        else:
            crossings += 1 if self.inside[i] != self.inside[first] else 0
        return gap + BOUNDARY_COST * crossings - 1.5 * (words - 1) + after

    def annotate(self, profiles: bool = True) -> None:
        """Each claim's context; its profile (`about`) too with `profiles`."""
        for c in self.claims:
            span = self.spans[id(c)]
            c.measure = self.measure(c, span)
            aged = self.apposition(c, span)
            if aged and (c.measure is None or c.measure.startswith("noun:")):
                c.measure = AGE
            tags = self.qualifiers(c, span)
            c.as_of = self.as_of(c, YEAR_END in tags)
            if c.kind != "date" and c.as_of and (c.as_of != self.published or self.stated_day(c)):
                tags.add("dated")  # the sentence states when the figure holds (its article's own day too)
            if c.kind == "date" and c.date and c.date == self.published:
                tags.add("today")  # the article's own day ("Analyse vom 7. Februar" in an article of that day)
            self.qualifier_cache[id(c)] = tags - {YEAR_END}
            c.subject = self.subject(c, span)
            if c.measure in PERSONAL:
                self.qualifier_cache[id(c)] |= {"who:" + name for name in self.person(c, span)}
            c.qualifiers = sorted(set(c.qualifiers) | self.qualifier_cache[id(c)])
            if not profiles:
                continue
            c.about = self.about(c, span)
            if aged:
                c.about["=" + AGE] = max(c.about.get("=" + AGE, 0.0), about.LABEL_WEIGHT)

    def apposition(self, c: Claim, span: tuple[int, int]) -> bool:
        """A small bare number set off right after a name is that person's age, in the
        convention of news writing in many languages: "Anthony Smith, 38, of Troy",
        "Anna K. (27)"."""
        i, j = span
        if c.kind != "number" or c.value is None or not 0 < c.value < 120 or not c.surface.isdigit() or i < 2:
            return False
        opened, name = self.words[i - 1], self.tokens[i - 2][2]
        closing = self.words[j + 1] if j + 1 < len(self.words) else "."
        pair = {",": (",", ".", ";"), "(": (")",)}.get(opened)
        return bool(pair) and closing in pair and name[:1].isupper() and name[:1].isalpha()

    def about(self, c: Claim, span) -> dict[str, float]:
        """The claim's open-vocabulary profile (checker/context/about.py): the words near it
        (a bounded window, so a sentence of thousands of figures stays linear), the lexicon's
        measure cues near it and the sentence's other figures. Each word is split into its
        lemma parts once per sentence, and its distance is one subtraction of prefix sums
        (`position_key`) wherever no aside or insertion is involved."""
        i, j = span
        reach = int(about.REACH) + 1  # a word further off costs more than REACH
        if self.word_at is None:
            self.index_words()
        lo, hi = max(0, i - reach), min(len(self.tokens), j + reach)
        a, b = bisect.bisect_left(self.word_at, lo), bisect.bisect_left(self.word_at, hi)
        key, plain = self.position_key, self.plain
        if plain[i]:
            left, right = key[i], key[j + 1] - 0.5
            words = [(left - key[t + 1] if t < i else key[t] - right if t > j + 2 else self.syntactic_cost(t, span), parts)
                     if plain[t] else (self.syntactic_cost(t, span), parts)
                     for t, parts in zip(self.word_at[a:b], self.word_parts[a:b])]
        else:
            words = [(self.syntactic_cost(t, span), parts) for t, parts in zip(self.word_at[a:b], self.word_parts[a:b])]
        firsts, cues = self.label_cues["event" if c.kind == "date" else "measure"]
        window = cues[bisect.bisect_left(firsts, lo):bisect.bisect_left(firsts, hi)]
        if plain[i]:  # `cost` as one subtraction of `cue_key`s where no aside is involved
            cue_key, inside = self.cue_key, self.inside
            left, right = cue_key[i], cue_key[j + 1] - 0.5
            labels = [((left - cue_key[last + 1] if last < i else cue_key[first] - right) - short, label)
                      if (last < i or first > j + 2) and not inside[first]
                      else (self.cost(first, last, span, n), label) for first, last, n, short, label in window]
        else:
            labels = [(self.cost(first, last, span, n), label) for first, last, n, _, label in window]
        kept = [not self.nearer_other(first, last, n, c, span, d) for (d, _), (first, last, n, *_r) in zip(labels, window)]
        if not all(kept):
            labels = [x for x, keep in zip(labels, kept) if keep]
            window = [x for x, keep in zip(window, kept) if keep]
        if "level" in self.qualifier_cache.get(id(c), ()):
            # "The number of people hurt in … has risen to 23": what a change came to is what
            # the subject of its clause names, however long that subject is
            bp = self.boundary_prefix
            labels = [(min(d, 1.0), label)
                      if first < i and bp[first] == bp[i] and not self.inside[first] else (d, label)
                      for (d, label), (first, *_rest) in zip(labels, window)]
        partners = {r.other for r in c.relations}
        seen, figures, me = set(), [], id(c)
        for other, other_id, key in self.figure_seq[bisect.bisect_left(self.figure_tokens, lo):
                                                    bisect.bisect_left(self.figure_tokens, hi)]:
            if other not in seen:  # a figure of several tokens counts once
                seen.add(other)
                if key and other != me and other_id not in partners:
                    figures.append(key)
        return about.weigh(words, figures, labels, c.counted, self.lang, self.noise)

    def index_insertions(self) -> None:
        """Which tokens are figures (and whose), and what comma-enclosed insertions save
        (`syntactic_cost`), once."""
        if self.figure_at is not None:
            return
        self.figure_at = {}
        for o in self.claims:
            first, last = self.spans[id(o)]
            for t in range(first, last + 1):
                self.figure_at[t] = o
        self.clause_prefix, self.clause_starts, self.within = self.inserted_clauses()

    def index_words(self) -> None:
        """`index_insertions`, and which tokens are words (with their lemma parts, only those
        that carry any), in token order, once; and `position_key`, the prefix sums that make
        `syntactic_cost` one subtraction."""
        self.index_insertions()
        self.figure_tokens = sorted(self.figure_at)
        self.figure_seq = [(id(o), o.id, self.figure_key(o)) for o in map(self.figure_at.__getitem__, self.figure_tokens)]
        self.word_at, self.word_parts = [], []
        for t, w in enumerate(self.words):
            if t not in self.figure_at and w[:1].isalpha() and w not in self.noise:
                parts = about.lemma_parts(self.tokens[t][2], self.lang)
                if parts:  # a word without parts adds nothing to a profile
                    self.word_at.append(t)
                    self.word_parts.append(parts)
        self.position_keys()

    def position_keys(self) -> None:
        """For tokens t < u outside asides and insertions (`plain`), `syntactic_cost` of a word at
        t from a figure starting at u is key[u] - key[t + 1], and of a word at u from a figure
        ending at t (u > t + 2) key[u] - key[t + 1] + 0.5: the gap in tokens outside asides plus
        three per clause boundary crossed, less what insertions between them save."""
        n = len(self.words)
        self.label_cues = {}
        for category in ("measure", "event"):
            cues = [(h.first, h.last, h.words, 1.5 * (h.words - 1), h.label) for h in self.hits if h.category == category]
            self.label_cues[category] = ([first for first, *_ in cues], cues)
        self.cue_key = [x - aside + BOUNDARY_COST * boundary
                        for x, aside, boundary in zip(range(n + 1), self.aside_prefix, self.boundary_prefix)]
        if self.within is None:  # no insertion (most sentences): the two keys are one
            self.plain = [not inside for inside in self.inside] + [False]
            self.position_key = self.cue_key
            return
        self.plain = [not (inside or within) for inside, within in zip(self.inside, self.within)] + [False]
        self.position_key = [key - saved + starts
                             for key, saved, starts in zip(self.cue_key, self.clause_prefix, self.clause_starts)]

    def figure_key(self, o: Claim) -> str | None:
        """`about.figure_key`, once per figure (a figure is a neighbour of up to 2 × REACH others)."""
        if id(o) not in self.figure_keys:
            self.figure_keys[id(o)] = about.figure_key(o)
        return self.figure_keys[id(o)]

    def measure(self, c: Claim, span) -> str | None:
        category = "event" if c.kind == "date" else "measure"
        if c.kind == "date" and DATELINE.match(self.text, c.end):
            return None  # "Hangzhou, 4. Februar 2026 – …": the article's own date, no event
        # The ranking below in short: a specific cue within MEASURE_REACH that no other figure
        # owns is always taken, so the nearest of those (found among the cues that near) wins
        # before any further one is weighed.
        close = [(cost, -h.words, h.label, h.first) for h in self.hits_near((category,), *span, MEASURE_REACH)
                 if c.kind in self.kinds.get(h.label, {c.kind}) and GENERIC + h.label not in self.kinds
                 and (cost := self.cost(h.first, h.last, span, h.words)) <= MEASURE_REACH
                 and not (cost > 0 and self.owned_elsewhere(h.first, h.last, h.words, c))
                 and not self.nearer_other(h.first, h.last, h.words, c, span, cost)]
        if close:
            return min(close)[2]
        ranked = sorted(((GENERIC + h.label in self.kinds, self.cost(h.first, h.last, span, h.words), -h.words, h.label, h.first), h)
                        for h in self.hits_near((category,), *span, FAR_REACH)
                        if h.category == category and c.kind in self.kinds.get(h.label, {c.kind}))
        for (_, cost, _, label, _), h in ranked:
            if cost > 0 and self.owned_elsewhere(h.first, h.last, h.words, c) or self.nearer_other(h.first, h.last, h.words, c, span, cost):
                continue
            if cost <= MEASURE_REACH or cost <= FAR_REACH and not self.between_other(c, h):
                return label
        if c.counted:
            return "noun:" + c.counted.lower()[:6]
        return None

    def nearer_other(self, first: int, last: int, words: int, c: Claim, span, cost: float) -> bool:
        """The cue at tokens [first, last] stands between `c` and another figure of its kind
        that it is nearer to ("18 people had been injured in the violence and 12 arrested"):
        it names that one."""
        i, j = span
        tokens = self.kind_tokens.get(c.kind)
        if tokens is None:
            tokens = self.kind_tokens[c.kind] = sorted(
                (self.spans[id(o)][0], self.spans[id(o)][1], id(o)) for o in self.claims if o.kind == c.kind)
        if last < i:  # the cue before c: the last figure of the kind ending before the cue
            k = bisect.bisect_left(tokens, (first,)) - 1
            while k >= 0 and (tokens[k][2] == id(c) or tokens[k][1] >= first):
                k -= 1
        elif first > j:  # after c: the first figure of the kind starting after it
            k = bisect.bisect_right(tokens, (last, len(self.words), 0))
            while k < len(tokens) and tokens[k][2] == id(c):
                k += 1
            k = k if k < len(tokens) else -1
        else:
            return False
        if k < 0:
            return False
        o_first, o_last, _ = tokens[k]
        return self.cost(first, last, (o_first, o_last), words) < cost

    def owned_elsewhere(self, first: int, last: int, words: int, c: Claim) -> bool:
        """The cue at tokens [first, last] is attached to another figure (the noun right after
        it, joined by a hyphen, inside it: "the 7.1-magnitude quake", "sieben Tote"), so it names
        that figure, not one further off."""
        key = (first, last)
        owners = self.owners.get(key)
        if owners is None:
            owners = self.owners[key] = {id(o) for o in self.near_claims.near(first, last, 1.0)
                                         if self.cost(first, last, self.spans[id(o)], words) <= 0}
        return bool(owners) and id(c) not in owners

    def last_cue(self, c: Claim) -> str | None:
        """The sentence's last cue that could name `c` ("Stichwahl" for "Sie findet am 11. Oktober statt")."""
        if c.kind not in self.last_cues:
            category = "event" if c.kind == "date" else "measure"
            fitting = [h for h in self.hits if h.category == category and c.kind in self.kinds.get(h.label, {c.kind})
                       and GENERIC + h.label not in self.kinds]
            self.last_cues[c.kind] = fitting[-1].label if fitting else None
        return self.last_cues[c.kind]

    def between_other(self, c: Claim, h: Hit) -> bool:
        """Another figure of the same kind stands between the cue and the claim (so the cue is
        more likely its)."""
        lo, hi = sorted((self.tokens[h.first][0], c.start))
        starts = self.starts_of_kind[c.kind]
        return bisect.bisect_left(starts, hi) > bisect.bisect_right(starts, lo)

    def as_of(self, c: Claim, year_end: bool = False) -> str | None:
        """The month the sentence names as its period ("Ende Mai"), else the latest day it
        states, not after the article's own date ("said on Sunday that the landslide on
        Saturday had killed 12": Sunday); a
        year-end figure ("zum Jahresende", "ended the year") holds for December of the year
        last ended, when the article is from its first half."""
        if c.kind == "date":
            return c.date
        stated = self.stated_day(c)
        if stated:
            return stated
        if year_end and self.published:
            year, month = int(self.published[:4]), int(self.published[5:7])
            return f"{year - 1 if month <= 6 else year}-12"
        return self.published

    def stated_day(self, c: Claim) -> str | None:
        """`stated_date` for the figures of `c`'s relative clause (or of the main clause), worked
        out once per clause."""
        aside = self.aside(c)
        if aside not in self.stated:
            self.stated[aside] = self.stated_date(aside)
        return self.stated[aside]

    def stated_date(self, aside: int = 0) -> str | None:
        """The period the sentence states for its figures: a month ("Ende Mai zählte …, sagte er am
        Mittwoch") before a day, the latest of them, none after the reporting day, none that
        is the baseline of a comparison ("3,1 Prozentpunkte mehr als vor sechs Jahren"), and
        none in a relative clause the figures do not stand in ("Tern, which launched in 2023,
        is a $1.14 billion mission": the launch is dated, not the mission's cost)."""
        dates = [d.date for d in self.claims if d.kind == "date" and d.date and len(d.date) in (7, 10)
                 and (self.published is None or d.date[:len(self.published)] <= self.published)
                 and self.aside(d) in (0, aside) and not self.baseline(d)]
        months = [x for x in dates if len(x) == 7]
        return max(months or dates) if dates else None

    def aside(self, c: Claim) -> int:
        """The relative clause a claim stands in (1, 2, … in order), 0 for none: from a comma
        followed by a relative pronoun ("which", "der") to the next comma or the sentence's end."""
        if self.aside_at is None:
            self.aside_at, current = [0] * len(self.words), 0
            opened = 0
            for t, w in enumerate(self.words):
                if w in (",", ";") and current:
                    current = 0
                if w == "," and t + 1 < len(self.words) and self.words[t + 1] in self.relatives:
                    opened += 1
                    current = opened
                self.aside_at[t] = current
        first = self.spans[id(c)][0]
        return self.aside_at[first] if 0 <= first < len(self.aside_at) else 0

    def baseline(self, d: Claim) -> bool:
        """The date right after a comparator, or after it and one short word ("mehr als vor sechs
        Jahren", "more than in May 2020"): what a figure is compared with, not when the sentence's
        figures hold."""
        first = self.spans[id(d)][0]
        gap = first - 1 if first > 0 and len(self.words[first - 1]) > 3 else first - 2
        return any(h.category == "comparator" and h.last in (first - 1, gap)
                   for h in self.hits_near(("comparator",), first, first, 2))

    def subject(self, c: Claim, span) -> str | None:
        i, j = span
        if self.is_ratio_base(c) and not {"prior", "level"} & self.qualifier_cache.get(id(c), set()):
            # "twice the 2 billion yuan Miaoke has set aside": the base is someone else's
            return "other:" + (self.name_after(j, len(self.words)) or self.name_before(i) or "?")
        best = None
        for h in self.hits_near(("other_subject", "comparator"), i, j, max(SUBJECT_REACH, COMPARATOR_REACH)):
            if h.category == "other_subject" and (h.last < i or h.words == 1):
                # a rival noun either side ("Konkurrent Kinoflux kommt auf", "raised by rival Taiming");
                # a phrase ("compared with", "wie bei") only for what follows it
                cost = self.cost(h.first, h.last, span, h.words)
                if cost <= SUBJECT_REACH:
                    name = self.name_after(h.last, i if h.last < i else len(self.words)) or "?"
                    best = min(best or (cost, name), (cost, name))
            elif h.category == "comparator" and h.last < i and self.compares(c, h):
                name = self.name_after(h.last, i)
                cost = self.cost(h.first, h.last, span)
                if name and cost <= COMPARATOR_REACH:
                    best = min(best or (cost, name), (cost, name))
        return "other:" + best[1] if best else None

    def person(self, c: Claim, span: tuple[int, int]) -> list[str]:
        """The name next to a figure that belongs to a person ("Jean Larson, 48", "said
        61-year-old Anargyros Bizianis"), in lower case: two or more capitalised words right
        before or after it, past commas, grammar words and the measure's own cue ("year-old");
        one capitalised word ("the 39-year-old Troy man") is more often a place than a name."""
        i, j = span
        cue = {t for h in self.near_hits.near(i, j, PERSON_REACH + 3) if h.label == c.measure
               for t in range(h.first, h.last + 1)}  # only cues within the words looked at can matter
        for step, t in ((-1, i - 1), (1, j + 1)):
            names: list[str] = []
            for _ in range(PERSON_REACH + 3):
                if not 0 < t < len(self.tokens):
                    break
                word = self.tokens[t][2]
                if word[:1].isupper() and word.isalpha() and word.lower() not in self.noise:
                    names.append(word.lower())
                elif names or not (word in (",", "-") or t in cue or self.article_like(word)):
                    break
                t += step
            if len(names) >= 2:
                return names
        return []

    def article_like(self, word: str) -> bool:
        """A short grammar word a name may stand behind ("a", "the", "der")."""
        lower = word.lower()
        return len(word) <= 4 and (lower in self.noise or lower in ARTICLE_ONES)

    def is_ratio_base(self, c: Claim) -> bool:
        """The figure a ratio word compares with (the later one of the pair); a figure right after
        a level word ("verdreifacht auf 300") is what the change came to, no base (see subject)."""
        ids = self.by_id
        return any(r.type == "ratio" and (not r.other or r.other in ids and ids[r.other].start < c.start)
                   for r in c.relations)

    def name_before(self, i: int) -> str | None:
        for t in range(i - 1, max(-1, i - 4), -1):
            word = self.tokens[t][2]
            if word[:1].isupper() and not word[:1].isdigit():
                return word.lower()
        return None

    def compares(self, c: Claim, h: Hit) -> bool:
        """A comparator has a figure of the same kind before it, or a ratio word ("dreimal so hoch wie")."""
        cut = self.tokens[h.first][0]
        return self.first_end[c.kind] <= cut or self.first_ratio is not None and self.first_ratio < h.first

    def name_after(self, k: int, stop: int) -> str | None:
        """The first capitalised word after token k (before token stop): the other subject's name.
        A noun right after a bare number is what it counts ("über zwölf Monate"), not a name."""
        for t in range(k + 1, min(stop, k + 4)):
            word = self.tokens[t][2]
            if word[:1].isupper() and not word[:1].isdigit() and t not in self.counted_at:
                return word.lower()
        return None

    def qualifiers(self, c: Claim, span) -> set[str]:
        tags: set[str] = set()
        regions = []
        for h in self.hits_near(("qualifier", "region"), *span, max(REGION_REACH, CLAUSE_REACH)):
            if h.category not in ("qualifier", "region"):
                continue
            mine = self.cost(h.first, h.last, span, h.words)
            if h.category == "qualifier" and mine > QUALIFIER_REACH and h.last < span[0]:
                mine = min(mine, self.inserted_cost(h.last, span))
            if not _takes(c, h.label):
                continue
            reach = {"region": REGION_REACH}.get(h.category, ADJACENT if h.label in ADJACENT_TAGS else QUALIFIER_REACH)
            if h.label in (UNTIL, SINCE):
                if h.last >= span[0] or self.opens_clause_between(h.last, span[0]):
                    continue  # "since it started on Tuesday": a clause of its own, whose day is an event
                reach = UNTIL_REACH
            if h.label == SAID:
                reach = UNTIL_REACH
            if h.category == "qualifier" and h.label in SCOPING and self.opens_clause(h, c, span):
                reach = CLAUSE_REACH
            if h.label.startswith(PERIOD) or h.label in SCOPE_TAGS:
                reach = CLAUSE_REACH  # a reporting period scopes its sentence's figures ("its outlook for the full year, saying it still sees …")
            if mine > reach:
                continue
            # a scope ("landesweit", "worldwide") is where the nearest figure of each kind holds
            # ("landesweit bei 68,2 Dezitonnen, gut 13 Prozent weniger als im Vorjahr")
            others = [self.spans[id(o)] for o in self.near_claims.near(h.first, h.last, reach)
                      if o.kind != "date" and (h.label not in SCOPE_TAGS or o.kind == c.kind)]
            nearest = min((self.cost(h.first, h.last, s, h.words) for s in others
                           if s[1] < h.first or s[0] > h.last), default=mine)  # not a number inside the cue ("seven days")
            if h.label == NEW and h.first != span[1] + 1:
                continue  # "the new bridge will cost …" is no increment
            if h.label in AMOUNT_TAGS and h.first > span[1] + 1:
                continue  # "23 Schafe gerissen, weitere mussten …": others, unless right after it ("20 weitere Maschinen")
            if h.label.startswith(SEX) and h.first <= span[1]:
                continue  # "a 63-year-old woman": the person comes after the age ("the age for women to 65" is none)
            if h.label in ADJACENT_TAGS and h.last >= span[0]:
                continue  # "um"/"auf" mark the figure they stand before, not the one before them
            if h.label.startswith("window-") and c.kind != "percent":
                continue  # a trailing window ("seven days") qualifies a change
            if h.label == PRIOR and h.first > span[1] and self.base_of_change(h):
                continue  # "rose 5.8 % from a year earlier": the change measured from then, no figure of then
            if mine <= nearest + 2:
                if h.category == "region":
                    regions.append((mine + (AFTER_REGION if h.first > span[1] else 0), h.label))
                else:
                    tags.add(h.label)
        if regions:
            tags.add("region:" + min(regions)[1])  # the nearest place names the scope
        for y in self.years(c, "level" in tags):
            tags.add("year:" + y)
        per = self.denominator(c)
        if per:
            tags.add("per:" + per)
        variant = self.variant(c, span)
        if variant:
            tags.add("variant:" + variant)
        if self.fragment(span) or _year_of(c) and c.kind == "number":
            tags.add("fragment")
        else:
            other_half = _score_pair(self.text, c.start, c.end)
            if other_half is not None:  # a part of a score, a tally or a record: compared with other such parts
                tags |= {"pair", "with:" + other_half}  # whose other part is the same ("45-35", "45-36")
        return tags

    def opens_clause(self, h: Hit, c: Claim, span: tuple[int, int]) -> bool:
        """The cue stands before the figure in its clause with no other figure between them
        ("Ursprünglich hatte die Kämmerei im Sommer mit einem Loch von 62 Millionen gerechnet"):
        an adverb of time there scopes the whole clause."""
        i = span[0]
        if h.last >= i or self.boundary_prefix[h.last + 1] != self.boundary_prefix[i] or self.inside[h.first]:
            return False
        starts = self.starts_of_kind[c.kind]
        lo, hi = self.tokens[h.last][1], self.tokens[i][0]
        return bisect.bisect_left(starts, hi) == bisect.bisect_left(starts, lo)

    def denominator(self, c: Claim) -> str | None:
        """The unit a rate is per ("218 Euro je Tonne" → tonne, "$25m a day" → day), in one
        name for every language where it is a period."""
        if self.per is None or c.kind == "date":
            return None
        m = self.per.match(self.text, c.end, min(len(self.text), c.end + 40))
        if not m:
            return None
        word = next(g for g in m.groups() if g).lower()
        if word in self.periods:
            return self.periods[word]
        # a noun is a word of its language: "per:stammaktie@de" tells nothing against "per:share@en"
        return f"{about.lemmatize(word, self.lang).lower()}{NOUN_OF}{self.lang}" if m.group(1) else None

    def variant(self, c: Claim, span) -> str | None:
        """The specification a price is for: a quantity just before it in the sentence
        ("mit 256 GB Speicher 949 Euro", "the 512GB version costs €1,099")."""
        if c.kind != "money":
            return None
        before = [(self.spans[id(o)][1], o) for o in self.near_claims.near(*span, VARIANT_REACH)
                  if o.kind == "quantity" and o.unit and o.value is not None
                  and 0 < span[0] - self.spans[id(o)][1] <= VARIANT_REACH]
        if not before:
            return None
        o = max(before, key=lambda t: t[0])[1]
        return f"{o.value:g} {o.unit}"

    def fragment(self, span) -> bool:
        """Not a figure of its own: a piece of a larger expression that extraction split ("05"
        of "2:05:41", "25" of a 25-7 record), a bare "one"/"ein" that is more likely a pronoun,
        a year read as a number."""
        i, j = span
        text, start, end = self.text, self.tokens[i][0], self.tokens[j][1]
        if text[start - 2:start - 1].isdigit() and text[start - 1:start] == ":" or (
                text[end:end + 1] == ":" and text[end + 1:end + 2].isdigit()):
            return True
        if i >= 2 and self.words[i - 1] in ONE_IN and (self.words[i - 2] in ARTICLE_ONES or self.words[i - 2] == "1"):
            return True  # "one in eight", "einer von acht": a share, not a count of eight
        return bool(re.fullmatch(r"[^\W\d_]+", self.words[i])) and i == j and self.words[i] in ARTICLE_ONES

    def years(self, c: Claim, level: bool = False) -> list[str]:
        """Years stated next to the figure ("sales of $2.6 billion in 2024"); for a level, also
        the year it is to reach ("bis Ende 2027 auf 812 Millionen Euro steigen")."""
        out = []
        span = self.spans[id(c)]
        for o in self.near_claims.near(*span, QUALIFIER_REACH):
            if o is c:
                continue
            year = self.year_of[id(o)]
            if (year and self.cost(*self.spans[id(o)], span) <= QUALIFIER_REACH
                    and not self.own_statement(o, c) and (level or not self.deadline(o))):
                out.append(year)
        return out

    def opens_clause_between(self, after: int, before: int) -> bool:
        """A pronoun between a conjunction and a date ("since it started on Tuesday", "bis sie am
        Freitag öffnet") makes the words between a clause, not a period's start or end."""
        return any(w in self.pronouns for w in self.words[after + 1:before])

    def base_of_change(self, h: Hit) -> bool:
        """A prior-period word right after a base word ("from a year earlier", "gegenüber dem
        Vorjahr"): what a change is measured from."""
        return any(w in self.bases for w in self.words[max(0, h.first - 2):h.first])

    def deadline(self, year: Claim) -> bool:
        """The year ends a period ("bis Ende 2028", "until 2030", "by 2029"): the day something
        is to be done by, itself a fact to compare, not the year a figure beside it is of."""
        first = self.spans[id(year)][0]
        return any(h.label in (UNTIL, DELTA) and first - DEADLINE_GAP <= h.last < first
                   for h in self.hits_near(("qualifier",), first, first, DEADLINE_GAP))

    def own_statement(self, year: Claim, c: Claim) -> bool:
        """The year stands in a parenthesised aside that holds another figure, a statement of its
        own ("Der Mietindex (2020 = 100) erreichte 121,6 Punkte": the index's base year), not
        the year of a figure outside it."""
        first = self.spans[id(year)][0]
        if not self.inside[first] or self.inside[self.spans[id(c)][0]]:
            return False
        lo = next((t for t in range(first, max(-1, first - ASIDE_REACH), -1) if self.words[t] == "("), first)
        hi = next((t for t in range(first, min(len(self.words), first + ASIDE_REACH)) if self.words[t] == ")"), first)
        return any(o is not year and o is not c and lo < self.spans[id(o)][0] < hi for o in self.near_claims.near(lo, hi, 0))


def _takes(c: Claim, tag: str) -> bool:
    """Whether a claim of its kind can carry the tag: only a date is the day a text appeared,
    a period's end or start or a statement's day; a date is never an amount on top of another."""
    if tag in DATE_TAGS:
        return c.kind == "date"
    if tag.startswith(SEX):
        return c.measure == AGE  # the sex of the person whose age it is
    return c.kind != "date" or tag not in AMOUNT_TAGS


PAIR_AFTER = re.compile(r"[-–](\d+)(?![\d.,]\d)")
PAIR_LEFT = re.compile(r"(?<![\d.,])(\d+)[-–]$")


def _score_pair(text: str, start: int, end: int) -> str | None:
    """The other part and the figure's slot ("_-53" for 65 in "65-53", "65-_" for 53), when a
    figure is one of two bare integers joined by a dash, the larger
    first: a score, a tally or a record ("won 65-53", "voted 6-3", "improved to 25-7"), whose
    parts are no figures of their own. A range is written the other way round ("10-12
    people"), a span of years too ("1995-99" is read as neither)."""
    own = text[start:end]
    if not own.isdigit():
        return None
    after = PAIR_AFTER.match(text, end)
    before = PAIR_LEFT.search(text, max(0, start - 8), start)
    first, second = (own, after.group(1)) if after else (before.group(1), own) if before else (None, None)
    if first is None or len(first) == 4 and len(second) <= 2 or int(first) < int(second):
        return None
    return "_-" + second if first == own else first + "-_"  # its slot too: 44 in "44-26" is not 44 in "47-44"


def _year_of(c: Claim) -> str | None:
    if c.kind == "date" and c.date and len(c.date) in (4, 7):  # "2023", "Februar 2023"
        return c.date[:4]
    if c.kind == "number" and c.value and c.value.is_integer() and 1900 <= c.value <= 2100 and c.surface.strip().isdigit():
        return str(int(c.value))
    return None
