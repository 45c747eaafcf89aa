"""List gold actors and recipients (country level) that the coder never produces in a document.

    .venv/bin/python scripts/actor_misses.py ../shared/data/dev/petr2-silver.jsonl

For each document: gold countries missing from the coded events' actors/recipients, and whether
any noun phrase of the document resolves to them at all ("nowhere" means a resolver or dictionary
gap; "not in events" means an event-side gap). Reads only the file it is given.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import eventcoder
from eventcoder.actors import DocActors
from eventcoder.evaluate import country, load_gold
from eventcoder.pipeline import pipe


def main(path: str) -> None:
    nlp = eventcoder.load()
    dictionary = nlp.get_pipe("eventcoder").dictionary
    gold = load_gold(Path(path))
    records = {article.id: record for article, record in gold}
    tally: Counter[str] = Counter()
    for doc in pipe(nlp, (article for article, _ in gold)):
        record = records[doc._.meta["article"].id]
        wanted = {
            (g[role], role)
            for g in record.get("events", [])
            if not g.get("optional") and g["event_type"]
            for role in ("actor", "recipient")
            if g[role]
        }
        coded = set()
        for e in doc._.events:
            if not e.negated and e.event_type:
                coded |= {country(e.actor), country(e.recipient)}
        actors = DocActors(doc, dictionary, date=doc._.meta.get("date"))
        anywhere = {
            country(a)
            for tok in doc
            if tok.pos_ in ("NOUN", "PROPN", "PRON")
            for a in actors.resolve_all(tok)
        }
        for code, role in sorted(wanted):
            if code in coded:
                continue
            where = "not in events" if code in anywhere else "NOWHERE"
            tally[where] += 1
            print(f"{where:14} {role:9} {code}  | {doc.text[:300]}")
    print(tally)


if __name__ == "__main__":
    main(sys.argv[1])
