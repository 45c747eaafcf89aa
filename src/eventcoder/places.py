"""Places named in an article: an offline gazetteer, the namesake rule, and where events happened.

    gazetteer = Gazetteer.default()                       # loaded once per process
    gazetteer.choose("Hyderabad", context={"PAK"})        # the one in Sindh, Pakistan
    places = find_places(nlp(text), countries={"USA"})    # [Place, ...] in text order
    [p.name for p in places if p.locative]                # where things happened

The gazetteer is GeoNames data in ``data/places/``: countries, admin-1 regions and cities of
15,000+ people (``countries.tsv``, ``admin1.tsv``, ``cities.tsv``, built by
``scripts/build_places.py``) and hand-written names (``aliases.tsv``). docs/places.md describes
the data, the namesake rule, locative mentions and the GDELT mapping.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventcoder.errors import DataFileError, Errors
from eventcoder.tsv import data_path, read_tsv

# A context country or a capital's standing lifts a candidate over namesakes at most this many
# times more populous: Tripoli, Lebanon beats Tripoli, Libya (5x) in an article about Lebanon, but
# Paris, Texas never beats Paris, France (86x) without a qualifier or a nearby Texan place.
PROMINENCE = 50
# spaCy's small models often label places ORG or NORP ("Quetta", "Punjab"); a whole entity that
# is a gazetteer name counts. A PERSON entity counts only after a preposition of place or motion
# ("spread to Akkar", "in Jenin"): Chad, Jordan and Georgia are people too. Outside GPE and LOC
# entities a name must be an entry's own name, not only an alternate one, and in capitals a
# country's ("UAE", but not "UN" for Un, India, nor "GAO" for Gao, Mali).
MISLABELLED = frozenset({"ORG", "NORP"})
MOTION = frozenset({"to", "from", "into", "towards", "toward"})
# A first-pass reading counts as settled, and so as evidence for the others, when it is at least
# this many times as populous as every reading elsewhere (Savannah, Georgia over Savannah, Ghana).
DOMINANCE = 2
# A capitalised word in no entity names a city only after a preposition of place or motion, or
# when the city has this many people: "Hyderabad, Pakistan" and "in Damboa", but not "Officer".
LONE_CITY = 100_000
# Words that say what kind of place a name is: "Idlib province" and "the province of Idlib" are
# the admin-1 region, "Kabul city" and "the city of Kabul" the city.
KIND_WORDS = {
    "province": "admin1", "region": "admin1", "state": "admin1", "governorate": "admin1",
    "oblast": "admin1", "prefecture": "admin1", "city": "city", "town": "city",
}  # fmt: skip
_KIND_AFTER = re.compile(r"\s+(\w+)")
_KIND_BEFORE = re.compile(r"(\w+)\s+of\s+$")
_COMBINING = re.compile(r"[\u0300-\u036f]")
# Apostrophes and transliterated ayns and hamzas do not count either: ‘Akkār = Akkar.
_MARKS = dict.fromkeys(map(ord, "’‘ʻʼʿʾ`´"), None)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry.

    name: its display name. kind: ``country``, ``admin1`` or ``city``. feature: GeoNames feature
    code (PCLI, ADM1, PPLC for a national capital, PPL for other cities). cc: ISO 3166 alpha-2.
    iso3: alpha-3. fips: FIPS 10-4 country code. country_name: the country's display name.
    admin1_code, admin1: the GeoNames admin-1 code and name (None for a country). lat, lon:
    coordinates. geonameid: GeoNames id or None. population: people (for an admin-1 region the
    sum over its towns of 500+, a lower bound).
    """

    name: str
    kind: str
    feature: str
    cc: str
    iso3: str | None
    fips: str | None
    country_name: str | None
    admin1_code: str | None
    admin1: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int

    def contains(self, other: Entry) -> bool:
        """True when ``other`` lies in this entry (or is it)."""
        if self.kind == "country":
            return other.cc == self.cc
        if self.kind == "admin1":
            return (
                other.kind != "country"
                and other.cc == self.cc
                and other.admin1_code == self.admin1_code
            )
        return other == self


