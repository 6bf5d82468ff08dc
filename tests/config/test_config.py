"""factlint.toml: a corpus's own rules, decisions file and excludes; errors name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.checker.config import find_config, load_options
from factlint.checker.errors import FactlintError
from factlint.checker.ingest import discover, glob_matcher


def corpus(tmp_path: Path, config: str | None) -> Path:
    root = tmp_path / "corpus"
    (root / "drafts").mkdir(parents=True)
    (root / "my-rules" / "lang" / "de").mkdir(parents=True)
    (root / "a.md").write_text("Der Etat steigt um 4 Prozent.\n", encoding="utf-8")
    (root / "b.draft.md").write_text("Entwurf.\n", encoding="utf-8")
    (root / "drafts" / "c.txt").write_text("Entwurf.\n", encoding="utf-8")
    if config is not None:
        (root / "factlint.toml").write_text(config, encoding="utf-8")
    return root


def test_config_at_the_corpus_root_sets_rules_decisions_and_exclude(tmp_path):
    root = corpus(tmp_path, 'rules = ["my-rules"]\ndecisions = ".factlint/decisions.json"\n'
                            'exclude = ["drafts", "*.draft.md"]\n')
    options = load_options([root])
    assert options.config == root / "factlint.toml"
    assert options.rules_dirs == (str(root / "my-rules"),)
    assert options.decisions == root / ".factlint" / "decisions.json"
    assert [rel for _, rel in discover([root], options.exclude)] == ["a.md"]


def test_command_line_adds_rules_after_the_file_and_replaces_decisions(tmp_path):
    root = corpus(tmp_path, 'rules = ["my-rules"]\ndecisions = "d.json"\n')
    extra = tmp_path / "more-rules"
    extra.mkdir()
    options = load_options([root], rules=[str(extra)], decisions=str(tmp_path / "mine.json"))
    assert options.rules_dirs == (str(root / "my-rules"), str(extra))
    assert options.decisions == tmp_path / "mine.json"


def test_no_config_means_defaults(tmp_path):
    root = corpus(tmp_path, None)
    assert find_config([root]) is None
    options = load_options([root])
    assert options.rules_dirs == () and options.exclude == () and options.decisions is None


def test_config_beside_a_file_given_directly(tmp_path):
    root = corpus(tmp_path, 'exclude = ["x"]\n')
    assert find_config([root / "a.md"]) == root / "factlint.toml"


@pytest.mark.parametrize("content, problem", [
    ("rules = [\n", "not valid TOML"),
    ('rules = "my-rules"\n', "rules: Input should be a valid list"),
    ('exclude = [1]\n', "exclude.0: Input should be a valid string"),
    ('exclude = [""]\n', "exclude: Value error, must not be an empty string"),
    ('rule = ["my-rules"]\n', "rule: unknown key (known: rules, decisions, exclude, select, ignore)"),
    ('rules = ["nowhere"]\n', "rules[0]: no such folder"),
])
def test_bad_config_is_one_line_naming_file_and_key(tmp_path, content, problem):
    root = corpus(tmp_path, content)
    with pytest.raises(FactlintError) as info:
        load_options([root])
    message = str(info.value)
    assert message.startswith(str(root / "factlint.toml") + ": ") and problem in message
    assert "\n" not in message


def test_missing_rules_folder_on_the_command_line(tmp_path):
    root = corpus(tmp_path, None)
    with pytest.raises(FactlintError, match="--rules: no such folder"):
        load_options([root], rules=[str(tmp_path / "nope")])


@pytest.mark.parametrize("pattern, path, excluded", [
    ("drafts", "drafts/a.md", True),
    ("drafts", "2026/drafts/a.md", True),
    ("drafts", "drafts-old.md", False),
    ("*.draft.md", "x/y.draft.md", True),
    ("archive/*.md", "archive/a.md", True),
    ("archive/*.md", "archive/2025/a.md", False),
    ("archive/**/*.md", "archive/2025/a.md", True),
    ("**/tmp", "a/b/tmp", True),
    ("/top.md", "top.md", True),
    ("/top.md", "sub/top.md", False),
    ("drafts/", "x/drafts/a.md", True),
])
def test_exclude_globs(pattern, path, excluded):
    assert glob_matcher(pattern)(path) is excluded
