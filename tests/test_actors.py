"""Actor coding: names, adjectives, capitals, titles, IGOs, armed groups and people."""

from __future__ import annotations

import pytest
from conftest import DATA
from spacy.language import Language

from eventcoder.actors import DocActors
from eventcoder.tsv import read_tsv

ROWS = list(read_tsv(DATA / "actors.tsv", ("text", "country", "sector", "kind")))


def _resolve(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    component = nlp.get_pipe("eventcoder")
    doc = nlp(text)
    root = next(t for t in doc if t.head.i == t.i)
    return DocActors(doc, component.dictionary).resolve(root)


@pytest.mark.parametrize("row", ROWS, ids=[r["text"] for r in ROWS])
def test_actors_table(nlp: Language, row: dict[str, str | None]) -> None:
    actor = _resolve(nlp, row["text"] or "")
    assert actor is not None, row
    assert actor.country == row["country"]
    if row["sector"] is not None:
        assert actor.sector == row["sector"]


def test_actors_title_resolves_person_and_later_surname(nlp: Language) -> None:
    text = (
        "State Department deputy spokesperson Mark Toner criticised Pakistan. "
        "Toner later praised India. The spokesperson also condemned Iran."
    )
    doc = nlp(text)
    by_trigger = {e.trigger.text: e for e in doc._.events}
    for trigger in ("criticised", "praised", "condemned"):
        assert by_trigger[trigger].actor.code == "USAGOV", trigger
        assert by_trigger[trigger].actor.name == "Mark Toner"


def test_actors_pronoun_us_is_not_the_united_states(nlp: Language) -> None:
    doc = nlp("They told us that Iran condemned Israel.")
    assert {e.actor.code for e in doc._.events} == {"IRN"}


def test_actors_conjoined_actors_each_get_the_event(nlp: Language) -> None:
    doc = nlp("India and Pakistan agreed to resume talks.")
    assert {e.actor.country for e in doc._.events} >= {"IND", "PAK"}


def _subjects(nlp: Language, text: str) -> dict[str, list[str]]:
    """Each subject's text -> the codes it resolves to, over the whole document."""
    component = nlp.get_pipe("eventcoder")
    doc = nlp(text)
    actors = DocActors(doc, component.dictionary)
    return {
        t.text: [a.code for a in actors.resolve_all(t)]
        for t in doc
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"
    }


PAIRS = [
    "India and Pakistan exchanged fire on Monday. The two countries agreed to hold talks.",
    "India and Pakistan exchanged fire on Monday. Both sides blamed the other.",
    "Troops from India and Pakistan clashed on the border, and the two sides later met.",
]


@pytest.mark.parametrize("text", PAIRS)
def test_actors_the_two_sides_are_the_last_two_countries(nlp: Language, text: str) -> None:
    subjects = _subjects(nlp, text)
    pair = subjects.get("countries") or subjects.get("sides")
    assert pair is not None and sorted(pair) == ["IND", "PAK"], subjects


def test_actors_the_two_sides_need_two_countries(nlp: Language) -> None:
    subjects = _subjects(nlp, "Kenya held elections on Monday. The two sides disputed the count.")
    assert subjects["sides"] == []


def test_actors_bare_institutions_take_the_main_country(nlp: Language) -> None:
    text = (
        "Kenyan police fired tear gas at protesters in Nairobi on Tuesday. "
        "The government said the army would be deployed. "
        "Police arrested dozens, and the opposition condemned the crackdown."
    )
    subjects = _subjects(nlp, text)
    assert subjects["government"] == ["KENGOV"]
    assert subjects["army"] == ["KENMIL"]
    assert subjects["Police"] == ["KENCOP"]
    assert subjects["opposition"] == ["KENOPP"]


@pytest.mark.parametrize(
    "text",
    [
        # two countries, neither dominating: "the army" is no one's in particular
        "India accused Pakistan on Monday. Pakistan denied it and India warned Pakistan again. "
        "The army was put on alert.",
        # one mention is not an article about a country
        "Police in Kenya arrested him. The army was put on alert.",
    ],
)
def test_actors_no_main_country_without_a_dominant_one(nlp: Language, text: str) -> None:
    assert _subjects(nlp, text)["army"] == ["---MIL"]


def test_actors_main_country_counts_every_mention() -> None:
    from eventcoder.actors import Entry, Mention, main_country

    def mentions(*countries: str) -> list[Mention]:
        return [Mention(0, 1, Entry("country", c, None, None, None, "test")) for c in countries]

    assert main_country(mentions("KEN", "KEN", "KEN", "USA")) == "KEN"
    assert main_country(mentions("KEN", "KEN", "USA")) is None
    assert main_country(mentions("KEN")) is None
    assert main_country([]) is None


def test_actors_the_group_is_the_last_group_named(nlp: Language) -> None:
    text = (
        "Taliban fighters attacked a checkpoint in Kandahar on Monday. "
        "The group's leader, Ahmad Shah, threatened Pakistan. "
        "Shah said the group would attack India."
    )
    doc = nlp(text)
    codes = {e.trigger.text: e.actor.code for e in doc._.events}
    assert codes["threatened"] == "AFGREB"
    assert {e.actor.name for e in doc._.events if e.trigger.text == "threatened"} == {"Ahmad Shah"}


def test_actors_apposition_title_is_remembered(nlp: Language) -> None:
    text = (
        "Pakistani troops were put on alert in Kashmir. Islamabad said the border was tense. "
        "Ahmad Shah, the army chief, warned India on Tuesday. Shah later criticised Pakistan's "
        "neighbour again."
    )
    doc = nlp(text)
    codes = {e.trigger.text: e.actor.code for e in doc._.events}
    assert codes["warned"] == "PAKMIL"
    assert codes["criticised"] == "PAKMIL"


def test_actors_role_from_a_named_body(nlp: Language) -> None:
    subjects = _subjects(nlp, "Ministers from the Georgian government met the protesters.")
    assert subjects["Ministers"] == ["GEOGOV"]
    subjects = _subjects(nlp, "Negotiators from Armenia and Azerbaijan held talks in Washington.")
    assert sorted(subjects["Negotiators"]) == ["ARMGOV", "AZEGOV"]


def test_actors_surnames_drop_the_article_and_keep_a_shared_country(nlp: Language) -> None:
    surnames = nlp.get_pipe("eventcoder").dictionary.surnames
    # "Abdel Fattah el-Sisi" is "Sisi" later, "Bashar al-Assad" "Assad"
    assert surnames["sisi"] is not None and surnames["sisi"].country == "EGY"
    assert surnames["assad"] is not None and surnames["assad"].country == "SYR"
    # Muammar (GOV) and Saif al-Islam Gaddafi (ELI): the surname says Libya, not the sector
    gaddafi = surnames["gaddafi"]
    assert gaddafi is not None and (gaddafi.country, gaddafi.sector) == ("LBY", None)
    assert _subjects(nlp, "Gaddafi denounced the strikes.")["Gaddafi"] == ["LBY"]


def test_actors_unknown_surname_modifier_gives_no_country(nlp: Language) -> None:
    assert _subjects(nlp, "Jones's forces shelled the village.")["forces"] == ["---MIL"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # no other country named: the first listed
        ("Jamaat-e-Islami called a strike on Sunday.", "PAKPTY"),
        ("Jamaat-e-Islami called a strike in Bangladesh after police raided Dhaka homes.", "BGDPTY"),
        ("Jamaat-e-Islami called a strike in Kashmir, and Indian police in New Delhi braced.",
         "INDPTY"),
    ],
)  # fmt: skip
def test_actors_one_name_of_several_countries_takes_the_document_s(
    nlp: Language, text: str, code: str
) -> None:
    subjects = _subjects(nlp, text)
    assert [code] in subjects.values(), subjects
