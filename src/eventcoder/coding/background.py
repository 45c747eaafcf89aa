"""What is background, not news: matches that another trigger governs or that a phrase makes
the reason, topic, content or condition of another act. Each is marked ``suppressed_by`` (the
word that makes it so) with a ``suppressed_reason``, and is not coded, but ``explain`` shows it.

- nested acts: a nominal event under a support verb ("approved the deployment of troops": the
  deployment is the act), objects of another trigger ("condemned the killing of"), complements
  of a governing trigger ("threatened to impose sanctions": the threat);
- relative clauses ("the group that seized Mosul"), reasons and purposes ("jailed for helping
  militants", "pressure to help Iran");
- background phrases (:mod:`~eventcoder.coding.reasons`): reasons, topics, charges,
  conditions, "any attempt to", refusals, calls, reports, promises, a protest's demands.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.patterns import (
    VERBAL_CONFLICT_ROOTS,
    Match,
    PatternBook,
    is_request,
)
from eventcoder.coding.reasons import PROMISES, background_reason
from eventcoder.coding.tree import (
    children,
    conjoined,
    is_infinitive,
    object_clause,
    prep_objects,
)
from eventcoder.ontology import Ontology

# "gave permission to Russia to help Israel": the help is what is allowed, not an act.
PERMISSION_NOUNS = frozenset(
    {"permission", "approval", "consent", "authorisation", "authorization", "mandate", "licence",
     "license", "clearance", "access"}
)  # fmt: skip
# "denied that its troops attacked": the act is what is denied.
DENYING = frozenset({"deny"})


def mark_nested(match: Match, found: dict[int, Match], book: PatternBook) -> None:
    """Mark what ``match`` governs, or ``match`` itself when a trigger governs it: the nominal
    event a support verb's row has as object, the nominal triggers in ``match``'s object, and
    ``match`` as the complement of a governing trigger (which takes its recipient, and for a
    threat its code of force)."""
    supported = supported_noun(match, found, book)
    if supported is not None:
        # "approved the deployment of troops": the deployment is the act.
        match.suppressed_by = supported
        match.suppressed_reason = "support verb of a nominal event"
    obj = match.object_token
    blocking = match.code == "129" or match.code[:2] == "16"  # veto, block, halt
    # "condemned the killing of", "protesting the beating of", "investigate the attack":
    # what is condemned, protested or investigated is told as the speaker's view
    judging = match.code[:2] in ("09", "11", "14") and match.kind == "verb"
    if obj is None and (blocking or judging) and match.kind == "verb":
        obj = next(iter(children(match.token, "dobj")), None)
    if obj is not None:
        inner = []
        if blocking or judging:
            # "blocked a package of EU sanctions": what is blocked is not done
            inner = [c for p in prep_objects(obj, frozenset({"of"})) for c in conjoined(p)]
        for o in conjoined(obj) + inner:
            # a gerund object is a noun here ("vetoed ... censuring Israel")
            if o.i in found and (found[o.i].kind == "noun" or (blocking and o.tag_ == "VBG")):
                found[o.i].suppressed_by = match.token.i
                found[o.i].suppressed_reason = "object of another trigger"
    if (blocking or match.code[:2] == "12") and match.kind == "verb":
        # "rejected an offer for direct talks", "vetoed a resolution condemning Israel": what
        # the rejected thing would bring about is not done (what is rejected may have
        # happened: "rejected Modi's attack")
        for rejected in children(match.token, "dobj"):
            for act in prep_objects(rejected, frozenset({"for"})) + children(rejected, "acl"):
                if act.i in found and act.i != match.token.i:
                    found[act.i].suppressed_by = match.token.i
                    found[act.i].suppressed_reason = "what is rejected or blocked, not done"
    tok = match.token
    governing = complement_head(tok, found)
    if governing is not None:
        # "threatened to impose sanctions": the threat is the event, not the sanctions,
        # and it is aimed where the sanctions would be.
        match.suppressed_by = governing.token.i
        match.suppressed_reason = "complement of a governing trigger"
        if not governing.recipient_heads and not governing.pattern.norecip:
            governing.recipient_heads = list(match.recipient_heads)
        threat = book.intent.get(match.code[:2], "")
        if governing.code == "130" and governing.cameo is None and threat[:2] == "13":
            # "threatened to strike Seoul" is a threat of force (138), not just a threat
            governing.cameo = threat


def mark_background(match: Match, found: dict[int, Match], ontology: Ontology) -> None:
    """Mark ``match`` suppressed when it is in a relative clause, is the reason or purpose of
    another trigger, or is background by :func:`background_reason`."""
    tok = match.token
    if tok.dep_ == "relcl" and match.suppressed_by is None:
        # "the group that seized Mosul": background to the sentence, not its news.
        match.suppressed_by = tok.head.i
        match.suppressed_reason = "relative clause"
    verbal = ontology[match.code].quad_class in (1, 3)
    governor = governing_trigger(tok, found, verbal, match.code[:2] == "14")
    if governor is not None and match.suppressed_by is None:
        # "jailed for helping militants", "pressure to help Iran", "permission to help":
        # the reason for an act or the content of a request is not itself an event.
        match.suppressed_by = governor
        match.suppressed_reason = "reason or purpose clause"
    if match.suppressed_by is None:
        background = background_reason(tok, found)
        if background is not None:
            match.suppressed_by, match.suppressed_reason = background
            promise = found.get(background[0])
            if (
                promise is not None
                and promise.code[:2] in PROMISES
                and tok.pos_ == "NOUN"
                and not promise.recipient_heads
                and not promise.pattern.norecip
            ):
                # "promised to continue military aid to Mozambique": the promise is aimed
                # where the aid would go
                promise.recipient_heads = list(match.recipient_heads)


def supported_noun(match: Match, found: dict[int, Match], book: PatternBook) -> int | None:
    """The nominal event that ``match``, a support verb's row with no object constraint,
    has as its object ("approved the deployment of troops"), or None."""
    tok, pattern = match.token, match.pattern
    if match.kind != "verb" or pattern.objects or "intent" in pattern.flags:
        return None
    if tok.lemma_.lower() not in book.support_verbs:
        return None
    nouns = [o.i for o in children(tok, "dobj") if o.i in found and found[o.i].kind == "noun"]
    return nouns[0] if nouns else None


def complement_head(tok: Token, found: dict[int, Match]) -> Match | None:
    """The trigger ``tok`` is the complement of: "threatened to impose", "agreed to meet and
    sign", "wants Putin to attack", "demanded that Maduro step down" (and "hand over their
    weapons" conjoined to it)."""
    head = tok.head
    dep = tok.dep_
    if dep == "conj" and head.dep_ in ("xcomp", "ccomp"):
        dep = head.dep_
        head = head.head
    if dep == "ccomp":
        demand = head.i in found and is_request(found[head.i].code)
        denial = head.lemma_.lower() in DENYING  # "denied that its troops attacked"
        if not demand and not denial and object_clause(head) is None:
            return None
    elif dep != "xcomp":
        return None
    for _ in range(2):
        # "urged Turkey to help fund the mission", "agreed to begin pulling back": through
        # verbs that are no triggers themselves
        if head.i in found or head.dep_ != "xcomp" or head.head.i == head.i:
            break
        head = head.head
    return found.get(head.i) if head.i != tok.i else None


