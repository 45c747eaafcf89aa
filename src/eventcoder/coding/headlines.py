"""Headlines: a clause with no predicate whose verb the tagger took for a noun, parsed again.

Headlines and short leads drop the articles and auxiliaries the small model leans on, and it
reads "Somalia severs ties with Kenya; expels diplomats" or "Turkey summons Swedish envoy" as
noun compounds, with no verb to trigger on. In a clause with no predicate (no verb with a
subject), a word right after an actor's phrase whose form can be a present-tense verb of the
verb table ("severs", "storm", "test-fires") is taken for that verb, and so is one chained to it
after ";", "," or "and" ("...; expels diplomats"). The words are parsed again with "will" and the
verb's base form in its place ("Somalia will sever ties with Kenya and will expel diplomats"),
which the model parses as a clause, and that parse (heads, labels, tags, lemmas) is copied onto
the original words; "will" is left out, so the act stays a done act. The new parse is kept only
when each such word comes out as a verb, the first with a subject and the chained ones as its
conjuncts. The verbs' rows and roles are then found as for any verb.

A clause is a sentence with no predicate, a part of a sentence after a semicolon ("Somalia
severed ties with Kenya; expels diplomats"), or a headline's line that the parser ran into the
next sentence ("Turkey summons Swedish envoy\\n\\nAnkara on Monday ..."); that line is parsed
apart and becomes a sentence of its own.

Guards against ordinary nouns ("the attacks on Kenya", "talks with Kenya", "a ban on imports"):
clauses with a verb that has a subject are never touched, and the word must follow a dictionary
phrase (not a country's adjective: "Kenyan protests") that no determiner or possessive opens,
agree with it (no "-s" after a plural), be in lower case, end no actor phrase, have a word after
it, and, a plural of a noun trigger, not be followed by a preposition ("US sanctions on Iran":
the noun rows code it). Ordinary prose costs a scan of each sentence for a subject and of its
text for a line break or semicolon.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from eventcoder.actors import DocActors
from eventcoder.coding.patterns import PatternBook
from eventcoder.coding.trace import Trace, note

# Parses words again with the pipeline's own model: words -> a parsed Doc.
Reparse = Callable[[list[str]], Doc]

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# A verb in these places is a modifier inside a noun phrase, not a clause's predicate
# ("North Korea fires missiles", parsed as "fires" modifying "missiles").
IN_PHRASE = frozenset({"compound", "amod", "nmod", "npadvmod", "appos"})
STARTS_NP = frozenset({"DET", "PRON"})  # "the", "a", "its": a noun phrase, not a subject
# Between a verb and the next of a chain ("severs ties; expels diplomats").
CHAIN = frozenset({";", ",", "and"})
# Verbs with no passive: their past participle on a noun can only be the noun's own act, so
# "About 300 nurses protested outside the ministry", parsed as a noun with a participle,
# is a clause whose subject the parser lost (a count before the subject misleads it).
NO_PASSIVE = frozenset({"protest", "demonstrate", "march", "rally", "riot", "clash"})
ATTRS = [HEAD, DEP, POS, TAG, LEMMA]


@dataclass(frozen=True)
class Candidate:
    """A word taken for a verb: its index, the verb lemma, whether it shares the subject of
    the one before it (chained: "...; expels diplomats"), and the commas that join the names of
    its subject (read as "and": "Armenia, Azerbaijan sign peace deal")."""

    i: int
    lemma: str
    chained: bool
    joins: tuple[int, ...] = ()
    past: bool = False


def repair_headlines(
    doc: Doc, actors: DocActors, book: PatternBook, reparse: Reparse, trace: Trace | None = None
) -> bool:
    """Parse again each clause of ``doc`` with no predicate whose verb was tagged as a noun, and
    copy the new parse onto ``doc``. actors: the Doc's actors (which phrases name one). book:
    the verb table. reparse: the pipeline's parser for a list of words. Returns whether any
    sentence changed (the caller then builds its :class:`DocActors` anew)."""
    arr: Ints2d | None = None
    for sent in actors.sents:
        text = actors.text[sent.start_char : sent.end_char].rstrip()
        segments = _segments(actors.tokens[sent.start : sent.end], text)
        found = [c for _, clauses in segments for k in clauses for c in candidates(k, actors, book)]
        if not found:
            continue
        # every part of the sentence takes its new parse, or none does
        trial = cast(Ints2d, (doc.to_array(ATTRS) if arr is None else arr).copy())
        if all(_copy(trial, segment, found, reparse) for segment, _ in segments):
            arr = trial
            why = "a headline with no predicate: parsed again with this word as its verb"
            for c in found:
                note(trace, c.i, "reparsed", why)
    if arr is None:
        return False
    doc.from_array(ATTRS, arr)
    return True


def has_predicate(tokens: list[Token]) -> bool:
    """Whether ``tokens`` (a run of a sentence) hold a verb and its subject, the verb heading a
    clause."""
    first, last = tokens[0].i, tokens[-1].i
    for t in tokens:
        if t.dep_ in SUBJECTS:
            verb = t.head
            clause = verb.pos_ in ("VERB", "AUX") and verb.dep_ not in IN_PHRASE
            if clause and first <= verb.i <= last:
                return True
    return False


def _segments(words: list[Token], text: str) -> list[tuple[list[Token], list[list[Token]]]]:
    """The parts of a sentence to parse again, each with its clauses to look for verbs in: the
    whole sentence when it has no predicate; its lines, when the parser ran a headline (a title
    line, or a line with no predicate) into the next sentence; or the whole sentence for its
    parts with no predicate between semicolons. None for ordinary prose. text: the sentence's
    text, which says in one scan whether it has a line break or a semicolon."""
    if not has_predicate(words):
        return [(words, [words])]
    if "\n" in text:
        lines = _split(words, lambda t: t.is_space and "\n" in t.text, after=True)
        if len(lines) > 1 and (_title(lines[0]) or not has_predicate(lines[0])):
            return [(lines[0], [lines[0]]), *[(line, []) for line in lines[1:]]]
    if ";" in text:
        parts = _split(words, lambda t: t.text == ";", after=False)
        return [(words, [p for p in parts if not has_predicate(p)])]
    return []


def _title(line: list[Token]) -> bool:
    """Whether ``line`` is a title: a paragraph of its own ending with no stop."""
    return line[-1].text.count("\n") > 1 and len(line) > 1 and not line[-2].is_punct


def _split(words: list[Token], cut: Callable[[Token], bool], after: bool) -> list[list[Token]]:
    """``words`` cut at each word ``cut`` holds for, which ends its part (``after``) or opens
    the next."""
    parts: list[list[Token]] = [[]]
    for t in words:
        if cut(t) and not after and parts[-1]:
            parts.append([])
        parts[-1].append(t)
        if cut(t) and after:
            parts.append([])
    return [p for p in parts if p]


def verb_form(tok: Token, book: PatternBook) -> str | None:
    """The verb-table lemma ``tok``'s form can be the present tense of ("severs" -> "sever",
    "denies" -> "deny", "storm" -> "storm"), or None."""
    word = tok.lower_
    forms = [word]
    if word.endswith("s"):
        forms = [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
        if word.endswith("ies"):
            forms.append(word[:-3] + "y")
    return next((f for f in forms if f in book.verbs), None)


def past_form(tok: Token, book: PatternBook) -> str | None:
    """The verb-table lemma of a past participle hung on a noun (``acl``) whose verb has no
    passive ("teachers protested", "youths rioted"), or None."""
    lemma = tok.lemma_.lower()
    if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "acl" and lemma in NO_PASSIVE:
        return lemma if lemma in book.verbs else None
    return None


def candidates(clause: list[Token], actors: DocActors, book: PatternBook) -> list[Candidate]:
    """The words of a ``clause`` with no predicate taken for verbs, in order: the first right
    after an actor's phrase, the others after a separator that chains them to it (or, at the
    start of a part after a semicolon, to the verb before it)."""
    out: list[Candidate] = []
    tokens = actors.tokens
    for tok in clause[1:-1]:
        i = tok.i
        if not tok.is_lower or i in actors.mention_at or tokens[i + 1].is_punct:
            continue
        past = past_form(tok, book)
        lemma = past or verb_form(tok, book)
        if lemma is None or _noun_use(tok, tokens[i + 1], book):
            continue
        # "Iran test-fires missiles": the subject is before the hyphenated verb's first part
        start = i - 2 if tokens[i - 1].text == "-" and i - 2 > clause[0].i else i
        prev = tokens[start - 1]
        if prev.lower_ in CHAIN and (out or (prev.i == clause[0].i and prev.text == ";")):
            out.append(Candidate(i, lemma, chained=True))
        elif not out and _after_subject(prev, clause[0].i, actors) and _agrees(prev, tok):
            joins = _joins(prev, actors)
            out.append(Candidate(i, lemma, chained=False, joins=joins, past=past is not None))
    return out


def _after_subject(prev: Token, first: int, actors: DocActors) -> bool:
    """Whether ``prev`` ends an actor's phrase that could be a subject: a dictionary phrase, not
    a country's adjective, that no determiner or possessive opens ("Somalia", "Kenyan police";
    not "Kenyan protests", "the US sanctions", "Russia's attacks"). first: the clause's start."""
    mention = actors.mention_at.get(prev.i)
    if mention is None or mention.end != prev.i + 1 or mention.entry.kind == "adjective":
        return False
    start = mention.start
    while start > first and actors.tokens[start - 1].pos_ in ("ADJ", "PROPN", "NOUN"):
        start -= 1  # "Kenyan riot police"
    before = actors.tokens[start - 1] if start > first else None
    return before is None or (before.pos_ not in STARTS_NP and before.tag_ != "POS")


