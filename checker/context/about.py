"""What a claim is about, in open vocabulary: weighted features for the aligner.

A claim's profile maps features to weights between 0 and ~1.5:

- the lemmas of the content words of its sentence, weighted by how near they stand (the noun
  right after the figure, "1,050 flights", counts most; a clause boundary counts as three
  words), and by how rare the word is in the language (wordfreq): "said" says little;
- German compounds split into head and modifier by word frequencies, so
  `Hochwasserschäden` meets `Schäden` and `Fahrgastzahl` meets `Fahrgäste`;
- the measure lexicon's labels of cues near the figure (`=deaths`): the bridge between
  languages (damage/Schaden), one feature among others, never a gate;
- the other figures and dates of the sentence (`#date:2026-03-03`, `#number:2300`): two
  sentences that state the same other figures likely speak of the same fact.

The aligner (checker/align) weighs each feature by its rarity within the story, so the
words every article of a story shares ("earthquake") count for little there.

Lemmas come from simplemma and frequencies from wordfreq; both ship their data and never
download anything. Both load their tables on first use, per language.
"""

from __future__ import annotations

import math
from functools import lru_cache

from factlint.checker.model import Claim

REACH = 30.0  # words further away (boundaries counted) than this say nothing about the figure
DECAY = 5.0  # a word this far away counts half
HEAD_BONUS = 1.5  # the noun the figure counts ("42 people", "1.180 Flüge")
LABEL_WEIGHT = 0.8  # a measure-lexicon label near the figure
LABEL_REACH = 8.0
FIGURE_WEIGHT = 0.6  # another figure or date of the sentence
MODIFIER_WEIGHT = 0.5  # the first part of a German compound
MIN_WORD = 3
COMMON_ZIPF = 6.0  # words this frequent in the language (der, the, said) say nothing
RARE_ZIPF = 3.5  # words at most this frequent count fully


_NOISE: dict[int, tuple[object, frozenset[str]]] = {}


def noise_words(pack) -> frozenset[str]:
    """Words of a language pack that are grammar, not topic: stopwords, hedges, number,
    scale, month and weekday words (lower case); built once per (loaded, unchanging) pack."""
    cached = _NOISE.get(id(pack))
    if cached is None or cached[0] is not pack:
        cached = _NOISE[id(pack)] = (pack, _noise_words(pack))
    return cached[1]


def _noise_words(pack) -> frozenset[str]:
    words: set[str] = set(pack.detect.stopwords) | set(pack.context.pronouns)
    for table in (pack.hedges.before, pack.hedges.after, pack.numbers.words, pack.numbers.scales,
                  pack.dates.months, pack.dates.weekdays):
        for phrase in table:
            words.update(phrase.lower().replace(".", " ").split())
    return frozenset(words)


def profile(words: list[tuple[float, str]], figures: list[str], labels: list[tuple[float, str]],
            counted: str | None, lang: str, noise: frozenset[str] = frozenset()) -> dict[str, float]:
    """The features of one claim: `words` are (distance, word) pairs of its sentence,
    `figures` the canonical keys of the sentence's other figures, `labels` (distance, measure)
    of lexicon cues near it, `counted` the noun extraction found after a bare number."""
    parts = [(distance, lemma_parts(word, lang)) for distance, word in words if word.lower() not in noise]
    return weigh(parts, figures, labels, counted, lang, noise)


def weigh(parts: list[tuple[float, tuple[tuple[str, float], ...]]], figures: list[str],
          labels: list[tuple[float, str]], counted: str | None, lang: str,
          noise: frozenset[str] = frozenset()) -> dict[str, float]:
    """`profile` of words already split into their `lemma_parts` (distance, parts): a sentence
    splits each of its words once, not once per figure near it."""
    out: dict[str, float] = {}
    get = out.get

    def add(feature: str, weight: float) -> None:
        if weight > get(feature, 0.0):
            out[feature] = weight

    for distance, word_parts in parts:
        if distance > REACH:
            continue
        near = HEAD_BONUS if distance <= 0 else 1.0 / (1.0 + distance / DECAY)
        for feature, share in word_parts:
            weight = near * share
            if weight > get(feature, 0.0):
                out[feature] = weight
    if counted and counted.lower() not in noise:
        for feature, share in lemma_parts(counted, lang):
            add(feature, HEAD_BONUS * share)
    for distance, label in labels:
        if distance <= LABEL_REACH:
            add("=" + label, LABEL_WEIGHT / (1.0 + max(distance, 0.0) / DECAY))
    for key in figures:
        add("#" + key, FIGURE_WEIGHT)
    return out


@lru_cache(maxsize=200_000)
def lemma_parts(word: str, lang: str) -> tuple[tuple[str, float], ...]:
    """(lemma, share) of a word: its lemma, weighted by rarity; for a compound also its head
    and modifier. Empty for numbers, short and very common words."""
    if len(word) < MIN_WORD or not word[0].isalpha():
        return ()
    lemma = lemmatize(word, lang).lower()
    rarity = _rarity(lemma, lang)
    if rarity <= 0:
        return ()
    parts = [(lemma, rarity)]
    stem = stemmed(word, lang)
    if stem and stem != lemma:
        parts.append(("~" + stem, STEM_WEIGHT * rarity))
    split = compound(lemma, lang) or _hyphenated(lemma, lang)
    if split:
        modifier, head = split
        parts.append((head, 0.8 * _rarity(head, lang)))
        parts.append((modifier, MODIFIER_WEIGHT * _rarity(modifier, lang)))
    return tuple((f, w) for f, w in parts if w > 0)


