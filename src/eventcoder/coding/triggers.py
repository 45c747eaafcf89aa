"""Finding triggers: the verb and noun rows whose lemma a token has, and which row fits best.

A verb's rows are tried against what its parse offers (:class:`_Parse`: particles, the object
and what it names, prepositions, complements); the most specific row that fits wins
(``data/README.md``: particle and object count double, a matching preposition and a met ``that``
flag once; on a tie the earlier row); a fitting row from a user's file wins over every built-in
row of its verb. A noun's row is chosen by its prepositions. The roles of
the chosen row are then filled by :mod:`eventcoder.coding.roles`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventcoder.actors import DocActors
from eventcoder.coding.naming import names_igo, names_place
from eventcoder.coding.patterns import Match, Pattern, PatternBook
from eventcoder.coding.recipients import recipient_heads
from eventcoder.coding.roles import nominal_roles, verb_roles
from eventcoder.coding.trace import Trace, note, words
from eventcoder.coding.tree import (
    children,
    compound_prep,
    conjoined,
    counted_object,
    counted_up,
    is_passive,
    kids,
    lemma_forms,
    object_clause,
    patients,
    prep_objects,
    that_clause,
)

# Object heads that only say an act is under way: "ended mediation efforts", "a peace process".
LIGHT_OBJECTS = frozenset({"effort", "attempt", "bid", "process", "initiative"})
# Participles on an object that say what it carries ("a ship carrying tents").
CARRYING = frozenset({"carry", "transport", "bear", "load"})


@dataclass
class _Parse:
    """What a verb's parse offers its rows. obj: the direct object (the subject, for a passive)
    and objs the words that say what it is; clause_obj: the subject of an object clause ("allowed
    aid trucks to enter"); given: what a with-phrase says is given ("supplied X with Y")."""

    particles: set[str]
    strict_particles: set[str]
    preps: set[str]
    deps: set[str]
    passive: bool
    obj: Token | None
    objs: list[Token]
    obj_lemmas: set[str]
    obj_is_actor: bool
    clause_obj: Token | None
    clause_lemmas: set[str]
    given: list[Token]
    given_lemmas: set[str]


def verb_match(
    tok: Token, actors: DocActors, book: PatternBook, trace: Trace | None = None
) -> Match | None:
    """The match of ``tok``'s most specific fitting verb row, with its roles; None when no row
    fits or the best is a no-event row ("met the deadline")."""
    patterns = book.verbs.get(tok.lemma_.lower())
    if not patterns:
        return None
    v = _parse(tok, actors, book)
    best: tuple[int, Pattern, list[Token] | None] | None = None
    for pattern in patterns:
        fit = _fit(tok, pattern, v, actors, book, trace)
        # A user's row outranks the built-in ones; then the more specific, then the earlier.
        if fit is not None and (best is None or (pattern.user, fit[0]) > (best[1].user, best[0])):
            best = (fit[0], pattern, fit[1])
    if best is None:
        return None
    _, pattern, heads = best
    if not pattern.cameo:
        # "met the deadline", "attacked the problem": a row that says the use is no event.
        reason = "the most specific matching row" + (" of the user's" if pattern.user else "")
        reason += ": no event"
        note(trace, tok.i, "chosen", reason, pattern, best[0])
        return None
    why = "the most specific matching row" + (" of the user's" if pattern.user else "")
    note(trace, tok.i, "chosen", why, pattern, best[0])
    match = Match(tok, pattern, "verb", mutual="mutual" in pattern.flags)
    obj = v.obj
    if obj is None and v.clause_obj is not None and pattern.objects & v.clause_lemmas:
        obj = v.clause_obj
    if (
        obj is not None
        and v.given
        and pattern.objects & v.given_lemmas
        and not pattern.objects & v.obj_lemmas
    ):
        heads = heads or [obj]  # the object is the recipient
        obj = v.given[0]
    if obj is None and pattern.objects:
        # "pulled out of the grain deal with Ukraine": the preposition's object is what is
        # done, and the other party may hang on it.
        obj = next(
            (p for p in prep_objects(tok, pattern.preps) if lemma_forms(p) & pattern.objects),
            None,
        )
    match.object_token = obj if pattern.objects else None
    verb_roles(match, obj, v.passive, heads, actors, book)
    return match


def _parse(tok: Token, actors: DocActors, book: PatternBook) -> _Parse:
    edges = [(c, c.dep_, c.lower_) for c in kids(tok)]  # Token.children builds anew
    up = counted_up(tok)
    if up is not None:  # "arrested up to 200 protesters": "up" is no particle
        edges = [(c, "quantity" if c is up else d, w) for c, d, w in edges]
    counted = counted_object(up)
    particles = {w for _, d, w in edges if d in ("prt", "advmod")}
    particles |= {w for c, _, w in edges if compound_prep(c)}  # "pulled out of"
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).head.i == tok.i:
        particles.add(tok.nbor(-2).lower_)  # "test-fired": the first part as a particle
    strict_particles = {w for _, d, w in edges if d == "prt"}
    passive = is_passive(tok)
    obj = next(iter(patients(tok) if passive else children(tok, "dobj") or counted), None)
    objs = conjoined(obj) if obj is not None else []
    # "allowed aid trucks to enter Gaza", parsed as a clause: its subject is what is let,
    # for rows that constrain the object
    clause_obj = None
    if obj is None and (clause := object_clause(tok)) is not None:
        clause_obj = next(iter(children(clause, "nsubj")), None)
    clause_lemmas = (
        {f for t in conjoined(clause_obj) for f in lemma_forms(t)} if clause_obj else set()
    )
    # "a new package of air defence missiles": the missiles are what is delivered; but in
    # "a suspension of aid" the suspension is what is done, a nominal event of its own.
    for _ in range(2):  # "three of the dozens of hostages"
        objs += [
            c
            for o in objs
            if o.lemma_.lower() not in book.nouns
            for p in prep_objects(o, frozenset({"of"}))
            for c in conjoined(p)  # "hundreds of drones and missiles"
            if c not in objs
        ]
    # "ended mediation efforts": the compound before a light head names what is done.
    objs += [c for o in objs if o.lemma_.lower() in LIGHT_OBJECTS for c in children(o, "compound")]
    # "dispatched a ship carrying tents and medicine": what the carrier carries
    objs += [
        d
        for o in objs
        for a in children(o, "acl")
        if a.lemma_.lower() in CARRYING
        for d in conjoined(next(iter(children(a, "dobj")), a))
        if d is not a
    ]
    obj_lemmas = {form for t in objs for form in lemma_forms(t)}
    # "supplied the army with armoured vehicles", "provided Samoa with 20 million dollars":
    # the object is whom it goes to, the with-phrase what is given
    given: list[Token] = []
    if obj is not None and not passive and actors.is_actor(obj):
        given = [
            c
            for w in prep_objects(tok, frozenset({"with"})) + prep_objects(obj, frozenset({"with"}))
            for t in [w, *prep_objects(w, frozenset({"of", "in"}))]
            for c in conjoined(t)
        ]
    given_lemmas = {form for t in given for form in lemma_forms(t)}
    preps = {w for _, d, w in edges if d in ("prep", "agent", "dative", "prt")}
    preps |= {g.lower_ for c, _, _ in edges if compound_prep(c) for g in children(c, "prep")}
    if obj is not None:
        preps |= {c.lower_ for c in kids(obj) if c.dep_ == "prep"}
    deps = {d for _, d, _ in edges}
    obj_is_actor = obj is not None and actors.is_actor(obj)
    return _Parse(
        particles, strict_particles, preps, deps, passive, obj, objs, obj_lemmas, obj_is_actor,
        clause_obj, clause_lemmas, given, given_lemmas,
    )  # fmt: skip


