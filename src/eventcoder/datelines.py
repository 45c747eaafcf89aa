"""Datelines: the place (and news agency) a story was filed from, at the head of its text.

"RAMALLAH (Reuters) -", "Islamabad, Sept 9 (ANI):", "KABUL, Afghanistan (AP) --", "LYON:".
A dateline says where the story was written and who wrote it; it is never part of the first
sentence's actor phrase ("RAMALLAH (Reuters) - Palestinian police ..." is about the police, not
Ramallah's). The pipeline leaves the dateline's words out of actor phrases and places, and its
country is the second guess for a role the text gives no country ("gunmen", "police"; see
docs/coding.md, unnamed actors), after the place the act happens in.

A head of text is a dateline when it is a place name, optionally ", Region" or ", Country",
optionally a month and day, optionally an agency in brackets, then a dash or colon; and the
place is written in capitals, or an agency or a date follows it (so "Pakistan: the army said"
or "Smith - who ..." are not datelines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
)
_NAME = r"[A-Z][A-Za-z.'\u2019-]*(?:\s+[A-Z][A-Za-z.'\u2019-]*){0,3}"
_DATELINE = re.compile(
    rf"""\A\s*
    (?P<place>{_NAME})
    (?:,\s*(?P<region>{_NAME}))?
    (?:,?\s+(?P<date>{_MONTH}))?
    \s*(?:\((?P<source>[^()\n]{{1,40}})\))?
    \s*(?P<dash>--?|\u2014|\u2013|:)\s+""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    """The dateline at the head of an article.

    place: the place words ("RAMALLAH", "Islamabad"); region: a region or country after a comma
    ("Afghanistan") or None; source: the agency in brackets ("Reuters") or None. end: the
    character offset where the story's own text begins (after the dash or colon).
    """

    place: str
    region: str | None
    source: str | None
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the head of ``text``, or None when it has none."""
    m = _DATELINE.match(text)
    if m is None:
        return None
    place = m["place"]
    capitals = place.isupper() and len(place) > 2
    if not (capitals or m["source"] or m["date"]):
        return None
    return Dateline(place, m["region"], m["source"], m.end())
