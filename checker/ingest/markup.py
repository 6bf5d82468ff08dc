"""HTML → scan: only the visible article text left in place, and the page's metadata.

One pass of a regular expression over the markup (`_Masker`) finds the spans that a
browser would show as the article's text; `html_scan` keeps them in a same-length copy
of the page and blanks the rest. Each character reference becomes the character it
stands for followed by spaces, so offsets do not move; `entity_end` widens a claim
that ends on such a character to the whole reference in the file.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from functools import lru_cache

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
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060"}  # zero-width characters: shown as a space
SOURCE_BREAK = re.compile(r"[\r\n]")
# A character reference (`&#37;`, `&#x20AC;`, `&euro;`); "#" escaped for the verbose MARKUP.
CHAR_REF = re.compile(r"&(?:\#[xX][0-9a-fA-F]{1,6}|\#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?")
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
  | """ + CHAR_REF.pattern, re.S | re.X)
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
        if len(char) != 1 or (char.isspace() and char not in "\u00a0\u202f\u2009") or char in INVISIBLE:
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
