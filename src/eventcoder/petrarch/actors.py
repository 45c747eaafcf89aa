"""PETRARCH/TABARI actor dictionaries (``*.actors.txt``) to our countries, actors and people.

A record is a phrase, synonyms on ``+`` lines, and codes in ``[...]`` on the phrase's line or on
lines of their own; a code may carry a date restriction (``[AFGGOV 331108-730717]``,
``[USAGOV >090120]``, ``[USRARM <900823]``), and a code without one is the default outside the
restrictions. Phrases are words joined by ``_`` or blanks. Each phrase of a record becomes, for
each code (:func:`~eventcoder.petrarch.codes.split_code`):

- a bare country code (``[AFG]``): a ``countries`` row, kind ``name``, ``adj`` or ``capital``
  (:func:`~eventcoder.petrarch.names.country_kind`); a date restriction is dropped and reported;
- a country and sector: a ``people`` row for a person, an ``actors`` row for an organisation,
  with the restriction as inclusive ``from``/``to`` dates (one row per restricted code, so a
  person with three terms has three rows, and the unrestricted default a row without dates);
- an international code (``IGOUNO``, ``NGOAMN``, ``IMGMUSALQ``, ``MNCUSA``): an ``actors`` row
  keeping the code, people included: a people row has no code of its own, only country and
  sector, and these codes have no country.

A phrase names a person (:func:`is_person`) when it has no organisation word (``ministry``,
``front``, ``administration``) or acronym and either its record has a date restriction (terms
of office) or it has a personal name's shape (initials, ``bin``, ``al-``); anything else names
an organisation. So ``BARACK_OBAMA_`` is a person and its synonym ``+OBAMA_ADMINISTRATION_`` an
agency with the same code and dates. Names are written as :mod:`~eventcoder.petrarch.names`
says; a parenthesised part is left out (``DIRECT_ACTION_(GREECE)_``), and an acronym in it
becomes a phrase of its own (``(ETA)``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventcoder.petrarch.codes import NULL_CODE, Code, parse_range, split_code
from eventcoder.petrarch.names import (
    LOWER_WORDS,
    country_kind,
    country_kinds,
    initials,
    is_acronym,
    name_case,
    title_words,
    untitled,
)
from eventcoder.petrarch.source import Note, Row, read_lines

# Words that make a phrase an organisation's, never a person's name.
ORG_WORDS = frozenset({
    "academy", "administration", "agency", "alliance", "army", "assembly", "association",
    "authority", "bank", "battalion", "board", "brigade", "brigades", "bureau", "cabinet",
    "cartel", "cell", "cells", "center", "centre", "chamber", "church", "command", "commission",
    "committee", "company", "congress", "corporation", "council", "court", "courts", "department",
    "directorate", "division", "embassy", "faction", "federation", "force", "forces", "foundation",
    "front", "fund", "government", "group", "groups", "guard", "guards", "institute",
    "institution", "league", "legion", "legislature", "liberation", "media", "militia", "ministry",
    "mission", "movement", "network", "news", "office", "organisation", "organization",
    "parliament", "party", "patrol", "police", "press", "program", "programme", "project", "radio",
    "regime", "republic", "school", "secretariat", "senate", "service", "services", "society",
    "squad", "staff", "station", "team", "television", "tribunal", "troops", "union", "university"
})  # fmt: skip
# How many records may share a code for their phrases' initials to mark acronyms in each other.
FEW_RECORDS = 5
PARENTHESES = re.compile(r"\([^()]*\)")
LOWER_UPPER = frozenset(w.upper() for w in LOWER_WORDS)
# The most words a person's name has ("Ahmad bin Muhammad bin Hamad bin Abdallah al Khalifa").
MAX_NAME_WORDS = 10
# Words only people's names have: honorifics, titles and name particles.
NAME_WORDS = frozenset({
    "bin", "ibn", "bint", "abu", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "sheikh"
})  # fmt: skip


@dataclass
class Record:
    """One actor record: its phrases (line, words) and codes (line, code, restriction)."""

    phrases: list[tuple[int, list[str]]] = field(default_factory=list)
    codes: list[tuple[int, str, str | None]] = field(default_factory=list)
    raw: dict[int, str] = field(default_factory=dict)  # the record's lines as written


def read_records(path: Path, notes: list[Note]) -> list[Record]:
    """The records of an actor file, in order."""
    records: list[Record] = []
    current: Record | None = None
    for line in read_lines(path):
        text = line.text.strip()
        codes = [(line.number, *_code(c)) for c in re.findall(r"\[([^\]]*)\]", text)]
        phrase = re.sub(r"\[[^\]]*\]", " ", text).strip()
        if phrase.startswith("+") and current is not None:
            phrase = phrase[1:]
        elif phrase:
            current = Record()
            records.append(current)
        if current is None:
            notes.append(Note(path, line.number, line.raw.strip(), "code without a phrase"))
            continue
        current.raw[line.number] = line.raw.strip()
        # "A_+B_" is two synonyms on one line (a lost line break)
        for part in phrase.split("+"):
            words = [w for w in re.split(r"[\s_]+", part) if w]
            if words:
                current.phrases.append((line.number, words))
        current.codes.extend(codes)
    return records


def _code(cell: str) -> tuple[str, str | None]:
    code, _, restriction = cell.strip().partition(" ")
    return code, restriction.strip() or None


def convert_actors(path: Path, rows: dict[str, list[Row]], notes: list[Note]) -> None:
    """Add the rows of an actor file to ``rows`` (by section) and its problems to ``notes``."""
    records = read_records(path, notes)
    for record, acronyms in zip(records, _acronyms(records), strict=True):
        _convert(path, record, acronyms, rows, notes)


def _acronyms(records: list[Record]) -> list[frozenset[str]]:
    """For each record, the words the file shows to be acronyms: a word in parentheses after a
    name in the record (``BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_``), or a one-word phrase that is
    the initials of another phrase of the record (``NATO_`` and
    ``+NORTH_ATLANTIC_TREATY_ORGANIZATION_``) or of one of a few other records with the same
    code (``IAEA_`` and ``INTERNATIONAL_ATOMIC_ENERGY_AGENCY_``, both ``IGOUNOIAE``; not the
    thousands of ``USAGOV`` names, whose initials are any word)."""
    by_code: dict[str, set[str]] = defaultdict(set)
    records_with: dict[str, int] = defaultdict(int)
    for record in records:
        for code in {code for _, code, _ in record.codes}:
            records_with[code] += 1
        for _, words in record.phrases:
            for _, code, _ in record.codes:
                by_code[code].update(initials(_bare(words)))
    out = []
    for record in records:
        known = set().union(*(initials(_bare(words)) for _, words in record.phrases))
        for _, code, _ in record.codes:
            if records_with[code] <= FEW_RECORDS:
                known |= by_code[code]
        found = {ws[0].upper() for _, ws in record.phrases if len(ws) == 1} & known
        for _, words in record.phrases:
            for group in re.findall(r"\(([^()\s]*)\)", " ".join(words)):
                if group.isalpha() and country_kinds().get(group.lower()) is None:
                    found.add(group.upper())
        out.append(frozenset(found - LOWER_UPPER))
    return out


def _bare(words: list[str]) -> tuple[str, ...]:
    """A phrase's words without a parenthesised part or stray parentheses."""
    text = " ".join(words)
    if "(" in text or ")" in text:
        text = PARENTHESES.sub(" ", text)
        return tuple(w.strip("()") for w in text.split() if w.strip("()"))
    return tuple(words)