STEM_WEIGHT = 0.5  # a word's stem, shared by its family (cancelled, cancellations; verletzt, Verletzte)
STEM_LETTERS = 6  # the letters of a stem its family shares: Snowball leaves a derivation's tail on
# ("verletzt" of "Verletzte", "verletz" of "Verletzungen"; "evakuiert", "evakuier")


def stemmed(word: str, lang: str) -> str | None:
    """The start of a word's Snowball stem: lemmas keep a family's words apart (injured,
    injury), stems join them, and their first letters join the derivations stems keep apart."""
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word.lower())[:STEM_LETTERS] if stemmer else None


@lru_cache(maxsize=8)
def _stemmer(lang: str):
    import snowballstemmer

    name = {"de": "german", "en": "english"}.get(lang)
    return snowballstemmer.stemmer(name) if name else None


def lemmatize(word: str, lang: str) -> str:
    from factlint.checker.tables import folder

    try:
        return _lemmatizer(folder()).lemmatize(word, lang=lang)
    except ValueError:  # a language simplemma does not know
        return word


@lru_cache(maxsize=2)
def _lemmatizer(where):
    """simplemma with its dictionaries as tries kept between runs, else read as compressed
    streams (checker/tables.py): the same lemmas, far faster to open than each language's full
    dictionary."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    from factlint.checker.tables import lemma_dictionaries

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=lemma_dictionaries(where)))


@lru_cache(maxsize=200_000)
def _zipf(word: str, lang: str) -> float:
    from factlint.checker.tables import zipf_frequency  # wordfreq's, its list kept between runs

    try:
        return zipf_frequency(word, lang)
    except LookupError:
        return 0.0


def _rarity(lemma: str, lang: str) -> float:
    """1 for a rare word, falling to 0 for the most common words of the language."""
    z = _zipf(lemma, lang)
    return min(1.0, max(0.0, (COMMON_ZIPF - z) / (COMMON_ZIPF - RARE_ZIPF)))


MIN_PART = 3
HEAD_ZIPF = 2.8  # both parts of a compound must be words of the language at least this frequent
LINKS = ("s", "es", "n", "en", "")  # German linking elements (Fugen) after the modifier


def _hyphenated(lemma: str, lang: str) -> tuple[str, str] | None:
    """(modifier, head) of a compound its writer split with a hyphen ("Corlasan-Aktie",
    "storm-hit"): the head is the last part, whatever the modifier (a name) is."""
    modifier, hyphen, head = lemma.rpartition("-")
    if not hyphen or len(head) < MIN_PART or len(modifier) < MIN_PART or not head.isalpha():
        return None
    return modifier, lemmatize(head, lang).lower()


@lru_cache(maxsize=100_000)
def compound(lemma: str, lang: str) -> tuple[str, str] | None:
    """(modifier, head) of a compound written as one word, when both are frequent words of
    the language; the split whose rarer part is the most frequent wins."""
    if len(lemma) < 2 * MIN_PART + 2 or lang != "de":
        return None
    best: tuple[float, str, str] | None = None
    for i in range(MIN_PART, len(lemma) - MIN_PART + 1):
        head = lemma[i:]
        z_head = _zipf(head, lang)
        if z_head < HEAD_ZIPF:
            continue
        for link in LINKS:
            modifier = lemma[:i]
            if link:
                if not modifier.endswith(link) or len(modifier) - len(link) < MIN_PART:
                    continue
                modifier = modifier[:-len(link)]
            z = min(z_head, _zipf(modifier, lang))
            if z >= HEAD_ZIPF and (best is None or z > best[0]):
                best = (z, modifier, head)
    if best is None:
        return None
    head = lemmatize(best[2].capitalize(), lang).lower()
    return best[1], head


def is_modifier(part: str, lang: str) -> bool:
    """Whether `part` can open a compound: a word of the language, perhaps with a linking
    element ("Arbeit|s|zeit", "Schluss|kurs"), but no function word ("der|zeit") and no stray
    piece of another word ("Gänseh|alter")."""
    for link in LINKS:
        if link and not part.endswith(link):
            continue
        stem = part[:len(part) - len(link)]
        if len(stem) >= MIN_PART and HEAD_ZIPF <= _zipf(stem, lang) < COMMON_ZIPF:
            return True
    return False


def figure_key(c: Claim) -> str | None:
    """How another figure of a sentence is named as a feature: its kind and value at three
    significant digits, a quantity's in base units at two (dates at the precision stated)."""
    if c.kind == "date":
        return f"date:{c.date}" if c.date else None
    if c.value is None or c.value == 0:
        return None
    value, unit, significant = c.value, c.unit or "", 3
    if c.kind == "quantity" and c.unit:  # in base units: "12 Grad" beside one figure is "54°F" beside the other
        from factlint.checker.values import to_canonical, unit_scale

        scale = unit_scale(c.unit)
        if scale:
            offset = KELVIN if scale[1][1] else 0.0  # an offset scale in °C, not K
            value, unit, significant = to_canonical(c, c.value) - offset, scale[0], 2  # a conversion is near, not exact
    if value == 0:
        return None
    digits = significant - 1 - int(math.floor(math.log10(abs(value))))
    return f"{c.kind}:{round(value, digits):g}{unit}"


KELVIN = 273.15
