"""Dates: absolute, partial and relative to the published date.

`find_dates(text, pack, published)` returns date claims (kind "date", value null,
`date` as YYYY-MM-DD, YYYY-MM or YYYY). What it reads:

- absolute dates in the shapes both languages use (6. Februar 2026, Feb. 6, 2026,
  06.02.2026, 2026-02-06, 02/06/2026 in the pack's numeric order, 05-Aug-2016) and
  partial ones (Februar 2026, 2016-05, "im Jahr 2025", "seit 2019");
- a weekday stated with a date ("Montag, 2. Februar", "am Montag (2. Februar)"):
  kept on the claim as written, with `weekday_mismatch` when the calendar disagrees;
- relative dates (heute, am Montag, letzte Woche Dienstag, in drei Wochen, last
  Friday, this year), resolved against `published`. Without a published date they are
  not claimed: a date the text does not fix is not invented.

A date without its year takes the year that puts it nearest the published date (a
weekday written with it may pick a neighbouring year it fits). When the published date
is unknown, the article's own full dates (or its month-and-year dates) stand in; when
even that is unknown the claim keeps `date` null, and `settle_years` may later give it
the year of the collection it is checked with.

`infer_published(doc, pack)` reads the date an article gives itself near its top
(a "Stand:" or "Published" line, a dateline, a full date in the title or lead);
`date_unknown_published` applies it to a document that has no published date.

How it reads: `grammar.py` builds, once per pack, a trie of every trigger word (month,
weekday, unit, shift, holiday…) and the patterns; `_scan` finds the triggers and digit
runs in one pass and tries each pattern only there (linear in the text). `calendar.py`
does the arithmetic. Everything language-specific comes from the pack's `dates` rules
(rules/lang/*/dates.toml).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from checker.model import Claim, Document
from checker.normalize.dates.calendar import (
    When, add_months, day_with_weekday, full_year, holiday, nearest_year, nth_weekday, shift, valid,
    weekday_after, weekday_before, weekday_in_week,
)
from checker.normalize.dates.grammar import WORD_TOKEN, Grammar, fold, grammar_for
from rules.schema import LanguagePack

__all__ = ["find_dates", "infer_published", "date_unknown_published", "settle_years"]


@dataclass
class Hit:
    start: int
    end: int
    when: When | None = None           # resolved, or the stated parts when year is None
    month: int | None = None           # a date stated without its year: month and day
    day: int | None = None
    weekday: str | None = None         # weekday as written beside the date
    weekday_index: int | None = None
    explicit: bool = False             # a full date with its year: anchors the others
    consumed: tuple[int, int] | None = None  # a weekday in "Montag (2. Februar)", read here


def find_dates(text: str, pack: LanguagePack, published: dt.date | None) -> list[Claim]:
    """The date claims of `text`, in text order, none overlapping another."""
    g = grammar_for(pack)
    scan = _scan(text, g)
    hits = _absolute(text, g, published, scan)
    if published is not None:
        hits += _relative(text, g, published, scan)
    ref = published or _anchor(hits)
    for h in hits:
        if h.when is None and h.month is not None and ref is not None:
            year = nearest_year(h.month, h.day, ref, h.weekday_index)
            h.when = When(year, h.month, h.day) if year else None
    claims = []
    for h in _longest_first(hits):
        if h.when is None and h.month is None:
            continue
        claim = Claim(start=h.start, end=h.end, surface=text[h.start:h.end], kind="date",
                      date=h.when.iso() if h.when else None)
        if h.weekday is not None:
            claim.weekday = h.weekday
            d = h.when.as_date() if h.when else None
            claim.weekday_mismatch = d is not None and d.weekday() != h.weekday_index
        claims.append(claim)
    return claims


def infer_published(doc: Document, pack: LanguagePack) -> dt.date | None:
    """The date an article gives itself near its top, or None when it does not say.

    Read, in this order: a line that starts with a published cue ("Stand:",
    "Published", "Aktualisiert") within the first twelve lines; else a full date (day,
    month and year) in the first two non-empty lines (title and dateline or lead).
    """
    g = grammar_for(pack)
    text = doc.scan or doc.text
    lines = [m.group() for m in re.finditer(r"[^\n]*\S[^\n]*", text[:4000])][:12]
    cued = [line for line in lines if g.published_line.search(line)]
    for line in cued + lines[:2]:
        full = _first_full_date(line, g)
        if full:
            return full
    return None


def _first_full_date(line: str, g: Grammar) -> dt.date | None:
    hits = sorted((h for h in _absolute(line, g, None, _scan(line, g)) if h.explicit and h.when and h.when.day),
                  key=lambda h: h.start)
    return hits[0].when.as_date() if hits else None


# ---------------------------------------------------------------------------- the scan

@dataclass
class Scan:
    """Every pattern's matches: `found[name]` for the fixed shapes, `phrases` for the
    pack's relative-date phrases. Matched on a lower-cased copy of the same length."""

    found: dict[str, list[re.Match]]
    phrases: list[tuple[object, re.Match]]


