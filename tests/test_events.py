"""The coding rules, one construction a case (docs/coding.md)."""

from __future__ import annotations

import pytest
from conftest import Triple, coded
from spacy.language import Language

import eventcoder
from eventcoder.evaluate import country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive voice: the by-phrase acts, the subject receives
        (
            "Two Indian fishermen were arrested by the Sri Lankan navy.",
            ("LKA", "IND", "COERCE", "173"),
        ),
        # X urged Y to ...: a request to Y
        ("Washington urged Islamabad to act against militants.", ("USA", "PAK", "REQUEST", "020")),
        # X accused Y of ...
        ("Pakistan accused India of sponsoring terrorism.", ("PAK", "IND", "ACCUSE", "112")),
        # a threat takes its kind and its target from the act threatened
        ("North Korea threatened to strike Seoul.", ("PRK", "KOR", "THREATEN", "138")),
        ("India threatened to impose sanctions on Pakistan.", ("IND", "PAK", "THREATEN", "131")),
        # striking a place named as an actor is an air or missile strike
        ("Russian missiles struck Kyiv overnight.", ("RUS", "UKR", "ASSAULT", "195")),
        # reported speech: the speaker's claim is the speaker's event
        (
            "Kabul said Pakistani forces had shelled its border posts.",
            ("AFG", "PAK", "ACCUSE", "112"),
        ),
        # conjoined actors each act; mutual verbs pair them
        ("India and Pakistan agreed to resume talks.", ("PAK", "IND", "AGREE", "030")),
        # nominal trigger with possessor and target
        (
            "Pakistan rejected Modi's attack on Pakistan as baseless.",
            ("IND", "PAK", "ACCUSE", "111"),
        ),
        # a support verb makes the noun the act
        ("Israel launched air strikes on Gaza overnight.", ("ISR", "PSE", "ASSAULT", "190")),
        # person=: a leader's attack is criticism
        ("Modi attacked Pakistan over terrorism.", ("IND", "PAK", "ACCUSE", "111")),
        # intention: wanting to attack is a threat
        ("Obama wants to attack Syria.", ("USA", "SYR", "THREATEN", "138")),
        # wanting someone to act is a request to them
        ("Paris wants Berlin to increase aid.", ("FRA", "DEU", "REQUEST", "020")),
        # a refused act of cooperation is a rejection
        ("Russia said it would not provide support to Iran.", ("RUS", "IRN", "REJECT", "120")),
        # the giver of what is received is the actor
        ("Ukraine received weapons from Poland.", ("POL", "UKR", "AID", "072")),
        # a protest is aimed at the country it happens in
        ("Thousands of protesters rallied in Moscow.", (None, "RUS", "PROTEST", "141")),
        # IGO and armed group actors
        ("The European Union imposed sanctions on Belarus.", ("IGO", "BLR", "SANCTION", "163")),
        ("Boko Haram militants attacked Nigerian soldiers.", ("NGA", "NGA", "ASSAULT", "190")),
        # an announced future act is an intention, not the act
        ("Japan announced it would send rescue teams to Turkey.", ("JPN", "TUR", "AGREE", "033")),
        ("Pyongyang said it will fire missiles at Japan.", ("PRK", "JPN", "THREATEN", "138")),
        # conjoined actors intending a mutual act intend it with each other
        ("Egypt and Sudan are planning to hold talks.", ("EGY", "SDN", "AGREE", "036")),
        # a weapon is the instrument: the actor is whoever fired it
        (
            "A Ukrainian fuel depot was hit by a missile fired by Russian forces.",
            ("RUS", "UKR", "ASSAULT", "195"),
        ),
        # the target of a nominal act may hang on its support verb
        (
            "A Turkish court issued arrest warrants for 12 Syrian nationals.",
            ("TUR", "SYR", "COERCE", "173"),
        ),
        # weighing an act is not doing it
        (
            "The European Union is considering imposing sanctions on Iran.",
            ("IGO", "IRN", None, "014"),
        ),
        # "each other": the paired actors are each other's recipients
        (
            "Troops from Armenia and Azerbaijan clashed overnight. "
            "Both sides blamed each other for the fighting.",
            ("AZE", "ARM", "ACCUSE", "112"),
        ),
        (
            "Serbia and Kosovo traded accusations over the border incident.",
            ("SRB", "XKX", "ACCUSE", "112"),
        ),
        (
            "Thai and Cambodian troops traded fire near a disputed temple.",
            ("KHM", "THA", "ASSAULT", "190"),
        ),
        # an agreement reached by conjoined parties is reached with each other
        ("Greek and Turkish negotiators reached an agreement.", ("TUR", "GRC", "SUPPORT", "057")),
        # cooperation someone failed to achieve is a rejection
        (
            "Chile failed to reach a deal with Bolivia over water rights.",
            ("CHL", "BOL", "REJECT", "120"),
        ),
        # withdrawing from a place is a retreat; from an accord or a body, reduced relations
        ("Russian forces withdrew from Kherson.", ("RUS", None, "RETREAT", "0874")),
        ("Israel pulled its soldiers out of Gaza.", ("ISR", "PSE", "RETREAT", "0874")),
        ("Russia pulled out of the grain deal with Ukraine.", ("RUS", "UKR", "SANCTION", "160")),
        (
            "Burkina Faso withdrew from the Economic Community of West African States.",
            ("BFA", "IGO", "SANCTION", "160"),
        ),
        # a suspension is an act of its own; its target may hang on what is suspended
        ("Norway announced a suspension of aid to Uganda.", ("NOR", "UGA", "SANCTION", "160")),
        # attending a ceremony abroad is a visit to the host; a travel warning reduces relations
        (
            "The Japanese prime minister will attend the coronation ceremony in Bangkok.",
            ("JPN", "THA", "CONSULT", "042"),
        ),
        (
            "Canada warned against travel to Haiti after the riots.",
            ("CAN", "HTI", "SANCTION", "160"),
        ),
        # "X said Y must do": a demand on Y, not the act
        (
            "Brazil's foreign minister said Venezuela must hold free elections.",
            ("BRA", "VEN", "REQUEST", "100"),
        ),
        # a light object head ("efforts") carries the act its compound names
        (
            "Norway ended its mediation efforts between Sri Lanka and the Tamil rebels.",
            ("NOR", "LKA", "SANCTION", "165"),
        ),
        # the indirect object is the recipient under an object constraint
        ("India gave Sri Lanka a loan of one billion dollars.", ("IND", "LKA", "AID", "071")),
        ("Dock workers in Chile went on strike on Monday.", ("CHL", "CHL", "PROTEST", "143")),
        ("Uganda has deployed election observers to Kenya.", ("UGA", "KEN", "AID", "074")),
        # a protest lodged with a government is an official complaint, not a demonstration
        ("Vietnam protested strongly to China on Monday.", ("VNM", "CHN", "ACCUSE", "114")),
        # blocking aid stops it; blocking a deal rejects it
        ("Hungary blocked EU aid to Ukraine.", ("HUN", "UKR", "SANCTION", "162")),
        ("Hungary blocked a deal with Iran.", ("HUN", "IRN", "REJECT", "127")),
        # agreeing with someone that ... expresses accord (019), a statement
        ("Germany agreed with France that the sanctions should stay.", ("DEU", "FRA", None, "019")),
        # violence by protesters is a violent protest (145), unless it is armed warfare
        ("Protesters torched a police station in Dhaka.", (None, "BGD", "PROTEST", "145")),
        ("Rioters attacked the French embassy in Niamey.", (None, "FRA", "PROTEST", "145")),
        (
            "The Chinese consulate was stormed by Vietnamese rioters.",
            ("VNM", "CHN", "PROTEST", "145"),
        ),
        # force used on protesters by security forces is repression (175); in a clash both act
        ("Kenyan police fired on demonstrators in Nairobi.", ("KEN", "KEN", "ASSAULT", "175")),
        ("Iranian troops clashed with Iraqi rioters.", ("IRN", "IRQ", "ASSAULT", "175")),
        ("Iranian troops clashed with Iraqi rioters.", ("IRQ", "IRN", "PROTEST", "145")),
        # conjoined passives share their subject
        (
            "Two Turkish journalists were arrested in March and released by Egyptian authorities.",
            ("EGY", "TUR", "RETREAT", "0841"),
        ),
        # "killed in Russian artillery shelling" parsed with a verb "shelling"
        (
            "Six people were killed in Russian tank shelling in the east of Kharkiv.",
            ("RUS", "UKR", "ASSAULT", "194"),
        ),
        # killed in someone's strike, fire or operation: theirs
        (
            "Two Hamas commanders were killed in an Israeli drone strike in Rafah.",
            ("ISR", "PSE", "ASSAULT", "190"),
        ),
        # "Russian missiles killed ...", parsed as a noun with a participle
        ("Russian drone strikes killed nine civilians in Odesa.", ("RUS", "UKR", "ASSAULT", "190")),
        # a role of no country acting in a named country: the place is the target
        (
            "Gunmen kidnapped six aid workers from a clinic in Somalia's Gedo region.",
            (None, "SOM", "ASSAULT", "181"),
        ),
        # conjoined weapons in an "of" phrase
        (
            "North Korea launched dozens of shells and rockets at Yeonpyeong island.",
            ("PRK", None, "ASSAULT", "194"),
        ),
        # a possessive target is not the actor's own ("its" = the side that said so)
        (
            "Armenia said Azerbaijani forces had fired on its border posts overnight.",
            ("ARM", "AZE", "ACCUSE", "112"),
        ),
        # an armed group's forces are the group's (REB), not an army
        ("Houthi forces attacked a Saudi oil facility.", ("YEM", "SAU", "ASSAULT", "190")),
        # a place named on the actor is where a protest is aimed
        (
            "Students in Serbia's capital rallied against the government for a fifth day.",
            ("SRB", "SRB", "PROTEST", "141"),
        ),
        # civilians clashing with the police: a violent protest, and the police's repression
        ("Kenyan teachers clashed with police in Nairobi.", ("KEN", "KEN", "PROTEST", "145")),
        ("Kenyan teachers clashed with police in Nairobi.", ("KEN", "KEN", "ASSAULT", "175")),
        # a participle on a text speaks for whoever issued the text
        (
            "The European Parliament adopted a resolution condemning Russia's detention of "
            "journalists.",
            ("IGO", "RUS", "ACCUSE", "111"),
        ),
        # a hyphenated verb's first part is its particle: a test, not an attack
        (
            "North Korea test-fired a ballistic missile into the sea.",
            ("PRK", None, "MOBILIZE", "150"),
        ),
        # the partner of a call may hang on the means of the call
        (
            "Kenya's president spoke by telephone with the Ethiopian prime minister.",
            ("KEN", "ETH", "CONSULT", "041"),
        ),
        # "allowed X to enter Y", parsed as a clause: X is what is let, Y where it goes
        (
            "Egypt allowed fuel trucks to enter Gaza through the Rafah crossing.",
            ("EGY", "PSE", "RETREAT", "0863"),
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
        # a threat is aimed at whoever its condition is about
        (
            "Pyongyang said it would use its nuclear weapons if South Korea crossed the red line.",
            ("PRK", "KOR", "THREATEN", "138"),
        ),
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
        # force against protesters is aimed at the country it happens in
        (
            "Georgian riot police cracked down on pro-EU demonstrators in Tbilisi.",
            ("GEO", "GEO", "ASSAULT", "175"),
        ),
        # the condition may hang on the threatened act
        (
            "Turkey threatened to strike militant camps in Iraq if Baghdad failed to act.",
            ("TUR", "IRQ", "THREATEN", "138"),
        ),
        # strikes on sites in a country hit that country
        ("Israel carried out air strikes on targets in Syria.", ("ISR", "SYR", "ASSAULT", "190")),
        # talks a visitor arrived for are with the host
        (
            "The Iranian foreign minister arrived in Riyadh for talks on Yemen.",
            ("IRN", "SAU", "CONSULT", "046"),
        ),
        # whose assets are frozen
        ("Canada froze the assets of three Iranian banks.", ("CAN", "IRN", "SANCTION", "163")),
        # money "in aid for" a country
        (
            "Japan disbursed 50 million dollars in emergency aid for Sudan.",
            ("JPN", "SDN", "AID", "071"),
        ),
        # a weapon's actor is whoever launched it
        (
            "Drones launched by Houthi rebels struck an air base in Saudi Arabia.",
            ("YEM", "SAU", "ASSAULT", "195"),
        ),
        # an order to leave is an expulsion; of an envoy, reduced relations; of a body, 166
        ("Chad ordered 20 Chinese workers to leave the country.", ("TCD", "CHN", "COERCE", "174")),
        (
            "Mali ordered the French ambassador to leave the country.",
            ("MLI", "FRA", "SANCTION", "161"),
        ),
        (
            "Burundi ordered the UN human rights office to close and leave the country.",
            ("BDI", "IGO", "SANCTION", "166"),
        ),
        # only a state detains, jails or frees: where it happened says which
        (
            "Two French tourists have been detained in Iran on spying charges.",
            ("IRN", "FRA", "COERCE", "173"),
        ),
        (
            "Three Thai fishermen detained in Myanmar were released on Monday.",
            ("MMR", "THA", "RETREAT", "0841"),
        ),
        # a participle on a noun that names no one is the clause subject's act
        (
            "China kept up pressure on Manila urging it to withdraw its vessels from the shoal.",
            ("CHN", "PHL", "REQUEST", "020"),
        ),
        # "supplied X with Y": X receives, Y is what is given
        ("Iran supplied Hezbollah with rockets.", ("IRN", "LBN", "AID", "072")),
        # a show of force held abroad is aimed at the country it is held in
        (
            "Turkish forces held military drills in northern Syria.",
            ("TUR", "SYR", "MOBILIZE", "150"),
        ),
        # inspections are investigations aimed at the country the sites are in
        ("IAEA inspectors inspected a reactor in Iran on Monday.", ("IGO", "IRN", "ACCUSE", "090")),
        # a text speaks for whoever issued it; an allegation accuses the side it is about
        (
            "A report released in Kinshasa alleged that Rwanda had armed the M23 rebels.",
            ("COD", "RWA", "ACCUSE", "112"),
        ),
        (
            "A statement issued by the Iranian foreign ministry accused Britain of meddling.",
            ("IRN", "GBR", "ACCUSE", "112"),
        ),
    ],
)
def test_events_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan did not accuse India of anything.",
        "North Korea has not attacked South Korea this year.",
        "Officials said the weather in Paris was fine.",
        "The group that attacked Kenya last year issued a statement.",  # background relative clause
        "Argentina beat France in the World Cup final.",
        # hypotheticals and conditions report no act
        "Iran could strike Israeli targets if the negotiations collapse.",
        "Russia might impose new sanctions on Moldova.",
        "If Azerbaijan attacks the border villages, Armenia will respond.",
        # an allegation by a party of no known side does not establish the act
        "Opposition activists alleged that Venezuelan police beat detained protesters.",
        # what is denied is not an act
        "Rwanda denied that its soldiers had attacked Congolese villages.",
        # an accident is no one's act
        "Twelve pilgrims were killed by a landslide in northern India.",
        # argument constraints: a dismissal is not shooting, naming is not an appeal
        "The Kenyan president fired his finance minister on Monday.",
        "The Chinese foreign ministry called the report a fabrication.",
        # a failed hostile act is no act
        "The rebels failed to capture the airport.",
        # no known country on either side
        "Gunmen kidnapped dozens of villagers.",
        # a side's claim of its own act is a statement, not a report of the act
        "The rebels claimed that they had attacked an army base.",
        # no-event rows: everyday uses of event verbs
        "The Indian government met the deadline for the report.",
        "Pakistan failed to meet its targets.",
        "The Prime Minister of Japan met the press on Tuesday.",
        "The Brazilian president attacked the problem of poverty.",
        "The Indian government has struck a balance between growth and security.",
        # a text only speaks for its author, and a place that is not a capital names no author
        "The statement by the Egyptian presidency comes a week before Sisi travels to Rome.",
        "A report published in Geneva criticised Israel.",
    ],
)
def test_events_no_event(nlp: Language, text: str) -> None:
    assert [e for e in eventcoder.code(text, nlp=nlp) if e.event_type] == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # summoning an envoy "to protest" is the protest; no demonstration besides
        ("Algeria summoned the French ambassador to protest against the remarks.", "PROTEST"),
        # a warning about what a third party may do is no threat by the speaker
        ("Chad asked France to stay, warning that Boko Haram could seize the capital.", "THREATEN"),
    ],
)
def test_events_not_coded_as(nlp: Language, text: str, absent: str) -> None:
    types = {e.event_type for e in eventcoder.code(text, nlp=nlp)}
    assert types and absent not in types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reason an act is done over is background
        (
            "Germany suspended aid to Rwanda over its support for the M23 rebels.",
            {("DEU", "RWA", "SANCTION", "162")},
        ),
        # the topic of talks is no act
        (
            "Qatar's foreign minister held talks with an Israeli delegation on ending the "
            "fighting in Gaza.",
            {("QAT", "ISR", "CONSULT", "046")},
        ),
        # what someone is charged with is no act
        (
            "A Tunisian court jailed a blogger on charges of insulting the president.",
            {("TUN", "TUN", "COERCE", "173")},
        ),
        # a condition is no act
        (
            "Hamas said it was willing to free the hostages in exchange for an Israeli withdrawal.",
            {("PSE", None, "AGREE", "035")},
        ),
        # any attempt is no act
        ("The Lebanese militia said it would fight any attempt to disarm its fighters.", set()),
        # what is demanded, with everything conjoined to it
        (
            "The Somali army chief demanded that al-Shabaab leave the town and hand over "
            "their weapons.",
            {("SOM", "SOM", "REQUEST", "100")},
        ),
        # what is warned or urged against, or refrained from, is not done
        (
            "China warned the United States against selling arms to Taiwan.",
            {("CHN", "USA", "THREATEN", "130")},
        ),
        (
            "The EU urged Serbia to refrain from sending troops to Kosovo.",
            {("IGO", "SRB", "REQUEST", "020")},
        ),
        # a warning to no one about nothing in particular is no threat
        ("The UN warned of famine in Gaza.", set()),
        # a threatened or planned act is not done; what a request is about is not news
        (
            "Mexico extradited 20 cartel members to the United States to head off threatened "
            "tariffs.",
            {("MEX", "USA", "COOPERATE", "063")},
        ),
        (
            "The European Union urged Belgrade to reverse its crackdown on students.",
            {("IGO", "SRB", "REQUEST", "020")},
        ),
        # sending warships without a recipient is a deployment, not military aid
        (
            "China sent warships and fighter jets around the island of Taiwan.",
            {("CHN", "TWN", "MOBILIZE", "154")},
        ),
        # what is asked through a non-trigger verb, refused, called for or reported is not done
        (
            "Kenya urged Ethiopia and Egypt to help fund the peace talks.",
            {("KEN", "ETH", "REQUEST", "020"), ("KEN", "EGY", "REQUEST", "020")},
        ),
        (
            "Rwanda rejected calls from Belgium to withdraw its troops from Congo.",
            {("RWA", "BEL", "REJECT", "120")},
        ),
        (
            "The minister declined to comment on reports that Qatar had expelled Hamas leaders.",
            set(),
        ),
        # what is condemned is the speaker's view, not a report of the act
        (
            "Pakistan condemned the killing of two Pakistani soldiers by Indian troops.",
            {("PAK", "IND", "ACCUSE", "111")},
        ),
        # a ruling speaks for the court that issued it, not for who defied it
        (
            "Kenya ignored a court ruling ordering the release of the opposition leader.",
            {("KEN", None, "REJECT", "128")},
        ),
        # what is blocked is not done
        (
            "Slovakia vetoed a package of EU sanctions on Russia.",
            {("SVK", "IGO", "REJECT", "129")},
        ),
        # a claim takes the acts that go with it ("..., killing nine")
        (
            "Ukraine's defence ministry said Russia had launched 300 missiles at Kyiv, killing "
            "nine people.",
            {("UKR", "RUS", "ACCUSE", "112")},
        ),
    ],
)
def test_events_background_is_not_news(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt was pressured by Qatar to help Hamas.", {("QAT", "EGY", "REQUEST", "100")}),
        (
            "Egypt gave permission to Qatar to send fuel to Gaza.",
            {("EGY", "QAT", "RETREAT", "086")},
        ),
        # approving a nominal act: the act is the event, not praise
        (
            "The Kenyan parliament approved the deployment of police officers to Haiti.",
            {("KEN", "HTI", "MOBILIZE", "154")},
        ),
    ],
)
def test_events_what_is_asked_or_allowed_is_not_done(
    nlp: Language, text: str, expected: set[Triple]
) -> None:
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reaction with no recipient answers the last hostile act against the reactor's side
        (
            "Britain imposed sanctions on Monday on three Iranian banks. Tehran said it would "
            "retaliate.",
            ("IRN", "GBR", "THREATEN"),
        ),
        # praise or welcome answers the last act of another side
        (
            "Armenia released 20 Azerbaijani prisoners on Friday. Baku welcomed the move.",
            ("AZE", "ARM", "SUPPORT"),
        ),
        # two titled leaders the parser joins into one phrase are two actors
        (
            "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed met in "
            "Nairobi on Monday.",
            ("KEN", "ETH", "CONSULT"),
        ),
    ],
)
def test_events_across_the_article(nlp: Language, text: str, expected: tuple[str, ...]) -> None:
    coded = {
        (country(e.actor), country(e.recipient), e.event_type)
        for e in eventcoder.code(text, nlp=nlp)
    }
    assert expected in coded


