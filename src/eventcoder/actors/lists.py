"""One phrase, several actors: conjunctions and lists ("India and Pakistan", "US and British
activists", "the US, Russia and Switzerland"), two titled leaders the parser joins into one
phrase, and "the two sides" (docs/coding.md, actors rule 4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventcoder.actors.dictionary import Mention, entry_code
from eventcoder.actors.words import PAIR_NOUNS
from eventcoder.records import Actor

if TYPE_CHECKING:
    from eventcoder.actors.document import DocActors


def resolve_all(actors: DocActors, head: Token) -> list[Actor]:
    """Every actor the phrase headed by ``head`` names: one, or several for "US and British
    activists", "the two sides" and lists in apposition ("the US, Russia and Switzerland")."""
    pair = pair_of_countries(actors, head)
    if pair:
        return pair
    titled = titled_people(actors, head)
    if titled:
        return titled
    base = actors.resolve(head)
    out = [base] if base is not None else []
    for child in head.children:
        if child.dep_ == "appos" and actors.names_country(child):
            for tok in [child, *(c for c in child.subtree if c.dep_ == "conj")]:
                actor = actors.resolve(tok)
                if actor is not None and all(a.code != actor.code for a in out):
                    out.append(actor)
    if base is not None and base.country:
        conjuncts = [c for t in actors.np_tokens(head) if t.i != head.i for c in t.children]
        # "negotiators from Armenia and Azerbaijan"; "opposition leaders in Uganda and
        # Tanzania" when the place is what gives the role its country ("Russian troops in
        # Syria and Iraq" stay Russian)
        conjuncts += [
            c
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in ("from", "in")
            for obj in prep.children
            if obj.dep_ == "pobj"
            and actors.names_country(obj)
            and (prep.lower_ == "from" or actors.mention_at[obj.i].entry.country == base.country)
            for c in obj.children
        ]
        # "Cuban, Venezuelan and Nicaraguan banks": the parser may hang each adjective of a
        # list on the head; a comma or a conjunct after it marks the list ("Turkish
        # Cypriot leaders" are one people's)
        listed = [
            c
            for c in head.children
            if c.dep_ in ("amod", "nmod", "compound") and actors.names_country(c) and _listed(c)
        ]
        for tok in listed + _chains(conjuncts):
            m = actors.mention_at.get(tok.i)
            if not actors.names_country(tok) or m is None:
                # "the assets of Danish brewer Carlsberg and France's Danone": a conjunct
                # that is a phrase of its own names its own actor
                own = actors.resolve(tok) if tok.pos_ in ("NOUN", "PROPN") else None
                if own is not None and own.country and all(a.country != own.country for a in out):
                    out.append(own)
                continue
            country = m.entry.country
            if country and all(a.country != country for a in out):
                code = country + (base.sector or "")
                out.append(actors.actor_at([tok], code, country, base.sector, None, m.entry.kind))
    return out


def _listed(tok: Token) -> bool:
    """Whether ``tok`` is followed by a comma or has a conjunct: an element of a list."""
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (after is not None and after.text == ",") or any(c.dep_ == "conj" for c in tok.children)


def _chains(tokens: list[Token]) -> list[Token]:
    """The conjuncts among ``tokens`` and the conjuncts conjoined to them in turn: the parser
    chains a list ("of France, Britain and Belgium": Belgium hangs on Britain)."""
    out = []
    stack = [t for t in tokens if t.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ == "conj"]
    return out


def pair_of_countries(actors: DocActors, head: Token) -> list[Actor]:
    """The two countries "the two countries", "both sides" or "the two governments" refer
    to: the last two countries named before it in this or the three sentences before
    ("India and Pakistan exchanged fire ... the two sides agreed"); [] when not such a
    phrase or fewer than two countries were named."""
    if head.lemma_.lower() not in PAIR_NOUNS or head.tag_ not in ("NNS", "NNPS"):
        return []
    if not any(c.lower_ in ("two", "both") for c in head.children):
        return []
    k = actors.sentence_of[head.i]
    first = actors.sents[max(k - 3, 0)].start
    countries: list[tuple[str, Mention]] = []
    for m in reversed(actors.mentions):
        if m.start >= head.i or m.end <= first or not m.entry.country:
            continue
        if all(c != m.entry.country for c, _ in countries):
            countries.append((m.entry.country, m))
        if len(countries) == 2:
            break
    if len(countries) < 2:
        return []
    role = actors.mention_at.get(head.i)
    sector = role.entry.sector if role is not None and role.entry.kind == "agent" else None
    tokens = actors.np_tokens(head)
    return [
        actors.actor_at(tokens, country + (sector or ""), country, sector, None, "pair")
        for country, _ in reversed(countries)
    ]


def titled_people(actors: DocActors, head: Token) -> list[Actor]:
    """Titled leaders joined by "and" that the parser may make one phrase ("U.S. President
    Donald Trump and Russian President Vladimir Putin"): one actor each, from its own words;
    [] when ``head`` does not head such a phrase."""
    person_at = actors.person_at
    if head.i not in person_at:
        return []
    tokens = [t for t in head.subtree if t.i <= head.i]
    joins = [t for t in tokens if t.dep_ == "cc" and t.lower_ == "and"]
    names = {id(e): e for t in tokens if (e := person_at.get(t.i)) is not None}
    if len(joins) != 1 or len(names) != 2:
        return []
    cut = joins[0].i
    out = []
    for part in ([t for t in tokens if t.i < cut], [t for t in tokens if t.i > cut]):
        person = next((person_at[t.i] for t in part if t.i in person_at), None)
        if person is None:
            return []
        country = sector = None
        for t in part:
            m = actors.mention_at.get(t.i)
            if m is None:
                continue
            if country is None and m.entry.country:
                country = m.entry.country
            if sector is None and m.entry.kind == "agent" and m.entry.sector:
                sector = m.entry.sector
        memory = actors.memory
        known = memory.person(person.text) or memory.surname(person.text.split()[-1])
        if country is None and known is not None:
            country, sector = known.country, sector or known.sector
        code = entry_code(country, sector, None)
        if code is None:
            return []
        actor = actors.actor_at(part, code, country, sector, person.text, "person")
        memory.remember(person.text, actor)
        out.append(actor)
    return out