_DIGIT_CLASS = {1: "digits2", 2: "digits2", 4: "digits4", 8: "digits8"}
_DIGITS = re.compile(r"\d+")


def _scan(text: str, g: Grammar) -> Scan:
    low = text.lower()
    if len(low) != len(text):  # a few letters grow when lower-cased (İ); keep those as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    where: dict[str, list[tuple[int, int]]] = {}
    starts: list[int] = []  # where each word starts, filled on first need

    def words_before(at: int, n: int) -> list[int]:
        """The starts of the (at most) n words before offset `at`."""
        if not starts:
            starts.extend(m.start() for m in WORD_TOKEN.finditer(low))
        i = bisect.bisect_left(starts, at)
        return starts[max(0, i - n):i]

    for m in g.trigger.finditer(low):
        word = m.group()
        for cls, back in g.classes[word]:
            if (word, cls) in g.multiword:  # a word of a longer entry: is the entry there?
                before = words_before(m.start(), back) if back else [m.start()]
                if len(before) < max(back, 1) or not g.entry[cls].match(low, before[0]):
                    continue
            where.setdefault(cls, []).append((m.start(), back))
    for m in _DIGITS.finditer(low):
        n = m.end() - m.start()
        if n in _DIGIT_CLASS:
            where.setdefault(_DIGIT_CLASS[n], []).append((m.start(), 0))
            if n <= 2 and low[m.end():m.end() + 1] in ("-", "/", "."):
                where.setdefault("digits2sep", []).append((m.start(), 0))
    def tried(cls: str, back: int):
        for at, extra in where.get(cls, ()):
            yield at
            n = back + extra
            if n:
                yield from words_before(at, n)

    found: dict[str, dict[tuple[int, int], re.Match]] = {}
    for name, pattern, cls, back in g.plan:
        spans = found.setdefault(name, {})
        for at in tried(cls, back):
            m = pattern.match(low, at)
            if m:
                spans.setdefault(m.span(), m)
    phrases: dict[tuple[int, int, int], tuple[object, re.Match]] = {}
    for i, (phrase, pattern, cls, back) in enumerate(g.phrase_plan):
        for at in tried(cls, back):
            m = pattern.match(low, at)
            if m:
                phrases.setdefault((i, *m.span()), (phrase, m))
    return Scan({k: list(v.values()) for k, v in found.items()}, list(phrases.values()))


# ----------------------------------------------------------------------- absolute dates

