"""pydantic models of the rule files. A field's docstring is its documentation.

A language pack is the folder `rules/lang/<code>/`; every `*.toml` file in it holds
one or more facets (top-level tables) of `LanguagePack`. Facets are owned by the
pipeline stage that reads them: `numbers`, `hedges`, `money`, `units` (extract and
normalize), `dates` (normalize/dates), `detect` (ingest), `context` (context).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DetectRules(Strict):
    """Words whose frequency identifies the language of an undeclared article."""

    stopwords: list[str] = Field(default_factory=list)
    letters: str = Field(default="", description="letters typical of the language (ä ö ü ß): a hint for short texts")


class IngestRules(Strict):
    """How an article states its own date (read by checker/ingest.py)."""

    published_cues: list[str] = Field(
        default_factory=list, description="words opening a line that gives the article's date (Stand:, Published)")


class NumberRules(Strict):
    """How numbers are written: separators, number words, scale words."""

    decimal_separator: str = "."
    group_separators: list[str] = Field(default_factory=list)
    words: dict[str, float] = Field(default_factory=dict, description="spelled-out numbers")
    scales: dict[str, float] = Field(default_factory=dict, description="scale words → factor")


class HedgeRules(Strict):
    """Words before (or after) a number that bound or blur it."""

    approximate: list[str] = Field(default_factory=list)
    lower: list[str] = Field(default_factory=list, description="more than, at least …")
    upper: list[str] = Field(default_factory=list, description="up to, at most …")


class MoneyRules(Strict):
    """Currency names in this language → ISO 4217 code."""

    names: dict[str, str] = Field(default_factory=dict)


class UnitRules(Strict):
    """Unit names in this language → pint unit string."""

    names: dict[str, str] = Field(default_factory=dict)


class DateRules(Strict):
    """Month and weekday names, relative-date words."""

    months: dict[str, int] = Field(default_factory=dict)
    weekdays: dict[str, int] = Field(default_factory=dict, description="name → 0 (Monday) … 6")


class ContextRules(Strict):
    """Words that tell what a number measures and whose it is."""

    measures: dict[str, list[str]] = Field(default_factory=dict, description="measure → cue words")


class LanguagePack(Strict):
    code: str
    detect: DetectRules = DetectRules()
    ingest: IngestRules = IngestRules()
    numbers: NumberRules = NumberRules()
    hedges: HedgeRules = HedgeRules()
    money: MoneyRules = MoneyRules()
    units: UnitRules = UnitRules()
    dates: DateRules = DateRules()
    context: ContextRules = ContextRules()