def governing_trigger(
    tok: Token, found: dict[int, Match], verbal: bool = False, protest: bool = False
) -> int | None:
    """The trigger whose reason (``for``/``of`` + gerund) or purpose/content (to-infinitive on it
    or on its object) ``tok`` is, if any. verbal: ``tok``'s act is a verbal one (quad class 1
    or 3), which a purpose clause states through the governing act; protest: it is a protest
    (root 14), which a verbal conflict act ("summoned the ambassador to protest") makes."""
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ in ("for", "of") and head.head.i in found:
        return head.head.i
    if not is_infinitive(tok) or tok.dep_ not in ("xcomp", "acl", "relcl", "advcl"):
        return None
    if tok.dep_ == "advcl":
        # "pressured by Congress to help Iran", "gave permission to Russia to help Israel": what
        # is asked or allowed; "marched to demand", "summoned the envoy to protest": the message
        # of the act. Material purposes ("deployed troops to help the government") stay events.
        asking = found.get(head.i)
        if asking is None or head.i == tok.i:
            return None
        obj = asking.object_token
        allowed = obj is not None and obj.lemma_.lower() in PERMISSION_NOUNS
        protesting = protest and asking.code[:2] in VERBAL_CONFLICT_ROOTS
        return head.i if verbal or is_request(asking.code) or allowed or protesting else None
    if protest and head.dep_ == "dobj" and head.head.i in found:
        # "summoned Iraq's ambassador to protest": the summons is the protest
        return head.head.i if found[head.head.i].code[:2] in VERBAL_CONFLICT_ROOTS else None
    if head.i in found and head.i != tok.i:
        return head.i
    if head.dep_ in ("dobj", "pobj", "nsubjpass") and head.head.i in found:
        return head.head.i
    if head.dep_ == "pobj" and head.head.head.i in found:
        return head.head.head.i
    return None