def is_person(words: Sequence[str], acronyms: frozenset[str], dated: bool) -> bool:
    """Whether a phrase of an actor record names a person: it has no organisation word or
    acronym, one to ten words, and either its record has a date restriction (people's records
    have terms of office) or the phrase has a personal-name shape (initials, ``bin``, ``al-``)."""
    lower = [w.lower().strip(".,'") for w in words]
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(w in ORG_WORDS for w in lower):
        return False
    if any(is_acronym(w, acronyms) for w in words if "." not in w and w.lower() not in NAME_WORDS):
        return False
    return dated or (len(words) > 1 and any(_name_word(w) for w in lower))


def _name_word(word: str) -> bool:
    """Whether a lower-case word only a personal name has: an initial, a title, ``bin``."""
    return word in NAME_WORDS or len(word) == 1 or word.startswith(("al-", "el-"))


@dataclass(frozen=True)
class Phrase:
    """A phrase of a record as we write it: its line, text and whether it names a person."""

    line: int
    text: str
    person: bool


def _phrases(
    path: Path, record: Record, acronyms: frozenset[str], notes: list[Note]
) -> list[Phrase]:
    """The record's phrases; a parenthesised part is left out (an acronym in it becomes a
    phrase of its own)."""
    dated = any(restriction for _, _, restriction in record.codes)
    out: list[Phrase] = []
    for line, words in record.phrases:
        bare = _bare(words)
        if len(bare) > 1 and bare[0].lower() == "the":
            bare = bare[1:]  # our matcher reads an article as part of the phrase
        name = tuple(untitled(bare))
        if 0 < len(name) < len(bare) and is_person(name, acronyms, dated):
            # "US President Bill Clinton": the title is read from the text, and a phrase with
            # it would outmatch the name's own entry; left with one word ("President
            # Clinton"), the phrase is a surname, which the document's memory of the people it
            # has named reads. "Kosovo Prime Minister" stays: no name is left.
            if len(name) < 2 or " ".join(name).lower() in title_words():
                continue
            bare = name
        for group in re.findall(r"\(([^()]*)\)", " ".join(words)):
            parts = group.split()
            if len(parts) == 1 and parts[0].upper() in acronyms and bare:
                out.append(Phrase(line, parts[0].upper(), False))
            else:
                notes.append(
                    Note(path, line, "_".join(words), "parenthesised part left out", group, True)
                )
        if bare:
            out.append(Phrase(line, name_case(bare, acronyms), is_person(bare, acronyms, dated)))
    # "President Barack Obama" and "Barack Obama" are one phrase once the title is left out
    return list({phrase.text: phrase for phrase in reversed(out)}.values())[::-1]


