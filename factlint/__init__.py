"""factlint: check that the numbers several articles give for one story agree.

The Python API (typed; the models are pydantic, see `factlint.checker.model`):

```python
import factlint

claims = factlint.extract("Der Umsatz stieg auf 12,4 Mrd. Euro.", lang="de", published="2026-03-05")
report = factlint.check_texts({"a.md": "Revenue rose to EUR 12.4 billion.",
                               "b.md": "Der Umsatz stieg auf 12,9 Mrd. Euro."}, published="2026-03-05")
report = factlint.check(["corpus/"])   # as `factlint check corpus/`: root, config, decisions
for finding in report.failing():
    print(finding.id, finding.code, finding.message)
```

Every claim and finding in what these return has its `id` (the fingerprint that the
decisions file and every report format use). The installed package holds the engine
(`factlint.checker`), the rule files and their loader (`factlint.rules`) and the review
TUI (`factlint.tui`); in the repository they are the top-level folders `checker/`,
`rules/` and `tui/`. Importing `factlint` is cheap: the engine loads on first use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from factlint.checker import __version__

if TYPE_CHECKING:
    from factlint.checker.model import Claim, Finding, Report

__all__ = ["__version__", "check", "check_texts", "extract", "Claim", "Finding", "Report"]

DateLike = dt.date | str | None


def extract(text: str, lang: str | None = None, published: DateLike = None) -> list[Claim]:
    """The numeric claims of one article's text, in text order, each with its `id`.

    `lang` is a language code (`"de"`, `"en"`) or None to detect it; `published` (a date or
    an ISO string) anchors dates without a year and relative dates ("am Montag"). Raises
    `factlint.checker.errors.FactlintError` (one line) for a bad `lang` or `published`.
    """
    from factlint.checker.api import extract_text

    return extract_text(text, lang, _date(published, "published"))


def check_texts(texts: Mapping[str, str], published: DateLike | Mapping[str, DateLike] = None,
                lang: str | None = None, *, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> Report:
    """The report on articles given as text, `{name: text}`: claims and findings with ids.

    A name is a document path (`"a.md"`; its suffix picks the format: .md, .html, .txt);
    `published` is one date for all or a mapping name -> date; `lang` one language for all
    (None: each article's front matter, else detection). `select`/`ignore`: check codes,
    code prefixes or names, as `--select`/`--ignore`. No decisions file is read.
    """
    from factlint.checker.api import check_text_map

    dates = published if isinstance(published, Mapping) else {name: published for name in texts}
    return check_text_map(texts, {n: _date(d, f"published[{n!r}]") for n, d in dates.items()}, lang,
                          tuple(select), tuple(ignore))


def check(paths: Sequence[str | Path], *, decisions: str | Path | None = None, config: str | Path | None = None,
          select: Sequence[str] | None = None, ignore: Sequence[str] | None = None) -> Report:
    """The report `factlint check PATH…` makes: the corpus root, its configuration and its
    decisions file are found as the command finds them; statuses and stale decisions set.

    `decisions`, `config`, `select` and `ignore` override what the corpus configures.
    Raises `FactlintError` (one line) for a missing path or a bad configuration; files
    that cannot be read are in `report.errors`.
    """
    from factlint.checker.config import load_options
    from factlint.checker.errors import FactlintError
    from factlint.checker.pipeline import check as run

    paths = [str(p) for p in paths]
    if not paths:
        raise FactlintError("check needs at least one path")
    for p in paths:
        if not Path(p).exists():
            raise FactlintError("no such file or folder", p)
    options = load_options(paths, decisions=str(decisions) if decisions else None, config=config,
                           select=list(select) if select is not None else None,
                           ignore=list(ignore) if ignore is not None else None)
    return run(paths, options)


def _date(value: DateLike, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        from factlint.checker.errors import FactlintError

        raise FactlintError(f"{what}: not an ISO date (YYYY-MM-DD): {value!r}") from None


def __getattr__(name: str):
    """The report models, imported on first use (`factlint.Report`)."""
    if name in ("Claim", "Finding", "Report"):
        from factlint.checker import model

        return getattr(model, name)
    raise AttributeError(f"module 'factlint' has no attribute {name!r}")
