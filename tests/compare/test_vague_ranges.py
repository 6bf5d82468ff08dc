"""A vague amount ("mehrere Tausend", "tens of thousands") is compared as the range it
names: a figure inside it agrees, one outside it conflicts; never as an exact 1000."""

from __future__ import annotations

import pytest

from factlint.checker.pipeline import check

STORIES = {
    "de": ("In Talheim demonstrierten am Montag {} gegen die neue Umgehungsstraße.",
           "mehrere Tausend Menschen", "5.000 Menschen", "1.000 Menschen"),
    "en": ("On Monday {} marched in Talheim against the new bypass road.",
           "tens of thousands of people", "40,000 people", "5,000 people"),
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_vague_amount_agrees_with_a_figure_inside_its_range_and_conflicts_with_one_outside(tmp_path, lang):
    sentence, vague, inside, outside = STORIES[lang]
    for name, figure in (("a.md", vague), ("b.md", inside), ("c.md", outside)):
        (tmp_path / name).write_text(f"---\npublished: 2026-03-02\nlang: {lang}\n---\n{sentence.format(figure)}\n",
                                     encoding="utf-8")
    report = check([tmp_path])
    surface = {c.id: c.surface for c in report.claims}
    pairs = {(f.kind, frozenset(surface[i].split()[0] for i in f.claims)) for f in report.findings}
    word = vague.split()[0]
    assert any(kind == "conflict" and {word, outside.split()[0]} <= names for kind, names in pairs)
    assert ("agreement", frozenset({word, inside.split()[0]})) in pairs
    # one finding per fact: the outside figure conflicts with both others, in one finding
    assert sum(kind == "conflict" for kind, _ in pairs) == 1


@pytest.mark.parametrize("lang, first, second, conflict", [
    # the same sentence around both: "several thousand" does contradict 1,000
    ("de", "In Talheim demonstrierten am Montag mehrere Tausend Menschen gegen die neue Umgehungsstraße.",
     "In Talheim demonstrierten am Montag 1.000 Menschen gegen die neue Umgehungsstraße.", True),
    # a loose word in another sentence is no statement of the figure
    ("en", "Owners can have the pump swapped free of charge at any of the roughly 1,100 workshops in Europe.",
     "\"Better to swap thousands of pumps needlessly than to miss one,\" the firm's chief executive said.", False),
])
def test_a_vague_amount_contradicts_a_figure_only_in_alike_words(tmp_path, lang, first, second, conflict):
    for name, text in (("a.md", first), ("b.md", second)):
        (tmp_path / name).write_text(f"---\npublished: 2026-03-02\nlang: {lang}\n---\n{text}\n", encoding="utf-8")
    report = check([tmp_path])
    assert any(f.kind == "conflict" for f in report.findings) is conflict
