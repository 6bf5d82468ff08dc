"""Check files: the shipped code table, and malformed files refused with one line naming file and key."""

import pytest

from factlint.rules.loader import RuleError, check_by_name, load_checks, load_measures

GOOD = '''
code = "FL901"
name = "my-check"
kind = "conflict"
type = "value"
applies_to = ["money"]
level = "error"
message = "{a} vs {b}"
summary = "A test check."
[params]
tolerance_pct = 1.0
[doc]
why = "because"
fires = "a fires"
passes = "a passes"
'''


def rule_dir(tmp_path, files: dict[str, str]):
    folder = tmp_path / "checks"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return (str(tmp_path),)


def test_shipped_checks_have_unique_codes_in_families():
    table = load_checks()
    assert table, "no checks shipped"
    families = {"conflict": "FL1", "drift": "FL2", "agreement": "FL3", "inconsistency": "FL4"}
    for code, rule in table.items():
        assert code == rule.code and code.startswith(families[rule.kind])
    assert len({r.name for r in table.values()}) == len(table)


def test_every_check_documents_an_example_that_fires_and_one_that_passes():
    for rule in load_checks().values():
        assert rule.doc.why.strip() and rule.doc.fires.strip() and rule.doc.passes.strip()
        assert rule.doc.fires != rule.doc.passes


def test_a_check_is_found_by_code_or_name():
    assert check_by_name("FL101").name == "money-conflict"
    assert check_by_name("money-conflict").code == "FL101"
    assert check_by_name("no-such-check") is None


def test_an_extra_folder_adds_checks(tmp_path):
    table = load_checks(rule_dir(tmp_path, {"my-check.toml": GOOD}))
    assert table["FL901"].params.tolerance_pct == 1.0


@pytest.mark.parametrize("change, expected", [
    (('tolerance_pct = 1.0', 'tolerance_pct = -1.0'), "params.tolerance_pct: Input should be greater than or equal to 0"),
    (('code = "FL901"', 'code = "X901"'), "code: String should match pattern"),
    (('name = "my-check"', 'name = "My Check"'), "name: String should match pattern"),
    (('kind = "conflict"', 'kind = "argument"'), "kind: Input should be"),
    (('[doc]\nwhy = "because"\n', '[doc]\n'), "doc.why: Field required"),
    (('level = "error"', 'level = "error"\ncolour = "red"'), "colour: Extra inputs are not permitted"),
    (('message = "{a} vs {b}"', 'message = "{a} vs {b}'), "not valid TOML"),
    (('message = "{a} vs {b}"', 'message = "{a} vs {c}"'), "message: unknown field {c}"),
    (('message = "{a} vs {b}"', 'message = "{a} vs {b:q}"'), "message: not a valid template"),
])
def test_malformed_check_names_file_and_key(tmp_path, change, expected):
    dirs = rule_dir(tmp_path, {"broken.toml": GOOD.replace(*change)})
    with pytest.raises(RuleError) as err:
        load_checks(dirs)
    message = str(err.value)
    assert message.startswith(str(tmp_path / "checks" / "broken.toml") + ": ")
    assert expected in message
    assert "\n" not in message


def test_a_code_used_twice_is_refused(tmp_path):
    dirs = rule_dir(tmp_path, {"a.toml": GOOD, "b.toml": GOOD.replace('name = "my-check"', 'name = "other-check"')})
    with pytest.raises(RuleError, match=r"b\.toml: code: FL901 is already used by .*a\.toml"):
        load_checks(dirs)


def test_a_name_used_twice_is_refused(tmp_path):
    dirs = rule_dir(tmp_path, {"a.toml": GOOD, "b.toml": GOOD.replace('FL901', 'FL902')})
    with pytest.raises(RuleError, match=r"b\.toml: name: my-check is already used by FL901"):
        load_checks(dirs)


def test_a_corpus_may_retune_a_shipped_check(tmp_path):
    shipped = load_checks()["FL101"]
    text = (GOOD.replace("FL901", "FL101").replace("my-check", "money-conflict")
            .replace("tolerance_pct = 1.0", "tolerance_pct = 5.0"))
    table = load_checks(rule_dir(tmp_path, {"money-conflict.toml": text}))
    assert table["FL101"].params.tolerance_pct == 5.0 != shipped.params.tolerance_pct


def test_measures_declare_exact_ones():
    measures = load_measures().measures
    assert measures["finishing-time"].tolerance_pct == 0
    assert not measures.get("revenue") or measures["revenue"].tolerance_pct is None


def test_malformed_measures_file_names_file_and_key(tmp_path):
    (tmp_path / "measures.toml").write_text('[measures.share-price]\ntolerance_pct = "often"\n', encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_measures((str(tmp_path),))
    assert str(err.value).startswith(str(tmp_path / "measures.toml") + ": measures.share-price.tolerance_pct:")


def test_malformed_context_facet_names_file_and_key(tmp_path):
    from factlint.rules.loader import load_context

    folder = tmp_path / "lang" / "de"
    folder.mkdir(parents=True)
    (folder / "context.toml").write_text('[context]\nratios = { dreimal = "drei" }\n', encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_context("de", (str(tmp_path),))
    assert str(err.value).startswith(str(folder / "context.toml") + ": ratios.dreimal:")


def test_a_corpus_may_add_measure_cues(tmp_path):
    from factlint.rules.loader import load_context

    folder = tmp_path / "lang" / "en"
    folder.mkdir(parents=True)
    (folder / "context.toml").write_text('[context.measures]\nlock-capacity = ["lock chamber"]\n', encoding="utf-8")
    rules = load_context("en", (str(tmp_path),))
    assert rules.measures["lock-capacity"] == ["lock chamber"] and "revenue" in rules.measures


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_cue_names_two_measures_or_events(lang):
    from collections import defaultdict

    from factlint.rules.loader import load_context

    rules = load_context(lang)
    for table in (rules.measures, rules.events):
        owners = defaultdict(set)
        for label, cues in table.items():
            for cue in cues:
                owners[cue.lower()].add(label)
        assert {c: o for c, o in owners.items() if len(o) > 1} == {}


def test_a_run_loads_one_immutable_rule_set(tmp_path, monkeypatch):
    from factlint.rules import loader
    from factlint.checker.pipeline import Options, check

    (tmp_path / "a.md").write_text("---\nlang: de\npublished: 2026-03-02\n---\nDer Umsatz lag bei 5 Mio. Euro.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nlang: en\npublished: 2026-03-02\n---\nRevenue was €6 million.\n", encoding="utf-8")
    built = []
    original = loader.RuleSet.__init__

    def counting(self, dirs=(), **kwargs):
        built.append(dirs)
        original(self, dirs, **kwargs)

    monkeypatch.setattr(loader.RuleSet, "__init__", counting)
    loader._rule_set.cache_clear()
    check([tmp_path], Options())
    assert built == [()]  # one rule set for ingest, extract, context, align and compare
    rules = loader.RuleSet.load()
    with pytest.raises(AttributeError):
        rules.checks = {}
