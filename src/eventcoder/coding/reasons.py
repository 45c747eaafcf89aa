"""Background phrases: a trigger in a phrase or clause that makes it the reason, topic, charge,
condition or content of another act, not news of its own (:func:`background_reason`):

- reasons: "froze aid over its support for the rebels", "sanctions on Syria for its support of
  militants", "banned the group because of its involvement in attacks";
- topics of talks or information ("talks on ending the war"), charges ("on charges of
  attacking"), conditions ("in exchange for"), any attempt ("would resist any attempt to");
- what refusals, calls and reports are about, what is refrained from, warned or urged against,
  a threatened or planned act, a promised one, and what a protest demands.

:mod:`~eventcoder.coding.background` marks the matches this finds.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.patterns import VERBAL_CONFLICT_ROOTS, Match, is_request, is_topical
from eventcoder.coding.tree import children, enclosing_prep, is_infinitive, kids

# Modifiers that make a nominal act one not (yet) done: "threatened tariffs", "a planned
# offensive".
UNREALISED = frozenset(
    {"threatened", "planned", "proposed", "possible", "potential", "prospective", "looming"}
)
# Nouns whose to-infinitive is not done ("refusal to send weapons", "calls to free him") and
# whose that-clause is not told as done ("reports that Cairo had offered").
REFUSALS = frozenset({"refusal", "failure", "reluctance", "unwillingness", "inability"})
CALLS = frozenset(
    {"call", "demand", "request", "appeal", "plea", "pressure", "ultimatum", "reminder"}
)
HEARSAY = frozenset(
    {"report", "claim", "rumour", "rumor", "speculation", "suggestion", "allegation"}
)
# Verbs whose "from" + gerund is not done: "refrain from sending troops".
REFRAINING = frozenset({"refrain", "abstain", "desist"})
# Prepositions that give the topic of talks or information ("talks on ending the war").
TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning"})
# Nouns whose "of" phrase is what someone is charged with, not an act: "charges of attacking".
CHARGE_NOUNS = frozenset(
    {"charge", "accusation", "allegation", "suspicion", "count", "conviction", "crime"}
)
# Acts whose object is promised or threatened, not done: intents (03), threats (13).
PROMISES = frozenset({"03", "13"})
# Acts done to someone "for" what they did: criticism, accusations (11), sanctions (16),
# coercion (17).
PUNISHING = frozenset({"11", "16", "17"})
# Disasters a curfew or state of emergency may answer, and the words that say so.
DISASTERS = frozenset(
    {"flood", "flooding", "earthquake", "quake", "storm", "cyclone", "hurricane", "typhoon",
     "drought", "wildfire", "fire", "epidemic", "outbreak", "pandemic", "landslide", "tsunami",
     "eruption", "heatwave", "famine", "disaster", "covid-19", "coronavirus", "cholera"}
)  # fmt: skip
AFTER = frozenset({"after", "following", "amid", "because", "due", "over"})
# Protests named as nouns ("a demonstration calling for his removal").
PROTEST_NOUNS = frozenset(
    {"protest", "demonstration", "rally", "march", "strike", "sit-in", "walkout", "picket", "vigil"}
)
# Words that make a phrase or clause the reason for another act: "because of its involvement in
# killings", "due to attacks", "because rebels had attacked".
BECAUSE = frozenset({"because", "due"})


def disaster_response(tok: Token, found: dict[int, Match]) -> int | None:
    """The word naming a disaster that the restriction triggered by ``tok`` (a curfew, a state
    of emergency: CAMEO 172, 174) answers, or None: "declared a state of emergency after floods
    killed 40", "imposed a curfew following the earthquake" are no political acts."""
    own = found.get(tok.i)
    if own is None or own.code[:3] not in ("172", "174"):
        return None
    for child in kids(tok):
        if child.dep_ == "prep" and child.lower_ in AFTER:
            words = [t for o in kids(child) if o.dep_ == "pobj" for t in o.subtree]
        elif child.dep_ == "advcl" and any(m.lower_ in AFTER for m in children(child, "mark")):
            words = list(child.subtree)
        else:
            continue
        hit = next((t for t in words if t.lemma_.lower() in DISASTERS), None)
        if hit is not None:
            return hit.i
    return None


def reason_word(tok: Token, found: dict[int, Match]) -> int | None:
    """The word ("because", "due") that makes the trigger ``tok`` the reason for another
    trigger, or None."""
    if tok.dep_ == "advcl" and tok.head.i in found:
        mark = next((c for c in kids(tok) if c.dep_ == "mark" and c.lower_ in BECAUSE), None)
        if mark is not None:
            return mark.i  # "because the rebels had attacked"
    for up in tok.ancestors:
        if up.i in found:
            return None
        if up.lower_ in BECAUSE and up.dep_ in ("prep", "amod", "advmod"):
            # "because of its involvement in killings": a reason, under whatever act it is
            governed = any(a.i in found for a in up.ancestors)
            return up.i if governed else None
    return None


