"""Turning a check and the claims it caught into a Finding: the check picked by type and claim kind,
the message filled from its template."""

from __future__ import annotations

from dataclasses import dataclass

from factlint.checker.model import Claim, Finding, RateCheck
from factlint.rules.schema import CheckRule


@dataclass
class Checks:
    """The code table, looked up by check type and claim kind."""

    rules: dict[str, CheckRule]

    def pick(self, type_: str, kind: str) -> CheckRule | None:
        for rule in self.rules.values():
            if rule.type == type_ and kind in rule.applies_to:
                return rule
        return None


class Fields(dict):
    def __missing__(self, key):
        return "?"


def message(rule: CheckRule, a: Claim | None = None, b: Claim | None = None, **extra) -> str:
    detail = extra.pop("detail", "")
    fields = Fields(a=_show(a), b=_show(b), delta_pct=extra.pop("delta_pct", 0.0), detail=detail,
                    also=f": {detail}" if detail else "", **extra)
    text = rule.message.format_map(fields)
    return " ".join(text.split())


def _show(c: Claim | None) -> str:
    if c is None:
        return "?"
    where = f" ({c.document}"
    where += f", as of {c.as_of})" if c.as_of and c.kind != "date" else ")"
    return f"“{c.surface}”{where}"


def make(rule: CheckRule, claims: list[Claim], text: str, rate_check: RateCheck | None = None) -> Finding:
    first = claims[0]
    return Finding(id="", kind=rule.kind, code=rule.code, name=rule.name, severity=rule.level,
                   claims=[c.id for c in claims], message=text, subject=_subject(first),
                   measure=measure_label(first), rate_check=rate_check)


KIND_WORDS = {"agreement", "conflict", "drift", "inconsistency"}  # read as the finding's kind, not a measure


def measure_label(c: Claim) -> str | None:
    """The claim's measure as a reader names it: an internal label (`noun:maschi`, the stem of a
    counted noun) or one that reads as a finding kind (`agreement`) gives way to the words of
    the text: the counted noun as written, else the words after the figure; so does a quantity
    without a measure ("of drinking water")."""
    m = c.measure
    if m is None and c.kind == "quantity":
        return _words_after(c)  # "120 cubic metres of drinking water"
    if m is None or not m.startswith("noun:") and m not in KIND_WORDS:
        return m
    words = c.counted or _words_after(c)
    if m in KIND_WORDS and c.kind == "date":
        return f"date of the {m}"
    return words or (m[5:] if m and m.startswith("noun:") else m)


def _words_after(c: Claim, n: int = 2) -> str | None:
    at = c.sentence.find(" ".join(c.surface.split()))
    if at < 0:
        return None
    words = []
    for w in c.sentence[at + len(" ".join(c.surface.split())):].split():
        w = w.strip(".,;:!?()[]«»“”\"'")
        if not w or not w[0].isalpha() or (not words and len(w) <= 3 and w.islower()):
            if words:
                break
            continue
        words.append(w)
        if len(words) == n:
            break
    return " ".join(words) or None


def _subject(c: Claim) -> str | None:
    if c.subject and c.subject.startswith("other:"):
        return c.subject[6:]
    return c.subject
