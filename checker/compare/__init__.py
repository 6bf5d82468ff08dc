"""Linked claims → findings: conflicts, drift, agreements, conversion and within-article
checks. Which checks run, their level, message and tolerance come from the check files
(rules/checks/*.toml); Python implements the check types."""

from __future__ import annotations

from factlint.checker.align import align
from factlint.checker.align.misdated import misdated_links
from factlint.checker.compare.across import Ranges, check_links, tolerance
from factlint.checker.compare.conversions import check_conversions
from factlint.checker.compare.findings import Checks
from factlint.checker.compare.inside import check_ratios, check_weekdays
from factlint.checker.compare.ratios import check_ratio_links
from factlint.checker.model import Claim, Finding
from factlint.rules.loader import RuleSet


def compare(claims: list[Claim], rules: RuleSet | None = None, story_of: dict[str, int] | None = None,
            langs: dict[str, str] | None = None, published: dict[str, str] | None = None) -> list[Finding]:
    """Findings for claims whose context is set (checker.context.annotate); `story_of` maps a
    document to its story (checker.align.stories): only claims of one story are compared;
    `langs` maps a document to its language, `published` to its publication date (ISO), which
    the messages name when they explain how a relative date was resolved."""
    rules = rules or RuleSet.load()
    checks = Checks(rules.checks)
    ranges = Ranges(claims)

    exact = {m for m, info in rules.measures.measures.items() if info.tolerance_pct == 0}

    def fits(x: Claim, y: Claim) -> bool:
        return ranges.fits(x, y, tolerance(checks, x, y, exact))

    # links join figures of different documents: a story of one document has none (and a huge
    # one would spend seconds grouping its figures to find that out)
    several = len({c.document for c in claims}) > 1
    links = align(claims, story_of, fits, langs) if several else []
    if several:  # a weekday that does not fit its date names the day another article states
        links += misdated_links(claims, links, lambda doc: _weekdays(rules, (langs or {}).get(doc)), story_of or {})
    findings = check_links(links, checks, ranges, exact, published)
    findings += check_ratio_links(claims, links, checks)
    findings += check_conversions(claims, checks)
    findings += check_weekdays(claims, checks)
    findings += check_ratios(claims, checks)
    return findings


def _weekdays(rules: RuleSet, lang: str | None) -> dict[str, int]:
    pack = rules.packs.get(lang or "")
    return {**pack.dates.weekdays, **pack.dates.weekday_abbreviations} if pack else {}
