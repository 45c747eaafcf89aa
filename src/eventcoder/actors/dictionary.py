"""The actor dictionary: every phrase of the actor tables (built-in and users'), what it means
at an article's date, and the one left-to-right pass that finds the phrases in a Doc
(docs/coding.md, actors rule 1).

:class:`ActorDictionary` loads the tables (rows are read and checked in
:mod:`~eventcoder.actors.tables`) and matches them; :class:`Mention` is a phrase found in a
Doc; :class:`Dated` holds a phrase's date-ranged entries and picks the one an article's date
calls for.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from eventcoder.actors.tables import BUILTIN, READERS, Entry, read_rows
from eventcoder.actors.words import ARTICLES
from eventcoder.custom import actor_rows, replaced_tables
from eventcoder.errors import DataFileError, Errors
from eventcoder.tsv import data_path

__all__ = ["ActorDictionary", "Dated", "Entry", "Mention", "Tokenize", "entry_code"]


@dataclass(frozen=True)
class Mention:
    """A dictionary phrase found in a Doc: tokens ``start``-``end`` (exclusive)."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True)
class Dated:
    """The entries one phrase has in one file when some apply only between dates (a person
    who was a rebel leader, then president, then ex-president).

    ranged: the entries with a date range, in file order. default: the entry with no range
    (the last listed), or None. undated: what an article of no date gets: the default, else
    the entry whose range ends last (an open end is latest; on a tie the one that began
    later, then the last listed).
    """

    ranged: tuple[Entry, ...]
    default: Entry | None
    undated: Entry

    @classmethod
    def of(cls, entries: Sequence[Entry]) -> Entry | Dated:
        """What the ``entries`` one file gives a phrase mean together: the single entry when
        none has a date range (the last listed), else a :class:`Dated`."""
        ranged = tuple(e for e in entries if e.ranged)
        plain = [e for e in entries if not e.ranged]
        default = plain[-1] if plain else None
        if not ranged and default is not None:
            return default
        latest = max(reversed(ranged), key=lambda e: (e.date_to or "9999-12-31", e.date_from or ""))
        return cls(ranged, default, default or latest)

    def at(self, date: str | None) -> Entry | None:
        """The entry that applies on ``date`` (YYYY-MM-DD, or None for an undated article): the
        last listed whose range holds the date, else the default; None when neither exists,
        and the phrase names no one at that date."""
        if date is None:
            return self.undated
        for entry in reversed(self.ranged):
            if (entry.date_from is None or entry.date_from <= date) and (
                entry.date_to is None or date <= entry.date_to
            ):
                return entry
        return self.default


Tokenize = Callable[[str], Sequence[str]]
# The folder of the tables converted from the PETRARCH2 dictionaries (data/petrarch/).
IMPORTED = "petrarch"
# A phrase's tokens (lower case), their shapes (see _shape) and what the phrase means.
Item = tuple[tuple[str, ...], tuple[str, ...], Entry | Dated]
# While loading: a phrase's tokens -> its shapes, its entries and the number of the table they
# came from (a later table's entries replace an earlier one's).
Rows = dict[tuple[str, ...], tuple[tuple[str, ...], list[Entry], int]]
# The built-in tables as loaded, by tokenizer and tables: rows, surnames, tables read.
_BUILTIN_ROWS: dict[Hashable, tuple[Rows, list[tuple[tuple[str, ...], tuple[str, ...]]], int]] = {}


