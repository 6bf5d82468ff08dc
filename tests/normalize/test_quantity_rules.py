"""The rule files behind numbers, money, units and hedges: validated, and extendable
without touching the Python (a corpus brings its own folder with `--rules DIR`)."""

from __future__ import annotations

import pytest

from factlint.checker.normalize.quantities import find_quantities, readers
from factlint.rules.loader import RuleError, load_currencies, load_pack


def write(tmp_path, rel: str, content: str) -> str:
    f = tmp_path / rel
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(content, encoding="utf-8")
    return str(tmp_path)


def test_a_new_currency_name_needs_only_a_rule_file(tmp_path):
    extra = write(tmp_path, "lang/en/money.toml", '[money.names]\nkwacha = "ZMW"\n')
    pack = load_pack("en", (extra,))
    claims = find_quantities("The loan is 500 kwacha.", pack)
    assert [(c.surface, c.kind, c.unit) for c in claims] == [("500 kwacha", "money", "ZMW")]


def test_a_new_unit_word_needs_only_a_rule_file(tmp_path):
    extra = write(tmp_path, "lang/de/units.toml", '[units.names]\nklafter = "fathom"\n')
    claims = find_quantities("Das Wrack liegt in 12 Klafter Tiefe.", load_pack("de", (extra,)))
    assert [(c.surface, c.unit) for c in claims] == [("12 Klafter", "fathom")]


def test_a_bad_hedge_bound_names_file_and_key(tmp_path):
    extra = write(tmp_path, "lang/de/hedges.toml", '[hedges.before]\nrund = { bound = "sideways" }\n')
    with pytest.raises(RuleError) as err:
        load_pack("de", (extra,))
    msg = str(err.value)
    assert "hedges.toml" in msg and "hedges.before.rund.bound" in msg and "\n" not in msg


def test_a_currency_name_with_an_unknown_code_names_file_and_key(tmp_path):
    extra = write(tmp_path, "lang/en/money.toml", '[money.names]\ndoubloon = "DBL"\n')
    with pytest.raises(RuleError) as err:
        readers(load_pack("en", (extra,)))
    assert "money.toml" in str(err.value) and "money.names.doubloon" in str(err.value)


def test_a_symbol_of_an_unlisted_code_names_file_and_key(tmp_path):
    extra = write(tmp_path, "currencies.toml", '[symbols]\n"Ð" = "XDG"\n')
    with pytest.raises(RuleError) as err:
        load_currencies((extra,))
    assert str(err.value).startswith(str(tmp_path)) and "symbols.Ð" in str(err.value)


def test_number_word_tables_are_lower_case(tmp_path):
    extra = write(tmp_path, "lang/de/numbers.toml", '[numbers.words]\nDreizehn = 13\n')
    with pytest.raises(RuleError) as err:
        load_pack("de", (extra,))
    assert "numbers.words" in str(err.value)
