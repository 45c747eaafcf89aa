"""What a phrase names and which side an actor is on (:mod:`eventcoder.coding.naming`, through
the document's actors): organisations and armed groups, pronouns, possessive targets."""

from __future__ import annotations

import pytest
from conftest import Dyad, Triple, coded, dyads
from spacy.language import Language


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
