"""Accuracy against labelled data (format: ../shared/data/README.md).

Scores, per document at country level ("IGO" for international organisations, governmental
or not, as the PLOVER gold standard codes the Red Cross and Amnesty International; "IMG" for
transnational armed groups; no country for roles of unknown country):
event type P/R/F1 over the set of PLOVER types; actor P/R/F1 over the set of actor countries;
triple P/R/F1 over (actor, recipient, type), a gold recipient of null matching any recipient;
optional gold events are never missed and never false positives. Quad accuracy compares the
class of the document's root event with the ``quad`` label (0 = CAMEO 01-02, 1 = 03-05,
2 = 06-08, 3 = 09-13 and 16, 4 = 14, 15, 17-20).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from eventcoder.errors import Errors, InputError
from eventcoder.io.readers import Article, parse_record
from eventcoder.pipeline import pipe
from eventcoder.records import Actor, Event

Triple = tuple[str | None, str | None, str | None]


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1 derived."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def country(actor: Actor | None) -> str | None:
    """An actor at the level the labelled data uses: ISO alpha-3, "IGO" for international
    organisations (an NGO of no country, such as the Red Cross, is one), "IMG" for transnational
    armed groups, else None (a role of no known country)."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    if actor.code[:3] in ("IGO", "IMG"):
        return actor.code[:3]
    if actor.code[:3] == "NGO":
        return "IGO"  # an international non-governmental organisation (Red Cross, Amnesty)
    return None


def quad_of(cameo: str) -> int:
    """The 0-4 quad class of the labelled data for a CAMEO code."""
    root = int(cameo[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def _score_sets(
    score: Score, predicted: set[Any], gold: set[Any], optional: set[Any], same: Any = None
) -> tuple[set[Any], set[Any]]:
    """Add one document's sets to ``score``; return (missed gold, false positives)."""
    match = same or (lambda p, g: p == g)
    missed = {g for g in gold if not any(match(p, g) for p in predicted)}
    wrong = {
        p
        for p in predicted
        if not any(match(p, g) for g in gold) and not any(match(p, o) for o in optional)
    }
    score.tp += len(gold) - len(missed)
    score.fn += len(missed)
    score.fp += len(wrong)
    return missed, wrong


def _triple_match(p: Triple, g: Triple) -> bool:
    return p[0] == g[0] and p[2] == g[2] and (g[1] is None or p[1] == g[1])


def load_gold(path: Path) -> list[tuple[Article, dict[str, Any]]]:
    """Read a labelled JSONL file; each record must have ``text`` and ``events`` or ``quad``."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                msg = Errors.E010.format(source=path, line=number, reason=err.msg)
                raise InputError(msg) from err
            article = parse_record(record, str(path), number)
            if "events" in record and not isinstance(record["events"], list):
                raise InputError(Errors.E021.format(source=path, line=number))
            if "events" in record or "quad" in record:
                out.append((article, record))
    if not out:
        raise InputError(Errors.E022.format(path=path))
    return out


def predicted_quad(doc_events: list[Event], fallback_cameo: str | None) -> int:
    """The quad class of a document's root event, else its first pattern match, else 0."""
    for event in doc_events:
        if event.is_root:
            return quad_of(event.cameo)
    if doc_events:
        return quad_of(doc_events[0].cameo)
    if fallback_cameo is not None:
        return quad_of(fallback_cameo)
    return 0


def evaluate(path: Path, nlp: Language, worst: int = 10) -> dict[str, Any]:
    """Code every record of ``path`` with ``nlp`` and score it; returns the report as a dict."""
    gold = load_gold(path)
    types, actors, triples = Score(), Score(), Score()
    quad_right = quad_total = 0
    misses = []
    records = {article.id: record for article, record in gold}
    for doc in pipe(nlp, (article for article, _ in gold)):
        article = doc._.meta["article"]
        record = records[article.id]
        events = [e for e in doc._.events if not e.negated]
        if "quad" in record:
            fallback = next((m.code for m in doc._.matches if m.suppressed_by is None), None)
            quad_total += 1
            quad_right += predicted_quad(events, fallback) == record["quad"]
        if "events" not in record:
            continue
        required = [g for g in record["events"] if not g.get("optional")]
        optional = [g for g in record["events"] if g.get("optional")]
        typed = [e for e in events if e.event_type]
        p_types = {e.event_type for e in typed}
        p_actors = {country(e.actor) for e in typed}
        p_triples = {(country(e.actor), country(e.recipient), e.event_type) for e in typed}

        def gold_triples(rows: list[dict[str, Any]]) -> set[Triple]:
            return {(g["actor"], g["recipient"], g["event_type"]) for g in rows if g["event_type"]}

        _score_sets(
            types,
            p_types,
            {g["event_type"] for g in required if g["event_type"]},
            {g["event_type"] for g in optional},
        )
        _score_sets(
            actors,
            p_actors,
            {g["actor"] for g in required if g["event_type"]},
            {g["actor"] for g in optional},
        )
        missed, wrong = _score_sets(
            triples, p_triples, gold_triples(required), gold_triples(optional), _triple_match
        )
        if missed or wrong:
            misses.append(
                {
                    "id": article.id,
                    "text": article.text,
                    "missed": sorted(map(list, missed), key=str),
                    "false": sorted(map(list, wrong), key=str),
                }
            )
    misses.sort(key=lambda m: -(len(m["missed"]) + len(m["false"])))
    report: dict[str, Any] = {"file": str(path), "documents": len(gold)}
    if types.tp + types.fn + types.fp:
        report.update(
            event_type=types.to_dict(),
            actor=actors.to_dict(),
            triple=triples.to_dict(),
        )
    if quad_total:
        report["quad"] = {
            "accuracy": round(quad_right / quad_total, 4),
            "correct": quad_right,
            "total": quad_total,
        }
    report["worst"] = misses[:worst]
    return report
