"""Paths → Documents. The only stage that reads files.

Text is decoded as UTF-8 (byte-order mark removed, newlines unchanged). Each Document
keeps the file as read (`text`) and a same-length copy for extraction (`scan`) in
which front matter and HTML markup are blanked, so offsets always point into the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from checker.errors import FactlintError
from checker.model import Document
from rules.loader import available_languages, load_pack

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
FRONT_KEYS = {"title", "source", "published", "lang", "url"}


@dataclass
class Ingested:
    documents: list[Document] = field(default_factory=list)
    errors: list[FactlintError] = field(default_factory=list)


def discover(paths: list[str | Path]) -> list[tuple[Path, str]]:
    """Article files under `paths` with their report path (relative, '/' separators).

    A folder is searched recursively; a file given directly is named by its file name.
    """
    found: list[tuple[Path, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not _hidden(f.relative_to(p)):
                    found.append((f, f.relative_to(p).as_posix()))
        elif p.is_file():
            found.append((p, p.name))
        else:
            raise FactlintError("no such file or folder", str(raw))
    return found


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def ingest(paths: list[str | Path]) -> Ingested:
    """Read every article under `paths`; a bad file becomes an error, the others go on."""
    out = Ingested()
    for path, rel in discover(paths):
        try:
            out.documents.append(read_document(path, rel))
        except FactlintError as exc:
            out.errors.append(exc)
    return out


def decode(data: bytes, label: str) -> str:
    if b"\x00" in data[:8192]:
        raise FactlintError("binary file, not text", label)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FactlintError(f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at byte {exc.start})", label) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_document(path: Path, rel: str) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FactlintError(f"cannot read: {exc.strerror}", rel) from None
    fmt = SUFFIXES.get(path.suffix.lower(), "txt")
    return parse_document(decode(data, rel), rel, fmt)


def parse_document(text: str, rel: str, fmt: str = "txt", lang: str | None = None,
                   published: dt.date | None = None) -> Document:
    meta: dict = {}
    scan = text
    if fmt == "md":
        meta, end = front_matter(text, rel)
        scan = blank(text, 0, end)
    elif fmt == "html":
        scan, meta = html_scan(text)
    doc = Document(
        id=rel, path=rel, format=fmt, text=text, scan=scan,
        title=_str(meta.get("title")), source=_str(meta.get("source")), url=_str(meta.get("url")),
    )
    if published is not None:
        doc.published, doc.published_from = published, "input"
    elif meta.get("published") is not None:
        doc.published, doc.published_from = _date(meta["published"], rel), "front matter"
    if lang:
        doc.lang, doc.lang_from = lang, "input"
    elif meta.get("lang"):
        doc.lang, doc.lang_from = str(meta["lang"]).lower().split("-")[0], "front matter"
    else:
        doc.lang, doc.lang_from = detect_language(scan), "detected"
    return doc


def _str(v) -> str | None:
    return None if v is None else str(v)


def _date(value, rel: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise FactlintError(f"front matter: published: not a date: {value!r}", rel) from None


def front_matter(text: str, rel: str) -> tuple[dict, int]:
    """The YAML front matter of a Markdown file and the offset where the body starts."""
    if not text.startswith("---"):
        return {}, 0
    m = FRONT_MATTER.match(text)
    if not m:
        raise FactlintError("front matter: opening '---' without a closing '---'", rel)
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise FactlintError(f"front matter: {problem}{where}", rel) from None
    if not isinstance(meta, dict):
        raise FactlintError("front matter: not a mapping of keys to values", rel)
    return meta, m.end()


def blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, newlines kept."""
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


# ----------------------------------------------------------------------------- HTML

SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "form", "button", "iframe"}
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
              "table", "section", "article", "blockquote", "pre", "hr", "dd", "dt", "figcaption", "title"}


class _Masker(HTMLParser):
    """Collects the spans of the raw HTML that are visible article text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.keep: list[tuple[int, int]] = []
        self.breaks: list[int] = []
        self.skip_depth = 0
        self.title: str | None = None
        self._in_title = False
        self.meta: dict = {}

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip_depth += 1
        if tag in BLOCK_TAGS:
            self.breaks.append(self._offset())
        if tag == "title":
            self._in_title = True
        if tag == "meta":
            a = dict(attrs)
            name = (a.get("name") or a.get("property") or "").lower()
            if name in ("article:published_time", "date", "pubdate", "dc.date"):
                self.meta.setdefault("published", (a.get("content") or "")[:10])
        if tag == "html":
            lang = dict(attrs).get("lang")
            if lang:
                self.meta["lang"] = lang

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in BLOCK_TAGS:
            self.breaks.append(self._offset())
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data
            return
        if not self.skip_depth:
            start = self._offset()
            self.keep.append((start, start + len(data)))

    def handle_entityref(self, name):
        self._keep_ref()

    def handle_charref(self, name):
        self._keep_ref()

    def _keep_ref(self):
        if not self.skip_depth and not self._in_title:
            start = self._offset()
            end = self.text.find(";", start) + 1 or start + 1
            self.keep.append((start, end))


def html_scan(text: str) -> tuple[str, dict]:
    """A same-length copy of `text` with only the visible article text left in place.

    Entities such as `&nbsp;` stay as written (the offsets must not move); extraction
    treats them as the whitespace or character they stand for.
    """
    p = _Masker(text)
    p.feed(text)
    p.close()
    chars = [c if c in "\r\n" else " " for c in text]
    for start, end in p.keep:
        chars[start:end] = text[start:end]
    for b in p.breaks:
        if b < len(chars) and chars[b] == " ":
            chars[b] = "\n"
    meta = dict(p.meta)
    if p.title:
        meta["title"] = p.title.strip()
    if meta.get("published"):
        try:
            meta["published"] = dt.date.fromisoformat(meta["published"])
        except ValueError:
            meta.pop("published")
    return "".join(chars), meta


# ------------------------------------------------------------------------ language

WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The language pack whose stopwords are most frequent in `text` (English on a tie)."""
    words = WORD.findall(text[:20000].lower())
    best, best_score = "en", 0
    for lang in available_languages():
        stop = set(load_pack(lang).detect.stopwords)
        score = sum(w in stop for w in words)
        if score > best_score:
            best, best_score = lang, score
    return best
