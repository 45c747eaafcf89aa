"""Speech acts whose clause says what the event is: claims ("X said Y attacked Z" is X accusing
Y, 112), demands ("said Israel must end the strikes", 100), allegations (not told as done),
warnings (a threat only about the speaker's or the warned side's acts), orders to leave
(expulsions, 174/161/166), threats' conditions, and hostile acts told in a direct quote (the
speaker's accusation).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from spacy.tokens import Token

from eventcoder.actors import DocActors
from eventcoder.coding.modality import conditions
from eventcoder.coding.naming import names_actor, party, resolve, side
from eventcoder.coding.patterns import Match
from eventcoder.coding.trace import Trace, note
from eventcoder.coding.tree import children, conjoined, kids, object_clause
from eventcoder.ontology import Ontology
from eventcoder.records import Actor

# "X said Y must do": a demand on Y (CAMEO 100).
DEMANDING_AUX = frozenset({"must"})
DEMAND = "100"
# "a report alleged that X attacked": an allegation does not tell that the act happened.
ALLEGING = frozenset({"allege", "claim"})
# "ordered X to leave the country": an expulsion.
ORDERING = frozenset({"order", "tell", "instruct", "direct", "force"})
LEAVING = frozenset({"leave", "quit", "depart", "exit", "vacate"})
DIPLOMATS = frozenset({"ambassador", "envoy", "diplomat", "attache", "consul", "charge"})


class Reported(StrEnum):
    """What a reported act ("X said that Y attacked Z") gives: the act and, from a party, the
    accusation (both); the act only; or the accusation only (the coder's rule before 2026-12)."""

    both = "both"
    act = "act"
    accusation = "accusation"


REPORTED = tuple(r.value for r in Reported)
REPORTED_DEFAULT = Reported.both.value


def claim(
    match: Match,
    found: dict[int, Match],
    actors: DocActors,
    ontology: Ontology,
    trace: Trace | None = None,
    reported: str = REPORTED_DEFAULT,
) -> None:
    """'X said that Y attacked Z': a reported act is the act (Y attacked Z), and when X is a
    party to the quarrel (X is Z's side) also X's accusation of Y (CAMEO 112); not when X is
    the media reporting it or Y is X. reported: ``both`` (that), ``act`` (the act only) or
    ``accusation`` (the accusation only, for any speaker of another side than Y: the reported
    act is then not coded).

    The first conflictual event inside a say-verb's clausal complement is the one reported; an
    accusation takes its doer as recipient. A ``ccomp`` row with no accusation to make does not
    match at all. Allegations ("alleged that") and accusations ("accused X of") stay what they
    were: the act is not told as done.
    """
    # "accused India of financing terror": what X is accused of is the claim, not an event.
    for prep in kids(match.token):
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "by"):
            for tok in prep.subtree:
                if tok.i in found and found[tok.i] is not match:
                    found[tok.i].suppressed_by = match.token.i
                    found[tok.i].suppressed_reason = "what the actor is accused of"
    speakers = [a for h in match.actor_heads for a in resolve(actors, h)]
    own = set(map(side, speakers))
    alleged = match.token.lemma_.lower() in ALLEGING  # "claimed that": not told as done
    # The media reporting, or "officials" of no known side, only attribute the news.
    reporting = not speakers or any(a.sector == "JRN" or a.code.startswith("---") for a in speakers)
    if not reporting and _demand(match, found, actors, speakers):
        return
    for clause in children(match.token, "ccomp"):
        for tok, inner in _open_matches(clause, match, found):
            if not _on_main_chain(tok, clause):
                continue  # "victims killed by the crash" is background to the claim
            if ontology[inner.code].quad_class < 3 or not inner.actor_heads:
                continue
            if "claim" in inner.pattern.flags or inner.negated:
                continue
            accused = [a for h in inner.actor_heads for a in resolve(actors, h)]
            if reporting or not accused or {side(a) for a in accused} & own:
                break
            # A direct quote is the speaker's words, not a report: its act stays the accusation
            quoted = inner.token.i in actors.speakers
            told = "ccomp" in match.pattern.flags and not alleged and not quoted
            if reported != "accusation" and told:
                # "Russian troops shelled Avdiivka, Kyiv said": the shelling is the news, and
                # Kyiv, whose town was shelled, also accuses Russia; a third party ("Human
                # Rights Watch said security forces in Guinea tortured Liberian refugees") only
                # tells it. An act aimed at no one of another known side is taken to be aimed
                # at the speaker ("said Thai forces fired shells into Oddar Meanchey").
                doer = accused[0].code
                targets = [a for h in inner.recipient_heads for a in resolve(actors, h, doer)]
                others = [a for a in targets if side(a) not in own and a.code[:3] != "---"]
                if reported == "act" or others:
                    break
                match.recipient_heads = list(inner.actor_heads)
                return
            match.recipient_heads = list(inner.actor_heads)
            inner.suppressed_by = match.token.i
            inner.suppressed_reason = "claim: the speaker's accusation"
            # "said Russia fired 800 drones, killing 12": all of it is the claim
            for t in clause.subtree:
                other = found.get(t.i)
                if (
                    other is not None
                    and other is not match
                    and other.suppressed_by is None
                    and ontology[other.code].quad_class >= 3
                    and not children(t, "nsubj", "nsubjpass")
                ):
                    other.suppressed_by = match.token.i
                    other.suppressed_reason = "claim: part of the speaker's accusation"
            return
    if alleged:
        # "a report alleged that France helped carry out killings": an allegation does not
        # tell that the act happened, nor does a side's claim of its own act ("the rebels
        # claimed that they had attacked the base"): both are statements. Another side
        # the clause is about is the one accused ("alleged that France was aware").
        if not match.recipient_heads and not reporting:
            for clause in children(match.token, "ccomp"):
                subjects = children(clause, "nsubj", "nsubjpass")
                about = [a for h in subjects for a in resolve(actors, h)]
                if about and not {side(a) for a in about} & own:
                    match.recipient_heads = subjects
                    break
        for clause in children(match.token, "ccomp"):
            for _, inner in _open_matches(clause, match, found):
                inner.suppressed_by = match.token.i
                inner.suppressed_reason = "alleged, not reported as done"
    if "ccomp" in match.pattern.flags:
        reason = "ccomp flag: no conflictual claim by another side in the complement"
        note(trace, match.token.i, "dropped", reason, match.pattern)
        del found[match.token.i]


