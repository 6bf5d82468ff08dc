"""`factlint rules`: the code table, one check's documentation, and a one-line error."""

import pytest

from factlint.checker.cli import main
from factlint.rules.loader import load_checks


def run(capsys, *argv):
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def test_rules_prints_every_code_once(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(load_checks())
    assert any(line.split()[:2] == ["FL106", "conversion-conflict"] for line in lines)


def test_rules_shows_one_check_by_name_with_its_examples(capsys):
    code, out, _ = run(capsys, "rules", "value-drift")
    assert code == 0
    assert out.startswith("FL201 value-drift (drift, warning")
    assert "Fires:" in out and "Passes:" in out


def test_unknown_check_is_a_one_line_error(capsys):
    code, out, err = run(capsys, "rules", "FL999")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "FL999" in err


def test_malformed_check_in_an_extra_folder_is_a_one_line_error(capsys, tmp_path):
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "bad.toml").write_text('code = "FL1"\n', encoding="utf-8")
    code, _, err = run(capsys, "rules", "--rules", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "bad.toml: " in err
