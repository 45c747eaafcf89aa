"""Unnamed actors: the country of a role the text names none for.

Conflict news rarely says whose "gunmen", "police" or "protesters" they are; it says where they
acted. A role the actor phrase gives no country (CAMEO's ``---UAF``, ``---COP``, ``---CVL``) takes,
in this order:

1. ``place``: the country of the place its act happens in, the locative place of the sentence
   nearest the trigger in the parse, on the same side of the quotation marks (as the event's
   ``location``, docs/places.md): "gunmen killed two soldiers in Kashmir" → INDUAF and INDMIL;
2. ``dateline``: the country of the town the story was filed from ("KABUL (Reuters) -");
3. ``article``: the country the article is about (``DocActors.main_country``).

The inference is marked on the actor (``country_from``), so analysts can keep only what the
text states. A role the inference cannot place keeps its ``---`` code.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from eventcoder.actors import DocActors
from eventcoder.coding.tree import kids
from eventcoder.context import clause_distance
from eventcoder.records import Actor
from eventcoder.tsv import data_path, read_tsv


def unnamed(actor: Actor) -> bool:
    """Whether ``actor`` is a role of no known country (``---REB``)."""
    return actor.country is None and actor.code.startswith("---")


def site(actors: DocActors, tok: Token, verbal: bool = False) -> str | None:
    """The country of the place the act triggered by ``tok`` happens in, or None; ``verbal``:
    the act is said, not done (a place in its subject is the speaker's)."""
    k = actors.sentence_of[tok.i]
    quoted = tok.i in actors.speakers
    best: tuple[tuple[int, int], str] | None = None
    for i, country in actors.sites:
        if actors.sentence_of[i] != k or (i in actors.speakers) != quoted:
            continue
        place = actors.tokens[i]
        if _in_subject(place, tok, verbal):
            continue
        score = clause_distance(tok, place)
        if score is not None and (best is None or score < best[0]):
            best = (score, country)
    return best[1] if best is not None else None


def _in_subject(place: Token, tok: Token, verbal: bool) -> bool:
    """Whether ``place`` is inside the subject of another verb than ``tok``, or of ``tok`` when
    the act is ``verbal``: "the Observatory, a UK-based group, said eight people were killed"
    says where the speaker is, not where the act happened; "a minefield explosion near Samarra
    killed two youths" says where it happened."""
    # "killed two youths and wounded five others": conjoined verbs share the subject
    own = {tok.i, tok.head.i} if tok.dep_ == "conj" else {tok.i}
    while place.head.i != place.i and place.i != tok.i:
        if place.dep_ in ("nsubj", "nsubjpass") and (verbal or place.head.i not in own):
            return True
        place = place.head
    return False


def whereabouts(actors: DocActors, tok: Token, verbal: bool = False) -> tuple[str, str] | None:
    """The country a role of no stated country in the clause of ``tok`` gets, and how
    (``place``, ``dateline`` or ``article``: see the module docstring), or None."""
    for country, how in (
        (site(actors, tok, verbal), "place"),
        (actors.dateline_country, "dateline"),
        (actors.main_country, "article"),
    ):
        if country is not None:
            return country, how
    return None


def placeable(actors: DocActors, tok: Token, verbal: bool = False) -> bool:
    """Whether a role of no stated country in the clause of ``tok`` would get one."""
    return whereabouts(actors, tok, verbal) is not None


def locate(actors: DocActors, actor: Actor, tok: Token, verbal: bool = False) -> Actor:
    """``actor`` with the country inferred for it when it is a role of no known country (see the
    module docstring), else ``actor`` itself. tok: the trigger; verbal: the act is said."""
    found = whereabouts(actors, tok, verbal) if unnamed(actor) else None
    if found is None:
        return actor
    country, how = found
    return replace(actor, code=country + actor.code[3:], country=country, country_from=how)


@lru_cache(maxsize=1)
def _attack_words() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs that take a human doer and the weapon words of ``attacks.tsv``."""
    verbs: set[str] = set()
    weapons: set[str] = set()
    for row in read_tsv(data_path("attacks.tsv"), ("word", "kind")):
        (verbs if row["kind"] == "verb" else weapons).add(row["word"] or "")
    return frozenset(verbs), frozenset(weapons)


def attacker(actors: DocActors, tok: Token, cameo: str, heads: list[Token]) -> Actor | None:
    """An unidentified attacker (``---UAF``, kind ``unnamed``) for an act of violence (CAMEO
    18-20) triggered by the verb ``tok`` whose doer the text does not name, else None.

    heads: the act's actor phrase heads, which name no actor. The act must take a human doer
    (a ``verb`` of attacks.tsv: "was assassinated") or name a weapon (a ``weapon`` of
    attacks.tsv) as its subject or in a phrase under the trigger ("killed in a car bomb
    explosion", "a minefield explosion killed"), so that accidents and disasters ("floods
    killed 12") are not attacks. The caller places it (:func:`locate`) and drops it when
    nothing names a country on either side.
    """
    if cameo[:2] not in ("18", "19", "20") or tok.pos_ != "VERB":
        return None  # a noun ("after the shooting deaths of two men") is mostly background
    verbs, weapons = _attack_words()
    if heads:
        armed = any(_names(h, weapons) for h in heads)
    else:
        armed = tok.lemma_.lower() in verbs or any(
            _names(o, weapons) for p in kids(tok) if p.dep_ == "prep" for o in kids(p)
        )
    if not armed:
        return None
    return Actor("", "---UAF", None, "UAF", None, tok.idx, tok.idx, "unnamed")


def _names(head: Token, words: frozenset[str]) -> bool:
    """Whether the phrase headed by ``head`` (its head or a compound of it) is one of ``words``."""
    parts = [head, *(c for c in kids(head) if c.dep_ in ("compound", "amod", "nmod"))]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in parts)
