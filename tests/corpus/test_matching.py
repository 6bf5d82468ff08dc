"""The matching helper, on a tiny story and hand-made reports: it must score as the eval scorer does."""

from __future__ import annotations

import json

import pytest

from factlint.checker.model import Claim, Finding, Report
from tests.corpus.matching import Matching, Story, inside_longer_number, load_expected

A_TEXT = "---\ntitle: \"x 12\"\n---\nDer Umsatz lag bei 12 Millionen Euro, die Aktie bei 112 Euro.\n"
B_TEXT = "\ufeffRevenue was $15 million.\r\nThe share closed at 1,500.\r\n"


@pytest.fixture
def story(tmp_path):
    (tmp_path / "a.md").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(B_TEXT.encode("utf-8"))
    expected = {
        "case": "tiny", "description": "two articles",
        "discrepancies": [{"id": "g1", "kind": "conflict", "anchors": [
            {"doc": "a.md", "quote": "12 Millionen Euro"}, {"doc": "b.txt", "quote": "$15 million"}]}],
        "traps": [{"id": "t1", "why": "a share price is not revenue", "anchors": [
            {"doc": "a.md", "quote": "112 Euro"}, {"doc": "b.txt", "quote": "$15 million"}]}],
        "agreements": [],
    }
    (tmp_path / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    return Story.load(tmp_path)


def claim(cid: str, doc: str, text: str, surface: str) -> Claim:
    text = text.removeprefix("\ufeff")
    start = text.index(surface)
    return Claim(id=cid, document=doc, start=start, end=start + len(surface), surface=surface, kind="money")


def report(*findings: tuple[str, list[Claim]]) -> Report:
    claims = {c.id: c for _, cs in findings for c in cs}
    return Report(claims=list(claims.values()), findings=[
        Finding(id=f"f{i}", kind=kind, code="FL000", name="test", severity="error",
                claims=[c.id for c in cs], message="") for i, (kind, cs) in enumerate(findings)])


def test_anchor_span_counts_from_after_the_byte_order_mark(story):
    span = story.span(story.expected.discrepancies[0].anchors[1])
    assert B_TEXT[1:][span.start:span.end] == "$15 million"


def test_a_finding_covering_both_anchors_matches_the_discrepancy(story):
    a = claim("a", "a.md", A_TEXT, "12 Millionen Euro")
    b = claim("b", "b.txt", B_TEXT, "$15 million")
    m = Matching(story, report(("conflict", [a, b])))
    assert [f.id for f in m.covering(m.discrepancy("g1").anchors)] == ["f0"]
    assert m.unexpected() == []


def test_a_claim_overlapping_part_of_the_quote_is_enough(story):
    a = claim("a", "a.md", A_TEXT, "12 Millionen")
    b = claim("b", "b.txt", B_TEXT, "15 million")
    assert Matching(story, report(("drift", [a, b]))).covering(story.expected.discrepancies[0].anchors)


def test_agreements_and_claims_of_other_documents_do_not_match(story):
    a = claim("a", "a.md", A_TEXT, "12 Millionen Euro")
    b = claim("b", "b.txt", B_TEXT, "$15 million")
    wrong_doc = Claim(id="w", document="c.md", start=b.start, end=b.end, surface="$15 million", kind="money")
    m = Matching(story, report(("agreement", [a, b]), ("conflict", [a, wrong_doc])))
    assert m.covering(m.discrepancy("g1").anchors) == []
    assert [f.id for f in m.unexpected()] == ["f1"]


def test_a_trap_inside_one_finding_is_reported(story):
    price = claim("p", "a.md", A_TEXT, "112 Euro")
    b = claim("b", "b.txt", B_TEXT, "$15 million")
    m = Matching(story, report(("conflict", [price, b])))
    assert [f.id for f in m.covering(m.trap("t1").anchors)] == ["f0"]
    assert [f.id for f in m.unexpected()] == ["f0"]


def test_anchor_problems_name_missing_quotes_numbers_inside_numbers_and_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Revenue was $15 million.\n", encoding="utf-8")
    expected = {"case": "bad", "description": "broken anchors", "discrepancies": [
        {"id": "g1", "kind": "conflict", "anchors": [{"doc": "a.md", "quote": "12"}, {"doc": "b.txt", "quote": "$16"}]},
        {"id": "g2", "kind": "drift", "anchors": [{"doc": "a.md", "quote": "12 Euro"}, {"doc": "b.txt", "quote": "5 million"}]},
        {"id": "g3", "kind": "drift", "anchors": [{"doc": "a.md", "quote": "Umsatz"}, {"doc": "a.md", "quote": "Aktie"}]}]}
    (tmp_path / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    problems = Story.load(tmp_path).anchor_problems()
    assert any("'12'" in p and "front matter" in p for p in problems)
    assert any("'$16'" in p and "not found" in p for p in problems)
    assert any("'12 Euro'" in p and "longer number" in p for p in problems)
    assert any("'5 million'" in p and "longer number" in p for p in problems)
    assert any("g3" in p and "two documents" in p for p in problems)


@pytest.mark.parametrize("text, quote, inside", [
    ("bei 112 Euro", "12 Euro", True),
    ("1.500 Menschen", "500 Menschen", True),
    ("1,5 Billionen", "1,5", False),
    ("auf 1.500.", "1.500", False),
    ("5 Prozent", "5 Prozent", False),
])
def test_inside_longer_number(text, quote, inside):
    start = text.index(quote)
    assert inside_longer_number(text, start, start + len(quote)) is inside


def test_a_malformed_expected_file_is_one_line_naming_file_and_key(tmp_path):
    path = tmp_path / "expected.json"
    path.write_text(json.dumps({"case": "x", "description": "y", "discrepancies": [
        {"id": "g1", "kind": "contradiction", "anchors": []}]}), encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_expected(path)
    assert str(path) in str(err.value) and "discrepancies.0.kind" in str(err.value)
    assert "\n" not in str(err.value)
