"""`--select` / `--ignore` (and `select`/`ignore` in factlint.toml): which checks report.

An entry is a check code (`FL301`), a code prefix (`FL1`: every conflict check) or a
check name (`agreement`). As in ruff, the most specific entry that matches a check
decides: `--select FL1 --ignore FL102` keeps the FL1xx checks but FL102, and
`--ignore FL1 --select FL102` keeps FL102 alone of them. With no `select`, every check
is selected; an entry that matches no check is an error naming where it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from factlint.checker.errors import FactlintError

EXACT = 1000  # a name or a whole code is more specific than any prefix


def specificity(entries: Iterable[str], code: str, name: str) -> int:
    """How specifically `entries` name the check (-1: not at all)."""
    best = -1
    for e in entries:
        e_up = e.upper()
        if e == name or e_up == code:
            return EXACT
        if code.startswith(e_up):
            best = max(best, len(e_up))
    return best


def is_selected(code: str, name: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    chosen = specificity(select, code, name) if select else 0
    return chosen >= 0 and chosen > specificity(ignore, code, name)


def validate(entries: tuple[str, ...], source: str, checks: dict) -> None:
    """Every entry matches a known check (`checks`: code -> rule with `.name`)."""
    for e in entries:
        if not any(specificity([e], code, rule.name) >= 0 for code, rule in checks.items()):
            raise FactlintError(f"{e!r} matches no check code, code prefix or name (see `factlint rules`)",
                                source or None)


@dataclass(frozen=True)
class Selection:
    """Check codes, code prefixes or names, and where they were given (for an error message)."""

    entries: tuple[str, ...] = ()
    source: str = ""

    @classmethod
    def of(cls, given: list[str] | None, configured: list[str], flag: str, cfg_path: Path | None) -> "Selection":
        if given is not None:  # comma-separated or repeated on the command line, as ruff takes them
            return cls(tuple(e.strip() for g in given for e in g.split(",") if e.strip()), flag)
        return cls(tuple(configured), f"{cfg_path}: {flag.lstrip('-')}" if configured else "")