PLACE_FIELDS = (
    "text", "start", "end", "name", "kind", "feature", "country", "country_fips", "admin1",
    "admin1_code", "lat", "lon", "geonameid", "population", "locative", "token", "country_name",
)  # fmt: skip


@dataclass
class Place:
    """A place named in an article, resolved to a gazetteer entry.

    text: the words in the article. start, end: their character offsets. name: the gazetteer
    name ("Quetta"). kind: ``country``, ``admin1`` or ``city``. feature: GeoNames feature code.
    country: ISO 3166 alpha-3 ("PAK"). country_fips: FIPS 10-4 ("PK"). admin1, admin1_code:
    the admin-1 region's name and GeoNames code ("Balochistan", "02"); None for a country.
    lat, lon: coordinates. geonameid: GeoNames id. population: see :class:`Entry`.
    locative: the mention says where something happened ("arrested in Balochistan"), not who
    acted ("urged Islamabad"); see :func:`locative`. token: index in the doc of the mention's
    head token, to tie it to a clause. country_name: the country's display name.
    """

    text: str
    start: int
    end: int
    name: str
    kind: str
    feature: str
    country: str | None
    country_fips: str | None
    admin1: str | None
    admin1_code: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int
    locative: bool = False
    token: int = -1
    country_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Spelled out: dataclasses.asdict deep-copies and is several times slower.
        return {f: getattr(self, f) for f in PLACE_FIELDS}

    def gdelt(self) -> dict[str, Any]:
        """The GDELT 2.0 ActionGeo fields (without the ``ActionGeo_`` prefix).

        Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world admin-1 region. FullName:
        "Quetta, Balochistan, Pakistan". CountryCode: FIPS 10-4. ADM1Code: FIPS country code and
        GeoNames admin-1 code ("PK02"; a country's is its FIPS code). ADM2Code: always "".
        Lat, Long. FeatureID: the GeoNames id, or the ADM1Code where there is none.
        """
        fips = self.country_fips or ""
        us = fips == "US"
        adm1 = fips + (self.admin1_code or "") if self.kind != "country" else fips
        parts: list[str | None]
        if self.kind == "country":
            kind, parts = 1, [self.name]
        elif self.kind == "admin1":
            kind, parts = (2 if us else 5), [self.name, self.country_name]
        else:
            kind, parts = (3 if us else 4), [self.name, self.admin1, self.country_name]
        return {
            "Type": kind,
            "FullName": ", ".join(filter(None, parts)),
            "CountryCode": fips,
            "ADM1Code": adm1,
            "ADM2Code": "",
            "Lat": self.lat,
            "Long": self.lon,
            "FeatureID": str(self.geonameid) if self.geonameid is not None else adm1,
        }


def normalize(name: str) -> str:
    """The form names are compared in: case, diacritics, hyphens, spacing and a leading "the"
    do not count ("the Gaza Strip" = "Gaza strip", "Khyber-Pakhtunkhwa" = "Khyber Pakhtunkhwa",
    "Sana'a" = "Sanaa")."""
    text = name.casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_MARKS)))
    if "'" in text:
        text = text.replace("'", "")
    if "-" in text:
        text = text.replace("-", " ")
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


_key = lru_cache(maxsize=1 << 16)(normalize)


