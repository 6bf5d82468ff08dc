"""Paths → Documents. The only stage that reads files.

Text is decoded as UTF-8 (byte-order mark removed, newlines unchanged). Each Document
keeps the file as read (`text`) and a same-length copy for extraction (`scan`) in
which front matter, Markdown and HTML markup, scripts, styles, navigation and URLs are
blanked to spaces, so an offset into `scan` is an offset into the file. Newlines are
kept, except inside an HTML or Markdown paragraph, where a line break in the source is
a space as on the rendered page: lines of the scan are the text's blocks.

A file that cannot be read becomes a one-line error naming it; the other files go on.
The published date comes from front matter or HTML metadata here; a date the text
gives itself is read later by the dates stage (`normalize.dates.date_unknown_published`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path

import yaml

from checker.errors import FactlintError
from checker.model import Document
from rules.loader import RuleError, available_languages, load_pack

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xhtml": "html"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M)
FRONT_KEYS = ("title", "source", "published", "lang", "url")
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # never in text but tab, LF, FF, CR
FRONT_ALIASES = {"date": "published"}  # the key Jekyll and Hugo use
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 10× faster


@dataclass
class Ingested:
    documents: list[Document] = field(default_factory=list)
    errors: list[FactlintError] = field(default_factory=list)
    warnings: list[FactlintError] = field(default_factory=list)


# ------------------------------------------------------------------------ discovery

def discover(paths: list[str | Path], exclude: tuple[str, ...] = (),
             errors: list[FactlintError] | None = None) -> list[tuple[Path, str]]:
    """Article files under `paths` with their report path (relative, '/' separators).

    A folder is searched recursively (hidden files and folders and `exclude` globs
    left out); a file given directly is named by its file name. A report path that
    two roots would share is prefixed with its root as given. A subfolder that cannot
    be listed goes to `errors` (raised when no list is given); the others go on.
    """
    found: list[tuple[Path, str]] = []
    seen_files: set[Path] = set()
    seen_names: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            entries = [(f, f.relative_to(p).as_posix()) for f in _walk(p, exclude, errors)]
        elif p.is_file():
            entries = [(p, p.name)]
        elif p.exists():
            raise FactlintError("not a regular file or folder", str(raw))
        else:
            raise FactlintError("no such file or folder", str(raw))
        for f, rel in entries:
            resolved = f.resolve()
            if resolved in seen_files:
                continue
            seen_files.add(resolved)
            if rel in seen_names:
                rel = (Path(raw).as_posix().rstrip("/") + "/" + rel) if p.is_dir() else f.as_posix()
            seen_names.add(rel)
            found.append((f, rel))
    return found


def _walk(root: Path, exclude: tuple[str, ...], errors: list[FactlintError] | None) -> list[Path]:
    matchers = [glob_matcher(g) for g in exclude]
    out: list[Path] = []

    def excluded(rel: str) -> bool:
        return any(m(rel) for m in matchers)

    def onerror(exc: OSError) -> None:
        error = FactlintError(f"cannot read folder: {exc.strerror}", exc.filename)
        if errors is None:
            raise error
        errors.append(error)

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        base = Path(dirpath)
        rel_base = base.relative_to(root).as_posix()
        prefix = "" if rel_base == "." else rel_base + "/"
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not excluded(prefix + d))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            if not excluded(prefix + name):
                out.append(base / name)
    return out


def glob_matcher(pattern: str):
    """A predicate on '/'-separated relative paths for a gitignore-like glob.

    `*` stays inside one path segment, `**` spans segments; a pattern without '/'
    matches any single segment (`drafts`, `*.htm`); one with '/' matches from the root.
    """
    pattern = pattern.strip().rstrip("/")
    anchored = "/" in pattern  # gitignore: a '/' anywhere but at the end ties the pattern to the root
    pattern = pattern.lstrip("/")
    regex = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            regex += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            regex += ".*"
            i += 2
        elif pattern[i] == "*":
            regex += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            regex += "[^/]"
            i += 1
        else:
            regex += re.escape(pattern[i])
            i += 1
    compiled = re.compile(regex + r"\Z")
    if anchored:
        return lambda rel: bool(compiled.match(rel))
    return lambda rel: any(compiled.match(part) for part in rel.split("/"))


# --------------------------------------------------------------------------- reading

def ingest(paths: list[str | Path], exclude: tuple[str, ...] = (), rules_dirs: tuple[str, ...] = ()) -> Ingested:
    """Read every article under `paths`; a bad file becomes an error, the others go on."""
    out = Ingested()
    found = discover(paths, exclude, out.errors)
    if not found and not out.errors:
        kinds = ", ".join(sorted(set(SUFFIXES)))
        out.warnings.append(FactlintError(f"no articles ({kinds}) found", ", ".join(str(p) for p in paths)))
    for path, rel in found:
        try:
            doc = read_document(path, rel, rules_dirs, out.warnings)
        except RuleError:
            raise  # a broken rule file stops the run once, not once per article
        except FactlintError as exc:
            out.errors.append(exc)
            continue
        if doc is not None:
            out.documents.append(doc)
    return out


def read_document(path: Path, rel: str, rules_dirs: tuple[str, ...] = (),
                  warnings: list[FactlintError] | None = None) -> Document | None:
    """One file as a Document; None (and a warning) for an article with no text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FactlintError(f"cannot read: {exc.strerror or exc}", rel) from None
    fmt = SUFFIXES.get(path.suffix.lower(), "txt")
    notes: list[FactlintError] = [] if warnings is None else warnings
    doc = parse_document(decode(data, rel), rel, fmt, rules_dirs=rules_dirs, warnings=notes)
    if not doc.scan.strip():
        what = "empty file" if not doc.text.strip() else "no article text"
        notes.append(FactlintError(f"{what}, skipped (a warning, not an error)", rel))
        return None
    return doc


