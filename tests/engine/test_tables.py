"""Tables that libraries build on first use, kept between runs (checker/tables.py): the same
answers as building them, and never needed again once kept."""

from __future__ import annotations

import json

import pytest

from factlint.checker import fingerprint, tables, values
from factlint.checker.context import about

WORDS = ("Häuser", "Flüge", "Beschäftigten", "Hochwasserschäden", "gingen", "Fahrgäste", "people", "flights",
         "went", "children", "Aldaberg", "Kelmark-Bahn", "xyzzyq")


@pytest.fixture
def kept(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    tables.enable(True)
    yield tmp_path / "factlint" / "tables"
    tables.enable(True)


def lemmas(where) -> list[str]:
    about._lemmatizer.cache_clear()
    lemmatizer = about._lemmatizer(where)
    return [lemmatizer.lemmatize(w, lang=lang) for w in WORDS for lang in ("de", "en")]


def test_kept_lemma_tries_give_the_lemmas_of_the_streams(kept):
    streamed = lemmas(None)
    assert lemmas(kept) == streamed  # built and written
    assert {p.name for p in kept.glob("simplemma-*/*.dic")} == {"de.dic", "en.dic"}
    assert lemmas(kept) == streamed  # read back
    about._lemmatizer.cache_clear()


def test_no_cache_keeps_no_table(kept, monkeypatch):
    tables.enable(False)
    assert tables.folder() is None
    tables.enable(True)
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    assert tables.folder() is None


def test_a_kept_unit_answer_spares_pint_and_a_damaged_one_is_asked_again(kept, monkeypatch):
    asked = []
    real = fingerprint._pint_to_base

    def pint_base(unit):
        asked.append(unit)
        return real(unit)

    monkeypatch.setattr(fingerprint, "_BASE_UNITS", tables.UnitTable("base-units"))
    fingerprint._to_base.cache_clear()
    monkeypatch.setattr(fingerprint, "_pint_to_base", pint_base)
    expected = fingerprint.base_units(5.0, "km"), fingerprint.base_units(20.0, "degC"), fingerprint.base_units(1.0, "nonsense-unit")
    assert asked == ["km", "degC", "nonsense-unit"]
    assert expected[0] == (5000.0, "m") and expected[2] == (1.0, "nonsense-unit")

    fingerprint._to_base.cache_clear()
    monkeypatch.setattr(fingerprint, "_BASE_UNITS", tables.UnitTable("base-units"))  # a new process
    again = fingerprint.base_units(5.0, "km"), fingerprint.base_units(20.0, "degC"), fingerprint.base_units(1.0, "nonsense-unit")
    assert again == expected and asked == ["km", "degC", "nonsense-unit"]

    (path,) = kept.glob("base-units-pint-*.json")
    table = json.loads(path.read_text(encoding="utf-8"))
    table["km"] = ["not", "a", "scale"]
    path.write_text(json.dumps(table), encoding="utf-8")
    fingerprint._to_base.cache_clear()
    monkeypatch.setattr(fingerprint, "_BASE_UNITS", tables.UnitTable("base-units"))
    assert fingerprint.base_units(5.0, "km") == (5000.0, "m") and asked[-1] == "km"
    path.write_text("{not json", encoding="utf-8")
    fingerprint._to_base.cache_clear()
    monkeypatch.setattr(fingerprint, "_BASE_UNITS", tables.UnitTable("base-units"))
    assert fingerprint.base_units(20.0, "degC") == expected[1]
    fingerprint._to_base.cache_clear()


def test_unit_scales_read_back_as_pint_gives_them(kept, monkeypatch):
    monkeypatch.setattr(values, "_SCALES", tables.UnitTable("unit-scales"))
    values.unit_scale.cache_clear()
    fresh = [values.unit_scale(u) for u in ("km", "mi", "degF", "kWh", "bogus!")]
    values.unit_scale.cache_clear()
    monkeypatch.setattr(values, "_SCALES", tables.UnitTable("unit-scales"))
    monkeypatch.setattr(values, "_pint_scale", lambda unit: pytest.fail(f"pint asked about {unit}"))
    assert [values.unit_scale(u) for u in ("km", "mi", "degF", "kWh", "bogus!")] == fresh
    assert fresh[4] is None and fresh[0][0] == "[length]"
    values.unit_scale.cache_clear()


def test_kept_word_frequencies_are_wordfreqs(kept):
    """Every word of the bundled corpus, its lower case and the parts a compound split tries."""
    import re
    from pathlib import Path

    import wordfreq

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    words = set(WORDS) | {"", "3", "2024", "co2", "it's", "don’t", "e-mail", "straße", "ＡＢＣ"}
    for article in corpus.rglob("*.md"):
        for w in re.findall(r"[\w'’-]+", article.read_text(encoding="utf-8")):
            words |= {w, w.lower(), w.lower()[3:], w.lower()[:-3]}
    for lang in ("de", "en"):
        tables._FREQUENCIES.clear()
        made = {w: tables.zipf_frequency(w, lang) for w in sorted(words)}
        tables._FREQUENCIES.clear()
        kept_ = {w: tables.zipf_frequency(w, lang) for w in sorted(words)}  # read back from the file
        expected = {w: wordfreq.zipf_frequency(w, lang) for w in sorted(words)}
        assert made == expected and kept_ == expected
    assert len(list(kept.glob("wordfreq-*-de.trie"))) == 1
    with pytest.raises(LookupError):
        tables.zipf_frequency("word", "xx-not-a-language")
