"""Dates: absolute, partial and relative to the published date.

`find_dates(text, pack, published)` returns date claims (kind "date", value null,
`date` as YYYY-MM-DD, YYYY-MM or YYYY). What it reads:

- absolute dates in the shapes both languages use (6. Februar 2026, Feb. 6, 2026,
  06.02.2026, 2026-02-06, 02/06/2026 in the pack's numeric order, 05-Aug-2016) and
  partial ones (Februar 2026, 2016-05, "im Jahr 2025", "seit 2019");
- a weekday stated with a date ("Montag, 2. Februar", "am Montag (2. Februar)"):
  kept on the claim as written, with `weekday_mismatch` when the calendar disagrees;
- relative dates (heute, am Montag, letzte Woche Dienstag, in drei Wochen, last
  Friday, this year), resolved against `published`. Without a published date they are
  not claimed: a date the text does not fix is not invented.

A date without its year takes the year that puts it nearest the published date (a
weekday written with it may pick a neighbouring year it fits). When the published date
is unknown, the article's own full dates (or its month-and-year dates) stand in; when
even that is unknown the claim keeps `date` null, and `settle_years` may later give it
the year of the collection it is checked with.

`infer_published(doc, pack)` reads the date an article gives itself near its top
(a "Stand:" or "Published" line, a dateline, a full date in the title or lead);
`date_unknown_published` applies it to a document that has no published date.

One module per step:

- `grammar.py` builds, once per pack, a trie of every trigger word (month, weekday,
  unit, shift, holiday…) and the patterns;
- `scan.py` finds the triggers and digit runs in one pass and tries each pattern only
  there (linear in the text);
- `absolute.py` reads what the patterns matched as dates of the calendar, `relative.py`
  resolves what is relative to the published date;
- `find.py` settles missing years and overlaps and makes the claims;
- `published.py` infers an article's own date and gives years to a collection's dates;
- `calendar.py` does the arithmetic.

Everything language-specific comes from the pack's `dates` rules (rules/lang/*/dates.toml).
"""

from factlint.checker.normalize.dates.find import find_dates
from factlint.checker.normalize.dates.published import date_unknown_published, infer_published, settle_years

__all__ = ["find_dates", "infer_published", "date_unknown_published", "settle_years"]
