"""PETRARCH actor and agent codes split into our country, sector and kind; TABARI dates.

A PETRARCH actor code is a chain of 3-letter parts (CAMEO's actor codebook): a country
(``PAK``) or a type of international actor (``IGO``, ``NGO``, ``IMG``, ``MNC``), then roles, the
first one primary (``PAKGOV``, ``USAMILGOV``, ``IGOUNOKID``). Our actors have one country and
one sector, so:

- the country part must be an ISO alpha-3 code of ``countries.tsv`` (a few old CAMEO codes are
  read as their ISO successors: ``TMP`` East Timor is ``TLS``, ``KSV`` Kosovo ``XKX``); regions
  (``WST``, ``AFR``), former states (``USR``, ``YUG``) and CAMEO's other non-country codes are
  reported;
- the sector is the first role, read through :data:`ROLES` (CAMEO's ``MED`` is the media, our
  ``JRN``; CAMEO's ``HLH`` health, our ``MED``; insurgents and separatists are rebels); a role we
  have no sector for (``DEV``, ``HRI``, ``ENV``, the religions) is reported, and later roles are
  dropped and reported as an approximation (``USAGOVMIL`` is ``USA`` ``GOV``);
- an international code keeps the whole code (our orgs name ``IGOUNO`` themselves) with sector
  and kind from :data:`TYPES`: ``IGO`` igo, ``NGO`` ngo, ``IMG`` (transnational armed groups)
  REB group, ``MNC`` (multinational companies) BUS company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from eventcoder.tsv import data_path, read_tsv

# CAMEO role codes to our sectors: the same code, or the one that means the same.
SAME = (
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "UAF", "CVL", "BUS", "EDU",
    "LAB", "REF", "REL", "ELI", "AGR", "CRM",
)  # fmt: skip
ROLES = {
    **{s: s for s in SAME},
    "MED": "JRN",  # CAMEO's media; our MED is health
    "HLH": "MED",  # CAMEO's health
    "INS": "REB",  # insurgents
    "SEP": "REB",  # separatist rebels
    "IGO": "IGO",
    "NGO": "NGO",
}  # fmt: skip
# CAMEO types of actors above or across countries: (sector, kind) of our orgs.
TYPES = {
    "IGO": ("IGO", "igo"),
    "NGO": ("NGO", "ngo"),
    "IMG": ("REB", "group"),
    "MNC": ("BUS", "company"),
}
# CAMEO's religion codes: an attribute our actors do not have.
RELIGIONS = frozenset({
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "FAL", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MUS", "NEW", "ORP", "PAG", "PRO", "QUA",
    "SHI", "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO"
})  # fmt: skip
# CAMEO's other roles, which we have no sector for.
OTHER_ROLES = frozenset({
    "DEV", "ENV", "HRI", "MOD", "RAD"
})  # fmt: skip
KNOWN_ROLES = frozenset(ROLES) | RELIGIONS | OTHER_ROLES
# Old or private CAMEO country codes whose country has an ISO alpha-3 code of ours.
ALIASES = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD"}
# The kind of a national organisation (orgs.tsv) by its sector.
KIND_BY_SECTOR = {
    **dict.fromkeys(("GOV", "MIL", "COP", "JUD", "LEG", "SPY"), "agency"),
    **dict.fromkeys(("REB", "UAF", "PRM", "CRM"), "group"),
    **dict.fromkeys(("PTY", "OPP"), "party"),
    "JRN": "media",
    "BUS": "company",
    "IGO": "igo",
}
NULL_CODE = "---"  # TABARI's null code: no actor


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """The ISO alpha-3 codes of our ``countries.tsv``."""
    rows = read_tsv(data_path("actors", "countries.tsv"), ("iso3", "kind", "phrase"))
    return frozenset(row["iso3"] or "" for row in rows)


@dataclass(frozen=True)
class Code:
    """A PETRARCH code in our terms.

    code: the actor code we give (country + sector, or the international code as written).
    country: ISO alpha-3 or None. sector: one of our sectors, or None for a bare country.
    kind: the orgs.tsv kind of an organisation with this code. dropped: the later roles left
    out. problem: why the code cannot be expressed (then the other fields mean nothing).
    """

    code: str
    country: str | None = None
    sector: str | None = None
    kind: str = "agency"
    dropped: tuple[str, ...] = field(default=())
    problem: str = ""
    detail: str = ""


def split_code(raw: str) -> Code:
    """Our country, sector and kind for a PETRARCH actor code (``PAKGOV``, ``IGOUNOKID``)."""
    code = raw.strip().upper()
    if not re.fullmatch(r"[A-Z0-9-]{3,}", code):
        return Code(code, problem="malformed code", detail=raw)
    head, rest = code[:3], code[3:]
    if len(rest) % 3:
        return Code(code, problem="malformed code", detail=f"{code} is not 3-letter parts")
    parts = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    if head in TYPES:
        return Code(code, None, *TYPES[head])
    country = ALIASES.get(head, head)
    if country not in countries():
        if head in KNOWN_ROLES:
            return Code(code, problem="code without a country", detail=code)
        return Code(code, problem="not a country code of ours", detail=head)
    if not parts:
        return Code(country, country, None, "agency")
    sector, problem = _sector(parts[0])
    if sector is None:
        return Code(code, problem=problem, detail=parts[0])
    return Code(
        country + sector, country, sector, KIND_BY_SECTOR.get(sector, "ngo"), tuple(parts[1:])
    )


def _sector(role: str) -> tuple[str | None, str]:
    """Our sector for a CAMEO role code, or None and the reason there is none."""
    sector = ROLES.get(role)
    if sector is not None:
        return sector, ""
    if role in RELIGIONS:
        return None, "religion, not a sector"
    if role in OTHER_ROLES:
        return None, "role we have no sector for"
    return None, "code part we do not know"


def split_role(raw: str) -> Code:
    """Our sector for an agent code (``~GOV``, ``~GOVMED``, ``NGO~``)."""
    code = raw.strip().upper()
    role = code.strip("~")
    if not re.fullmatch(r"(?:[A-Z]{3})+", role) or "~" in role:
        return Code(code, problem="malformed code", detail=raw)
    parts = [role[i : i + 3] for i in range(0, len(role), 3)]
    sector, problem = _sector(parts[0])
    if sector is None:
        return Code(code, problem=problem, detail=parts[0])
    return Code(code, None, sector, KIND_BY_SECTOR.get(sector, "ngo"), tuple(parts[1:]))


# A two-digit year below this is 20YY, else 19YY. The PETRARCH2 files (made in 2014) write
# 1931-1999 and 2000-2014 with two digits and earlier years with four; Python's %y pivot (69)
# would put 1931-1968 in this century.
CENTURY_PIVOT = 30


def parse_date(text: str) -> date | None:
    """A TABARI date, ``YYMMDD`` or ``YYYYMMDD``, or None if it is not a valid date."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = (2000 if yy < CENTURY_PIVOT else 1900) + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_range(text: str) -> tuple[date | None, date | None] | str:
    """The inclusive (from, to) of a TABARI date restriction: ``D1-D2``, ``<D`` (up to D),
    ``>D`` (from D); or a text saying why it cannot be read."""
    text = text.replace(" ", "")
    if text[:1] in "<>":
        day = parse_date(text[1:])
        if day is None:
            return f"not a date: {text[1:]}"
        return (None, day) if text[0] == "<" else (day, None)
    start, dash, end = text.partition("-")
    if not dash:
        return f"not a date range: {text}"
    first, last = parse_date(start), parse_date(end)
    if first is None or last is None:
        return f"not a date: {start if first is None else end}"
    if last < first:
        return f"ends before it starts: {text}"
    return first, last
