"""A huge document is prepared without its claims' profiles (checker/engine/profiles.py); its
story gets them when it has another document to align with, in this run or from the cache, and
finds what a document read whole finds."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

from factlint.checker.engine import local
from factlint.checker.pipeline import Options, check

pieces = importlib.import_module("factlint.checker.engine.pieces")
profiles = importlib.import_module("factlint.checker.engine.profiles")

STORY = Path(__file__).resolve().parents[2] / "corpus" / "rabenfels-tunnel"
HUGE_ONE = "alpenkurier-durchschlag.md"
OTHER = "railway-review-rabenfels.md"
FILLER = ("Die Stadt zahlte 12 Millionen Euro für die Brücke, rund 13 Millionen Dollar. "
          "Am 3. März zählte der Verband 41.000 Mitglieder in Österreich.\n\n")


@pytest.fixture
def story(tmp_path, monkeypatch):
    """The two articles of a story, the first made longer than a huge document (in small pieces)."""
    monkeypatch.setattr(pieces, "PIECE", 6_000)
    monkeypatch.setattr(pieces, "HUGE", 12_000)
    root = tmp_path / "story"
    root.mkdir()
    text = (STORY / HUGE_ONE).read_text(encoding="utf-8")
    (root / HUGE_ONE).write_text(text + "\n" + FILLER * 120, encoding="utf-8")
    shutil.copy(STORY / OTHER, root / OTHER)
    return root


@pytest.fixture
def fills(monkeypatch):
    """The documents whose profiles were made after they were prepared."""
    seen: list[str] = []
    real = profiles.fill_profiles

    def fill(doc, claims, rules):
        seen.append(doc.path)
        return real(doc, claims, rules)

    monkeypatch.setattr(profiles, "fill_profiles", fill)
    return seen


def whole(paths, monkeypatch, **options) -> str:
    """The report with every document read whole (profiles made as it is prepared)."""
    with monkeypatch.context() as m:
        m.setattr(pieces, "HUGE", 10**9)
        return check(paths, Options(cache=False, **options)).model_dump_json()


def cross_document(report) -> list:
    by_id = {c.id: c.document for c in report.claims}
    return [f for f in report.findings if len({by_id[c] for c in f.claims}) > 1]


def test_a_huge_document_in_pieces_has_claims_without_profiles(story):
    from factlint.checker.engine.prepare import prepare
    from factlint.rules.loader import RuleSet

    prepared = prepare(story / HUGE_ONE, HUGE_ONE, RuleSet.load())
    assert len(prepared.claims) > 400 and not any(c.about for c in prepared.claims)
    assert profiles.lacks_profiles(prepared.doc, prepared.claims)


def test_its_story_with_another_document_aligns_as_if_it_were_read_whole(story, fills, monkeypatch):
    report = check([story], Options(cache=False))
    assert fills == [HUGE_ONE]
    assert cross_document(report)  # the figures both articles state were linked
    assert report.model_dump_json() == whole([story], monkeypatch)


def test_a_story_of_one_huge_document_never_makes_its_profiles(story, fills, monkeypatch):
    (story / OTHER).unlink()
    report = check([story], Options(cache=False))
    assert fills == []
    assert report.model_dump_json() == whole([story], monkeypatch)


def test_claims_read_from_the_cache_get_their_profiles_when_a_document_joins(story, fills, monkeypatch):
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    (story / ".factlint").mkdir()  # a corpus root: the cache lives beside it
    other = (story / OTHER).read_text(encoding="utf-8")
    (story / OTHER).unlink()
    check([story])  # the huge document alone: kept in the cache without profiles
    assert fills == []
    (story / OTHER).write_text(other, encoding="utf-8")
    prepared: list[str] = []
    real_prepare = local.prepare
    monkeypatch.setattr(local, "prepare",
                        lambda path, rel, *a, **k: prepared.append(rel) or real_prepare(path, rel, *a, **k))
    report = check([story])
    assert prepared == [OTHER] and fills == [HUGE_ONE]  # its claims came from the cache
    assert cross_document(report)
    assert report.model_dump_json() == whole([story], monkeypatch)


def test_a_story_compared_on_the_pool_from_the_cache_leaves_the_profiles_to_this_process(story, fills, monkeypatch):
    """Stories whose claims are all in the cache are compared by workers that read them there
    (checker/engine/local.py: compare_all); a worker has no document to make profiles from, so
    a story with a huge document comes back to this process, which makes them."""
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(local, "POOL_FROM", 1)
    (story / ".factlint").mkdir()
    shutil.copy(story / OTHER, story / "third.md")
    check([story], Options(jobs=1))  # every claim kept in the cache (prepared here: HUGE as patched)
    (story / "third.md").unlink()  # the two left are a story not compared yet, both in the cache
    pooled: list[int] = []
    real_compare_all = local.compare_all
    monkeypatch.setattr(local, "compare_all",
                        lambda tasks, *a, **k: pooled.append(len(tasks)) or real_compare_all(tasks, *a, **k))
    fills.clear()
    report = check([story], Options(jobs=2, lazy=True))  # claims left in the cache, as the CLI leaves them
    assert pooled == [1] and fills == [HUGE_ONE]
    report.claims = list(report.claims)
    assert cross_document(report)
    assert report.model_dump_json() == whole([story], monkeypatch)