class Gazetteer:
    """Names to places, and the namesake rule that picks one (docs/places.md).

    names: ``(name, entry, primary)`` triples; primary is True for an entry's own name, False
    for an alternate name. blocked: names never resolved. demonyms: words that name a people,
    never a place ("Indian").
    """

    def __init__(
        self,
        names: Iterable[tuple[str, Entry, bool]],
        blocked: Iterable[str] = (),
        demonyms: Iterable[str] = (),
    ) -> None:
        index: dict[str, list[tuple[Entry, bool]]] = {}
        for name, entry, primary in names:
            key = normalize(name)
            found = index.get(key)
            if found is None:
                index[key] = [(entry, primary)]
                continue
            for i, (known, was_primary) in enumerate(found):
                if known is entry:
                    found[i] = (entry, was_primary or primary)
                    break
            else:
                found.append((entry, primary))
        for name in blocked:
            index.pop(normalize(name), None)
        self._index = index
        self.demonyms = frozenset(normalize(d) for d in demonyms)

    @classmethod
    def default(cls) -> Gazetteer:
        """The package's gazetteer, loaded on first use and shared afterwards."""
        return _default_gazetteer()

    def __len__(self) -> int:
        return len(self.entries())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _key(name) in self._index

    def has_own_name(self, name: str, country: bool = False) -> bool:
        """True when ``name`` is some entry's own name (or a country's), not only an alternate
        one: "White House" is an alternate name of Casablanca only. country: a country's only."""
        found = self._index.get(_key(name), ())
        return any(p and (not country or e.kind == "country") for e, p in found)

    def entries(self) -> set[Entry]:
        """Every entry (countries, admin-1 regions and cities)."""
        return {entry for found in self._index.values() for entry, _ in found}

    def candidates(self, name: str) -> list[Entry]:
        """Every entry called ``name`` (own or alternate name, see :func:`normalize`), own names
        first, then by population."""
        found = self._index.get(_key(name), ())
        return [e for e, _ in sorted(found, key=lambda f: (not f[1], -f[0].population))]

    def choose(
        self,
        name: str,
        context: Collection[str] = (),
        within: str | None = None,
        near: Collection[Entry] = (),
        kind: str | None = None,
    ) -> Entry | None:
        """The entry ``name`` most likely means, by the namesake rule; None if it names none.

        context: ISO alpha-3 codes of countries the article mentions. within: a qualifier's
        name ("Texas" in "Paris, Texas"). near: other places resolved with confidence in the
        same article, the sub-national evidence of rule 2. kind: the kind the text says it is
        ("Idlib province": ``admin1``), preferred when there is one of that kind.
        """
        found = self._index.get(_key(name))
        if not found:
            return None
        primary = {id(e): p for e, p in found}
        cands = [e for e, _ in found]
        if within:  # (1) an explicit qualifier wins
            outer = [e for e, _ in self._index.get(_key(within), ())]
            inside = [c for c in cands if any(o.contains(c) for o in outer)]
            cands = inside or cands
        if kind:
            cands = [c for c in cands if c.kind == kind] or cands
        if len(cands) > 1:  # (2) sub-national evidence; else a country name means the country
            countries = [c for c in cands if c.kind == "country"]
            evidence = [c for c in cands if c.kind != "country" and _evidence(c, near, countries)]
            cands = evidence or countries or cands
        best = max(cands, key=lambda c: _rank(c, cands, context, primary[id(c)]))
        if best.kind == "admin1" and kind != "admin1":  # a city named like its region stands for it
            seats = [c for c in cands if c.kind == "city" and best.contains(c)]
            if seats:
                best = max(seats, key=lambda c: c.population)
        return best


def _evidence(cand: Entry, near: Collection[Entry], countries: list[Entry]) -> bool:
    """Another place in the article lies in ``cand``'s admin-1 region; or, against a country
    reading, is another admin-1 region of ``cand``'s country ("Georgia, Florida and Alabama")."""
    for place in near:
        if place.kind == "country" or place is cand:
            continue
        if place.cc == cand.cc and place.admin1_code == cand.admin1_code:
            return True
        if countries and cand.kind == place.kind == "admin1" and place.cc == cand.cc:
            return True
    return False


def _rank(
    cand: Entry, cands: list[Entry], context: Collection[str], primary: bool
) -> tuple[Any, ...]:
    """(3) a country the article mentions, (4) own name, then a national capital, (5) population;
    the first and third only for candidates within :data:`PROMINENCE` of the most populous."""
    top = max(c.population for c in cands)
    prominent = cand.population * PROMINENCE >= top
    return (
        prominent and cand.iso3 in context,
        primary,
        prominent and cand.feature == "PPLC",
        cand.population,
        cand.name,
    )


