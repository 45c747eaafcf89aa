"""Why a text was coded as it was: the parse, the actors, every pattern tried, every event.

:func:`explain` codes one text with the coder's trace on (:class:`~eventcoder.coding.Trace`)
and returns a JSON-ready report; :func:`render` draws that report for the terminal
(``eventcoder explain "SENTENCE"``). The reasons come from the coder itself, recorded where it
rejects a row or drops a match, so the explanation cannot drift from the coding.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventcoder.actors import PRONOUNS_FIRST, PRONOUNS_GROUP, PRONOUNS_PERSON, DocActors
from eventcoder.coding import Match, PatternBook, Step, Trace
from eventcoder.errors import Errors, ModelError
from eventcoder.pipeline import EventCoderComponent
from eventcoder.records import Actor
from eventcoder.terminal import printable_tree

# Dependencies of a word that heads a noun phrase of its own (not a compound inside another).
PHRASE_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "agent", "appos", "conj", "poss", "attr",
     "ROOT", "npadvmod", "oprd"}
)  # fmt: skip
PATTERN_OUTCOMES = ("rejected", "matched", "chosen", "outscored")


def explain(nlp: Language, text: str, date: str | None = None) -> dict[str, Any]:
    """Code ``text`` and say why each event was or was not coded.

    nlp: a pipeline with the ``eventcoder`` component (:func:`eventcoder.load`). text: the
    sentence or article. date: its publication date (YYYY-MM-DD) or None.
    Returns a dict of plain values: ``tokens`` (the parse), ``mentions`` (dictionary phrases
    with the file and line they come from), ``actors`` (noun-phrase heads and what they resolve
    to), ``quotes``, ``triggers`` (every word whose lemma has patterns: the rows tried and their
    outcome, the match, and why it did or did not give events) and ``events``.
    Raises :class:`~eventcoder.errors.ModelError` when ``nlp`` has no eventcoder component,
    :class:`~eventcoder.errors.InputError` for a malformed date.
    """
    coder = _component(nlp).coder
    trace = Trace()
    coder.trace = trace
    try:
        doc = nlp.make_doc(text)
        doc._.meta = {"id": "", "date": date}
        doc = nlp(doc)
    finally:
        coder.trace = None
    actors = trace.actors
    events = [e.to_dict() for e in doc._.events]
    return {
        "text": text,
        "date": date,
        "tokens": [_token(t) for t in doc],
        "mentions": [
            {
                "phrase": doc[m.start : m.end].text,
                "start": m.start,
                "end": m.end,
                "kind": m.entry.kind,
                "code": m.entry.code or (m.entry.country or "") + (m.entry.sector or "") or None,
                "country": m.entry.country,
                "sector": m.entry.sector,
                "name": m.entry.name,
                "source": m.entry.source,
            }
            for m in doc._.actor_mentions
        ],
        "actors": _actors(doc, actors) if actors is not None else [],
        "quotes": [
            {
                "text": q.text,
                "direct": q.direct,
                "cue": q.cue,
                "speaker": q.speaker.to_dict() if q.speaker else None,
            }
            for q in doc._.quotes
        ],
        "triggers": _triggers(doc, coder.patterns, trace, actors, events),
        "events": events,
    }


def _token(t: Token) -> dict[str, Any]:
    return {"i": t.i, "text": t.text, "lemma": t.lemma_, "pos": t.pos_, "tag": t.tag_,
            "dep": t.dep_, "head": t.head.i}  # fmt: skip


def _component(nlp: Language) -> EventCoderComponent:
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, EventCoderComponent):
            return pipe
    raise ModelError(Errors.E079.format(pipes=", ".join(nlp.pipe_names)))


def _resolved(actors: DocActors, tok: Token) -> list[Actor]:
    """What the phrase headed by ``tok`` names, as the coder resolves it."""
    if tok.pos_ == "PRON":
        if tok.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_FIRST:
            actor = actors.resolve_pronoun(tok)
            return [actor] if actor is not None else []
        return []
    return actors.resolve_all(tok)


def _actors(doc: Doc, actors: DocActors) -> list[dict[str, Any]]:
    out = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN", "PRON") or tok.dep_ not in PHRASE_DEPS:
            continue
        found = _resolved(actors, tok)
        if found:
            words = actors.np_tokens(tok)
            phrase = doc[words[0].i : words[-1].i + 1].text
            out.append({"i": tok.i, "head": tok.text, "phrase": phrase,
                        "actors": [a.to_dict() for a in found]})  # fmt: skip
    return out


def _heads(actors: DocActors | None, heads: list[Token]) -> list[dict[str, Any]]:
    """Role heads, with the words conjoined to them, and what each resolves to."""
    out = []
    stack = list(heads)
    seen: set[int] = set()
    while stack:
        tok = stack.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        stack += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        found = _resolved(actors, tok) if actors is not None else []
        out.append({"i": tok.i, "text": tok.text, "actors": [a.to_dict() for a in found]})
    return out


def _tried(steps: list[Step]) -> list[dict[str, Any]]:
    chosen = {id(s.pattern) for s in steps if s.outcome == "chosen"}
    out = []
    for step in steps:
        if step.pattern is None or step.outcome not in PATTERN_OUTCOMES:
            continue
        outcome, reason = step.outcome, step.reason
        if outcome == "matched":
            if id(step.pattern) in chosen:
                continue  # listed once, as chosen
            outcome, reason = "outscored", "matched; the chosen row scores higher or comes first"
        out.append({"source": step.pattern.source, "cameo": step.pattern.cameo or "-",
                    "outcome": outcome, "score": step.score, "reason": reason})  # fmt: skip
    return out


def _match(doc: Doc, match: Match, actors: DocActors | None) -> dict[str, Any]:
    by = match.suppressed_by
    return {
        "kind": match.kind,
        "pattern": match.pattern.source,
        "cameo": match.pattern.cameo,
        "code": match.code,
        "specific": match.specific_why or None,
        "actor_heads": _heads(actors, match.actor_heads),
        "recipient_heads": _heads(actors, match.recipient_heads),
        "suppressed_by": {"i": by, "text": doc[by].text} if by is not None else None,
        "suppressed_reason": match.suppressed_reason,
        "negated": match.negated,
        "claimed_by": match.claimed_by.to_dict() if match.claimed_by else None,
    }


def _triggers(
    doc: Doc,
    patterns: PatternBook,
    trace: Trace,
    actors: DocActors | None,
    events: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    steps: dict[int, list[Step]] = {}
    for step in trace.steps:
        steps.setdefault(step.token, []).append(step)
    matches = {m.token.i: m for m in doc._.matches}
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        tables = [name for name, table in (("verbs", patterns.verbs), ("nouns", patterns.nouns))
                  if lemma in table]  # fmt: skip
        if not tables:
            continue
        mine = steps.get(tok.i, [])
        coded = [n for n, e in enumerate(events) if e["trigger"]["start"] == tok.idx]
        match = matches.get(tok.i)
        reasons: list[str] = []
        if match is None and "verbs" in tables and tok.pos_ not in ("VERB", "AUX"):
            reasons.append(f"verb patterns not tried: tagged {tok.pos_}, not a verb")
        if match is None and "nouns" in tables and tok.pos_ not in ("NOUN", "PROPN"):
            reasons.append(f"noun patterns not tried: tagged {tok.pos_}, not a noun")
        tried = _tried(mine)
        if tried and all(t["outcome"] == "rejected" for t in tried):
            reasons.append("no pattern row matched")
        if match is not None and match.suppressed_by is not None:
            by = doc[match.suppressed_by]
            reasons.append(f"suppressed by {by.text!r} ({match.suppressed_reason})")
        elif match is not None and match.negated and not coded:
            reasons.append("negated (kept only with --keep-negated)")
        if match is not None and match.claimed_by is not None:
            reasons.append(f"a quoted claim: coded as {match.claimed_by.code} accusing the doer")
        if match is not None and match.specific is not None and match.code == match.specific:
            reasons.append(f"code {match.pattern.cameo} made specific: {match.code}, "
                           f"{match.specific_why}")  # fmt: skip
        elif match is not None and match.code != match.pattern.cameo:
            reasons.append(f"code {match.pattern.cameo} changed to {match.code} by modality")
        for step in mine:
            if step.outcome == "reparsed":  # coding/headlines.py
                reasons.append(step.reason)
            if step.outcome in ("dropped", "duplicate"):
                what = f" ({step.event.actor.code} {step.event.cameo})" if step.event else ""
                reasons.append(f"{step.outcome}: {step.reason}{what}")
        out.append(
            {
                "i": tok.i,
                "text": tok.text,
                "lemma": lemma,
                "pos": tok.pos_,
                "tables": tables,
                "tried": tried,
                "match": _match(doc, match, actors) if match is not None else None,
                "coded": bool(coded),
                "reasons": reasons,
                "events": coded,
            }
        )
    return out


# -- terminal ----------------------------------------------------------------------------------


def _placed(actor: dict[str, Any]) -> str:
    """An event's actor code, with how its country was inferred when the text names none."""
    how = actor.get("country_from")
    return f"{actor['code']} (country from {how})" if how else actor["code"]


