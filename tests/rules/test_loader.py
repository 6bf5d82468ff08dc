"""Malformed rule files fail with one line naming the file and the key, through the CLI too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factlint.rules.loader import RuleError, load_pack


def pack_dir(tmp_path: Path, lang: str, name: str, content: str) -> Path:
    folder = tmp_path / "my-rules" / "lang" / lang
    folder.mkdir(parents=True)
    (folder / name).write_text(content, encoding="utf-8")
    return tmp_path / "my-rules"


@pytest.mark.parametrize("content, problem", [
    ("[detect\nstopwords = []\n", "not valid TOML"),
    ('[detect]\nstopwords = "der"\n', "detect.stopwords: Input should be a valid list"),
    ("[detect]\nstopword = ['der']\n", "detect.stopword: Extra inputs are not permitted"),
    ("[detekt]\nstopwords = ['der']\n", "detekt: Extra inputs are not permitted"),
])
def test_malformed_pack_names_file_and_key(tmp_path, content, problem):
    rules = pack_dir(tmp_path, "de", "broken.toml", content)
    with pytest.raises(RuleError) as info:
        load_pack("de", (str(rules),))
    message = str(info.value)
    assert message.startswith(str(rules / "lang" / "de" / "broken.toml") + ": ")
    assert problem in message and "\n" not in message


def test_pack_of_a_rules_folder_is_merged_over_the_shipped_one(tmp_path):
    rules = pack_dir(tmp_path, "de", "extra.toml", "[detect]\nletters = 'äöüß'\nstopwords = ['moin']\n")
    pack = load_pack("de", (str(rules),))
    assert pack.detect.stopwords == ["moin"]
    assert pack.dates == load_pack("de").dates  # the other facets stay as shipped


def test_a_new_language_needs_only_a_rules_folder(tmp_path):
    rules = pack_dir(tmp_path, "nl", "detect.toml", "[detect]\nstopwords = ['de', 'het', 'een', 'van']\n")
    assert load_pack("nl", (str(rules),)).detect.stopwords[:2] == ["de", "het"]


def test_cli_reports_a_malformed_rules_folder_in_one_line(tmp_path):
    rules = pack_dir(tmp_path, "en", "broken.toml", "[detect]\nstopwords = 5\n")
    article = tmp_path / "a.txt"
    article.write_text("The budget rose by 4 percent.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "factlint.checker.cli", "extract", "--rules", str(rules), str(article)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.toml: detect.stopwords:" in lines[0]
    assert "Traceback" not in result.stderr


CHECK = """code = "FL199"
name = "my-conflict"
kind = "conflict"
type = "value"
applies_to = ["money"]
level = "error"
message = "{a} and {b} differ"
summary = "A corpus's own check."
[params]
tolerance_pct = {tolerance}
[doc]
why = "Because."
fires = "a: 1 Euro. b: 2 Euro."
passes = "a: 1 Euro. b: 1 Euro."
"""


def check_dir(tmp_path: Path, content: str) -> Path:
    folder = tmp_path / "my-rules" / "checks"
    folder.mkdir(parents=True)
    (folder / "my-conflict.toml").write_text(content, encoding="utf-8")
    return tmp_path / "my-rules"


def test_a_corpus_check_is_loaded_from_a_rules_folder(tmp_path):
    from factlint.rules.loader import load_checks

    rules = check_dir(tmp_path, CHECK.replace("{tolerance}", "2.0"))
    table = load_checks((str(rules),))
    assert table["FL199"].name == "my-conflict" and table["FL199"].params.tolerance_pct == 2.0


@pytest.mark.parametrize("content, problem", [
    (CHECK.replace("{tolerance}", "-1"), "params.tolerance_pct: Input should be greater than or equal to 0"),
    (CHECK.replace("{tolerance}", "1").replace('level = "error"', 'level = "fatal"'), "level: Input should be"),
    ("severity = 3\n" + CHECK.replace("{tolerance}", "1"), ": severity: Extra inputs are not permitted"),
    (CHECK.replace("{tolerance}", "1").replace('code = "FL199"', 'code = "FL101"'), "code: FL101 is already used"),
])
def test_malformed_check_names_file_and_key(tmp_path, content, problem):
    from factlint.rules.loader import load_checks

    rules = check_dir(tmp_path, content)
    with pytest.raises(RuleError) as info:
        load_checks((str(rules),))
    message = str(info.value)
    assert message.startswith(str(rules / "checks" / "my-conflict.toml") + ": ")
    assert problem in message and "\n" not in message
