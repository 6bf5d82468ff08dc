"""A fact told by several sources is one finding; its id follows the set of its distinct
values, and decisions recorded under its former id move to the new one."""

from factlint.checker.compare import compare
from factlint.checker.context import annotate
from factlint.checker.decisions import DecisionStore
from factlint.checker.model import Decision
from factlint.checker.report import build_report
from tests.compare.claims import claim, doc, ids

TOLLS = {"a.md": "1,204", "b.md": "1,240", "c.md": "1,420"}


def report(tolls: dict[str, str], store: DecisionStore | None = None):
    docs, claims = [], []
    for path, toll in tolls.items():
        d = doc(f"quake/{path}", f"The quake killed {toll} people, officials said.", "2026-03-02", "en")
        docs.append(d)
        claims.append(claim(d, toll, "number", float(toll.replace(",", "")), None, counted="people"))
    ids(claims)
    annotate(docs, claims)
    return build_report(docs, claims, compare(claims), [], decisions=store)


def conflicts(r):
    return [f for f in r.findings if f.kind == "conflict"]


def test_three_sources_with_three_values_are_one_conflict_with_every_figure_en():
    (f,) = conflicts(report(TOLLS))
    assert len(f.claims) == 3


def test_id_survives_a_new_source_repeating_a_known_value_en():
    (before,) = conflicts(report(TOLLS))
    (after,) = conflicts(report({**TOLLS, "d.md": "1,240"}))
    assert len(after.claims) == 4
    assert after.id == before.id


def test_id_changes_with_a_new_value_en():
    (before,) = conflicts(report(TOLLS))
    (after,) = conflicts(report({**TOLLS, "d.md": "1,402"}))
    assert after.id != before.id


def test_id_changes_when_a_value_changes_en():
    (before,) = conflicts(report(TOLLS))
    (after,) = conflicts(report({**TOLLS, "c.md": "1,402"}))
    assert after.id != before.id


def test_a_decision_under_the_former_id_moves_to_the_new_one_with_its_note(tmp_path):
    (plain,) = conflicts(report(TOLLS))
    path = tmp_path / "decisions.json"
    old = DecisionStore(path)
    old.set(plain.previous_id, Decision(status="dismissed", note="three outlets, one typo", at="2026-03-03"))
    old.save()
    store = DecisionStore.load(path)
    (f,) = conflicts(report(TOLLS, store))
    assert (f.status, f.note) == ("dismissed", "three outlets, one typo")
    assert f.id != f.previous_id
    r = report(TOLLS, DecisionStore.load(path))
    assert r.stale_decisions == []  # the former id is not stale: it is carried over
    store.save()  # the next writer (decide, review, prune) writes the move
    on_disk = DecisionStore.load(path)
    assert f.previous_id not in on_disk and on_disk.get(f.id).note == "three outlets, one typo"


def test_a_decision_under_the_new_id_is_never_overwritten_by_a_former_one(tmp_path):
    (plain,) = conflicts(report(TOLLS))
    store = DecisionStore(tmp_path / "decisions.json")
    store.set(plain.previous_id, Decision(status="dismissed", note="old"))
    store.set(plain.id, Decision(status="confirmed", note="new"))
    (f,) = conflicts(report(TOLLS, store))
    assert (f.status, f.note) == ("confirmed", "new")
    assert store.get(plain.previous_id).note == "old"  # kept, listed as stale, never dropped silently
