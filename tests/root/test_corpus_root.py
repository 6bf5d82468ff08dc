"""The corpus root: found by walking up from each PATH, so every way of checking a corpus
names documents, ids and decisions alike, and only decisions about documents read go stale."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.checker.config import corpus_root, find_root, load_options
from factlint.checker.errors import FactlintError
from factlint.checker.pipeline import check

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpora"
STORIES = ("units-km-miles", "hedge-knapp-conflict", "review-cycle")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Three story folders under a root marked by factlint.toml; a README that is no article."""
    root = tmp_path / "news"
    for story in STORIES:
        shutil.copytree(FIXTURES / story, root / story, ignore=shutil.ignore_patterns("expected.json"))
    (root / "factlint.toml").write_text('exclude = ["README.md"]\n', encoding="utf-8")
    (root / "README.md").write_text("Not an article: 5 stories.\n", encoding="utf-8")
    return root


def factlint(*argv, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factlint.checker.cli", *map(str, argv)],
                          capture_output=True, text=True, cwd=cwd, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})


def ids_and_status(report) -> dict[str, str]:
    return {f.id: f.status for f in report.findings}


def run_check(paths) -> object:
    return check(paths, load_options(paths))


def decide_all(root: Path) -> dict[str, str]:
    """Decide every finding of a check of the whole corpus (alternately confirmed and dismissed)."""
    report = run_check([root])
    ids = sorted(f.id for f in report.findings if f.kind != "agreement")
    assert ids, "the fixture stories have discrepancies"
    for n, fid in enumerate(ids):
        status = "confirmed" if n % 2 else "dismissed"
        done = factlint("decide", fid, "--status", status, root)
        assert done.returncode == 0, done.stderr
    return ids_and_status(run_check([root]))


def test_root_is_the_nearest_folder_with_a_marker(corpus, tmp_path):
    assert find_root(corpus / "units-km-miles" / "a.md").folder == corpus
    assert find_root(corpus / "units-km-miles").config == corpus / "factlint.toml"
    assert find_root(tmp_path / "elsewhere") is None
    (corpus / "review-cycle" / ".factlint").mkdir()
    assert find_root(corpus / "review-cycle" / "harbour-de.md") .folder == corpus / "review-cycle"


def test_the_walk_stops_at_the_top_of_a_repository(tmp_path):
    (tmp_path / ".factlint").mkdir()
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "articles").mkdir()
    assert find_root(repo / "articles") is None


def test_paths_of_two_corpora_are_an_error(corpus, tmp_path):
    other = tmp_path / "other"
    (other / ".factlint").mkdir(parents=True)
    with pytest.raises(FactlintError, match="different corpora"):
        corpus_root([corpus / "review-cycle", other])


def test_a_story_a_file_pair_and_the_whole_corpus_agree_on_ids_and_decisions(corpus):
    whole = decide_all(corpus)
    for story in STORIES:
        part = run_check([corpus / story])
        assert part.stale_decisions == [], story
        mine = ids_and_status(part)
        assert mine and all(whole[fid] == status for fid, status in mine.items()), story
        assert {d.path for d in part.documents} == {f"{story}/{p.name}" for p in (corpus / story).glob("*.md")}
    files = sorted((corpus / "units-km-miles").glob("*.md"))  # pre-commit passes the changed files
    pair = run_check(files)
    assert pair.stale_decisions == [] and ids_and_status(pair) == ids_and_status(run_check([corpus / "units-km-miles"]))
    single = run_check(files[:1])
    assert single.stale_decisions == []


def test_a_changed_number_makes_a_stale_decision_only_in_its_story(corpus):
    decide_all(corpus)
    article = corpus / "units-km-miles" / "a.md"
    text = article.read_text(encoding="utf-8")
    changed = text.replace("95 Kilometer", "97 Kilometer")
    assert changed != text
    article.write_text(changed, encoding="utf-8")
    assert run_check([corpus / "units-km-miles"]).stale_decisions
    assert run_check([corpus / "review-cycle"]).stale_decisions == []


def test_check_of_a_story_through_the_command_line_uses_the_root_decisions(corpus):
    decide_all(corpus)
    result = factlint("check", corpus / "review-cycle", "--format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "stale" not in result.stdout
    data = json.loads(factlint("check", corpus / "review-cycle", "--format", "json").stdout)
    # The JSON report keeps the evaluation contract: documents relative to the folder scanned.
    assert sorted(d["path"] for d in data["documents"]) == ["harbour-de.md", "harbour-en.md"]
    assert {c["document"] for c in data["claims"]} <= {"harbour-de.md", "harbour-en.md"}
    assert data["decisions_file"].endswith("news/.factlint/decisions.json")


def test_pyproject_tool_table_marks_the_root_and_configures_it(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "units-km-miles", root / "articles" / "bridge")
    (root / "pyproject.toml").write_text('[project]\nname = "site"\n\n[tool.factlint]\nignore = ["FL1"]\n',
                                         encoding="utf-8")
    options = load_options([root / "articles" / "bridge"])
    assert options.root == root and options.config == root / "pyproject.toml"
    assert options.ignore.entries == ("FL1",)
    report = check([root / "articles" / "bridge"], options)
    assert report.findings and not any(f.code.startswith("FL1") for f in report.findings)
    assert {d.path for d in report.documents} == {"articles/bridge/a.md", "articles/bridge/b.md"}


def test_pyproject_without_the_tool_table_is_no_root(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "a").mkdir()
    assert find_root(tmp_path / "a") is None


def test_bad_tool_table_is_one_line_naming_the_key(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nselct = ["FL1"]\n', encoding="utf-8")
    with pytest.raises(FactlintError, match=r"pyproject.toml: tool.factlint.selct: unknown key"):
        load_options([tmp_path])


def test_bundled_story_checked_alone_is_reviewed():
    """corpus/README suggests `factlint check corpus/<story>`: its decisions live at corpus/.factlint."""
    result = factlint("check", "corpus/keldmark-bilanz", "--format", "concise", cwd=REPO)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert "stale" not in result.stdout and "need review" not in result.stdout