def _absolute(text: str, g: Grammar, published: dt.date | None, scan: Scan) -> list[Hit]:
    hits: list[Hit] = []
    p = scan.found
    for name in ("dmy", "mdy"):
        for m in p.get(name, ()):
            day = _day(m, g)
            month = g.months.get(m.group("month"))
            year = _year(m, published, g)
            if day is None or month is None:
                continue
            end = _end(m, year, g)
            if name == "dmy" and m.group("day"):  # 3. bis 5. März: the first day too
                window = max(0, m.start() - 16)
                first = g.range_before.search(text, window, m.start())
                # both days written alike: "18 bis 5. März" is a time and a date
                if first and _suffixed(text, first.end("day"), g) == _suffixed(text, m.end("day"), g):
                    hits.append(_dated(text, g, first.start("day"), first.end("day"), year, month,
                                       int(first.group("day"))))
            if name == "mdy" and m.group("day") and year is None and end == m.end():  # March 3-5, 2026
                last = g.range_after.match(text, end)
                if last:
                    year = int(last.group("year")) if last.group("year") else None
                    hits.append(_dated(text, g, last.start("day"), last.end("year" if year else "day"), year, month,
                                       int(last.group("day"))))
            hits.append(_dated(text, g, m.start(), end, year, month, day))
    for name in ("my", "ym"):
        for m in p.get(name, ()):
            month, year = g.months.get(m.group("month")), _year(m, published, g)
            if month and year and valid(year, month):
                hits.append(Hit(m.start(), _end(m, year, g), When(year, month), explicit=True))
    for m in p.get("spelled_year", ()):
        year = _spelled_year(m.group("syear"), g)
        if year and _last_words(text, m.start(), 1) & _words(g.rules.year_cues) and _year_in_context(text, m, g):
            hits.append(Hit(m.start(), m.end(), When(year)))
    for m in p.get("ymd_num", ()):
        year, a, b = int(m.group("year")), int(m.group("a")), int(m.group("b"))
        month, day = (a, b) if valid(year, a, b) else (b, a)
        hits.append(_dated(text, g, m.start(), m.end(), year, month, day))
    for m in p.get("compact", ()):
        hits.append(_dated(text, g, m.start(), m.end(), int(m.group("year")), int(m.group("a")), int(m.group("b"))))
    for m in p.get("dmy_num", ()):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("year")
        year = int(y) if len(y) == 4 else full_year(int(y), published)
        day_first = m.group("sep") == "." or g.rules.numeric_order == "dmy"
        day, month = (a, b) if day_first else (b, a)
        if not valid(year, month, day):
            day, month = month, day
        hits.append(_dated(text, g, m.start(), m.end(), year, month, day))
    for m in p.get("dm_dot", ()):
        hits.append(_dated(text, g, m.start(), m.end(), None, int(m.group("b")), int(m.group("a"))))
    for m in p.get("ym_num", ()):
        year, raw = int(m.group("year")), m.group("a")
        if m.group("dot") and re.match(r"\s*[\w%]", text[m.end():m.end() + 3]):
            continue
        if len(raw) == 2 and raw[0] != "0" and int(raw) == (year + 1) % 100:
            continue  # 2011-12: a season or fiscal year, not December
        if valid(year, int(raw)):
            hits.append(Hit(m.start(), m.end(), When(year, int(raw)), explicit=True))
    for m in p.get("my_num", ()):
        year, month = int(m.group("year")), int(m.group("a"))
        if valid(year, month):
            hits.append(Hit(m.start(), m.end(), When(year, month), explicit=True))
    for m in p.get("mixed", ()):
        hit = _mixed(text, g, m)
        if hit:
            hits.append(hit)
    for m in p.get("year", ()):
        if _year_in_context(text, m, g):
            hits.append(Hit(m.start(), m.end(), When(int(m.group("year")))))
    for m in p.get("month_alone", ()):
        if _last_words(text, m.start(), 2) & _words(g.rules.month_cues):
            hits.append(Hit(m.start(), m.end(), month=g.months.get(m.group("month"))))
    return [h for h in hits if h.when is not None or h.month is not None]


def _dated(text: str, g: Grammar, start: int, end: int, year: int | None, month: int, day: int) -> Hit:
    """A dated hit, with a weekday written before it ("Montag, 2. Februar",
    "Montag (2. Februar)") taken in."""
    if year is not None and not valid(year, month, day):
        return Hit(start, end)
    if year is None and not valid(2000, month, day):
        return Hit(start, end)
    hit = Hit(start, end, When(year, month, day) if year else None, month=month, day=day, explicit=year is not None)
    before = text[max(0, start - 32):start]
    m = g.weekday_prefix.search(before)
    paren = None if m else g.weekday_paren.search(before)
    if paren and re.match(r"\s*\)", text[end:end + 4]):
        m = paren
        hit.consumed = (start - len(before) + m.start(), start - len(before) + m.end("weekday") + 1)
    elif m:
        hit.start = start - len(before) + m.start()
    if m:
        hit.weekday = m.group("weekday")
        hit.weekday_index = g.weekdays.get(hit.weekday)
        if hit.weekday_index is None:
            hit.weekday_index = g.weekday_abbr.get(hit.weekday)
    return hit


