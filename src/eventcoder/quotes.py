"""Quotations and reported speech: what was said, by whom, with which cue.

Two kinds of quote are found. Direct quotes are the words between double quotation marks
(straight or curly; a paragraph left open continues into the next paragraph when that one opens
with a quotation mark, as newspapers write multi-paragraph quotes). Indirect speech is the clause a
reporting verb governs ("Toner said that ...", "he told reporters ...") and the clause an
"according to X" phrase is attached to. Cue words are data (``data/speech.tsv``).

A direct quote's speaker is found, in this order: a cue just before it ("Zakaria said, "..."",
"the minister's statement that "...""); a cue just after it (""...," Toner said", ""...," said
Toner", ""...", according to X"); a person named right after it with no verb (""...," spokesman
Nafees Zakaria at a weekly briefing"); the speaker of the quote before it when it opens a
paragraph. Speakers resolve through :class:`~eventcoder.actors.DocActors` (titles, surnames seen
earlier, the people dictionary); "he"/"she" is the nearest person named before it outside
quotation marks. A speaker that does not resolve to an actor keeps its words and no code.
See docs/quotes.md.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventcoder.actors import DocActors
from eventcoder.errors import DataFileError, Errors
from eventcoder.records import Actor
from eventcoder.tsv import data_path, read_tsv

CUE_KINDS = ("verb", "noun", "unnamed", "document")
OPENING = "“„«"
CLOSING = "”»"
# A quoted stretch shorter than this, with no sentence punctuation in it, is a scare quote or a
# quoted phrase ("zero-sum", "lowest level"), not a quotation.
MIN_WORDS = 4
# Words that may stand between a cue and the quote it introduces.
JOINERS = frozenset({",", ":", "that", "-", "–", "—", "(", "as", "saying"})
PERSON_PRONOUNS = frozenset({"he", "she", "i"})
# How many sentences back "he said" may look for the person it means.
PRONOUN_WINDOW = 3


@dataclass
class Speaker:
    """Who said a quote: the words naming them and, when they resolve, the actor.

    text, start, end: the words in the article. actor: the resolved actor, or None.
    name: a person's name where one is known (also for people with no actor code).
    """

    text: str
    start: int
    end: int
    actor: Actor | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor
        return {
            "text": self.text,
            "name": self.name or (actor.name if actor else None),
            "code": actor.code if actor else None,
            "country": actor.country if actor else None,
            "sector": actor.sector if actor else None,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Quote:
    """One quotation or piece of reported speech.

    index: position among the document's quotes (events point to it). text, start, end: what
    was said, as character offsets in the article (without the quotation marks). direct: between
    quotation marks (True) or reported (False). cue: the reporting word ("said", "statement") or
    None. speaker: who said it, or None when nothing in the text says. sentence_index: the
    sentence the quote starts in. date, date_text, date_precision: when it was said (see
    docs/dates.md).
    """

    index: int
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Speaker | None
    sentence_index: int
    doc_id: str = ""
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    cue_start: int | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "quote_index": self.index,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
            "sentence_index": self.sentence_index,
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
        }


QUOTE_FIELDS = (
    "doc_id", "quote_index", "speaker", "cue", "text", "start", "end", "direct",
    "sentence_index", "date", "date_text", "date_precision",
)  # fmt: skip


class SpeechCues:
    """The cue words of ``data/speech.tsv`` plus users' own files in the same format."""

    def __init__(self, extra: Iterable[Path] = ()) -> None:
        self.verbs: set[str] = set()
        self.nouns: set[str] = set()
        self.unnamed: set[str] = set()
        self.documents: set[str] = set()
        for path in [data_path("speech.tsv"), *extra]:
            for row in read_tsv(path, ("word", "kind")):
                kind = row["kind"] or ""
                if kind not in CUE_KINDS:
                    raise DataFileError(
                        Errors.E046.format(
                            path=path, line=row["_line"], kind=kind, known=", ".join(CUE_KINDS)
                        )
                    )
                cues = {"verb": self.verbs, "noun": self.nouns, "unnamed": self.unnamed}
                cues["document"] = self.documents
                cues[kind].add((row["word"] or "").lower())


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of the text between double quotation marks, marks excluded.

    A straight mark opens after whitespace, an opening bracket or the start of a paragraph, and
    closes otherwise. A quote still open at the end of a paragraph ends there, unless the next
    paragraph opens with a quotation mark: then the quote goes on (a multi-paragraph quote).
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None  # offset just after the opening mark
    carried: int | None = None  # start of a quote left open by the previous paragraph
    pos = 0
    for paragraph in text.split("\n"):
        para_start = pos
        pos += len(paragraph) + 1
        if not paragraph.strip():
            continue
        first = paragraph.lstrip()
        lead = para_start + len(paragraph) - len(first)
        if carried is not None and not (first[0] == '"' or first[0] in OPENING):
            spans.append((carried, _rstrip(text, carried, para_start - 1)))
            carried = None
        opened = None
        for k, ch in enumerate(paragraph):
            at = para_start + k
            if ch in OPENING or (ch == '"' and opened is None and _opens(text, at)):
                if opened is None:
                    opened = at + 1
                    if carried is not None and at == lead:
                        opened, carried = carried, None  # the quote goes on
            elif (ch in CLOSING or ch == '"') and opened is not None:
                spans.append((opened, _rstrip(text, opened, at, ",")))
                opened = None
        if carried is not None:
            spans.append((carried, _rstrip(text, carried, para_start - 1)))
            carried = None
        if opened is not None:
            carried = opened
    if carried is not None:
        spans.append((carried, _rstrip(text, carried, len(text))))
    return [(s, e) for s, e in spans if e > s and _is_quotation(text[s:e])]


