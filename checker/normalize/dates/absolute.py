"""Absolute and partial dates: what the fixed patterns matched, read as calendar dates.

Also the readers both kinds of dates share: a day or year from a match, and the words
before a position.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factlint.checker.normalize.dates.calendar import When, full_year, valid
from factlint.checker.normalize.dates.grammar import Grammar, fold
from factlint.checker.normalize.dates.scan import Scan


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
    vague: bool = False                # counted without a number ("a few weeks ago"): a guess


def absolute_dates(text: str, g: Grammar, published: dt.date | None, scan: Scan) -> list[Hit]:
    hits: list[Hit] = []
    p = scan.found
    for name in ("dmy", "mdy"):
        for m in p.get(name, ()):
            day = day_of(m, g)
            month = g.months.get(m.group("month"))
            year = year_of(m, published, g)
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
            month, year = g.months.get(m.group("month")), year_of(m, published, g)
            if month and year and valid(year, month):
                hits.append(Hit(m.start(), _end(m, year, g), When(year, month), explicit=True))
    for m in p.get("spelled_year", ()):
        year = _spelled_year(m.group("syear"), g)
        if year and words_ending_at(text, m.start(), 1) & folded(g.rules.year_cues) and _year_in_context(text, m, g):
            hits.append(Hit(m.start(), m.end(), When(year)))
    for m in p.get("ymd_num", ()):
        year, a, b = int(m.group("year")), int(m.group("a")), int(m.group("b"))
        month, day = (a, b) if valid(year, a, b) else (b, a)
        hits.append(_dated(text, g, m.start(), m.end(), year, month, day))
    for m in p.get("compact", ()):
        hits.append(_dated(text, g, m.start(), m.end(), int(m.group("year")), int(m.group("a")), int(m.group("b"))))
    numeric_day_first = _numeric_order(p.get("dmy_num", ()), g)
    for m in p.get("dmy_num", ()):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("year")
        year = int(y) if len(y) == 4 else full_year(int(y), published)
        day_first = m.group("sep") == "." or numeric_day_first
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
        if words_ending_at(text, m.start(), 2) & folded(g.rules.month_cues):
            hits.append(Hit(m.start(), m.end(), month=g.months.get(m.group("month"))))
    return [h for h in hits if h.when is not None or h.month is not None]


def _numeric_order(matches, g: Grammar) -> bool:
    """Whether the article writes numeric dates day first: as its unambiguous ones do
    (13/02/2026 can only be the 13th of February, so 04/03/2026 beside it is the 4th of
    March), else as its language does (US order in English, day first in German)."""
    seen = set()
    for m in matches:
        if m.group("sep") == ".":
            continue  # 4.3.2026: day first in every language
        a, b = int(m.group("a")), int(m.group("b"))
        if (a > 12) != (b > 12):
            seen.add(a > 12)
    return seen.pop() if len(seen) == 1 else g.rules.numeric_order == "dmy"


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


def day_of(m: re.Match, g: Grammar) -> int | None:
    if m.group("day"):
        return int(m.group("day"))
    return g.day_words.get(m.group("dayword")) if m.group("dayword") else None


def year_of(m: re.Match, published: dt.date | None, g: Grammar) -> int | None:
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
    before = words_ending_at(text, m.start(), 2)
    if before & folded(rules.year_words):
        return True
    after = re.match(r"[ \t]*([^\W\d_]+)?", text[m.end():m.end() + 40])
    following = fold(after.group(1)) if after and after.group(1) else None
    if following is not None and following not in folded(rules.year_followers) | folded(rules.year_cues):
        # a word that is not known to follow years: a year only after a cue (in 2025
        # rose), and only if the word does not look like what a number counts
        return bool(before & folded(rules.year_cues)) and not (
            g.counted_word is not None and g.counted_word.search(after.group(1)))
    if following is None and re.match(r"[ \t]*\d", text[m.end():m.end() + 3]):
        return False
    return bool(before) or re.match(r"\s*[,;:]", text[m.end():m.end() + 2]) is not None


_WORD = re.compile(r"[^\W\d_]+")
_WORDS_CACHE: dict[int, frozenset[str]] = {}


def folded(items: list[str]) -> frozenset[str]:
    key = id(items)
    cached = _WORDS_CACHE.get(key)
    if cached is None:
        cached = _WORDS_CACHE[key] = frozenset(fold(i) for i in items)
    return cached


def words_ending_at(text: str, end: int, n: int) -> set[str]:
    """The last word before `end` and the phrases of up to n words ending there, folded
    (a line break or sentence end stops the look-back)."""
    before = text[max(0, end - 40):end]
    cut = max(before.rfind("\n"), before.rfind(". "), before.rfind("! "), before.rfind("? "))
    before = before[cut + 1:]
    if before and not before[-1].isspace() and before[-1] not in "(„\"'-":
        return set()
    words = _WORD.findall(before)[-n:]
    return {fold(" ".join(words[i:])) for i in range(len(words))}

