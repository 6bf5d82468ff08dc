"""Intervals the comparison uses: extraction's where it set one, else from the written digits."""

import pytest

from factlint.checker.model import Claim
from factlint.checker.values import interval, typo
from tests.compare.claims import claim, doc


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


def temperature(surface: str, value: float, unit: str) -> Claim:
    return Claim(start=0, end=len(surface), surface=surface, kind="quantity", value=value, unit=unit,
                 low=value - 0.05, high=value + 0.05)


def test_a_temperature_gets_no_percentage_slack():
    # 1 % of 104.9 °F is a degree Fahrenheit, 1 % of 41.3 °C another scale's share: on a scale
    # with its own zero a percentage means nothing, the written precision decides
    from factlint.checker.values import overlap

    f, c = temperature("104.9F", 104.9, "degF"), temperature("41,3 Grad", 41.3, "degC")
    assert not overlap(interval(f, 1.0), interval(c, 1.0))
    same = temperature("40,5 Grad", 40.5, "degC")
    assert overlap(interval(f, 1.0), interval(same, 1.0))  # 104.9 °F is 40.5 °C


def test_temperatures_differ_by_a_share_of_the_first_ones_scale():
    from factlint.checker.values import delta_pct

    f, c = temperature("104.9F", 104.9, "degF"), temperature("41,3 Grad", 41.3, "degC")
    assert 1.3 < delta_pct(f, c) < 1.5  # 41.3 °C is 106.3 °F: 1.4 % apart, not 0.3 % of a kelvin value


@pytest.mark.parametrize("a, b, slip", [
    ("12.600", "112.600", True),  # a dropped digit
    ("657", "675", True),  # two digits swapped
    ("$260 million", "$26 million", True),  # a dropped zero
    ("1,400", "100", False),  # round figures: far more than a slip of the pen
    ("203", "1,400", False),
])
def test_a_slip_of_the_pen_is_one_digit_dropped_added_or_swapped(a, b, slip):
    d = doc("a.md", f"{a} und {b}.")
    assert typo(claim(d, a, "number", 1.0), claim(d, b, "number", 2.0)) is slip
