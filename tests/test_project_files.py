"""The README's commands and the CI script stay in step."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def test_readme_opens_with_what_factlint_does_and_the_two_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# factlint" and "factlint checks" in lines[2]
    setup_and_check, setup_and_test = readme_commands()[:2]
    assert setup_and_check.endswith("factlint check corpus/")
    assert "-m pytest" in setup_and_test


def test_ci_runs_the_readme_test_command_from_a_fresh_environment():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = readme_commands()[1].split("&&")[-1].strip()
    assert test_command in ci
    assert "rm -rf .venv" in ci and "pip install --quiet -e '.[test]'" in ci
    assert '"$status" -eq 5' in ci  # no collected tests is a failure
