"""Modality: whether an act is reported as done. Negated and failed acts, hypothetical ones
(a modal verb or a condition), intended ones ("wants to attack", "is willing to help", "said it
would free": the intent code of ``intent.tsv``) and refused ones ("would not provide": 120).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.patterns import Match, PatternBook
from eventcoder.coding.trace import Trace, note
from eventcoder.coding.tree import kids
from eventcoder.ontology import Ontology

# "is willing to", "stands ready to": the act that follows is intended, not done.
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "eager", "determined", "keen"})
# "will meet", "would free": the act is to come.
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
# "will withdraw its troops unless it is paid": an announced act on a condition is a threat.
THREAT = "130"
# "could attack", "might impose sanctions": a possibility, not an act.
HYPOTHETICAL_AUX = frozenset({"could", "might", "may"})
# "if Pakistan attacks India": a condition states no act.
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# "Israel announced it would free prisoners": a speaker's own future act is an intention (03).
ANNOUNCING = frozenset(
    {"say", "announce", "tell", "state", "declare", "confirm", "insist", "add", "pledge",
     "promise", "vow", "reiterate", "affirm", "reaffirm", "indicate", "signal", "warn"}
)  # fmt: skip
# "failed to reach a deal": the act did not come about.
FAILING = frozenset({"fail"})


def mark_negation(match: Match, ontology: Ontology) -> None:
    """Set ``match.negated``; a failed cooperative act becomes a rejection (120), a failed
    hostile act is negated."""
    tok = match.token
    match.negated = is_negated(tok)
    if is_failed(tok) and not match.negated:
        # "failed to reach a deal": cooperation that did not come about is a
        # rejection (120); a failed hostile act is no act, as if negated.
        if ontology[match.code].quad_class <= 2:
            match.cameo = "120"
        else:
            match.negated = True


def mark_hypothetical(match: Match, book: PatternBook | None = None) -> None:
    """Suppress ``match`` when a modal or a condition makes it a possibility, not a report; a
    sanction or restriction (CAMEO 16, 17) an actor "may" impose if a condition holds is a
    threat (``book``'s intent codes): "the EC may halt mediation if cooperation founders" is
    131. Force that "could" come if something happens stays a possibility ("Iran could strike
    if the talks collapse")."""
    hypothetical = modal_condition(match.token)
    tok = match.token
    threat = book.intent.get(match.code[:2], "") if book is not None else ""
    if (
        hypothetical is not None
        and threat.startswith("13")
        and match.cameo is None
        and match.code[:2] in ("16", "17")
        and any(c.dep_ == "aux" and c.lower_ == "may" for c in kids(tok))
        and conditions(tok)
    ):
        match.cameo = threat
        return
    if hypothetical is not None and match.suppressed_by is None:
        # "Iran could attack Israel", "if Pakistan attacks India": no act is reported.
        match.suppressed_by = hypothetical
        match.suppressed_reason = "hypothetical (modal verb or condition)"


def willing(match: Match, book: PatternBook) -> None:
    """'The US is willing to provide loans' is an intention (033), not the act."""
    head = match.token.head
    if match.token.dep_ == "xcomp" and head.lemma_.lower() in INTENT_ADJECTIVES:
        intended = book.intent.get(match.code[:2])
        if intended is not None and match.cameo is None:
            match.cameo = intended


def intent(
    match: Match, found: dict[int, Match], book: PatternBook, trace: Trace | None = None
) -> None:
    """'Obama wants to attack X' is a threat; 'wants to help X' an intent to cooperate."""
    inner = next(
        (found[c.i] for c in kids(match.token) if c.dep_ == "xcomp" and c.i in found),
        None,
    )
    code = book.intent.get(inner.code[:2]) if inner is not None else None
    if inner is None or code is None:
        if inner is not None:
            inner.suppressed_by = inner.suppressed_reason = None
        why = "intended act has no intent code" if inner else "no coded act is intended"
        note(trace, match.token.i, "dropped", f"intent row: {why}", match.pattern)
        del found[match.token.i]
        return
    match.cameo = code
    match.recipient_heads = list(inner.recipient_heads)
    match.mutual = inner.mutual  # "India and Pakistan plan to hold talks": with each other
    inner.suppressed_by = match.token.i
    inner.suppressed_reason = "intended act (intent rewrite)"


def modality(match: Match, book: PatternBook, ontology: Ontology) -> None:
    """A refused cooperative act is a rejection: "he would not provide support" is 120. An
    announced future act is an intention: "Israel said it would free prisoners" is 035,
    "said it will launch missiles" a threat (138)."""
    tok = match.token
    if match.kind == "noun" and tok.dep_ == "dobj" and tok.head.i != tok.i:
        tok = tok.head  # "announced that he will extend the curfew": the verb it is done by
    if match.cameo is not None or not is_future(tok):
        return
    if match.negated:
        if ontology[match.code].quad_class <= 2:
            match.cameo, match.negated = "120", False
        return
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in ANNOUNCING:
        intended = book.intent.get(match.code[:2])
        if intended is not None:
            match.cameo = intended
            if not intended.startswith("13") and conditions(tok, frozenset({"unless"})):
                # "will withdraw its force from Chad unless elections are held": a threat
                match.cameo = THREAT


def is_future(tok: Token) -> bool:
    """Whether the trigger's clause is about the future ("will meet", "would free")."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in kids(tok))


def conditions(tok: Token, marks: frozenset[str] = CONDITIONAL_MARKS) -> list[Token]:
    """The clauses on verb ``tok`` that state a condition ("if the talks fail", "unless it is
    paid"): its ``advcl`` children marked by one of ``marks``."""
    return [
        c
        for c in kids(tok)
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in kids(c))
    ]


def modal_condition(tok: Token) -> int | None:
    """The modal ("could", "might") or conditional ("if") that makes the trigger's clause, or a
    clause it is the complement of, a possibility rather than a report; its index, or None."""
    for _ in range(3):
        for child in kids(tok):
            if child.dep_ == "aux" and child.tag_ == "MD" and child.lower_ in HYPOTHETICAL_AUX:
                return child.i
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return child.i
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def is_negated(tok: Token) -> bool:
    """True when the trigger or the clause it is the complement of is negated, also by its
    subject ("Neither France nor Germany boycotted the talks")."""
    for _ in range(3):
        if any(c.dep_ == "neg" for c in kids(tok)):
            return True
        if any(
            d.lower_ == "neither" and d.dep_ in ("det", "preconj", "cc")
            for s in kids(tok)
            if s.dep_ in ("nsubj", "nsubjpass")
            for d in kids(s)
        ):
            return True
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def is_failed(tok: Token) -> bool:
    """True when the trigger is what someone failed to do ("failed to reach a deal")."""
    for _ in range(3):
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in FAILING:
            return True
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