# -- loading -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer(*load_names())


def load_names(
    aliases: Iterable[Path] = (),
) -> tuple[list[tuple[str, Entry, bool]], list[str], list[str]]:
    """Read the package's tables: ``(names, blocked, demonyms)`` for :class:`Gazetteer`.

    aliases: more files in the ``aliases.tsv`` format, read after the package's.
    ``Gazetteer(*load_names([path]))`` builds a gazetteer with them.
    """
    names: list[tuple[str, Entry, bool]] = []
    countries = _load_countries(names)
    admin1 = _load_admin1(names, countries)
    cities = _load_cities(names, countries, admin1)
    _load_country_names(names, countries)
    blocked = []
    for path in (data_path("places", "aliases.tsv"), *aliases):
        blocked.extend(_load_aliases(path, names, countries, admin1, cities))
    demonyms = [
        row["phrase"] or ""
        for row in read_tsv(data_path("actors", "countries.tsv"), ("iso3", "kind", "phrase"))
        if row["kind"] == "adj"
    ]
    return names, blocked, demonyms


def _other_names(cell: str | None) -> list[str]:
    return cell.split("|") if cell else []


def _load_countries(names: list[tuple[str, Entry, bool]]) -> dict[str, Entry]:
    """Countries by ISO alpha-2; their other names are added later (:func:`_load_country_names`)."""
    columns = ("iso", "iso3", "fips", "geonameid", "name", "population", "lat", "lon", "source")
    countries = {}
    for row in read_tsv(data_path("places", "countries.tsv"), (*columns, "names")):
        entry = Entry(
            name=row["name"] or "",
            kind="country",
            feature="PCLI",
            cc=row["iso"] or "",
            iso3=row["iso3"],
            fips=row["fips"],
            country_name=row["name"],
            admin1_code=None,
            admin1=None,
            lat=float(row["lat"] or 0),
            lon=float(row["lon"] or 0),
            geonameid=int(row["geonameid"] or 0) or None,
            population=int(row["population"] or 0),
        )
        countries[entry.cc] = entry
        names.append((entry.name, entry, True))
    return countries


def _load_admin1(
    names: list[tuple[str, Entry, bool]], countries: dict[str, Entry]
) -> dict[tuple[str, str], Entry]:
    columns = ("cc", "code", "name", "lat", "lon", "population", "geonameid", "names")
    admin1 = {}
    for row in read_tsv(data_path("places", "admin1.tsv"), columns):
        country = countries.get(row["cc"] or "")
        if country is None:
            continue
        entry = Entry(
            name=row["name"] or "",
            kind="admin1",
            feature="ADM1",
            cc=country.cc,
            iso3=country.iso3,
            fips=country.fips,
            country_name=country.name,
            admin1_code=row["code"],
            admin1=row["name"],
            lat=float(row["lat"] or 0),
            lon=float(row["lon"] or 0),
            geonameid=int(row["geonameid"] or 0) or None,
            population=int(row["population"] or 0),
        )
        admin1[(country.cc, row["code"] or "")] = entry
        names.append((entry.name, entry, True))
        names.extend((other, entry, False) for other in _other_names(row["names"]))
    return admin1


def _load_cities(
    names: list[tuple[str, Entry, bool]],
    countries: dict[str, Entry],
    admin1: dict[tuple[str, str], Entry],
) -> dict[int, Entry]:
    """Cities by GeoNames id."""
    columns = ("geonameid", "name", "cc", "admin1", "lat", "lon", "population", "feature", "names")
    cities = {}
    for row in read_tsv(data_path("places", "cities.tsv"), columns):
        country = countries.get(row["cc"] or "")
        if country is None:
            continue
        code = row["admin1"]
        region = admin1.get((country.cc, code or ""))
        entry = Entry(
            name=row["name"] or "",
            kind="city",
            feature=row["feature"] or "PPL",
            cc=country.cc,
            iso3=country.iso3,
            fips=country.fips,
            country_name=country.name,
            admin1_code=code,
            admin1=region.name if region else None,
            lat=float(row["lat"] or 0),
            lon=float(row["lon"] or 0),
            geonameid=int(row["geonameid"] or 0),
            population=int(row["population"] or 0),
        )
        cities[entry.geonameid or 0] = entry
        names.append((entry.name, entry, True))
        names.extend((other, entry, False) for other in _other_names(row["names"]))
    return cities