def _suffixed(text: str, at: int, g: Grammar) -> bool:
    """Whether day digits ending at `at` carry an ordinal suffix (5. / 5th)."""
    return any(text.startswith(suffix, at) for suffix in g.rules.day_suffixes)


def _day(m: re.Match, g: Grammar) -> int | None:
    if m.group("day"):
        return int(m.group("day"))
    return g.day_words.get(m.group("dayword")) if m.group("dayword") else None


def _year(m: re.Match, published: dt.date | None, g: Grammar) -> int | None:
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("syear"):
        return _spelled_year(groups["syear"], g)
    if groups.get("yy") or groups.get("yy2"):
        return full_year(int(groups.get("yy") or groups["yy2"]), published)
    return None


def _end(m: re.Match, year: int | None, g: Grammar) -> int:
    """The end of a date match: a spelled "year" that is not one stays outside it, and
    so does a full stop after a month name that is not an abbreviation or after a
    closing day."""
    if year is None and m.groupdict().get("syear"):
        return len(m.string[:m.start("syear")].rstrip(" ,"))
    if m.end() == m.end("month") + 1 and m.string[m.end("month")] == "." and not g.is_abbreviation(m.group("month")):
        return m.end() - 1
    if m.groupdict().get("day") and m.end() == m.end("day") + 1 and m.string[m.end("day")] == ".":
        return m.end() - 1  # "Sunday, October 12." ends a sentence; German "12. Oktober" keeps its dot
    return m.end()


_SPELLED_WORD = re.compile(r"[^\W\d_]+")


def _spelled_year(words: str, g: Grammar) -> int | None:
    """A year in words: "nineteen seventy two", "two thousand and five",
    "seventeen hundred thirty three". None when the words are not a year."""
    values = [g.year_numbers.get(w) for w in _SPELLED_WORD.findall(words)]
    values = [v for v in values if v is not None]
    if 100 in values or 1000 in values:
        total = current = 0
        for v in values:
            if v == 1000:
                total, current = total + (current or 1) * 1000, 0
            elif v == 100:
                current = (current or 1) * 100
            else:
                current += v
        year = total + current
    else:  # two numbers side by side: nineteen | seventy two
        groups: list[int] = []
        for v in values:
            if groups and groups[-1] >= 20 and groups[-1] % 10 == 0 and v < 10 and len(groups) <= 2:
                groups[-1] += v
            else:
                groups.append(v)
        if len(groups) != 2 or not 10 <= groups[0] <= 29:
            return None
        year = groups[0] * 100 + groups[1]
    return year if 1000 <= year <= 2999 else None


def _mixed(text: str, g: Grammar, m: re.Match) -> Hit | None:
    """Three parts joined by - or /, one a month name, one a four-digit year (2019-aug-1,
    23/Sep/2020, 2020/23/Sep)."""
    tokens = [m.group("t1"), m.group("t2"), m.group("t3")]
    months = [g.months.get(t) for t in tokens if not t.isdigit()]
    years = [int(t) for t in tokens if t.isdigit() and len(t) == 4]
    days = [int(t) for t in tokens if t.isdigit() and len(t) <= 2]
    if len(months) != 1 or months[0] is None or len(years) != 1 or len(days) != 1:
        return None
    if not valid(years[0], months[0], days[0]):
        return None
    return _dated(text, g, m.start(), m.end(), years[0], months[0], days[0])


