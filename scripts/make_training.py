"""Generate the learned fallback's training data: labelled sentences written from templates.

    .venv/bin/python scripts/make_training.py -o build/classifier   # train.jsonl, test.jsonl

Every sentence is built from our own phrasings (below, several dozen per PLOVER type, with tense,
voice, negation and modifier variation) and actors from the package's dictionaries
(``src/eventcoder/data/actors/``); no sentence comes from any evaluation data. The label is the
PLOVER event type of the phrasing under this project's CAMEO->PLOVER table (``data/plover.tsv``:
signing an agreement is SUPPORT, arrests are COERCE, lifting sanctions or freeing prisoners is
RETREAT, investigations are ACCUSE, demands are REQUEST), or ``NONE`` for sentences with no event,
CAMEO 01 statements and negated events ("did not attack").

The held-back split (``test.jsonl``) uses phrasings that never occur in ``train.jsonl`` (every
fifth phrasing of each type), so the classifier's figure on it measures new wordings, not memory.
The output is deterministic: the same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventcoder.tsv import data_path, read_tsv

SEED = 20261129
PER_TYPE = 700  # sentences per label in train + test
HELD_BACK_EVERY = 5  # every fifth phrasing of a label goes to the held-back split only

# -- verbs ------------------------------------------------------------------------------------
# Irregular verbs: lemma -> (past, past participle).
IRREGULAR = {
    "beat": ("beat", "beaten"), "begin": ("began", "begun"), "blow": ("blew", "blown"),
    "break": ("broke", "broken"), "bring": ("brought", "brought"), "cut": ("cut", "cut"),
    "do": ("did", "done"), "draw": ("drew", "drawn"), "drive": ("drove", "driven"),
    "fight": ("fought", "fought"), "fly": ("flew", "flown"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "give": ("gave", "given"), "go": ("went", "gone"),
    "hit": ("hit", "hit"), "hold": ("held", "held"), "keep": ("kept", "kept"),
    "lay": ("laid", "laid"), "lead": ("led", "led"), "make": ("made", "made"),
    "meet": ("met", "met"), "overthrow": ("overthrew", "overthrown"), "pay": ("paid", "paid"),
    "put": ("put", "put"), "rise": ("rose", "risen"), "seek": ("sought", "sought"),
    "sell": ("sold", "sold"), "send": ("sent", "sent"), "set": ("set", "set"),
    "shoot": ("shot", "shot"), "shut": ("shut", "shut"), "speak": ("spoke", "spoken"),
    "spend": ("spent", "spent"), "stand": ("stood", "stood"), "steal": ("stole", "stolen"),
    "strike": ("struck", "struck"), "take": ("took", "taken"), "tell": ("told", "told"),
    "throw": ("threw", "thrown"), "undertake": ("undertook", "undertaken"),
    "win": ("won", "won"), "withdraw": ("withdrew", "withdrawn"), "write": ("wrote", "written"),
    "lend": ("lent", "lent"), "build": ("built", "built"), "bite": ("bit", "bitten"),
    "withhold": ("withheld", "withheld"), "uphold": ("upheld", "upheld"),
    "foresee": ("foresaw", "foreseen"), "see": ("saw", "seen"), "come": ("came", "come"),
    "find": ("found", "found"), "leave": ("left", "left"), "lose": ("lost", "lost"),
    "sweep": ("swept", "swept"), "shake": ("shook", "shaken"), "forbid": ("forbade", "forbidden"),
}  # fmt: skip
DOUBLE = frozenset(
    [
        "ban",
        "stop",
        "plan",
        "drop",
        "ship",
        "rob",
        "kidnap",
        "grab",
        "slam",
        "trap",
        "step",
        "veto",
        "commit",
        "admit",
        "permit",
        "submit",
        "scrap",
        "strip",
        "stab",
        "snub",
        "spar",
        "rap",
        "pin",
        "jab",
        "shun",
        "chip",
        "clap",
        "expel",
        "compel",
        "patrol",
        "control",
        "equip",
        "regret",
        "rebel",
    ]
)


def inflect(lemma: str) -> dict[str, str]:
    """The forms of a regular or listed irregular verb: past, pp (participle), s, ing."""
    if lemma in IRREGULAR:
        past, pp = IRREGULAR[lemma]
    elif lemma in DOUBLE and not lemma.endswith("o"):
        past = pp = lemma + lemma[-1] + "ed"
    elif lemma.endswith("e"):
        past = pp = lemma + "d"
    elif re.search(r"[^aeiou]y$", lemma):
        past = pp = lemma[:-1] + "ied"
    else:
        past = pp = lemma + "ed"
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        s = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        s = lemma[:-1] + "ies"
    else:
        s = lemma + "s"
    if lemma in DOUBLE and not lemma.endswith("o"):
        ing = lemma + lemma[-1] + "ing"
    elif lemma.endswith("ie"):
        ing = lemma[:-2] + "ying"
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        ing = lemma[:-1] + "ing"
    else:
        ing = lemma + "ing"
    return {"lemma": lemma, "past": past, "pp": pp, "s": s, "ing": ing}


# -- phrasings ---------------------------------------------------------------------------------
# A verb phrasing is "verb[+particle] rest": the verb is inflected, "+" joins a particle
# ("call+on").
# {B} is the recipient; {X:name} fills a slot from FILLERS. A phrasing starting with "=" is a whole
# sentence with {A} and {B} (nominal and other constructions), used as written. Modifiers
# (SUFFIXES) are shared by every label, so that "near the border" says nothing about the type.
# fmt: off
FILLERS = {
    "issue": ["trade", "security", "energy", "climate change", "border security", "migration",
              "counter-terrorism", "nuclear energy", "water sharing", "fisheries", "cyber security",
              "the refugee crisis", "regional stability", "maritime security", "investment"],
    "coop": ["resume talks", "restore diplomatic relations", "expand trade",
             "cooperate on security", "hold peace talks", "work together on {issue}",
             "reopen the border crossing",
             "boost economic ties", "open a new consulate", "share intelligence",
             "normalise relations", "establish a joint commission on {issue}"],
    "crime": ["supporting terrorism", "sheltering militants", "meddling in its affairs",
              "violating the ceasefire", "human rights abuses", "war crimes", "espionage",
              "election interference", "genocide", "smuggling weapons across the border",
              "harbouring insurgents", "destabilising the region", "cyber attacks"],
    "demand": ["release the detained journalists", "withdraw its troops", "end the violence",
               "stop the shelling", "hold free elections", "resume negotiations",
               "lift the blockade", "allow aid convoys in", "hand over the suspects",
               "respect the ceasefire", "free political prisoners", "pay compensation"],
    "aid": ["humanitarian aid", "food aid", "medical supplies", "emergency assistance",
            "$50 million in aid", "relief supplies", "tents and blankets", "a $2 billion loan",
            "development assistance", "military aid", "vaccines", "financial assistance"],
    "weapon": ["air strikes", "artillery shelling", "rocket fire", "a drone strike",
               "mortar fire", "a suicide bombing", "heavy shelling", "a car bomb", "gunfire"],
    "place": ["a village near the border", "the northern town", "a refugee camp",
              "a market in the capital", "a military base", "several districts", "the city centre",
              "a police station", "a convoy", "an army checkpoint"],
    "sanction": ["sanctions", "new sanctions", "an arms embargo", "economic sanctions",
                 "a trade embargo", "travel bans", "tariffs", "financial restrictions"],
    "troops": ["troops", "soldiers", "forces", "warships", "tanks", "fighter jets",
               "thousands of troops", "additional forces", "armoured units", "missile batteries"],
    "n": ["two", "five", "twelve", "dozens of", "at least 20", "several"],
    "time": ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
             "on Sunday", "last week", "earlier this month", "late on Sunday", "this week",
             "overnight", "yesterday", "today", "in March", "last year"],
    "where": ["in Geneva", "in Brussels", "in New York", "in Vienna", "in Doha", "at a summit",
              "at the United Nations", "during a visit", "in the capital", "at a news conference"],
}
# fmt: on

PHRASINGS: dict[str, list[str]] = {
    "AGREE": [
        "agree to {coop:coop} with {B}", "agree with {B} to {coop:coop}",
        "pledge to {coop:coop} with {B}", "promise to {coop:coop} with {B}",
        "vow to work with {B} on {issue}", "offer to mediate between {B} and its neighbours",
        "express willingness to {coop:coop} with {B}", "say it was ready to {coop:coop} with {B}",
        "commit to {coop:coop} with {B}", "offer {B} talks on {issue}",
        "promise {B} support on {issue}", "signal readiness to negotiate with {B}",
        "accept an invitation from {B} to visit", "agree in principle to a deal with {B}",
        "pledge cooperation with {B} on {issue}", "express interest in joining talks with {B}",
        "= {A} and {B} agreed to {coop:coop}", "= {A} said it would {coop:coop} with {B}",
        "= {A} is ready to {coop:coop} with {B}, its foreign minister said",
        "= {A} expressed its intention to {coop:coop} with {B}",
        "offer to host talks with {B}", "promise to provide {aid} to {B}",
        "agree to a prisoner exchange with {B}", "agree to accept mediation by {B}",
        "= {A} plans to {coop:coop} with {B}",
    ],
    "CONSULT": [
        "meet {B}", "meet with {B} {where}", "hold talks with {B}", "visit {B}",
        "host {B}", "speak by telephone with {B}", "phone {B}", "call {B} to discuss {issue}",
        "discuss {issue} with {B}", "receive a delegation from {B}", "welcome {B} to the capital",
        "negotiate with {B} on {issue}", "consult {B} on {issue}", "travel to {B} for talks",
        "hold a meeting with {B}", "confer with {B} about {issue}",
        "= {A} and {B} held talks {where}", "= {A} met his counterpart from {B}",
        "= Leaders of {A} and {B} met {where}", "= {A} arrived in {B} for a two-day visit",
        "= Officials from {A} and {B} held a new round of negotiations",
        "= {A} hosted talks with {B} on {issue}", "sit down with {B} for negotiations",
        "hold consultations with {B}", "pay a state visit to {B}",
        "= {A} and {B} discussed {issue} by phone",
    ],
    "SUPPORT": [
        "praise {B} for its efforts", "welcome the decision by {B}", "endorse {B}",
        "back {B}'s bid for a Security Council seat", "express support for {B}",
        "sign an agreement with {B}", "sign a treaty with {B} on {issue}",
        "apologise to {B}", "commend {B}", "hail {B}'s role in the talks",
        "defend {B} against criticism", "recognise {B} as a sovereign state",
        "sign a memorandum of understanding with {B}", "thank {B} for its support",
        "congratulate {B} on the election", "stand by {B}", "rally behind {B}",
        "applaud {B}'s reforms", "= {A} and {B} signed a defence pact",
        "= {A} voiced strong support for {B}", "= {A} offered a formal apology to {B}",
        "establish diplomatic relations with {B}", "forgive {B}",
        "= {A} signed a trade deal with {B}", "lend its backing to {B}",
        "= {A} gave its full backing to {B}",
    ],
    "COOPERATE": [
        "hold joint military exercises with {B}", "share intelligence with {B}",
        "cooperate with {B} on {issue}", "extradite a suspect to {B}",
        "conduct joint patrols with {B}", "train {B}'s security forces",
        "work with {B} to fight terrorism", "open its markets to {B}",
        "expand trade with {B}", "launch a joint investigation with {B}",
        "hand over a wanted man to {B}", "coordinate air operations with {B}",
        "join {B} in a naval drill", "invest heavily in {B}",
        "= {A} and {B} conducted joint naval exercises",
        "= {A} and {B} launched a joint operation against smugglers",
        "= {A} handed over three suspects to {B}", "set up a joint venture with {B}",
        "collaborate with {B} on {issue}", "exchange information with {B} on {issue}",
        "= {A} is working closely with {B} on {issue}", "build a pipeline with {B}",
        "= {A} agreed on a joint task force with {B} and began patrols",
        "supply energy to {B} under a new trade arrangement",
    ],
    "AID": [
        "send {aid} to {B}", "provide {aid} to {B}", "deliver {aid} to {B}",
        "give {B} {aid}", "donate {aid} to {B}", "ship {aid} to {B}",
        "grant asylum to a dissident from {B}", "deploy peacekeepers to {B}",
        "supply weapons to {B}", "fly relief supplies to {B}", "airlift food to {B}",
        "fund reconstruction in {B}", "extend a loan to {B}", "provide military training to {B}",
        "= {A} sent a medical team to help {B}", "= {A} announced {aid} for {B}",
        "= {A} delivered tonnes of wheat to {B}", "release $100 million in aid to {B}",
        "= Aid from {A} arrived in {B}", "arm {B}", "rush emergency supplies to {B}",
        "offer shelter to refugees from {B}", "provide air cover for {B}",
        "= {A} gave {B} $300 million in budget support",
    ],
    "CONCEDE": [
        "ease restrictions on {B}", "lift a ban on {B}", "accede to demands from {B}",
        "allow international monitors from {B} into the country",
        "allow {B} to inspect its nuclear sites", "give in to pressure from {B}",
        "back+down in its dispute with {B}", "agree to the demands of {B}",
        "yield to {B}", "grant concessions to {B}", "relax visa rules for {B}",
        "accept the terms set by {B}", "legalise opposition parties after pressure from {B}",
        "= {A} bowed to pressure from {B} and changed the law",
        "= {A} conceded defeat to {B}", "loosen curbs on {B}",
        "= {A} allowed {B} observers to monitor the vote", "lift the curfew imposed on {B}",
        "= {A} agreed to hold a referendum as {B} demanded",
        "make concessions to {B}", "permit {B} to open an office",
        "= {A} reversed its decision after protests from {B}",
    ],
    "RETREAT": [
        "withdraw its {troops} from {B}", "pull its {troops} out of {B}",
        "release prisoners from {B}", "free detainees held by {B}",
        "lift {sanction} on {B}", "ease {sanction} against {B}", "return seized ships to {B}",
        "end its blockade of {B}", "release a captured pilot from {B}",
        "hand back territory to {B}", "demobilise its forces along the border with {B}",
        "free hostages from {B}", "return the bodies of soldiers to {B}",
        "= {A} began pulling its troops back from the border with {B}",
        "= {A} released 20 fishermen from {B}", "pull+out of the disputed area near {B}",
        "= {A} freed a journalist from {B}", "scale back its military presence in {B}",
        "= {A} ended its military operation against {B}", "de-escalate along the frontier with {B}",
        "return stolen artefacts to {B}", "= Troops from {A} left {B}",
        "withdraw from positions inside {B}", "suspend its offensive against {B}",
    ],
    "REQUEST": [
        "urge {B} to {demand}", "call+on {B} to {demand}", "ask {B} to {demand}",
        "demand that {B} {demand}", "appeal to {B} to {demand}", "press {B} to {demand}",
        "request {aid} from {B}", "demand {B} {demand}", "plead with {B} to {demand}",
        "ask {B} for {aid}", "seek help from {B}", "implore {B} to {demand}",
        "call for {B} to {demand}", "insist that {B} {demand}",
        "= {A} appealed for international help from {B}",
        "= {A} wants {B} to {demand}", "push {B} to {demand}",
        "= {A} asked {B} to extradite the suspects", "petition {B} to {demand}",
        "= {A} requested an urgent meeting with {B}", "encourage {B} to {demand}",
        "demand an apology from {B}", "call+on {B} for restraint",
        "= {A} issued an appeal to {B} to {demand}",
    ],
    "ACCUSE": [
        "accuse {B} of {crime}", "condemn {B}", "criticise {B} for {crime}",
        "denounce {B}", "blame {B} for the attack", "charge {B} with {crime}",
        "slam {B} for {crime}", "lash+out at {B}", "rebuke {B}", "censure {B}",
        "investigate {B} over {crime}", "sue {B} over {crime}",
        "file a complaint against {B}", "attack {B} verbally over {crime}",
        "blast {B}'s policy", "chastise {B}", "fault {B} for {crime}",
        "= {A} said {B} was responsible for {crime}", "= {A} accused {B} of {crime}",
        "= {A} condemned the actions of {B}", "= {A} lodged a formal protest with {B}",
        "summon the ambassador of {B} to complain", "decry {B}'s treatment of minorities",
        "= {A} launched an inquiry into {B} over {crime}", "allege that {B} was behind the attack",
        "= A court in {A} found {B} guilty of {crime}",
    ],
    "REJECT": [
        "reject {B}'s proposal", "refuse to negotiate with {B}", "turn+down an offer from {B}",
        "rebuff {B}", "dismiss demands by {B}", "veto a resolution drafted by {B}",
        "refuse {B}'s request for {aid}", "reject calls from {B} to {demand}",
        "spurn {B}", "refuse to meet {B}", "defy {B}", "ignore an ultimatum from {B}",
        "decline an invitation from {B}", "refuse to hand over suspects to {B}",
        "= {A} rejected the peace plan put forward by {B}",
        "= {A} refused to comply with demands from {B}", "boycott the vote called by {B}",
        "oppose {B}'s plan", "refuse to recognise {B}", "snub {B}",
        "= {A} vetoed the draft put forward by {B}", "brush+aside criticism from {B}",
        "= {A} said it would not accept the conditions set by {B}",
        "refuse to release prisoners held for {B}",
    ],
    "THREATEN": [
        "threaten {B} with {sanction}", "threaten to attack {B}", "warn {B} of retaliation",
        "threaten to cut ties with {B}", "issue an ultimatum to {B}",
        "threaten military action against {B}", "warn {B} that it would respond with force",
        "vow revenge against {B}", "threaten to impose {sanction} on {B}",
        "threaten to expel diplomats from {B}", "warn {B} against crossing the border",
        "threaten to walk out of talks with {B}", "threaten to strike {B}",
        "= {A} warned {B} of serious consequences", "= {A} threatened {B} with war",
        "= {A} vowed to retaliate against {B}", "give {B} 48 hours to {demand}",
        "threaten to halt aid to {B}", "threaten {B} with a trade war",
        "= {A} said it would attack {B} if provoked", "menace {B}",
        "threaten to close its airspace to {B}", "warn of a military response to {B}",
    ],
    "PROTEST": [
        "= Protesters in {A} demonstrated against {B}", "= Thousands rallied in {A} against {B}",
        "= Demonstrators marched on the embassy of {B} in {A}",
        "= Workers in {A} went on strike", "= Students protested in {A} against {B}",
        "= Crowds in {A} burned flags of {B}", "stage a protest against {B}",
        "hold a rally against {B}", "march against {B}", "demonstrate outside {B}'s embassy",
        "go on hunger strike to protest against {B}", "picket the offices of {B}",
        "= Opposition supporters in {A} took to the streets against {B}",
        "= Angry crowds in {A} protested outside the {B} consulate",
        "boycott products from {B}", "block roads in protest against {B}",
        "= Hundreds of people in {A} staged a sit-in against {B}",
        "= Farmers in {A} blocked highways to protest {B}'s policy",
        "rally outside parliament against {B}", "stage a walkout against {B}",
        "= Riots broke out in {A} over {B}", "mount a demonstration against {B}",
    ],
    "SANCTION": [
        "impose {sanction} on {B}", "expel diplomats from {B}", "cut diplomatic ties with {B}",
        "sever relations with {B}", "recall its ambassador from {B}",
        "suspend aid to {B}", "freeze the assets of {B}", "ban imports from {B}",
        "halt trade with {B}", "suspend talks with {B}", "impose an embargo on {B}",
        "blacklist {B}", "suspend {B} from the organisation", "close its embassy in {B}",
        "downgrade ties with {B}", "expel the ambassador of {B}",
        "= {A} slapped {sanction} on {B}", "= {A} broke off relations with {B}",
        "= {A} suspended all flights to {B}", "cancel contracts with {B}",
        "= {A} imposed {sanction} against {B}", "withdraw from its treaty with {B}",
        "cut off funding to {B}", "bar officials from {B} from entering the country",
    ],
    "MOBILIZE": [
        "deploy {troops} to the border with {B}", "mass {troops} near {B}",
        "mobilise its army against {B}", "put its {troops} on high alert near {B}",
        "move {troops} towards {B}", "send warships toward {B}", "build+up forces near {B}",
        "station {troops} along the frontier with {B}", "raise its military alert level",
        "call+up reservists amid tensions with {B}", "reinforce its positions facing {B}",
        "= {A} deployed {troops} near the border with {B}",
        "= {A} placed its forces on full alert against {B}",
        "= {A} moved missile systems closer to {B}", "beef+up its military presence near {B}",
        "conduct military drills near {B}", "increase its police presence in the region",
        "= {A} held large-scale war games near {B}", "dispatch an aircraft carrier toward {B}",
        "= {A} sent reinforcements to the frontier with {B}", "boost troop levels near {B}",
        "declare a state of emergency amid the crisis with {B}",
    ],
    "COERCE": [
        "arrest {B}", "detain {B}", "seize a ship from {B}", "confiscate property from {B}",
        "ban {B}", "crack+down on {B}", "deport citizens of {B}", "impose a curfew on {B}",
        "raid the offices of {B}", "jail {B}", "imprison {B}", "expel {B}",
        "seize assets belonging to {B}", "censor {B}", "block access to {B}",
        "= Police in {A} arrested members of {B}", "= {A} detained a journalist from {B}",
        "= {A} rounded up supporters of {B}", "put {B} under house arrest",
        "= {A} sentenced a citizen of {B} to ten years in prison", "outlaw {B}",
        "= Security forces of {A} raided homes of {B} activists", "round+up {B}",
        "= {A} seized an oil tanker belonging to {B}",
    ],
    "ASSAULT": [
        "attack {B}", "bomb {B}", "shell {B}", "launch {weapon} on {B}", "strike {B}",
        "kill soldiers from {B}", "fire rockets at {B}", "ambush {B}", "invade {B}",
        "clash with {B}", "raid positions held by {B}", "kidnap citizens of {B}",
        "open fire on {B}", "shoot down a plane from {B}", "assassinate a leader of {B}",
        "storm the embassy of {B}", "massacre civilians in {B}", "torture detainees from {B}",
        "= {weapon:weapon} by {A} killed 12 people in {B}", "= {A} carried out air strikes on {B}",
        "= {A} bombed {place} in {B}", "= Fighting broke out between {A} and {B}",
        "= {A} launched an offensive against {B}", "= Gunmen from {A} attacked {B}",
        "target {B} with missiles", "pound {B} with artillery",
        "= {A} shelled {place} held by {B}", "= An attack by {A} on {B} left 30 dead",
    ],
    "NONE": [
        "= {A} said the economy grew by 3 percent last year",
        "= {A} has a population of about 40 million people",
        "= The weather in {A} was warm and sunny",
        "= {A} will hold elections next year", "= {A} said it was monitoring the situation",
        "= {A} declined to comment on the report", "= {A} said talks were going well",
        "= {A} expressed concern about rising prices",
        "= {A} said it had no information about the incident",
        "= The national team of {A} won the match", "= {A} is considering its options",
        "= {A} denied any involvement in the incident",
        "= {A} did not attack {B}", "= {A} has not met {B} since 2015",
        "= {A} did not sign the agreement with {B}", "= {A} never threatened {B}",
        "= {A} is a member of the United Nations", "= {A} said it was optimistic about the future",
        "= The stock market in {A} closed higher", "= {A} is one of the largest exporters of rice",
        "= {A} and {B} share a long border", "= {A} said it would study the proposal",
        "= A spokesman for {A} said the minister was ill",
        "= {A} marked its independence day with a parade",
        "= {A} published its annual budget", "= {A} said the investigation would take months",
        "= Inflation in {A} rose to 5 percent", "= {A} reported heavy rain in the south",
        "= {A} named a new central bank governor", "= The minister of {A} is 64 years old",
        "= {A} has not decided whether to attend", "= {A} did not criticise {B}",
        "= Officials in {A} said nothing about {B}", "= {A} said it was too early to comment",
        "= Tourism in {A} recovered strongly", "= {A} released its economic forecast",
        "= {A} held a cabinet meeting on the budget", "= {A} made a statement on the anniversary",
        "= {A} spoke about the history of its relations with {B}",
        "= {A} acknowledged the difficulties ahead", "= {A} opened a new airport",
        "= {A} praised its own athletes after the games",
    ],
}  # fmt: skip

PREFIXES = ["", "", "", "On Monday, ", "In a statement, ", "Earlier this week, ",
            "According to state media, ", "In a surprise move, ", "For the first time, ",
            "Late on Sunday, ", "Meanwhile, ", "Officials said ", "Reports said "]  # fmt: skip
SUFFIXES = ["", "", "", " {time}", " {where}", " {time} {where}", ", officials said",
            ", state media reported", ", a spokesman said", ", according to a statement",
            " amid rising tensions", " after weeks of talks", ", the ministry said",
            " near the border", " in the north of the country", " along the frontier",
            ", killing {n} people", ", leaving {n} dead"]  # fmt: skip


# -- actors ------------------------------------------------------------------------------------
def load_actors() -> dict[str, list[str]]:
    """Actor phrases from the package dictionaries, by kind: country-level and others."""
    names: dict[str, list[str]] = {}
    adjectives: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for row in read_tsv(data_path("actors", "countries.tsv"), ("code", "kind", "phrase")):
        code, kind, phrase = row["code"] or "", row["kind"], row["phrase"] or ""
        if kind == "name":
            names.setdefault(code, []).append(phrase)
        elif kind == "adj" and not phrase.endswith("s"):
            adjectives.setdefault(code, phrase)
        elif kind == "capital":
            capitals.setdefault(code, phrase)
    roles = {"GOV": ["government", "foreign ministry", "officials", "authorities"],
             "MIL": ["troops", "army", "military", "forces"],
             "COP": ["police"], "REB": ["rebels", "militants", "insurgents"],
             "OPP": ["opposition"], "LEG": ["parliament", "lawmakers"]}  # fmt: skip
    countries, adjectival, people, orgs = [], [], [], []
    for code, phrases in sorted(names.items()):
        countries.append(min(phrases, key=len))
        adj = adjectives.get(code)
        if adj:
            adjectival.extend(f"the {adj} {r}" for rs in roles.values() for r in rs)
            adjectival.extend(f"{adj} {r}" for r in ("officials", "troops", "police", "rebels"))
        if code in capitals:
            adjectival.append(capitals[code])
    for row in read_tsv(
        data_path("actors", "people.tsv"), ("name", "country", "sector", "title"), required=3
    ):
        title = (row["title"] or "").strip()
        name = row["name"] or ""
        adj = adjectives.get(row["country"] or "", "")
        people.append(f"{adj} {title.title()} {name}".strip() if title and adj else name)
        people.append(name)
    for row in read_tsv(
        data_path("actors", "orgs.tsv"), ("phrase", "code", "country", "sector", "kind")
    ):
        if row["kind"] in ("igo", "group", "agency", "party"):
            orgs.append(row["phrase"] or "")
    return {"country": countries, "adjectival": adjectival, "person": people, "org": orgs}


def pick_actor(rng: random.Random, actors: dict[str, list[str]]) -> str:
    kind = rng.choices(["country", "adjectival", "person", "org"], [4, 4, 2, 2])[0]
    return rng.choice(actors[kind])


# -- sentences ---------------------------------------------------------------------------------
def fill(template: str, rng: random.Random) -> str:
    """Replace {slot} and {name:slot} fillers (recursively), leaving {A} and {B} alone."""

    def sub(m: re.Match[str]) -> str:
        slot = m.group(1).split(":")[-1]
        return fill(rng.choice(FILLERS[slot]), rng) if slot in FILLERS else m.group(0)

    return re.sub(r"\{([a-z:]+)\}", sub, template)


def plural(actor: str) -> bool:
    last = actor.split()[-1]
    return last.endswith("s") and last not in ("States", "Emirates", "Nations", "Philippines")


def realise(phrasing: str, a: str, b: str, rng: random.Random) -> tuple[str, bool]:
    """One sentence for ``phrasing``; returns it and whether it is a negated form (-> NONE)."""
    if phrasing.startswith("="):
        template = phrasing[1:].strip()
        body = fill(template, rng).replace("{A}", a).replace("{B}", b)
        if not template.startswith("{A}"):
            body = body[0].lower() + body[1:]  # "Protesters ...": capitalised below if first
        return body, False
    verb, _, rest = phrasing.partition(" ")
    lemma, _, particle = verb.partition("+")
    forms = {k: (f"{v} {particle}" if particle else v) for k, v in inflect(lemma).items()}
    rest = fill(rest, rng)
    many = plural(a)
    choice = rng.random()
    negated = False
    if choice < 0.45:
        clause = f"{a} {forms['past']} {rest}"
    elif choice < 0.58:
        clause = f"{a} {'have' if many else 'has'} {forms['pp']} {rest}"
    elif choice < 0.68:
        clause = f"{a} {forms['lemma'] if many else forms['s']} {rest}"
    elif choice < 0.76:
        clause = f"{a} {'are' if many else 'is'} {forms['ing']} {rest}"
    elif choice < 0.88 and (rest == "{B}" or rest.startswith("{B} ")):
        tail = rest[len("{B}") :]
        was = "were" if plural(b) else "was"
        clause = f"{b} {was} {forms['pp']}{tail} by {a}"
    elif choice < 0.94:
        aux = rng.choice(["did not", "has not", "would not"])
        form = forms["pp"] if aux == "has not" else forms["lemma"]
        aux = "have not" if aux == "has not" and many else aux
        clause = f"{a} {aux} {form} {rest}"
        negated = True
    else:
        clause = f"{a} {forms['past']} {rest}"
    clause = clause.replace("{B}", b).replace("{A}", a)
    clause = re.sub(r"\bits\b", "their", clause) if many else clause
    return clause, negated


def sentences(label: str, phrasings: list[str], rng: random.Random, n: int,
              actors: dict[str, list[str]]) -> Iterator[tuple[str, str]]:  # fmt: skip
    """``n`` (text, label) pairs from ``phrasings``; negated forms are labelled NONE."""
    for k in range(n):
        phrasing = phrasings[k % len(phrasings)]
        a = pick_actor(rng, actors)
        b = pick_actor(rng, actors)
        while b == a:
            b = pick_actor(rng, actors)
        body, negated = realise(phrasing, a, b, rng)
        text = rng.choice(PREFIXES) + body + fill(rng.choice(SUFFIXES), rng) + "."
        text = text[0].upper() + text[1:]
        yield text, "NONE" if negated else label


def generate(seed: int = SEED, per_type: int = PER_TYPE) -> tuple[list[dict], list[dict]]:
    """(train, test) lists of ``{"text", "label"}``; test uses held-back phrasings only."""
    rng = random.Random(seed)
    actors = load_actors()
    train: list[dict] = []
    test: list[dict] = []
    for label, phrasings in PHRASINGS.items():
        held = [p for i, p in enumerate(phrasings) if i % HELD_BACK_EVERY == HELD_BACK_EVERY - 1]
        kept = [p for p in phrasings if p not in held]
        n_test = per_type // 5
        for text, lab in sentences(label, kept, rng, per_type - n_test, actors):
            train.append({"text": text, "label": lab})
        for text, lab in sentences(label, held, rng, n_test, actors):
            test.append({"text": text, "label": lab})
    rng.shuffle(train)
    rng.shuffle(test)
    return train, test


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=Path("build/classifier"))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--per-type", type=int, default=PER_TYPE)
    args = parser.parse_args()
    train, test = generate(args.seed, args.per_type)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("train", train), ("test", test)):
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{args.out / name}.jsonl: {len(rows)} sentences")


if __name__ == "__main__":
    main()
