"""The findings list's model: rows, filters, sort and search without widgets."""

from __future__ import annotations

from factlint.tui.rows import Filters, FindingIndex


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
    assert ids(index, index.view(Filters())) == ["f2conversion", "f3agreement0"]
    assert ids(index, index.view(Filters(status="dismissed"))) == ["f1conflict00"]
    assert ids(index, index.view(Filters(status=None, kind="agreement"))) == ["f3agreement0"]
    assert ids(index, index.view(Filters(status=None, document="harbour-en.md"))) == ["f1conflict00", "f3agreement0"]
    assert ids(index, index.view(Filters(status=None, query="MILLIONEN harbour-de"))) == ["f1conflict00",
                                                                                         "f2conversion"]
    assert ids(index, index.view(Filters(status=None, query="nothing-like-this"))) == []


def test_sort_by_sources_then_report_order_and_reverse(report):
    index = FindingIndex(report)
    everything = Filters(status=None)
    assert ids(index, index.view(everything, "sources")) == ["f1conflict00", "f3agreement0", "f2conversion"]
    assert ids(index, index.view(everything, "kind", reverse=True)) == ["f3agreement0", "f2conversion",
                                                                        "f1conflict00"]
    assert ids(index, index.view(everything, "measure")) == ["f1conflict00", "f2conversion", "f3agreement0"]


def test_claims_of_a_document_are_in_text_order(report):
    index = FindingIndex(report)
    starts = [c.start for c in index.claims_by_document["harbour-en.md"]]
    assert starts == sorted(starts) and len(starts) == 4
