"""Report → text, one module per format (ruff's spellings).

Every renderer is `render(report, options) -> str` and plain text: no Rich, no
terminal queries; the CLI decides on colour and where the text goes. This module
holds what several formats share: claim locations, value spelling, ordering, counts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable, TextIO

from pydantic import BaseModel

from factlint.checker.decisions import word_bounds
from factlint.checker.engine.lazy import ClaimList
from factlint.checker.model import Claim, Document, Finding, Report
from factlint.checker.visible import visible

FORMATS = ("full", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
FOR_READING = ("full", "concise", "github", "html")  # read by people: control characters made visible
# Where each check is documented (SARIF helpUri, the README's rule table): docs/rules.md, one section per check.
RULES_DOC_URL = "https://github.com/factlint/factlint/blob/main/docs/rules.md"


@dataclass(frozen=True)
class RenderOptions:
    strict: bool = False  # confirmed findings fail too
    color: bool = False  # ANSI colour (full and concise only)
    checks: dict = field(default_factory=dict)  # code -> rules.schema.CheckRule, for SARIF help
    agreements: bool = False  # show agreements (never in the json format's choice: it always has them)
    include_decided: bool = False  # sarif, gitlab: also the decided findings (SARIF: with their suppression)
    quiet: bool = False  # full, concise, github: the failing findings and nothing else


def render(report: Report, fmt: str, options: RenderOptions = RenderOptions()) -> str:
    report = for_format(report, fmt, options)
    return renderer(fmt)(shown_report(report) if fmt in FOR_READING else report, options)


def for_format(report: Report, fmt: str, options: RenderOptions) -> Report:
    """The report a format shows: agreements are not open findings, so every format leaves
    them out unless asked, but json (the evaluation contract's, which always has them) and
    html (which folds them away below a story's discrepancies); JUnit never has them (they
    are not test cases)."""
    if fmt in ("json", "html") or (options.agreements and fmt != "junit"):
        return report
    return without_agreements(report)


def without_agreements(report: Report) -> Report:
    if not any(f.kind == "agreement" for f in report.findings):
        return report
    return report.model_copy(update={"findings": [f for f in report.findings if f.kind != "agreement"]})


def rule_url(code: str, name: str) -> str:
    """The check's section in docs/rules.md (GitHub's heading anchor of `### FL101 money-conflict`)."""
    return f"{RULES_DOC_URL}#{code.lower()}-{name}"


def statistics(report: Report, strict: bool = False) -> list[str]:
    """`--statistics`: one line per check, most findings first: count, code, name, how many fail."""
    rows: dict[tuple[str, str], list[int]] = {}
    for f in report.findings:
        row = rows.setdefault((f.code, f.name), [0, 0])
        row[0] += 1
        row[1] += f.fails(strict)
    ordered_rows = sorted(rows.items(), key=lambda item: (-item[1][0], item[0][0]))
    width = max((len(name) for (_, name) in rows), default=4)
    return [f"{total:>5}  {code}  {name:<{width}}  {failing} open" for (code, name), (total, failing) in ordered_rows]


def shown_report(report: Report) -> Report:
    """`shown` of a report for a format people read. Such a format prints only the claims its
    findings cite, so the others (all but a few of a long article's) are left as they are:
    making every string of 200 000 claims visible took longer than annotating them."""
    cited = set()
    for f in report.findings:
        cited.update(f.claims)
        if f.rate_check is not None:
            r = f.rate_check
            cited.update((r.source_claim, *r.supported, *r.deviations))
    out = shown(report.model_copy(update={"claims": []}))
    claims = [shown(c) if c.id in cited else c for c in report.claims]
    return out.model_copy(update={"claims": claims})


def shown(model: BaseModel) -> BaseModel:
    """`model` with every string in it (article text, surfaces, file names, notes) passed through
    `visible`; the parts that hold no control character are the same objects, not copies."""
    updates = {}
    for name, value in model:
        new = _shown_value(value)
        if new is not value:
            updates[name] = new
    return model.model_copy(update=updates) if updates else model


def _shown_value(value):
    if isinstance(value, ClaimList):
        value = value.flat()  # claims kept in the cache: read, to be shown
    if isinstance(value, str):
        new = visible(value)
        return value if new == value else new
    if isinstance(value, BaseModel):
        return shown(value)
    if isinstance(value, (list, tuple)):
        items = [_shown_value(v) for v in value]
        return value if _same(items, value) else type(value)(items)
    if isinstance(value, dict):
        keys, values = [_shown_value(k) for k in value], [_shown_value(v) for v in value.values()]
        return value if _same(keys, value) and _same(values, value.values()) else dict(zip(keys, values))
    return value


def _same(new, old) -> bool:
    return all(a is b for a, b in zip(new, old))


CHUNK = 8192


def write(report: Report, fmt: str, out: TextIO, options: RenderOptions = RenderOptions()) -> None:
    """`render` into `out`; the json format streams (its text is never whole in memory)."""
    if fmt == "json":
        from factlint.checker.render import json

        json.write(report, out, options)
    else:
        text = render(report, fmt, options)
        for at in range(0, len(text), CHUNK):  # one huge write to a closed pipe can end short without an error
            out.write(text[at:at + CHUNK])


def renderer(fmt: str) -> Callable[[Report, RenderOptions], str]:
    import importlib

    if fmt not in FORMATS:
        raise KeyError(fmt)
    return importlib.import_module(f"factlint.checker.render.{fmt}").render  # only the format in use


@dataclass(frozen=True)
class Location:
    file: str  # as the user named it
    document: str  # report path
    line: int  # 1-based
    column: int  # 1-based, code points
    end_line: int
    end_column: int  # 1-based, exclusive, code points


class Locator:
    """Line and column of claims, from the documents' text (when the report still has it)."""

    def __init__(self, report: Report):
        self.report = report
        self.claims = {c.id: c for c in report.claims}
        self._texts = {d.path: d.text for d in report.documents}
        self._documents = {d.path: d for d in report.documents}
        self._line_starts: dict[str, list[int]] = {}

    def document(self, path: str) -> Document | None:
        return self._documents.get(path)

    def claims_of(self, finding: Finding) -> list[Claim]:
        return [self.claims[i] for i in finding.claims if i in self.claims]

    def locate(self, c: Claim) -> Location:
        starts = self._starts(c.document)
        file = self.report.file_of(c.document)
        if not starts:
            line = c.line or 1
            return Location(file, c.document, line, 1, line, 1)
        line = bisect.bisect_right(starts, c.start)
        end_line = bisect.bisect_right(starts, max(c.start, c.end - 1))
        return Location(file, c.document, line, c.start - starts[line - 1] + 1,
                        end_line, c.end - starts[end_line - 1] + 1)

    def _starts(self, document: str) -> list[int]:
        if document not in self._line_starts:
            text = self._texts.get(document) or ""
            self._line_starts[document] = [0] + [m.end() for m in re.finditer("\n", text)] if text else []
        return self._line_starts[document]


def also_text(places: list[Location]) -> str:
    """`; also b.md:7; also c.md:2`: the other places of a finding, each once."""
    seen = {(places[0].file, places[0].line)} if places else set()
    out = []
    for p in places[1:]:
        if (p.file, p.line) not in seen:
            seen.add((p.file, p.line))
            out.append(f"; also {p.file}:{p.line}")
    return "".join(out)


def significant(v: float, digits: int = 4) -> float:
    """`v` rounded to `digits` significant digits (432064225.76 → 432100000)."""
    return float(f"{v:.{digits}g}")


def number(v: float) -> str:
    """A value for people: thousands grouped, no float noise (420,000,000 · 6.22 · 0.5)."""
    return format(v + 0.0, ",.12g")


def value_text(c: Claim) -> str:
    """The normalized value with unit, hedge and interval: `≈ 420,000,000 USD [415,000,000–425,000,000]`."""
    if c.kind == "date":
        text = c.date or "?"
    elif c.value is None:
        text = "?"
    else:
        unit = {"%": " %", "pp": " pp"}.get(c.unit or "", f" {c.unit}" if c.unit else "")
        text = number(c.value) + unit
    if c.approximate:
        text = "≈ " + text
    bounds = interval(c)
    return f"{text} [{bounds}]" if bounds else text


def interval(c: Claim) -> str:
    low = c.lower if c.lower is not None else c.low
    high = c.upper if c.upper is not None else c.high
    if low is None and high is None:
        return ""
    if low is not None and high is not None and low == high:
        return ""
    return f"{'' if low is None else number(low)}–{'' if high is None else number(high)}"


def marked_sentence(c: Claim, mark: Callable[[str], str], width: int = 200) -> str:
    """The claim's sentence (whitespace collapsed) with its number passed through `mark`."""
    sentence = c.sentence or c.surface
    surface = " ".join(c.surface.split())
    at = _find_near(sentence, surface, c.start - c.sentence_start)
    if at < 0:
        return mark(surface) + (f"  ({shorten(sentence, width)})" if c.sentence else "")
    left, right = at, at + len(surface)
    lo, hi = 0, len(sentence)
    if hi > width:
        lo = max(0, left - max(0, width - len(surface)) // 2)
        hi = min(len(sentence), lo + width)
        lo = min(left, max(0, hi - width))
        hi = max(hi, right)
        lo, hi = word_bounds(sentence, lo, hi, left, right)
    return ("…" if lo else "") + sentence[lo:left] + mark(surface) + sentence[right:hi] + ("…" if hi < len(sentence) else "")


def _find_near(text: str, needle: str, guess: int) -> int:
    best, best_dist, i = -1, None, text.find(needle)
    while i >= 0:
        dist = abs(i - guess)
        if best_dist is None or dist < best_dist:
            best, best_dist = i, dist
        i = text.find(needle, i + 1)
    return best


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


GROUPS = {"open": 0, "confirmed": 1, "dismissed": 2}


def ordered(report: Report, strict: bool = False) -> list[Finding]:
    """Failing findings first, then decided ones, agreements last; report order within."""
    def group(f: Finding) -> int:
        if f.kind == "agreement":
            return 3
        return 0 if f.fails(strict) else 1 + GROUPS[f.status]
    return sorted(report.findings, key=group)


def summary(report: Report, strict: bool = False) -> str:
    """One line: `2 findings fail the check (1 conflict, 1 drift); 3 decided: …; 4 agreements`."""
    failing = report.failing(strict)
    discrepancies = [f for f in report.findings if f.kind != "agreement"]
    decided = [f for f in discrepancies if not f.fails(strict)]
    agreements = len(report.findings) - len(discrepancies)
    parts = []
    if failing:
        word = "finding needs" if len(failing) == 1 else "findings need"
        parts.append(f"{len(failing)} {word} review ({_by(failing, 'kind')})")
    else:
        parts.append("no open discrepancies")
    if decided:
        parts.append(f"{len(decided)} decided ({_by(decided, 'status')})")
    if agreements:
        parts.append(f"{agreements} agreement{'s' if agreements != 1 else ''}")
    parts.append(f"{len(report.documents)} document{'s' if len(report.documents) != 1 else ''}, "
                 f"{len(report.claims)} claims")
    if report.errors:
        parts.append(f"{len(report.errors)} file error{'s' if len(report.errors) != 1 else ''}")
    if report.stale_decisions:
        n = len(report.stale_decisions)
        parts.append(f"{n} stale decision{'s' if n != 1 else ''}")
    return "; ".join(parts)


def _by(findings: list[Finding], attr: str) -> str:
    counts: dict[str, int] = {}
    for f in findings:
        counts[getattr(f, attr)] = counts.get(getattr(f, attr), 0) + 1
    return ", ".join(f"{n} {k}" for k, n in counts.items())


def stale_lines(report: Report) -> list[str]:
    """One line per stale decision, saying how to drop them."""
    lines = []
    for s in report.stale_decisions:
        what = ", ".join(f"“{x}”" for x in s.surfaces) or "no quotes"
        lines.append(f"stale decision {s.id} ({s.status}{', ' + s.code if s.code else ''}: {what}) "
                     f"matches no finding")
    if lines:
        lines.append(f"run `factlint decisions prune {report.root or 'PATH…'}` to drop stale decisions")
    return lines


def provenance(doc: Document | None) -> str:
    """`Outlet · “Title” · 2026-07-22 · https://…`: who published a side, and when; "published
    date unknown" where it is."""
    if doc is None:
        return "article not in the report"
    parts = [doc.source or "outlet unknown"]
    if doc.title:
        parts.append(f"“{' '.join(doc.title.split())}”")
    parts.append(doc.published.isoformat() if doc.published else "published date unknown")
    if doc.url:
        parts.append(doc.url)
    return " · ".join(parts)


def story(finding: Finding, claims: dict[str, Claim], documents: dict[str, Document]) -> str:
    """The story a finding belongs to (set by the pipeline), else the folder its articles share,
    else its first article's title or file name."""
    if finding.story:
        return finding.story
    from factlint.checker.fingerprint import story_folder

    own = [claims[i] for i in finding.claims if i in claims]
    folder = story_folder(own) if own else ""
    if folder:
        return folder
    first = documents.get(own[0].document) if own else None
    return (first.title or first.path) if first else "—"


def sources_text(finding: Finding, loc: Locator, documents: dict[str, Document]) -> str:
    """`Sources: a.md: Outlet · “Title” · 2026-07-22 · URL; b.md: …`, one per article, in claim order."""
    paths = list(dict.fromkeys(c.document for c in loc.claims_of(finding)))
    return "Sources: " + "; ".join(f"{p}: {provenance(documents.get(p))}" for p in paths)