def _fit(
    tok: Token,
    pattern: Pattern,
    v: _Parse,
    actors: DocActors,
    book: PatternBook,
    trace: Trace | None,
) -> tuple[int, list[Token] | None] | None:
    """Whether ``pattern`` fits the verb: its score (specificity) and, for a ``recip`` row, the
    recipient heads it found; None (noted in the trace) when it does not fit."""
    score = 0
    if pattern.particles:
        if not pattern.particles & v.particles:
            if trace is not None:
                note(trace, tok.i, "rejected", f"particle {words(pattern.particles)} "
                           f"missing (found {words(v.particles)})", pattern)  # fmt: skip
            return None
        score += 2
    elif v.strict_particles - pattern.preps:
        if trace is not None:
            note(trace, tok.i, "rejected", f"particle {words(v.strict_particles)} not in "
                       "the row", pattern)  # fmt: skip
        return None  # "call off" is not "call"
    if pattern.objects:
        lemmas, targets = v.obj_lemmas, v.objs
        if v.obj is None and pattern.preps:
            # "took part in joint exercises": without a direct object, the object of
            # the row's preposition is what is done.
            targets = prep_objects(tok, pattern.preps)
            lemmas = {f for p in targets for f in lemma_forms(p)}
        if v.obj is None and pattern.objects & v.clause_lemmas:
            lemmas = v.clause_lemmas
        elif pattern.objects & v.given_lemmas and not pattern.objects & lemmas:
            lemmas = v.given_lemmas
        if not (
            pattern.objects & lemmas
            or ("@actor" in pattern.objects and v.obj_is_actor)
            or (  # "protested to Tokyo": no direct object, the preposition's is an actor
                "@actor" in pattern.objects
                and v.obj is None
                and any(actors.is_actor(t) for t in targets)
            )
            or ("@igo" in pattern.objects and names_igo(actors, targets))
            or ("@place" in pattern.objects and names_place(actors, targets))
        ):
            if trace is not None:
                note(trace, tok.i, "rejected", f"object constraint {words(pattern.objects)}"
                           f" not met (objects: {words(lemmas)})", pattern)  # fmt: skip
            return None
        score += 2
    if "xcomp" in pattern.flags and "xcomp" not in v.deps:
        note(trace, tok.i, "rejected", "xcomp flag: no to-infinitive complement", pattern)
        return None
    if "objcomp" in pattern.flags and not ({"xcomp", "dobj"} <= v.deps or object_clause(tok)):
        note(trace, tok.i, "rejected", "objcomp flag: no 'X to do' complement", pattern)
        return None
    if "ccomp" in pattern.flags and "ccomp" not in v.deps:
        note(trace, tok.i, "rejected", "ccomp flag: no clausal complement", pattern)
        return None
    if "that" in pattern.flags:
        if not that_clause(tok):
            note(trace, tok.i, "rejected", "that flag: no that-clause", pattern)
            return None
        score += 1  # a clause constraint met makes the row more specific
    if "intrans" in pattern.flags and v.obj is not None and not v.passive:
        # "fired on protesters" is shooting, "fired the minister" a dismissal.
        note(trace, tok.i, "rejected", "intrans flag: the verb has an object", pattern)
        return None
    heads = None
    if "recip" in pattern.flags:
        heads = recipient_heads(tok, pattern, v.obj, v.passive, actors, book)
        if not heads:
            note(trace, tok.i, "rejected", "recip flag: no actor recipient", pattern)
            return None  # "spoke with reporters" is no event; "spoke with Netanyahu" is
    if pattern.preps & v.preps:
        score += 1
    note(trace, tok.i, "matched", "", pattern, score)
    return score, heads


