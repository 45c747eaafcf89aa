"""What a phrase names, through the document's actors (:class:`~eventcoder.actors.DocActors`),
and which side an actor is on.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from eventcoder.actors import PRONOUNS_FIRST, PRONOUNS_GROUP, PRONOUNS_PERSON, DocActors
from eventcoder.coding.tree import children, conjoined
from eventcoder.records import Actor


def resolve(actors: DocActors, tok: Token, exclude: str | None = None) -> list[Actor]:
    """The actors the phrase headed by ``tok`` names (a pronoun: whom it refers to). exclude: the
    code of the act's actor, when ``tok`` is its target ("fired on its border posts").
    """
    if tok.pos_ == "PRON":
        word = tok.lower_
        if word in PRONOUNS_PERSON or word in PRONOUNS_GROUP or word in PRONOUNS_FIRST:
            actor = actors.resolve_pronoun(tok, exclude)
            return [actor] if actor is not None else []
        return []
    found = actors.resolve_all(tok)
    if exclude is not None and not found:
        # "fired on its border posts": the target is the posts' owner, not the actor
        for poss in children(tok, "poss"):
            if poss.pos_ == "PRON" and poss.lower_ in PRONOUNS_GROUP | PRONOUNS_PERSON:
                other = actors.resolve_pronoun(poss, exclude)
                return [other] if other is not None else []
    if exclude is not None and any(a.code == exclude for a in found):
        # "the Taliban fired on its border posts": a possessive that would make the target
        # the actor's own refers to someone else (the army that said so).
        for poss in children(tok, "poss"):
            own = actors.resolve_pronoun(poss) if poss.pos_ == "PRON" else None
            if own is not None and own.code == exclude:
                other = actors.resolve_pronoun(poss, exclude)
                return [other] if other is not None else found
    return found


def names_actor(
    actors: DocActors, tok: Token, known_only: bool = False, owners: bool = False
) -> bool:
    """Whether the phrase headed by ``tok`` (or a pronoun there) can name an actor; with
    ``known_only``, an actor of known country or organisation (not ``---CVL``)."""
    if tok.pos_ == "PRON":
        word = tok.lower_
        return (
            word in PRONOUNS_PERSON
            or word in PRONOUNS_GROUP
            or (word in PRONOUNS_FIRST and tok.i in actors.speakers)
        )
    for t in conjoined(tok):
        actor = actors.resolve(t)
        if actor is not None and not (known_only and actor.code.startswith("---")):
            return True
    # "its border posts": the owner the possessive names (resolved when the event is built)
    return (
        owners
        and not known_only
        and any(p.pos_ == "PRON" and p.lower_ in PRONOUNS_GROUP for p in children(tok, "poss"))
    )


def names_igo(actors: DocActors, heads: Iterable[Token]) -> bool:
    """Whether one of the phrases headed by ``heads`` names an international organisation."""
    return any(actor.code.startswith("IGO") for head in heads for actor in actors.resolve_all(head))


def names_place(actors: DocActors, heads: Iterable[Token]) -> bool:
    """Whether one of ``heads`` names a town, region or capital (the gazetteer's, the country
    table's capitals, or a place the parser's NER tags): "seized Ramadi", "captured Goma".
    A country's own name is not a place here ("invaded Ukraine" has its own rows), and neither
    is a phrase that names an actor ("captured the mayor")."""
    for head in heads:
        mention = actors.mention_at.get(head.i)
        if mention is not None:
            if mention.entry.kind == "capital":
                return True
            continue
        if head.i in actors.located or (
            head.ent_type_ in ("GPE", "LOC", "FAC") and head.pos_ == "PROPN"
        ):
            return True
    return False


def party(actor: Actor) -> str:
    """A party to a conflict: its side, with rebels, the opposition, parties and NGOs apart
    from their country's government ("al-Shabaab" is not Somalia's government)."""
    if actor.country and actor.sector in ("REB", "OPP", "PTY", "NGO"):
        return actor.country + actor.sector
    return side(actor)


def side(actor: Actor) -> str:
    """The country (or organisation) an actor speaks for: USAGOV and USA are one side, and so
    are an international organisation and its bodies (IGOEUR, IGOEUREEC)."""
    if actor.country:
        return actor.country
    return actor.code[:6] if actor.code.startswith("IGO") else actor.code