def _year_in_context(text: str, m: re.Match, g: Grammar) -> bool:
    """A bare four-digit number is a year after a year word (im Jahr 2025), or where
    nothing it could count follows it: "seit 2019.", "Haushalt 2027 in", "2007 and 2009",
    "in 2025 rose" (but not "in 2000 homes", "von 1500 Mitarbeitern")."""
    rules = g.rules
    before = _last_words(text, m.start(), 2)
    if before & _words(rules.year_words):
        return True
    after = re.match(r"[ \t]*([^\W\d_]+)?", text[m.end():m.end() + 40])
    following = fold(after.group(1)) if after and after.group(1) else None
    if following is not None and following not in _words(rules.year_followers) | _words(rules.year_cues):
        # a word that is not known to follow years: a year only after a cue (in 2025
        # rose), and only if the word does not look like what a number counts
        return bool(before & _words(rules.year_cues)) and not (
            g.counted_word is not None and g.counted_word.search(after.group(1)))
    if following is None and re.match(r"[ \t]*\d", text[m.end():m.end() + 3]):
        return False
    return bool(before) or re.match(r"\s*[,;:]", text[m.end():m.end() + 2]) is not None


_WORD = re.compile(r"[^\W\d_]+")
_WORDS_CACHE: dict[int, frozenset[str]] = {}


def _words(items: list[str]) -> frozenset[str]:
    key = id(items)
    cached = _WORDS_CACHE.get(key)
    if cached is None:
        cached = _WORDS_CACHE[key] = frozenset(fold(i) for i in items)
    return cached


def _last_words(text: str, end: int, n: int) -> set[str]:
    """The last word before `end` and the phrases of up to n words ending there, folded
    (a line break or sentence end stops the look-back)."""
    before = text[max(0, end - 40):end]
    cut = max(before.rfind("\n"), before.rfind(". "), before.rfind("! "), before.rfind("? "))
    before = before[cut + 1:]
    if before and not before[-1].isspace() and before[-1] not in "(„\"'-":
        return set()
    words = _WORD.findall(before)[-n:]
    return {fold(" ".join(words[i:])) for i in range(len(words))}


def _anchor(hits: list[Hit]) -> dt.date | None:
    """A stand-in reference for dates without a year when the published date is unknown:
    the middle of the article's own full dates; else the one year its month dates name
    (Januar 2025). A bare year is no anchor: "Haushalt 2027" is often written in 2026."""
    full = sorted(h.when.as_date() for h in hits if h.explicit and h.when and h.when.day)
    if full:
        return full[len(full) // 2]
    years = {h.when.year for h in hits if h.explicit and h.when}
    return dt.date(years.pop(), 7, 2) if len(years) == 1 else None


# ----------------------------------------------------------------------- relative dates

def _relative(text: str, g: Grammar, ref: dt.date, scan: Scan) -> list[Hit]:
    hits: list[Hit] = []
    p = scan.found
    for m in p.get("relday", ()):
        word = fold(m.group("rel"))
        blockers = g.rules.not_after.get(word) or g.rules.not_after.get(m.group("rel"))
        if blockers and _last_words(text, m.start(), 2) & _words(blockers):
            continue
        offset = g.relative_days.get(word)
        hits.append(Hit(m.start(), m.end(), When.of(ref + dt.timedelta(days=offset))))
    for m in p.get("weekday", ()):
        hits.append(_weekday(text, g, m, ref))
    for m in p.get("weekday_day", ()):
        weekday, day = g.weekdays.get(m.group("weekday")), _day(m, g)
        d = day_with_weekday(day, weekday, ref) if day else None
        if d:
            hits.append(Hit(m.start(), m.end(), When.of(d), weekday=text[m.start("weekday"):m.end("weekday")],
                            weekday_index=weekday))
    for phrase, m in scan.phrases:
        m = _without_period(m, g)
        when = _phrase_date(phrase, m, g, ref) if m else None
        if when:
            hits.append(Hit(m.start(), m.end(), when))
    return hits


def _without_period(m: re.Match, g: Grammar) -> re.Match | None:
    """A duration that starts right after a shift word ("the last 3 months and 2 days
    ago") opens with a period, not an offset: the phrase starts at its next part."""
    if "duration" not in m.re.groupindex or m.group("duration") is None or m.start("duration") != m.start():
        return m
    if not g.shift_before.search(m.string[max(0, m.start() - 24):m.start()]):
        return m
    parts = list(g.duration_part.finditer(m.string, m.start("duration"), m.end("duration")))
    return m.re.match(m.string, parts[1].start()) if len(parts) > 1 else None


def _weekday(text: str, g: Grammar, m: re.Match, ref: dt.date) -> Hit:
    """A weekday on its own: with a shift word before it (last Friday, diesen Montag) as
    the rules say; bare, the most recent such day (today included) as news report the
    past, or the next one when its clause speaks of the future (soll, will, is
    expected) or the most recent one lies PAST_DAYS or more back ("am Mittwoch" in a
    Tuesday article is tomorrow)."""
    weekday = g.weekdays.get(m.group("weekday"))
    start = m.start()
    before = g.shift_before.search(text[max(0, start - 24):start])
    if before:
        start -= len(before.group(0))
        word = before.group("shift")
        mode = g.weekday_shifts.get(word) or "week"
        if mode == "before":
            d = weekday_before(ref, weekday, include_ref=False)
        elif mode == "after":
            d = weekday_after(ref, weekday, include_ref=False)
        else:
            d = weekday_in_week(ref, weekday, g.shifts.get(word) or 0)
    elif g.future.search(_clause(text, m.start(), m.end())) or (ref.weekday() - weekday) % 7 >= PAST_DAYS:
        d = weekday_after(ref, weekday, include_ref=True)
    else:
        d = weekday_before(ref, weekday, include_ref=True)
    return Hit(start, m.end(), When.of(d))


PAST_DAYS = 6

_CLAUSE_END = re.compile(r"[,.;:!?()\n–—]")


def _clause(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 160):start]
    cut = max((mm.end() for mm in _CLAUSE_END.finditer(left)), default=0)
    right = text[end:end + 160]
    stop = _CLAUSE_END.search(right)
    return left[cut:] + " " + right[:stop.start() if stop else len(right)]


