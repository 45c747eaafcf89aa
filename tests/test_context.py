"""When and where: every event and quote dated, events located, in the user's article and in
hand-written cases; the GDELT export's ActionGeo fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE
from spacy.language import Language
from spacy.tokens import Doc

import eventcoder
from eventcoder.io.readers import Article


def _code(nlp: Language, text: str, date: str | None = "2016-09-09") -> Doc:
    return next(eventcoder.pipe(nlp, [Article(id="t", text=text, date=date)]))


@pytest.fixture(scope="module")
def article(nlp: Language) -> Doc:
    return _code(nlp, ARTICLE.read_text(encoding="utf-8"))


def test_context_article_modi_statement_is_dated_yesterday(article: Doc) -> None:
    lashed = next(e for e in article._.events if e.trigger.text == "lashed")
    assert (lashed.date, lashed.date_text, lashed.date_precision) == (
        "2016-09-08",
        "yesterday",
        "day",
    )
    # His quote after that sentence was said then too, and so was what it states.
    quote = next(q for q in article._.quotes if q.text.startswith("One country"))
    assert (quote.date, quote.date_text) == ("2016-09-08", "yesterday")
    assert all(e.date == "2016-09-08" for e in article._.events if e.quote == quote.index)


def test_context_article_undated_events_take_the_article_date(article: Doc) -> None:
    others = [e for e in article._.events if e.date_text is None]
    assert others
    assert {(e.date, e.date_precision) for e in others} == {("2016-09-09", "day")}


@pytest.mark.parametrize(
    ("name", "kind", "country", "lat", "lon"),
    [
        ("Laos", "country", "LAO", 18.0, 105.0),
        ("China", "country", "CHN", 35.0, 105.0),
        ("Balochistan", "admin1", "PAK", 28.5, 65.0),
    ],
)
def test_context_article_places_have_coordinates(
    article: Doc, name: str, kind: str, country: str, lat: float, lon: float
) -> None:
    place = next(p for p in article._.places if p.name == name)
    assert (place.kind, place.country) == (kind, country)
    assert abs(place.lat - lat) < 6 and abs(place.lon - lon) < 8  # the country or region, roughly


def test_context_article_events_are_located(article: Doc) -> None:
    lashed = next(e for e in article._.events if e.trigger.text == "lashed")
    assert lashed.location is not None and lashed.location["name"] == "Laos"  # "Summit in Laos"
    accusing = next(e for e in article._.events if e.trigger.text == "accusing")
    assert accusing.location is None  # its sentence names no place


CASES: list[tuple[str, str, str, dict[str, Any]]] = [
    # text, article date, trigger, expected fields
    (
        "Pakistani police arrested an Indian spy in Balochistan on Sunday.",
        "2016-03-29",
        "arrested",
        {"date": "2016-03-27", "date_text": "Sunday", "location": "Balochistan"},
    ),
    (
        "Russian forces shelled Kharkiv on Monday, and Ukraine attacked an airfield in Belgorod on Tuesday.",
        "2024-05-16",
        "attacked",
        {"date": "2024-05-14", "location": "Belgorod"},
    ),
    (
        "Russian forces shelled Kharkiv on Monday, and Ukraine attacked an airfield in Belgorod on Tuesday.",
        "2024-05-16",
        "shelled",
        {"date": "2024-05-13", "location": None},
    ),  # Kharkiv is the target
    (
        "Turkey and Greece signed a maritime agreement in Athens last month.",
        "2023-12-08",
        "signed",
        {"date": "2023-11-01", "date_precision": "month", "location": "Athens"},
    ),
    (
        "Kenyan police arrested opposition leaders in Nairobi.",
        "2017-08-09",
        "arrested",
        {"date": "2017-08-09", "date_text": None, "location": "Nairobi"},
    ),
    (
        "Washington urged Islamabad to act against militant groups.",
        "2016-09-09",
        "urged",
        {"location": None},
    ),  # capitals naming governments are actors, not places
]


@pytest.mark.parametrize(("text", "date", "trigger", "want"), CASES)
def test_context_case(
    nlp: Language, text: str, date: str, trigger: str, want: dict[str, Any]
) -> None:
    doc = _code(nlp, text, date)
    event = next(e for e in doc._.events if e.trigger.text == trigger)
    for key, value in want.items():
        got = (
            event.location["name"] if key == "location" and event.location else getattr(event, key)
        )
        assert got == value, (key, event.to_dict())


def test_context_quoted_date_belongs_to_the_quote(nlp: Language) -> None:
    text = '"We struck their weapons depots in Lebanon yesterday," the Israeli army said on Monday.'
    doc = _code(nlp, text, "2024-05-21")
    quote = doc._.quotes[0]
    assert (quote.date, quote.date_text) == ("2024-05-20", "Monday")
    event = next(e for e in doc._.events if e.quote == 0)
    assert event.actor.code == "ISRMIL"  # "we" is the speaker
    assert (event.date, event.date_text) == ("2024-05-19", "yesterday")  # said Monday of Sunday
    # An accusation made in speech is dated when it was made.
    doc = _code(
        nlp, '"Russia shelled our cities yesterday," Zelensky said on Friday.', "2024-05-18"
    )
    claim = next(e for e in doc._.events if e.cameo == "112")
    assert (claim.date, claim.date_text) == ("2024-05-17", "Friday")


def test_context_can_be_switched_off(nlp: Language) -> None:
    core = eventcoder.load()
    core.get_pipe("eventcoder").context = False
    doc = next(
        eventcoder.pipe(core, [Article(id="t", text=ARTICLE.read_text(), date="2016-09-09")])
    )
    assert doc._.events and not doc._.quotes and not doc._.places
    assert {e.date for e in doc._.events} == {"2016-09-09"}


def test_context_gdelt_export_has_action_geo(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventcoder.cli import app

    text = tmp_path / "story-2016-03-29.txt"
    text.write_text("Pakistani police arrested an Indian spy in Balochistan on Sunday.")
    db = tmp_path / "ev.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["code", str(text), "--db", str(db)]).exit_code == 0
    out = tmp_path / "events.tsv"
    assert (
        runner.invoke(
            app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)]
        ).exit_code
        == 0
    )
    row = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert len(row) == 61
    # Columns 52-59: ActionGeo Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID
    assert row[1] == "20160327"  # SQLDATE: the day of the arrest, not of the article
    assert row[51] == "5" and "Balochistan" in row[52] and row[53] == "PK"
    assert (
        row[54].startswith("PK") and abs(float(row[56]) - 28.5) < 3 and abs(float(row[57]) - 65) < 4
    )


@pytest.mark.parametrize(
    ("text", "trigger", "role", "code", "kind"),
    [
        (
            "Thousands of protesters rallied in Karachi against the new tax.",
            "rallied",
            "recipient",
            "PAK",
            "place",
        ),
        (
            "A court in Lahore sentenced an opposition leader to seven years in prison.",
            "sentenced",
            "actor",
            "PAKJUD",
            "agent",
        ),
        (
            "Hundreds of protesters rallied outside the French consulate in Karachi.",
            "rallied",
            "recipient",
            "FRAGOV",
            "adjective",
        ),
    ],
)
def test_context_towns_stand_for_their_country(
    nlp: Language, text: str, trigger: str, role: str, code: str, kind: str
) -> None:
    doc = _code(nlp, text)
    event = next(e for e in doc._.events if e.trigger.text == trigger)
    actor = getattr(event, role)
    assert actor is not None and (actor.code, actor.kind) == (code, kind), event.to_dict()
    assert len([e for e in doc._.events if e.trigger.text == trigger]) == 1