def _demand(
    match: Match, found: dict[int, Match], actors: DocActors, speakers: list[Actor]
) -> bool:
    """'Russia said Israel must end the strikes': what another side must do is demanded
    of it (CAMEO 100), not reported as done. Returns whether the claim was a demand."""
    for clause in children(match.token, "ccomp"):
        if not any(c.dep_ == "aux" and c.lower_ in DEMANDING_AUX for c in kids(clause)):
            continue
        subjects = children(clause, "nsubj")
        asked = [a for h in subjects for a in resolve(actors, h)]
        if not asked or {party(a) for a in asked} & set(map(party, speakers)):
            continue  # "Pakistan said it must defend itself" is no demand; rebels' of the
            # government is ("Rwandan rebels announced that Kagame must agree to changes")
        match.cameo = DEMAND
        match.recipient_heads = subjects
        for _, inner in _open_matches(clause, match, found):
            inner.suppressed_by = match.token.i
            inner.suppressed_reason = "what is demanded, not done"
        return True
    return False


def warning(match: Match, actors: DocActors) -> None:
    """'Somalia warned that al-Shabaab could retake territory': a warning about what a third
    party may do is no threat by the speaker. A threat's clause is about the speaker's own
    act ("warned that it would retaliate") or the warned side ("warned Iran that it would
    pay"); a clause whose subject is another actor is news, not a threat."""
    if match.suppressed_by is not None:
        return
    doers = [a for h in match.actor_heads for a in resolve(actors, h)]
    warned = [a for h in match.recipient_heads for a in resolve(actors, h)]
    sides = {party(a) for a in doers + warned}
    for clause in children(match.token, "ccomp"):
        for subject in children(clause, "nsubj", "nsubjpass"):
            if not actors.names_actor_itself(subject):
                continue  # "warned that Taiwan independence means war"
            # an actor of no known country ("its fighters") may be anyone's
            about = [a for a in resolve(actors, subject) if not a.code.startswith("---")]
            if about and sides and not {party(a) for a in about} & sides:
                match.suppressed_by = subject.i
                match.suppressed_reason = "a warning about a third party's act, no threat"
                return


