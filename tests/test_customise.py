"""Users' own countries, actors, role words, people and verb patterns, in TSV files or one YAML
file: dated entries, the countries section, switching the built-in tables off, `replace`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from spacy.language import Language
from typer.testing import CliRunner

import eventcoder
from eventcoder.cli import app
from eventcoder.custom import actor_rows, read_yaml, replaced_tables, route, verb_rows
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


# PETRARCH: ASKAR_AKAYEV_ [KGZELI 620101-901027] [KGZGOV 901027-050411] [KGZELI]
KYRGYZ = """\
people:
  - {name: Askar Akayev, country: KGZ, sector: ELI, role: physicist, from: 1962-01-01, to: 1990-10-27}
  - {name: Askar Akayev, country: KGZ, sector: GOV, role: president, from: 1990-10-27, to: 2005-04-11}
  - {name: Askar Akayev, country: KGZ, sector: ELI, role: former president}
  - {name: Roza Otunbayeva, country: KGZ, sector: OPP, role: opposition leader, to: 2010-04-06}
  - {name: Roza Otunbayeva, country: KGZ, sector: GOV, role: president, from: 2010-04-07, to: 2011-12-01}
"""


@pytest.fixture(scope="module")
def kyrgyz(tmp_path_factory: pytest.TempPathFactory) -> Language:
    return eventcoder.load(actors=[_write(tmp_path_factory.mktemp("kg") / "kg.yaml", KYRGYZ)])


@pytest.mark.parametrize(
    ("text", "date", "actors"),
    [
        ("Askar Akayev accused Russia of meddling.", "2005-01-10", ["KGZGOV"]),
        ("Askar Akayev accused Russia of meddling.", "2010-06-01", ["KGZELI"]),  # no range holds it
        ("Askar Akayev accused Russia of meddling.", None, ["KGZELI"]),  # the entry with no range
        ("Askar Akayev accused Russia of meddling.", "1985-05-01", ["KGZELI"]),
        ("Roza Otunbayeva accused Russia of meddling.", "2005-01-10", ["KGZOPP"]),
        ("Roza Otunbayeva accused Russia of meddling.", "2010-06-01", ["KGZGOV"]),
        ("Roza Otunbayeva accused Russia of meddling.", None, ["KGZGOV"]),  # the latest range
        ("Roza Otunbayeva accused Russia of meddling.", "2015-01-01", []),  # no entry then
        # the surname, remembered from the full name or from the people table, by date too
        ("Askar Akayev met Putin. Akayev later accused Russia of meddling.", "2005-01-10",
         ["KGZGOV", "KGZGOV"]),
        ("Askar Akayev met Putin. Akayev later accused Russia of meddling.", "2010-06-01",
         ["KGZELI", "KGZELI"]),
        ("Akayev accused Russia of meddling.", "2005-01-10", ["KGZGOV"]),
        ("Akayev accused Russia of meddling.", "2010-06-01", ["KGZELI"]),
        ("Otunbayeva accused Russia of meddling.", "2015-01-01", []),
    ],
)  # fmt: skip
def test_customise_dated_entries_follow_the_article_date(
    kyrgyz: Language, text: str, date: str | None, actors: list[str]
) -> None:
    events = eventcoder.code(text, date=date, nlp=kyrgyz)
    assert [e.actor.code for e in events] == actors


def test_customise_dated_entries_through_the_cli(tmp_path: Path) -> None:
    mine = _write(tmp_path / "kg.yaml", KYRGYZ)
    text = "Askar Akayev accused Russia of meddling."
    lines = [json.dumps({"id": d, "text": text, "date": d}) for d in ("2005-01-10", "2010-06-01")]
    inputs = _write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    result = CliRunner().invoke(app, ["code", str(inputs), "-o", "-", "--actors", str(mine)])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["doc_id"], r["actor"]["code"]) for r in rows} == {
        ("2005-01-10", "KGZGOV"),
        ("2010-06-01", "KGZELI"),
    }


def test_customise_a_name_of_several_countries_in_a_user_file(tmp_path: Path) -> None:
    mine = _write(
        tmp_path / "fronts.yaml",
        "actors:\n"
        "  - {phrase: Popular Front, code: ESPPTY, country: ESP, sector: PTY, kind: party}\n"
        "  - {phrase: Popular Front, code: CHLPTY, country: CHL, sector: PTY, kind: party}\n"
        "  - {phrase: Popular Front, code: PERPTY, country: PER, sector: PTY, kind: party,"
        " from: 1990-01-01, to: 1990-12-31}\n",
    )
    nlp = eventcoder.load(actors=[mine])
    text = "The Popular Front accused Chilean police of torture in Santiago."
    assert [e.actor.code for e in eventcoder.code(text, nlp=nlp)] == ["CHLPTY"]
    assert [e.actor.code for e in eventcoder.code(text, date="1990-06-01", nlp=nlp)] == ["PERPTY"]
    text = "The Popular Front accused the police of torture."
    assert [e.actor.code for e in eventcoder.code(text, nlp=nlp)] == ["ESPPTY"]


def test_customise_countries_section_and_tsv_header(tmp_path: Path) -> None:
    yaml_file = _write(
        tmp_path / "places.yaml",
        "countries:\n  - {iso3: COD, kind: name, phrase: Zaire}\n"
        "  - {iso3: COD, kind: adj, phrase: Zairean}\n",
    )
    tsv_file = _write(tmp_path / "places.tsv", "iso3\tkind\tphrase\nMMR\tname\tBurma\n")
    assert actor_rows(tsv_file)["countries"][0]["phrase"] == "Burma"
    nlp = eventcoder.load(actors=[yaml_file, tsv_file])
    events = eventcoder.code("Zairean troops attacked Burma.", nlp=nlp)
    assert _triples(events) == [("CODMIL", "190", "MMR")]


@pytest.mark.parametrize(
    ("text", "replaced"),
    [
        ("replace: true\npeople: []\nagents: []\n", {"people", "agents"}),
        ("replace: yes\ncountries:\n  - {iso3: IND, kind: name, phrase: India}\n", {"countries"}),
        ("replace: false\npeople: []\n", set()),
        ("replace: [people, actors, verbs]\n", {"people", "actors", "verbs"}),
        ("replace: []\npeople: []\n", set()),
        ("people: []\n", set()),
    ],
)
def test_customise_replaced_tables(tmp_path: Path, text: str, replaced: set[str]) -> None:
    mine = _write(tmp_path / "mine.yaml", text)
    tsv = _write(tmp_path / "mine.tsv", "Freedonia\tFRD\t-\t-\tagency\n")
    assert replaced_tables([mine, tsv]) == replaced


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("replace: people\n", "line 1: 'replace' must be true, false or a list of section names"),
        ("replace: 1\n", "line 1: 'replace' must be true, false or a list"),
        ("replace: {people: true}\n", "line 1: 'replace' must be true, false or a list"),
        ("people: []\nreplace:\n  - people\n  - actor\n",
         "line 4: 'replace' names unknown section 'actor'. Use one of: countries, actors, agents, "
         "people, verbs"),
        ("replace: [[people]]\n", "line 1: 'replace' must be true, false or a list"),
    ],
)  # fmt: skip
def test_customise_replace_errors_name_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    bad = _write(tmp_path / "bad.yaml", text)
    with pytest.raises(DataFileError) as err:
        eventcoder.load(actors=[bad])
    assert str(err.value).startswith(f"{bad}, {message}"), str(err.value)


INDIA_ONLY = "replace: true\ncountries:\n  - {iso3: IND, kind: name, phrase: India}\n"
CLASH = "India accused Pakistan of terrorism. Modi attacked Pakistan."


@pytest.mark.parametrize(
    ("files", "builtin", "triples"),
    [
        ((), True, [("IND", "112", "PAK"), ("INDGOV", "111", "PAK")]),
        ((), False, []),  # no actor tables at all
        # the user's countries are the whole table: Pakistan is no one, the people stay
        ((INDIA_ONLY,), True, [("IND", "112", None), ("INDGOV", "111", None)]),
        ((INDIA_ONLY,), False, [("IND", "112", None)]),
        # replace only the people: Modi is no one, the countries stay
        (("replace: [people]\n",), True, [("IND", "112", "PAK")]),
        # without replace a user's file adds to the built-in tables
        (("countries:\n  - {iso3: IND, kind: name, phrase: India}\n",), True,
         [("IND", "112", "PAK"), ("INDGOV", "111", "PAK")]),
    ],
)  # fmt: skip
def test_customise_builtin_tables_switched_off(
    tmp_path: Path,
    files: tuple[str, ...],
    builtin: bool,
    triples: list[tuple[str, str, str | None]],
) -> None:
    paths = [_write(tmp_path / f"mine{n}.yaml", text) for n, text in enumerate(files)]
    nlp = eventcoder.load(actors=paths, builtin_actors=builtin)
    assert _triples(eventcoder.code(CLASH, nlp=nlp)) == triples


@pytest.mark.parametrize("workers", ["1", "2"])
def test_customise_cli_no_builtin_actors(tmp_path: Path, workers: str) -> None:
    mine = _write(tmp_path / "india.yaml", INDIA_ONLY)
    lines = [json.dumps({"id": str(n), "text": CLASH}) for n in range(3)]
    inputs = _write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    args = ["code", str(inputs), "-o", "-", "--workers", workers]
    result = CliRunner().invoke(app, [*args, "--no-builtin-actors", "--actors", str(mine)])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["actor"]["code"], r["recipient"]) for r in rows] == [("IND", None)] * 3
    result = CliRunner().invoke(app, [*args, "--actors", str(mine)])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["actor"]["code"] for r in rows] == ["IND", "INDGOV"] * 3


def test_customise_cli_no_builtin_actors_on_every_command(tmp_path: Path) -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name, command in commands.items():
        options = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
        if "--actors" in options:
            assert "--no-builtin-actors" in options, name
    result = CliRunner().invoke(
        app, ["explain", "Pakistan accused India.", "--no-builtin-actors", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["mentions"] == []
