"""To whom an act is aimed: the places a verb's recipient may be named, in order of preference.

The row's prepositions (also on the object and on what it is part of), the object itself or a
dative, the subject of a request's clause, who did what is condemned, the other party named on
the object ("an agreement with the EU"), who made what is accepted or rejected, and for ``where``
rows the place the act happens in. A recipient of known country beats one without. When none of
these phrases names anyone, the recipient may sit deeper in one of them: its possessor, the place
a body or site it names is in, or what it is of or for (:func:`inside`).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.actors import DocActors
from eventcoder.coding.doers import nominal_doers, subject
from eventcoder.coding.naming import names_actor
from eventcoder.coding.patterns import Pattern, PatternBook, is_request
from eventcoder.coding.tree import (
    children,
    conjoined,
    counted_object,
    counted_up,
    kids,
    lemma_forms,
    object_clause,
    patients,
    prep_objects,
)
from eventcoder.coding.unnamed import placeable

# Prepositions whose object can be the place an event happens in (see the `where` flag).
PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "around", "across", "through", "along", "inside", "into", "to"}
)
# Prepositions on a verb's object that name the other party when the pattern names none.
FALLBACK_PREPS = frozenset({"with", "against", "to", "toward", "towards"})
BETWEEN = frozenset({"between"})
# Prepositions through which a phrase that names no one holds what it is about ("an extension
# of the mandate for the force in Lebanon").
THROUGH = frozenset({"of", "for"})
IN = frozenset({"in"})
BY = frozenset({"by"})
AS = frozenset({"as"})
# Acts judged by who did what they condemn, reject, protest or investigate (CAMEO 09, 11, 12,
# 14) or praise, welcome or defend (050-052).
JUDGED_ROOTS = frozenset({"09", "11", "12", "14"})
PRAISE = frozenset({"050", "051", "052"})


def recipient_heads(
    tok: Token,
    pattern: Pattern,
    obj: Token | None,
    passive: bool,
    actors: DocActors,
    book: PatternBook,
) -> list[Token]:
    """The recipient's phrase heads for verb ``tok`` matched by ``pattern``: the first group of
    the places below that names an actor (one of known country first). obj: what the row says is
    done; passive: the verb is passive."""
    # "fired on its border posts": a hostile act's target may be named by its owner only
    owners = pattern.cameo[:2] in ("14", "15", "16", "17", "18", "19", "20")
    with_obj = [tok] + ([obj] if obj is not None else [])
    # "mediated a round of talks between X and Y", "captured the village of Yalta in
    # Ukraine": what the object is a part or an instance of carries the other party
    inner = prep_objects(obj, frozenset({"of", "in"})) if obj is not None else []
    with_obj += inner
    # "demanded that Maduro step down", "urged that Iran halt": who is asked.
    clause = None
    if is_request(pattern.cameo):
        clause = next((c for c in kids(tok) if c.dep_ == "ccomp" and children(c, "nsubj")), None)
    prt_preps = {c.lower_ for c in kids(tok) if c.dep_ == "prt"} & pattern.preps
    groups: list[list[Token]] = [
        [p for a in with_obj for p in prep_objects(a, pattern.preps)],
        # "pledged 50 million dollars in aid for Syria": the form of what is given
        [
            p
            for a in prep_objects(tok, IN)
            if lemma_forms(a) & pattern.objects
            for p in prep_objects(a, pattern.preps)
        ],
        children(tok, "dobj") if prt_preps else [],
    ]
    if not pattern.objects:
        # "kidnapped up to 16 advisers": the object the parser hung under "up"
        core = (
            patients(tok) if passive else children(tok, "dobj") or counted_object(counted_up(tok))
        )
        groups.append(core + children(tok, "dative"))
        if not core:
            # "denounced as an ugly crime Serbia's suppression of ...": the object shifted
            # behind an as-phrase, which the parser takes in or puts beside
            groups.append([p for a in prep_objects(tok, AS) for p in [a, *children(a, "appos")]])
    elif obj is not None:
        groups.append(children(tok, "dative"))  # "gave Sri Lanka a loan"
        # "expelled a Pakistani diplomat": the object is the recipient; "froze the assets of
        # four Russian banks": or whose it is
        # What is given or sent is not whom it goes to ("sent warships"), unless a country
        # names it ("gave Ukraine tanks", parsed as one phrase).
        given = pattern.cameo[:2] in ("07", "15")
        if not given or (pattern.cameo[:2] == "07" and names_actor(actors, obj, True)):
            groups.append([obj])
        if not given:
            groups.append([p for p in inner if p.dep_ == "pobj" and p.head.lower_ == "of"])
    let = object_clause(tok) if pattern.objects and not children(tok, "dobj") else None
    if let is not None:
        # "allowed aid trucks to enter Gaza": where or to whom the let act goes
        groups.append(children(let, "dobj") + prep_objects(let, PLACE_PREPS))
    if tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBN" and not children(tok, "dobj"):
        groups.append([tok.head])  # "a Hamas member jailed last year"
    # "ratified an agreement with the EU": the other party named on the object or verb;
    # "spoke by telephone with Pezeshkian": or on the verb's prepositional object.
    groups.append([p for a in with_obj for p in prep_objects(a, FALLBACK_PREPS)])
    # "welcomed the agreement between Chile and Peru", "mediated between Israel and Hamas":
    # the parties between whom the act or its object is; not for an act that is a show of force
    # alone (``alone=``: "held drills in the sea between Australia and New Zealand")
    if not pattern.alone_code:
        groups.append([p for a in with_obj[:2] for p in prep_objects(a, BETWEEN)])
    if obj is not None:
        # "rejected a plan put forward by the UN envoy", "calls from trade unions": who
        # made what is accepted or rejected
        groups.append(
            [p for a in children(obj, "acl") for b in children(a, "agent")
             for p in children(b, "pobj")]
            + prep_objects(obj, frozenset({"from", "by"}))
        )  # fmt: skip
    groups.append(
        [
            p
            for a in prep_objects(tok, frozenset({"by", "over", "on", "in", "via"}))
            for p in prep_objects(a, frozenset({"with"}))
        ]
    )
    if "where" in pattern.flags:
        # Protests are aimed at the authorities of the place they happen in; troops massed
        # near a border face the country across it; a strike hits the country it lands in;
        # the place may be named on the actor ("protesters in the capital rallied").
        groups.append([p for a in with_obj for p in actors.places(a, PLACE_PREPS)])
        groups.append([p for a in subject(tok) for p in actors.places(a, PLACE_PREPS)])
        # "seized control of Goma": the place taken
        groups.append([p for p in inner if actors.names_country(p) or p.i in actors.located])
    if clause is not None:
        groups.insert(0, children(clause, "nsubj"))
    judged = judged_doers(tok, pattern, book)
    if judged is not None:
        groups.insert(0, judged)
    # A recipient with a known country beats one without ("14 worshippers" in Kandahar); a role
    # of no stated country counts as known when the act's place, the dateline or the article
    # gives it one (coding/unnamed.py: "killed two soldiers in Kashmir" is aimed at them).
    placed = placeable(actors, tok)
    for group in groups:
        if any(
            names_actor(actors, h, True, owners) or (placed and names_actor(actors, h))
            for h in group
        ):
            return group
    # "welcomed Reagan's statement", "contributed troops to a force in Liberia": deeper in a
    # phrase that names no one; only a known country ("protested against the execution of
    # political prisoners" is not aimed at the prisoners, and leaves the protest domestic).
    if not _partners(tok, pattern, actors, book):
        for group in groups:
            deep = [
                p
                for h in group
                for c in conjoined(h)
                for p in inside(actors, c, book)
                if names_actor(actors, p, True)
            ]
            if deep:
                return deep
    for group in groups:
        if any(names_actor(actors, h, False, owners) for h in group):
            return group
    return []


def judged_doers(tok: Token, pattern: Pattern, book: PatternBook) -> list[Token] | None:
    """Who did the nominal act that verb ``tok`` condemns, rejects, protests, investigates
    (CAMEO 09, 11, 12, 14) or praises (050-052): "condemned the killing of two soldiers by
    Indian troops", "welcomed Iran's withdrawal"; None when its object is no nominal act."""
    act = next(iter(children(tok, "dobj")), None)
    if act is None or act.lemma_.lower() not in book.nouns:
        return None
    if pattern.cameo[:2] not in JUDGED_ROOTS and pattern.cameo[:3] not in PRAISE:
        return None
    # "rejected India's proposal and Afghanistan's offer": each act's; "condemned the
    # torture of a journalist by a Greek officer": the parser may hang the by-phrase on the verb
    return [d for a in conjoined(act) for d in nominal_doers(a)] + prep_objects(tok, BY)


