"""Texts that speak for whoever issued them: "a report by Amnesty", "a statement issued by the
Iranian foreign ministry", "a report released in Kinshasa" (docs/coding.md, actors rule 9).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventcoder.records import Actor

if TYPE_CHECKING:
    from eventcoder.actors.document import DocActors


def author(actors: DocActors, head: Token, tokens: list[Token]) -> Actor | None:
    """Who issued the text ``head`` names ("a report by Amnesty", "a statement issued by the
    ministry", "a report released in the Rwandan capital"), as an actor spanning ``tokens``
    (kind ``author``), or None. A capital stands for its government; another place tells
    where, not who."""
    found: Actor | None = None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objs = [o for o in child.children if o.dep_ == "pobj"]
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            objs = [o for a in child.children if a.dep_ == "agent" for o in a.children
                    if o.dep_ == "pobj"]  # fmt: skip
            objs += [
                o
                for prep in child.children
                if prep.dep_ == "prep" and prep.lower_ in ("in", "from")
                for o in prep.children
                if o.dep_ == "pobj" and is_capital(actors, o)
            ]
        else:
            continue
        found = next((a for o in objs if (a := actors.resolve(o)) is not None), None)
        if found is not None:
            break
    if found is None or found.code.startswith("---"):
        return None
    code, country, sector = found.code, found.country, found.sector
    return actors.actor_at(tokens, code, country, sector, found.name, "author")


def is_capital(actors: DocActors, tok: Token) -> bool:
    """Whether ``tok`` heads a capital's name or "the <country> capital"."""
    m = actors.mention_at.get(tok.i)
    if m is not None:
        return m.entry.kind == "capital"
    return tok.lemma_.lower() == "capital" and any(
        actors.names_country(c) for c in tok.children if c.dep_ in ("amod", "compound", "poss")
    )
