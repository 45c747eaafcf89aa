"""Users' own actors, role words, people and verb patterns, in TSV files or one YAML file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import eventcoder
from eventcoder.cli import app
from eventcoder.custom import actor_rows, read_yaml, route, verb_rows
from eventcoder.errors import DataFileError

YAML = """\
# Extra dictionary entries for Colombia coverage.
actors:
  - {phrase: Segunda Marquetalia, code: COLREB, country: COL, sector: REB, kind: group}
agents:
  - {phrase: narcos, sector: CRM}
people:
  - {name: Luis Gilberto Murillo, country: COL, sector: GOV, role: foreign minister}
verbs:
  - {cameo: "111", verb: taunt}
"""
TEXT = "Segunda Marquetalia taunted Venezuelan narcos. Luis Gilberto Murillo taunted Venezuela."


def _triples(events: list[eventcoder.Event]) -> list[tuple[str, str, str | None]]:
    return [(e.actor.code, e.cameo, e.recipient.code if e.recipient else None) for e in events]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_customise_yaml_adds_every_kind(tmp_path: Path) -> None:
    mine = _write(tmp_path / "mine.yaml", YAML)
    assert eventcoder.code(TEXT, nlp=eventcoder.load()) == []
    events = eventcoder.code(TEXT, nlp=eventcoder.load(actors=[mine]))
    assert _triples(events) == [("COLREB", "111", "VENCRM"), ("COLGOV", "111", "VEN")]
    assert {e.pattern for e in events} == {"mine.yaml:9"}


def test_customise_yaml_given_as_verbs_loads_its_actors_too() -> None:
    assert route(["a.tsv", "b.yaml"], ["v.tsv"]) == (
        [Path("a.tsv"), Path("b.yaml")],
        [Path("v.tsv"), Path("b.yaml")],
    )


def test_customise_tsv_header_picks_agent_and_people_formats(tmp_path: Path) -> None:
    agents = _write(tmp_path / "roles.tsv", "phrase\tsector\nnarcos\tCRM\n")
    people = _write(
        tmp_path / "vip.tsv",
        "# name\tcountry\tsector\trole — people we follow\n"
        "Luis Gilberto Murillo\tCOL\tGOV\tforeign minister\n",
    )
    orgs = _write(tmp_path / "groups.tsv", "Segunda Marquetalia\tCOLREB\tCOL\tREB\tgroup\n")
    verbs = _write(
        tmp_path / "verbs.tsv", "cameo\tverb\tparticle\tobject\tprep\tflags\n111\ttaunt\n"
    )
    assert actor_rows(agents)["agents"][0]["phrase"] == "narcos"
    assert actor_rows(people)["people"][0]["country"] == "COL"
    assert actor_rows(orgs)["actors"][0]["code"] == "COLREB"
    assert [r["verb"] for r in verb_rows(verbs)] == ["taunt"]
    nlp = eventcoder.load(actors=[agents, people, orgs], verbs=[verbs])
    assert _triples(eventcoder.code(TEXT, nlp=nlp)) == [
        ("COLREB", "111", "VENCRM"),
        ("COLGOV", "111", "VEN"),
    ]


def test_customise_tsv_unknown_header_names_file_and_line(tmp_path: Path) -> None:
    bad = _write(tmp_path / "roles.tsv", "phrase\tcountry\nnarcos\tCOL\n")
    with pytest.raises(DataFileError, match=r"roles\.tsv, line 1: the header names columns"):
        actor_rows(bad)


def test_customise_yaml_keeps_values_as_written(tmp_path: Path) -> None:
    mine = _write(
        tmp_path / "mine.yaml",
        "people:\n  - {name: Jonas Gahr Store, country: NO, sector: GOV}\n"
        "verbs:\n  - {cameo: 042, verb: tour, prep: [in, to], flags: [where]}\n",
    )
    sections = read_yaml(mine)
    assert sections["people"][0]["country"] == "NO"  # not False (YAML 1.1's "Norway problem")
    (verb,) = sections["verbs"]
    assert (verb["cameo"], verb["prep"], verb["flags"], verb["_line"]) == (
        "042",
        "in|to",
        "where",
        "4",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("actors: [\n", "not valid YAML"),
        ("- phrase: x\n", "must be a mapping with one or more of the keys"),
        ("actor:\n  - {phrase: X, code: XXX}\n", "line 1: unknown section 'actor'"),
        ("agents: narcos\n", "line 1: 'agents' must be a list of entries"),
        ("agents:\n  - narcos\n", "line 2: entry 1 of 'agents' must be a mapping"),
        (
            "agents:\n  - {phrase: narcos, sectr: CRM}\n",
            "line 2: entry 1 of 'agents': unknown field 'sectr'",
        ),
        (
            "people:\n  - {name: X, country: COL}\n",
            "line 2: entry 1 of 'people': 'sector' is missing",
        ),
        ("verbs:\n  - {cameo: '111', verb: {a: b}}\n", "'verb' must be text, a number or a list"),
    ],
)
def test_customise_yaml_errors_name_file_entry_and_reason(
    tmp_path: Path, text: str, message: str
) -> None:
    bad = _write(tmp_path / "bad.yaml", text)
    with pytest.raises(DataFileError, match=re.escape(message)) as err:
        read_yaml(bad)
    assert str(err.value).startswith(str(bad))


def test_customise_yaml_entries_are_checked_like_tsv_rows(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.yaml", "agents:\n  - {phrase: narcos, sector: XYZ}\n")
    with pytest.raises(DataFileError, match=re.escape("bad.yaml, line 2: unknown sector 'XYZ'")):
        eventcoder.load(actors=[bad])
    bad = _write(tmp_path / "bad.yaml", "verbs:\n\n  - {cameo: '999', verb: taunt}\n")
    with pytest.raises(DataFileError, match=re.escape("bad.yaml, line 3: unknown CAMEO code")):
        eventcoder.load(verbs=[bad])


def test_customise_explain_shows_user_entries(tmp_path: Path) -> None:
    mine = _write(tmp_path / "mine.yaml", YAML)
    result = CliRunner().invoke(app, ["explain", TEXT, "--actors", str(mine), "--json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    sources = {m["phrase"]: m["source"] for m in report["mentions"]}
    assert sources["Segunda Marquetalia"] == "mine.yaml:3"
    assert sources["narcos"] == "mine.yaml:5"
    assert sources["Luis Gilberto Murillo"] == "mine.yaml:7"
    assert [t["tried"][0]["source"] for t in report["triggers"]] == ["mine.yaml:9"] * 2


def test_customise_cli_reports_a_bad_file(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.yaml", "actor: []\n")
    result = CliRunner().invoke(app, ["explain", "Russia attacked Ukraine.", "--actors", str(bad)])
    assert result.exit_code == 2
    assert "unknown section 'actor'" in result.stderr
