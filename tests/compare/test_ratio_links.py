"""Ratios and weekdays across articles: what the conflict names (invented stories only)."""

from pathlib import Path

from factlint.checker.pipeline import Options, check


def findings(tmp_path: Path, docs: dict[str, str], code: str):
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = check([tmp_path], Options(decisions=tmp_path / "decisions.json"))
    surface = {c.id: c.surface for c in report.claims}
    return [(f, [surface[i] for i in f.claims]) for f in report.findings if f.code == code]


def test_a_ratio_against_another_articles_two_figures_names_factor_implied_value_and_figures_de(tmp_path):
    found = findings(tmp_path, {
        "a.md": "---\npublished: 2026-03-10\nlang: de\n---\nDie Zahl der Leihräder in Quellstadt hat sich halbiert, auf 400 Räder.\n",
        "b.md": "---\npublished: 2026-03-11\nlang: de\n---\nIn Quellstadt sank die Zahl der Leihräder von 1.200 Rädern auf 400 Räder.\n",
    }, "FL107")
    assert len(found) == 1
    finding, surfaces = found[0]
    assert finding.kind == "conflict"
    assert sorted(surfaces) == ["1.200", "400", "400"]
    text = finding.message
    assert "1/2 of another figure" in text and "at 800" in text  # "halbiert auf 400": it was 800
    assert "“1.200” and “400”, a factor of 3" in text and "not 1.8–2.2" in text


def test_a_ratio_whose_other_figure_the_article_states_is_checked_against_the_other_articles_pair_en(tmp_path):
    found = findings(tmp_path, {
        "a.md": "---\npublished: 2026-03-10\nlang: en\n---\nMarlow Bay's harbour handled 400 cruise calls in 2024. "
                "In 2025 its cruise calls doubled to 800.\n",
        "b.md": "---\npublished: 2026-03-11\nlang: en\n---\nMarlow Bay's harbour handled 400 cruise calls in 2024. "
                "In 2025 its cruise calls rose to 1,200 from 400.\n",
    }, "FL107")
    assert len(found) == 1
    finding, surfaces = found[0]
    assert sorted(surfaces) == ["1,200", "400", "400", "800"]  # a.md's two figures, b.md's two
    assert "makes “800” 2 × “400”" in finding.message and "a factor of 3" in finding.message


def test_a_weekday_resolved_from_the_publication_date_says_so_in_the_date_conflict_mixed(tmp_path):
    found = findings(tmp_path, {
        "a.md": "---\npublished: 2026-10-15\nlang: en\n---\nThe Kestrel ferry line reopened its harbour terminal on Tuesday.\n",
        "b.md": "---\npublished: 2026-10-16\nlang: de\n---\nDie Fährlinie Kestrel hat ihr Hafenterminal am 7. Oktober wiedereröffnet.\n",
    }, "FL105")
    assert len(found) == 1
    finding, surfaces = found[0]
    assert finding.kind == "conflict" and sorted(surfaces) == ["7. Oktober", "Tuesday"]
    assert "“Tuesday” → 2026-10-13, counted back from the publication date 2026-10-15" in finding.message
    assert "“7. Oktober” → 2026-10-07 as written" in finding.message
