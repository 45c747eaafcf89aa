"""To whom an act is aimed (:mod:`eventcoder.coding.recipients`): the places a recipient may be
named, in order of preference, one of known country first."""

from __future__ import annotations

import pytest
from conftest import Parse, Triple, coded, verb_args
from spacy.language import Language

from eventcoder.coding.patterns import PatternBook
from eventcoder.coding.recipients import recipient_heads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X urged Y to ...: a request to Y
        ("Washington urged Islamabad to act against militants.", ("USA", "PAK", "REQUEST", "020")),
        # a protest is aimed at the country it happens in
        ("Thousands of protesters rallied in Moscow.", ("RUS", "RUS", "PROTEST", "141")),
        # the indirect object is the recipient under an object constraint
        ("India gave Sri Lanka a loan of one billion dollars.", ("IND", "LKA", "AID", "071")),
        ("Dock workers in Chile went on strike on Monday.", ("CHL", "CHL", "PROTEST", "143")),
        ("Uganda has deployed election observers to Kenya.", ("UGA", "KEN", "AID", "074")),
        # a role of no country acting in a named country: the place is the target
        (
            "Gunmen kidnapped six aid workers from a clinic in Somalia's Gedo region.",
            ("SOM", "SOM", "ASSAULT", "181"),
        ),
        # a place named on the actor is where a protest is aimed
        (
            "Students in Serbia's capital rallied against the government for a fifth day.",
            ("SRB", "SRB", "PROTEST", "141"),
        ),
        # the partner of a call may hang on the means of the call
        (
            "Kenya's president spoke by telephone with the Ethiopian prime minister.",
            ("KEN", "ETH", "CONSULT", "041"),
        ),
        # the other party may hang on what the object is part of
        (
            "Turkey hosted a round of talks between Russian and Ukrainian delegations.",
            ("TUR", "UKR", "CONSULT", "045"),
        ),
        # who made what is rejected
        (
            "Ethiopia rejected a proposal put forward by Egypt on the Nile dam.",
            ("ETH", "EGY", "REJECT", "120"),
        ),
        # force against protesters is aimed at the country it happens in
        (
            "Georgian riot police cracked down on pro-EU demonstrators in Tbilisi.",
            ("GEO", "GEO", "ASSAULT", "175"),
        ),
        # strikes on sites in a country hit that country
        ("Israel carried out air strikes on targets in Syria.", ("ISR", "SYR", "ASSAULT", "195")),
        # whose assets are frozen
        ("Canada froze the assets of three Iranian banks.", ("CAN", "IRN", "SANCTION", "163")),
        # money "in aid for" a country
        (
            "Japan disbursed 50 million dollars in emergency aid for Sudan.",
            ("JPN", "SDN", "AID", "071"),
        ),
        # inspections are investigations aimed at the country the sites are in
        ("IAEA inspectors inspected a reactor in Iran on Monday.", ("IGO", "IRN", "ACCUSE", "090")),
    ],
)
def test_recipients_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the possessor of what is welcomed
        ("Japan welcomed Obama's statement on trade.", ("JPN", "USA", "SUPPORT", "051")),
        # the country a body reached through a preposition is in
        (
            "Ghana will contribute 800 troops to an international stabilisation force in Haiti.",
            ("GHA", "HTI", "AID", "074"),
        ),
        # ... also through what the object is of or for
        (
            "The Security Council agreed to an extension of the mandate of the peacekeeping "
            "force in Cyprus.",
            ("IGO", "CYP", "AGREE", "030"),
        ),
        # where troops are to be withdrawn from
        (
            "Israel refused to withdraw its troops from positions in southern Lebanon.",
            ("ISR", "LBN", "REJECT", "120"),
        ),
        # money "in aid for" a country, the form of aid on the verb
        (
            "Qatar pledged 20 million dollars in humanitarian aid for Somalia on Monday.",
            ("QAT", "SOM", "AGREE", "033"),
        ),
        # an object shifted behind an as-phrase
        (
            "Greece rejected as a provocation Turkey's plan to drill near Crete.",
            ("GRC", "TUR", "REJECT", "120"),
        ),
        (
            "Japan condemned as unacceptable China's decision to expand the zone.",
            ("JPN", "CHN", "ACCUSE", "111"),
        ),
        # who did what is condemned, the by-phrase hung on the verb
        (
            "Turkey condemned the torture of a Turkish journalist by a Greek coast guard officer.",
            ("TUR", "GRC", "ACCUSE", "111"),
        ),
    ],
)
def test_recipients_deep_in_the_object(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each element of a list gives one event, also in an of-phrase the parser chains
        (
            "Rioters attacked the embassies of Denmark, Norway and Sweden.",
            {(None, c, "PROTEST", "145") for c in ("DNK", "NOR", "SWE")},
        ),
        # conjoined objects each have their maker
        (
            "Pakistan rejected India's proposal and Afghanistan's offer.",
            {("PAK", "IND", "REJECT", "120"), ("PAK", "AFG", "REJECT", "120")},
        ),
        # an event's venue is not its target, nor a capital where a deal is made
        ("Morocco agreed to talks in Geneva.", {("MAR", None, "AGREE", "030")}),
        (
            "Iran agreed to a deal on its nuclear programme in Vienna.",
            {("IRN", None, "AGREE", "030")},
        ),
        # co-actors of a mutual act stay each other's recipients
        (
            "Russia and Turkey agreed to a plan for elections in Libya.",
            {("RUS", "TUR", "AGREE", "030"), ("TUR", "RUS", "AGREE", "030")},
        ),
        # a place found deep in the object must be a known country: the protest stays
        # aimed at the country's authorities, not at the prisoners
        (
            "Iranian students protested against the execution of political prisoners.",
            {("IRN", "IRN", "PROTEST", "140")},
        ),
    ],
)
def test_recipients_deep_codes_only(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sending warships without a recipient is a deployment, not military aid
        (
            "China sent warships and fighter jets around the island of Taiwan.",
            {("CHN", "TWN", "MOBILIZE", "154")},
        ),
        # the parties an object is "between" are the recipients, each; and co-actors of one
        # act do not answer each other (reactions, inferred.py)
        (
            "Brazil, Argentina and Chile welcomed the accord between Ecuador and Peru.",
            {
                (actor, recipient, "SUPPORT", "051")
                for actor in ("BRA", "ARG", "CHL")
                for recipient in ("ECU", "PER")
            },
        ),
        # ... but a show of force alone gets no partners from a place between two countries
        (
            "Two Russian warships held drills between Sweden and Estonia.",
            {("RUS", None, "MOBILIZE", "150")},
        ),
    ],
)
def test_recipients_codes_only(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "verb", "recipient"),
    [
        # the object, or the subject of a passive
        ("Norway expelled a Russian diplomat.", "expelled", ["diplomat"]),
        ("Two Indian fishermen were detained by Pakistan.", "detained", ["fishermen"]),
        # the indirect object of what is given
        ("China lent Pakistan two billion dollars.", "lent", ["dollars", "Pakistan"]),
        # what is sent is not whom it goes to; where it goes is
        ("Japan sent warships.", "sent", []),
        ("Japan sent warships to the Philippines.", "sent", ["Philippines"]),
        # unless a country names it ("Ukraine tanks", parsed as one phrase)
        ("France gave Ukraine tanks.", "gave", ["tanks"]),
        # who is asked in a request's clause
        ("The Senate demanded that Maduro step down.", "demanded", ["Maduro"]),
        ("Ghana urged that Togo reopen the border.", "urged", ["Togo"]),
        # who did what is condemned
        (
            "Seoul condemned the killing of three fishermen by North Korean guards.",
            "condemned",
            ["guards"],
        ),
        # the other party named on the object
        ("Chile ratified an agreement with the EU.", "ratified", ["EU"]),
        # whose the object is, or what it is part of
        ("Mexico froze the accounts of two Venezuelan firms.", "froze", ["firms"]),
        (
            "Qatar mediated a round of talks between Ethiopian and Eritrean officials.",
            "mediated",
            ["officials"],
        ),
        # who made what is rejected
        ("Peru rejected a proposal drawn up by Bolivia.", "rejected", ["Bolivia"]),
        ("Peru rejected calls from Bolivia.", "rejected", ["Bolivia"]),
        # the partner on the means of a call
        (
            "Kenya's foreign minister spoke by phone with his Somali counterpart.",
            "spoke",
            ["phone", "counterpart"],
        ),
        # where rows: the place the act happens in, or named on the actor
        ("Students marched in Kampala.", "marched", ["Kampala"]),
        ("Farmers in Poland's capital protested.", "protested", ["Poland"]),
        # a place of known country beats people of none
        ("Gunmen abducted four engineers in Nigeria.", "abducted", ["Nigeria"]),
    ],
)
def test_recipients_recipient_heads(
    parse: Parse, book: PatternBook, text: str, verb: str, recipient: list[str]
) -> None:
    p = parse(text)
    heads = recipient_heads(*verb_args(p, verb, book), p.actors, book)
    assert [t.text for t in heads] == recipient
