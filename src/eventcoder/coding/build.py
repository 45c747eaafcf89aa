"""Building the Events of a match: its actor and recipient heads resolved to actors, the code
each pair gets, domestic recipients, and the record (:func:`build_event`) with its PLOVER type,
mode, QuadClass and Goldstein value. Also what is done over a Doc's events once built: dropping
an event subsumed by the same one with a recipient, marking each sentence's main event.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from eventcoder.actors import ARMED_SECTORS, DocActors, parse_depth
from eventcoder.coding.naming import resolve, side
from eventcoder.coding.patterns import Match
from eventcoder.coding.recipients import FALLBACK_PREPS
from eventcoder.coding.trace import Trace, note
from eventcoder.coding.tree import children, conjoined, prep_objects
from eventcoder.coding.unnamed import attacker, locate
from eventcoder.ontology import Ontology
from eventcoder.records import Actor, Event, Trigger

# Violence by people protesting is a violent protest (CAMEO 145): beatings, clashes, storming,
# property damage ("torched a police station"), not bombings or missile fire, which stay what they
# are. Violence by security forces or the government against them is violent repression (175).
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
RIOTING = frozenset({"171", "1711", "1712", "180", "182", "1823", "190"})
RIOT, REPRESSION = "145", "175"
# The state's own bodies: their domestic acts are aimed at the country's people (domestic).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def match_events(
    match: Match,
    actors: DocActors,
    ontology: Ontology,
    doc_id: str,
    date: str | None,
    trace: Trace | None = None,
) -> Iterator[Event]:
    """The events of ``match``: one per actor its actor heads resolve to and per recipient.

    The code may depend on the actors: violence by protesters is a riot (145) and force against
    them repression (175); a row's ``person=`` code is used for a person or civilian body, its
    ``alone=`` code when there is no recipient; a domestic act gets its country's people or
    authorities as recipient (:func:`domestic`). A claim told in a quote is the speaker's
    accusation of the doers (112).
    """
    tok = match.token
    index = actors.sentence_of[tok.i]
    sent = actors.sentence_text(index)
    subjects = [a for h in match.actor_heads for a in conjoined(h)]
    verbal = ontology[match.code].quad_class in (1, 3)
    found = [
        a
        for h in subjects
        for a in resolve(actors, h)
        # "a report alleged": a text speaks for its author, in its own clause; it does not
        # act ("the statement comes ... seeking to mend ties").
        if a.kind != "author" or (verbal and h.head.i == tok.i)
    ]
    # "gunmen killed two soldiers in Kashmir": roles of no stated country take the place's.
    if not found:
        # "a journalist was killed in a car bomb explosion": an attack whose doer is not named
        unknown = attacker(actors, tok, match.code, subjects)
        found = [unknown] if unknown is not None else []
    found = [locate(actors, a, tok, verbal) for a in found]
    if not found and trace is not None:
        heads = ", ".join(h.text for h in subjects)
        why = f"no resolvable actor ({heads} name no actor)" if heads else "no actor found"
        note(trace, tok.i, "dropped", why, match.pattern)
    if match.claimed_by is not None:
        # '"India is destabilising Pakistan," Zakaria said': Zakaria accuses India.
        speaker = match.claimed_by
        for accused in found:
            if side(accused) != side(speaker):
                yield _event(
                    ontology, tok, speaker, accused, "112", index, sent, doc_id, date,
                    pattern=f"{match.pattern.source} (quoted claim)",
                )  # fmt: skip
        return
    protesting = any(actors.protesting(h) for h in subjects)
    # "fired on demonstrators in Nairobi": the recipient may be the place, the act is still
    # aimed at protesters.
    targets = [*match.recipient_heads, *children(tok, "dobj", "nsubjpass")]
    targets += prep_objects(tok, match.pattern.preps | FALLBACK_PREPS | {"on", "at"})
    protested = any(actors.protesting(c) for h in targets for c in conjoined(h))
    for actor in found:
        recipients: list[Actor | None] = [
            r
            for h in match.recipient_heads
            for c in conjoined(h)
            for r in map(lambda r: locate(actors, r, tok, verbal), resolve(actors, c, actor.code))
            if r.code != actor.code
        ]
        known = [r for r in recipients if r and not r.code.startswith("---")]
        if actor.country is None and actor.code.startswith("---") and not known:
            if trace is not None:
                why = f"unknown-country actor {actor.code} with no recipient of known country"
                note(trace, tok.i, "dropped", why, match.pattern)
            continue  # "militants killed people": no country on either side says too little
        if match.mutual and len(found) > 1 and not known:
            recipients = []
        if not recipients and match.mutual:
            # "India and Pakistan agreed": each agreed with the other.
            recipients = [other for other in found if other.code != actor.code]
        for recipient in recipients or [None]:
            cameo = match.code
            pattern = match.pattern
            source = pattern.source
            if match.specific is not None and cameo == match.specific:
                source = f"{source} ({match.specific_why})"  # "(weapon 'air strike', ...)"
            if protesting and cameo in RIOTING:
                # "rioters attacked the embassy": a riot, not an assault (nor, by a civilian
                # body, the criticism a person's "attack" is).
                cameo, source = RIOT, f"{source} (violence by protesters)"
            elif (
                match.cameo is None
                and match.specific is None  # a weapon named: force, not words
                and pattern.person_code
                and (actor.kind == "person" or (actor.sector and actor.sector not in ARMED_SECTORS))
            ):
                cameo = pattern.person_code
                if (
                    cameo == RIOT
                    and match.mutual
                    and recipient is not None
                    and recipient.sector in ("COP", "MIL")
                ):
                    # "students clashed with riot police": a violent protest, and the
                    # police's part of the clash is repression
                    yield _event(
                        ontology, tok, recipient, actor, REPRESSION, index, sent, doc_id, date,
                        match.negated, f"{source} (force against protesters)",
                    )  # fmt: skip
            elif match.cameo is None and pattern.alone_code and recipient is None:
                cameo = pattern.alone_code  # "Russia held exercises": alone, a show of force
                # "held exercises in Alaska": a show of force to the country it happens in
                recipient = next(
                    (
                        r
                        for h in match.place_heads
                        for r in resolve(actors, h)
                        if r.country and r.country != actor.country
                    ),
                    None,
                )
            if (
                not protesting
                and protested
                and cameo[:2] in VIOLENT_ROOTS
                and (actor.sector in ARMED_SECTORS or actor.sector == "GOV")
            ):
                # "police clashed with rioters": repression; in a clash, both sides act.
                cameo, source = REPRESSION, f"{source} (force against protesters)"
                if match.mutual and recipient is not None:
                    yield _event(
                        ontology, tok, recipient, actor, RIOT, index, sent, doc_id, date,
                        match.negated, f"{match.pattern.source} (violence by protesters)",
                    )  # fmt: skip
            # "prepared to impose martial law", "would lift the ban on the FIS": a threat or
            # promise of a domestic act is aimed where the act would be
            act = match.pattern.cameo if match.cameo is not None else cameo
            recipient = domestic(actor, recipient, act, tok)
            yield _event(
                ontology, tok, actor, recipient, cameo, index, sent, doc_id, date,
                match.negated, source,
            )  # fmt: skip


def _event(
    ontology: Ontology,
    tok: Token,
    actor: Actor,
    recipient: Actor | None,
    cameo: str,
    index: int,
    sentence: str,
    doc_id: str,
    date: str | None,
    negated: bool = False,
    pattern: str = "",
) -> Event:
    """The event ``actor`` -> ``cameo`` -> ``recipient`` triggered by ``tok``."""
    return build_event(
        ontology, cameo, tok, actor, recipient, index, sentence, pattern,
        doc_id=doc_id, date=date, negated=negated,
    )  # fmt: skip


def build_event(
    ontology: Ontology,
    cameo: str,
    tok: Token,
    actor: Actor,
    recipient: Actor | None,
    index: int,
    sentence: str,
    pattern: str,
    doc_id: str = "",
    date: str | None = None,
    negated: bool = False,
    is_root: bool = False,
) -> Event:
    """An :class:`Event` coded ``cameo`` (its PLOVER type, mode, context, QuadClass and
    Goldstein value from ``ontology``), triggered by ``tok`` in sentence ``index``."""
    info = ontology[cameo]
    return Event(
        event_id="",
        doc_id=doc_id,
        sentence_index=index,
        date=date,
        actor=actor,
        recipient=recipient,
        event_type=info.event_type,
        mode=info.mode,
        context=info.context,
        cameo=cameo,
        cameo_root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        trigger=Trigger(tok.text, tok.idx, tok.idx + len(tok.text)),
        sentence=sentence,
        is_root=is_root,
        negated=negated,
        pattern=pattern,
    )


def drop_subsumed(events: list[Event]) -> list[Event]:
    """Drop an event without recipient when the same sentence has it with one."""
    with_recipient = {
        (e.sentence_index, e.actor.code, e.event_type) for e in events if e.recipient is not None
    }
    return [
        e
        for e in events
        if e.recipient is not None
        or (e.sentence_index, e.actor.code, e.event_type) not in with_recipient
    ]


def mark_roots(doc: Doc, events: list[Event]) -> None:
    """Mark each sentence's main event: the one whose trigger is nearest the parse root."""
    by_sentence: dict[int, list[tuple[int, Event]]] = {}
    for event in events:
        token = doc.char_span(event.trigger.start, event.trigger.end)
        depth = parse_depth(token.root) if token is not None else 99
        by_sentence.setdefault(event.sentence_index, []).append((depth, event))
    for candidates in by_sentence.values():
        best = min(depth for depth, _ in candidates)
        for depth, event in candidates:
            event.is_root = depth == best


