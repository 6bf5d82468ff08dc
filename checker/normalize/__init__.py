"""Spans of text → normalized values, one module per concept.

- `quantities`: the finder `checker.extract` calls; assembles a claim around each number
- `numbers`: digit formats, number words (German compounds too), scale words, fractions
- `money`: currency signs, ISO 4217 codes and names, subunits
- `units`: unit words and symbols to pint unit strings, percent; the shared pint registry
- `hedges`: hedges, bounds, ranges, and the interval a statement allows
- `phrases`: word lists compiled into trie regexes, matched at a position
- `dates`: absolute, partial and relative dates
"""