def _convert(
    path: Path,
    record: Record,
    acronyms: frozenset[str],
    rows: dict[str, list[Row]],
    notes: list[Note],
) -> None:
    phrases = _phrases(path, record, acronyms, notes)
    first = min(record.raw)
    entry = record.raw[first]
    if not record.codes:
        line = record.phrases[0][0] if record.phrases else 0
        notes.append(Note(path, line, entry, "no code"))
        return
    for line, raw_code, restriction in record.codes:
        if raw_code.strip() == NULL_CODE:
            continue  # TABARI's null code: no actor, here or in that period
        # the entry as written: the record's first line, and the code's line if it is another
        shown = entry if line == first else f"{entry.split('#')[0].strip()} {record.raw[line]}"
        code = split_code(raw_code)
        if code.problem:
            notes.append(Note(path, line, shown, code.problem, code.detail))
            continue
        period: tuple[date | None, date | None] = (None, None)
        if restriction is not None:
            parsed = parse_range(restriction)
            if isinstance(parsed, str):
                notes.append(Note(path, line, shown, "date restriction not readable", parsed))
                continue
            period = parsed
        if code.dropped:
            detail = f"{raw_code} is {code.code}, without {''.join(code.dropped)}"
            notes.append(Note(path, line, shown, "secondary role left out", detail, True))
        if code.sector is None:
            _country_rows(path, line, shown, code, restriction, phrases, rows, notes)
            continue
        for phrase in phrases:
            if phrase.person and " " not in phrase.text:
                # "Hussein", "Abdullah": a single name is many people's; the document's memory
                # reads it after the full name
                reason = "a single name left to the document's memory"
                notes.append(Note(path, phrase.line, shown, reason, phrase.text))
                continue
            section, row = _row(code, phrase, period)
            rows[section].append(row)


def _country_rows(
    path: Path,
    line: int,
    shown: str,
    code: Code,
    restriction: str | None,
    phrases: list[Phrase],
    rows: dict[str, list[Row]],
    notes: list[Note],
) -> None:
    """Rows for a bare country code: the phrases stand for the country (a person's name too:
    PETRARCH codes it as the country, and a people row needs a sector)."""
    if restriction is not None:
        detail = f"{restriction} (countries rows have no dates)"
        notes.append(Note(path, line, shown, "date restriction left out", detail, True))
    for phrase in phrases:
        kind = country_kind(phrase.text)
        if kind == "name" and _town(phrase.text, code.country):
            # PETRARCH lists towns and provinces as their country; ours are places, found by
            # the gazetteer (docs/places.md), not actors (a protest "in Karachi" is not Pakistan's)
            notes.append(
                Note(path, phrase.line, shown, "a town or region: the gazetteer's", phrase.text)
            )
            continue
        rows["countries"].append({"iso3": code.country, "kind": kind, "phrase": phrase.text})


def _town(name: str, country: str | None) -> bool:
    """Whether the gazetteer knows ``name`` as a town or region (of any country: PETRARCH's
    "Bara" is a district of Nepal, the gazetteer's a town in Sudan) and not as a country's
    name. Names it does not know stay: old names and misspellings ("Afganistan")."""
    from eventcoder.places import Gazetteer

    found = Gazetteer.default().candidates(name)
    return bool(found) and not any(e.kind == "country" for e in found)


def _row(code: Code, phrase: Phrase, period: tuple[date | None, date | None]) -> tuple[str, Row]:
    """The section and row of a phrase with a country and sector or an international code."""
    row: Row
    if phrase.person and code.country:
        section = "people"
        row = {"name": phrase.text, "country": code.country, "sector": code.sector, "role": None}
    else:
        section = "actors"
        row = {
            "phrase": phrase.text,
            "code": code.code,
            "country": code.country,
            "sector": code.sector,
            "kind": code.kind,
        }
    row["from"] = period[0].isoformat() if period[0] else None
    row["to"] = period[1].isoformat() if period[1] else None
    return section, row