def _opens(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _rstrip(text: str, start: int, end: int, also: str = "") -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in also):
        end -= 1
    return end


def _is_quotation(words: str) -> bool:
    return len(words.split()) >= MIN_WORDS or any(p in words for p in ".?!")


class QuoteFinder:
    """Finds the quotes of a Doc and their speakers.

    cues: the :class:`SpeechCues` to use.
    """

    def __init__(self, cues: SpeechCues) -> None:
        self.cues = cues

    def find(self, doc: Doc, actors: DocActors, doc_id: str = "") -> list[Quote]:
        """Every direct and indirect quote in ``doc``, in text order, indexed from 0."""
        for ent in actors.persons:
            # People and their titles are remembered in text order, whoever asks first.
            actors.resolve(ent.root)
        inside = [False] * len(doc)
        direct: list[Quote] = []
        for start, end in quoted_spans(actors.text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            for i in range(span.start, span.end):
                inside[i] = True
            text = actors.text[start:end]
            sentence = actors.sentence_of[span.start]
            direct.append(Quote(0, text, start, end, True, None, None, sentence, doc_id))
        previous: Quote | None = None
        for quote in direct:
            self._attribute(doc, actors, quote, inside, previous)
            previous = quote
        quotes = direct + self._reported(doc, actors, inside, doc_id)
        quotes.sort(key=lambda q: (q.start, not q.direct))
        for n, quote in enumerate(quotes):
            quote.index = n
        return quotes

    # -- direct quotes -------------------------------------------------------------------------

    def _attribute(
        self,
        doc: Doc,
        actors: DocActors,
        quote: Quote,
        inside: list[bool],
        previous: Quote | None,
    ) -> None:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        assert span is not None
        cue = self._cue_before(doc, span.start, inside) or self._cue_after(doc, span.end, inside)
        if cue is not None:
            quote.cue, quote.cue_start = cue.text, cue.idx
            quote.speaker = self._speaker_of_cue(doc, actors, cue, inside)
            return
        person = self._person_after(doc, actors, span.end, inside)
        if person is not None:
            quote.speaker = person
            return
        if previous is not None and _opens_paragraph(actors.text, quote.start):
            # An unattributed quote opening a paragraph goes on with the last speaker.
            quote.speaker = previous.speaker

    def _cue_before(self, doc: Doc, first: int, inside: list[bool]) -> Token | None:
        """A cue the quote is the complement of: 'X said: "..."', 'the statement that "..."'."""
        i = first - 1
        skipped = 0
        while i >= 0 and skipped < 6 and not inside[i]:
            tok = doc[i]
            if self._is_cue(tok):
                return tok
            if tok.text in (".", "?", "!", ";"):
                return None  # the sentence before is over
            if not (tok.is_space or tok.is_quote or tok.lower_ in JOINERS):
                # "told reporters:", "said on Tuesday:": words hanging from a cue before them.
                cue = next((a for a in tok.ancestors if a.i < tok.i and self._is_cue(a)), None)
                if cue is None or i - cue.i > 5 or tok.dep_ in ("nsubj", "nsubjpass"):
                    return None
                skipped += 1
            i -= 1
        return None

    def _cue_after(self, doc: Doc, end: int, inside: list[bool]) -> Token | None:
        """A cue right after the quote: '"...," Toner said', '"...," said Toner',
        '"...", according to X'."""
        i = _past_marks(doc, end)
        for k in range(i, min(i + 12, len(doc))):
            tok = doc[k]
            if inside[k] or "\n" in tok.text or (tok.is_punct and tok.text in ".?!;"):
                return None
            if tok.lower_ == "according":
                return tok
            if self._is_cue(tok) and tok.pos_ in ("VERB", "AUX"):
                between = range(i, k)
                subjects = [s for s in tok.children if s.dep_ in ("nsubj", "nsubjpass")]
                covered = {t.i for s in subjects for t in s.subtree}
                if all(j in covered or doc[j].is_punct for j in between):
                    return tok
                return None
        return None

    def _person_after(
        self, doc: Doc, actors: DocActors, end: int, inside: list[bool]
    ) -> Speaker | None:
        """'"...," Foreign Office spokesman Nafees Zakaria at a weekly briefing.': a person
        named right after the quote, with no verb, is its speaker."""
        i = _past_marks(doc, end)
        for k in range(i, min(i + 8, len(doc))):
            tok = doc[k]
            if inside[k] or tok.pos_ in ("VERB", "AUX") or tok.text in ".?!;\n":
                return None
            ent = actors.person_at.get(k)
            if ent is not None:
                return self._speaker(doc, actors, ent.root, inside)
        return None

    def _is_cue(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            return lemma in self.cues.verbs and not any(c.dep_ == "neg" for c in tok.children)
        return tok.pos_ == "NOUN" and lemma in self.cues.nouns

    # -- speakers ------------------------------------------------------------------------------

    def _speaker_of_cue(
        self, doc: Doc, actors: DocActors, cue: Token, inside: list[bool]
    ) -> Speaker | None:
        if cue.lower_ == "according":
            for to in cue.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return self._speaker(doc, actors, obj, inside)
            return None
        if cue.pos_ == "NOUN":
            # "the Prime Minister's statement", "a statement by the ministry"
            for child in cue.children:
                if child.dep_ == "poss":
                    return self._speaker(doc, actors, child, inside)
                if child.dep_ == "prep" and child.lower_ in ("by", "of", "from"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return self._speaker(doc, actors, obj, inside)
            return None
        subject = _clause_subject(cue)
        if subject is None:
            return None
        return self._speaker(doc, actors, subject, inside)

    def _speaker(
        self, doc: Doc, actors: DocActors, tok: Token, inside: list[bool]
    ) -> Speaker | None:
        """The speaker named by the phrase headed by ``tok``."""
        if tok.pos_ == "PRON":
            word = tok.lower_
            if word in PERSON_PRONOUNS:
                found = self._person_before(doc, actors, tok, inside)
                if found is None:
                    return Speaker(tok.text, tok.idx, tok.idx + len(tok.text))
                return Speaker(tok.text, tok.idx, tok.idx + len(tok.text), found.actor, found.name)
            actor = actors.resolve_pronoun(tok)
            return Speaker(tok.text, tok.idx, tok.idx + len(tok.text), actor)
        actor = actors.resolve(tok)
        if actor is not None:
            return Speaker(actor.text, actor.start, actor.end, actor, actor.name)
        ent = _person_entity(actors, tok)
        if ent is not None:
            return Speaker(ent.text, ent.start_char, ent.end_char, None, ent.text)
        words = actors.np_tokens(tok)
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        return Speaker(actors.text[start:end], start, end)

    def _person_before(
        self, doc: Doc, actors: DocActors, pronoun: Token, inside: list[bool]
    ) -> Speaker | None:
        """The nearest person named before ``pronoun`` outside quotation marks, resolved or not."""
        budget = PRONOUN_WINDOW
        for i in range(pronoun.i - 1, -1, -1):
            tok = doc[i]
            if tok.is_sent_end and not inside[i]:
                budget -= 1  # sentences inside the quote do not count
                if budget == 0:
                    return None
            if inside[i] or tok.pos_ not in ("PROPN", "NOUN") or actors.names_country(tok):
                continue  # a capital the tagger took for a person is not "he"
            if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("PROPN", "NOUN"):
                continue
            actor = actors.resolve(tok)
            if actor is not None and actor.kind in ("person", "memory"):
                return Speaker(actor.text, actor.start, actor.end, actor, actor.name)
            ent = _person_entity(actors, tok)
            if ent is not None and actor is None:
                return Speaker(ent.text, ent.start_char, ent.end_char, None, ent.text)
        return None

    # -- reported speech -----------------------------------------------------------------------

    def _reported(
        self, doc: Doc, actors: DocActors, inside: list[bool], doc_id: str
    ) -> list[Quote]:
        out: list[Quote] = []
        # inside_before[i]: direct-quote tokens before i, so that whether a clause holds any is
        # one subtraction: nested "said that" clauses would otherwise cost the square of the
        # sentence's length.
        inside_before = list(itertools.accumulate(inside, initial=0))
        for tok in actors.tokens:
            if inside[tok.i]:
                continue
            content: Sequence[Token] = ()
            if tok.lower_ == "according" and tok.pos_ == "VERB":
                own = {t.i for t in tok.subtree}
                content = _trim([t for t in tok.head.subtree if t.i not in own])
            elif self._is_cue(tok) and tok.pos_ in ("VERB", "AUX"):
                clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
                if clause is not None:
                    content = _trim_span(doc, clause.left_edge.i, clause.right_edge.i)
            if not content:
                continue
            first, last = content[0], content[-1]
            if inside_before[last.i + 1] - inside_before[first.i]:
                continue  # the direct quote already holds what was said
            start = first.idx
            end = last.idx + len(last.text)
            quote = Quote(0, actors.text[start:end], start, end, False, tok.text, None,
                          actors.sentence_of[first.i], doc_id, cue_start=tok.idx)  # fmt: skip
            quote.speaker = self._speaker_of_cue(doc, actors, tok, inside)
            out.append(quote)
        return out


def _past_marks(doc: Doc, i: int) -> int:
    """The first token at or after ``i`` that is not a closing mark or a comma."""
    while i < len(doc) and (doc[i].is_quote or doc[i].is_punct) and doc[i].text not in ".?!":
        i += 1
    return i


def _joining(tok: Token) -> bool:
    """A word or mark that joins a reported clause to its cue ("that", a comma): not said."""
    return _loose(tok) or tok.lower_ in ("that", ",")


def _loose(tok: Token) -> bool:
    """Punctuation or space at the end of a reported clause: not said."""
    return bool(tok.is_punct or tok.is_space)


def _trim(tokens: Sequence[Token]) -> list[Token]:
    """Drop the joining words and punctuation at either end of a reported clause."""
    out = sorted(tokens, key=lambda t: t.i)
    while out and _joining(out[0]):
        out.pop(0)
    while out and _loose(out[-1]):
        out.pop()
    return out


def _trim_span(doc: Doc, lo: int, hi: int) -> tuple[Token, Token] | tuple[()]:
    """The first and last token of ``doc[lo..hi]`` (a clause's subtree, from its left to its
    right edge) without the joining words and punctuation at its ends, as :func:`_trim`."""
    while lo <= hi and _joining(doc[lo]):
        lo += 1
    while hi >= lo and _loose(doc[hi]):
        hi -= 1
    return (doc[lo], doc[hi]) if lo <= hi else ()


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a cue verb, its own or that of the clause it hangs from ("adding that",
    "Asserting that ..., he said")."""
    tok = verb
    for _ in range(4):
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if tok.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _person_entity(actors: DocActors, tok: Token) -> Span | None:
    """The PERSON entity ``tok`` is part of, or None (DocActors indexes them once: Doc.ents
    builds every entity anew on each access)."""
    return actors.person_at.get(tok.i)


def _opens_paragraph(text: str, start: int) -> bool:
    """Whether only a quotation mark and whitespace stand between ``start`` and a line start."""
    i = start - 1
    while i >= 0 and text[i] != "\n":
        if not (text[i].isspace() or text[i] == '"' or text[i] in OPENING):
            return False
        i -= 1
    return True


def quote_at(quotes: Sequence[Quote], start: int) -> Quote | None:
    """The quote an event whose trigger starts at character ``start`` comes from: the quote
    containing it, or whose cue it is ("said" in "X said Y attacked Z"); direct quotes first."""
    best: Quote | None = None
    for quote in quotes:
        holds = quote.start <= start < quote.end or quote.cue_start == start
        if holds and (best is None or (quote.direct and not best.direct)):
            best = quote
    return best
