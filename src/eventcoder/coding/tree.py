"""The dependency parse read the way the coding rules need it: a token's children by label,
conjuncts, prepositional objects, passives, clauses. Pure functions of the parse, no tables.

Token.children builds new Token objects on every access and the rules ask for children many
times, so the children of the Doc being coded are built once (by DocActors) and read from
:data:`TREE` while :meth:`~eventcoder.coding.EventCoder.code` runs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token


class _Tree:
    """The children of every token of the Doc being coded, built once by DocActors: Token.children
    builds new Token objects on every access, and the coder asks for children many times."""

    doc: Doc | None = None
    kids: list[list[Token]] = []  # noqa: RUF012


TREE = _Tree()


def kids(tok: Token) -> list[Token]:
    if tok.doc is TREE.doc:
        return TREE.kids[tok.i]
    return list(tok.children)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in kids(tok) if c.dep_ in deps]


def conjoined(tok: Token) -> list[Token]:
    """``tok`` and the words conjoined with it ("India and Pakistan"), also when the parser hangs
    the conjunct on another word of the same name ("Barack Obama and Vladimir Putin")."""
    out = [tok]
    name = [c for c in kids(tok) if c.ent_iob_ == "I" and c.ent_type_ == tok.ent_type_]
    for word in [tok, *name]:
        for child in kids(word):
            if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                out.extend(conjoined(child))
    return out


def counted_up(tok: Token) -> Token | None:
    """The "up" of "arrested up to 200 protesters", which the parser takes for a particle of
    ``tok``; None when ``tok`` has no such "up"."""
    for up in kids(tok):
        if up.dep_ == "prt" and up.lower_ == "up" and up.i + 2 < len(up.doc):
            to, number = up.nbor(1), up.nbor(2)
            if to.lower_ == "to" and (number.like_num or number.pos_ == "NUM"):
                return up
    return None


def counted_object(up: Token | None) -> list[Token]:
    """The object of "kidnapped up to 16 advisers" when the parser hangs it under the "up" it
    took for a particle (``up``, from :func:`counted_up`): ``[advisers]``; else ``[]``."""
    if up is None:
        return []
    return [o for to in kids(up) if to.dep_ == "prep" for o in kids(to) if o.dep_ == "pobj"]


def lemma_forms(tok: Token) -> set[str]:
    """A noun's lemma, and with its compound modifiers closed up or hyphenated: "air strikes"
    is also "airstrike", "cease-fire" (tokenised cease - fire) also "ceasefire"."""
    lemma = tok.lemma_.lower()
    compounds = [c for c in kids(tok) if c.dep_ == "compound" and c.i < tok.i]
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.i - 2 not in {c.i for c in compounds}:
        compounds.append(tok.nbor(-2))
    parts = [c.lower_ for c in sorted(compounds, key=lambda c: c.i)]
    if not parts:
        return {lemma}
    joined = "".join(parts)
    return {lemma, joined + lemma, "-".join([*parts, lemma])}


def reciprocal(tok: Token) -> bool:
    """Whether ``tok`` heads "each other" or "one another"."""
    words = {tok.lower_} | {c.lower_ for c in kids(tok) if c.dep_ in ("det", "amod", "nummod")}
    return words >= {"each", "other"} or words >= {"one", "another"}


def is_infinitive(tok: Token) -> bool:
    """Whether ``tok`` is a to-infinitive ("to attack")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok))


# Participles that, as "be X to", state their subject's stance, not what was done to it: "Israel
# is opposed to French mediation" is Israel opposing it.
STANCES = frozenset({"oppose"})


def is_stance(tok: Token) -> bool:
    """Whether ``tok`` is "be opposed to" with no by-phrase: its subject holds the stance."""
    return (
        tok.lemma_.lower() in STANCES
        and not children(tok, "agent")
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in kids(tok))
    )


def is_passive(tok: Token) -> bool:
    if is_stance(tok):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(tok)):
        return True
    # "were arrested in March and released by the police": a participle sharing the passive.
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VBN"
        and tok.head.i != tok.i
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(tok.head))
        and not children(tok, "nsubj", "dobj")
    )


def patients(tok: Token) -> list[Token]:
    """The subject of a passive verb: its own, or for a conjunct with none, the subject the
    conjuncts share ("were arrested and released", "civilians detained in May were released")."""
    own = children(tok, "nsubjpass")
    if own or tok.dep_ != "conj" or children(tok, "nsubj"):
        return own
    return children(tok.head, "nsubjpass", "nsubj")[:1]


def prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for child in kids(tok):
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out.extend(children(child, "pobj", "pcomp"))
        elif compound_prep(child):
            # "pulled out of Gaza": the parser hangs "of" on "out".
            out.extend(p for g in children(child, "prep") if g.lower_ in preps
                       for p in children(g, "pobj", "pcomp"))  # fmt: skip
    return out


def compound_prep(tok: Token) -> bool:
    """Whether ``tok`` is the first word of a two-word preposition ("out of", "away from"): a
    preposition with no object of its own but a preposition under it."""
    return tok.dep_ == "prep" and not children(tok, "pobj", "pcomp") and bool(children(tok, "prep"))


def that_clause(tok: Token) -> bool:
    """Whether ``tok`` has a finite clausal complement ("agreed with France that ...")."""
    return any(
        c.dep_ == "ccomp" and not any(g.dep_ == "aux" and g.lower_ == "to" for g in kids(c))
        for c in kids(tok)
    )


def object_clause(tok: Token) -> Token | None:
    """The to-infinitive clause with a subject of its own: "wants Putin to attack" (a ccomp)."""
    for child in kids(tok):
        if child.dep_ == "ccomp" and is_infinitive(child) and children(child, "nsubj"):
            return child
    return None


def gerund_after(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is followed by a subjectless gerund hanging on ``verb`` or on it: a
    nominal act the parser took for a verb ("in Israeli tank shelling")."""
    doc = noun.doc
    if noun.i + 1 >= len(doc):
        return False
    nxt = doc[noun.i + 1]
    return (
        nxt.tag_ == "VBG"
        and nxt.dep_ in ("advcl", "acl", "xcomp")
        and nxt.head.i in (verb.i, noun.i)
        and not children(nxt, "nsubj", "dobj")
    )


def enclosing_prep(tok: Token) -> Token | None:
    """The preposition whose phrase ``tok`` is in: "over [its support for the rebels]", "on
    [ending the war]", "on [soldiers deployed to Kursk]"."""
    for _ in range(4):
        if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ in ("prep", "agent"):
            return tok.head
        if tok.dep_ not in ("conj", "acl", "compound", "amod") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
