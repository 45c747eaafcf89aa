"""The actor tables: each row of ``countries.tsv``, ``agents.tsv``, ``orgs.tsv`` and
``people.tsv`` (and of users' files in those formats or their YAML sections) read, checked and
turned into an :class:`Entry`, what the phrase means.

Every check names the file, the line and the reason (``data/README.md`` gives the formats):
kinds, sectors, ISO 3166 alpha-3 country codes, and the ``from``/``to`` dates that bound when
an actor or person entry applies. The built-in tables go through the same checks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from eventcoder.actors.words import SECTORS
from eventcoder.custom import COLUMNS, REQUIRED, TABLES, Row
from eventcoder.errors import DataFileError, Errors
from eventcoder.tsv import data_path, read_tsv

# Kinds of organisation an ``orgs.tsv`` row (a YAML ``actors`` entry) may name; a row that
# gives none is an agency. Countries and people have tables of their own.
ORG_KINDS = ("igo", "group", "agency", "party", "ngo", "media", "company")
# The ``kind`` column of countries.tsv -> the entry kind.
COUNTRY_KINDS = {"name": "country", "adj": "adjective", "capital": "capital"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
    145), force used on them is repression (175). date_from, date_to: the first and last day
    (YYYY-MM-DD) the entry applies, None for an open end; both None for an entry of no date
    range (:class:`~eventcoder.actors.dictionary.Dated` chooses among a phrase's entries).
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
    date_from: str | None = None
    date_to: str | None = None

    @property
    def ranged(self) -> bool:
        """Whether the entry applies only between certain dates."""
        return self.date_from is not None or self.date_to is not None


# One table's rows -> (phrase, entry) pairs, in file order.
Reader = Callable[[Path, Iterable[Row]], Iterator[tuple[str, Entry]]]


def read_rows(section: str, path: Path) -> Iterator[Row]:
    """The rows of a TSV file in the format of ``section`` (countries, actors, agents, people)."""
    return read_tsv(path, COLUMNS[section], REQUIRED[section])


def country_entries(path: Path, rows: Iterable[Row]) -> Iterator[tuple[str, Entry]]:
    """Countries' names, adjectives and capitals (``countries.tsv``: iso3, kind, phrase)."""
    for row in rows:
        kind = COUNTRY_KINDS.get(row["kind"] or "")
        if kind is None:
            raise DataFileError(Errors.E086.format(path=path, line=row["_line"], kind=row["kind"]))
        if not row["phrase"]:
            raise DataFileError(
                Errors.E001.format(
                    path=path,
                    line=row["_line"],
                    reason="the phrase is empty",
                    columns=3,
                    names=", ".join(COLUMNS["countries"]),
                )
            )
        iso3 = _country(path, row, "iso3")
        yield row["phrase"], Entry(kind, iso3, None, None, None, _source(path, row))


def agent_entries(path: Path, rows: Iterable[Row]) -> Iterator[tuple[str, Entry]]:
    """Role words and titles (``agents.tsv``: phrase, sector, flags)."""
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
            _sector(path, row),
            None,
            None,
            _source(path, row),
            post="post" in flags,
            protest="protest" in flags,
        )
        yield row["phrase"] or "", entry


def org_entries(path: Path, rows: Iterable[Row]) -> Iterator[tuple[str, Entry]]:
    """Named organisations (``orgs.tsv``: phrase, code, country, sector, kind, from, to)."""
    # A name listed again in the same file with another country and no dates is one name of
    # several countries' bodies; in a later file it replaces the earlier entry.
    seen: dict[str, Entry] = {}
    for row in rows:
        phrase = row["phrase"] or ""
        kind = row["kind"] or "agency"
        if kind not in ORG_KINDS:
            raise DataFileError(
                Errors.E080.format(
                    path=path, line=row["_line"], kind=kind, known=", ".join(ORG_KINDS)
                )
            )
        sector = _sector(path, row)
        country = _country(path, row, "country")
        start, end = _dates(path, row)
        entry = Entry(
            kind,
            country,
            sector,
            row["code"],
            phrase,
            _source(path, row),
            date_from=start,
            date_to=end,
        )
        if not entry.ranged:
            first = seen.get(phrase)
            if first is not None and first.country and entry.country != first.country:
                entry = replace(first, elsewhere=(*first.elsewhere, entry.country or ""))
            seen[phrase] = entry
        yield phrase, entry


def person_entries(path: Path, rows: Iterable[Row]) -> Iterator[tuple[str, Entry]]:
    """Well-known people (``people.tsv``: name, country, sector, role, from, to)."""
    for row in rows:
        name = row["name"] or ""
        sector = _sector(path, row)
        country = _country(path, row, "country")
        start, end = _dates(path, row)
        # Without a country a person's code says what they belong to: IGO heads code IGO,
        # leaders of transnational armed groups IMG + sector (CAMEO's international groups).
        code = None if country else ("IGO" if sector == "IGO" else f"IMG{sector or ''}")
        entry = Entry(
            "person", country, sector, code, name, _source(path, row), date_from=start, date_to=end
        )
        yield name, entry


# Each section's reader, in the order the tables are loaded.
READERS: dict[str, Reader] = {
    "countries": country_entries,
    "agents": agent_entries,
    "actors": org_entries,
    "people": person_entries,
}
# Each section's built-in tables under data/, in the order they are read (a later table's
# entries for a phrase replace an earlier one's: our own tables come after PETRARCH's).
BUILTIN = {section: TABLES[section] for section in READERS}


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes a country column may hold: those of the gazetteer's country
    table (``data/places/countries.tsv``, from GeoNames: Kosovo is XKX)."""
    columns = ("iso", "iso3", "fips", "geonameid", "name", "population", "lat", "lon", "source")
    rows = read_tsv(data_path("places", "countries.tsv"), (*columns, "names"))
    return frozenset(row["iso3"] for row in rows if row["iso3"])


def _source(path: Path, row: Row) -> str:
    return f"{path.name}:{row['_line']}"


def _sector(path: Path, row: Row) -> str | None:
    sector = row["sector"]
    if sector is not None and sector not in SECTORS:
        raise DataFileError(
            Errors.E003.format(
                path=path, line=row["_line"], sector=sector, known=" ".join(sorted(SECTORS))
            )
        )
    return sector


def _country(path: Path, row: Row, field: str) -> str | None:
    code = row[field]
    if code is not None and code not in country_codes():
        raise DataFileError(
            Errors.E081.format(path=path, line=row["_line"], field=field, code=code)
        )
    return code


def _dates(path: Path, row: Row) -> tuple[str | None, str | None]:
    """The entry's first and last day (``from``, ``to``), each None when open."""
    days = []
    for field in ("from", "to"):
        value = row[field]
        if value is not None:
            try:
                if not DATE.fullmatch(value):
                    raise ValueError(value)
                dt.date.fromisoformat(value)
            except ValueError:
                raise DataFileError(
                    Errors.E082.format(path=path, line=row["_line"], field=field, value=value)
                ) from None
        days.append(value)
    start, end = days
    if start is not None and end is not None and end < start:
        raise DataFileError(Errors.E083.format(path=path, line=row["_line"], start=start, end=end))
    return start, end
