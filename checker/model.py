"""The shared vocabulary of the pipeline: Document, Claim, Finding, Report.

Every stage reads and writes these models; the JSON report is their serialization
(see ../shared/eval/CONTRACT.md and docs/report.schema.json). Fields beyond the
contract are allowed and documented here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer

SCHEMA_VERSION = "1"

ClaimKind = Literal["money", "percent", "date", "quantity", "number"]
FindingKind = Literal["conflict", "drift", "agreement", "inconsistency"]
Severity = Literal["error", "warning", "info"]
Status = Literal["open", "confirmed", "dismissed"]


class Model(BaseModel):
    """A model whose validator and serializer pydantic builds when first used, not at import:
    a re-check that validates nothing (its claims and findings come from the cache) spares
    building them, a tenth of `factlint check`'s start-up."""

    model_config = ConfigDict(defer_build=True)


class Lean(Model):
    """A model made by the hundred thousand (claims, findings), filled in place stage by stage.

    Pydantic records which fields were set (`model_fields_set`, read only by `exclude_unset`,
    which factlint does not use); for a claim that record would be the biggest part of its
    memory: ~700 bytes as built, ~2 KB once every stage has filled in its fields. A Lean
    model keeps it empty, and assigning a field sets it directly, without validation (as
    pydantic does without `validate_assignment`) and without recording the name.
    """

    def model_post_init(self, context) -> None:
        object.__setattr__(self, "__pydantic_fields_set__", set())

    def __setattr__(self, name: str, value) -> None:
        if name in self.__dict__:  # every field is there once the model is built (and a dict
            self.__dict__[name] = value  # lookup is far cheaper than pydantic's model_fields)
        else:
            super().__setattr__(name, value)

    @classmethod
    def from_fields(cls, values: dict, fields_set: set | None = None):
        """The model from every one of its fields, as unpickling makes it, unvalidated:
        pydantic's model_construct costs ten times more, and a run makes claims by the
        hundred thousand (extraction, the cache). `fields_set`: an empty set to share."""
        obj = cls.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        object.__setattr__(obj, "__pydantic_fields_set__", set() if fields_set is None else fields_set)
        object.__setattr__(obj, "__pydantic_extra__", None)
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj


class Document(Model):
    """One article as read from disk (or from a JSON line)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    path: str = Field(description="path relative to the corpus root, '/' separators (in the JSON report: "
                      "relative to the folder scanned, or the file name when a file is given)")
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: Literal["front matter", "text", "input"] | None = Field(
        default=None, description="where the published date came from; null when unknown"
    )
    lang: str = "en"
    lang_from: Literal["front matter", "detected", "input"] = "detected"
    format: Literal["txt", "md", "html", "jsonl"] = "txt"
    # The file as read: UTF-8, BOM removed, newlines unchanged, front matter included.
    text: str = Field(default="", exclude=True, repr=False)
    # Same length as `text`; what extraction reads. Front matter, HTML markup, scripts,
    # styles and navigation are blanked to spaces (newlines kept, except that a line break
    # inside an HTML or Markdown paragraph is a space, as rendered), so every offset into
    # `scan` is an offset into `text`.
    scan: str = Field(default="", exclude=True, repr=False)
    # [start, end) of the headline: the body's first line when it repeats the title, else the
    # title's value in the front matter (readable in `scan`); None when there is no title.
    headline: tuple[int, int] | None = Field(default=None, exclude=True, repr=False)
    body_start: int = Field(default=0, exclude=True, repr=False, description="where the text after any front matter starts")

    def line_of(self, offset: int) -> int:
        """1-based line number of a code-point offset into `text`."""
        return self.text.count("\n", 0, offset) + 1

    def __getattr__(self, name: str):
        """`text` and `scan` of a document read from the cache (checker/engine/cache.py:
        `document_of`) are read from it when first asked for: a re-check that asks for neither
        (the JSON report) reads a tenth of the bytes."""
        if name in LAZY_TEXT:
            source = self.__dict__.get(TEXT_SOURCE)
            if source is not None:
                text, scan = source()
                self.__dict__.update(text=text, scan=scan)
                del self.__dict__[TEXT_SOURCE]
                return self.__dict__[name]
        return super().__getattr__(name)


LAZY_TEXT = ("text", "scan")
TEXT_SOURCE = "__text_source__"  # a key of a cached document's __dict__ until its text is read


class Relation(Model):
    """A tie between claims inside one sentence."""

    type: Literal["conversion", "range", "ratio", "comparison"]
    other: str = Field(description="id of the related claim")
    factor: float | None = Field(default=None, description="for ratios: this = factor × other")


class Claim(Lean):
    """A numeric statement with its provenance and normalized value (CONTRACT.md, CLAIM)."""

    id: str = ""
    key: str = Field(default="", description="position-free identity (checker/fingerprint.py): "
                     "v1:<document>:<kind>:<canonical value>#<n>; the id is its short hash")
    document: str = ""
    start: int
    end: int
    line: int = 0
    surface: str
    kind: ClaimKind
    value: float | None = None
    unit: str | None = None
    date: str | None = None
    approximate: bool = False
    lower: float | None = None
    upper: float | None = None
    # Interval of values the statement is compatible with, from the hedge and the
    # precision the written digits imply ("420 Millionen" covers 415–425 Millionen).
    low: float | None = None
    high: float | None = None
    hedge: str | None = Field(default=None, description="the hedge word as written (rund, more than)")
    counted: str | None = Field(default=None, description="noun a bare number counts (Bestellungen)")
    weekday: str | None = Field(default=None, description="weekday stated with a date, as written")
    weekday_mismatch: bool = False
    headline: bool = Field(default=False, description="stated in the article's headline (its title)")
    foreign_separator: str | None = Field(
        default=None, description="the thousands separator as written when it is another language's "
        "decimal mark, read as grouping (',' in German '13,000 Menschen', '.' in English '13.000 people')")
    month_day: str | None = Field(
        default=None, description="a date stated without a year that no published date or other date "
        "settled: its month and day in the ISO form without year (--02-06); `date` stays null")
    sentence: str = ""
    sentence_start: int = 0
    # Filled by the context stage.
    subject: str | None = None
    measure: str | None = None
    as_of: str | None = None
    relations: list[Relation] = Field(default_factory=list)
    # What the claim is about (checker/context/about.py): feature -> weight; read by the aligner,
    # not part of the report.
    about: dict[str, float] = Field(default_factory=dict, exclude=True, repr=False)
    qualifiers: list[str] = Field(
        default_factory=list,
        description="what sets the figure apart from others of its measure: another period (prior, "
        "year:2023), a plan (plan), a scope (world, region:DE); only claims with compatible "
        "qualifiers are compared")


    @classmethod
    def made(cls, **values) -> "Claim":
        """A claim of extraction's own values, as `Claim(**values)` makes it but without
        validating them (a 5 MB table makes 200 000 claims): the float fields take floats, as
        validation makes an int one, and every field not given its default."""
        if not _CLAIM_REQUIRED <= values.keys() <= _CLAIM_DEFAULTS.keys():
            wrong = (_CLAIM_REQUIRED - values.keys()) | (values.keys() - _CLAIM_DEFAULTS.keys())
            raise TypeError(f"Claim fields missing or unknown: {', '.join(sorted(wrong))}")
        fields = _CLAIM_DEFAULTS.copy()
        fields.update(relations=[], about={}, qualifiers=[])
        fields.update(values)
        for name in _FLOAT_FIELDS:
            value = fields[name]
            if value is not None and type(value) is not float:
                fields[name] = float(value)
        return cls.from_fields(fields)


_CLAIM_DEFAULTS = {name: None if field.is_required() or field.default_factory else field.default
                   for name, field in Claim.model_fields.items()}
_CLAIM_REQUIRED = frozenset(name for name, field in Claim.model_fields.items() if field.is_required())
_FLOAT_FIELDS = frozenset(name for name, field in Claim.model_fields.items() if field.annotation in (float, float | None))


class RateCheck(Model):
    """A conversion checked against the reference exchange rate of its date."""

    source_claim: str
    rate_date: str
    from_currency: str
    to_currency: str
    reference_value: float
    supported: list[str] = Field(default_factory=list, description="claim ids the reference supports")
    deviations: dict[str, float] = Field(default_factory=dict, description="claim id -> % off the reference")


class Decision(Model):
    """A reviewer's verdict on one finding, kept in the decisions file."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    # Fields in alphabetical order: the file's keys are sorted, and serializing in field
    # order lets checker/decisions.py write large files fast without re-sorting.
    at: str | None = Field(default=None, description="date of the decision (YYYY-MM-DD)")
    by: str | None = Field(default=None, description="who decided: git user.name <user.email>, else the login name")
    code: str | None = None
    documents: list[str] | None = Field(default=None, description="the documents of the finding's claims, sorted: "
                                        "a decision is stale only when all of them were read")
    excerpts: list[str] = Field(default_factory=list, description="'<document>: <sentence>' of each claim")
    kind: str | None = None
    name: str | None = None
    note: str | None = None
    status: Status
    surfaces: list[str] = Field(default_factory=list)


