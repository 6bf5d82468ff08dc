"""`Claim.made`, which extraction uses for the claims of numbers (a 5 MB table makes 200 000 of
them), makes the claim `Claim(...)` makes, without validating it."""

from __future__ import annotations

import pickle

import pytest

from factlint.checker.model import Claim

CASES = [
    dict(start=3, end=9, surface="5 Euro", kind="money", value=5, unit="EUR"),  # an int value becomes a float
    dict(start=0, end=4, surface="rund 12", kind="number", value=12.0, approximate=True, low=11.5, high=12.5,
         hedge="rund", counted="Kunden"),
    dict(start=7, end=12, surface="2 bis 3", kind="number", value=3, lower=2, upper=3, low=True, high=3.0),
    dict(start=1, end=2, surface="x", kind="percent", value=None, foreign_separator="."),
]


@pytest.mark.parametrize("values", CASES)
def test_made_is_what_validation_makes(values):
    made, validated = Claim.made(**values), Claim(**values)
    assert made == validated
    assert made.model_dump_json() == validated.model_dump_json()
    assert list(made.__dict__) == list(validated.__dict__)  # the fields in their order
    assert {k: type(v) for k, v in made.__dict__.items()} == {k: type(v) for k, v in validated.__dict__.items()}
    assert pickle.loads(pickle.dumps(made)) == validated


def test_each_made_claim_has_lists_of_its_own():
    a, b = Claim.made(**CASES[0]), Claim.made(**CASES[0])
    a.qualifiers.append("prior")
    a.about["x"] = 1.0
    assert b.qualifiers == [] and b.about == {} and b.relations == []


def test_a_missing_or_unknown_field_is_an_error():
    with pytest.raises(TypeError, match="kind"):
        Claim.made(start=0, end=1, surface="1")
    with pytest.raises(TypeError, match="colour"):
        Claim.made(start=0, end=1, surface="1", kind="number", colour="red")