def _load_country_names(names: list[tuple[str, Entry, bool]], countries: dict[str, Entry]) -> None:
    """Other names of countries: the table's, then the actor dictionary's news forms ("U.S.",
    "Britain"). A name that already belongs to a country or an admin-1 region is skipped: the
    actor dictionary calls Scotland "GBR", but as a place it is the admin-1 region."""
    taken = {normalize(n) for n, e, _ in names if e.kind != "city"}
    by_iso3 = {e.iso3: e for e in countries.values() if e.iso3}
    extra: list[tuple[str, Entry]] = []
    for row in read_tsv(
        data_path("places", "countries.tsv"),
        ("iso", "iso3", "fips", "geonameid", "name", "population", "lat", "lon", "source", "names"),
    ):
        extra.extend((n, countries[row["iso"] or ""]) for n in _other_names(row["names"]))
    for row in read_tsv(data_path("actors", "countries.tsv"), ("iso3", "kind", "phrase")):
        country = by_iso3.get(row["iso3"] or "")
        if country and row["kind"] == "name" and row["phrase"]:
            extra.append((row["phrase"], country))
    for name, country in extra:
        key = normalize(name)
        if key not in taken:
            names.append((name, country, True))
            taken.add(key)


def _load_aliases(
    path: Path,
    names: list[tuple[str, Entry, bool]],
    countries: dict[str, Entry],
    admin1: dict[tuple[str, str], Entry],
    cities: dict[int, Entry],
) -> list[str]:
    """Add the names of an ``aliases.tsv`` file; return its blocked names."""
    blocked = []
    for row in read_tsv(path, ("name", "target")):
        name, target = row["name"] or "", row["target"] or ""
        if target == "none":
            blocked.append(name)
            continue
        kind, _, ref = target.partition(":")
        entry: Entry | None = None
        if kind == "country":
            entry = countries.get(ref)
        elif kind == "admin1":
            cc, _, code = ref.partition(".")
            entry = admin1.get((cc, code))
        elif kind == "city" and ref.isdigit():
            entry = cities.get(int(ref))
        else:
            raise DataFileError(Errors.E050.format(path=path, line=row["_line"], target=target))
        if entry is None:
            raise DataFileError(Errors.E051.format(path=path, line=row["_line"], target=target))
        names.append((name, entry, True))
    return blocked


# -- finding places in a document ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _locative_words() -> dict[str, frozenset[str]]:
    path = data_path("places", "locative.tsv")
    words: dict[str, set[str]] = {"prep": set(), "noun": set(), "direction": set()}
    for row in read_tsv(path, ("word", "kind")):
        kind = row["kind"] or ""
        if kind not in words:
            raise DataFileError(
                Errors.E052.format(path=path, line=row["_line"], kind=kind, known=", ".join(words))
            )
        words[kind].add((row["word"] or "").lower())
    return {k: frozenset(v) for k, v in words.items()}


def is_locative(token: Token) -> bool:
    """True when the place whose head is ``token`` says where something happened: the object of
    a locative preposition ("in Balochistan", "near Quetta"), directly or through a place noun,
    an apposition or a conjunct ("in the city of Quetta", "in India and Pakistan", "20 km north of
    Quetta"), or "X-based". Words come from ``data/places/locative.tsv``."""
    words = _locative_words()
    doc, i = token.doc, token.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ == "based":
        return True
    current = token
    for _ in range(8):  # a bounded walk up the tree
        dep, head = current.dep_, current.head
        if dep == "pobj":
            word = head.lower_
            if word in words["prep"]:
                return True
            if word == "of" and head.head.lower_ in words["direction"]:
                return True
            if word == "of" and head.head.lower_ in words["noun"]:
                current = head.head
                continue
            return False
        through_noun = dep in ("compound", "nmod", "poss", "amod") and head.lower_ in words["noun"]
        if not (through_noun or (dep in ("appos", "conj") and head is not current)):
            return False
        current = head
    return False


