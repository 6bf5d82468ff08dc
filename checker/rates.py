"""ECB reference exchange rates, shipped offline by the currencyconverter package.

One converter, built on first use (reading the rate table takes a fifth of a second).
A date outside the table or without a fixing (weekends, holidays) falls back to the
nearest rates the package can interpolate; a currency the ECB does not fix gives None.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def known(currency: str) -> bool:
    return currency in _converter().currencies


def convert(amount: float, from_currency: str, to_currency: str, on: dt.date | None) -> float | None:
    """`amount` in `to_currency` at the reference rate of `on` (the latest rates when None)."""
    c = _converter()
    if from_currency not in c.currencies or to_currency not in c.currencies:
        return None
    try:
        return c.convert(amount, from_currency, to_currency, date=on)
    except (ValueError, KeyError, ArithmeticError):
        return None
