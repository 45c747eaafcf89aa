"""List gold actors and recipients (country level) that the coder never produces in a document.

    .venv/bin/python scripts/actor_misses.py ../shared/data/dev/petr2-silver.jsonl

For each document: gold countries missing from the coded events' actors/recipients, and whether
any noun phrase of the document resolves to them at all ("nowhere" means a resolver or dictionary
gap; "not in events" means an event-side gap). Reads only the file it is given.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import eventcoder
from eventcoder.actors import DocActors
from eventcoder.evaluate import country, load_gold
from eventcoder.pipeline import pipe


def main(path: Path) -> None:
    nlp = eventcoder.load()
    dictionary = nlp.get_pipe("eventcoder").dictionary
    gold = load_gold(path)
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="labelled JSONL (../shared/data/README.md format)")
    args = parser.parse_args()
    if not args.path.is_file():
        parser.exit(
            2,
            f"scripts/actor_misses.py: no file {args.path} (labelled documents, such as "
            "../shared/data/dev/petr2-silver.jsonl from the shared data beside the repository)\n",
        )
    main(args.path)
