"""Finding ids survive edits around a number and change when the number changes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.checker.extract import extract
from factlint.checker.fingerprint import assign_claim_ids, assign_finding_ids, claim_key, finding_id
from factlint.checker.ingest import parse_document
from factlint.checker.model import Claim, Finding
from factlint.rules.loader import load_pack

OTHER = "Laut Konzern kostet das Projekt 3 Milliarden Yuan.\n"

ORIGINAL = """Der Konzern plant ein neues Rechenzentrum in Hangzhou.

Die Baukosten liegen bei 431 Mio. US-Dollar, teilte das Unternehmen mit.

Der Bau soll im Sommer beginnen und 200 Arbeitsplätze schaffen.
"""


def fid(text: str, needle: str) -> str:
    """The id of a finding between OTHER's number and the claim whose surface starts at `needle`."""
    docs = {"a.txt": OTHER, "b.txt": text}
    claims = []
    for path, body in docs.items():
        doc = parse_document(body, path, "txt", lang="de")
        claims += extract(doc, load_pack("de"))
    assign_claim_ids(claims)
    ours = [c for c in claims if c.document == "b.txt" and c.start == text.index(needle)]
    theirs = [c for c in claims if c.document == "a.txt" and c.surface.startswith("3")]
    assert ours and theirs, [c.surface for c in claims]
    return finding_id("FL102", [theirs[0], ours[0]])


def test_id_survives_moving_the_paragraph():
    paragraphs = ORIGINAL.strip().split("\n\n")
    moved = "\n\n".join([paragraphs[1], paragraphs[2], paragraphs[0]]) + "\n"
    assert fid(moved, "431") == fid(ORIGINAL, "431")


def test_id_survives_rewording_the_sentence():
    reworded = ORIGINAL.replace("Die Baukosten liegen bei 431 Mio. US-Dollar, teilte das Unternehmen mit.",
                                "Nach Angaben der Firma wird der Neubau 431 Mio. US-Dollar kosten.")
    assert fid(reworded, "431") == fid(ORIGINAL, "431")


def test_id_survives_reformatting_the_number_to_the_same_value():
    reformatted = ORIGINAL.replace("431 Mio. US-Dollar", "431 Millionen US-Dollar")
    assert fid(reformatted, "431") == fid(ORIGINAL, "431")


def test_id_survives_reflowing_and_new_lines_above():
    reflowed = "Vorspann ohne Zahl.\n\n" + ORIGINAL.replace("bei 431", "bei\n431")
    assert fid(reflowed, "431") == fid(ORIGINAL, "431")


def test_id_changes_when_the_value_changes():
    changed = ORIGINAL.replace("431 Mio.", "435 Mio.")
    assert fid(changed, "435") != fid(ORIGINAL, "431")


def c(kind: str, value=None, unit=None, date=None, doc="a.md", start=0) -> Claim:
    return Claim(document=doc, start=start, end=start + 1, surface="x", kind=kind, value=value, unit=unit,
                 date=date, line=start + 1)


def test_claim_key_is_document_kind_and_canonical_value():
    assert claim_key(c("money", 431e6, "USD")) == "v1:a.md:money:431000000 USD"
    assert claim_key(c("percent", 6.22, "%")) == "v1:a.md:percent:6.22 %"
    assert claim_key(c("percent", 1.5, "pp")) == "v1:a.md:percent:1.5 pp"
    assert claim_key(c("date", date="2026-02-02")) == "v1:a.md:date:2026-02-02"
    assert claim_key(c("number", 1e6)) == "v1:a.md:number:1000000"


def test_quantities_are_keyed_in_base_units():
    assert claim_key(c("quantity", 1.5, "km")) == claim_key(c("quantity", 1500, "m"))
    assert claim_key(c("quantity", 2, "t")) != claim_key(c("quantity", 2, "kg"))


def test_key_has_no_position_and_float_noise_does_not_matter():
    assert claim_key(c("money", 0.1 + 0.2, "EUR", start=5)) == claim_key(c("money", 0.3, "EUR", start=900))
    assert not re.search(r":\d+:\d+", claim_key(c("money", 5, "EUR", start=77)))


def test_identical_values_in_one_document_are_counted():
    claims = [c("money", 5e6, "EUR", start=10), c("money", 5e6, "EUR", start=50), c("money", 5e6, "EUR", doc="b.md")]
    assign_claim_ids(claims)
    assert [x.key[-2:] for x in claims] == ["#1", "#2", "#1"]
    assert len({x.id for x in claims}) == 3


def test_finding_id_ignores_claim_order_and_depends_on_the_code():
    a, b = c("money", 1, "EUR"), c("money", 2, "EUR", doc="b.md")
    assign_claim_ids([a, b])
    assert finding_id("FL101", [a, b]) == finding_id("FL101", [b, a])
    assert finding_id("FL101", [a, b]) != finding_id("FL102", [a, b])


def test_colliding_findings_get_numbered_suffixes():
    a, b = c("money", 1, "EUR"), c("money", 2, "EUR", doc="b.md")
    assign_claim_ids([a, b])
    findings = [Finding(id="", kind="conflict", code="FL101", name="money-conflict", severity="error",
                        claims=[a.id, b.id], message=m) for m in ("one", "two", "three")]
    assign_finding_ids(findings, [a, b])
    base = findings[0].id
    assert [f.id for f in findings] == [base, f"{base}:2", f"{base}:3"]


PARAGRAPHS = [
    "Die Reederei bestellt zwei Fähren für 180 Millionen Euro.",
    "Der Hafen investiert 12,5 Mio. Euro in neue Kais.",
    "The yard employs 1,200 people and expects 15 % more orders.",
    "Im Vorjahr lag der Umsatz bei 2,1 Milliarden Euro.",
    "The ferries will carry up to 900 passengers each.",
    "Die Fähren kosten zusammen 180 Millionen Euro, heißt es.",
]


@settings(max_examples=25, deadline=None)
@given(st.permutations(PARAGRAPHS))
def test_claim_keys_do_not_depend_on_paragraph_order(order):
    def keys(paragraphs):
        text = "\n\n".join(paragraphs) + "\n"
        doc = parse_document(text, "a.txt", "txt", lang="de")
        claims = extract(doc, load_pack("de"))
        assign_claim_ids(claims)
        return sorted(c.key for c in claims)

    assert keys(order) == keys(PARAGRAPHS)


def test_a_conversion_findings_identity_is_the_converted_figures_not_their_source():
    from factlint.checker.model import RateCheck

    source_a, stated_a = c("money", 3e9, "CNY"), c("money", 420e6, "USD", start=5)
    source_b, stated_b = c("money", 3e9, "CNY", doc="b.md"), c("money", 431e6, "USD", doc="b.md", start=5)
    other_source = c("money", 3e9, "CNY", doc="b.md", start=9)
    assign_claim_ids([source_a, stated_a, source_b, stated_b, other_source])
    rate = RateCheck(source_claim=source_a.id, rate_date="2026-02-02", from_currency="CNY", to_currency="USD",
                     reference_value=432e6)
    one = Finding(id="", kind="conflict", code="FL106", name="conversion-conflict", severity="error",
                  claims=[stated_a.id, stated_b.id, source_a.id, source_b.id], message="m", rate_check=rate)
    two = one.model_copy(update={"claims": [stated_a.id, stated_b.id, source_a.id, other_source.id]})
    assign_finding_ids([one], [source_a, stated_a, source_b, stated_b, other_source])
    assign_finding_ids([two], [source_a, stated_a, source_b, stated_b, other_source])
    assert one.id == two.id == finding_id("FL106", [stated_a, stated_b])