def decode(data: bytes, label: str) -> str:
    """UTF-8 bytes → text without byte-order mark; anything else is a one-line error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactlintError("UTF-16 text; factlint reads UTF-8 (save the file as UTF-8)", label)
    head = data[:8192]
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    if b"\x00" in head or controls > len(head) // 20:
        raise FactlintError("binary file, not text", label)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FactlintError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} on line {line}; Latin-1 or Windows-1252? save it as UTF-8)",
            label) from None
    return text[1:] if text.startswith("\ufeff") else text


def parse_document(text: str, rel: str, fmt: str = "txt", lang: str | None = None,
                   published: dt.date | None = None, rules_dirs: tuple[str, ...] = (),
                   warnings: list[FactlintError] | None = None) -> Document:
    """A Document from decoded text; `lang`/`published` given by the caller win over the file's own."""
    meta: dict = {}
    if fmt == "md":
        meta, end = front_matter(text, rel, warnings)
        scan = markdown_scan(text, end)
    elif fmt == "html":
        scan, meta = html_scan(text)
    else:
        scan = blank_urls(text)
    doc = Document(
        id=rel, path=rel, format=fmt, text=text, scan=scan,
        title=_str(meta.get("title")), source=_str(meta.get("source")), url=_str(meta.get("url")),
    )
    if lang:
        doc.lang, doc.lang_from = language_code(lang, rel, "lang", rules_dirs), "input"
    elif meta.get("lang") and (fmt != "html" or _short_code(meta["lang"]) in available_languages(rules_dirs)):
        # An HTML page's lang attribute is often a template default: use it only when a pack exists.
        doc.lang, doc.lang_from = language_code(meta["lang"], rel, "front matter: lang", rules_dirs), "front matter"
    else:
        doc.lang, doc.lang_from = detect_language(scan, rules_dirs), "detected"
    if published is not None:
        doc.published, doc.published_from = published, "input"
    elif meta.get("published") not in (None, ""):  # `published:` left empty means unknown
        doc.published, doc.published_from = _date(meta["published"], rel), "front matter"
    # Otherwise unknown here; the dates stage reads it from the text where the text states it.
    return doc


def _str(v) -> str | None:
    return None if v is None else str(v).strip()


def _short_code(value) -> str:
    return str(value).strip().lower().replace("_", "-").split("-")[0]


def language_code(value, rel: str, key: str, rules_dirs: tuple[str, ...] = ()) -> str:
    """'de', 'DE', 'de-AT' → 'de'; a language without a rule pack is an error naming the key."""
    if not isinstance(value, str):
        raise FactlintError(f"{key}: expected a language code such as 'de' or 'en', got {value!r}", rel)
    code = _short_code(value)
    langs = available_languages(rules_dirs)
    if code not in langs:
        raise FactlintError(f"{key}: no rule pack for language {value!r} (available: {', '.join(langs)})", rel)
    return code


