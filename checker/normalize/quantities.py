"""Numbers with what they measure: money, percent, physical quantities and counts.

`find_quantities(text, pack)` is the finder `checker.extract` calls. It scans the text
once for anchors (digit runs and number words, one compiled regex), reads the number
expression at each (numbers.py), then looks around it: a currency before or after
(money.py), a unit or percent sign after (units.py), a sign, a hedge or a range
(hedges.py), and the noun a bare number counts. Each anchor costs a bounded amount of
work, so the whole pass is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from factlint.checker.model import Claim
from factlint.checker.normalize.hedges import HedgeReader
from factlint.checker.normalize.money import CurrencyMatch, CurrencyReader
from factlint.checker.normalize.numbers import VULGAR, Number, NumberReader, DIGIT_RUN, place_of
from factlint.checker.normalize.phrases import BLANK, PhraseTable, trie_pattern
from factlint.checker.normalize.units import UnitReader
from factlint.rules.loader import load_currencies, load_units
from factlint.rules.schema import LanguagePack

REACH = 160  # a number expression with its unit never spans more characters than this
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")  # run on the lower-cased text
SLASH = re.compile(r"[^\S\n]?/[^\S\n]?(\d{1,3})(?![\d/]|[.,]\d)")
MIXED = re.compile(r"[^\S\n]+(\d{1,2})/(\d{1,3})(?![\d/]|[.,]\d)")
NEXT_WORDS = re.compile(rf"{BLANK}+([^\W\d_][^\W\d_-]*)(?:{BLANK}+([^\W\d_][^\W\d_-]*))?")
ID_CHAIN = re.compile(r"\d+(?:[-/]\d+){2,}")
ARTICLE_NEXT = re.compile(rf"{BLANK}+([^\W\d_]+|\S)")
SPACED_POINT = re.compile(r" \. (\d+)")  # tokenized newswire: "$ 46 . 8 million"
ORDINAL_DOT = re.compile(rf"\.{BLANK}+[^\W\d_]")
WORD_BEFORE = re.compile(rf"([^\W\d_]+){BLANK}+\Z")


@dataclass(slots=True)
class Readers:
    numbers: NumberReader
    money: CurrencyReader
    units: UnitReader
    hedges: HedgeReader
    digits: re.Pattern  # digit runs and vulgar fractions, on the text as written
    words: re.Pattern  # number words, on the lower-cased text (much faster than ignoring case)
    words_any_case: re.Pattern  # the same ignoring case, for texts whose lower case changes length
    minus: re.Pattern
    time_words: frozenset[str]
    articles: frozenset[str]
    after_article: frozenset[str]
    time_initials: frozenset[str]
    fraction_of: PhraseTable
    per_before: PhraseTable  # per words that may stand before a rate's denominator (pro 100.000 Einwohner)
    periods: frozenset[str]  # period words (Tage, day) that make "7-Tage-Inzidenz" a window
    pack: LanguagePack


_READERS: dict[int, Readers] = {}


def readers(pack: LanguagePack) -> Readers:
    """The compiled readers of a language pack (built once per pack)."""
    r = _READERS.get(id(pack))
    if r is not None and r.pack is pack:
        return r
    numbers = NumberReader(pack.numbers)
    words = trie_pattern(sorted(w.lower() for w in numbers.anchor_words()), whole=not pack.numbers.compound_words)
    minus_words = trie_pattern(w.lower() for w in pack.numbers.minus_words)
    # A sign right before the digits; "- 5" with a blank only at the very start of the text
    # (at the start of a later line it is a list item).
    minus = re.compile(rf"(?:(?:(?<=[\s(\[])|^)[-−]|\A-{BLANK}+|(?<![^\W\d_]){minus_words}{BLANK}+)\Z", re.I)
    money = CurrencyReader(pack.money, load_currencies(), pack.numbers.connectors, f"rules/lang/{pack.code}/money.toml")
    units = UnitReader(pack.units, load_units(), pack.numbers.connectors)
    after_article = {w.rstrip(".") for w, (kind, _) in numbers.lexicon.items() if kind in ("scale", "frac", "num")}
    after_article |= units.units.heads | money.table.heads
    r = Readers(
        numbers=numbers,
        money=money,
        units=units,
        hedges=HedgeReader(pack.hedges),
        digits=re.compile(rf"{DIGIT_RUN.pattern}|[{VULGAR}]"),
        words=re.compile(rf"\b(?:{words})"),
        words_any_case=re.compile(rf"\b(?:{words})", re.I),
        minus=minus,
        time_words=frozenset(w.lower() for w in pack.numbers.time_words),
        articles=frozenset(w.lower() for w in pack.numbers.articles),
        after_article=frozenset(after_article),
        time_initials=frozenset(w[:1].lower() for w in pack.numbers.time_words),
        fraction_of=PhraseTable({w: True for w in pack.numbers.fraction_of}),
        per_before=PhraseTable({w: True for w in pack.units.per_words if w.lower() not in pack.numbers.articles}),
        periods=frozenset(w.lower() for w in pack.dates.units),
        pack=pack,
    )
    _READERS[id(pack)] = r
    return r


def find_quantities(text: str, pack: LanguagePack, published=None) -> list[Claim]:
    """Every money amount, percentage, quantity and number in `text`, normalized."""
    r = readers(pack)
    low = text.lower()
    if len(low) != len(text):  # a few letters grow in lower case (İ): then read the text as it is
        low = None
    urls = [(m.start(), m.end()) for m in URL.finditer(low if low is not None else text.lower())]
    url_starts = [s for s, _ in urls]
    found: list[tuple[Claim, float]] = []
    covered = 0
    for m in anchors(text, low, r):
        if m.start() < covered:
            continue
        if urls:
            i = bisect.bisect_right(url_starts, m.start()) - 1
            if i >= 0 and urls[i][1] > m.start():
                covered = urls[i][1]
                continue
        if m.group()[0].isdigit():
            if _phone(text, m) or _time(text, m):
                covered = m.end()
                continue
            chain = ID_CHAIN.match(text, m.start())
            if chain is not None:  # 978-3-16-148410-0, 030-1234-567, 21/04/16: ids and dates
                covered = chain.end()
                continue
            starts = [s for s, _, _, _ in r.numbers.digit_numbers(m.group(), m.start())]
            if not starts:
                covered = m.end()
                continue
        elif m.group().lower() in r.articles and not (m.end() < len(text) and text[m.end()].isalpha()) \
                and not _counts_after_article(text, m.end(), r):
            continue  # "ein Haus", "eine Frage": an article, not a number
        else:
            art = r.numbers.article_before(text, m.start())
            starts = [m.start()] if art is None or art < covered else [art, m.start()]
        for s in starts:
            if s < covered:
                continue
            got = read_claim(text, s, r, covered)
            if got is not None and not _fraction_in_compound(text, got[0]):
                found.append(got)
                covered = max(covered, got[0].end)
    link_ranges(text, found, r)
    share_currency(text, found)
    return [c for c, _ in found]


def anchors(text: str, low: str | None, r: Readers) -> list[re.Match]:
    """Digit runs and number words in text order (`low`: the text in lower case, or None)."""
    words = r.words.finditer(low) if low is not None else r.words_any_case.finditer(text)
    found = list(r.digits.finditer(text))
    found.extend(words)
    found.sort(key=lambda m: m.start())
    return found


def _counts_after_article(text: str, end: int, r: Readers) -> bool:
    """Does a scale, fraction, unit or currency follow the article ("eine Million", "einen Euro")?"""
    w = ARTICLE_NEXT.match(text, end)
    return bool(w) and (w.group(1).lower() in r.after_article or w.group(1)[:1] in r.after_article)


def _time(text: str, m: re.Match) -> bool:
    """14:55, 2:1: a time of day or a score, not a quantity."""
    s, e = m.start(), m.end()
    return (e + 1 < len(text) and text[e] == ":" and text[e + 1].isdigit()) or (
        s >= 2 and text[s - 1] == ":" and text[s - 2].isdigit())


def _fraction_in_compound(text: str, c: Claim) -> bool:
    """"first-half revenue", "the half-year report": a spelled fraction joined by a hyphen
    to a word names a period or a part, not a quantity."""
    if c.kind != "number" or c.value is None or not 0 < c.value < 1 or any(ch.isdigit() for ch in c.surface):
        return False
    joined_before = c.start >= 2 and text[c.start - 1] == "-" and text[c.start - 2].isalpha()
    joined_after = c.end + 1 < len(text) and text[c.end] == "-" and text[c.end + 1].isalpha()
    return joined_before or joined_after


def _phone(text: str, m: re.Match) -> bool:
    """+49 30 1234567: a run after '+' with several groups and many digits."""
    if m.start() == 0 or text[m.start() - 1] != "+":
        return False
    run = m.group()
    return sum(ch.isdigit() for ch in run) >= 7 and any(not ch.isdigit() for ch in run)


ROAD = re.compile(r"(?:^|[\s(\[–—/,;:])([A-Z]) $")


def _road_name(text: str, s: int, r: Readers) -> bool:
    """A capital letter standing alone before a bare number names a road, a line or a class
    ("B 54", "A 7", "S 5"), unless it is a word of the language ("A 20-year-old"); a party's
    initials before its share ("die FB 6,0 Prozent") are no such name."""
    m = ROAD.search(text, max(0, s - 3), s)
    return bool(m) and m.group(1).lower() not in r.articles and m.group(1) != "I" and r.money.before(text, s) is None


def read_claim(text: str, s: int, r: Readers, covered: int = 0) -> tuple[Claim, float] | None:
    """The claim whose number starts at `s` (and its scale factor), or None."""
    limit = text.find("\n", s, s + REACH)
    limit = min(len(text), s + REACH) if limit < 0 else limit
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_") and not text[s - 1].isdigit():
        prefix = r.money.before(text, s)
        if prefix is None or prefix.end != s:
            return None  # H20, V4, R1: part of a name
    if s > 1 and text[s - 1] == "-" and text[s - 2].isalpha() and text[s].isdigit():
        return None  # COVID-19, F-16, G-7
    n = r.numbers.read(text, s, limit)
    if n is None:
        return None
    start, end, value, place, scale = n.start, n.end, n.value, n.place, n.scale
    digits = not n.words
    if _window(text, end, r):
        return None  # 7-Tage-Inzidenz, 24-Stunden-Rennen: the length of a window, no count

    before = r.money.before(text, start)
    if before is not None and before.start < covered:
        before = None  # "10 rmb 20 usd": that code belongs to the amount before
    if before is not None and text[before.start:before.end] in r.pack.money.word_codes \
            and r.units.at(text, end, limit) is None and r.money.after(text, end, limit) is None \
            and _counted(text, end, limit, r) is not None:
        before = None  # "ALL 20 passengers": a word in a headline, not the Albanian lek
    if digits and scale == 1 and value == int(value) and r.numbers.decimal == "." and text.startswith(" . ", end):
        spaced = _spaced_point(text, n, limit, before is not None, r)
        if spaced is not None:
            end, value, place, scale = spaced
    if digits and scale == 1:
        suffix = r.numbers.suffix_scale(text, end, money=before is not None)
        if suffix is not None and (suffix[2] or r.units.at(text, end, limit) is None):
            factor, end, _ = suffix  # 5k, $3bn, £15m, 2.1m people (but 48m alone is a length)
            value, place, scale = value * factor, place * factor, factor
        elif value == int(value) and "/" in text[end:end + 8] and not any(ch in text[start:end] for ch in ".,"):
            fraction = _slash_fraction(text, end, limit, value)
            if fraction is not None:
                value, end, place = fraction

    if digits and text.startswith((",-", ",–"), end):  # German prices: 5,- €
        end += 2
    kind, unit, counted = "number", None, None
    if _time_word_after(text, end, r):
        return None  # 14.30 Uhr, 2 p.m.: a time of day
    unit_match = r.units.at(text, end, limit)
    if unit_match is not None and text[unit_match.start] in "\"'" and _inside_quotes(text, start, text[unit_match.start]):
        unit_match = None  # 'knapp "140"': the mark closes a quotation, it is no inch or foot sign
    if unit_match is None and n.words and value < 1 and r.fraction_of:  # a quarter of a percentage point
        of = r.fraction_of.at(text, end, limit)
        if of is not None:
            unit_match = r.units.at(text, of[2], limit)
    after = r.money.after(text, end, limit) if before is None else None
    if before is not None:
        kind, unit = "money", before.code
        value *= before.factor
        start_expr = before.start
    else:
        start_expr = start
    if kind == "number" and after is not None and (unit_match is None or after.end >= unit_match.end):
        kind, unit = "money", after.code
        value *= after.factor
        end = after.end
        before = after
    elif kind == "number" and unit_match is not None:
        kind, unit, end, value = _unit_reading(text, s, limit, unit_match, value, r)
        if kind == "money":
            before = CurrencyMatch(unit, unit_match.start, unit_match.end)
    if kind == "money" and scale == 1 and not (before and before.subunit):
        extra = r.money.minor_after(unit, text, end, limit, lambda t, p: r.numbers.read(t, p, limit))
        if extra is not None:
            value += extra[0]
            end = extra[1]
            place = 0.0
    if kind == "quantity":
        more = r.units.compound_after(unit, text, end, limit, lambda t, p: r.numbers.read(t, p, limit))
        if more is not None:
            value += more[0]
            end = more[1]

    if kind == "number":
        if n.bare or (n.words and r.numbers.is_pronoun(text, n.start, text[n.start:n.end])):
            return None
        if end < len(text) and text[end].isalpha():
            return None  # 21st, 810E, 13F: not a quantity
        if digits and _road_name(text, start, r):
            return None  # B 54, A 7, S 5: a road's or a line's name
        if digits and _ordinal(text, start, end, r):
            return None
        counted = _counted(text, end, limit, r)
    elif n.bare and unit_match is None and kind != "money":
        return None
    foreign = None
    if digits and scale == 1 and value and _foreign_grouping(text[n.start:n.end], kind, counted, r):
        value, place = value * 1000, place_of(str(int(round(abs(n.value) * 1000))))
        foreign = r.numbers.decimal  # the language's decimal mark, written as another's separator
    if kind == "number" and counted and _denominator(text, start, value, r):
        return None  # "50 pro 100.000 Einwohner": the base of a rate, not a count

    sign = r.minus.search(text, max(0, start_expr - 12), start_expr)
    if sign is not None:
        value = -value
        start_expr = _skip_blanks(text, sign.start())

    hedge = r.hedges.before(text, start_expr) or r.hedges.after(text, end, limit)
    # the last written digit is a rounding after a scale word, for decimals, for large round
    # figures and for a whole reading of a measure ("11 Grad" is 10.5 to 11.5 °C; 11 people are 11)
    exact = scale > 1 or place < 1 or (abs(value) >= 1000 and place > 1) or kind == "quantity" and place == 1
    low, high = r.hedges.interval(value, place, exact, hedge.hedge if hedge else None)
    claim = Claim.made(  # validated by its makers: each field has its type here
        start=start_expr, end=end, surface=text[start_expr:end], kind=kind, value=value, unit=unit,
        approximate=bool(hedge and hedge.hedge.approximate),
        lower=value if hedge and hedge.hedge.bound == "lower" else None,
        upper=value if hedge and hedge.hedge.bound == "upper" else None,
        low=low, high=high, hedge=hedge.text if hedge else None, counted=counted, foreign_separator=foreign,
    )
    return claim, scale


WINDOW = re.compile(r"-([^\W\d_]+)-([^\W\d_])")
TIME_UNITS = frozenset(("s", "min", "h"))


def _window(text: str, end: int, r: Readers) -> bool:
    """"7-Tage-Inzidenz", "24-Stunden-Rennen", "10-Jahres-Hoch": a number joined by hyphens to a
    period word and a noun names the length of a window, not a count ("30-year-old" is an age)."""
    m = WINDOW.match(text, end)
    if m is None or not m.group(2).isupper():  # a capital after the second hyphen: a compound noun
        return False
    word = m.group(1).lower()
    if word in r.periods or word.rstrip("s") in r.periods:
        return True
    unit = r.units.at(text, m.start(1), m.end(1))
    return unit is not None and unit.end == m.end(1) and unit.unit in TIME_UNITS


def _denominator(text: str, start: int, value: float, r: Readers) -> bool:
    """A round power of ten (100, 1.000, 100.000) counting a noun right after a per word (pro,
    per) is the base of a rate. Other numbers there are counts each ("je 50 Besucher")."""
    if value < 100 or value != 10 ** round(math.log10(value)):
        return False
    return r.per_before.before(text, start, reach=12) is not None


FOREIGN_GROUPED = re.compile(r"[1-9]\d{0,2}([.,])[\u200b\u2060\ufeff]*(\d{3})")


def _foreign_grouping(digits: str, kind: str, counted: str | None, r: Readers) -> bool:
    """"13,000 Menschen", "1,150 Beschäftigte" in German (or "13.000 people" in English): the
    language's decimal mark followed by three digits, where a decimal reading makes no sense,
    groups thousands as another language writes them: three zeros after it (no one writes
    13,000 for 13), an amount of money of ten or more (no cents in thousandths; a price of
    fuel, 1,799 Euro, does have them), a count of things (where the language capitalizes
    nouns, so the word after the number is known to be one)."""
    m = FOREIGN_GROUPED.fullmatch(digits)
    if m is None or m.group(1) != r.numbers.decimal:
        return False
    if m.group(2) == "000" or (kind == "money" and m.start(1) > 1):
        return True
    return kind == "number" and counted is not None and r.pack.numbers.nouns_capitalized


def _inside_quotes(text: str, pos: int, mark: str) -> bool:
    """Does a quotation opened with `mark` before `pos` (on its line) stay open up to `pos`?"""
    lo = text.rfind("\n", max(0, pos - REACH), pos) + 1
    if mark == '"':
        return text.count('"', lo, pos) % 2 == 1
    opened = 0
    for i in range(lo, pos):  # an apostrophe inside a word ("don't") neither opens nor closes
        if text[i] == mark:
            before = text[i - 1] if i > 0 else " "
            opened += 1 if not before.isalnum() else -1 if opened else 0
    return opened > 0


def _slash_fraction(text: str, end: int, limit: int, whole: float) -> tuple[float, int, float] | None:
    """'1/2' (the digits read so far are the numerator) or '1 4/5' (they are the whole part):
    (value, end, place), or None for what is no fraction (24/7, dates such as 21/04/16)."""
    fr = SLASH.match(text, end, limit)
    if fr and 0 < whole < int(fr.group(1)):
        return whole / int(fr.group(1)), fr.end(), 0.0
    mx = MIXED.match(text, end, limit)
    if mx and 0 < int(mx.group(1)) < int(mx.group(2)):
        return whole + int(mx.group(1)) / int(mx.group(2)), mx.end(), 0.0
    return None


def _spaced_point(text: str, n: Number, limit: int, money: bool, r: Readers):
    """'46 . 8 million' written with blanks around the point: (end, value, place, scale), when
    a scale word, unit, percent sign or currency shows that it is one number."""
    m = SPACED_POINT.match(text, n.end, limit)
    if m is None:
        return None
    rest = r.numbers.read(text, m.start(1), limit)
    if rest is None:
        return None
    follows = rest.scale > 1 or r.units.at(text, rest.end, limit) or r.money.after(text, rest.end, limit)
    if not (money or follows):
        return None
    digits = m.group(1)
    return rest.end, float(f"{int(n.value)}.{digits}") * rest.scale, 10.0 ** -len(digits) * rest.scale, rest.scale


def _time_word_after(text: str, end: int, r: Readers) -> bool:
    after = text[end:end + 12].lstrip(" \t\u00a0").lower()
    if after[:1] not in r.time_initials:
        return False
    return any(after.startswith(w) and not after[len(w):len(w) + 1].isalpha() for w in r.time_words)


def _skip_blanks(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n":
        i += 1
    return i


def _unit_reading(text: str, s: int, limit: int, um, value: float, r: Readers):
    """(kind, unit, end, value) for a unit or percent word after a number."""
    if um.kind == "percent":
        return "percent", um.unit, um.end, value * um.factor
    if um.kind == "quantity":
        return "quantity", um.unit, um.end, value * um.factor
    lo, hi = max(0, s - 80), min(len(text), um.end + 80)
    nxt = NEXT_WORDS.match(text, um.end, limit)
    hyphenated = "-" in text[s:um.start] or (um.start > 0 and text[um.start - 1] == "-")
    reading = r.units.choose(um.readings, text[lo:hi], nxt.group(1) if nxt else "", hyphenated)
    if reading.currency:
        return "money", reading.currency, um.end, value
    return "quantity", reading.unit, um.end, value * reading.factor


def _ordinal(text: str, start: int, end: int, r: Readers) -> bool:
    """'der 3. Platz': a number with a period before a word, after an article."""
    before = set(r.pack.numbers.ordinal_before)
    if not before or not ORDINAL_DOT.match(text, end):
        return False
    m = WORD_BEFORE.search(text, max(0, start - 20), start)
    return bool(m and m.group(1).lower() in before)


def _counted(text: str, end: int, limit: int, r: Readers) -> str | None:
    """The noun a bare number counts ("100.000 Einheiten", "one million orders")."""
    m = NEXT_WORDS.match(text, end, limit)
    if not m:
        return None
    stop = r.pack.numbers.not_counted
    for w in (m.group(1), m.group(2)):
        if w is None or w.lower() in stop:
            return None
        if not r.pack.numbers.nouns_capitalized:
            second = m.group(2)
            if w is m.group(1) and second and second.lower() not in stop and second.endswith("s") \
                    and not w.endswith("s"):
                return second  # 1,200 rescue workers, 61,000 registered voters
            return w
        if w[0].isupper():
            return w
    return None


def link_ranges(text: str, found: list[tuple[Claim, float]], r: Readers) -> None:
    """'zwischen 2 und 3 Mio. Euro', '100 bis 300 Milliarden', 'eight to 10 feet': the second
    claim carries the range as its lower and upper bound (the first keeps its own value)."""
    for (a, a_scale), (b, b_scale) in zip(found, found[1:]):
        if b.value is None or a.value is None or b.start - a.end > 12:
            continue
        joiner = r.hedges.joiner_between(text, a.end, b.start)
        if joiner is None or joiner == r.hedges.change_before(text, a.start):
            continue
        if joiner not in r.hedges.plain_joiners and joiner != r.hedges.opener_before(text, a.start):
            continue
        if a.kind not in (b.kind, "number") or (a.kind == b.kind and a.unit != b.unit):
            continue
        lo = a.value
        if a.kind == "number" and a_scale == 1 and b_scale > 1:
            lo = a.value * b_scale
        if lo > b.value:
            continue
        b.lower, b.upper = lo, b.value
        b.low = lo if b.low is None else min(lo, b.low)
        if a.kind == b.kind and lo == a.value:  # "2 bis 3 Mio. Euro" leaves the bare 2 alone
            a.lower, a.upper = lo, b.value


LIST_GAP = re.compile(rf"{BLANK}*[,;]?{BLANK}*(?:[^\W\d_]+\.?{BLANK}+){{0,2}}")


def share_currency(text: str, found: list[tuple[Claim, float]]) -> None:
    """'153 Milliarden, davon 81 Milliarden Euro', '2 million or 3 million dollars': a list
    states the currency once, after its last amount. A number with the same scale word as
    the amount after it, that counts nothing and is separated from it only by a comma and
    a word or two, is an amount in that currency too."""
    for (a, a_scale), (b, b_scale) in reversed(list(zip(found, found[1:]))):  # back from the currency
        if a.kind != "number" or b.kind != "money" or a_scale <= 1 or a_scale != b_scale or a.counted:
            continue
        gap = LIST_GAP.match(text, a.end, b.start)
        if gap is None or gap.end() != b.start or b.start - a.end > 30:
            continue
        a.kind, a.unit = "money", b.unit