class Finding(Lean):
    id: str
    kind: FindingKind
    code: str = Field(description="check code, e.g. FL101")
    name: str = Field(description="check name, e.g. money-conflict")
    severity: Severity
    claims: list[str]
    message: str
    subject: str | None = None
    measure: str | None = None
    story: str | None = Field(default=None, description="the story the finding belongs to, as a person "
                              "recognises it: the folder its articles share, else the title of its first article")
    rate_check: RateCheck | None = None
    status: Status = "open"
    note: str | None = None
    decided_by: str | None = Field(default=None, description="from the decisions file")
    decided_at: str | None = Field(default=None, description="date of the decision, from the decisions file")
    # One finding about a fact several sources state (compare/across.py): identified by its
    # distinct values (checker/fingerprint.py); `previous_id` is its id by claim keys, under
    # which older decisions files recorded it.
    per_fact: bool = Field(default=False, exclude=True, repr=False)
    previous_id: str | None = Field(default=None, exclude=True, repr=False)
    # (id, previous_id) before the report numbers findings that share one (`:2`): computed with
    # the claims of its story (checker/fingerprint.py: `finding_bases`) and kept with the story's
    # findings in the cache, so a re-check needs no claim of a story that did not change.
    bases: tuple[str, str | None] | None = Field(default=None, exclude=True, repr=False)
    # The JSON report's text of the fields its story's comparison fixes (kind to measure, and
    # rate_check), made where the story was compared and kept with its findings in the cache:
    # the report then writes only the fields a run sets around it (render/json.py: `pieces`).
    text: tuple[bytes, bytes] | None = Field(default=None, exclude=True, repr=False)

    def fails(self, strict: bool = False) -> bool:
        """Whether this finding fails `factlint check` (agreements never do)."""
        if self.kind == "agreement":
            return False
        return self.status == "open" or (strict and self.status == "confirmed")

    # A finding read from the cache (checker/engine/findings.py) has no DETAILS in its __dict__
    # until one is asked for: they are read from its `text` then (`complete`), so a re-check that
    # only writes the JSON report (from that text) never decodes them. Whatever reads a model's
    # fields without asking for them one by one (serializing, iterating, comparing, repr)
    # completes it first.

    def __getattr__(self, name: str):
        if name in DETAILS and DETAILS_SOURCE in self.__dict__:
            return self.complete().__dict__[name]
        return super().__getattr__(name)

    def __setattr__(self, name: str, value) -> None:
        values = self.__dict__
        if name in values:  # (as Lean's: the run sets ids, stories and decisions on every finding)
            values[name] = value
            return
        if DETAILS_SOURCE in values:
            self.complete()
        super().__setattr__(name, value)

    def complete(self) -> "Finding":
        """This finding with every field in place (a cached one's details read from its text)."""
        values = self.__dict__
        source = values.get(DETAILS_SOURCE)
        if source is not None:
            found = source(values["text"])
            found.update(values)  # (a copy made with a detail updated keeps that value)
            # in the order of the fields, as pydantic serializes a model's __dict__
            object.__setattr__(self, "__dict__", {name: found[name] for name in type(self).model_fields})
        return self

    @model_serializer(mode="wrap")
    def _serialize_complete(self, handler):
        return handler(self.complete())

    def __iter__(self):
        return super(Finding, self.complete()).__iter__()

    def __eq__(self, other) -> bool:
        if isinstance(other, Finding):
            other.complete()
        return super(Finding, self.complete()).__eq__(other)

    def __repr_args__(self):
        return super(Finding, self.complete()).__repr_args__()


# The fields of a finding its report text holds that a re-check writing the JSON report never
# reads; DETAILS_SOURCE, a key of a cached finding's __dict__ until they are read, decodes them.
DETAILS = ("claims", "message", "subject", "measure", "rate_check")
DETAILS_SOURCE = "__details_source__"


class StaleDecision(Model):
    """A decision in the decisions file that matches no current finding."""

    id: str
    status: Status
    kind: str | None = None
    code: str | None = None
    surfaces: list[str] = Field(default_factory=list)
    note: str | None = None


class FileError(Model):
    path: str
    message: str


class Report(Model):
    schema_version: str = SCHEMA_VERSION
    root: str | None = None
    documents: list[Document] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)
    # Files read with a warning (an empty article skipped, a front-matter key misspelt); printed, not serialized.
    warnings: list[FileError] = Field(default_factory=list, exclude=True, repr=False)
    decisions_file: str | None = Field(default=None, description="the decisions file applied, if any")
    stale_decisions: list[StaleDecision] = Field(default_factory=list)
    # Document path -> the file as named on the command line (for SARIF and annotations).
    files: dict[str, str] = Field(default_factory=dict, exclude=True, repr=False)
    # Document path (relative to the corpus root) -> its path relative to the folder scanned,
    # where the two differ: the JSON report names documents so (the evaluation contract).
    named: dict[str, str] = Field(default_factory=dict, exclude=True, repr=False)

    def open_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "open" and f.kind != "agreement"]

    def failing(self, strict: bool = False) -> list[Finding]:
        """Findings that make `factlint check` exit 1 (`strict`: confirmed ones too)."""
        return [f for f in self.findings if f.fails(strict)]

    def file_of(self, document: str) -> str:
        """The path of a document as the user named it (the report path if unknown)."""
        return self.files.get(document, document)
