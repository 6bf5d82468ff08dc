"""pydantic models of the rule files. A field's docstring is its documentation.

A language pack is the folder `rules/lang/<code>/`; every `*.toml` file in it holds
one or more facets (top-level tables) of `LanguagePack`. Facets are owned by the
pipeline stage that reads them: `numbers`, `hedges`, `money`, `units` (extract and
normalize), `dates` (normalize/dates), `detect` (ingest), `context` (context).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DetectRules(Strict):
    """Words whose frequency identifies the language of an undeclared article."""

    stopwords: list[str] = Field(default_factory=list)
    letters: str = Field(default="", description="letters typical of the language (ä ö ü ß): a hint for short texts")


class NumberRules(Strict):
    """How numbers are written: separators, number words, scale words, fractions.

    Word tables are keyed in lower case; the text is matched ignoring case, except
    `suffix_scales` and `money_scales`, whose case matters ("5M" but "5m" is a metre).
    """

    decimal_separator: str = Field(default=".", min_length=1, max_length=1)
    group_separators: list[str] = Field(default_factory=list, description="digit group separators (. or , and spaces)")
    compound_words: bool = Field(default=False, description="number words join into one word (zweihundertdrei)")
    words: dict[str, float] = Field(default_factory=dict, description="spelled-out numbers below one hundred")
    scales: dict[str, float] = Field(default_factory=dict, description="scale words → factor (hundert, Mio., dozen)")
    suffix_scales: dict[str, float] = Field(default_factory=dict, description="letters after digits that scale (5k, 3bn)")
    money_scales: dict[str, float] = Field(
        default_factory=dict, description="suffixes that scale money (£15m), or a count before counted_after_scale")
    counted_after_scale: list[str] = Field(
        default_factory=list, description="nouns after which a money_scales suffix scales a count (2.1m people)")
    fractions: dict[str, float] = Field(default_factory=dict, description="denominator words → denominator (Drittel → 3)")
    standalone_fractions: list[str] = Field(default_factory=list, description="fraction words that are a number alone (half)")
    special: dict[str, float] = Field(default_factory=dict, description="einhalb adds 0.5; anderthalb is 1.5")
    articles: list[str] = Field(default_factory=list, description="one, before a scale, fraction, unit or currency only")
    connectors: list[str] = Field(default_factory=list, description="and / und inside a number")
    point_words: list[str] = Field(default_factory=list, description="point / Komma")
    minus_words: list[str] = Field(default_factory=list)
    pronoun_words: list[str] = Field(default_factory=list, description="number words that are pronouns after pronoun_before")
    pronoun_before: list[str] = Field(default_factory=list)
    ordinal_before: list[str] = Field(default_factory=list, description="words before '3.' that make it an ordinal")
    not_counted: list[str] = Field(default_factory=list, description="words that never name what a number counts")
    fraction_of: list[str] = Field(
        default_factory=list, description="words between a fraction and its unit (a quarter of a percentage point)")
    time_words: list[str] = Field(default_factory=list, description="words after a number that make it a time of day (Uhr, pm)")
    nouns_capitalized: bool = Field(default=False, description="a counted noun starts with a capital (100 neue Einheiten)")
    vague: dict[str, float] = Field(
        default_factory=dict, description="words that name an amount by its order of magnitude only → that order "
        "(Tausende → 1000, tens of thousands → 1e4): a claim from twice to ten times it, never an exact figure")
    vague_before: list[str] = Field(
        default_factory=list, description="words that make the scale word after them vague (mehrere Tausend, a few hundred)")
    vague_link: list[str] = Field(
        default_factory=list, description="words between a vague amount and what it counts (thousands of people)")

    @field_validator("words", "scales", "fractions", "special", "vague")
    @classmethod
    def _lower_keys(cls, table: dict[str, float]) -> dict[str, float]:
        for key, value in table.items():
            if key != key.lower():
                raise ValueError(f"{key!r}: keys are lower case")
            if value < 0:
                raise ValueError(f"{key!r}: must be >= 0")
        return table


class Hedge(Strict):
    """What a hedge word does to the number it stands by."""

    approximate: bool = False
    bound: Literal["lower", "upper"] | None = Field(default=None, description="the number is a lower or upper bound")


class RangeRules(Strict):
    openers: dict[str, str] = Field(default_factory=dict, description="word before a range → word between (zwischen → und)")
    joiners: list[str] = Field(default_factory=list, description="words or dashes between two numbers (bis, to, –)")
    changes: dict[str, str] = Field(
        default_factory=dict, description="word before the first number → joiner that then means a change, "
                                          "not a range (from 1.2 to 1.8 billion)")


class HedgeRules(Strict):
    """Words before (or after) a number that bound or blur it, and ranges."""

    before: dict[str, Hedge] = Field(default_factory=dict, description="phrase before the number (rund, more than)")
    after: dict[str, Hedge] = Field(default_factory=dict, description="phrase after the quantity (or more)")
    ranges: RangeRules = RangeRules()
    widen_places: float = Field(default=1.0, ge=0, description="an approximate figure spans ± this many last places")
    widen_min_pct: float = Field(default=1.0, ge=0, description="… but at least ± this percent of its value")
    widen_max_pct: float = Field(default=10.0, ge=0, description="… and at most ± this percent")
    rounding_max_pct: float = Field(
        default=5.0, ge=0, description="written precision spans at most ± this percent (1 Mrd. is not 0,5–1,5 Mrd.)")


class Subunit(Strict):
    factor: float = Field(gt=0, lt=1)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="set when the name fixes the currency")


class MoneyRules(Strict):
    """Currency names in this language → ISO 4217 code ('kanadisch* dollar': * takes adjective_endings)."""

    names: dict[str, str] = Field(default_factory=dict)
    adjective_endings: list[str] = Field(default_factory=list)
    adjective_suffixes: list[str] = Field(
        default_factory=list, description="endings of a country adjective that may stand before any currency name "
                                          "not listed with it (300 bulgarische Lewa)")
    subunits: dict[str, Subunit] = Field(default_factory=dict, description="cent, pence, Rappen …")
    word_codes: list[str] = Field(
        default_factory=list, description="ISO codes that are also words of the language, in capitals as in a "
        "headline (ALL, TOP): before a number that counts a noun they are the word (ALL 20 passengers)")

    @field_validator("names")
    @classmethod
    def _codes(cls, names: dict[str, str]) -> dict[str, str]:
        for key, code in names.items():
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ValueError(f"{key!r}: {code!r} is not an ISO 4217 code")
        return names


class Reading(Strict):
    """One reading of an ambiguous unit word: a currency or a unit (times factor)."""

    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    unit: str | None = None
    factor: float = Field(default=1.0, gt=0)
    cues: list[str] = Field(default_factory=list, description="words in the sentence that point to this reading")
    next_words: list[str] = Field(default_factory=list, description="words right after the unit that select it")


class Ambiguous(Strict):
    readings: list[Reading] = Field(min_length=1, description="the first is the default")


class DurationCues(Strict):
    """Words that make a two-part clock reading in their sentence a duration ("Die Fahrzeit
    beträgt 3:27": 3 h 27 min) when no unit word follows it, and which it is."""

    cues: dict[str, Literal["h", "min"]] = Field(
        default_factory=dict, description="cue → the unit of the first part: h (h:mm) or min (m:ss)")
    not_after: list[str] = Field(
        default_factory=list, description="words right before the reading that make it a time of day (um, until)")


class UnitRules(Strict):
    """Unit words in this language → pint unit string; percent words; ambiguous words."""

    names: dict[str, str] = Field(default_factory=dict)
    per: dict[str, str] = Field(default_factory=dict, description="time units read only after a per word")
    per_words: list[str] = Field(default_factory=list, description="per / pro")
    percent: dict[str, Literal["%", "pp", "bp", "permille"]] = Field(
        default_factory=dict, description="percent (%), percentage points (pp), basis points (bp, read as 0.01 pp), "
                                          "per mille (read as 0.1 %)")
    ambiguous: dict[str, Ambiguous] = Field(default_factory=dict, description="Pfund, pound, Grad")
    attached: dict[str, Ambiguous] = Field(
        default_factory=dict, description="letters read as a unit only when glued to the number, ending the word, "
                                          "and a cue of the reading stands near (38C, 104.9F)")
    compound: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="unit → {word: smaller unit} that adds to it (ft: 5 ft 2 in)")
    durations: DurationCues = Field(default_factory=DurationCues)