def noun_match(
    tok: Token, actors: DocActors, book: PatternBook, trace: Trace | None = None
) -> Match | None:
    """The match of ``tok``'s noun row (the one whose preposition is there, else the first),
    with its roles; None for a no-event row, or for a noun that is background, not news."""
    patterns = book.nouns.get(tok.lemma_.lower())
    if not patterns:
        return None
    preps = {c.lower_ for c in kids(tok) if c.dep_ == "prep"}
    pattern = max(patterns, key=lambda p: bool(p.preps & preps))
    if trace is not None:
        for other in patterns:
            why = f"preposition here: {words(preps)}"
            note(trace, tok.i, "chosen" if other is pattern else "outscored", why, other)
    if not pattern.cameo:
        return None  # a no-event row
    match = Match(tok, pattern, "noun", mutual="mutual" in pattern.flags)
    supported = nominal_roles(match, actors, book)
    # A noun alone ("China's assistance") is often background, not news: code it only
    # when it names its target, or when a verb like "launch" makes it the clause's act.
    heads = match.actor_heads
    partners = "mutual" in pattern.flags and len([a for h in heads for a in conjoined(h)]) > 1
    if not supported and not partners and not any(actors.resolve(h) for h in match.recipient_heads):
        reason = "noun with no resolved target, no support verb and no mutual partners"
        note(trace, tok.i, "dropped", reason, pattern)
        return None
    return match