def _joins(last: Token, actors: DocActors) -> tuple[int, ...]:
    """The commas between the names of a subject that ends with ``last`` ("Serbia, Kosovo")."""
    commas = []
    start = actors.mention_at[last.i].start
    while start >= 2 and actors.tokens[start - 1].text == ",":
        before = actors.mention_at.get(start - 2)
        if before is None or before.end != start - 1:
            break
        commas.append(start - 1)
        start = before.start
    return tuple(commas)


def _agrees(subject: Token, verb: Token) -> bool:
    """Whether a present-tense ``verb`` agrees with ``subject``: no "-s" after a plural
    ("Israeli troops raids" is a phrase, not a clause)."""
    return not (verb.lower_.endswith("s") and subject.tag_ in ("NNS", "NNPS"))


def _noun_use(tok: Token, nxt: Token, book: PatternBook) -> bool:
    """Whether ``tok`` reads better as the plural noun trigger it can be: followed by a
    preposition, not an object ("US sanctions on Iran", "police raids in Basra")."""
    return tok.lower_.endswith("s") and nxt.pos_ == "ADP" and tok.lemma_.lower() in book.nouns


def _rewrite(segment: list[Token], found: list[Candidate]) -> tuple[list[str], list[int | None]]:
    """The segment's words with "will" and the base form for each candidate (a separator before
    a chained one as "and"), and each original token's place in them (None: left out, the
    first part of a hyphenated verb: "test-fires" is parsed as "will fire")."""
    words: list[str] = []
    image: list[int | None] = []
    at = {c.i: c for c in found}
    joins = {j for c in found for j in c.joins}
    doc = segment[0].doc
    hyphen = {c.i - k for c in found if doc[c.i - 1].text == "-" for k in (1, 2)}
    for tok in segment:
        if tok.i in hyphen:
            image.append(None)
            continue
        cand = at.get(tok.i)
        nxt = at.get(tok.i + 1)
        if cand is not None:
            words.append("will")
        image.append(len(words))
        chain = (nxt is not None and nxt.chained) or tok.i in joins
        words.append(cand.lemma if cand else "and" if chain else tok.text)
    return words, image


