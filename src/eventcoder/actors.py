"""Actor recognition and coding: who is named in a sentence, and what CAMEO code they get.

Two parts. :class:`ActorDictionary` holds every phrase from the dictionaries in ``data/actors/``
(and users' own files) and finds them in a Doc. :class:`DocActors` resolves a noun phrase to an
:class:`~eventcoder.records.Actor`, combining a country (name, adjective, capital, organisation,
person) with a sector (role words and titles), and keeps a per-document memory of people and titles
so that "Toner" and "the spokesperson" find the Mark Toner introduced earlier.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventcoder.custom import Row, actor_rows
from eventcoder.errors import DataFileError, Errors
from eventcoder.records import Actor
from eventcoder.tsv import data_path, read_tsv

SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "UAF", "UNK", "CVL",
    "BUS", "MED", "JRN", "EDU", "LAB", "REF", "REL", "ELI", "AGR", "CRM", "SOC", "PRM",
    "PRE", "IGO", "NGO",
})  # fmt: skip
# Sectors of armed or coercive bodies: for them "attack" is violence, not criticism.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "SPY", "CRM", "PRM"})
# Prepositions that name an act's target ("imposed sanctions on", "fired at").
TARGET_PREPS = frozenset({"on", "against", "at", "upon"})
# Actor kinds that name a place (a country, its adjective or capital, a town in it).
PLACE_KINDS = frozenset({"country", "adjective", "capital", "place"})
# Dependency labels that stay inside a noun phrase when we look for the words naming an actor.
NP_DEPS = frozenset(
    {
        "compound",
        "amod",
        "poss",
        "nmod",
        "det",
        "appos",
        "nummod",
        "flat",
        "case",
        "quantmod",
        "npadvmod",
    }
)
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
PRONOUNS_GROUP = frozenset({"it", "its", "they", "them", "their", "we", "us", "our"})
PRONOUNS_SPEAKER = frozenset({"we", "us", "our"})
# Inside a quote these are the speaker ("we work closely with Pakistan," Toner said).
PRONOUNS_FIRST = frozenset({"i", "me", "my", "we", "us", "our"})
# Sectors of a country's own institutions and politics: a bare "the government", "the army",
# "police" or "the opposition" in an article about one country is that country's.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP"})
# Nouns that, with "two" or "both", name the pair of countries just mentioned ("the two sides").
PAIR_NOUNS = frozenset(
    {"country", "nation", "side", "neighbour", "neighbor", "government", "state", "leader",
     "army", "military", "capital", "rival", "ally", "power"}
)  # fmt: skip
# Hyphenated words that make a name an affiliation, not the phrase's own country or group
# ("pro-Russia rebels", "Iran-backed militias", "a UK-based group").
AFFILIATION_PREFIXES = frozenset({"pro", "anti"})
AFFILIATION_SUFFIXES = frozenset(
    {"backed", "linked", "allied", "supported", "sponsored", "funded", "aligned", "affiliated",
     "inspired", "based", "leaning", "friendly"}
)  # fmt: skip
# "the group", "the movement": the last organisation of these kinds named in the document.
ANAPHORS = {
    "group": ("group",),
    "militia": ("group",),
    "movement": ("group", "party"),
    "organisation": ("group", "igo", "ngo"),
    "organization": ("group", "igo", "ngo"),
    "party": ("party",),
    "alliance": ("igo",),
    "bloc": ("igo",),
}
# Arabic articles written joined to a surname ("al-Assad", "el-Sisi"), dropped in later mentions.
ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "at", "az"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "sheikh"})
QUANTITIES = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
     "score", "scores", "group", "number", "crowd", "band", "team", "delegation", "contingent"}
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """What one dictionary phrase means.

    kind: country, adjective, capital, agent, igo, group, agency, party, ngo, media, company,
    person. country: ISO alpha-3 or None. sector: 3-letter sector or None. code: an explicit
    actor code (IGOs, groups) or None to build it from country + sector. name: canonical name
    for organisations and people. source: ``file:line`` it came from. post: a role word that
    names a post held in some body ("spokesman", "commander", "leader"): a body named in the same
    phrase gives the sector ("army spokesman" is MIL, "rebel commander" REB). elsewhere: other
    countries with a body of this name (Jamaat-e-Islami in Pakistan, Bangladesh and India); the
    document decides which one is meant (:func:`choose_countries`). protest: the word names
    people protesting ("protesters", "rioters"): violence they do is a violent protest (CAMEO
    145), force used on them is repression (175).
    """

    kind: str
    country: str | None
    sector: str | None
    code: str | None
    name: str | None
    source: str
    post: bool = False
    elsewhere: tuple[str, ...] = ()
    protest: bool = False


@dataclass(frozen=True)
class Mention:
    """A dictionary phrase found in a Doc: tokens ``start``-``end`` (exclusive)."""

    start: int
    end: int
    entry: Entry


Tokenize = Callable[[str], Sequence[str]]


class ActorDictionary:
    """Every actor phrase eventcoder knows, indexed by first token for a single pass over a Doc.

    tokenize: splits a phrase into lower-case tokens exactly as the pipeline's tokenizer does.
    extra: users' own files in the ``orgs.tsv`` format, read after the built-in ones, so a user
    entry replaces a built-in entry for the same phrase.
    """

    def __init__(self, tokenize: Tokenize, extra: Iterable[Path] = ()) -> None:
        self._tokenize = tokenize
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], Entry]]] = {}
        self.surnames: dict[str, Entry | None] = {}
        actors = data_path("actors")
        self._load_countries(actors / "countries.tsv")
        self._load_agents(actors / "agents.tsv")
        self._load_orgs(actors / "orgs.tsv")
        self._load_people(actors / "people.tsv")
        for path in extra:
            if not Path(path).exists():
                raise DataFileError(Errors.E005.format(path=path))
            user = actor_rows(Path(path))  # orgs.tsv format, another by its header, or YAML
            self._load_agents(Path(path), user["agents"])
            self._load_orgs(Path(path), user["actors"])
            self._load_people(Path(path), user["people"])
        for entries in self._index.values():
            entries.sort(key=lambda item: -len(item[0]))

    def add(self, phrase: str, entry: Entry) -> None:
        """Register ``phrase``; a later entry for the same phrase replaces the earlier one."""
        words = [t for t in self._tokenize(phrase) if t.strip()]
        if not words:
            return
        tokens = tuple(w.lower() for w in words)
        # Names must keep their case in the text ("US" is not "us", "Turkey" is not "turkey");
        # role words ("spokesman") match in any case.
        shapes = tuple(_shape(w) if entry.kind != "agent" else "" for w in words)
        bucket = self._index.setdefault(tokens[0], [])
        bucket[:] = [item for item in bucket if item[0] != tokens]
        bucket.append((tokens, shapes, entry))

    def _load_countries(self, path: Path) -> None:
        kinds = {"name": "country", "adj": "adjective", "capital": "capital"}
        for row in read_tsv(path, ("iso3", "kind", "phrase")):
            kind = kinds.get(row["kind"] or "")
            if kind is None or not row["phrase"]:
                raise DataFileError(
                    Errors.E001.format(
                        path=path,
                        line=row["_line"],
                        reason=f"kind must be name, adj or capital, got {row['kind']!r}",
                        columns=3,
                        names="iso3, kind, phrase",
                    )
                )
            entry = Entry(kind, row["iso3"], None, None, None, f"{path.name}:{row['_line']}")
            self.add(row["phrase"], entry)

    def _sector(self, path: Path, row: dict[str, str | None], key: str = "sector") -> str | None:
        sector = row[key]
        if sector is not None and sector not in SECTORS:
            raise DataFileError(
                Errors.E003.format(
                    path=path, line=row["_line"], sector=sector, known=" ".join(sorted(SECTORS))
                )
            )
        return sector

    def _load_agents(self, path: Path, rows: Iterable[Row] | None = None) -> None:
        rows = read_tsv(path, ("phrase", "sector", "flags"), required=2) if rows is None else rows
        for row in rows:
            flags = set((row["flags"] or "").split(","))
            if not flags <= {"", "post", "protest"}:
                raise DataFileError(
                    Errors.E001.format(
                        path=path,
                        line=row["_line"],
                        reason=f"flags are post and protest, got {row['flags']!r}",
                        columns="2-3",
                        names="phrase, sector, flags",
                    )
                )
            entry = Entry(
                "agent",
                None,
                self._sector(path, row),
                None,
                None,
                f"{path.name}:{row['_line']}",
                post="post" in flags,
                protest="protest" in flags,
            )
            self.add(row["phrase"] or "", entry)

    def _load_orgs(self, path: Path, rows: Iterable[Row] | None = None) -> None:
        columns = ("phrase", "code", "country", "sector", "kind")
        # A name listed again in the same file with another country is one name of several
        # countries' bodies; in a later file it replaces the earlier entry.
        seen: dict[str, Entry] = {}
        for row in read_tsv(path, columns, required=2) if rows is None else rows:
            phrase = row["phrase"] or ""
            entry = Entry(
                row["kind"] or "agency",
                row["country"],
                self._sector(path, row),
                row["code"],
                phrase,
                f"{path.name}:{row['_line']}",
            )
            first = seen.get(phrase)
            if first is not None and first.country and entry.country != first.country:
                entry = replace(first, elsewhere=(*first.elsewhere, entry.country or ""))
            seen[phrase] = entry
            self.add(phrase, entry)

    def _load_people(self, path: Path, rows: Iterable[Row] | None = None) -> None:
        columns = ("name", "country", "sector", "role")
        for row in read_tsv(path, columns, required=3) if rows is None else rows:
            name = row["name"] or ""
            sector = self._sector(path, row)
            # Without a country a person's code says what they belong to: IGO heads code IGO,
            # leaders of transnational armed groups IMG + sector (CAMEO's international groups).
            code = None if row["country"] else ("IGO" if sector == "IGO" else f"IMG{sector or ''}")
            entry = Entry(
                "person", row["country"], sector, code, name, f"{path.name}:{row['_line']}"
            )
            self.add(name, entry)
            surname = name.split()[-1].lower()
            # "Bashar al-Assad" is "Assad" on second mention, "el-Sisi" "Sisi".
            article, _, bare = surname.partition("-")
            for key in (surname, bare) if article in ARTICLES and bare else (surname,):
                self.surnames[key] = _same_person(self.surnames.get(key, entry), entry)

    def match(self, doc: Doc, tokens: Sequence[Token] | None = None) -> list[Mention]:
        """All dictionary phrases in ``doc``, longest match first, left to right, no overlaps.

        tokens: ``list(doc)`` if the caller has it already (indexing a Doc builds new Tokens)."""
        toks = list(doc) if tokens is None else tokens
        mentions: list[Mention] = []
        i, n = 0, len(toks)
        while i < n:
            found = None
            for key in (toks[i].lower_, toks[i].lemma_.lower()):
                for words, shapes, entry in self._index.get(key, ()):
                    if _matches(toks, i, words, shapes):
                        found = Mention(i, i + len(words), entry)
                        break
                if found is not None:
                    break
            if found is not None:
                mentions.append(found)
                i = found.end
            else:
                i += 1
        return mentions


def _same_person(known: Entry | None, entry: Entry) -> Entry | None:
    """What a surname says when both ``known`` and ``entry`` bear it: the person, the country
    they share (the Gaddafis: LBY, no sector), or None for people of different countries."""
    if known is None or known.country != entry.country or known.code != entry.code:
        return None
    if known.sector == entry.sector:
        return known
    return Entry("person", known.country, None, None, None, known.source)


def _shape(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "X"  # an acronym: exact case
    if letters and letters[0].isupper():
        return "C"  # a name: capitalised in the text too
    return ""


def _matches(
    toks: Sequence[Token], start: int, words: tuple[str, ...], shapes: tuple[str, ...]
) -> bool:
    if start + len(words) > len(toks):
        return False
    last = len(words) - 1
    for k, want in enumerate(words):
        token = toks[start + k]
        shape = shapes[k]
        if shape == "X" and token.text.upper() != token.text:
            return False
        if shape == "C" and not (token.text[:1].isupper() or token.pos_ in ("PROPN", "ADJ")):
            return False  # "turkey" and "china" are nouns; "tunisian rioters" is a typo
        if token.lower_ == want:
            continue
        # Plurals and other inflections of a phrase's last word ("prime ministers").
        if k == last and token.lemma_.lower() == want:
            continue
        return False
    return True


def _entry_code(country: str | None, sector: str | None, explicit: str | None) -> str | None:
    if country:
        return country + (sector or "")
    return explicit


class DocActors:
    """Actor resolution for one Doc, with its memory of people and titles.

    doc: the parsed Doc. dictionary: the :class:`ActorDictionary` to use.
    """

    def __init__(
        self, doc: Doc, dictionary: ActorDictionary, documents: Collection[str] = ()
    ) -> None:
        self.doc = doc
        self.documents = documents  # nouns for texts that speak for their author (speech.tsv)
        self.text = doc.text  # Doc.text joins every token anew on each access
        # Every token once: iterating or indexing a Doc builds new Token objects each time.
        self.tokens: list[Token] = list(doc)
        self.kids: list[list[Token]] = [[] for _ in self.tokens]  # children, in order
        for i, offset in enumerate(doc.to_array("HEAD").view("int64").tolist()):
            if offset:  # the head as an offset from the token; 0 for a sentence root
                self.kids[i + offset].append(self.tokens[i])
        self._affiliated: dict[int, bool] = {}
        self.dictionary = dictionary
        self.mentions = choose_countries(dictionary.match(doc, self.tokens))
        self._at: dict[int, Mention] = {}
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self._at[i] = mention
        self._people: dict[str, Actor] = {}
        self._titles: dict[str, Actor] = {}
        self._cache: dict[int, Actor | None] = {}
        # Token index -> the resolved speaker of the direct quote the token is in (quotes.py).
        self.speakers: dict[int, Actor] = {}
        # Head token index -> the country (ISO alpha-3) of a town or region the gazetteer found
        # there (places.py); set by the pipeline before anything is resolved.
        self.located: dict[int, str] = {}
        # Sentences and entities by token, computed once: Token.sent and Doc.ents scan the Doc.
        self.sents: list[Span] = list(doc.sents)
        self.sentence_of: list[int] = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = k
        self._sentence_texts: dict[int, str] = {}
        self._persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self._person_at = {i: e for e in self._persons for i in range(e.start, e.end)}
        self.main_country = main_country(self.mentions)

    def sentence_text(self, k: int) -> str:
        """The text of sentence ``k``, stripped (Span.text joins its tokens on each access)."""
        if k not in self._sentence_texts:
            sent = self.sents[k]
            start = sent[0].idx
            end = sent[-1].idx + len(sent[-1].text)
            self._sentence_texts[k] = self.text[start:end].strip()
        return self._sentence_texts[k]

    # -- noun phrases -------------------------------------------------------------------------

    def np_tokens(self, head: Token) -> list[Token]:
        """The head and the words that describe it: compounds, modifiers, possessors, ``of``."""
        out = [head]
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                keep = child.dep_ in NP_DEPS or (child.dep_ == "prep" and child.lower_ == "of")
                if child.dep_ == "appos" and self.names_country(child):
                    keep = False  # "the US, Russia and Switzerland" is a list, not one actor
                if tok.dep_ == "prep" and child.dep_ == "pobj":
                    keep = True
                if keep:
                    out.append(child)
                    stack.append(child)
        out.sort(key=lambda t: t.i)
        return out

    def names_actor_itself(self, head: Token) -> bool:
        """Whether the word ``head`` itself names an actor (a name, role word, organisation or
        person), not only a modifier of it ("Taiwan independence" names none)."""
        return head.i in self._at or head.i in self._person_at or head.pos_ == "PRON"

    def names_country(self, tok: Token) -> bool:
        """Whether ``tok`` is part of a country's name, adjective or capital."""
        m = self._at.get(tok.i)
        return m is not None and m.entry.kind in ("country", "adjective", "capital")

    def places(self, tok: Token, preps: frozenset[str]) -> list[Token]:
        """Country and capital names in ``tok``'s prepositional phrases ("in Kandahar",
        "near its border with Ukraine", "outside the French consulate in Karachi")."""
        out = []
        towns = []  # "exercises in Alaska": a town or region stands for its country, if nothing
        # nearer names one ("outside the French consulate in Karachi" is aimed at France)
        for prep in tok.children:
            if prep.dep_ != "prep":
                continue
            subtree: Iterable[Token] = ()
            if prep.lower_ in preps:
                subtree = prep.subtree
            elif prep.lower_ in ("from", "during", "on", "against"):
                # "abducted pupils from a school in Kebbi state", "shot during a rally in
                # Guerrero", "strikes on nine sites in Pakistan": the place is what an "in"
                # under the phrase names.
                subtree = [
                    t for p in prep.subtree if p.dep_ == "prep" and p.lower_ in ("in", "at")
                    for t in p.subtree
                ]  # fmt: skip
            if subtree:
                for t in subtree:
                    m = self._at.get(t.i)
                    if m is None and t.i in self.located and t.dep_ == "pobj":
                        towns.append(t)
                    if m is not None and m.entry.country and t.i == m.end - 1:
                        if m.entry.kind in ("country", "capital") or t.pos_ == "NOUN":
                            out.append(t)
                        elif self.resolve(t.head) is not None and t.head.pos_ == "NOUN":
                            out.append(t.head)  # "the French consulate"
        return out or towns

    def protesting(self, head: Token) -> bool:
        """Whether the phrase headed by ``head`` names people protesting ("rioters", "thousands
        of demonstrators"): a role word flagged ``protest`` in agents.tsv."""
        m = self._at.get(head.i)
        if m is None and head.lemma_.lower() in QUANTITIES:
            return any(
                self.protesting(obj)
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for obj in prep.children
                if obj.dep_ == "pobj"
            )
        return m is not None and m.entry.protest and m.start <= head.i < m.end

    def is_actor(self, tok: Token) -> bool:
        """Whether ``tok`` heads a phrase naming an actor, a person or a role ("the mayor")."""
        m = self._at.get(tok.i)
        return (
            tok.ent_type_ == "PERSON"
            or (m is not None and m.entry.kind == "agent")
            or self.resolve(tok) is not None
        )

    def resolve_all(self, head: Token) -> list[Actor]:
        """Every actor the phrase names: one, or several for "US and British activists" and
        for lists in apposition ("the US, Russia and Switzerland")."""
        pair = self.pair(head)
        if pair:
            return pair
        titled = self._titled_people(head)
        if titled:
            return titled
        base = self.resolve(head)
        out = [base] if base is not None else []
        for child in head.children:
            if child.dep_ == "appos" and self.names_country(child):
                for tok in [child, *(c for c in child.subtree if c.dep_ == "conj")]:
                    actor = self.resolve(tok)
                    if actor is not None and all(a.code != actor.code for a in out):
                        out.append(actor)
        if base is not None and base.country:
            conjuncts = [c for t in self.np_tokens(head) if t.i != head.i for c in t.children]
            # "negotiators from Armenia and Azerbaijan"
            conjuncts += [
                c
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "from"
                for obj in prep.children
                if obj.dep_ == "pobj" and self.names_country(obj)
                for c in obj.children
            ]
            for tok in conjuncts:
                m = self._at.get(tok.i)
                if tok.dep_ != "conj" or not self.names_country(tok) or m is None:
                    continue
                country = m.entry.country
                if country and all(a.country != country for a in out):
                    code = country + (base.sector or "")
                    out.append(
                        self._actor_at([tok], code, country, base.sector, None, m.entry.kind)
                    )
        return out

    def resolve(self, head: Token) -> Actor | None:
        """The actor named by the noun phrase headed by ``head``, or None."""
        if head.i not in self._cache:
            self._cache[head.i] = self._resolve(head)
        return self._cache[head.i]

    def pair(self, head: Token) -> list[Actor]:
        """The two countries "the two countries", "both sides" or "the two governments" refer
        to: the last two countries named before it in this or the three sentences before
        ("India and Pakistan exchanged fire ... the two sides agreed"); [] when not such a
        phrase or fewer than two countries were named."""
        if head.lemma_.lower() not in PAIR_NOUNS or head.tag_ not in ("NNS", "NNPS"):
            return []
        if not any(c.lower_ in ("two", "both") for c in head.children):
            return []
        k = self.sentence_of[head.i]
        first = self.sents[max(k - 3, 0)].start
        countries: list[tuple[str, Mention]] = []
        for m in reversed(self.mentions):
            if m.start >= head.i or m.end <= first or not m.entry.country:
                continue
            if all(c != m.entry.country for c, _ in countries):
                countries.append((m.entry.country, m))
            if len(countries) == 2:
                break
        if len(countries) < 2:
            return []
        role = self._at.get(head.i)
        sector = role.entry.sector if role is not None and role.entry.kind == "agent" else None
        tokens = self.np_tokens(head)
        return [
            self._actor_at(tokens, country + (sector or ""), country, sector, None, "pair")
            for country, _ in reversed(countries)
        ]

    def _anaphor(self, tok: Token) -> Mention | None:
        """What "the group" or "the party" refers to: the last organisation of a fitting kind
        named before it in the document, as a mention at ``tok``."""
        kinds = ANAPHORS.get(tok.lemma_.lower())
        if kinds is None or not any(c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ in ("compound", "amod", "poss") for c in tok.children):
            return None  # "the ruling party", "the Islamist group" name one of their own
        for m in reversed(self.mentions):
            if m.start < tok.i and m.entry.kind in kinds:
                return Mention(tok.i, tok.i + 1, m.entry)
        return None

    def _affiliation(self, m: Mention) -> bool:
        """Whether mention ``m`` only says whom the phrase sides with: "pro-Russia rebels",
        "Iran-backed militias", "a UK-based group" are not Russian, Iranian or British."""
        if m.start not in self._affiliated:
            toks = self.tokens
            before = toks[max(m.start - 2, 0) : m.start]
            after = toks[m.end : m.end + 2]
            self._affiliated[m.start] = (
                len(before) == 2
                and before[1].text == "-"
                and before[0].lower_ in AFFILIATION_PREFIXES
            ) or (
                len(after) == 2 and after[0].text == "-" and after[1].lower_ in AFFILIATION_SUFFIXES
            )
        return self._affiliated[m.start]

    def _resolve(self, head: Token) -> Actor | None:
        pair = self.pair(head)
        if pair:
            return pair[0]
        tokens = self.np_tokens(head)
        indices = {t.i for t in tokens}
        mentions: list[Mention] = []
        for t in tokens:
            m = self._at.get(t.i)
            if m is None or (m.entry.kind == "agent" and m.end - m.start == 1):
                m = self._anaphor(t) or m
            if m is not None and self._affiliation(m):
                continue
            if m is not None and (not mentions or mentions[-1] is not m):
                mentions.append(m)
        head_mention = next((m for m in mentions if m.start <= head.i < m.end), None)
        person_name = self._person_name(head, indices)
        if person_name is None and head_mention is None and head.pos_ == "PROPN":
            # NER does not always tag a surname seen before ("Toner later praised India"), or a
            # well-known one ("Modi attacked Pakistan").
            person = self._surname(head.text)
            if person is not None:
                return self._span_actor(tokens, person, person.name, kind=person.kind)
        if head.lemma_.lower() in QUANTITIES:
            # "Thousands of protesters": the protesters are the actor.
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.resolve(obj)

        country = sector = explicit = name = None
        kind = ""
        # The head's own meaning first ("militants" in "Lashkar-e-Taiba militants").
        ordered = ([head_mention] if head_mention else []) + [
            m for m in mentions if m is not head_mention
        ]
        persons = [m for m in ordered if m.entry.kind == "person"]
        # The title in the text says what a person is now ("NATO Secretary-General Mark Rutte"),
        # which the people dictionary may not know; the dictionary fills in what the text lacks.
        for m in [m for m in ordered if m.entry.kind != "person"] + persons:
            e = m.entry
            if e.kind == "person" and (country or explicit):
                name = name or e.name
                continue
            if country is None and e.country:
                country = e.country
                kind = kind or e.kind
            if explicit is None and e.code and not e.country:
                explicit, name = e.code, name or e.name
                kind = kind or e.kind
            if e.kind in ("person", "group", "agency", "party", "igo", "ngo", "media", "company"):
                name = name or e.name
        if head_mention is not None and head_mention.entry.kind in ("agency", "party") and country:
            # "Congress in Buenos Aires": where a body is named to sit says whose it is
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for obj in prep.children:
                        m = self._at.get(obj.i)
                        if (
                            obj.dep_ == "pobj"
                            and m is not None
                            and m.entry.country
                            and m.entry.kind in ("country", "capital")
                        ):
                            country = m.entry.country
        # Sector: the head's role word, else the role word nearest the head, else the org's.
        # A post ("spokesman", "commander") takes the sector of the body it is held in, named
        # anywhere in the phrase: "army spokesman" MIL, "Taliban commander" REB.
        agents = [m for m in mentions if m.entry.kind == "agent"]
        bodies = [
            m
            for m in mentions
            if m.entry.sector
            and not m.entry.post
            and m.entry.kind not in ("person", "country", "adjective", "capital")
            and m is not head_mention
        ]
        head_post = head_mention is not None and head_mention.entry.post
        groups = [m for m in bodies if m.entry.kind == "group"]
        if head_mention is not None and head_mention.entry.sector == "MIL" and groups:
            sector = groups[0].entry.sector  # "Afghan Taliban forces", "Houthi forces": REB
        elif head_mention is not None and head_mention.entry.sector and not head_post:
            sector = head_mention.entry.sector
        elif bodies and (head_post or any(m.entry.post for m in agents)):
            sector = min(bodies, key=lambda m: abs(head.i - (m.end - 1))).entry.sector
        elif agents:
            sector = min(agents, key=lambda m: abs(head.i - (m.end - 1))).entry.sector
        else:
            for m in ordered:
                if m.entry.sector:
                    sector = m.entry.sector
                    break

        if person_name is not None:
            if not persons and country is None and explicit is None:
                words = person_name.split()
                while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
                    words = words[1:]  # "Mr. Sisi" is Sisi
                # A surname alone ("Putin") may name a known person; "Michel Suleiman" may not.
                person = self._people.get(person_name.lower()) or (
                    self._surname(words[0])
                    if len(words) == 1
                    else self._people.get(words[-1].lower())
                )
                if person is not None:
                    return self._span_actor(tokens, person, person.name, kind=person.kind)
            name = person_name  # the phrase is about the person, not the office around them
            kind = "person" if country or explicit else kind

        if country is None and explicit is None and head_mention in agents:
            # "the Trump administration", "Assad's forces", "Erdogan's spokesman": a role held
            # under a known person is in that person's country.
            for t in tokens:
                if t.dep_ in ("compound", "poss") and t.pos_ == "PROPN" and t.i not in self._at:
                    person = self._surname(t.text)
                    if person is not None and person.country:
                        country = person.country
                        break
        if country is None and explicit is None:
            # A bare title ("the spokesperson") is the last person who held it in this document.
            for m in reversed(agents):
                remembered = self._titles.get(self._phrase(m))
                if remembered is not None:
                    return self._span_actor(tokens, remembered, remembered.name, kind="memory")
            # "a court in Guyana", "protesters from Egypt"; "a deal in Beijing" names no actor
            is_role = bool(agents)
            for prep in head.children if is_role else ():
                if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                    for obj in prep.children:
                        m = self._at.get(obj.i)
                        if obj.dep_ == "pobj" and m is None and obj.i in self.located:
                            country = self.located[obj.i]  # "a court in Lahore"
                            continue
                        if obj.dep_ == "pobj" and m is None:
                            # "protesters in Madagascar's capital": a place named by a phrase
                            inner = self.resolve(obj)
                            if inner is not None and inner.kind in PLACE_KINDS and inner.country:
                                country = inner.country
                            continue
                        if obj.dep_ != "pobj" or m is None:
                            continue
                        if m.entry.kind != "agent":
                            country = m.entry.country
                            explicit = None if country else m.entry.code
                        elif (inner := self.resolve(obj)) and not inner.code.startswith("---"):
                            # "ministers from the Georgian government"
                            country = inner.country
                            explicit = None if country else inner.code
        titled = person_name is not None and bool(agents)
        is_role = head_mention is not None and head_mention.entry.kind == "agent"
        if (
            country is None
            and explicit is None
            and self.main_country
            and sector in DOMESTIC_SECTORS
            and (is_role or titled)
        ):
            # "the government", "police", "Ahmed Khan, the army chief," in an article about one
            # country are that country's (see main_country).
            country = self.main_country
            kind = "person" if person_name is not None else "main"
        if (
            country is None
            and explicit is None
            and head.i in self.located
            and head.dep_ == "pobj"
            and head_mention is None
            and person_name is None
        ):
            # "exercises in Alaska", "a visit to Texas": a town or region named as the place an
            # act lands on stands for its country, never as a speaker or a doer.
            located = self.located[head.i]
            return self._actor_at(tokens, located, located, None, None, "place")
        if country is None and explicit is None and head.lemma_.lower() in self.documents:
            return self._author(head, tokens)
        if country is None and explicit is None:
            if sector is None or not is_role:
                return None  # "military exercises" names no one
            # A role with no country ("insurgents"): CAMEO's unknown-country code, ---REB.
            explicit = "---" + sector

        code = _entry_code(country, sector, explicit)
        if code is None:
            return None
        actor = self._actor_at(tokens, code, country, sector, name, kind or "agent")
        if person_name is not None:
            self._people[person_name.lower()] = actor
            self._people[person_name.split()[-1].lower()] = actor
            for m in agents:
                phrase = self._phrase(m)
                self._titles[phrase] = actor
                self._titles[phrase.split()[-1]] = actor  # "deputy spokesperson" -> "spokesperson"
        return actor

    def _author(self, head: Token, tokens: list[Token]) -> Actor | None:
        """Who issued the text ``head`` names ("a report by Amnesty", "a statement issued by the
        ministry", "a report released in the Rwandan capital"), or None. A capital stands for
        its government; another place tells where, not who."""
        found: Actor | None = None
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objs = [o for o in child.children if o.dep_ == "pobj"]
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                objs = [o for a in child.children if a.dep_ == "agent" for o in a.children
                        if o.dep_ == "pobj"]  # fmt: skip
                objs += [
                    o
                    for prep in child.children
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "from")
                    for o in prep.children
                    if o.dep_ == "pobj" and self._is_capital(o)
                ]
            else:
                continue
            found = next((a for o in objs if (a := self.resolve(o)) is not None), None)
            if found is not None:
                break
        if found is None or found.code.startswith("---"):
            return None
        code, country, sector = found.code, found.country, found.sector
        return self._actor_at(tokens, code, country, sector, found.name, "author")

    def _is_capital(self, tok: Token) -> bool:
        """Whether ``tok`` heads a capital's name or "the <country> capital"."""
        m = self._at.get(tok.i)
        if m is not None:
            return m.entry.kind == "capital"
        return tok.lemma_.lower() == "capital" and any(
            self.names_country(c) for c in tok.children if c.dep_ in ("amod", "compound", "poss")
        )

    def _titled_people(self, head: Token) -> list[Actor]:
        """Titled leaders joined by "and" that the parser may make one phrase ("U.S. President
        Donald Trump and Russian President Vladimir Putin"): one actor each, from its own words."""
        if head.i not in self._person_at:
            return []
        tokens = [t for t in head.subtree if t.i <= head.i]
        joins = [t for t in tokens if t.dep_ == "cc" and t.lower_ == "and"]
        names = {id(e): e for t in tokens if (e := self._person_at.get(t.i)) is not None}
        if len(joins) != 1 or len(names) != 2:
            return []
        cut = joins[0].i
        out = []
        for part in ([t for t in tokens if t.i < cut], [t for t in tokens if t.i > cut]):
            person = next((self._person_at[t.i] for t in part if t.i in self._person_at), None)
            if person is None:
                return []
            country = sector = None
            for t in part:
                m = self._at.get(t.i)
                if m is None:
                    continue
                if country is None and m.entry.country:
                    country = m.entry.country
                if sector is None and m.entry.kind == "agent" and m.entry.sector:
                    sector = m.entry.sector
            known = self._people.get(person.text.lower()) or self._surname(person.text.split()[-1])
            if country is None and known is not None:
                country, sector = known.country, sector or known.sector
            code = _entry_code(country, sector, None)
            if code is None:
                return []
            actor = self._actor_at(part, code, country, sector, person.text, "person")
            self._people[person.text.lower()] = actor
            self._people[person.text.split()[-1].lower()] = actor
            out.append(actor)
        return out

    def _surname(self, word: str) -> Actor | None:
        """The person a single name refers to: one remembered from this document (kind
        ``memory``), or the only person of that surname in the people dictionary."""
        remembered = self._people.get(word.lower())
        if remembered is not None:
            return Actor(**{**remembered.to_dict(), "kind": "memory"})
        known = self.dictionary.surnames.get(word.lower())
        code = _entry_code(known.country, known.sector, known.code) if known else None
        if known is None or code is None:
            return None
        return Actor(word, code, known.country, known.sector, known.name, kind="person")

    def _phrase(self, mention: Mention) -> str:
        return " ".join(t.lemma_.lower() for t in self.doc[mention.start : mention.end])

    def _person_name(self, head: Token, indices: set[int]) -> str | None:
        """The PERSON entity the phrase is about (the head's own, or an apposition's)."""
        ent = self._person_at.get(head.i)
        if ent is not None:
            return ent.text.removesuffix("'s").strip()
        for ent in self._persons:
            if ent.root.i in indices and ent.root.dep_ == "appos":
                return ent.text
        return None

    def _span_actor(
        self, tokens: list[Token], actor: Actor, name: str | None, kind: str = "person"
    ) -> Actor:
        """``actor`` as named by ``tokens`` here (a surname, a title, a pronoun)."""
        return self._actor_at(
            tokens, actor.code, actor.country, actor.sector, name or actor.name, kind
        )

    def _actor_at(
        self,
        tokens: list[Token],
        code: str,
        country: str | None,
        sector: str | None,
        name: str | None,
        kind: str,
    ) -> Actor:
        """An actor whose text is the stretch of the article ``tokens`` cover."""
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        return Actor(self.text[start:end], code, country, sector, name, start, end, kind)

    # -- pronouns ------------------------------------------------------------------------------

    def resolve_pronoun(self, pronoun: Token, exclude: str | None = None) -> Actor | None:
        """The actor a pronoun most likely refers to, or None when nothing fits.

        Tried in order: the subject of a clause the pronoun's clause depends on ("Toner said
        they are urging ..."), the main-clause subject earlier in the sentence, then the nearest
        actor before it in this or the two previous sentences. ``exclude`` is a code that cannot
        be the answer (a recipient pronoun does not refer to the event's actor).
        """
        word = pronoun.lower_
        speaker = self.speakers.get(pronoun.i)
        if word in PRONOUNS_FIRST and speaker is not None:
            if speaker.code == exclude:
                return None
            return self._span_actor([pronoun], speaker, speaker.name or speaker.text, "speaker")
        wants_person = word in PRONOUNS_PERSON
        # "we" is the speaker's side: only a governing "X said" can tell who that is.
        local_only = word in PRONOUNS_SPEAKER

        def fits(actor: Actor | None) -> bool:
            if actor is None or actor.code == exclude:
                return False
            return not wants_person or actor.kind in ("person", "memory")

        verb = pronoun.head
        if pronoun.dep_ == "dobj" and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            # "imposed sanctions on two ministers, accusing them of incitement": the one a
            # participle clause's object refers to is the main act's target
            main = verb.head
            targets = [c for c in main.children if c.dep_ == "dobj"] + [
                o for p in main.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS
                for o in p.children if o.dep_ == "pobj"
            ]  # fmt: skip
            for target in targets:
                candidate = self.resolve(target)
                if candidate is not None and fits(candidate):
                    return self._span_actor(
                        [pronoun], candidate, candidate.name or candidate.text, "pronoun"
                    )
        head = pronoun.head
        while head.head.i != head.i:
            head = head.head
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != pronoun.i:
                    candidate = self._head_actor(child)
                    if candidate is not None and fits(candidate):
                        return self._span_actor(
                            [pronoun], candidate, candidate.name or candidate.text, "pronoun"
                        )
        if local_only:
            return None
        k = self.sentence_of[pronoun.i]
        sent = self.sents[k]
        best: tuple[int, Actor] | None = None
        for tok in sent:
            if tok.i >= pronoun.i:
                break
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON":
                candidate = self.resolve(tok)
                if candidate is not None and fits(candidate):
                    depth = parse_depth(tok)
                    if best is None or depth < best[0]:
                        best = (depth, candidate)
        if best is not None and exclude is None:
            return self._span_actor([pronoun], best[1], best[1].name or best[1].text, "pronoun")
        window = self.sents[max(k - 2, 0) : k + 1]
        for span in reversed(window):
            for tok in reversed(list(span)):
                if tok.i >= pronoun.i or tok.pos_ not in ("PROPN", "NOUN"):
                    continue
                if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("PROPN", "NOUN"):
                    continue
                candidate = self.resolve(tok)
                if candidate is not None and fits(candidate):
                    return self._span_actor(
                        [pronoun], candidate, candidate.name or candidate.text, "pronoun"
                    )
        return None

    def _head_actor(self, tok: Token) -> Actor | None:
        if tok.pos_ == "PRON":
            return None
        return self.resolve(tok)


def parse_depth(tok: Token) -> int:
    """How many arcs separate ``tok`` from its sentence's root."""
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth


def main_country(mentions: Sequence[Mention]) -> str | None:
    """The country an article is about, or None when it is not clearly about one.

    Every dictionary phrase with a country counts once (names, adjectives, capitals, agencies,
    parties, people). The most named country is the main one only when it dominates: named at
    least twice and at least three times as often as any other. A two-country story ("India
    and Pakistan", 5 to 3) has none, so a bare "the army" there stays without a country.
    """
    counts = Counter(m.entry.country for m in mentions if m.entry.country)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 3 * second else None


def choose_countries(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each name of several countries' bodies (Jamaat-e-Islami) given the one
    of its countries the rest of the document names most; the first listed when none is named."""
    counts = Counter(m.entry.country for m in mentions if m.entry.country and not m.entry.elsewhere)
    out = []
    for m in mentions:
        e = m.entry
        if e.elsewhere and e.country:
            best = max((e.country, *e.elsewhere), key=lambda c: counts[c])
            code = best + (e.sector or "") if e.code == e.country + (e.sector or "") else e.code
            m = Mention(m.start, m.end, replace(e, country=best, code=code, elsewhere=()))
        out.append(m)
    return out
