"""Regular expressions built once per language pack from its `dates` rules.

Every pattern is anchored on a digit or a whole word and uses bounded repetition
only, so a scan stays linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factlint.rules.schema import DatePhrase, DateRules, LanguagePack

FLAGS = re.IGNORECASE
WORD_TOKEN = re.compile(r"[^\W_]+")  # what the scan counts as a word: letters and digits


def fold(word: str) -> str:
    return " ".join(word.lower().split())


class Lexicon:
    """Words (and stems taking inflections) → values, with a regex alternation."""

    def __init__(self, table: dict[str, object], inflections: list[str]):
        self.exact: dict[str, object] = {}
        self.stems: dict[str, object] = {}
        self.inflections = sorted(inflections, key=len, reverse=True)
        for key, value in table.items():
            if key.endswith("-"):
                self.stems[fold(key[:-1])] = value
            else:
                self.exact[fold(key)] = value
        parts = [_phrase(k) for k in self.exact]
        ends = "|".join(re.escape(e) for e in self.inflections)
        parts += [_phrase(s) + (f"(?:{ends})" if ends else "") for s in self.stems]
        parts.sort(key=len, reverse=True)
        self.pattern = "(?:" + "|".join(parts) + ")" if parts else "(?!)"

    def is_prefix_of_another(self, word: str) -> bool:
        """Whether `word` shortens another entry of the same value (Feb → Februar)."""
        w = fold(word)
        value = self.exact.get(w)
        return any(k != w and k.startswith(w) and v == value for k, v in self.exact.items())

    def forms(self) -> list[str]:
        """Every word form the lexicon matches, folded."""
        out = list(self.exact)
        for stem in self.stems:
            out += [stem + end for end in self.inflections] + [stem]
        return out

    def __bool__(self) -> bool:
        return bool(self.exact or self.stems)

    def get(self, word: str):
        w = fold(word)
        if w in self.exact:
            return self.exact[w]
        for end in self.inflections:
            if end and w.endswith(end) and w[: -len(end)] in self.stems:
                return self.stems[w[: -len(end)]]
        return self.stems.get(w)


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


def word(alternation: str) -> str:
    """An alternation as whole words."""
    return rf"(?<!\w){alternation}(?!\w)"


def words_list(items: list[str]) -> str:
    return "(?:" + "|".join(sorted((_phrase(fold(i)) for i in items), key=len, reverse=True)) + ")" if items else "(?!)"


@dataclass
class Grammar:
    rules: DateRules
    months: Lexicon
    weekdays: Lexicon
    weekday_abbr: Lexicon
    day_words: Lexicon
    relative_days: Lexicon
    shifts: Lexicon
    weekday_shifts: Lexicon
    units: Lexicon
    counts: Lexicon
    holidays: Lexicon
    last_words: Lexicon
    year_numbers: Lexicon
    vague_counts: frozenset[str] = frozenset()
    patterns: dict[str, re.Pattern] = field(default_factory=dict)
    phrases: list[tuple[DatePhrase, re.Pattern]] = field(default_factory=list)
    weekday_prefix: re.Pattern | None = None
    weekday_paren: re.Pattern | None = None
    shift_before: re.Pattern | None = None
    future: re.Pattern | None = None
    published_line: re.Pattern | None = None
    duration_part: re.Pattern | None = None
    counted_word: re.Pattern | None = None
    range_before: re.Pattern | None = None  # "3. bis " before "5. März"
    range_after: re.Pattern | None = None  # "-5, 2026" after "March 3"
    # The scan: one pass finds trigger words (and digit runs); each pattern is then tried
    # only where its anchor class occurs, at the anchor and up to `back` words before it.
    trigger: re.Pattern | None = None
    absolute_trigger: re.Pattern | None = None  # only the words absolute dates are anchored on
    classes: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # word → (class, words before)
    multiword: set[tuple[str, str]] = field(default_factory=set)  # (word, class): part of a longer entry
    entry: dict[str, re.Pattern] = field(default_factory=dict)  # class → its entries, to confirm a trigger
    plan: list[tuple[str, re.Pattern, str, int]] = field(default_factory=list)  # name, pattern, class, back
    phrase_plan: list[tuple[DatePhrase, re.Pattern, str, int]] = field(default_factory=list)

    def is_abbreviation(self, month: str) -> bool:
        return self.months.is_prefix_of_another(month)


_CACHE: dict[int, tuple[LanguagePack, Grammar]] = {}


def grammar_for(pack: LanguagePack) -> Grammar:
    hit = _CACHE.get(id(pack))
    if hit is None or hit[0] is not pack:
        hit = (pack, build(pack.dates, pack.numbers.words))
        _CACHE[id(pack)] = hit
    return hit[1]


VAGUE_COUNT = 3  # what "a few", "einige" count when a date must be worked out from them


def build(r: DateRules, number_words: dict[str, float] | None = None) -> Grammar:
    infl = r.inflections
    counts = {k: int(v) for k, v in (number_words or {}).items() if float(v).is_integer() and 1 <= v <= 100}
    counts.update(r.count_words)
    counts.update({w: r.count_words.get(w, VAGUE_COUNT) for w in r.vague_counts})  # "a few": about three
    g = Grammar(
        rules=r,
        months=Lexicon(r.months, []),
        weekdays=Lexicon(r.weekdays, []),
        weekday_abbr=Lexicon(r.weekday_abbreviations, []),
        day_words=Lexicon(r.day_words, infl),
        relative_days=Lexicon(r.relative_days, infl),
        shifts=Lexicon({**{k: v for k, v in r.shift.items()}, **{k: r.shift.get(k, 0) for k in r.weekday_shift}}, infl),
        weekday_shifts=Lexicon(r.weekday_shift, infl),
        units=Lexicon(r.units, infl),
        counts=Lexicon(counts, infl),
        holidays=Lexicon(r.holidays, []),
        last_words=Lexicon({w: -1 for w in r.last_words}, infl),
        year_numbers=Lexicon(r.year_numbers, []),
        vague_counts=frozenset(w.lower() for w in r.vague_counts),
    )
    month = rf"(?<!\w)(?P<month>{g.months.pattern})(?![^\W\d_])\.?"
    suffixes = "|".join(re.escape(s) for s in sorted(r.day_suffixes, key=len, reverse=True))
    digits_day = r"(?<![\d.,:/])(?:0?[1-9]|[12]\d|3[01])(?!\d)(?![.,]\d)"
    day_num = rf"(?P<day>{digits_day})(?:{suffixes})?" if suffixes else rf"(?P<day>{digits_day})"
    day_word = rf"(?<!\w)(?P<dayword>{g.day_words.pattern})(?!\w)" if g.day_words else "(?!)"
    day = rf"(?:{day_num}|{day_word})"
    if g.year_numbers:
        spelled = rf"{g.year_numbers.pattern}(?:(?:\s+{words_list(r.and_words)})?(?:\s+|-){g.year_numbers.pattern}){{1,6}}"
        year4 = rf"(?:(?P<year>[12]\d{{3}})(?![\d]|[.,]\d)|(?<!\w)(?P<syear>{spelled})(?!\w))"
    else:
        spelled = "(?!)"
        year4 = r"(?P<year>[12]\d{3})(?![\d]|[.,]\d)"
    joiners = words_list(r.month_year_joiners)
    # A two-digit year after a month: after "of" or an apostrophe (April of 87, Mai '19), or
    # closing the phrase (18. Juli 14.) where it cannot be a count of what follows.
    year_tail = rf"(?:\s*,\s*|\s+{joiners}\s+|\s+){year4}|(?:\s+{joiners}\s+|\s*['’])(?P<yy>\d{{2}})(?!\d|[.,]\d)"
    year_after_month = rf"(?:{year_tail})"
    # after a day and its month, a bare two-digit year may close the phrase (18. Juli 14);
    # never after a month alone, where it is the day (September 25,)
    year_after_day_month = rf"(?:{year_tail}|\s+(?P<yy2>\d{{2}})(?=\s*(?:[,;:!?)]|\.(?!\d)|$)))"
    articles = words_list(r.day_articles)
    p = g.patterns
    p["dmy"] = re.compile(rf"{day}\s*(?:{joiners}\s+)?{month}{year_after_day_month}?", FLAGS)
    # March 4, 2026; March 4, '26 (a two-digit year only after an apostrophe)
    p["mdy"] = re.compile(rf"{month}(?:\s*|-)(?:{articles}\s+)?{day}"
                          rf"(?:(?:\s*,\s*|\s+){year4}|\s*,?\s*['’](?P<yy>\d{{2}})(?!\d|[.,]\d))?", FLAGS)
    p["my"] = re.compile(rf"{month}{year_after_month}", FLAGS)
    p["ym"] = re.compile(rf"(?<![\w.,])(?P<year>[12]\d{{3}})(?:\s*,\s*|\s+){month}", FLAGS)
    p["ymd_num"] = re.compile(r"(?<![\w.,/-])(?P<year>[12]\d{3})(?P<sep>[-/.])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{1,2})(?![\w]|[-/.,]\d)")
    p["compact"] = re.compile(r"(?<!\w)(?P<year>(?:19|20)\d\d)(?P<a>0[1-9]|1[0-2])(?P<b>0[1-9]|[12]\d|3[01])(?!\w)")
    p["dmy_num"] = re.compile(r"(?<![\w.,/:-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?:(?P=sep)|(?<=/\d),|(?<=/\d\d),)(?P<year>\d{4}|\d{2})(?![\w]|[-/.,:]\d)")
    p["dm_dot"] = re.compile(r"(?<![\w.,/:-])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?![\w.]|\s*\d)")
    p["ym_num"] = re.compile(r"(?<![\w.,/:-])(?P<year>(?:1[89]|2[01])\d\d)(?:\s*(?P<sep>[-/])\s*|(?P<dot>\.))(?P<a>\d{1,2})(?![\w%]|\s*[-/.,:]\s*\d)")
    p["my_num"] = re.compile(r"(?<![\w.,/:-])(?P<a>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<year>(?:1[89]|2[01])\d\d)(?![\w]|\s*[-/.,:]\s*\d)")
    token = rf"\d{{1,4}}|{g.months.pattern}"
    p["mixed"] = re.compile(rf"(?<![\w/-])(?P<t1>{token})(?P<sep>[-/])(?P<t2>{token})(?P=sep)(?P<t3>{token})(?![\w]|[-/]\w)", FLAGS)
    weekday = g.weekdays.pattern
    compounds = words_list(r.weekday_compounds) if r.weekday_compounds else ""
    p["weekday"] = re.compile(rf"(?<!\w)(?P<weekday>{weekday})(?:{compounds})?(?!\w)" if compounds
                              else rf"(?<!\w)(?P<weekday>{weekday})(?!\w)", FLAGS)
    p["weekday_day"] = re.compile(rf"(?<!\w)(?P<weekday>{weekday}),?\s+{articles}\s+{day}(?![^\W\d_]|\s+[^\W\d_]|\.?\d)", FLAGS)
    p["relday"] = re.compile(word(f"(?P<rel>{g.relative_days.pattern})"), FLAGS)
    p["year"] = re.compile(r"(?<![\w.,$€£¥/:'’])(?<![\d.,]-)(?P<year>1\d{3}|20\d\d|21\d\d)(?![\w]|[.,]\d|\s*%|-\d|/\d)")
    p["spelled_year"] = re.compile(rf"(?<!\w)(?P<syear>{spelled})(?!\w)", FLAGS)
    p["month_alone"] = re.compile(rf"(?<!\w)(?P<month>{g.months.pattern})(?![^\W\d_])", FLAGS)
    any_weekday = "|".join(x for x in (weekday, g.weekday_abbr.pattern) if x != "(?!)")
    g.weekday_prefix = re.compile(rf"(?<!\w)(?P<weekday>{any_weekday})\.?(?:\s*,\s*|\s+|\s*-\s*)(?:{articles}\s+)?$", FLAGS)
    g.weekday_paren = re.compile(rf"(?<!\w)(?P<weekday>{weekday})\s*\(\s*$", FLAGS)
    g.shift_before = re.compile(rf"(?<!\w)(?P<shift>{g.shifts.pattern})\s+$", FLAGS)
    g.future = re.compile(word(words_list(r.future_cues)), FLAGS)
    g.published_line = re.compile(rf"^\W{{0,3}}{words_list(r.published_cues)}(?!\w)", FLAGS)
    duration_part = rf"(?:\d{{1,3}}|{g.counts.pattern})\s+{g.units.pattern}(?!\w)"
    joiner = rf"(?:\s*,\s*|\s+{words_list(r.and_words)}\s+|\s+)"
    fills = {
        "duration": rf"(?P<duration>{duration_part}(?:{joiner}{duration_part}){{0,3}})",
        "relday": rf"(?P<rel>{g.relative_days.pattern})",
        "weekday": rf"(?P<weekday>{weekday})",
        "shift": rf"(?P<shift>{g.shifts.pattern})",
        "unit": rf"(?P<unit>{g.units.pattern})",
        "month": rf"(?P<month>{g.months.pattern})",
        "day": day,
        "year": year4,
        "ordinal": rf"(?P<ordinal>{g.day_words.pattern}|{g.last_words.pattern})",
        "holiday": rf"(?P<holiday>{g.holidays.pattern})",
    }
    for phrase in r.phrases:
        body = re.sub(r"\{(\w+)\}", lambda m: fills.get(m.group(1), m.group(0)), phrase.pattern)
        body = re.sub(r" +", r"\\s+", body.replace(" ?", r"\s*"))
        g.phrases.append((phrase, re.compile(rf"(?<!\w){body}(?!\w)", FLAGS)))
    g.duration_part = re.compile(rf"(?P<n>\d{{1,3}}|{g.counts.pattern})\s+(?P<unit>{g.units.pattern})(?!\w)", FLAGS)
    g.counted_word = re.compile(r.counted_word) if r.counted_word else None
    joiner = rf"(?:\s*[-–/]\s*|\s+{words_list(r.range_joiners)}\s+)"
    bare_day = rf"(?P<day>{digits_day})(?:{suffixes})?" if suffixes else rf"(?P<day>{digits_day})"
    g.range_before = re.compile(rf"(?<![\w.,:/-]){bare_day}{joiner}$", FLAGS)
    g.range_after = re.compile(rf"{joiner}{bare_day}(?:\s*,?\s*(?P<year>[12]\d{{3}})(?!\d))?(?![\w.,]\d|\s*[^\W\d_])", FLAGS)
    _plan(g, r)
    return g


# The fixed patterns only relative dates read (the phrases too): without a published date
# to resolve them against they are not claimed, so they need not be matched either.
RELATIVE = frozenset({"relday", "weekday", "weekday_day"})

# Placeholder → (trigger class, most words it spans); an anchor is chosen among the
# placeholders a phrase cannot do without, the rarest class first.
PLACEHOLDER_CLASS = {
    "holiday": (("holiday",), 4), "relday": (("relday",), 4), "weekday": (("weekday",), 1),
    "month": (("month",), 1), "duration": (("unit",), 6), "unit": (("unit",), 1), "ordinal": (("ordinal",), 2),
    "shift": (("shift",), 2), "day": (("dayword", "digits2"), 2), "year": (("yearnum", "digits4"), 7),
}
ANCHOR_ORDER = ["holiday", "relday", "weekday", "month", "duration", "unit", "ordinal", "shift", "day", "year"]


def _plan(g: Grammar, r: DateRules) -> None:
    """The trigger words of every class, and where each pattern is tried."""
    lexicons = {
        "month": g.months, "weekday": g.weekdays, "dayword": g.day_words, "relday": g.relative_days,
        "shift": g.shifts, "unit": g.units, "holiday": g.holidays, "yearnum": g.year_numbers,
        "ordinal": g.day_words,
    }
    single = {cls: {f for f in lexicon.forms() if " " not in f} for cls, lexicon in lexicons.items()}
    for cls, lexicon in lexicons.items():
        others = set().union(*(words for c, words in single.items() if c != cls))
        for entry in lexicon.forms():
            # a phrase is indexed by its rarest word: one no other class triggers on,
            # the longest of those ("new year's day" by "new", not by "year" or "day")
            words = WORD_TOKEN.findall(entry)
            at = max(range(len(words)), key=lambda i: (words[i] not in others, len(words[i])))
            g.classes.setdefault(words[at], []).append((cls, at))
            if len(words) > 1:
                g.multiword.add((words[at], cls))
        g.entry[cls] = re.compile(rf"(?:{lexicon.pattern})(?!\w)")
    for last in g.last_words.forms():
        g.classes.setdefault(WORD_TOKEN.findall(last)[0], []).append(("ordinal", 0))
    for weekday in g.weekdays.forms():
        for end in r.weekday_compounds:
            g.classes.setdefault(weekday + fold(end), []).append(("weekday", 0))
    g.trigger = re.compile(r"\b(?:" + _trie(g.classes) + r")(?![^\W\d_])")
    p = g.patterns
    # Digit runs are classed by length: a day or month has one or two digits, a year
    # four, a compact date (20260206) eight.
    g.plan = [(name, p[name], "digits2sep", 0) for name in ("dmy_num", "dm_dot", "mixed")]
    g.plan += [(name, p[name], "digits2", 0) for name in ("my_num", "dmy")]
    g.plan += [(name, p[name], "digits4", 0) for name in ("ymd_num", "ym_num", "mixed", "year")]
    g.plan += [("compact", p["compact"], "digits8", 0)]
    g.plan += [("dmy", p["dmy"], "month", 4), ("dmy", p["dmy"], "dayword", 0), ("mdy", p["mdy"], "month", 0),
               ("my", p["my"], "month", 0), ("ym", p["ym"], "month", 2), ("mixed", p["mixed"], "month", 0),
               ("month_alone", p["month_alone"], "month", 0), ("weekday", p["weekday"], "weekday", 0),
               ("weekday_day", p["weekday_day"], "weekday", 0), ("relday", p["relday"], "relday", 0),
               ("spelled_year", p["spelled_year"], "yearnum", 0)]
    for phrase, pattern in g.phrases:
        classes, back = _anchor_of(phrase.pattern)
        g.phrase_plan += [(phrase, pattern, cls, back) for cls in classes]
    # Without a published date only absolute dates are read: a trigger of their classes
    # alone. Each match is a whole word, so leaving the other words out of the trie leaves
    # the same matches for these (as long as no trigger word has digits in it).
    absolute = {cls for name, _, cls, _ in g.plan if name not in RELATIVE}
    words = [w for w, classes in g.classes.items() if any(cls in absolute for cls, _ in classes)]
    g.absolute_trigger = re.compile(r"\b(?:" + _trie(words) + r")(?![^\W\d_])") \
        if all(w.isalpha() for w in g.classes) else g.trigger


def _anchor_of(pattern: str) -> tuple[tuple[str, ...], int]:
    """The trigger classes of a phrase and how many words may come before its anchor."""
    depth, required = 0, []
    for m in re.finditer(r"\\.|\((?:\?:)?|\)[?*]?|\{(\w+)\}", pattern):
        token = m.group(0)
        if token.startswith("("):
            depth += 1
        elif token.startswith(")"):
            depth -= 1
        elif m.group(1) and depth == 0:
            required.append((m.group(1), m.start()))
    if not required:  # every placeholder optional: anchor on any (the schema demands one)
        required = [(m.group(1), m.start()) for m in re.finditer(r"\{(\w+)\}", pattern)]
    name, at = min(required, key=lambda x: ANCHOR_ORDER.index(x[0]))
    before = pattern[:at]
    for n in set(re.findall(r"\{(\w+)\}", before)):  # a placeholder counts the words it may span
        before = before.replace("{%s}" % n, " w" * PLACEHOLDER_CLASS[n][1])
    before = re.sub(r"\\\w", " ", before)
    innermost = re.compile(r"\((?:\?:)?([^()]*)\)")
    while innermost.search(before):  # a group counts as its longest alternative
        before = innermost.sub(lambda m: max(m.group(1).split("|"), key=lambda a: len(a.split())), before)
    back = len(re.findall(r"[^\W\d_]+", before))
    if name == "duration":
        back += 2  # the count before the first unit (a few)
    return PLACEHOLDER_CLASS[name][0], back


def _trie(words) -> str:
    """An alternation of `words` as a trie, so the engine never backtracks over siblings."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(root) or "(?!)"