class CurrencyTable(Strict):
    """rules/currencies.toml: ISO 4217 codes, symbols and subunits, the same in every language."""

    codes: list[str] = Field(min_length=1)
    any_case: list[str] = Field(default_factory=list, description="codes read in lower case too (usd 20)")
    aliases: dict[str, str] = Field(default_factory=dict, description="RMB → CNY")
    code_scales: dict[str, float] = Field(default_factory=dict, description="letters before a code (MEUR)")
    symbols: dict[str, str] = Field(default_factory=dict)
    minor: dict[str, list[float]] = Field(default_factory=dict, description="subunit factors, largest first")

    @field_validator("codes")
    @classmethod
    def _iso(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ValueError(f"{code!r} is not an ISO 4217 code")
        return codes


class UnitTable(Strict):
    """rules/units.toml: unit symbols, matched as written, → pint unit string."""

    symbols: dict[str, str] = Field(default_factory=dict)
    names: dict[str, str] = Field(default_factory=dict, description="symbols read in any letter case (500Km)")
    per: dict[str, str] = Field(default_factory=dict, description="time symbols read only after / or a per word")


class DatePhrase(Strict):
    """A relative-date phrase: a regular expression with placeholders, and what it means.

    Placeholders: {duration} (counts with units: "drei Wochen", "1 month, 21 days"),
    {relday} (a relative_days word), {weekday}, {shift} (a shift word), {unit},
    {month}, {day}, {year} (four digits or spelled), {ordinal} (a day word or a
    last word), {holiday}. Spaces match any run of white space; " ?" an optional one;
    matching ignores case.
    """

    pattern: str = Field(min_length=1)
    means: Literal["offset", "weekday_of_week", "shifted_unit", "shifted_month", "month_of_shifted_year",
                   "day_of_shifted_month", "nth_weekday", "nth_month", "holiday"] = Field(
        description="offset: the reference (or the {relday}, {holiday}, {weekday} or {month} {day} it names) ± duration; weekday_of_week: that weekday in the shifted week; "
                    "shifted_unit: this/last/next year or month; shifted_month: a month of the shifted year; "
                    "month_of_shifted_year: '{month} {shift} {unit}'; day_of_shifted_month: the {day} of the shifted month; "
                    "nth_weekday: the {ordinal} {weekday} (or day, without {weekday}) of a month ({month} {year}, "
                    "{shift} month, or the reference's); nth_month: the {ordinal} month of a {year} or shifted year; "
                    "holiday: a {holiday} in a {year}, a shifted year, or the "
                    "nearest one before (shift < 0) or after (shift > 0) the reference")
    sign: Literal[-1, 1] = Field(default=1, description="offset phrases: forward (1) or back (-1)")
    shift: int = Field(default=0, description="the shift when the pattern has no {shift}")


class DateRules(Strict):
    """How dates are written: month and weekday names, relative words, ordinal patterns.

    A key ending in "-" is a stem: it matches the stem followed by one of `inflections`
    ("letzt-" matches letzte, letzten, letzter …). Matching ignores case.
    """

    numeric_order: Literal["dmy", "mdy"] = Field(default="dmy", description="order of 6/2/2026 style dates")
    inflections: list[str] = Field(default_factory=list, description="endings a stem key may take")
    months: dict[str, int] = Field(default_factory=dict, description="month name or abbreviation → 1 … 12")
    weekdays: dict[str, int] = Field(default_factory=dict, description="name → 0 (Monday) … 6")
    weekday_abbreviations: dict[str, int] = Field(
        default_factory=dict, description="short weekday names, read only directly before a date")
    weekday_compounds: list[str] = Field(
        default_factory=list, description="endings that keep a weekday a weekday (Montagabend)")
    day_suffixes: list[str] = Field(default_factory=list, description="what may follow day digits (., st, nd, th)")
    day_words: dict[str, int] = Field(default_factory=dict, description="spelled days of the month (first, erste-)")
    day_articles: list[str] = Field(
        default_factory=list, description="words between a weekday and its date (Montag, den 2. Februar)")
    month_year_joiners: list[str] = Field(
        default_factory=list, description="words between a month and its year (April of 1987)")
    relative_days: dict[str, int] = Field(default_factory=dict, description="heute → 0, gestern → -1 …")
    not_after: dict[str, list[str]] = Field(
        default_factory=dict, description="relative word → words before it that make it something else (am Morgen)")
    shift: dict[str, int] = Field(default_factory=dict, description="this → 0, last → -1, next → 1 …")
    weekday_shift: dict[str, Literal["before", "after", "week"]] = Field(
        default_factory=dict,
        description="shift word before a weekday: nearest before or after the reference, or that weekday "
                    "in the shifted week (the default)")
    units: dict[str, str] = Field(
        default_factory=dict, description='unit word → "day", "week", "month", "year", optionally counted ("2 week")')
    count_words: dict[str, int] = Field(default_factory=dict, description="small counts in durations (a, drei)")
    vague_counts: list[str] = Field(
        default_factory=list,
        description="words that count a duration without a number (a few, einigen): the date it gives is approximate")
    period_words: list[str] = Field(
        default_factory=list,
        description="unit words that name a span of several units: after a shift word a period, not a date "
                    "(die vergangenen Tage, the past years)")
    and_words: list[str] = Field(default_factory=list, description="words that join parts of a duration (and)")
    phrases: list[DatePhrase] = Field(default_factory=list)
    last_words: list[str] = Field(default_factory=list, description="'last' as an ordinal (letzter Sonntag im März)")
    holidays: dict[str, str] = Field(
        default_factory=dict,
        description='holiday → "MM-DD", "easter", "easter+N"/"easter-N" days, or "MM/N/W" the Nth weekday W '
                    '(0 Monday) of month MM, N = -1 for the last, optionally "+D" days ("11/4/3+1": Black Friday)')
    year_numbers: dict[str, int] = Field(
        default_factory=dict, description="number words that spell years (nineteen, seventy, hundred, thousand)")
    year_words: list[str] = Field(default_factory=list, description="words that make the next number a year (Jahr)")
    year_cues: list[str] = Field(
        default_factory=list, description="words before a bare four-digit number that suggest a year (in, seit)")
    year_followers: list[str] = Field(
        default_factory=list, description="words that may follow a bare year (the, der, wurde)")
    range_joiners: list[str] = Field(
        default_factory=list, description="words between the days of a range (3. bis 5. März, March 3 to 5)")
    counted_word: str = Field(
        default="", description="regex (case-sensitive) for a word after a number that it likely counts: "
                                "a plural in English, a capitalized noun in German")
    month_cues: list[str] = Field(
        default_factory=list, description="words that make a lone month name a date (im März, in May)")
    future_cues: list[str] = Field(
        default_factory=list, description="words in a clause that put a bare weekday after the reference")
    published_cues: list[str] = Field(
        default_factory=list, description="words that introduce an article's own date near its top (Stand:)")

    @field_validator("months")
    @classmethod
    def _month_range(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 1 <= n <= 12]
        if bad:
            raise ValueError(f"month numbers must be 1 … 12 ({bad[0]})")
        return v

    @field_validator("weekdays", "weekday_abbreviations")
    @classmethod
    def _weekday_range(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 0 <= n <= 6]
        if bad:
            raise ValueError(f"weekday numbers must be 0 (Monday) … 6 ({bad[0]})")
        return v

    @field_validator("units")
    @classmethod
    def _unit_names(cls, v: dict[str, str]) -> dict[str, str]:
        for k, unit in v.items():
            if not re.fullmatch(r"(?:[1-9]\d* )?(?:day|week|month|year)", unit):
                raise ValueError(f'{k}: unit must be day, week, month or year, optionally counted ("2 week")')
        return v

    @field_validator("counted_word")
    @classmethod
    def _counted_word_compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return v

    @field_validator("holidays")
    @classmethod
    def _holiday_rules(cls, v: dict[str, str]) -> dict[str, str]:
        for k, rule in v.items():
            if not re.fullmatch(r"\d\d-\d\d|easter(?:[+-]\d{1,3})?|\d\d/-?[1-5]/[0-6](?:[+-]\d{1,2})?", rule):
                raise ValueError(f'{k}: {rule!r} is not "MM-DD", "easter±N" or "MM/N/W±D"')
        return v

    @field_validator("phrases")
    @classmethod
    def _phrases_compile(cls, v: list[DatePhrase]) -> list[DatePhrase]:
        known = {"duration", "relday", "weekday", "shift", "unit", "month", "day", "year", "ordinal", "holiday"}
        for p in v:
            if not re.search(r"\{\w+\}", p.pattern):
                raise ValueError(f"pattern {p.pattern!r}: needs at least one placeholder")
            named = re.findall(r"\{(\w+)\}", p.pattern)
            twice = {n for n in named if named.count(n) > 1}
            if twice:
                raise ValueError(f"pattern {p.pattern!r}: {{{sorted(twice)[0]}}} more than once")
            unknown = set(named) - known
            if unknown:
                raise ValueError(f"pattern {p.pattern!r}: unknown placeholder {{{sorted(unknown)[0]}}}")
            try:
                re.compile(re.sub(r"\{\w+\}", "x", p.pattern))
            except re.error as exc:
                raise ValueError(f"pattern {p.pattern!r}: {exc}") from None
        return v


class ContextRules(Strict):
    """Words that tell what a number measures, whose it is and when (read by checker/context).

    Cue words match the start of a lower-cased word or, when at least five letters long,
    any part of it (German compounds: "kurs" finds "Schlusskurs")."""

    measures: dict[str, list[str]] = Field(default_factory=dict, description="measure → cue words")
    events: dict[str, list[str]] = Field(
        default_factory=dict, description="event a date belongs to (announcement, vote…) → cue words")
    other_subject: list[str] = Field(
        default_factory=list, description="words after which a figure belongs to someone else (rival, wie bei)")
    comparators: list[str] = Field(
        default_factory=list, description="words that compare with a second figure (als, than); what follows is the other's")
    qualifiers: dict[str, list[str]] = Field(
        default_factory=dict,
        description="tag → words that set a figure apart: another period (prior), a plan (target), a scope (world)")
    regions: dict[str, list[str]] = Field(
        default_factory=dict, description="region code → names and adjectives (DE → Deutschland, deutschen)")
    conversion: list[str] = Field(
        default_factory=list, description="words that introduce a converted amount (umgerechnet, equivalent to)")
    range_joiners: list[str] = Field(default_factory=list, description="words between the ends of a range (bis, to)")
    bases: list[str] = Field(
        default_factory=list,
        description="words right before a prior-period word after a figure that make it what a change is measured from "
                    "(from a year earlier, gegenüber dem Vorjahr): the figure is the change, not the earlier period's")
    ratios: dict[str, float] = Field(
        default_factory=dict, description="ratio words → factor (dreimal → 3, doubled → 2, half → 0.5)")
    pronouns: list[str] = Field(
        default_factory=list,
        description="words that open a sentence continuing the last one (Sie, It): its figures take that one's measure")
    relatives: list[str] = Field(
        default_factory=list,
        description="relative pronouns (which, der): after a comma they open a clause about a noun, whose dates date "
                    "only that clause's figures")
    per: list[str] = Field(
        default_factory=list, description="words after a figure that name its denominator (per, je, pro): 218 Euro je Tonne")
    per_period: list[str] = Field(
        default_factory=list, description="words that make a period after them a denominator (a, im): $25m a day")
    periods: dict[str, str] = Field(
        default_factory=dict, description="period words → one name for all languages (Jahr → year), for denominators")
    compounds: bool = Field(
        default=False, description="the language writes compounds as one word (Schlusskurs): a cue also finds a word's head")
    nouns_capitalized: bool = Field(
        default=False, description="the language capitalizes every noun (German); else a capital inside a sentence marks a name, which is no cue")


class MeasureInfo(Strict):
    """Language-independent facts about one measure (rules/measures.toml)."""

    kinds: list[Literal["money", "percent", "date", "quantity", "number"]] = Field(
        default_factory=list, description="claim kinds the measure applies to; empty: all")
    generic: bool = Field(
        default=False, description="a plain counted noun (households, units): yields to any specific cue in reach")
    tolerance_pct: float | None = Field(
        default=None, ge=0, description="replaces the conflict check's tolerance for this measure (exact measures: 0)")
    summary: str = ""


class MeasureTable(Strict):
    measures: dict[str, MeasureInfo] = Field(default_factory=dict)


class CheckDoc(Strict):
    """How a check documents itself for `factlint rules` and SARIF help."""

    why: str = Field(min_length=1, description="why the check fires")
    fires: str = Field(min_length=1, description="an example that fires")
    passes: str = Field(min_length=1, description="an example that passes")


class CheckParams(Strict):
    tolerance_pct: float = Field(default=0.0, ge=0, description="relative slack beyond hedges and rounding")
    min_sources: int = Field(default=2, ge=2, description="agreements: documents that must corroborate")


class CheckRule(Strict):
    """One check, one file: rules/checks/<name>.toml."""

    code: str = Field(pattern=r"^FL[1-9]\d\d$", description="FL1xx conflict, FL2xx drift, FL3xx agreement, FL4xx inconsistency")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", description="kebab-case name")
    kind: Literal["conflict", "drift", "agreement", "inconsistency"]
    type: Literal["value", "date", "conversion", "scale", "drift", "agreement", "weekday", "ratio", "ratio-across", "reference"] = Field(
        description="the check type, implemented in checker/compare")
    applies_to: list[Literal["money", "percent", "date", "quantity", "number"]] = Field(min_length=1)
    level: Literal["error", "warning", "info"]
    message: str = Field(min_length=1, description="template; fields {a}, {b}, {delta_pct}, {detail}, {also} (': detail' when there is one)")
    summary: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list, description="former names")
    params: CheckParams = CheckParams()
    doc: CheckDoc


class SentenceRules(Strict):
    """Where sentences end: periods that do not end one."""

    abbreviations: list[str] = Field(
        default_factory=list, description="words a period abbreviates (Mio, Dr, Inc), as written before it")
    ordinal_period: bool = Field(
        default=False, description="a period after a number may mark an ordinal (6. Februar)")
    starters: list[str] = Field(
        default_factory=list, description="after a number and a period, these words begin a new sentence")
    teasers: list[str] = Field(
        default_factory=list,
        description="labels that open a line of page furniture, a link to another article ('Related:', "
                    "'Lesen Sie auch:'): the line states no fact of this article")


class LanguagePack(Strict):
    code: str
    sentences: SentenceRules = SentenceRules()
    detect: DetectRules = DetectRules()
    numbers: NumberRules = NumberRules()
    hedges: HedgeRules = HedgeRules()
    money: MoneyRules = MoneyRules()
    units: UnitRules = UnitRules()
    dates: DateRules = DateRules()
    context: ContextRules = ContextRules()
