"""The actor dictionary: every phrase in ``data/actors/`` (and users' own files), what each means,
and the one left-to-right pass that finds them in a Doc (docs/coding.md, actors rule 1).

:class:`Entry` is what one phrase means, :class:`Mention` a phrase found in a Doc, and
:class:`ActorDictionary` loads the tables and matches them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from eventcoder.actors.words import ARTICLES, SECTORS
from eventcoder.custom import Row, actor_rows
from eventcoder.errors import DataFileError, Errors
from eventcoder.tsv import data_path, read_tsv


@dataclass(frozen=True)
class Entry:
    """What one dictionary phrase means.

    kind: country, adjective, capital, agent, igo, group, agency, party, ngo, media, company,
    person. country: ISO alpha-3 or None. sector: 3-letter sector or None. code: an explicit
    actor code (IGOs, groups) or None to build it from country + sector. name: canonical name
    for organisations and people. source: ``file:line`` it came from. post: a role word that
    names a post held in some body ("spokesman", "commander", "leader"): a body named in the same
    phrase gives the sector ("army spokesman" is MIL, "rebel commander" REB). elsewhere: other
    countries with a body of this name (Jamaat-e-Islami in Pakistan, Bangladesh and India); the
    document decides which one is meant
    (:func:`~eventcoder.actors.countries.choose_countries`). protest: the word names
    people protesting ("protesters", "rioters"): violence they do is a violent protest (CAMEO
    145), force used on them is repression (175).
    """

    kind: str
    country: str | None
    sector: str | None
    code: str | None
    name: str | None
    source: str
    post: bool = False
    elsewhere: tuple[str, ...] = ()
    protest: bool = False


@dataclass(frozen=True)
class Mention:
    """A dictionary phrase found in a Doc: tokens ``start``-``end`` (exclusive)."""

    start: int
    end: int
    entry: Entry


Tokenize = Callable[[str], Sequence[str]]


class ActorDictionary:
    """Every actor phrase eventcoder knows, indexed by first token for a single pass over a Doc.

    tokenize: splits a phrase into lower-case tokens exactly as the pipeline's tokenizer does.
    extra: users' own files in the ``orgs.tsv`` format, read after the built-in ones, so a user
    entry replaces a built-in entry for the same phrase.
    """

    def __init__(self, tokenize: Tokenize, extra: Iterable[Path] = ()) -> None:
        self._tokenize = tokenize
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], Entry]]] = {}
        self.surnames: dict[str, Entry | None] = {}
        actors = data_path("actors")
        self._load_countries(actors / "countries.tsv")
        self._load_agents(actors / "agents.tsv")
        self._load_orgs(actors / "orgs.tsv")
        self._load_people(actors / "people.tsv")
        for path in extra:
            if not Path(path).exists():
                raise DataFileError(Errors.E005.format(path=path))
            user = actor_rows(Path(path))  # orgs.tsv format, another by its header, or YAML
            self._load_agents(Path(path), user["agents"])
            self._load_orgs(Path(path), user["actors"])
            self._load_people(Path(path), user["people"])
        for entries in self._index.values():
            entries.sort(key=lambda item: -len(item[0]))

    def add(self, phrase: str, entry: Entry) -> None:
        """Register ``phrase``; a later entry for the same phrase replaces the earlier one."""
        words = [t for t in self._tokenize(phrase) if t.strip()]
        if not words:
            return
        tokens = tuple(w.lower() for w in words)
        # Names must keep their case in the text ("US" is not "us", "Turkey" is not "turkey");
        # role words ("spokesman") match in any case.
        shapes = tuple(_shape(w) if entry.kind != "agent" else "" for w in words)
        bucket = self._index.setdefault(tokens[0], [])
        bucket[:] = [item for item in bucket if item[0] != tokens]
        bucket.append((tokens, shapes, entry))

    def _load_countries(self, path: Path) -> None:
        kinds = {"name": "country", "adj": "adjective", "capital": "capital"}
        for row in read_tsv(path, ("iso3", "kind", "phrase")):
            kind = kinds.get(row["kind"] or "")
            if kind is None or not row["phrase"]:
                raise DataFileError(
                    Errors.E001.format(
                        path=path,
                        line=row["_line"],
                        reason=f"kind must be name, adj or capital, got {row['kind']!r}",
                        columns=3,
                        names="iso3, kind, phrase",
                    )
                )
            entry = Entry(kind, row["iso3"], None, None, None, f"{path.name}:{row['_line']}")
            self.add(row["phrase"], entry)

    def _sector(self, path: Path, row: dict[str, str | None], key: str = "sector") -> str | None:
        sector = row[key]
        if sector is not None and sector not in SECTORS:
            raise DataFileError(
                Errors.E003.format(
                    path=path, line=row["_line"], sector=sector, known=" ".join(sorted(SECTORS))
                )
            )
        return sector

    def _load_agents(self, path: Path, rows: Iterable[Row] | None = None) -> None:
        rows = read_tsv(path, ("phrase", "sector", "flags"), required=2) if rows is None else rows
        for row in rows:
            flags = set((row["flags"] or "").split(","))
            if not flags <= {"", "post", "protest"}:
                raise DataFileError(
                    Errors.E001.format(
                        path=path,
                        line=row["_line"],
                        reason=f"flags are post and protest, got {row['flags']!r}",
                        columns="2-3",
                        names="phrase, sector, flags",
                    )
                )
            entry = Entry(
                "agent",
                None,
                self._sector(path, row),
                None,
                None,
                f"{path.name}:{row['_line']}",
                post="post" in flags,
                protest="protest" in flags,
            )
            self.add(row["phrase"] or "", entry)

    def _load_orgs(self, path: Path, rows: Iterable[Row] | None = None) -> None:
        columns = ("phrase", "code", "country", "sector", "kind")
        # A name listed again in the same file with another country is one name of several
        # countries' bodies; in a later file it replaces the earlier entry.
        seen: dict[str, Entry] = {}
        for row in read_tsv(path, columns, required=2) if rows is None else rows:
            phrase = row["phrase"] or ""
            entry = Entry(
                row["kind"] or "agency",
                row["country"],
                self._sector(path, row),
                row["code"],
                phrase,
                f"{path.name}:{row['_line']}",
            )
            first = seen.get(phrase)
            if first is not None and first.country and entry.country != first.country:
                entry = replace(first, elsewhere=(*first.elsewhere, entry.country or ""))
            seen[phrase] = entry
            self.add(phrase, entry)

    def _load_people(self, path: Path, rows: Iterable[Row] | None = None) -> None:
        columns = ("name", "country", "sector", "role")
        for row in read_tsv(path, columns, required=3) if rows is None else rows:
            name = row["name"] or ""
            sector = self._sector(path, row)
            # Without a country a person's code says what they belong to: IGO heads code IGO,
            # leaders of transnational armed groups IMG + sector (CAMEO's international groups).
            code = None if row["country"] else ("IGO" if sector == "IGO" else f"IMG{sector or ''}")
            entry = Entry(
                "person", row["country"], sector, code, name, f"{path.name}:{row['_line']}"
            )
            self.add(name, entry)
            surname = name.split()[-1].lower()
            # "Bashar al-Assad" is "Assad" on second mention, "el-Sisi" "Sisi".
            article, _, bare = surname.partition("-")
            for key in (surname, bare) if article in ARTICLES and bare else (surname,):
                self.surnames[key] = _same_person(self.surnames.get(key, entry), entry)

    def match(self, doc: Doc, tokens: Sequence[Token] | None = None) -> list[Mention]:
        """All dictionary phrases in ``doc``, longest match first, left to right, no overlaps.

        tokens: ``list(doc)`` if the caller has it already (indexing a Doc builds new Tokens)."""
        toks = list(doc) if tokens is None else tokens
        mentions: list[Mention] = []
        i, n = 0, len(toks)
        while i < n:
            found = None
            for key in (toks[i].lower_, toks[i].lemma_.lower()):
                for words, shapes, entry in self._index.get(key, ()):
                    if _matches(toks, i, words, shapes):
                        found = Mention(i, i + len(words), entry)
                        break
                if found is not None:
                    break
            if found is not None:
                mentions.append(found)
                i = found.end
            else:
                i += 1
        return mentions


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