def background_reason(tok: Token, found: dict[int, Match]) -> tuple[int, str] | None:
    """Whether the trigger ``tok`` is background to another act, not news of its own; returns
    (index of the word that makes it so, reason) or None.

    - the reason something is done over: "froze aid over its support for the rebels";
    - the topic of talks or of information: "held talks on ending the war", "shared
      information on soldiers deployed to Kursk";
    - what someone is charged with: "sentenced on charges of attacking the state";
    - a condition: "free the hostages in exchange for an Israeli withdrawal";
    - any attempt or move: "would resist any attempt to seize its weapons".
    """
    if (
        tok.dep_ == "acl"
        and is_infinitive(tok)
        and any(c.dep_ == "det" and c.lower_ == "any" for c in kids(tok.head))
    ):
        return tok.head.i, "what any attempt would do, not an act"
    protest = found.get(tok.head.i)
    protesting = (protest is not None and protest.code[:2] == "14") or (
        tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in PROTEST_NOUNS
    )
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl") and protesting:
        if tok.i in found and is_request(found[tok.i].code):
            # "demonstrated in Kirkuk calling for independence", "a demonstration calling
            # for his removal": what the protest demands
            return tok.head.i, "what a protest demands"
        if tok.dep_ == "advcl" and not children(tok, "nsubj"):
            # "prisoners rioted, setting fire to their mattresses": how the protest went
            return tok.head.i, "part of the protest"
    because = reason_word(tok, found)
    if because is not None:
        return because, "the reason for another act"
    disaster = disaster_response(tok, found)
    if disaster is not None:
        return disaster, "a response to a disaster, not a political act"
    holder = tok.head
    if (
        tok.dep_ == "advcl"
        and is_infinitive(tok)
        and any(o.lemma_.lower() in CALLS for o in children(holder, "dobj"))
    ):
        # "rejected calls from Armenia to free X", the infinitive hung on the verb
        return holder.i, "what is asked, not done"
    if tok.dep_ in ("acl", "ccomp") and holder.pos_ == "NOUN" and holder.i != tok.i:
        word = holder.lemma_.lower()
        if is_infinitive(tok) and word in REFUSALS:
            return holder.i, "what is refused or failed, not done"  # "refusal to send weapons"
        if word in CALLS and tok.tag_ != "VBG":
            # "calls from Armenia to free X", "its demand that Israel ease restrictions" (not
            # "pressure on Manila urging it to withdraw": the urging is the act)
            return holder.i, "what is asked, not done"
        if word in HEARSAY:
            return holder.i, "what reports say, not told as done"  # "reports that Cairo offered"
    if tok.pos_ == "NOUN":
        unreal = [c for c in kids(tok) if c.dep_ == "amod" and c.lower_ in UNREALISED]
        if unreal:
            return unreal[0].i, "a threatened or planned act, not done"  # "threatened tariffs"
        verb = tok.head
        if tok.dep_ == "dobj" and verb.dep_ in ("xcomp", "ccomp") and verb.head.i in found:
            asking = found[verb.head.i]
            if is_request(asking.code) and verb.i not in found:
                # "urged Tbilisi to reverse its crackdown": what the request is about
                return asking.token.i, "what a request is about"
            if asking.code[:2] in PROMISES and verb.i not in found:
                # "promised to continue military aid": what is promised or threatened
                return asking.token.i, "what is promised or threatened, not done"
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not children(tok, "agent"):
        # "shared information on soldiers deployed to Kursk", the participle hung on the
        # information: what the information or talks are about
        other = found.get(tok.head.head.i) if tok.head.dep_ == "dobj" else None
        if other is not None and other.token.i != tok.i and is_topical(other.code):
            return other.token.i, "the topic of talks or information"
    prep = enclosing_prep(tok)
    if prep is None:
        return None
    word, holder = prep.lower_, prep.head
    # The trigger the phrase hangs on, directly or through the phrases around it ("talks with
    # a Hamas delegation on ending the war": "on" hangs on "delegation").
    if word == "from" and holder.lemma_.lower() in REFRAINING:
        return holder.i, "what is refrained from, not done"
    chain = [holder]
    while len(chain) < 6 and chain[-1].dep_ in (
        "dobj", "pobj", "prep", "conj", "appos", "xcomp", "relcl"
    ):  # fmt: skip
        chain.append(chain[-1].head)
    governor = next((t for t in chain if t.i in found and t.i != tok.i), None)
    if governor is None:
        return None
    if word == "over" and (tok.pos_ != "VERB" or tok.dep_ == "pcomp"):
        return governor.i, "the reason the act is done over"
    if word == "for" and tok.pos_ == "NOUN" and found[governor.i].code[:2] in PUNISHING:
        # "imposed sanctions on the Taliban for its support of bin Laden"
        return governor.i, "the reason the act is done for"
    if word in TOPIC_PREPS and is_topical(found[governor.i].code):
        return governor.i, "the topic of talks or information"
    code = found[governor.i].code
    if (
        word in ("against", "from")
        and tok.dep_ == "pcomp"
        and (is_request(code) or code[:2] in VERBAL_CONFLICT_ROOTS)
    ):
        return governor.i, "what is warned or urged against"
    if word == "of" and holder.lemma_.lower() in CHARGE_NOUNS:
        return holder.i, "what someone is charged with"
    if word == "for" and holder.lower_ in ("exchange", "return") and holder.dep_ == "pobj":
        return holder.i, "a condition, not an act"
    return None
