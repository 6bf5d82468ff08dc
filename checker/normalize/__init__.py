"""Spans of text → normalized values, one module (or package of modules) per concept.

- `quantities`: the finder of amounts; assembles a claim around each number
- `numbers/`: digit formats (`digits`), number words into one value (`grammar`, German
  compounds too), and the `NumberReader` that tokenizes and reads both (`reader`)
- `money`: currency signs, ISO 4217 codes and names, subunits
- `units`: unit words and symbols to pint unit strings, percent; the shared pint registry
- `hedges`: hedges, bounds, ranges, and the interval a statement allows
- `phrases`: word lists compiled into trie regexes, matched at a position
- `dates/`: absolute, partial and relative dates (`scan`, `absolute`, `relative`, `find`,
  `published`; `grammar` and `calendar` beneath them); both finders are called by `checker.extract`
"""
