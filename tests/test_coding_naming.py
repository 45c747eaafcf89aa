"""What a phrase names and which side an actor is on (:mod:`eventcoder.coding.naming`, through
the document's actors): organisations and armed groups, pronouns, possessive targets."""

from __future__ import annotations

import pytest
from conftest import Dyad, Parse, Triple, coded, dyads
from spacy.language import Language

from eventcoder.coding import naming
from eventcoder.records import Actor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # IGO and armed group actors
        ("The European Union imposed sanctions on Belarus.", ("IGO", "BLR", "SANCTION", "163")),
        ("Boko Haram militants attacked Nigerian soldiers.", ("NGA", "NGA", "ASSAULT", "190")),
        # a possessive target is not the actor's own ("its" = the side that said so)
        (
            "Armenia said Azerbaijani forces had fired on its border posts overnight.",
            ("ARM", "AZE", "ACCUSE", "112"),
        ),
        # an armed group's forces are the group's (REB), not an army
        ("Houthi forces attacked a Saudi oil facility.", ("YEM", "SAU", "ASSAULT", "190")),
        # the object of a participle clause is the main act's target
        (
            "Pakistan expelled two Indian diplomats, accusing them of spying.",
            ("PAK", "IND", "ACCUSE", "112"),
        ),
        # a name several countries' bodies bear takes the country the article is about
        (
            "Argentine pensioners marched to Congress in Buenos Aires.",
            ("ARG", "ARG", "PROTEST", "141"),
        ),
    ],
)
def test_naming_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two titled leaders the parser joins into one phrase are two actors
        (
            "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed met in "
            "Nairobi on Monday.",
            ("KEN", "ETH", "CONSULT"),
        ),
    ],
)
def test_naming_dyad(nlp: Language, text: str, expected: Dyad) -> None:
    assert expected in dyads(nlp, text)


def test_naming_resolve_a_possessive_target_to_the_other_side(parse: Parse) -> None:
    p = parse("Kabul said Pakistani forces had shelled its border posts.")
    assert [a.code for a in naming.resolve(p.actors, p["forces"])] == ["PAKMIL"]
    assert naming.resolve(p.actors, p["posts"]) == []  # "its" alone: no one yet
    # as the target of the forces' act, "its" is not the forces' own: the side that said so
    (owner,) = naming.resolve(p.actors, p["posts"], exclude="PAKMIL")
    assert (owner.code, owner.kind) == ("AFG", "pronoun")


def test_naming_resolve_pronouns_that_name_no_one(parse: Parse) -> None:
    p = parse("This is what it said.")
    assert naming.resolve(p.actors, p["This"]) == [] and naming.resolve(p.actors, p["it"]) == []


def test_naming_names_actor(parse: Parse) -> None:
    p = parse("Gunmen attacked a convoy of the African Union.")
    assert naming.names_actor(p.actors, p["Gunmen"])  # ---UAF: an actor of no country
    assert not naming.names_actor(p.actors, p["Gunmen"], known_only=True)
    assert naming.names_actor(p.actors, p["convoy"], known_only=True)
    assert naming.names_igo(p.actors, [p["Gunmen"], p["Union"]])
    assert not naming.names_igo(p.actors, [p["Gunmen"]])
    # "its border posts" may name an actor only as the target of a hostile act (owners)
    p = parse("Kabul said Pakistani forces had shelled its border posts.")
    assert not naming.names_actor(p.actors, p["posts"])
    assert naming.names_actor(p.actors, p["posts"], owners=True)


def test_naming_names_place(parse: Parse) -> None:
    """A town or a capital is a place; a country's own name and a person are not."""
    p = parse("The rebels captured Kabul and Ramadi, not Pakistan or the mayor.")
    assert naming.names_place(p.actors, [p["Kabul"]])  # a capital
    assert naming.names_place(p.actors, [p["Ramadi"]])  # a town the parser tags GPE
    assert not naming.names_place(p.actors, [p["Pakistan"], p["mayor"]])


@pytest.mark.parametrize(
    ("actor", "side", "party"),
    [
        (Actor("Washington", "USAGOV", "USA", "GOV"), "USA", "USA"),
        (Actor("US troops", "USAMIL", "USA", "MIL"), "USA", "USA"),
        # rebels, the opposition, parties and NGOs are apart from their government
        (Actor("al-Shabaab", "SOMREB", "SOM", "REB"), "SOM", "SOMREB"),
        (Actor("the opposition", "VENOPP", "VEN", "OPP"), "VEN", "VENOPP"),
        # an actor of no country is its own side
        (Actor("NATO", "IGONAT", None, "IGO"), "IGONAT", "IGONAT"),
        # an organisation's bodies are its side
        (Actor("the EEC", "IGOEUREEC", None, "IGO"), "IGOEUR", "IGOEUR"),
    ],
)
def test_naming_side_and_party(actor: Actor, side: str, party: str) -> None:
    assert (naming.side(actor), naming.party(actor)) == (side, party)