def test_events_keep_negated_marks_them() -> None:
    nlp = eventcoder.load(keep_negated=True)
    (event,) = eventcoder.code("Pakistan did not accuse India.", nlp=nlp)
    assert event.negated and event.event_type == "ACCUSE"


def test_events_each_sentence_has_one_main_event(nlp: Language) -> None:
    events = eventcoder.code(
        "Iran condemned Israel after Israeli jets struck targets in Syria. Syria thanked Russia.",
        nlp=nlp,
    )
    roots = {e.sentence_index for e in events if e.is_root}
    assert roots == {e.sentence_index for e in events}


def test_events_odd_and_random_text_never_fails(nlp: Language) -> None:
    import random

    rng = random.Random(1)
    words = [
        "Pakistan",
        "India",
        "the",
        "of",
        "and",
        "said",
        "attacked",
        "urged",
        "us",
        "US",
        "it",
        "they",
        "he",
        "Modi",
        "Toner",
        ".",
        ",",
        '"',
        "'",
        "(",
        ")",
        "-",
        ";",
        ":",
        "?",
        "!",
        "yesterday",
        "government",
        "Government",
        "of",
        "Kremlin",
        "militants",
        "were",
        "by",
        "to",
        "not",
        "did",
        "would",
        "will",
        "want",
        "Putin",
        "against",
        "on",
        "with",
        "in",
        "from",
        "that",
        "which",
        "who",
    ]
    texts = ["", " ", "\n\n", ".", '"', "'s", "US", "us", "It.", "He said.", "\u200b", "a" * 3000]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 60))) for _ in range(200)]
    for doc in nlp.pipe(texts):
        for e in doc._.events:
            assert doc.text[e.trigger.start : e.trigger.end] == e.trigger.text
            assert doc.text[e.actor.start : e.actor.end] == e.actor.text
            if e.recipient is not None:
                assert doc.text[e.recipient.start : e.recipient.end] == e.recipient.text
