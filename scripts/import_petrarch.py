"""Rebuild the package's tables converted from the PETRARCH2 dictionaries.

    .venv/bin/python scripts/import_petrarch.py [--source ../shared/reference/petrarch2]
                                                [--out src/eventcoder/data/petrarch] [--check]

Reads the PETRARCH2 dictionaries (MIT licence, Open Event Data Alliance: CAMEO.2.0.txt,
Phoenix.Countries/International/MilNonState.actors.txt, Phoenix.agents.txt, Phoenix.discards.txt)
with the converter behind ``eventcoder dictionaries import-petrarch`` (:mod:`eventcoder.petrarch`)
and writes, under ``--out``, one table a section in the package's TSV formats
(``countries.tsv``, ``orgs.tsv``, ``people.tsv``, ``agents.tsv``, ``verbs.tsv``), the list of
entries it could not express or only approximated (``skipped.tsv``) and the source's licence
(``LICENSE``). Rerun, it reproduces the committed tables byte for byte; ``--check`` writes nothing
and exits 1 when the committed tables differ from what the source gives. Which of these tables the
coder reads is said in ``data/README.md``.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from eventcoder.petrarch import convert, write_report, write_tsv

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2"
OUT = ROOT / "src" / "eventcoder" / "data" / "petrarch"
FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
    "Phoenix.discards.txt",
    "CAMEO.2.0.txt",
)
# Each section's table, and what its rows are.
TABLES = {
    "countries": ("countries.tsv", "country names, adjectives and capitals"),
    "actors": ("orgs.tsv", "organisations, with the dates each code held"),
    "people": ("people.tsv", "people, one row a code and its dates"),
    "agents": ("agents.tsv", "role words and their sectors"),
    "verbs": ("verbs.tsv", "verb patterns"),
}


def tables(source: Path) -> dict[str, str]:
    """The text of every file this script writes, by file name."""
    conversion = convert([source / name for name in FILES])
    notice = (source / "LICENSE").read_text(encoding="utf-8")
    out = {"LICENSE": notice}
    for section, (name, what) in TABLES.items():
        preamble = (
            f"# Converted from the PETRARCH2 dictionaries ({', '.join(FILES)}) by\n"
            "# scripts/import_petrarch.py; do not edit: rerun the script. The facts keep their\n"
            "# source's MIT licence (Open Event Data Alliance), whose notice is in LICENSE here.\n"
        )
        text = io.StringIO()
        write_tsv(conversion, section, text, what, preamble)
        out[name] = text.getvalue()
    report = io.StringIO()
    write_report(conversion, report)
    out["skipped.tsv"] = report.getvalue()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    missing = [name for name in (*FILES, "LICENSE") if not (args.source / name).is_file()]
    if missing:
        print(
            f"import_petrarch.py: needs the PETRARCH2 dictionaries in {args.source} "
            f"(../shared/reference/petrarch2 beside the repository); missing: {', '.join(missing)}",
            file=sys.stderr,
        )
        return 2
    written = tables(args.source)
    if args.check:
        stale = [
            name
            for name, text in written.items()
            if not (args.out / name).is_file()
            or (args.out / name).read_text(encoding="utf-8") != text
        ]
        for name in stale:
            print(f"{args.out / name}: differs from what {args.source} gives", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in written.items():
        (args.out / name).write_text(text, encoding="utf-8")
    rows = {name: text.count("\n") for name, text in written.items()}
    print(", ".join(f"{name} {n} lines" for name, n in rows.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
