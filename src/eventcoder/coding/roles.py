"""The roles of a trigger: who acts and whom the act is aimed at, as phrase heads on the
:class:`~eventcoder.coding.patterns.Match` (resolved to actors when the events are built).

A verb's actor is its clause's subject (:mod:`~eventcoder.coding.doers`) with the exceptions
below; its recipient the first of the places :func:`~eventcoder.coding.recipients.recipient_heads`
tries that names an actor. A noun's actor is its possessor, by-phrase, a country modifier or a
support verb's subject ("launched an attack").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.actors import DocActors
from eventcoder.coding.doers import nominal_doers, subject
from eventcoder.coding.naming import names_actor
from eventcoder.coding.patterns import Match, PatternBook, is_request
from eventcoder.coding.recipients import FALLBACK_PREPS, PLACE_PREPS, recipient_heads
from eventcoder.coding.tree import children, kids, object_clause, patients, prep_objects, reciprocal

# Verbs by which a body issues a text that then speaks for it ("passed a resolution condemning").
ISSUING = frozenset(
    {"pass", "adopt", "issue", "publish", "release", "approve", "unveil", "present", "submit",
     "table", "sign", "deliver", "send", "circulate", "draft"}
)  # fmt: skip


def verb_roles(
    match: Match,
    obj: Token | None,
    passive: bool,
    heads: list[Token] | None,
    actors: DocActors,
    book: PatternBook,
) -> None:
    """Fill the actor, recipient and place heads of a verb ``match`` (changed in place).

    obj: what the chosen row says is done (or whom). passive: the verb is passive. heads: the
    recipient heads a ``recip`` row found already.
    """
    tok, pattern = match.token, match.pattern
    match.actor_heads = subject(tok, book.nouns)
    if (
        passive
        and not match.actor_heads
        and (pattern.cameo[:2] == "17" or pattern.cameo.startswith("084"))
    ):
        # "a British couple has been detained in Iran", "two nationals detained in China
        # were released": only a state detains, jails, expels or frees; where it happened
        # says which.
        held = [a for p in patients(tok) for a in children(p, "acl") if a.tag_ == "VBN"]
        shared = [tok.head] if tok.dep_ == "conj" else []  # "rounded up in X and expelled"
        match.actor_heads = [
            p for a in [tok, *held, *shared] for p in actors.places(a, frozenset({"in"}))
        ][:1]
    head = tok.head
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and match.actor_heads == [head]
        and actors.resolve(head) is None
        and head.lemma_.lower() not in actors.documents
    ):
        # "maintained pressure on Islamabad urging it to act": a noun that names no one
        # (and no text that speaks for someone) does not act; the clause's subject does
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        match.actor_heads = subject(verb, book.nouns) if verb is not head else []
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() in ISSUING
        and head.lemma_.lower() in actors.documents
        and actors.resolve(head) is None
    ):
        # "the Senate passed a resolution condemning China": whoever issued the text
        match.actor_heads = subject(head.head, book.nouns)
    if heads is not None:
        match.recipient_heads = heads
    elif not pattern.norecip:
        match.recipient_heads = recipient_heads(tok, pattern, obj, passive, actors, book)
    if pattern.alone_code and not match.recipient_heads:
        match.place_heads = [
            p for a in [tok] + ([obj] if obj is not None else []) for p in
            actors.places(a, PLACE_PREPS)
        ]  # fmt: skip
    preps_all = pattern.preps | FALLBACK_PREPS
    clause = object_clause(tok) if "objcomp" in pattern.flags else None
    if clause is not None:
        # "wants Putin to attack": Putin, the subject of the wanted act, is asked.
        match.recipient_heads = children(clause, "nsubj")
    if not match.recipient_heads and any(
        reciprocal(t) for t in [*children(tok, "dobj"), *prep_objects(tok, preps_all)]
    ):
        # "both sides accused each other": the conjoined or paired actors are each
        # other's recipients, as for a mutual row.
        match.mutual = True
    if "inverse" in pattern.flags:
        # "received weapons from X": X gave, the subject received.
        match.actor_heads, match.recipient_heads = match.recipient_heads, match.actor_heads


def nominal_roles(match: Match, actors: DocActors, book: PatternBook) -> bool:
    """Fill the actor and recipient heads of a noun ``match``; returns whether a support verb
    makes the noun its clause's act ("launched an attack", "arrived for a visit")."""
    tok, pattern = match.token, match.pattern
    heads = nominal_doers(tok)
    if not heads:
        # "the Israeli attack": a country or organisation, not a role word ("official visit")
        heads = [
            c
            for c in kids(tok)
            if c.dep_ in ("amod", "compound", "nmod") and names_actor(actors, c, known_only=True)
        ]
    supported = False
    recipients = []
    if not pattern.norecip:
        # "the attack by the Prime Minister on Islamabad": the parser often hangs the target
        # on the by-phrase instead of the noun.
        recipients = [p for a in [tok, *heads] for p in prep_objects(a, pattern.preps)]
        if not any(names_actor(actors, r) for r in recipients):
            # "a suspension of aid to Uganda": the target hangs on what is suspended.
            recipients += [
                p
                for o in prep_objects(tok, frozenset({"of"}))
                for p in prep_objects(o, pattern.preps - {"of"})
            ]
    if not recipients and is_request(pattern.cameo):
        # "its demand that Israel ease restrictions": who is asked is the clause's subject
        recipients = [
            s for c in kids(tok) if c.dep_ in ("acl", "ccomp") for s in children(c, "nsubj")
        ]
    if not heads and tok.dep_ in ("dobj", "nsubjpass"):
        verb = tok.head
        if verb.lemma_.lower() in book.support_verbs:
            heads = subject(verb, book.nouns)
            supported = True
            if not recipients and not pattern.norecip:
                # "issued warrants for two men": the target hangs on the support verb.
                recipients = prep_objects(verb, pattern.preps)
    elif not heads and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "for", "on"):
        # "engaged Filipino peacekeepers in a firefight": the verb's object is the target;
        # "arrived in Dhaka for a visit to Bangladesh": the visitor is the verb's subject.
        verb = tok.head.head
        if verb.lemma_.lower() in book.support_verbs:
            heads = subject(verb, book.nouns)
            recipients = recipients or children(verb, "dobj")
            if not recipients and pattern.cameo[:2] == "04":
                # "arrived in Baghdad for talks": talks with whoever governs there
                recipients = actors.places(verb, frozenset({"in", "to", "at"}))
            supported = True
    match.actor_heads = heads
    match.recipient_heads = recipients
    return supported