class ActorDictionary:
    """Every actor phrase eventcoder knows, indexed by first token for a single pass over a Doc.

    tokenize: splits a phrase into tokens exactly as the pipeline's tokenizer does.
    extra: users' own files (TSV in one of the tables' formats, or YAML), read after the
    built-in ones, so a user's entries for a phrase replace the built-in entries for it.
    builtin: read the built-in tables (``data/actors/``, ``data/petrarch/``); with False only
    ``extra`` is read. cache_key: what identifies ``tokenize`` (the pipeline's name and version):
    given, the built-in tables are read once per process for it.
    A YAML file's ``replace`` key also leaves out the built-in tables it names
    (:func:`~eventcoder.custom.replaced_tables`).
    Raises :class:`~eventcoder.errors.DataFileError` naming the file and line of a bad row.
    """

    def __init__(
        self,
        tokenize: Tokenize,
        extra: Iterable[Path] = (),
        builtin: bool = True,
        cache_key: Hashable | None = None,
    ) -> None:
        self._tokenize = tokenize
        self._by_length: dict[str, list[tuple[int, dict[tuple[str, ...], tuple[int, Item]]]]] = {}
        # Surname -> what it says in an undated article (see surname()).
        self.surnames: dict[str, Entry | None] = {}
        self._dated_surnames: dict[str, list[Entry | Dated]] = {}
        self._rows: Rows = {}  # while loading
        self._names: list[tuple[tuple[str, ...], tuple[str, ...]]] = []  # surnames, tokens
        self._table = 0
        self._by_surname = True
        files = [Path(p) for p in extra]
        for path in files:
            if not path.exists():
                raise DataFileError(Errors.E005.format(path=path))
        replaced = replaced_tables(files)
        # The users' rows are read and checked first: a mistake in them is told at once.
        user = []
        for path in files:
            sections = actor_rows(path)  # orgs.tsv format, another by its header, or YAML
            user += [(path, s, list(READERS[s](path, sections[s]))) for s in READERS]
        tables = [
            (section, name)
            for section, names in (BUILTIN.items() if builtin else ())
            for name in (names if section not in replaced else ())
        ]
        # The built-in tables are tens of thousands of phrases: one process tokenises them
        # once per tokenizer (cache_key) and set of tables, and each load copies the result.
        key = (cache_key, tuple(tables)) if cache_key is not None else None
        if key is not None and key in _BUILTIN_ROWS:
            rows, names, self._table = _BUILTIN_ROWS[key]
            self._rows, self._names = dict(rows), list(names)
        else:
            for section, name in tables:
                path = data_path(name)
                self._load(section, path, READERS[section](path, read_rows(section, path)))
            if key is not None:
                _BUILTIN_ROWS[key] = (dict(self._rows), list(self._names), self._table)
        for path, section, entries in user:
            self._load(section, path, entries)
        self._finish()

    def _load(self, section: str, path: Path, entries: Iterable[tuple[str, Entry]]) -> None:
        """Add one table: the (phrase, entry) pairs of ``path``, a table of ``section``."""
        self._table += 1
        # Tens of thousands of imported names would make every capitalised word someone's
        # surname ("Garoua", a town, is also a minister's): their people are known by full name.
        self._by_surname = path.parent.name != IMPORTED
        for phrase, entry in entries:
            self._add(phrase, entry)

    def _add(self, phrase: str, entry: Entry) -> None:
        """Register ``phrase``. Entries from the table being loaded add up (date variants, the
        last undated one the default); an earlier table's entries for the phrase are dropped."""
        words = [t for t in self._tokenize(phrase) if t.strip()]
        if not words:
            return
        tokens = tuple(w.lower() for w in words)
        # Names must keep their case in the text ("US" is not "us", "Turkey" is not "turkey");
        # role words ("spokesman") match in any case.
        shapes = tuple(_shape(w) if entry.kind != "agent" else "" for w in words)
        # Popped and put back: the latest phrase goes last, as the index's order expects.
        old = self._rows.pop(tokens, None)
        entries = [*old[1], entry] if old is not None and old[2] == self._table else [entry]
        self._rows[tokens] = (shapes, entries, self._table)
        if entry.kind == "person" and entry.name and self._by_surname:
            self._names.append((_surname_keys(entry.name), tokens))

    def _finish(self) -> None:
        """Build the index (longest phrase first in each bucket) and the surnames."""
        meanings = {tokens: Dated.of(entries) for tokens, (_, entries, _) in self._rows.items()}
        buckets: dict[str, list[Item]] = {}  # by first token
        for tokens, (shapes, _, _) in self._rows.items():
            buckets.setdefault(tokens[0], []).append((tokens, shapes, meanings[tokens]))
        for first, bucket in buckets.items():
            bucket.sort(key=lambda item: -len(item[0]))
            # The bucket by phrase length, longest first, each a dict from the phrase's tokens:
            # a handful of lookups a token instead of a walk through hundreds of names that
            # begin with "international" or "jose".
            lengths: dict[int, dict[tuple[str, ...], tuple[int, Item]]] = {}
            for pos, item in enumerate(bucket):
                lengths.setdefault(len(item[0]), {})[item[0]] = (pos, item)
            self._by_length[first] = sorted(lengths.items(), key=lambda kv: -kv[0])
        by_surname: dict[str, list[Entry | Dated]] = {}
        named: set[tuple[str, ...]] = set()
        for keys, tokens in self._names:
            if tokens in named:
                continue
            named.add(tokens)
            meaning = meanings[tokens]
            if _kind(meaning) != "person":
                continue  # a later table made the name something else
            for key in keys:
                by_surname.setdefault(key, []).append(meaning)
        for key, people in by_surname.items():
            self.surnames[key] = _one_person(
                p.undated if isinstance(p, Dated) else p for p in people
            )
            if any(isinstance(p, Dated) for p in people):
                self._dated_surnames[key] = people
        self._rows.clear()
        self._names.clear()

    def surname(self, word: str, date: str | None = None) -> Entry | None:
        """What a single name says in an article of ``date`` (YYYY-MM-DD or None): the person
        of the people tables with that surname, the country all of them share (the Gaddafis:
        LBY, no sector), or None (none, or people of different countries)."""
        key = word.lower()
        if date is None or key not in self._dated_surnames:
            return self.surnames.get(key)
        people = self._dated_surnames[key]
        return _one_person(p.at(date) if isinstance(p, Dated) else p for p in people)

    def match(
        self, doc: Doc, tokens: Sequence[Token] | None = None, date: str | None = None
    ) -> list[Mention]:
        """All dictionary phrases in ``doc``, longest match first, left to right, no overlaps.

        tokens: ``list(doc)`` if the caller has it already (indexing a Doc builds new Tokens).
        date: the article's date (YYYY-MM-DD) or None; a phrase whose entries do not apply
        then is read as if it were not in the dictionary."""
        toks = list(doc) if tokens is None else tokens
        lows = [t.lower_ for t in toks]
        lemmas = [t.lemma_.lower() for t in toks]
        mentions: list[Mention] = []
        i, n = 0, len(toks)
        while i < n:
            found = None
            low, lemma = lows[i], lemmas[i]
            for key in (low,) if low == lemma else (low, lemma):
                for length, phrases in self._by_length.get(key, ()):
                    if i + length > n:
                        continue
                    # the words as written, or with the last word's lemma ("prime ministers")
                    words = tuple(lows[i : i + length])
                    candidates = [c for c in (phrases.get(words),) if c]
                    last = lemmas[i + length - 1]
                    if last != words[-1] and (inflected := phrases.get((*words[:-1], last))):
                        candidates.append(inflected)
                    if not candidates:
                        continue
                    for _, (words, shapes, meaning) in sorted(candidates, key=lambda c: c[0]):
                        if _matches(toks, i, words, shapes):
                            entry = meaning if isinstance(meaning, Entry) else meaning.at(date)
                            if entry is not None:
                                found = Mention(i, i + len(words), entry)
                                break
                    if found is not None:
                        break
                if found is not None:
                    break
            if found is not None:
                mentions.append(found)
                i = found.end
            else:
                i += 1
        return mentions