def domestic(actor: Actor, recipient: Actor | None, cameo: str, tok: Token) -> Actor | None:
    """The recipient of a domestic act, when the text names none of known country.

    A protest or strike by a country's people with no target named is aimed at its authorities
    ("Greek workers walked off the job"), and so is calling one off (082); a state's concession,
    restriction or repression with no target named, or aimed at people of no stated country, is
    aimed at its own people ("Nepal reversed its ban", "Kenyan police arrested 40 protesters"),
    except easing sanctions, letting outsiders in and de-escalating (085-087), and, for a bare
    country name, yielding other than easing restrictions or dissent and acceding to demands
    (081-083). The recipient takes the actor's country (and the role's sector), ``kind:
    "domestic"``. Armies are left out: they often act abroad.
    """
    if actor.country is None or (recipient is not None and not recipient.code.startswith("---")):
        return recipient
    root = cameo[:2]
    if root == "14" or cameo[:3] == "082":
        # protests, and calling them off ("the union called off its strike"): aimed at the
        # country's authorities
        if recipient is not None or actor.sector in STATE_SECTORS:
            return recipient
    elif root not in ("08", "17") or (actor.sector and actor.sector not in STATE_SECTORS):
        return recipient
    elif cameo[:3] in ("085", "086", "087"):
        return recipient  # easing sanctions, letting outsiders in, de-escalating: international
    elif root == "08" and actor.sector is None and cameo[:3] not in ("081", "082", "083"):
        return recipient  # "Hungary dropped its objections": a country yields to someone
    if actor.sector == "MIL":
        return recipient
    sector = recipient.sector if recipient is not None else None
    code = actor.country + (sector or "")
    if recipient is not None:
        return Actor(recipient.text, code, actor.country, sector, recipient.name,
                     recipient.start, recipient.end, "domestic")  # fmt: skip
    return Actor("", code, actor.country, None, None, tok.idx, tok.idx, "domestic")
