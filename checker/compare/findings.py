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
    fields = Fields(a=_show(a), b=_show(b), delta_pct=extra.pop("delta_pct", 0.0), detail=extra.pop("detail", ""), **extra)
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
                   measure=first.measure, rate_check=rate_check)


def _subject(c: Claim) -> str | None:
    if c.subject and c.subject.startswith("other:"):
        return c.subject[6:]
    return c.subject
