"""Numbers as written: digit formats, number words, scale words and fractions.

`NumberReader(rules).read(text, pos)` reads the number expression that starts at
`pos` ("1.234,56", "drei Milliarden", "two-thirds", "4 thousand 3 hundred and 21",
"zweihundertsechsundfünfzigtausend") and returns a `Number`: its value, its end, and
the precision its written digits imply. Which separator is the decimal one follows
the language's rules and the number's shape ("1.500" is 1500 in German, "1.5" is 1.5
anywhere; "1,234.56" and "1.234,56" are both read right in either language).

One module per part: `digits.py` (separators and grouping), `grammar.py` (number words
into one value), `reader.py` (the `NumberReader` that tokenizes and puts both together).
"""

from factlint.checker.normalize.numbers.digits import DIGIT_RUN, SPACES, VULGAR, DigitFormat, place_of
from factlint.checker.normalize.numbers.grammar import Number, Token, WordGrammar
from factlint.checker.normalize.numbers.reader import NumberReader

__all__ = ["DIGIT_RUN", "SPACES", "VULGAR", "DigitFormat", "Number", "NumberReader", "Token", "WordGrammar", "place_of"]