def _actor_text(actor: dict[str, Any]) -> str:
    name = f" = {actor['name']}" if actor.get("name") else ""
    return f"{actor['code']} ({actor['kind']}{name})"


def _heads_text(heads: list[dict[str, Any]]) -> str:
    if not heads:
        return "none"
    return "; ".join(
        f"{h['text']}[{h['i']}] -> " + (", ".join(map(_actor_text, h["actors"])) or "no actor")
        for h in heads
    )


def render(report: dict[str, Any]) -> RenderableType:
    """The report of :func:`explain` for a rich Console: tables and one tree per trigger.
    Control characters of the text show as signs, never reach the terminal (:mod:`terminal`)."""
    report = printable_tree(report)
    parts: list[RenderableType] = [Text(report["text"], style="bold")]
    tokens = report["tokens"]
    parse = Table(title="parse", show_edge=False)
    for column in ("i", "text", "lemma", "pos", "dep", "head"):
        parse.add_column(column)
    for t in tokens:
        head = tokens[t["head"]]
        parse.add_row(str(t["i"]), t["text"], t["lemma"], t["pos"], t["dep"],
                      f"{head['text']} [{head['i']}]")  # fmt: skip
    parts.append(parse)
    if report["mentions"]:
        mentions = Table(title="dictionary mentions", show_edge=False)
        for column in ("phrase", "kind", "code", "country", "sector", "source"):
            mentions.add_column(column)
        for m in report["mentions"]:
            mentions.add_row(m["phrase"], m["kind"], m["code"] or "-", m["country"] or "-",
                             m["sector"] or "-", m["source"])  # fmt: skip
        parts.append(mentions)
    if report["actors"]:
        found = Table(title="noun phrases that name actors", show_edge=False)
        for column in ("head", "phrase", "resolves to (how)"):
            found.add_column(column)
        for a in report["actors"]:
            found.add_row(f"{a['head']} [{a['i']}]", a["phrase"],
                          ", ".join(map(_actor_text, a["actors"])))  # fmt: skip
        parts.append(found)
    for q in report["quotes"]:
        speaker = q["speaker"]
        who = f"{speaker['code'] or '?'} ({speaker['text']})" if speaker else "no speaker"
        kind = "quote" if q["direct"] else "reported"
        parts.append(Text(f"{kind}: {who} {q['cue'] or '-'}: {q['text']}", style="italic"))
    for trig in report["triggers"]:
        status = ("coded", "green") if trig["coded"] else ("not coded", "red")
        word = f" [{trig['i']}] {trig['lemma']}/{trig['pos']}: "
        tree = Tree(Text.assemble((trig["text"], "bold"), word, status))
        rows = tree.add("patterns tried")
        for t in trig["tried"]:
            style = {"chosen": "green", "rejected": "red"}.get(t["outcome"], "yellow")
            score = f" score {t['score']}" if t["score"] is not None else ""
            reason = f": {t['reason']}" if t["reason"] else ""
            rows.add(Text(f"{t['source']} CAMEO {t['cameo']} {t['outcome']}{score}{reason}",
                          style=style))  # fmt: skip
        match = trig["match"]
        if match is not None:
            node = tree.add(Text(f"match {match['pattern']} -> CAMEO {match['code']}"))
            node.add(Text(f"actor heads: {_heads_text(match['actor_heads'])}"))
            node.add(Text(f"recipient heads: {_heads_text(match['recipient_heads'])}"))
        for reason in trig["reasons"]:
            tree.add(Text(reason, style="red" if not trig["coded"] else "yellow"))
        for n in trig["events"]:
            e = report["events"][n]
            recipient = _placed(e["recipient"]) if e["recipient"] else "-"
            tree.add(Text(f"event: {_placed(e['actor'])} -> {e['cameo']} {e['event_type'] or ''}"
                          f" -> {recipient}", style="green"))  # fmt: skip
        parts.append(tree)
    events = Table(title=f"{len(report['events'])} event(s)", show_edge=False)
    for column in ("actor", "CAMEO", "type", "recipient", "trigger", "pattern"):
        events.add_column(column)
    for e in report["events"]:
        events.add_row(
            _placed(e["actor"]),
            e["cameo"] + (" negated" if e["negated"] else ""),
            e["event_type"] or "-",
            _placed(e["recipient"]) if e["recipient"] else "-",
            e["trigger"]["text"],
            e["pattern"],
        )
    parts.append(events)
    return Group(*parts)