def locative(place: Place, doc: Doc) -> bool:
    """True when ``place`` (found in ``doc``) says where something happened; see
    :func:`is_locative`. Same as ``place.locative``."""
    return 0 <= place.token < len(doc) and is_locative(doc[place.token])


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    within: str | None = None
    kind: str | None = None
    lone: bool = False  # a capitalised word in no entity


def _spans(
    doc: Doc, gazetteer: Gazetteer, tokens: Sequence[Token]
) -> Iterator[tuple[int, int, bool, bool]]:
    """Character spans that may name places, before lookup; whether a span must be an own name
    (outside GPE and LOC entities); whether it is in no entity."""
    in_entity: set[int] = set()
    for ent in doc.ents:
        in_entity.update(range(ent.start, ent.end))
        label = ent.label_
        if label in ("GPE", "LOC"):
            yield ent.start_char, ent.end_char, False, False
        elif label == "FAC" or (
            gazetteer.has_own_name(ent.text)
            and (label in MISLABELLED or (label == "PERSON" and _after_place_prep(ent.root)))
        ):
            yield ent.start_char, ent.end_char, True, False
        elif label == "ORG":  # "the Government of Pakistan"
            for tok in ent:
                if tok.lower_ == "of" and tok.i + 1 < ent.end:
                    yield doc[tok.i + 1].idx, ent.end_char, True, False
    # Proper nouns spaCy did not put in any entity ("Hyderabad, Pakistan").
    run: list[Token] = []
    candidates: list[Token | None] = [*tokens, None]
    for word in candidates:
        if word is not None and word.i not in in_entity and word.pos_ == "PROPN" and word.is_title:
            run.append(word)
            continue
        for size in range(min(len(run), 4), 0, -1):
            for i in range(len(run) - size + 1):
                part = run[i : i + size]
                if part[-1].i - part[0].i == size - 1:
                    yield part[0].idx, part[-1].idx + len(part[-1]), True, True
        run = []


def _after_place_prep(token: Token) -> bool:
    """The token is the object of a preposition of motion or a locative one."""
    return token.dep_ == "pobj" and (token.head.lower_ in MOTION or is_locative(token))


def _resolve(source: str, start: int, end: int, own: bool, gazetteer: Gazetteer) -> list[_Mention]:
    """The mentions a span holds: itself, its comma or hyphen parts ("U.S.-Pakistan"), or itself
    without a generic tail ("Balochistan province"). own: only own names count."""
    text = source[start:end]
    if text.endswith(("'s", "’s")):
        text, end = text[:-2], end - 2
    if _key(text) in gazetteer.demonyms:
        return []

    def known(name: str) -> bool:
        if own:
            return gazetteer.has_own_name(name, country=name.isupper())
        return name in gazetteer

    if known(text):
        return [_Mention(start, end, text)]
    for sep in (", ", "-", "–"):
        if sep in text:
            parts, offset = [], start
            for piece in text.split(sep):
                name = piece.strip()
                if known(name):
                    first = offset + len(piece) - len(piece.lstrip())
                    parts.append(_Mention(first, first + len(name), name))
                offset += len(piece) + len(sep)
            if parts:
                return parts
    words = text.split()
    if len(words) > 1 and words[-1].lower() in KIND_WORDS:
        head = text[: text.rstrip().rfind(" ")].rstrip()
        if known(head):
            return [_Mention(start, start + len(head), head, kind=KIND_WORDS[words[-1].lower()])]
    return []


