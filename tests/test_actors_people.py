"""People (eventcoder.actors.people): PERSON entities, the people dictionary's surnames and a
document's memory of people and titles."""

from __future__ import annotations

import pytest
from conftest import subjects
from spacy.language import Language

from eventcoder.actors.people import Memory
from eventcoder.records import Actor


def test_people_title_resolves_person_and_later_surname(nlp: Language) -> None:
    text = (
        "State Department deputy spokesperson Mark Toner criticised Pakistan. "
        "Toner later praised India. The spokesperson also condemned Iran."
    )
    doc = nlp(text)
    by_trigger = {e.trigger.text: e for e in doc._.events}
    for trigger in ("criticised", "praised", "condemned"):
        assert by_trigger[trigger].actor.code == "USAGOV", trigger
        assert by_trigger[trigger].actor.name == "Mark Toner"


def test_people_apposition_title_is_remembered(nlp: Language) -> None:
    text = (
        "Pakistani troops were put on alert in Kashmir. Islamabad said the border was tense. "
        "Ahmad Shah, the army chief, warned India on Tuesday. Shah later criticised Pakistan's "
        "neighbour again."
    )
    doc = nlp(text)
    codes = {e.trigger.text: e.actor.code for e in doc._.events}
    assert codes["warned"] == "PAKMIL"
    assert codes["criticised"] == "PAKMIL"


def test_people_surnames_drop_the_article_and_keep_a_shared_country(nlp: Language) -> None:
    surnames = nlp.get_pipe("eventcoder").dictionary.surnames
    # "Abdel Fattah el-Sisi" is "Sisi" later, "Bashar al-Assad" "Assad"
    assert surnames["sisi"] is not None and surnames["sisi"].country == "EGY"
    assert surnames["assad"] is not None and surnames["assad"].country == "SYR"
    # Muammar (GOV) and Saif al-Islam Gaddafi (ELI): the surname says Libya, not the sector
    gaddafi = surnames["gaddafi"]
    assert gaddafi is not None and (gaddafi.country, gaddafi.sector) == ("LBY", None)
    assert subjects(nlp, "Gaddafi denounced the strikes.")["Gaddafi"] == ["LBY"]


@pytest.mark.parametrize(
    ("text", "subject", "codes"),
    [
        ("Mr. Sisi met Putin.", "Sisi", ["EGYGOV"]),  # an honorific before a surname
        ("The Obama administration criticised Iran.", "administration", ["USAGOV"]),
        ("Assad's forces shelled the village.", "forces", ["SYRMIL"]),
    ],
)
def test_people_known_surnames(nlp: Language, text: str, subject: str, codes: list[str]) -> None:
    assert subjects(nlp, text)[subject] == codes


def test_people_unknown_surname_modifier_gives_no_country(nlp: Language) -> None:
    assert subjects(nlp, "Jones's forces shelled the village.")["forces"] == ["---MIL"]


def test_people_memory_keeps_names_surnames_and_titles(nlp: Language) -> None:
    memory = Memory(nlp.get_pipe("eventcoder").dictionary)
    toner = Actor("Mark Toner", "USAGOV", "USA", "GOV", "Mark Toner", kind="person")
    memory.remember("Mark Toner", toner, ["deputy spokesperson"])
    assert memory.person("mark toner") is toner
    assert memory.person("Toner") is toner
    assert memory.title("deputy spokesperson") is toner
    assert memory.title("spokesperson") is toner
    # a surname remembered from the document is a memory; one from the dictionary a person
    remembered = memory.surname("Toner")
    assert remembered is not None and (remembered.code, remembered.kind) == ("USAGOV", "memory")
    known = memory.surname("Modi")
    assert known is not None and (known.code, known.kind) == ("INDGOV", "person")
    assert memory.surname("Jones") is None
