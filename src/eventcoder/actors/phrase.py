"""One noun phrase -> one actor (docs/coding.md, actors rules 2, 3, 5, 6 and 8).

The phrase is the head and the words that describe it (:meth:`DocActors.np_tokens`). Its
dictionary phrases give a country (a name, adjective, capital, organisation or person) and a
sector (role words and titles); what they leave open is filled from the document: a person or
title remembered, a place the role is "in" or "from", the article's main country, a town the
gazetteer found, the issuer of a text, else CAMEO's unknown-country code (``---REB``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventcoder.actors.authors import author
from eventcoder.actors.dictionary import Mention, entry_code
from eventcoder.actors.lists import pair_of_countries
from eventcoder.actors.people import holder_country, known_person, person_name
from eventcoder.actors.words import (
    AFFILIATION_PREFIXES,
    AFFILIATION_SUFFIXES,
    ANAPHORS,
    DOMESTIC_SECTORS,
    PLACE_KINDS,
    QUANTITIES,
)
from eventcoder.records import Actor

if TYPE_CHECKING:
    from eventcoder.actors.document import DocActors

# Entry kinds whose canonical name names the actor (not a country's or a role word's).
# Words that say a title is no longer held ("former President", "ex-Prime Minister").
FORMER = frozenset({"former", "ex", "ex-"})
NAMED_KINDS = ("person", "group", "agency", "party", "igo", "ngo", "media", "company")
# How many sentences before its own a repeated head ("the tanks") looks back for its phrase.
REPEAT_SENTENCES = 2


def resolve_phrase(actors: DocActors, head: Token) -> Actor | None:
    """The actor named by the noun phrase headed by ``head``, or None. Uncached: callers use
    :meth:`DocActors.resolve`, which keeps one answer a head."""
    pair = pair_of_countries(actors, head)
    if pair:
        return pair[0]
    tokens = actors.np_tokens(head)
    indices = {t.i for t in tokens}
    mentions = _mentions(actors, tokens)
    head_mention = next((m for m in mentions if m.start <= head.i < m.end), None)
    person = person_name(actors, head, indices)
    if person is None and head_mention is None and head.pos_ == "PROPN":
        # NER does not always tag a surname seen before ("Toner later praised India"), or a
        # well-known one ("Modi attacked Pakistan").
        known = actors.memory.surname(head.text)
        if known is not None:
            return actors.span_actor(tokens, known, known.name, kind=known.kind)
    if head.lemma_.lower() in QUANTITIES:
        # "Thousands of protesters": the protesters are the actor.
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return actors.resolve(obj)

    # The head's own meaning first ("militants" in "Lashkar-e-Taiba militants").
    ordered = ([head_mention] if head_mention else []) + [
        m for m in mentions if m is not head_mention
    ]
    persons = [m for m in ordered if m.entry.kind == "person"]
    country, explicit, name, kind = _named(ordered)
    if head_mention is not None and head_mention.entry.kind in ("agency", "party") and country:
        country = _seat(actors, head) or country
    agents = [m for m in mentions if m.entry.kind == "agent"]
    sector = _sector(head, head_mention, mentions, agents, ordered)

    if person is not None:
        if not persons and country is None and explicit is None:
            known = known_person(actors, person)
            if known is not None:
                return actors.span_actor(tokens, known, known.name, kind=known.kind)
        name = person  # the phrase is about the person, not the office around them
        kind = "person" if country or explicit else kind

    if country is None and explicit is None and head_mention in agents:
        # "the Trump administration", "Assad's forces", "Erdogan's spokesman": a role held
        # under a known person is in that person's country.
        country = holder_country(actors, tokens)
    inferred: str | None = None  # how the country was inferred (Actor.country_from)
    if country is None and explicit is None:
        # A bare title ("the spokesperson") is the last person who held it in this document.
        for m in reversed(agents):
            remembered = actors.memory.title(actors.lemmas(m))
            if remembered is not None:
                return actors.span_actor(tokens, remembered, remembered.name, kind="memory")
        if agents:
            country, explicit = _role_place(actors, head)
            inferred = "place" if country else None
    titled = person is not None and bool(agents)
    is_role = head_mention is not None and head_mention.entry.kind == "agent"
    bare = all(m is head_mention for m in mentions) and (head_mention is None or is_role)
    if country is None and explicit is None and person is None and bare:
        # "Eight Thai tanks crossed into Cambodia. The tanks shelled a village.": THA.
        repeated = _repeated(actors, head, tokens)
        if repeated is not None:
            return repeated
    if (
        country is None
        and explicit is None
        and actors.main_country
        and sector in DOMESTIC_SECTORS
        and (is_role or titled)
    ):
        # "the government", "police", "Ahmed Khan, the army chief," in an article about one
        # country are that country's (see main_country).
        country = actors.main_country
        kind = "person" if person is not None else "main"
        inferred = "article"
    if (
        country is None
        and explicit is None
        and head.i in actors.located
        and head.dep_ == "pobj"
        and head_mention is None
        and person is None
    ):
        # "exercises in Alaska", "a visit to Texas": a town or region named as the place an
        # act lands on stands for its country, never as a speaker or a doer.
        located = actors.located[head.i]
        return actors.actor_at(tokens, located, located, None, None, "place")
    if country is None and explicit is None and head.lemma_.lower() in actors.documents:
        return author(actors, head, tokens)
    if country is None and explicit is None:
        if sector is None or not (is_role or titled):
            return None  # "military exercises" names no one
        # A role with no country ("insurgents"), or a person with a title and no country
        # ("President Abdelaziz Bouteflicka"): CAMEO's unknown-country code, ---REB, ---GOV,
        # which the event's place may fill in (coding/unnamed.py).
        explicit = "---" + sector
        kind = "person" if titled else kind

    code = entry_code(country, sector, explicit)
    if code is None:
        return None
    actor = actors.actor_at(tokens, code, country, sector, name, kind or "agent")
    actor.country_from = inferred
    if person is not None:
        actors.memory.remember(person, actor, [actors.lemmas(m) for m in agents])
    return actor


def _mentions(actors: DocActors, tokens: list[Token]) -> list[Mention]:
    """The dictionary phrases among ``tokens``, in order, each once: "the group" stands for
    the organisation it refers back to, and affiliations ("pro-Russia") are left out."""
    mentions: list[Mention] = []
    for t in tokens:
        m = actors.mention_at.get(t.i)
        if m is None or (m.entry.kind == "agent" and m.end - m.start == 1):
            m = _anaphor(actors, t) or m
        if m is not None and _affiliation(actors, m):
            continue
        if m is not None and (not mentions or mentions[-1] is not m):
            mentions.append(m)
    return mentions


def _named(ordered: list[Mention]) -> tuple[str | None, str | None, str | None, str]:
    """The country, explicit code, name and actor kind the phrase's mentions give (``ordered``:
    the head's own first). The title in the text says what a person is now ("NATO
    Secretary-General Mark Rutte"), which the people dictionary may not know; the dictionary
    fills in what the text lacks."""
    country = explicit = name = None
    kind = ""
    persons = [m for m in ordered if m.entry.kind == "person"]
    for m in [m for m in ordered if m.entry.kind != "person"] + persons:
        e = m.entry
        if e.kind == "person" and (country or explicit):
            name = name or e.name
            continue
        if country is None and e.country:
            country = e.country
            kind = kind or e.kind
        if explicit is None and e.code and not e.country:
            explicit, name = e.code, name or e.name
            kind = kind or e.kind
        if e.kind in NAMED_KINDS:
            name = name or e.name
    return country, explicit, name, kind


def _seat(actors: DocActors, head: Token) -> str | None:
    """The country a national body is named as sitting in ("Congress in Buenos Aires"), or
    None: where a body sits says whose it is."""
    country = None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                m = actors.mention_at.get(obj.i)
                if (
                    obj.dep_ == "pobj"
                    and m is not None
                    and m.entry.country
                    and m.entry.kind in ("country", "capital")
                ):
                    country = m.entry.country
    return country


def _sector(
    head: Token,
    head_mention: Mention | None,
    mentions: list[Mention],
    agents: list[Mention],
    ordered: list[Mention],
) -> str | None:
    """The phrase's sector: the head's role word, else the role word nearest the head, else
    the organisation's. A post ("spokesman", "commander") takes the sector of the body it is
    held in, named anywhere in the phrase: "army spokesman" MIL, "Taliban commander" REB."""
    bodies = [
        m
        for m in mentions
        if m.entry.sector
        and not m.entry.post
        and m.entry.kind not in ("person", "country", "adjective", "capital")
        and m is not head_mention
    ]
    head_post = head_mention is not None and head_mention.entry.post
    groups = [m for m in bodies if m.entry.kind == "group"]
    if head_mention is not None and head_mention.entry.sector == "MIL" and groups:
        return groups[0].entry.sector  # "Afghan Taliban forces", "Houthi forces": REB
    if (
        head_mention is not None
        and head_mention.entry.sector
        and not head_post
        and not (agents and _out_of_office(head_mention, head))
    ):
        return head_mention.entry.sector
    if bodies and (head_post or any(m.entry.post for m in agents)):
        return min(bodies, key=lambda m: abs(head.i - (m.end - 1))).entry.sector
    if agents:
        return min(agents, key=lambda m: abs(head.i - (m.end - 1))).entry.sector
    for m in ordered:
        if m.entry.sector:
            return m.entry.sector
    return None


def _out_of_office(mention: Mention, head: Token) -> bool:
    """Whether ``mention`` is a person the dictionary has out of office at the article's date
    (ELI: PETRARCH's code between and after terms) whom the text does not call former: then
    the title in the text says what they are ("President Elias Hrawi" in an undated story)."""
    if mention.entry.kind != "person" or mention.entry.sector != "ELI":
        return False
    before = head.doc[max(0, mention.start - 4) : mention.start]
    return not any(t.lower_ in FORMER for t in before)


def _role_place(actors: DocActors, head: Token) -> tuple[str | None, str | None]:
    """The country (or explicit code) of a role named as "in" or "from" a place or body: "a
    court in Guyana", "protesters from Egypt", "a court in Lahore", "protesters in
    Madagascar's capital", "ministers from the Georgian government"; (None, None) when none."""
    country = explicit = None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
            for obj in prep.children:
                m = actors.mention_at.get(obj.i)
                if obj.dep_ == "pobj" and m is None and obj.i in actors.located:
                    country = actors.located[obj.i]  # "a court in Lahore"
                    continue
                if obj.dep_ == "pobj" and m is None:
                    # "protesters in Madagascar's capital": a place named by a phrase
                    inner = actors.resolve(obj)
                    if inner is not None and inner.kind in PLACE_KINDS and inner.country:
                        country = inner.country
                    continue
                if obj.dep_ != "pobj" or m is None:
                    continue
                if m.entry.kind != "agent":
                    country = m.entry.country
                    explicit = None if country else m.entry.code
                elif (inner := actors.resolve(obj)) and not inner.code.startswith("---"):
                    # "ministers from the Georgian government"
                    country = inner.country
                    explicit = None if country else inner.code
    return country, explicit


def _anaphor(actors: DocActors, tok: Token) -> Mention | None:
    """What "the group" or "the party" refers to: the last organisation of a fitting kind
    named before it in the document, as a mention at ``tok``."""
    kinds = ANAPHORS.get(tok.lemma_.lower())
    if kinds is None or not any(c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ in ("compound", "amod", "poss") for c in tok.children):
        return None  # "the ruling party", "the Islamist group" name one of their own
    for m in reversed(actors.mentions):
        if m.start < tok.i and m.entry.kind in kinds:
            return Mention(tok.i, tok.i + 1, m.entry)
    return None


def _repeated(actors: DocActors, head: Token, tokens: list[Token]) -> Actor | None:
    """What a definite phrase naming no country refers to when it repeats the head of an
    earlier phrase: that phrase's actor ("Eight Thai tanks crossed into Cambodia. The tanks
    shelled a village": THA; "Houthi rebels ... the rebels": YEMREB). The nearest earlier
    phrase with the same head lemma, in the sentence or the two before, is the one repeated;
    when it names no one of known country, neither does the repetition."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if any(c.dep_ in ("compound", "poss") for c in head.children):
        return None  # "the border guards", "its troops" say whose they are
    lemma = head.lemma_.lower()
    first = actors.sents[max(0, actors.sentence_of[head.i] - REPEAT_SENTENCES)].start
    for t in reversed(actors.tokens[first : tokens[0].i]):
        if t.pos_ == "NOUN" and t.dep_ != "compound" and t.lemma_.lower() == lemma:
            earlier = actors.resolve(t)
            if earlier is None or earlier.code.startswith("---"):
                return None
            return actors.span_actor(tokens, earlier, earlier.name, kind="anaphor")
    return None


def _affiliation(actors: DocActors, m: Mention) -> bool:
    """Whether mention ``m`` only says whom the phrase sides with: "pro-Russia rebels",
    "Iran-backed militias", "a UK-based group" are not Russian, Iranian or British."""
    if m.start not in actors.affiliated:
        toks = actors.tokens
        before = toks[max(m.start - 2, 0) : m.start]
        after = toks[m.end : m.end + 2]
        actors.affiliated[m.start] = (
            len(before) == 2 and before[1].text == "-" and before[0].lower_ in AFFILIATION_PREFIXES
        ) or (len(after) == 2 and after[0].text == "-" and after[1].lower_ in AFFILIATION_SUFFIXES)
    return actors.affiliated[m.start]
