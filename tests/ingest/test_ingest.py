from checker.ingest import parse_document


def test_front_matter_is_blanked_but_offsets_kept():
    text = "---\ntitle: T\npublished: 2026-02-07\nlang: de\n---\nDer Umsatz: 3 Mio. Euro.\n"
    doc = parse_document(text, "a.md", "md")
    assert doc.published.isoformat() == "2026-02-07"
    assert doc.lang == "de" and doc.title == "T"
    assert len(doc.scan) == len(doc.text)
    assert "title" not in doc.scan and doc.scan.index("Der") == doc.text.index("Der")