def _kind(meaning: Entry | Dated) -> str:
    return meaning.undated.kind if isinstance(meaning, Dated) else meaning.kind


def _surname_keys(name: str) -> tuple[str, ...]:
    """The keys a person is found by from their surname: "Bashar al-Assad" is "al-assad" and
    "assad" on second mention, "el-Sisi" "el-sisi" and "sisi"."""
    surname = name.split()[-1].lower()
    article, _, bare = surname.partition("-")
    return (surname, bare) if article in ARTICLES and bare else (surname,)


def _one_person(people: Iterable[Entry | None]) -> Entry | None:
    """What a surname says when all of ``people`` (None: not at this date) bear it."""
    known: Entry | None = None
    first = True
    for entry in people:
        if entry is None:
            continue
        known = entry if first else _same_person(known, entry)
        first = False
    return known


def _same_person(known: Entry | None, entry: Entry) -> Entry | None:
    """What a surname says when both ``known`` and ``entry`` bear it: the person, the country
    they share (the Gaddafis: LBY, no sector), or None for people of different countries."""
    if known is None or known.country != entry.country or known.code != entry.code:
        return None
    if known.sector == entry.sector:
        return known
    return Entry("person", known.country, None, None, None, known.source)


def _shape(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "X"  # an acronym: exact case
    if letters and letters[0].isupper():
        return "C"  # a name: capitalised in the text too
    return ""


def _matches(
    toks: Sequence[Token], start: int, words: tuple[str, ...], shapes: tuple[str, ...]
) -> bool:
    if start + len(words) > len(toks):
        return False
    last = len(words) - 1
    for k, want in enumerate(words):
        token = toks[start + k]
        shape = shapes[k]
        if shape == "X" and token.text.upper() != token.text:
            return False
        if shape == "C" and not (token.text[:1].isupper() or token.pos_ in ("PROPN", "ADJ")):
            return False  # "turkey" and "china" are nouns; "tunisian rioters" is a typo
        if token.lower_ == want:
            continue
        # Plurals and other inflections of a phrase's last word ("prime ministers").
        if k == last and token.lemma_.lower() == want:
            continue
        return False
    return True


def entry_code(country: str | None, sector: str | None, explicit: str | None) -> str | None:
    """An actor's code: country + sector when the country is known, else the explicit code
    (IGOUNO, IMGREB), else None."""
    if country:
        return country + (sector or "")
    return explicit
