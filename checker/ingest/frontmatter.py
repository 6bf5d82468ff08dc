"""Markdown front matter: YAML between `---` lines or TOML between `+++` lines.

Only the keys factlint uses are kept (title, source, published, lang, url; `date` as
Jekyll and Hugo write it); a key that looks like a typo of one is a warning, broken
front matter a one-line error naming the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib

import yaml

from factlint.checker.errors import FactlintError

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M)
FRONT_KEYS = ("title", "source", "published", "lang", "url")
FRONT_ALIASES = {"date": "published"}  # the key Jekyll and Hugo use
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 10× faster


def front_matter(text: str, rel: str, warnings: list[FactlintError] | None = None) -> tuple[dict, int]:
    """The front matter of a Markdown file (known keys only) and the offset where the body starts.

    YAML between `---` lines, or TOML between `+++` lines (Hugo's form).
    """
    if re.match(r"\+\+\+[ \t]*\r?\n", text):
        m = TOML_FRONT_MATTER.match(text)
        if not m:
            raise FactlintError("front matter: opening '+++' without a closing '+++'", rel)
        try:
            meta = tomllib.loads(m.group(1).replace("\r\n", "\n"))
        except tomllib.TOMLDecodeError as exc:
            raise FactlintError(f"front matter: {exc}", rel) from None
        return _known_keys(meta, rel, warnings), m.end()
    if not re.match(r"---[ \t]*\r?\n", text):
        return {}, 0
    m = FRONT_MATTER.match(text)
    if not m:
        raise FactlintError("front matter: opening '---' without a closing '---'", rel)
    try:
        meta = yaml.load(m.group(1), Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise FactlintError(f"front matter: {problem}{where}", rel) from None
    return _known_keys(meta, rel, warnings), m.end()


def text_front_matter(text: str, rel: str, warnings: list[FactlintError] | None = None) -> tuple[dict, int]:
    """Front matter at the start of a plain text (the common export of scrapers), read as in
    Markdown. A plain text may open with a rule of dashes, so what does not parse as front
    matter with a key factlint uses stays text (no error)."""
    if not text.startswith(("---", "+++")):
        return {}, 0
    notes: list[FactlintError] = []
    try:
        meta, end = front_matter(text, rel, notes)
    except FactlintError:
        return {}, 0
    if not meta:
        return {}, 0
    if warnings is not None:
        warnings.extend(notes)
    return meta, end


TITLE_LINE = re.compile(r"""^title[ \t]*[:=][ \t]*(?P<q>["']?)(?P<value>[^\n]*?)(?P=q)[ \t]*\r?$""", re.M)


def title_span(text: str, end: int) -> tuple[int, int] | None:
    """Where the value of a one-line `title` stands in front matter ending at `end`
    (quotes left out), or None (no title, a block scalar, an empty value)."""
    at = 0
    while (at := text.find("title", at, end)) >= 0 and at > 0 and text[at - 1] != "\n":
        at += 5  # "title" inside another line: only a key at the start of a line counts
    m = TITLE_LINE.match(text, at, end) if at >= 0 else None
    if m is None or not m.group("value").strip() or m.group("value").strip() in ("|", ">", "|-", ">-"):
        return None
    return m.span("value")


def _known_keys(meta, rel: str, warnings: list[FactlintError] | None) -> dict:
    """The front-matter keys factlint uses; a key that looks like a typo of one is a warning."""
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FactlintError("front matter: not a mapping of keys to values", rel)
    known: dict = {}
    for key, value in meta.items():
        name = FRONT_ALIASES.get(str(key), str(key))
        if name in FRONT_KEYS:
            known.setdefault(name, value)
            continue
        close = difflib.get_close_matches(str(key), FRONT_KEYS, n=1, cutoff=0.75)
        if close and warnings is not None:
            warnings.append(FactlintError(f"front matter: unknown key {key!r} ignored (did you mean {close[0]!r}?)", rel))
    for key in ("title", "source", "url"):
        if isinstance(known.get(key), (dict, list)):
            raise FactlintError(f"front matter: {key}: expected text, got a {type(known[key]).__name__}", rel)
    return known


def published_date(value, rel: str) -> dt.date:
    """The `published` value of front matter as a date (a YAML date, or text starting YYYY-MM-DD)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise FactlintError(f"front matter: published: not an ISO date (YYYY-MM-DD): {value!r}", rel) from None