def _copy(arr: Ints2d, segment: list[Token], found: list[Candidate], reparse: Reparse) -> bool:
    """Parse ``segment`` again with its candidates as verbs and write the parse into ``arr``
    (the Doc's :data:`ATTRS`); False (``arr`` unchanged) when the new parse does not make them
    verbs, the first with a subject and the others its conjuncts."""
    found = [c for c in found if segment[0].i <= c.i <= segment[-1].i]
    words, image = _rewrite(segment, found)
    new = reparse(words)
    verbs = [new[image[c.i - segment[0].i] or 0] for c in found]
    if any(
        v.pos_ != "VERB"
        or (v.dep_ != "conj" if c.chained else not any(k.dep_ in SUBJECTS for k in v.children))
        for c, v in zip(found, verbs, strict=True)
    ):
        return False
    back = {j: segment[0].i + k for k, j in enumerate(image) if j is not None}
    if any(t.head.i not in back for t in new if t.i in back and t.head.i != t.i):
        return False  # a word hangs on an inserted "will"
    main = verbs[0] if verbs else new[0]
    while main.head.i != main.i:
        main = main.head
    strings = segment[0].doc.vocab.strings
    for k, j in enumerate(image):
        tok = segment[k]
        i = tok.i
        if j is None:  # "test" and "-" of "test-fires" hang on the verb, as in "test-fired"
            verb = next(c.i for c in found if c.i > i)
            arr[i, 0] = _offset(verb - i)
            arr[i, 1] = strings["compound" if tok.is_alpha else "punct"]
            continue
        t = new[j]
        root = t.head.i == t.i and t.i != main.i
        head, dep = (main.i, "dep") if root else (t.head.i, t.dep_)
        arr[i, 0] = _offset(back[head] - i)
        if tok.is_punct:  # a separator parsed as "and" keeps its own tags
            arr[i, 1] = strings["punct"]
            continue
        arr[i, 1], arr[i, 2], arr[i, 3], arr[i, 4] = strings[dep], t.pos, t.tag, t.lemma
    for c in found:
        tag = "VBD" if c.past else "VBZ" if segment[0].doc[c.i].lower_.endswith("s") else "VBP"
        arr[c.i, 3] = strings[tag]
    return True


def _offset(n: int) -> int:
    """A head offset as spaCy stores it (an unsigned 64-bit integer)."""
    return n % 2**64
