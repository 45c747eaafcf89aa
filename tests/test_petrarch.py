"""Converting PETRARCH/TABARI dictionaries: kinds, the YAML and report files, and the converted
files coding with eventcoder (the command is in test_petrarch_cli.py)."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest
import yaml
from conftest import SHARED, shared_file
from spacy.language import Language

import eventcoder
from eventcoder.errors import DataFileError
from eventcoder.petrarch import (
    COLUMNS,
    Conversion,
    Note,
    convert,
    detect_kind,
    summary,
    write_report,
    write_yaml,
)

FIXTURES = Path(__file__).resolve().parent / "data" / "petrarch"
ALL = [FIXTURES / name for name in ("actors.txt", "agents.txt", "verbs.txt", "discards.txt")]
MACONDO = [FIXTURES / f"macondo.{kind}.txt" for kind in ("actors", "agents", "verbs")]
PETRARCH2 = SHARED / "reference" / "petrarch2"


def _events(nlp: Language, text: str, date: str | None = None) -> list[tuple[str, str, str | None]]:
    events = eventcoder.code(text, date=date, nlp=nlp)
    return [(e.actor.code, e.cameo, e.recipient.code if e.recipient else None) for e in events]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("actors.txt", "actors"),
        ("agents.txt", "agents"),
        ("verbs.txt", "verbs"),
        ("discards.txt", "discards"),
        ("macondo.verbs.txt", "verbs"),
    ],
)
def test_petrarch_kind_is_detected_from_content(name: str, kind: str) -> None:
    assert detect_kind(FIXTURES / name) == kind


def test_petrarch_kind_can_be_forced(tmp_path: Path) -> None:
    renamed = tmp_path / "mine.dict"  # any name
    renamed.write_bytes((FIXTURES / "agents.txt").read_bytes())
    assert convert([renamed]).counts()["agents"] == 17
    forced = convert([renamed], kind="discards")
    assert forced.sources == [(renamed, "discards")] and not any(forced.counts().values())
    assert [n.reason for n in forced.notes] == ["discard list not converted"]


@pytest.mark.parametrize(
    ("setup", "kind", "message"),
    [
        ("missing", None, "missing.txt: no such file or directory"),
        ("comments", None, "comments.txt: cannot tell which kind"),
        ("agents", "verb", "'verb' is not a kind of PETRARCH dictionary. Use one of: actors"),
    ],
)
def test_petrarch_bad_files_and_kinds_raise_naming_the_file(
    tmp_path: Path, setup: str, kind: str | None, message: str
) -> None:
    path = {"agents": FIXTURES / "agents.txt"}.get(setup, tmp_path / f"{setup}.txt")
    if setup == "comments":
        path.write_text("# nothing but a comment\n\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message.replace("(", r"\(").replace(".", r"\.")):
        convert([path], kind=kind)


def test_petrarch_conversion_counts_rows_and_reasons() -> None:
    conversion = convert(ALL)
    assert conversion.counts() == {
        "countries": 6,
        "actors": 11,
        "people": 14,
        "agents": 17,
        "verbs": 32,
    }
    assert conversion.reasons()["not a country code of ours"] == 2
    assert conversion.reasons(converted=True)["secondary role left out"] == 2
    assert len(conversion.skipped) + len(conversion.approximated) == len(conversion.notes)
    lines = summary(conversion, examples=2)
    assert lines[0] == "converted: 6 countries, 11 actors, 14 people, 17 agents, 32 verbs"
    assert "skipped: 33 entries" in lines and "approximated: 11 entries" in lines
    assert lines[-1].startswith("  actors.txt:50: TRAVELLING_CIRCUS_ [WSTREB]")


def test_petrarch_yaml_reads_back_as_the_rows(tmp_path: Path) -> None:
    conversion = convert(ALL)
    path = tmp_path / "out.yaml"
    write_yaml(conversion, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Converted by eventcoder (dictionaries import-petrarch) from:\n")
    assert "#   actors.txt (actors)" in text and "MIT" in text
    data = yaml.safe_load(text)
    assert list(data) == ["countries", "actors", "people", "agents", "verbs"]
    for section, rows in conversion.rows.items():
        assert data[section] == [{k: v for k, v in r.items() if v is not None} for r in rows]
    assert '{cameo: "-", verb: taunt, object: [crowd]}' in text  # a no-event row


def test_petrarch_yaml_keeps_every_value_text() -> None:
    tricky = ["NO", "042", "off", "UNOG: NGO Database", 'the "Front"', "Y", "50-caliber", "a #b"]
    conversion = Conversion()
    conversion.rows["agents"] = [{"phrase": p, "sector": "GOV", "flags": None} for p in tricky]
    conversion.rows["verbs"] = [
        {"cameo": "042", "verb": "tour", "particle": ["off"], "object": None, "prep": ["in", "on"],
         "flags": None}
    ]  # fmt: skip
    out = io.StringIO()
    write_yaml(conversion, out)
    data = yaml.safe_load(out.getvalue())
    assert [a["phrase"] for a in data["agents"]] == tricky
    assert data["verbs"] == [
        {"cameo": "042", "verb": "tour", "particle": ["off"], "prep": ["in", "on"]}
    ]


def test_petrarch_undated_conversion_codes_with_the_users_codes(tmp_path: Path) -> None:
    conversion = convert(MACONDO)
    mine = tmp_path / "macondo.yaml"
    write_yaml(conversion, mine)
    nlp = eventcoder.load(actors=[mine], verbs=[mine])
    assert _events(nlp, "The Macondo Liberation Front taunted Venezuela.") == [
        ("COLREB", "111", "VEN")
    ]
    assert _events(nlp, "Colombian banana growers scoffed at Venezuela.") == [
        ("COLAGR", "111", "VEN")
    ]
    assert _events(nlp, "The Macondo Municipal Police taunted the MLF.") == [
        ("COLCOP", "111", "COLREB")
    ]
    events = eventcoder.code("The MLF taunted Venezuela.", nlp=nlp)
    assert [e.pattern for e in events] == ["macondo.yaml:14"]


def test_petrarch_dated_conversion_codes_by_date(tmp_path: Path) -> None:
    mine = tmp_path / "macondo.yaml"
    write_yaml(convert([FIXTURES / "actors.txt", FIXTURES / "verbs.txt"]), mine)
    nlp = eventcoder.load(actors=[mine], verbs=[mine])  # countries, from/to, cameo "-"
    text = "Aurelio Buendia taunted Venezuela."
    assert _events(nlp, text, "1965-03-01") == [("COLGOV", "111", "VEN")]  # 620807-700807
    assert _events(nlp, text, "2010-05-05") == [("COLMIL", "111", "VEN")]  # >050101
    assert _events(nlp, text, "1990-05-05") == [("COLELI", "111", "VEN")]  # the default
    party = "The Liberal Party of Macondo taunted Venezuela."
    assert _events(nlp, party, "1901-06-01") == [("COLPTY", "111", "VEN")]
    # out of its dates the entry names no one; the words still say a Colombian party
    (event,) = eventcoder.code(party, date="1901-06-01", nlp=nlp)
    assert (event.actor.name, event.actor.kind) == ("Liberal Party of Macondo", "party")
    (event,) = eventcoder.code(party, date="1950-06-01", nlp=nlp)
    assert (event.actor.code, event.actor.name, event.actor.kind) == ("COLPTY", None, "country")
    assert _events(nlp, "Macondo taunted Venezuela.") == [("COL", "111", "VEN")]  # countries
    assert _events(nlp, "Aurelio Buendia taunted the crowd.", "1990-05-05") == []  # [---]


def test_petrarch_report_lists_every_note_as_tsv(tmp_path: Path) -> None:
    conversion = convert(ALL)
    path = tmp_path / "report.tsv"
    write_report(conversion, path)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) == len(conversion.notes)
    assert rows[0] == {
        "file": "actors.txt",
        "line": "14",
        "entry": "MONTENEGRO_ [YUGMNE <920427]",
        "reason": "not a country code of ours: YUG",
    }
    assert any(r["reason"].startswith("approximated: secondary role left out") for r in rows)


@pytest.mark.slow
def test_petrarch_converts_the_petrarch2_dictionaries(tmp_path: Path) -> None:
    shared_file("reference/petrarch2/CAMEO.2.0.txt")  # skips, naming it, without ../shared
    started = time.perf_counter()
    conversion = convert(sorted(PETRARCH2.glob("*.txt")))
    seconds = time.perf_counter() - started
    kinds = {path.name: kind for path, kind in conversion.sources}
    assert kinds == {
        "CAMEO.2.0.txt": "verbs",
        "Phoenix.Countries.actors.txt": "actors",
        "Phoenix.International.actors.txt": "actors",
        "Phoenix.MilNonState.actors.txt": "actors",
        "Phoenix.agents.txt": "agents",
        "Phoenix.discards.txt": "discards",
    }
    rows = conversion.rows
    assert sum(1 for r in rows["people"] if r["from"] or r["to"]) > 15_000
    assert len(rows["verbs"]) > 1_000 and len(rows["agents"]) > 1_000
    assert len(rows["countries"]) > 1_000 and len(rows["actors"]) > 1_000
    assert {"iso3": "AFG", "kind": "capital", "phrase": "Kabul"} in rows["countries"]
    assert all(isinstance(n, Note) and n.line > 0 and n.entry for n in conversion.notes)
    assert all(set(r) == set(COLUMNS[s]) for s, section in rows.items() for r in section)
    assert seconds < 60
    write_yaml(conversion, tmp_path / "petrarch2.yaml")
    write_report(conversion, tmp_path / "petrarch2.tsv")
