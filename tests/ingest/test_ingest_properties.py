"""Whatever the input, ingest keeps `scan` aligned with `text` or fails with a FactlintError."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from factlint.checker.errors import FactlintError
from factlint.checker.ingest import decode, parse_document

MARKUP = st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<nav>", "</nav>", "<article>", "&nbsp;",
                          "&euro;", "&#37;", "&#x20AC;", "&bogus;", "&", "<!--", "-->", "---\n", "**", "[a](b)",
                          "https://x.org/1", "\r\n", "\n", "3,5 Mio.", "ä", "<br/>", "<div class='cookie'>"])
TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["txt", "md", "html"]))
def test_scan_is_the_text_with_parts_blanked(text, fmt):
    try:
        doc = parse_document(text, "x." + fmt, fmt)
    except FactlintError as exc:
        assert str(exc).startswith("x.") and "\n" not in str(exc)
        return
    assert len(doc.scan) == len(doc.text)
    for i, (s, t) in enumerate(zip(doc.scan, doc.text)):
        # kept as written, blanked, a line break at a tag, or the character an entity at "&" stands for
        assert s == t or s in " \n" or t == "&", (i, s, t)
        assert t not in "\r\n" or s == t or (fmt in ("html", "md") and s == " "), (i, s, t)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_decode_returns_text_or_one_line_error(data):
    try:
        text = decode(data, "x.txt")
    except FactlintError as exc:
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)
        return
    assert not text.startswith("\ufeff")