def _mentions(
    doc: Doc, gazetteer: Gazetteer, source: str, tokens: Sequence[Token]
) -> list[_Mention]:
    found: dict[tuple[int, int], _Mention] = {}
    taken: set[int] = set()
    for start, end, own, lone in _spans(doc, gazetteer, tokens):
        for mention in _resolve(source, start, end, own, gazetteer):
            chars = range(mention.start, mention.end)
            mention.lone = lone
            if not taken.intersection(chars):
                found[(mention.start, mention.end)] = mention
                taken.update(chars)
    mentions = sorted(found.values(), key=lambda m: m.start)
    for m in mentions:
        after = _KIND_AFTER.match(source, m.end)
        before = _KIND_BEFORE.search(source, max(0, m.start - 30), m.start)
        for word in (after and after.group(1), before and before.group(1)):
            if word and word.lower() in KIND_WORDS:
                m.kind = m.kind or KIND_WORDS[word.lower()]
    for first, second in itertools.pairwise(mentions):
        between = source[first.end : second.start]
        if between.strip() in (",", "in"):  # "Paris, Texas", "Hyderabad in Sindh"
            first.within = second.text
        elif between.strip() in ("'s", "’s"):  # "Pakistan's Punjab"
            second.within = first.text
    return mentions


def _settled(entry: Entry, cands: list[Entry]) -> bool:
    """A country; or the only area the name has; or :data:`DOMINANCE` times any other area."""
    if entry.kind == "country":
        return True
    others = [c for c in cands if (c.cc, c.admin1_code) != (entry.cc, entry.admin1_code)]
    return all(entry.population >= DOMINANCE * c.population for c in others)


def find_places(
    doc: Doc,
    gazetteer: Gazetteer | None = None,
    countries: Collection[str] = (),
    text: str | None = None,
    tokens: Sequence[Token] | None = None,
) -> list[Place]:
    """Every place named in ``doc``, resolved by the namesake rule, in text order.

    doc: a parsed document with entities (``nlp(text)``). gazetteer: default
    :meth:`Gazetteer.default`. countries: ISO alpha-3 codes of countries the article names as
    actors, the context of rule 3. text, tokens: ``doc.text`` and ``list(doc)`` if the caller
    has them already (a Doc builds its text and its Token objects anew on each access). Names
    not in the gazetteer (people spaCy took for places, regions such as "South Asia") are left
    out, as are demonyms ("Indian").
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    mentions = _mentions(
        doc, gaz, doc.text if text is None else text, list(doc) if tokens is None else tokens
    )
    # First pass: the readings that are settled without the rest of the article. Each name
    # is read once however often it recurs, so a text naming places thousands of times costs
    # what its distinct names cost, not the square of the mentions.
    firm: dict[tuple[str, int], Entry] = {}
    for text, within, kind in dict.fromkeys((m.text, m.within, m.kind) for m in mentions):
        entry = gaz.choose(text, countries, within, kind=kind)
        if entry is not None and (within or _settled(entry, gaz.candidates(text))):
            firm[(_key(text), id(entry))] = entry
    chosen: dict[tuple[str, str | None, str | None], Entry | None] = {}
    places = []
    for m in mentions:
        signature = (m.text, m.within, m.kind)
        if signature not in chosen:
            key = _key(m.text)
            near = [e for (k, _), e in firm.items() if k != key]
            context = {*countries, *(e.iso3 for e in near if e.iso3)}
            chosen[signature] = gaz.choose(m.text, context, m.within, near, m.kind)
        entry = chosen[signature]
        if entry is None:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        head = span.root if isinstance(span, Span) else None
        small = entry.kind == "city" and entry.population < LONE_CITY
        if m.lone and small and not (head is not None and _after_place_prep(head)):
            continue
        places.append(
            Place(
                text=m.text,
                start=m.start,
                end=m.end,
                name=entry.name,
                kind=entry.kind,
                feature=entry.feature,
                country=entry.iso3,
                country_fips=entry.fips,
                admin1=entry.admin1,
                admin1_code=entry.admin1_code,
                lat=entry.lat,
                lon=entry.lon,
                geonameid=entry.geonameid,
                population=entry.population,
                locative=head is not None and is_locative(head),
                token=head.i if head is not None else -1,
                country_name=entry.country_name,
            )
        )
    return places
