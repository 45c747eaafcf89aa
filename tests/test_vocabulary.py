"""Event vocabulary: common wire-news constructions the verb and noun rows cover, one a case
(src/eventcoder/data/verbs.tsv and nouns.tsv), and everyday uses the new rows must leave alone."""

from __future__ import annotations

import pytest
from conftest import Triple, coded
from spacy.language import Language

import eventcoder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 072 weapons deliveries: air defence systems, armoured vehicles, artillery
        ("Italy sent air defence systems to Ukraine last year.", ("ITA", "UKR", "AID", "072")),
        ("Turkey shipped armoured vehicles to Somalia last month.", ("TUR", "SOM", "AID", "072")),
        ("Britain gave Ukraine tanks and howitzers.", ("GBR", "UKR", "AID", "072")),
        # receiving: the giver is the actor
        (
            "Chad received armoured vehicles from Turkey on Monday.",
            ("TUR", "TCD", "AID", "072"),
        ),
        # 073 / 071 humanitarian and economic aid
        ("Egypt flew a planeload of medicine to Sudan.", ("EGY", "SDN", "AID", "073")),
        (
            "Kuwait has deposited 500 million dollars with the Jordanian central bank.",
            ("KWT", "JOR", "AID", "071"),
        ),
        # 162 withholding money earmarked as aid
        (
            "The European Union withheld 50 million euros from Mozambique.",
            ("IGO", "MOZ", "SANCTION", "162"),
        ),
        # 041 phone calls, with a partner named or between conjoined leaders
        (
            "Brazil's foreign minister talked by phone with the Argentine foreign minister on Monday.",
            ("BRA", "ARG", "CONSULT", "041"),
        ),
        ("Ruto and Museveni spoke by telephone on Sunday.", ("KEN", "UGA", "CONSULT", "041")),
        # 074 peacekeepers are sent as protection (AID), not as a mobilisation
        (
            "Bangladesh sent peacekeeping troops to South Sudan.",
            ("BGD", "SSD", "AID", "074"),
        ),
        # 045 shuttle diplomacy
        (
            "The Turkish foreign minister shuttled between Moscow and Kyiv.",
            ("TUR", "RUS", "CONSULT", "045"),
        ),
        # 195 drones are aerial weapons
        (
            "Russian forces launched attack drones at Kyiv overnight.",
            ("RUS", "UKR", "ASSAULT", "195"),
        ),
        ("Iran fired drones at Iraqi Kurdistan.", ("IRN", "IRQ", "ASSAULT", "195")),
        # 163 travel and visa bans are sanctions, not bans on activities (172)
        (
            "Canada imposed travel bans on three Russian officials.",
            ("CAN", "RUS", "SANCTION", "163"),
        ),
        ("Britain slapped visa bans on Belarusian judges.", ("GBR", "BLR", "SANCTION", "163")),
        # 08 concessions
        ("Turkey restored access to Wikipedia on Thursday.", ("TUR", "TUR", "CONCEDE", "0811")),
        (
            "The Tanzanian government dropped the case against an opposition leader.",
            ("TZA", "TZA", "CONCEDE", "081"),
        ),
        ("Iraq lifted the suspension of Kuwaiti flights.", ("IRQ", "KWT", "CONCEDE", "081")),
        ("The African Union lifted the suspension of Gabon.", ("IGO", "GAB", "CONCEDE", "081")),
        # calling off a protest is aimed at the country's authorities (build.domestic)
        ("Peruvian farmers lifted their roadblocks on Friday.", ("PER", "PER", "CONCEDE", "082")),
        (
            "The Thai government scrapped a planned tax increase after protests.",
            ("THA", "THA", "CONCEDE", "0832"),
        ),
        # 0842 returning looted cultural property
        ("Belgium returned stolen artefacts to Congo.", ("BEL", "COD", "RETREAT", "0842")),
        # 063 judicial cooperation: handing over and transferring suspects
        ("Kenya handed over two men to Uganda on Friday.", ("KEN", "UGA", "COOPERATE", "063")),
        (
            "Colombia transferred three drug traffickers to the United States.",
            ("COL", "USA", "COOPERATE", "063"),
        ),
        # 064 intelligence sharing between conjoined partners
        (
            "Morocco and Spain share intelligence on migrant smuggling.",
            ("MAR", "ESP", "COOPERATE", "064"),
        ),
        # suspending intelligence sharing reduces relations with the partner
        (
            "Turkey suspended intelligence sharing with Sweden.",
            ("TUR", "SWE", "SANCTION", "160"),
        ),
        # 16 leaving a body; a body suspending a member
        (
            "Burundi's exit from the International Criminal Court took effect in 2017.",
            ("BDI", "IGO", "SANCTION", "160"),
        ),
        ("The African Union suspended Gabon from the bloc.", ("IGO", "GAB", "SANCTION", "160")),
        # 164 pulling negotiators out of talks
        (
            "Egypt pulled its delegation out of the talks with Ethiopia.",
            ("EGY", None, "SANCTION", "164"),
        ),
        # 087 disengagement between conjoined forces
        (
            "Armenia and Azerbaijan began disengagement of their forces on the frontier.",
            ("ARM", "AZE", "RETREAT", "087"),
        ),
        # 15 force posture
        (
            "The Sudanese army massed reinforcements around the town of Bara.",
            ("SDN", "SDN", "MOBILIZE", "154"),
        ),
        ("Taiwan scrambled fighters on Sunday.", ("TWN", None, "MOBILIZE", "150")),
        (
            "North Korea conducted a test-firing of a cruise missile.",
            ("PRK", None, "MOBILIZE", "150"),
        ),
        ("Russia launched naval drills near Japan.", ("RUS", "JPN", "MOBILIZE", "150")),
        # 14 strikes
        ("Portuguese nurses walked off the job over pay.", ("PRT", "PRT", "PROTEST", "143")),
        ("A detained Cuban dissident went on hunger strike.", ("CUB", "CUB", "PROTEST", "142")),
        ("Cuban dockworkers went on strike on Monday.", ("CUB", "CUB", "PROTEST", "143")),
        # 05 support
        ("Germany threw its weight behind Spain's candidate.", ("DEU", "ESP", "SUPPORT", "052")),
        (
            "The Hungarian parliament ratified Finland's application to join NATO.",
            ("HUN", "FIN", "SUPPORT", "051"),
        ),
        # 12 the asker or the ruling body, named on the object, is the recipient
        (
            "Myanmar's junta turned down a request from ASEAN to meet Aung San Suu Kyi.",
            ("MMR", "IGO", "REJECT", "120"),
        ),
        (
            "Poland defied an order from the European Court of Justice.",
            ("POL", "IGO", "REJECT", "128"),
        ),
        # 129 blocking a Security Council text is a veto
        (
            "The United States blocked a Security Council statement on Gaza.",
            ("USA", "IGO", "REJECT", "129"),
        ),
        # 061 trade with the seller named on the goods; said of the future, an intention
        (
            "India will increase purchases of Russian oil, the minister said.",
            ("IND", "RUS", "AGREE", "031"),
        ),
        # 151 a police and security alert, not a military one
        (
            "The Danish security service raised the terrorism threat level on Friday.",
            ("DNK", None, "MOBILIZE", "151"),
        ),
        # 061 energy and commodity trade; refined fuel shipped to a country in need is aid
        (
            "Qatar began pumping natural gas to Kuwait through a new pipeline.",
            ("QAT", "KWT", "COOPERATE", "061"),
        ),
        (
            "Norway has raised gas exports to Poland this winter.",
            ("NOR", "POL", "COOPERATE", "061"),
        ),
        ("Russia shipped crude oil to India last month.", ("RUS", "IND", "COOPERATE", "061")),
        (
            "Egypt shipped 20,000 tonnes of diesel to Lebanon on Friday.",
            ("EGY", "LBN", "AID", "070"),
        ),
        # 072 vessels handed to a navy; 063 a person handed to another state; 0841 prisoners
        (
            "The United States handed over three patrol boats to the Philippine navy.",
            ("USA", "PHL", "AID", "072"),
        ),
        (
            "Police in Spain arrested a Dutch fugitive and handed him over to the Netherlands.",
            ("ESP", "NLD", "COOPERATE", "063"),
        ),
        (
            "Armenia handed 12 Azerbaijani prisoners to Azerbaijan on Tuesday.",
            ("ARM", "AZE", "RETREAT", "0841"),
        ),
        # 071 money released or transferred
        (
            "The World Bank approved the release of 300 million dollars to Zambia.",
            ("IGO", "ZMB", "AID", "071"),
        ),
        (
            "Sweden transferred 100 million euros to Moldova on Monday.",
            ("SWE", "MDA", "AID", "071"),
        ),
        # 162 / 1622 aid paused, arms sales halted
        ("Germany paused all budget support to Niger.", ("DEU", "NER", "SANCTION", "162")),
        ("Spain halted arms sales to Israel on Tuesday.", ("ESP", "ISR", "SANCTION", "1622")),
        # 064 a nominal "sharing" stepped up by conjoined agencies
        (
            "Kenyan and Ethiopian intelligence services stepped up the sharing of information "
            "on militants.",
            ("KEN", "ETH", "COOPERATE", "064"),
        ),
        # 062 joint patrols and exercises; drills alone are a show of force (150)
        (
            "Greek and Turkish coast guards began jointly patrolling the Aegean Sea.",
            ("TUR", "GRC", "COOPERATE", "062"),
        ),
        (
            "Jordanian and Egyptian troops began joint exercises in the Sinai.",
            ("JOR", "EGY", "COOPERATE", "062"),
        ),
        ("The Iranian navy began large-scale drills on Sunday.", ("IRN", None, "MOBILIZE", "150")),
        # 191 a vessel blocked at sea
        (
            "Chinese warships blocked a Vietnamese fishing boat near the islands.",
            ("CHN", "VNM", "COERCE", "191"),
        ),
        # 081x licences, registrations and delisting restored
        (
            "The Nigerien junta restored the broadcasting licence of a private radio station.",
            ("NER", None, "CONCEDE", "0811"),
        ),
        (
            "Pakistan's Supreme Court restored the registration of the opposition party.",
            ("PAK", "PAK", "CONCEDE", "0812"),
        ),
        (
            "Tunisian authorities allowed the opposition party to reopen its offices.",
            ("TUN", "TUN", "CONCEDE", "0812"),
        ),
        # 080 an objection dropped
        (
            "Serbia dropped its objections to Kosovo's membership bid.",
            ("SRB", "XKX", "CONCEDE", "080"),
        ),
        # 161 persona non grata
        (
            "Russia declared a Moldovan diplomat persona non grata on Monday.",
            ("RUS", "MDA", "SANCTION", "161"),
        ),
        # 14 protest: streets, hunger strike, stone throwing; 082 a walkout ended
        (
            "Thousands of Kenyans took to the streets of Nairobi on Tuesday.",
            ("KEN", "KEN", "PROTEST", "141"),
        ),
        (
            "A jailed Egyptian activist has refused food for two weeks.",
            ("EGY", "EGY", "PROTEST", "142"),
        ),
        (
            "Palestinian youths threw stones at Israeli troops in Hebron.",
            ("PSE", "ISR", "PROTEST", "145"),
        ),
        (
            "Nigerian doctors ended their walkout after the government raised salaries.",
            ("NGA", "NGA", "CONCEDE", "082"),
        ),
        # 128 / 129 a warrant ignored, a draft blocked
        (
            "South Africa ignored an arrest warrant issued by the International Criminal Court.",
            ("ZAF", "IGO", "REJECT", "128"),
        ),
        ("Russia blocked a Security Council draft on Sudan.", ("RUS", "IGO", "REJECT", "129")),
        # 114 a diplomatic note
        (
            "Morocco sent a diplomatic note to Spain over the detention of its fishermen.",
            ("MAR", "ESP", "ACCUSE", "114"),
        ),
        # a refused future act of cooperation is a rejection
        (
            "Ghana will not accept deportees from the United States.",
            ("GHA", "USA", "REJECT", "120"),
        ),
        # 172x bans on parties and the media
        (
            "The Sudanese government banned two opposition parties on Monday.",
            ("SDN", "SDN", "COERCE", "1722"),
        ),
        (
            "The Ugandan government suspended the accreditation of a Kenyan broadcaster.",
            ("UGA", "KEN", "COERCE", "1721"),
        ),
        # 086 permission extended
        (
            "Sudan extended permission to the United Nations to use the crossing.",
            ("SDN", "IGO", "RETREAT", "086"),
        ),
        # 19 strikes on a refinery and a checkpoint; 1711 assets seized
        (
            "Israeli drones struck an oil refinery in Yemen's port city of Hodeidah.",
            ("ISR", "YEM", "ASSAULT", "195"),
        ),
        (
            "Syrian forces hit a Turkish army checkpoint near Idlib.",
            ("SYR", "TUR", "ASSAULT", "195"),
        ),
        ("Venezuela seized the assets of a U.S. oil company.", ("VEN", "USA", "COERCE", "1711")),
        (
            "Israeli settlers beat Palestinian shepherds near Hebron on Friday.",
            ("ISR", "PSE", "ASSAULT", "182"),
        ),
        # 154 a carrier ordered to a region
        (
            "The Pentagon ordered an aircraft carrier to the eastern Mediterranean.",
            ("USA", None, "MOBILIZE", "154"),
        ),
        # 087 disengagement completed by conjoined forces
        (
            "Indian and Chinese troops completed their disengagement along the border.",
            ("IND", "CHN", "RETREAT", "087"),
        ),
        # 139 time given to act
        (
            "Egypt gave Israel until Friday to withdraw from the crossing.",
            ("EGY", "ISR", "THREATEN", "139"),
        ),
        # 045 two sides brought together
        (
            "Qatar brought together Rwandan and Congolese officials for talks in Doha.",
            ("QAT", "COD", "CONSULT", "045"),
        ),
        # 041 a call received: the caller is the actor
        (
            "The Saudi crown prince received a phone call from the Iranian president on Monday.",
            ("IRN", "SAU", "CONSULT", "041"),
        ),
        # Sahel groups take the country the story is about
        (
            "JNIM militants killed 20 soldiers in western Niger.",
            ("NER", "NER", "ASSAULT", "190"),
        ),
        # 030 an assurance given to someone named
        (
            "Qatar's emir assured the Lebanese president of continued support.",
            ("QAT", "LBN", "AGREE", "030"),
        ),
        # 057 an agreement initialled; leaders witnessing the signing of agreements
        (
            "Serbia and Kosovo initialled a normalisation deal in Brussels.",
            ("SRB", "XKX", "SUPPORT", "057"),
        ),
        (
            "The Indian and Japanese prime ministers witnessed the signing of six agreements in Tokyo.",
            ("JPN", "IND", "SUPPORT", "057"),
        ),
        # 060 cooperation strengthened between conjoined partners
        (
            "Japan and the Philippines strengthened cooperation on maritime security.",
            ("PHL", "JPN", "COOPERATE", "060"),
        ),
        # 062 a patrol flown jointly; flown alone near a country, a show of force
        (
            "Indian and French fighter jets flew a joint patrol over the Indian Ocean.",
            ("FRA", "IND", "COOPERATE", "062"),
        ),
        ("Russian bombers flew a patrol near Alaska on Monday.", ("RUS", "USA", "MOBILIZE", "150")),
        # 071 money released for a country
        ("The World Bank released 300 million dollars for Ethiopia.", ("IGO", "ETH", "AID", "071")),
        # 0832 a law's implementation paused; 0842 territory ceded or given up
        (
            "The Iraqi government paused the implementation of the new tax law.",
            ("IRQ", "IRQ", "CONCEDE", "0832"),
        ),
        ("Armenia ceded four villages to Azerbaijan in April.", ("ARM", "AZE", "RETREAT", "0842")),
        ("Armenia gave up four border villages to Azerbaijan.", ("ARM", "AZE", "RETREAT", "0842")),
        # a refused cession of land is a rejection
        (
            "Georgia will never cede its land to Russia, the prime minister said.",
            ("GEO", "RUS", "REJECT", "120"),
        ),
        # 087 fighting halted by conjoined sides
        ("Thailand and Cambodia halted the fighting on Monday.", ("KHM", "THA", "RETREAT", "087")),
        # 129 a veto cast
        (
            "China cast its veto against a Security Council resolution on Myanmar.",
            ("CHN", None, "REJECT", "129"),
        ),
        # countermeasures: taken, a sanction; announced for the future, a threat
        (
            "China said it would take countermeasures against the United States.",
            ("CHN", "USA", "THREATEN", "131"),
        ),
        # 133 protests and strikes to go on or resume, said of the future
        (
            "Kenyan teachers vowed to press ahead with their strike.",
            ("KEN", None, "THREATEN", "133"),
        ),
        (
            "Peruvian farmers vowed to return to the streets next week.",
            ("PER", None, "THREATEN", "133"),
        ),
        # 150 a missile launched at no one is a test, not an attack; 152 alert posture raised
        (
            "North Korea launched two cruise missiles on Thursday.",
            ("PRK", None, "MOBILIZE", "150"),
        ),
        (
            "Taiwan raised its defence posture on Sunday.",
            ("TWN", None, "MOBILIZE", "152"),
        ),
        # ordering one's own army: the ordered act, not a demand
        (
            "Azerbaijani President Ilham Aliyev ordered the army to deploy tanks to the border.",
            ("AZE", None, "MOBILIZE", "154"),
        ),
        # 1663 a UN agency barred from working; 1711 a vessel boarded
        (
            "Mali's junta banned the World Food Programme from working in the north.",
            ("MLI", "IGO", "SANCTION", "1663"),
        ),
        (
            "The Indian navy boarded a Liberian-flagged tanker in the Arabian Sea.",
            ("IND", "LBR", "COERCE", "1711"),
        ),
        # 1721 internet access cut
        (
            "The Ethiopian government cut internet access in the Amhara region.",
            ("ETH", "ETH", "COERCE", "1721"),
        ),
        # 190 a vessel rammed, troops driven back; 192 a village taken
        (
            "A Chinese coast guard ship rammed a Philippine supply boat near the shoal.",
            ("CHN", "PHL", "ASSAULT", "190"),
        ),
        (
            "Ukrainian troops drove Russian forces back from the outskirts of Kharkiv.",
            ("UKR", "RUS", "ASSAULT", "190"),
        ),
        (
            "Russian forces took the village of Krynky in southern Ukraine.",
            ("RUS", "UKR", "COERCE", "192"),
        ),
        # office holders and bodies of the people and organisation dictionaries
        ("Fico criticised Ukraine on Monday.", ("SVK", "UKR", "ACCUSE", "111")),
        ("President Tayyip Erdogan accused Israel of genocide.", ("TUR", "ISR", "ACCUSE", "112")),
        (
            "The Popular Party accused the Spanish government of corruption.",
            ("ESP", "ESP", "ACCUSE", "112"),
        ),
        (
            "Paramilitary Rangers detained two opposition lawmakers in Pakistan's capital, Islamabad.",
            ("PAK", "PAK", "COERCE", "173"),
        ),
    ],
)
def test_vocabulary_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # standing behind a thing, throwing something else, a hat into the ring
        "The French president stood behind the podium as he spoke.",
        "The Kenyan president threw his hat into the ring.",
        # sheltering from danger is no aid given to anyone
        "Thousands of displaced families are sheltering in mosques in Khartoum.",
        # a system or a plane load that is no weapon or aid
        "The German company delivered a new signalling system to the railway operator.",
        "The Turkish airline flew 200 passengers to Berlin.",
        # walking off a stage is no strike; scrambling to do something is no show of force
        "The Chinese delegation walked off the stage after the speech.",
        "The Iraqi army scrambled to contain the fire.",
        # transferring a case, dropping one's own appeal
        "The Egyptian government transferred the case to a military court.",
        "The Nigerian government dropped its appeal to the court.",
        # a sports result, a speaker at a podium, a routine patrol, goods that are no weapon or fuel
        "Brazil beat Argentina 2-1 in the final.",
        "The Turkish minister took to the podium to speak.",
        "The Greek coast guard patrolled the Aegean on Sunday.",
        "A Dutch company shipped 500 cars to Norway.",
        "The Egyptian minister handed the microphone to his Qatari counterpart.",
        # meeting a fate, appealing a verdict, a currency rallying, passengers boarding,
        # taking a stage
        "Russian generals who order such strikes will meet the same fate as Hitler's, Ukraine's "
        "president said.",
        "The journalist's lawyers said they would appeal the verdict.",
        "The Turkish lira rallied against the euro on Friday.",
        "Thousands of passengers boarded the ferry in Dover.",
        "The minister took the stage in Paris.",
    ],
)
def test_vocabulary_no_event(nlp: Language, text: str) -> None:
    assert [e for e in eventcoder.code(text, nlp=nlp) if e.event_type] == []
