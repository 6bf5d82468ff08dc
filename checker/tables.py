"""Tables that libraries build on first use, kept between runs in the user's cache folder.

A process that prepares one changed article would otherwise spend most of its time building
them: simplemma's German lemma dictionary (0.6 s to index its 1.1 million forms) and pint's
unit registry (0.4 s, for the handful of units a corpus uses). Here they are built once per
machine and library version:

- the lemma dictionaries as MARISA tries (simplemma's TrieDictionaryFactory with its disk
  cache; loading one takes milliseconds and its lookups are faster than the stream's);
- the base units of each unit string pint was asked about, as JSON (`UnitTable`).

They live in `$XDG_CACHE_HOME/factlint/tables` (else `~/.cache/factlint/tables`); with
FACTLINT_NO_CACHE set, or in a check run with `--no-cache`, nothing is read or written there
and the libraries build their tables in memory as before. Files are written to a
temporary name and renamed into place, so runs at once see a whole file or none; a file that
does not read back is built again.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path


_enabled = True


def enable(on: bool) -> None:
    """Whether this process (and the workers it forks) may keep tables: each check says so
    when it starts (`--no-cache`: no)."""
    global _enabled
    _enabled = on


def folder() -> Path | None:
    """Where the tables are kept; None when no cache may be used."""
    if not _enabled or os.environ.get("FACTLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factlint" / "tables"


def write_atomic(path: Path, write) -> None:
    """`write(temporary path)`, then rename it to `path`; an unwritable folder leaves no file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        os.close(fd)
        try:
            write(tmp)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def lemma_dictionaries(where: Path | None):
    """simplemma's dictionary factory: tries kept in the folder `where` (`folder()`; None: no
    cache may be used) when marisa-trie is installed, else its compressed streams read into memory."""
    from simplemma.strategies.dictionaries import StreamDictionaryFactory

    if where is None:
        return StreamDictionaryFactory()
    try:
        from simplemma import __version__
        from simplemma.strategies.dictionaries import TrieDictionaryFactory
        from simplemma.strategies.dictionaries.trie_dictionary_factory import _TRIE_DEPS_AVAILABLE
    except ImportError:
        return StreamDictionaryFactory()
    if not _TRIE_DEPS_AVAILABLE:
        return StreamDictionaryFactory()

    class Tries(TrieDictionaryFactory):
        """simplemma's tries, each written to a temporary file and renamed into place, so
        that two processes building one at once never read a half-written file."""

        __slots__ = ()

        def _write_trie_to_disk(self, lang: str, trie) -> None:
            write_atomic(Path(self._cache_dir) / f"{lang}.dic", lambda tmp: trie.save(tmp))

    return Tries(disk_cache_dir=str(where / f"simplemma-{__version__}"))


class UnitTable:
    """What pint answers about unit strings (`answer(unit)`: JSON data), asked of pint only
    for a unit no run asked about before: a run that meets only known units never builds
    pint's registry."""

    def __init__(self, name: str):
        self.name = name
        self._known: dict | None = None

    def _path(self) -> Path | None:
        where = folder()
        if where is None:
            return None
        from importlib.metadata import version

        return where / f"{self.name}-pint-{version('pint')}.json"

    def get(self, unit: str, answer, valid):
        """`answer(unit)`, from the table when it holds a `valid` answer."""
        if self._known is None:
            self._known = self._load()
        if unit in self._known and valid(self._known[unit]):
            return self._known[unit]
        value = answer(unit)
        self._known[unit] = value
        path = self._path()
        if path is not None:
            kept = self._load()  # another run may have added units since
            kept[unit] = value
            text = json.dumps(kept, sort_keys=True)
            write_atomic(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
        return value

    def _load(self) -> dict:
        path = self._path()
        if path is None:
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


# ------------------------------------------------------------------ word frequencies


def zipf_frequency(word: str, lang: str) -> float:
    """wordfreq's `zipf_frequency(word, lang)`, its frequency list read from a MARISA trie kept
    between runs (wordfreq builds a dict of every word of the language, 0.3 s for German, before
    its first answer): wordfreq's own steps (its tokenizer, numbers and rounding) on that list."""
    import wordfreq

    freqs = _frequencies(folder(), lang)
    if freqs is None:
        return wordfreq.zipf_frequency(word, lang)
    minimum = wordfreq.zipf_to_freq(0.0)
    return round(wordfreq.freq_to_zipf(_word_frequency(word, lang, freqs, minimum)), 2)


def _word_frequency(word: str, lang: str, freqs, minimum: float) -> float:
    """wordfreq's `_word_frequency` (3.x) with `freqs(token)` for its dict lookup."""
    import wordfreq

    tokens = wordfreq.lossy_tokenize(word, lang)
    if not tokens:
        return minimum
    one_over_result = 0.0
    for token in tokens:
        smashed = wordfreq.smash_numbers(token)
        freq = freqs(smashed)
        if freq is None:
            return minimum
        if smashed != token:
            freq *= wordfreq.digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    if wordfreq.get_language_info(lang)["tokenizer"] == "jieba":
        freq *= wordfreq.INFERRED_SPACE_FACTOR ** -(len(tokens) - 1)
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


_FREQUENCIES: dict = {}


def _frequencies(where: Path | None, lang: str):
    """A lookup token -> frequency of wordfreq's best list for `lang` (None: no table may be
    kept, or marisa-trie is missing); LookupError for a language wordfreq does not know."""
    if where is None:
        return None
    if (where, lang) not in _FREQUENCIES:
        _FREQUENCIES[where, lang] = _frequency_trie(where, lang)
    trie = _FREQUENCIES[where, lang]
    if trie is None:
        return None
    from wordfreq import cB_to_freq

    def lookup(token: str) -> float | None:
        found = trie.get(token)
        return cB_to_freq(-max(v[0] for v in found)) if found else None  # (wordfreq's dict keeps a word's last bucket)

    return lookup


def _frequency_trie(where: Path, lang: str):
    try:
        import marisa_trie
        import wordfreq
        from importlib.metadata import version
    except ImportError:
        return None
    path = where / f"wordfreq-{version('wordfreq')}-{lang}.trie"
    try:
        return marisa_trie.RecordTrie("<H").load(str(path))
    except Exception:  # missing, or not a whole trie: built again
        pass
    buckets = wordfreq.get_frequency_list(lang)  # LookupError for an unknown language
    trie = marisa_trie.RecordTrie("<H", ((w, (index,)) for index, bucket in enumerate(buckets) for w in bucket))
    write_atomic(path, lambda tmp: trie.save(tmp))
    return trie
