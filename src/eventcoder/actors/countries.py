"""Which country a document is about, and which country a name that several countries' bodies
bear means in it (docs/coding.md, actors rules 1 and 5). Both look at every dictionary phrase of
the document at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from eventcoder.actors.dictionary import Mention


def main_country(mentions: Sequence[Mention]) -> str | None:
    """The country an article is about, or None when it is not clearly about one.

    Every dictionary phrase with a country counts once (names, adjectives, capitals, agencies,
    parties, people). The most named country is the main one only when it dominates: named at
    least twice and at least three times as often as any other. A two-country story ("India
    and Pakistan", 5 to 3) has none, so a bare "the army" there stays without a country.
    """
    counts = Counter(m.entry.country for m in mentions if m.entry.country)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 3 * second else None


def choose_countries(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each name of several countries' bodies (Jamaat-e-Islami) given the one
    of its countries the rest of the document names most; the first listed when none is named."""
    counts = Counter(m.entry.country for m in mentions if m.entry.country and not m.entry.elsewhere)
    out = []
    for m in mentions:
        e = m.entry
        if e.elsewhere and e.country:
            best = max((e.country, *e.elsewhere), key=lambda c: counts[c])
            code = best + (e.sector or "") if e.code == e.country + (e.sector or "") else e.code
            m = Mention(m.start, m.end, replace(e, country=best, code=code, elsewhere=()))
        out.append(m)
    return out
