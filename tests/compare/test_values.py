"""Intervals the comparison uses: extraction's where it set one, else from the written digits."""

from factlint.checker.model import Claim
from factlint.checker.values import interval


def money(surface: str, value: float, **fields) -> Claim:
    return Claim(start=0, end=len(surface), surface=surface, kind="money", value=value, unit="CNY", **fields)


def test_extractions_interval_caps_a_round_figure():
    # "1 Mrd. Yuan": written precision would allow 0.5–1.5 Mrd.; extraction caps it at ±5 %
    assert interval(money("1 Mrd. Yuan", 1e9, low=0.95e9, high=1.05e9)) == (0.95e9, 1.05e9)


def test_without_extraction_interval_the_digits_decide():
    assert interval(money("431 Mio. Yuan", 431e6)) == (430.5e6, 431.5e6)


def test_without_hedges_an_approximate_figure_keeps_only_its_precision():
    c = money("rund 420 Mio. Yuan", 420e6, approximate=True, low=410e6, high=430e6)
    assert interval(c) == (410e6, 430e6)
    assert interval(c, hedges=False) == (415e6, 425e6)