def expulsion(match: Match, actors: DocActors) -> None:
    """'Niger ordered the Red Cross to leave the country': an order to leave is an
    expulsion (174), of an international or aid body a withdrawal forced on it (166)."""
    tok = match.token
    if match.kind != "verb" or match.code[:2] != "10" or tok.lemma_.lower() not in ORDERING:
        return
    clause = object_clause(tok)
    complements = children(tok, "xcomp") + ([clause] if clause is not None else [])
    complements = [c for x in complements for c in [x, *children(x, "conj")]]
    if not any(c.lemma_.lower() in LEAVING for c in complements):
        return
    targets = [a for h in match.recipient_heads for a in resolve(actors, h)]
    bodies = any(a.code.startswith("IGO") or a.sector == "NGO" for a in targets)
    envoys = any(h.lemma_.lower() in DIPLOMATS for h in match.recipient_heads)
    # expelling an envoy reduces relations (161), as the CAMEO codebook has it
    match.cameo = "166" if bodies else "161" if envoys else "174"


def threat_condition(match: Match, actors: DocActors) -> None:
    """A threat with no recipient named is aimed at whoever its condition is about."""
    if match.code[:2] == "13" and not any(names_actor(actors, h) for h in match.recipient_heads):
        # "warned it would use nuclear weapons if the US crossed its red lines": the
        # threat is aimed at whoever the condition is about
        scope = [match.token, *children(match.token, "xcomp", "ccomp")]
        match.recipient_heads = [
            s for t in scope for c in conditions(t) for s in children(c, "nsubj", "nsubjpass")
        ]


def quoted_claim(match: Match, actors: DocActors, ontology: Ontology) -> None:
    """A hostile act a direct quote says someone else did is the speaker's accusation of
    them (112), as with "X said that Y attacked Z" (docs/quotes.md)."""
    speaker = actors.speakers.get(match.token.i)
    if speaker is None or match.suppressed_by is not None or match.negated:
        return
    if ontology[match.code].quad_class < 3 or "claim" in match.pattern.flags:
        return
    doers = [a for h in match.actor_heads for c in conjoined(h) for a in resolve(actors, c)]
    if doers and all(side(a) != side(speaker) for a in doers):
        match.claimed_by = speaker


def _open_matches(
    clause: Token, match: Match, found: dict[int, Match]
) -> Iterator[tuple[Token, Match]]:
    """The tokens of ``clause`` with a match other than ``match`` that nothing has suppressed
    yet (checked as each is reached: what the caller suppresses on the way is skipped)."""
    for tok in clause.subtree:
        inner = found.get(tok.i)
        if inner is not None and inner is not match and inner.suppressed_by is None:
            yield tok, inner


def _on_main_chain(tok: Token, clause: Token) -> bool:
    """Whether ``tok`` is ``clause`` or hangs from it through conjuncts and complements only."""
    while tok.i != clause.i:
        # "fired 800 drones, killing 12": a participle clause carries the act on
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and not children(tok, "nsubj")
        if (tok.dep_ not in ("conj", "xcomp", "ccomp") and not participle) or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True
