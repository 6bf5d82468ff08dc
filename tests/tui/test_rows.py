"""The findings list's model: rows, filters, sort and search without widgets."""

from __future__ import annotations

from factlint.tui.rows import Filters, FindingIndex, arrow


def ids(index: FindingIndex, order: list[int]) -> list[str]:
    return [index.rows[i].finding.id for i in order]


def test_a_row_shows_values_side_by_side_and_counts_sources(report):
    index = FindingIndex(report)
    row = index.by_id["f1conflict00"]
    assert row.values == "240 million euros ↔ 260 Millionen Euro"
    assert row.documents == ("harbour-en.md", "harbour-de.md") and row.sources == 2
    assert index.by_id["f2conversion"].sources == 1


def test_open_count_leaves_agreements_out(report):
    assert FindingIndex(report).counts() == {"open": 2, "confirmed": 0, "dismissed": 0}


def test_filters_combine_status_kind_document_and_words(report):
    index = FindingIndex(report)
    report.findings[0].status = "dismissed"
    assert ids(index, index.view(Filters())) == ["f2conversion"]
    assert ids(index, index.view(Filters(status="dismissed"))) == ["f1conflict00"]
    assert ids(index, index.view(Filters(status=None, kind="agreement"))) == ["f3agreement0"]
    assert ids(index, index.view(Filters(status=None, document="harbour-en.md"))) == ["f1conflict00"]
    assert ids(index, index.view(Filters(status=None, document="harbour-en.md", agreements=True))) == [
        "f1conflict00", "f3agreement0"]
    assert ids(index, index.view(Filters(status=None, query="MILLIONEN harbour-de"))) == ["f1conflict00",
                                                                                         "f2conversion"]
    assert ids(index, index.view(Filters(status=None, query="nothing-like-this"))) == []


def test_sort_by_sources_then_report_order_and_reverse(report):
    index = FindingIndex(report)
    everything = Filters(status=None, agreements=True)
    assert ids(index, index.view(everything, "sources")) == ["f1conflict00", "f3agreement0", "f2conversion"]
    assert ids(index, index.view(everything, "kind", reverse=True)) == ["f3agreement0", "f2conversion",
                                                                        "f1conflict00"]
    assert ids(index, index.view(everything, "measure")) == ["f1conflict00", "f2conversion", "f3agreement0"]


def test_claims_of_a_document_are_in_text_order(report):
    index = FindingIndex(report)
    starts = [c.start for c in index.claims_by_document["harbour-en.md"]]
    assert starts == sorted(starts) and len(starts) == 4


def test_agreements_are_hidden_by_default_never_open_and_shown_by_their_filter(report):
    index = FindingIndex(report)
    assert "f3agreement0" not in ids(index, index.view(Filters()))
    assert "f3agreement0" not in ids(index, index.view(Filters(status=None)))
    assert ids(index, index.view(Filters(agreements=True))) == ["f1conflict00", "f2conversion", "f3agreement0"]
    assert len(index.view(Filters())) == index.counts()["open"]  # the first screen matches the header


def test_values_sort_by_number_not_text(report):
    index = FindingIndex(report)
    index.by_id["f1conflict00"].number, index.by_id["f2conversion"].number = 9.0, 10.0  # "10" < "9" as text
    assert ids(index, index.view(Filters(), "values")) == ["f1conflict00", "f2conversion"]
    assert ids(index, index.view(Filters(), "values", reverse=True)) == ["f2conversion", "f1conflict00"]


def test_values_are_the_smallest_canonical_value_of_a_finding(report):
    assert FindingIndex(report).by_id["f1conflict00"].number == 240e6


def test_the_sort_arrow_points_from_small_to_large():
    assert arrow("values", reverse=False) == "▲" and arrow("values", reverse=True) == "▼"
    assert arrow("sources", reverse=False) == "▼"  # most sources first


def test_a_row_names_its_story_and_outlets(report):
    report.documents[0].source = "Harbour Times"
    row = FindingIndex(report).by_id["f1conflict00"]
    assert row.story == "harbour" and row.outlets == "Harbour Times, harbour-de.md"