def _date(value, rel: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise FactlintError(f"front matter: published: not an ISO date (YYYY-MM-DD): {value!r}", rel) from None


# ----------------------------------------------------------------------- Markdown

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


# No alternative crosses the character that could start another match ("[", "(", "<"):
# a failed attempt stops there, so blanking stays linear in the length of the text.
MD_LINK = re.compile(r'(!?\[)([^\[\]\n]*)(\]\([^()\s]*(?:\s+"[^"\n]*")?\))')
# Footnote marks ([^1], [1]) and reference-link labels ([text][2]) carry numbers that are no claims.
MD_NOTE = re.compile(r"\[\^[^\[\]\s]+\]|\[\d{1,3}\]|\]\[[^\[\]\n]*\]")
MD_REFDEF = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[^\n]*", re.M)  # a footnote's text stays
MD_LINE_MARKS = re.compile(r"^[ \t]{0,3}(?:#{1,6}|>+)(?=[ \t])", re.M)
MD_MARK_START = re.compile(r"[*`_<]")  # a class first: the engine skips to candidates fast
MD_INLINE_MARK = re.compile(r"\*{1,3}|`+|(?<!\w)_{1,3}|_{1,3}(?!\w)|</?[A-Za-z][^<>\n]*>")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+")


def markdown_scan(text: str, body_start: int) -> str:
    """`text` with the front matter, link targets, markup characters and URLs blanked."""
    spans = [(0, body_start)]
    for m in MD_LINK.finditer(text, body_start):
        spans += [(m.start(1), m.end(1)), (m.start(3), m.end(3))]
    spans += [m.span() for m in MD_REFDEF.finditer(text, body_start)]
    spans += [m.span() for m in MD_NOTE.finditer(text, body_start)]
    spans += [m.span() for m in MD_LINE_MARKS.finditer(text, body_start)]
    spans += inline_marks(text, body_start)
    spans += [m.span() for m in URL.finditer(text, body_start)]
    spans += html_comments(text, body_start)
    scan = blank_spans(text, spans)
    breaks = soft_breaks(text, body_start)  # read from the marks, before they were blanked
    if not breaks:
        return scan
    chars = list(scan)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


MD_BLOCK_START = re.compile(r"[ \t]{0,3}(?:[#>|<]|```|~~~|[-*+•][ \t]|\d{1,9}[.)][ \t])")


def soft_breaks(text: str, start: int) -> list[int]:
    """Offsets of the line breaks inside Markdown paragraphs (a wrapped line): read as spaces,
    so a sentence wrapped over two lines stays one sentence. A blank line, a heading, a list
    item, a quote, a table row, a fence or a hard break (two spaces, a backslash) ends a line."""
    out: list[int] = []
    fenced = False
    lines = []  # (offset from start, line with its "\n"); found with str.find: linear on any input
    body_text = text[start:]
    at = 0
    while (end := body_text.find("\n", at)) >= 0:
        lines.append((at, body_text[at:end + 1]))
        at = end + 1
    for (at, line), (_, following) in zip(lines, lines[1:]):
        body = line.rstrip("\r\n")
        if body.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or not body.strip() or not following.strip() or MD_BLOCK_START.match(following):
            continue
        if body.lstrip().startswith(("#", "|")) or body.endswith(("  ", "\\")):
            continue
        newline = start + at + len(body)
        out.extend(range(newline, start + at + len(line)))
    return out


def inline_marks(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of emphasis and code marks and inline HTML tags from `start`."""
    spans: list[tuple[int, int]] = []
    end = start
    for candidate in MD_MARK_START.finditer(text, start):
        if candidate.start() < end:
            continue
        m = MD_INLINE_MARK.match(text, candidate.start())
        if m:
            spans.append(m.span())
            end = m.end()
    return spans


def html_comments(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of `<!-- … -->` from `start`; an unclosed one runs to the end."""
    spans = []
    while (open_at := text.find("<!--", start)) >= 0:
        close = text.find("-->", open_at + 4)
        start = len(text) if close < 0 else close + 3
        spans.append((open_at, start))
    return spans


def blank_urls(text: str) -> str:
    """URLs carry digits that are no claims (dates in paths, ids): blank them."""
    return blank_spans(text, [m.span() for m in URL.finditer(text)])


def blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, newlines kept."""
    return blank_spans(text, [(start, end)])


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


# ----------------------------------------------------------------------------- HTML

SKIP_TAGS = {"script", "style", "nav", "noscript", "template", "svg", "form", "button", "iframe",
             "select", "textarea", "head", "dialog", "menu", "object", "canvas", "figure-ad"}
PAGE_CHROME_TAGS = {"header", "footer", "aside"}  # skipped unless inside the article itself
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
             "source", "track", "wbr"}
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
              "table", "section", "article", "main", "blockquote", "pre", "hr", "dd", "dt", "dl",
              "figcaption", "caption", "header", "footer", "aside", "address", "details", "summary"}
CONTENT_TAGS = {"article", "main"}
SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search",
              "menu", "menubar", "toolbar", "alert"}
# id/class words of page furniture: cookie banners, menus, share bars, teasers, ads.
SKIP_WORDS = {"cookie", "cookies", "consent", "gdpr", "cmp", "nav", "navbar", "navigation", "menu",
              "breadcrumb", "breadcrumbs", "sidebar", "share", "sharing", "social", "newsletter",
              "subscribe", "related", "recommended", "comments", "comment", "ad",
              "ads", "advert", "advertisement", "promo", "popup", "modal", "paywall", "skip", "sr-only"}
SPACE_ENTITIES = {"\u00a0", "\u2002", "\u2003", "\u2009", "\u200a", "\u202f", "\u2007", "\u2008",
                  "\u200b", "\u200c", "\u200d", "\u2060"}
SOURCE_BREAK = re.compile(r"[\r\n]")
CHAR_REF = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?")
LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')
META_PUBLISHED = {"article:published_time", "date", "pubdate", "dc.date", "dc.date.issued",
                  "datepublished", "publish-date", "og:published_time"}


def _furniture(attrs: dict) -> bool:
    if (attrs.get("role") or "").lower() in SKIP_ROLES or "hidden" in attrs:
        return True
    if (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    words = re.split(r"[\s_-]+", f"{attrs.get('id') or ''} {attrs.get('class') or ''}".lower())
    return any(w in SKIP_WORDS for w in words)


# One pass over the markup, linear in the length of the page however broken it is
# (html.parser rescans unclosed tags and takes minutes on a few thousand of them).
MARKUP = re.compile(r"""
    <!--.*?(?:--!?>|\Z)                                   # comment; unclosed: to the end
  | <!\[CDATA\[.*?(?:\]\]>|\Z)
  | <[!?][^<>]*>?                                        # doctype, processing instruction
  | <(?P<slash>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)
      (?P<attrs>(?:[^<>"']|"[^"<]*"|'[^'<]*')*)(?P<gt>>)?  # a tag; without its '>' it is text
  | &(?:\#[xX][0-9a-fA-F]{1,6}|\#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?
""", re.S | re.X)
ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
SELF_ENDING = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}  # a second one ends the first
RAW_TEXT = {"script", "style", "textarea", "title", "iframe", "noscript", "xmp", "noembed", "noframes"}


@lru_cache(maxsize=None)
def _closing(tag: str) -> re.Pattern:
    return re.compile(rf"</{tag}(?=[\s/>])[^>]*>?", re.I)


class _Masker:
    """Collects the spans of the raw HTML that are visible article text, and the page's metadata."""

    def __init__(self, text: str):
        self.text = text
        # (start, end, what the scan shows there, inside <article>/<main>)
        self.keep: list[tuple[int, int, str, bool]] = []
        self.breaks: list[int] = []
        self.stack: list[tuple[str, bool, bool, bool]] = []  # (tag, skipped, content, preformatted)
        self.open: dict[str, int] = {}  # open elements by tag, so a stray end tag costs nothing
        self.title: str | None = None
        self.meta: dict = {}
        self.has_content = False
        self.first_time: str | None = None

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def in_content(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    @property
    def in_pre(self) -> bool:
        return bool(self.stack) and self.stack[-1][3]

    def run(self) -> None:
        text, pos, n = self.text, 0, len(self.text)
        while pos < n:
            m = MARKUP.search(text, pos)
            if not m:
                self.data(pos, n)
                break
            if m.start() > pos:
                self.data(pos, m.start())
            pos = m.end()
            if m.group().startswith("&"):
                self.reference(m.start(), m.end())
            elif not m.group("name"):
                continue  # comment, doctype: not shown
            elif m.group("gt") is None:
                self.data(m.start(), m.end())  # "<" that opens no tag is text
            elif m.group("slash"):
                self.end_tag(m.group("name").lower(), m.start())
            else:
                tag = m.group("name").lower()
                attrs = {a.lower(): next((v for v in vals if v is not None), "")
                         for a, *vals in ATTRIBUTE.findall(m.group("attrs"))}
                closed = m.group("attrs").rstrip().endswith("/")
                self.start_tag(tag, attrs, m.start(), closed)
                if tag in RAW_TEXT and not closed:
                    close = _closing(tag).search(text, pos)
                    self.raw_text(tag, pos, close.start() if close else n)
                    if close:
                        self.end_tag(tag, close.start())
                    pos = close.end() if close else n

    def start_tag(self, tag: str, a: dict, at: int, closed: bool) -> None:
        if tag in BLOCK_TAGS:
            self.breaks.append(at)
        self._metadata(tag, a)
        if tag in VOID_TAGS or closed:
            return
        if tag in SELF_ENDING and self.stack and self.stack[-1][0] == tag:
            self._pop(len(self.stack) - 1)  # <p>a<p>b: a new paragraph ends the open one
        content = self.in_content or tag in CONTENT_TAGS or a.get("role") == "main" \
            or a.get("itemprop") == "articleBody"
        skipped = self.skipping or tag in SKIP_TAGS or _furniture(a) \
            or (tag in PAGE_CHROME_TAGS and not self.in_content)
        if content and not skipped:
            self.has_content = True
        self.stack.append((tag, skipped, content, self.in_pre or tag == "pre"))
        self.open[tag] = self.open.get(tag, 0) + 1

    def end_tag(self, tag: str, at: int) -> None:
        if tag in BLOCK_TAGS:
            self.breaks.append(at)
        if self.open.get(tag):
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][0] == tag:
                    self._pop(i)
                    break

    def _pop(self, i: int) -> None:
        """Close the element at stack index `i` and every element opened inside it."""
        for tag, *_ in self.stack[i:]:
            self.open[tag] -= 1
        del self.stack[i:]

    def _metadata(self, tag: str, a: dict) -> None:
        if tag == "meta":
            name = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if name in META_PUBLISHED and a.get("content"):
                self.meta.setdefault("published", a["content"][:10])
        elif tag == "html" and a.get("lang"):
            self.meta["lang"] = a["lang"]
        elif tag == "time" and a.get("datetime"):
            if "pubdate" in a or a.get("itemprop") == "datePublished":
                self.meta.setdefault("published", a["datetime"][:10])
            else:  # the first <time> of a page is its date line, unless metadata says otherwise
                self.first_time = self.first_time or a["datetime"][:10]

    def raw_text(self, tag: str, start: int, end: int) -> None:
        """Content of <script>, <style>, <title>…: never article text; the title and JSON-LD dates are read."""
        if tag == "title":
            self.title = (self.title or "") + html.unescape(self.text[start:end])
        elif tag == "script":
            m = LD_PUBLISHED.search(self.text, start, end)
            if m:
                self.meta.setdefault("published", m.group(1))

    def data(self, start: int, end: int) -> None:
        if self.skipping:
            return
        data = self.text[start:end]
        # A line break in the page source is a space on the page (except in <pre>):
        # lines of the scan are the page's blocks, so sentences are not cut at wraps.
        shown = data if self.in_pre else SOURCE_BREAK.sub(" ", data)
        self.keep.append((start, end, shown, self.in_content))

    def reference(self, start: int, end: int) -> None:
        ref = self.text[start:end]
        char = html.unescape(ref)
        if char == ref:  # "&T" in AT&T;, an unknown name: plain text
            self.data(start, end)
            return
        if self.skipping:
            return
        # Same length as the reference: the character it stands for, then spaces.
        # Space-like references (&nbsp; &thinsp; …) become plain spaces, so `3&nbsp;Mio.` reads as `3 Mio.`.
        if len(char) != 1 or char in SPACE_ENTITIES or char.isspace():
            char = " "
        self.keep.append((start, end, char + " " * (end - start - 1), self.in_content))


def entity_end(text: str, end: int) -> int:
    """`end`, moved past a character reference (`&#37;`, `&euro;`) that it would cut in two.

    In an HTML document's scan the character a reference stands for sits on its `&`,
    so a claim ending with that character ends inside the reference in the file.
    """
    amp = text.rfind("&", max(0, end - 10), end)
    if amp >= 0:
        m = CHAR_REF.match(text, amp)
        if m and m.end() > end:
            return m.end()
    return end


def html_scan(text: str) -> tuple[str, dict]:
    """A same-length copy of `text` with only the visible article text left in place.

    Lines of the scan are the page's blocks (<p>, <li>, <br>…): a line break inside a
    paragraph's source is a space, as the browser shows it.

    Entities such as `&nbsp;` stay as written in `text` (the offsets must not move); in
    `scan` each becomes the character it stands for followed by spaces. When the page
    marks its article (`<article>`, `<main>`, role=main), only that text is kept.
    """
    p = _Masker(text)
    p.run()
    chars = [c if c in "\r\n" else " " for c in text]
    for start, end, replacement, content in p.keep:
        if p.has_content and not content:
            continue
        chars[start:end] = replacement
    for b in p.breaks:
        if b < len(chars) and chars[b] == " ":
            chars[b] = "\n"
    meta = dict(p.meta)
    if p.first_time and "published" not in meta:
        meta["published"] = p.first_time
    if p.title and p.title.strip():
        meta["title"] = " ".join(p.title.split())
    if meta.get("published"):
        try:
            meta["published"] = dt.date.fromisoformat(meta["published"])
        except ValueError:
            meta.pop("published")
    return "".join(chars), meta


# ------------------------------------------------------------------------ language

WORD = re.compile(r"[^\W\d_]+")


# The separator can only be a decimal one: 1,1 and 37.5, or the last of 2.000,35 and 2,000.35.
DETECT_WORDS = 300  # the first words of a text are enough to tell its language
DECIMAL = re.compile(r"\d(?P<short>[.,])\d{1,2}\b(?![.,]\d)"
                     r"|\d{1,3}(?:(?P<group>[.,])\d{3}){1,6}(?!(?P=group))(?P<last>[.,])\d+\b(?![.,]\d)")


@dataclass(frozen=True)
class _Signals:
    stopwords: frozenset[str]
    letters: frozenset[str]
    vocabulary: frozenset[str]  # words of the pack no other pack has: month, number, unit, currency names
    decimal: str
    lexicon: frozenset[str] = frozenset()  # stopwords and vocabulary: each occurrence counts one


def _pack_words(lang: str, rules_dirs: tuple[str, ...]) -> set[str]:
    p = load_pack(lang, rules_dirs)
    tables = [p.numbers.words, p.numbers.scales, p.money.names, p.units.names, p.dates.months,
              p.dates.weekdays, p.hedges.before]
    for facet, key in (("numbers", "fractions"), ("numbers", "special"), ("units", "percent"), ("units", "per"),
                       ("dates", "relative_days"), ("dates", "holidays"), ("dates", "units")):
        tables.append(getattr(getattr(p, facet), key, {}) or {})
    return {w for table in tables for name in table for w in WORD.findall(str(name).lower()) if len(w) >= 3}


@lru_cache(maxsize=None)
def _signals(rules_dirs: tuple[str, ...]) -> dict[str, _Signals]:
    langs = available_languages(rules_dirs)
    words = {lang: _pack_words(lang, rules_dirs) for lang in langs}
    out = {}
    for lang in langs:
        p = load_pack(lang, rules_dirs)
        others = set().union(*(words[o] for o in langs if o != lang))
        stopwords = frozenset(w.lower() for w in p.detect.stopwords)
        vocabulary = frozenset(words[lang] - others)
        out[lang] = _Signals(stopwords, frozenset(p.detect.letters.lower()), vocabulary,
                             p.numbers.decimal_separator, stopwords | vocabulary)
    return out


def detect_language(text: str, rules_dirs: tuple[str, ...] = ()) -> str:
    """The language whose own words are most frequent in `text`; English when nothing speaks for one.

    A stopword or a word only this language's pack knows (a month, a number word, a
    unit or currency name) counts one; a word with a letter typical of the language
    (ä, ö, ü, ß) and a decimal number written with the language's separator count a
    half, so a short headline or a bare figure still goes the right way.
    """
    words = Counter(m.group() for m in islice(WORD.finditer(text[:20000].lower()), DETECT_WORDS))
    unusual = [w for w in words if not w.isascii()]  # the only words that can hold a typical letter
    # Separators only tip the balance in short texts: read them near the start.
    separators = [m["short"] or m["last"] for m in DECIMAL.finditer(text, 0, 400)]
    best, best_score = "en", 0.0
    for lang, sig in _signals(rules_dirs).items():
        score = sum(words[w] for w in sig.lexicon.intersection(words))
        if sig.letters:
            score += 0.5 * sum(words[w] for w in unusual if not sig.letters.isdisjoint(w))
        score += 0.5 * separators.count(sig.decimal)
        if score > best_score:
            best, best_score = lang, score
    return best
