"""Paths → Documents. The only stage that reads files.

Text is decoded as UTF-8 (byte-order mark removed, newlines unchanged). Each Document
keeps the file as read (`text`) and a same-length copy for extraction (`scan`) in
which front matter, Markdown and HTML markup, scripts, styles, navigation and URLs are
blanked to spaces, so an offset into `scan` is an offset into the file. Leftovers of
scraping (character references written out as text, terminal control sequences, zero-width
characters outside numbers) are read or blanked the same way in every format. Newlines are
kept, except inside an HTML or Markdown paragraph, where a line break in the source is
a space as on the rendered page: lines of the scan are the text's blocks.

A file that cannot be read becomes a one-line error naming it; the other files go on.
The published date comes from front matter or HTML metadata here; a date the text
gives itself is read later by the dates stage (`normalize.dates.date_unknown_published`).

One module per concept: `files` (discovery, decoding), `frontmatter`, `markdown` and
`mask` (the scan of Markdown and plain text), `markup` (the scan of HTML), `language`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from factlint.checker.errors import FactlintError, internal_error
from factlint.checker.ingest.files import SUFFIXES, decode, discover, glob_matcher, printable_path
from factlint.checker.model import Document
from factlint.rules.loader import RuleError, RuleSet

# What reads an article's text (YAML front matter, HTML, language detection), imported when the
# first article is read: a re-check that reads none spares it. `from factlint.checker.ingest
# import html_scan` still works (`__getattr__`).
_READERS = {
    "front_matter": "frontmatter", "published_date": "frontmatter", "text_front_matter": "frontmatter",
    "title_span": "frontmatter", "detect_language": "language", "language_code": "language",
    "short_code": "language", "markdown_scan": "markdown", "entity_end": "markup", "html_scan": "markup",
    "blank_spans": "mask", "blank_urls": "mask", "clean_scan": "mask",
}


def __getattr__(name: str):
    if name in _READERS:
        import importlib

        return getattr(importlib.import_module(f"factlint.checker.ingest.{_READERS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["Ingested", "SUFFIXES", "decode", "detect_language", "discover", "entity_end", "front_matter",
           "glob_matcher", "html_scan", "ingest", "plan_ingest", "language_code", "markdown_scan", "parse_document",
           "read_document"]


@dataclass
class Ingested:
    documents: list[Document] = field(default_factory=list)
    errors: list[FactlintError] = field(default_factory=list)
    warnings: list[FactlintError] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # document path -> the file as the user named it
    named: dict[str, str] = field(default_factory=dict)  # document path -> path in the folder scanned, where different


STDIN = "-"


def ingest(paths: list[str | Path], exclude: tuple[str, ...] = (), rules: RuleSet | None = None,
           follow_symlinks: bool = False, root: Path | None = None,
           stdin: tuple[str, str] | None = None) -> Ingested:
    """Read every article under `paths`; a bad file becomes an error, the others go on.

    With a corpus `root`, each document's path is relative to it (else relative to the PATH
    that holds it). A PATH `-` is the article `stdin` = (file name, text); when that file is
    also among the PATHs, the text read from standard input stands for it (an editor's buffer)."""
    rules = rules or RuleSet.load()
    out, to_read = plan_ingest(paths, exclude, rules, follow_symlinks, root, stdin)
    for path, rel in to_read:
        try:
            doc = read_document(path, rel, rules, out.warnings)
        except RuleError:
            raise  # a broken rule file stops the run once, not once per article
        except FactlintError as exc:
            out.errors.append(exc)
            continue
        except Exception as exc:  # a bug on this file: report it, read the others
            out.errors.append(internal_error(exc, rel))
            continue
        if doc is not None:
            out.documents.append(doc)
    return out


def plan_ingest(paths: list[str | Path], exclude: tuple[str, ...], rules: RuleSet, follow_symlinks: bool = False,
                root: Path | None = None, stdin: tuple[str, str] | None = None) -> tuple[Ingested, list[tuple[Path, str]]]:
    """What `ingest` does before reading the files: the article from standard input read, the
    files found with their report paths (the second value: what is left to read, in order, for
    `read_document` here or in the workers of checker/engine), discovery errors and warnings."""
    out = Ingested()
    files = [p for p in paths if str(p) != STDIN]
    found = discover(files, exclude, out.errors, follow_symlinks)
    stdin_rel = None
    if stdin is not None and len(files) < len(paths):
        stdin_rel = rooted(Path(stdin[0]), root) if root else Path(stdin[0]).name
        doc = parse_document(stdin[1], stdin_rel, SUFFIXES.get(Path(stdin[0]).suffix.lower(), "txt"),
                             rules=rules, warnings=out.warnings)
        out.documents.append(doc)
        out.files[stdin_rel] = stdin[0]
        if stdin_rel != Path(stdin[0]).name:
            out.named[stdin_rel] = Path(stdin[0]).name
    if not found and not out.errors and stdin_rel is None:
        kinds = ", ".join(sorted(set(SUFFIXES)))
        out.warnings.append(FactlintError(f"no articles ({kinds}) found", ", ".join(str(p) for p in paths)))
    to_read = []
    in_root = Rooted(root) if root else None
    for path, scanned in found:
        rel = in_root(path) if in_root else scanned
        if rel == stdin_rel:
            continue
        if rel != scanned:
            out.named[rel] = scanned
        out.files[rel] = path.as_posix()
        to_read.append((path, rel))
    return out, to_read


class Rooted:
    """`rooted` for many files: the path of each folder relative to the root found once."""

    def __init__(self, root: Path):
        self.root = root
        self.folders: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        folder = self.folders.get(path.parent)
        if folder is None:
            folder = self.folders[path.parent] = rooted(path.parent, self.root)
        name = printable_path(path.name)
        return name if folder == "." else f"{folder}/{name}"


def rooted(path: Path, root: Path) -> str:
    """`path` relative to the corpus `root`, '/' separators (both as given, not resolved: a
    symbolic link inside the corpus is named where it stands)."""
    return printable_path(Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix())


def read_document(path: Path, rel: str, rules: RuleSet | None = None,
                  warnings: list[FactlintError] | None = None) -> Document | None:
    """One file as a Document; None (and a warning) for an article with no text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FactlintError(f"cannot read: {exc.strerror or exc}", rel) from None
    fmt = SUFFIXES.get(path.suffix.lower(), "txt")
    notes: list[FactlintError] = [] if warnings is None else warnings
    doc = parse_document(decode(data, rel), rel, fmt, rules=rules, warnings=notes)
    if not doc.scan[doc.body_start:].strip():  # a title in the front matter alone is no article
        what = "empty file" if not doc.text.strip() else "no article text"
        notes.append(FactlintError(f"{what}, skipped (a warning, not an error)", rel))
        return None
    return doc


def parse_document(text: str, rel: str, fmt: str = "txt", lang: str | None = None,
                   published: dt.date | None = None, rules: RuleSet | None = None,
                   warnings: list[FactlintError] | None = None) -> Document:
    """A Document from decoded text; `lang`/`published` given by the caller win over the file's own."""
    from factlint.checker.ingest.frontmatter import front_matter, published_date, text_front_matter
    from factlint.checker.ingest.language import detect_language, language_code, short_code
    from factlint.checker.ingest.markdown import markdown_scan
    from factlint.checker.ingest.markup import html_scan
    from factlint.checker.ingest.mask import blank_spans, blank_urls, clean_scan

    rules = rules or RuleSet.load()
    meta: dict = {}
    end = 0
    if fmt == "md":
        meta, end = front_matter(text, rel, warnings)
        scan = markdown_scan(text, end)
    elif fmt == "html":
        scan, meta = html_scan(text)
    else:  # a plain text may open with front matter too, as scrapers export it
        meta, end = text_front_matter(text, rel, warnings)
        scan = blank_spans(blank_urls(text), [(0, end)] if end else [])
    title = _str(meta.get("title"))
    scan, headline = headline_scan(text, scan, end, title)
    scan = clean_scan(text, scan, references=fmt != "html", tags=fmt == "txt")  # an HTML scan has its references read already
    doc = Document(
        id=rel, path=rel, format=fmt, text=text, scan=scan, headline=headline, body_start=end,
        title=title, source=_str(meta.get("source")), url=_str(meta.get("url")),
    )
    if lang:
        doc.lang, doc.lang_from = language_code(lang, rel, "lang", rules.languages), "input"
    elif meta.get("lang") and (fmt != "html" or short_code(meta["lang"]) in rules.languages):
        # An HTML page's lang attribute is often a template default: use it only when a pack exists.
        doc.lang, doc.lang_from = language_code(meta["lang"], rel, "front matter: lang", rules.languages), "front matter"
    else:
        doc.lang, doc.lang_from = detect_language(scan, rules), "detected"
    if doc.lang in rules.languages:
        doc.scan = blank_teasers(doc.scan, rules.pack(doc.lang).sentences.teasers)
    if published is not None:
        doc.published, doc.published_from = published, "input"
    elif meta.get("published") not in (None, ""):  # `published:` left empty means unknown
        doc.published, doc.published_from = published_date(meta["published"], rel), "front matter"
    # Otherwise unknown here; the dates stage reads it from the text where the text states it.
    return doc


def blank_teasers(scan: str, teasers: list[str]) -> str:
    """`scan` without lines of page furniture that open with a teaser label of the article's
    language ("Related: Five missions to watch", "Mehr zum Thema: …"): a link to another
    article, whose figures are no claims of this one."""
    if ":" not in scan or not teasers:
        return scan
    pattern = _teaser_pattern(tuple(teasers))
    from factlint.checker.ingest.mask import blank_spans

    return blank_spans(scan, [m.span() for m in pattern.finditer(scan)])


@lru_cache(maxsize=8)
def _teaser_pattern(labels: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in sorted(set(labels), key=len, reverse=True))
    return re.compile(rf"^[ \t*_#>•-]*(?:{alternatives})[ \t*_]*:[^\n]*", re.IGNORECASE | re.MULTILINE)


def headline_scan(text: str, scan: str, body_start: int, title: str | None) -> tuple[str, tuple[int, int] | None]:
    """The scan with the article's headline readable, and where the headline stands.

    The headline is the body's first line when it repeats the title (a page title may add
    the site's name after a separator) or stands as a heading of its own, worded as it may
    be (a Markdown `#` line; a short line before a blank line that does not end as a
    sentence does): the title is not claimed again. Otherwise the title's value in the front
    matter is the headline: made readable in the scan, so its figures are claimed like any
    other mention."""
    first = _first_line(scan, body_start)
    if not title:  # a plain text's headline: its first line, short and standing as a heading
        if first is not None and first[1] - first[0] <= HEADLINE_CHARS and _heading(text, *first):
            return scan, first
        return scan, None
    wanted = " ".join(title.split()).casefold()
    if first is not None and first[1] - first[0] <= 2 * len(title) + 40:  # a paragraph is no headline
        s, e = first
        line = " ".join(scan[s:e].split()).casefold()
        if line == wanted or (len(line) >= 12 and wanted.startswith(line) and wanted[len(line):].lstrip()[:1] in "|-–—:·") \
                or (body_start and _heading(text, s, e)):
            return scan, first
    from factlint.checker.ingest.frontmatter import title_span

    span = title_span(text, body_start) if body_start else None
    if span is None:
        return scan, None
    s, e = span
    return scan[:s] + text[s:e] + scan[e:], span


def _heading(text: str, s: int, e: int) -> bool:
    """Is the line [s, e) a heading: a Markdown `#` line, or a line standing alone (a blank
    line or the end after it) that does not end as a sentence does?"""
    line_start = text.rfind("\n", 0, s) + 1
    if text[line_start:s].lstrip().startswith("#"):
        return True
    alone = True
    nl = text.find("\n", e)
    if nl >= 0:
        following = text.find("\n", nl + 1)
        alone = not text[nl + 1:following if following >= 0 else len(text)].strip()
    return alone and text[s:e].rstrip()[-1:] not in ".!?:;,"


def _first_line(scan: str, start: int) -> tuple[int, int] | None:
    """[start, end) of the first line with text in `scan` from `start`, stripped (a page's
    markup is blank in the scan, however many lines it takes); None when there is none."""
    m = FIRST_TEXT.search(scan, start)
    if m is None:
        return None
    s = m.start()
    end = scan.find("\n", s)
    end = len(scan) if end < 0 else end
    return s, s + len(scan[s:end].rstrip())


FIRST_TEXT = re.compile(r"\S")
HEADLINE_CHARS = 160  # a plain text's first line this long or shorter may be its headline


def _str(v) -> str | None:
    return None if v is None else str(v).strip()
