"""How one of our actor codes reads in the field's layouts: GDELT's code, parts and name, and
PLOVER's entity code.

The store keeps actor codes as the coder made them: country + sector (``PAKGOV``), ``---`` +
sector for a role of no known country (``---REB``), an international code (``IGOUNO``,
``IMGREB``, PETRARCH's ``IGOUNOKID``). Exports rewrite them, never the store:

- GDELT (CAMEO's layout) concatenates 3-letter parts: a country, or a type of international
  actor, then a known group, religions and roles. A role of no country is the role alone
  (``REB``), and our sectors ``JRN`` (media) and ``MED`` (health) are CAMEO's ``MED`` and
  ``HLH`` (:data:`~eventcoder.petrarch.codes.ROLES` read backwards).
- Every code has one canonical name (:func:`canonical_name`), so the same code is named the
  same in every row: a country's first ``name`` row in ``data/actors/countries.tsv``, an
  international body's first phrase in the orgs tables, else the sector's or type's name in
  ``data/actors/sectors.tsv``.
- PLOVER's entity ``code`` is the country, or one of its international codes (``UNO``, ``EUR``,
  ``IGO``, ``NGO``, ``IMG``, ``MNC``).

docs/export.md gives every rule with examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from eventcoder.actors.words import SECTORS
from eventcoder.custom import COLUMNS, TABLES
from eventcoder.petrarch.codes import OTHER_ROLES, RELIGIONS, ROLES, TYPES
from eventcoder.tsv import data_path, read_tsv

NO_COUNTRY = "---"  # the store's country part of a role of no known country
# PLOVER's international codes (manual, "Non-state international actors") by our code's prefix;
# the UN and the EU have codes of their own, other bodies take their type's.
_PLOVER_BODIES = {"IGOUNO": "UNO", "IGOEUR": "EUR"}
# ISO codes PLOVER writes otherwise: Kosovo has no ISO code; the manual uses KOS.
_PLOVER_COUNTRIES = {"XKX": "KOS"}
# Our sector -> CAMEO's role, where they differ (JRN is CAMEO's MED, our MED its HLH).
_CAMEO_ROLES = {ours: cameo for cameo, ours in ROLES.items() if ROLES.get(ours) != ours}


@dataclass(frozen=True)
class ActorCode:
    """One store code in the field's layouts.

    code: the store's code. gdelt_code: GDELT's Actor1Code (``REB`` for ``---REB``). country:
    the ISO alpha-3 country, or None. known_group: GDELT's KnownGroupCode (``UNO``), or None.
    religions, types: GDELT's Religion1/2 and Type1/2/3 codes, in order. name: the canonical
    name as the tables write it ("United States"), or None for a code no table names.
    plover_code: PLOVER's entity code, or None for a role of no country.
    """

    code: str
    gdelt_code: str | None
    country: str | None
    known_group: str | None
    religions: tuple[str, ...]
    types: tuple[str, ...]
    name: str | None
    plover_code: str | None


def parse(code: str) -> ActorCode:
    """``code`` (a store actor code) read into the GDELT and PLOVER layouts."""
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = parts.pop(0) if parts and parts[0] in country_names() else None
    ours = parts[:1] == [NO_COUNTRY] or country is not None
    if parts[:1] == [NO_COUNTRY]:
        parts.pop(0)
    if ours:  # country or --- + our sector: our sector names, CAMEO's in GDELT
        parts = [_CAMEO_ROLES.get(p, p) for p in parts]
    religions = tuple(p for p in parts if p in RELIGIONS)
    types = tuple(p for p in parts if p in _ROLE_CODES)
    # Only an international type is followed by a known group (IGO + UNO); a country is not.
    groups = [p for p in parts[1:] if p not in RELIGIONS and p not in _ROLE_CODES]
    group = groups[0] if groups and parts[0] in TYPES and not ours else None
    return ActorCode(
        code=code,
        gdelt_code="".join((country or "", *parts)) or None,
        country=country,
        known_group=group,
        religions=religions[:2],
        types=types[:3],
        name=canonical_name(code),
        plover_code=_plover_code(code, country),
    )


def parse_all(codes: Iterable[str]) -> list[ActorCode]:
    """:func:`parse` of each distinct code, in sorted order."""
    return [parse(c) for c in sorted(set(codes))]


def canonical_name(code: str) -> str | None:
    """The one name of ``code``, as the tables write it, or None when no table names it.

    A country's code and its roles (``USA``, ``USAGOV``): the country ("United States"). An
    international body's code (``IGOUNO``, ``NGOHRW``): its first phrase in our ``orgs.tsv``
    ("United Nations"); a sub-body that table does not list (``IGOUNOKID``), its body's. A role
    of no country (``---REB``) or a type shared by many bodies (``IMGREB``: the Islamic State,
    al-Qaeda, ...): the name of the sector or type ("rebels", "transnational militarized
    group"), from ``sectors.tsv``.
    """
    head = code[:3]
    if head in country_names():
        return country_names()[head]
    if head == NO_COUNTRY:
        return sector_names().get(code[3:6])
    # A body's own code names it (IGOUNO); a type and a role (IMGREB) names no one body.
    if code[3:6] not in _ROLE_CODES:
        # A sub-body the tables do not list (IGOUNOKID) takes its body's name.
        name = org_names().get(code) or org_names().get(code[:6])
        if name:
            return name
    return sector_names().get(head)


def _plover_code(code: str, country: str | None) -> str | None:
    if country is not None:
        return _PLOVER_COUNTRIES.get(country, country)
    if code[:6] in _PLOVER_BODIES:
        return _PLOVER_BODIES[code[:6]]
    return code[:3] if code[:3] in TYPES else None


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-3 -> the country's name: its first ``name`` row in our ``countries.tsv``,
    else the gazetteer's name (``places/countries.tsv``) for a code that table does not list."""
    names: dict[str, str] = {}
    for row in read_tsv(data_path(*TABLES["countries"][-1].split("/")), COLUMNS["countries"]):
        if row["kind"] == "name" and row["iso3"] and row["phrase"]:
            names.setdefault(row["iso3"], row["phrase"])
    gazetteer = ("iso", "iso3", "fips", "geonameid", "name", "population", "lat", "lon", "source")
    for row in read_tsv(data_path("places", "countries.tsv"), (*gazetteer, "names"), required=5):
        if row["iso3"] and row["name"]:
            names.setdefault(row["iso3"], row["name"])
    return names


@lru_cache(maxsize=1)
def org_names() -> dict[str, str]:
    """International code -> its body's name: the first phrase our ``orgs.tsv`` lists for the
    code with no country. PETRARCH's table is not read: it lists people under their body's code
    (UNICEF's ambassadors before UNICEF), so its first phrase is no name of the body."""
    names: dict[str, str] = {}
    for row in read_tsv(data_path(*TABLES["actors"][-1].split("/")), COLUMNS["actors"], 2):
        if row["code"] and row["phrase"] and not row["country"]:
            names.setdefault(row["code"], row["phrase"])
    return names


@lru_cache(maxsize=1)
def sector_names() -> dict[str, str]:
    """Sector or international type -> its name (``data/actors/sectors.tsv``)."""
    rows = read_tsv(data_path("actors", "sectors.tsv"), ("code", "name"))
    return {row["code"] or "": row["name"] or "" for row in rows}


# GDELT's type codes: CAMEO's roles, our sectors and the international types.
_ROLE_CODES = frozenset(ROLES) | OTHER_ROLES | SECTORS | frozenset(TYPES)