def _partners(tok: Token, pattern: Pattern, actors: DocActors, book: PatternBook) -> bool:
    """Whether a mutual row's subject names several actors, who are then each other's
    recipients rather than one found deep in the object ("Russia and Turkey agreed to a plan
    for elections in Libya" is an agreement between them)."""
    if "mutual" not in pattern.flags:
        return False
    heads = [c for h in subject(tok, book.nouns) for c in conjoined(h)]
    return sum(len(actors.resolve_all(h)) for h in heads) > 1


def inside(actors: DocActors, head: Token, book: PatternBook, depth: int = 3) -> list[Token]:
    """The heads deeper in the phrase headed by ``head`` that may name whom an act aimed at it
    is aimed at, when the phrase itself names no actor: its possessor ("welcomed Reagan's
    statement"), the country (not a capital or town) a body or site reached through a
    preposition is in ("contribute troops to a force in Liberia"; not an event's venue:
    "agreed to talks in Geneva", "a deal in Vienna"), and the same inside what it is of or for
    ("an extension of the mandate for the force in Lebanon"), ``depth`` phrases down at most.
    [] when the phrase names an actor."""
    if depth == 0 or names_actor(actors, head):
        return []
    out = [p for p in children(head, "poss") if p.pos_ != "PRON"]
    if head.dep_ == "pobj" and head.lemma_.lower() not in book.nouns:
        # a country ("the West Bank village of Sinjil"), not a capital or town: "a deal in
        # Vienna" says where, not with whom
        out += [
            o
            for o in prep_objects(head, IN)
            if (r := actors.resolve(o)) is not None and r.kind == "country" and not r.sector
        ]
    for p in prep_objects(head, THROUGH):
        out += [p] if names_actor(actors, p) else inside(actors, p, book, depth - 1)
    return out