def _phrase_date(phrase, m: re.Match, g: Grammar, ref: dt.date) -> When | None:
    groups = m.groupdict()
    k = g.shifts.get(groups["shift"]) if groups.get("shift") else phrase.shift
    unit = g.units.get(groups["unit"]) if groups.get("unit") else None
    year = _year(m, ref, g) if groups.get("year") or groups.get("syear") else None
    if phrase.means == "offset":
        base: dt.date | None = ref
        if groups.get("rel"):
            base = ref + dt.timedelta(days=g.relative_days.get(groups["rel"]))
        elif groups.get("holiday"):
            rule = g.holidays.get(groups["holiday"])
            candidates = [d for d in (holiday(rule, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
            base = min(candidates, key=lambda d: abs((d - ref).days), default=None)
        elif groups.get("month") and (groups.get("day") or groups.get("dayword")):
            month, day = g.months.get(groups["month"]), _day(m, g)
            y = year or nearest_year(month, day, ref)
            base = dt.date(y, month, day) if y and day and valid(y, month, day) else None
        return When.of(_moved(base, groups["duration"], phrase.sign, g)) if base else None
    if phrase.means == "holiday":
        rule = g.holidays.get(groups["holiday"])
        if year:
            d = holiday(rule, year)
        elif unit == "year" or not groups.get("shift"):
            d = holiday(rule, ref.year + k)
        elif unit:
            return None
        else:
            d = _holiday_near(rule, ref, k, include_ref=False)
        return When.of(d) if d else None
    if phrase.means == "nth_month":
        n = g.day_words.get(groups["ordinal"])
        y = year or ref.year + k
        return When(y, n) if n and 1 <= n <= 12 else None
    if phrase.means == "nth_weekday":
        if groups.get("month"):
            month = g.months.get(groups["month"])
            y = year or nearest_year(month, None, ref)
        else:
            first = add_months(ref.replace(day=1), k)
            y, month = first.year, first.month
        n = g.day_words.get(groups["ordinal"]) or g.last_words.get(groups["ordinal"]) if groups.get("ordinal") \
            else _day(m, g)
        weekday = g.weekdays.get(groups["weekday"]) if groups.get("weekday") else None
        d = nth_weekday(y, month, n, weekday) if y and n else None
        return When.of(d) if d else None
    if phrase.means == "weekday_of_week":
        if unit != "week":
            return None
        return When.of(weekday_in_week(ref, g.weekdays.get(groups["weekday"]), k))
    if phrase.means == "shifted_unit":
        if fold(groups["unit"]) in _words(g.rules.period_words):
            return None  # "die vergangenen Tage": a period
        if unit == "year":
            return When(ref.year + k)
        if unit == "month":
            d = add_months(ref, k)
            return When(d.year, d.month)
        if unit == "day":
            return When.of(ref + dt.timedelta(days=k))
        return None  # a week is not a date the contract can state
    if phrase.means in ("shifted_month", "month_of_shifted_year"):
        return When(ref.year + k, g.months.get(groups["month"]))
    if phrase.means == "day_of_shifted_month":
        first = add_months(ref.replace(day=1), k)
        day = _day(m, g)
        return When(first.year, first.month, day) if day and valid(first.year, first.month, day) else None
    return None


def _holiday_near(rule: str, ref: dt.date, direction: int, include_ref: bool) -> dt.date | None:
    """The holiday's nearest date before (direction < 0) or after the reference."""
    for year in ((ref.year, ref.year + 1) if direction > 0 else (ref.year, ref.year - 1)):
        d = holiday(rule, year)
        if d and (d == ref and include_ref or (d > ref if direction > 0 else d < ref)):
            return d
    return None


def _moved(base: dt.date, duration: str, sign: int, g: Grammar) -> dt.date:
    """`base` moved by a duration such as "1 month, 21 days", largest units first."""
    parts = []
    for part in g.duration_part.finditer(duration):
        n = part.group("n")
        count = int(n) if n.isdigit() else g.counts.get(n)
        times, _, unit = g.units.get(part.group("unit")).rpartition(" ")
        parts.append((unit, count * int(times or 1)))
    order = {"year": 0, "month": 1, "week": 2, "day": 3}
    for unit, count in sorted(parts, key=lambda p: order[p[0]]):
        base = shift(base, unit, sign * count)
    return base


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, the longest kept where they overlap; a weekday already
    read beside a date ("Montag (2. Februar)") is not claimed again on its own."""
    consumed = {h.consumed for h in hits if h.consumed}
    taken: list[Hit] = []
    occupied: list[tuple[int, int]] = []  # sorted, disjoint
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        i = bisect.bisect_left(occupied, (h.start, h.start))
        if (i < len(occupied) and occupied[i][0] < h.end) or (i > 0 and occupied[i - 1][1] > h.start):
            continue
        if h.weekday is None and any(s <= h.start and h.end <= e for s, e in consumed):
            continue
        occupied.insert(i, (h.start, h.end))
        taken.append(h)
    return sorted(taken, key=lambda h: h.start)


def date_unknown_published(doc: Document, pack: LanguagePack) -> None:
    """Give `doc` the date its text states for itself when nothing else gave one
    (`published_from = "text"`); leave it unknown when the text does not say."""
    if doc.published is None:
        inferred = infer_published(doc, pack)
        if inferred is not None:
            doc.published, doc.published_from = inferred, "text"


def settle_years(docs: list[Document], claims: list[list[Claim]], packs: list[LanguagePack]) -> None:
    """Give a year to the dates left without one (an undated article that never states
    its year) from the collection the article came in: articles checked together tell
    one story, so the middle of their published dates (else of their full dates) is
    the best reference there is. When those dates span more than a year (an archive,
    not a story), or there are none, the dates stay unknown."""
    known = sorted(d.published for d in docs if d.published)
    if not known:
        known = sorted(dt.date.fromisoformat(c.date) for per_doc in claims for c in per_doc
                       if c.kind == "date" and c.date and len(c.date) == 10)
    if not known or (known[-1] - known[0]).days > 366:  # an archive of many stories: no one year
        return
    story = known[len(known) // 2]
    for doc, per_doc, pack in zip(docs, claims, packs):
        if doc.published is not None:
            continue
        for c in per_doc:
            if c.kind == "date" and c.date is None:
                again = find_dates(c.surface, pack, story)
                if again:
                    c.date, c.weekday_mismatch = again[0].date, again[0].weekday_mismatch
