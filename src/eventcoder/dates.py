"""Event dates: find the dates a news text gives and resolve them against the article's date.

:func:`find_dates` lists the date mentions of a Doc or a sentence; :func:`resolve_date` turns one
expression ("yesterday", "last Tuesday", "Sept. 8, 2016", "in March") into an ISO date and a
precision, given the publication date. Mentions come from spaCy's DATE and TIME entities plus a
short regular expression for explicit dates the small model misses ("on 12 Dec", "today").

Our own rules handle the common forms in microseconds; anything else that names a month, a
weekday, a year or says "ago" goes to ``dateparser`` (imported on first use, results cached), and
its answer is kept only when it agrees with the words. The words dates are made of live in
``data/dates.tsv``; the conventions (weekdays, years of day-month dates, precision) are in
docs/dates.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from eventcoder.errors import DataFileError, Errors, InputError
from eventcoder.tsv import data_path, read_tsv

# Entity labels whose text can be a point in time ("Monday night", "last night" are TIME).
LABELS = frozenset({"DATE", "TIME"})
# Entities a regex date may overlap; a name ("the Sunday Times") may not.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})
_LABEL_IDS = frozenset(get_string_id(label) for label in LABELS)
_NUMERIC_IDS = frozenset(get_string_id(label) for label in NUMERIC_LABELS)
IOB_BEGIN = 3  # Token.ent_iob: 3 begins an entity, 1 is inside, 2 outside
_DIGIT = re.compile(r"\d")
# A date without a year takes the base's year unless that is further than this after the base.
ROLLOVER = dt.timedelta(days=183)
KINDS = (
    "month", "weekday", "relday", "daypart", "number", "unit", "shift", "strip", "modifier",
    "bound", "screen",
)  # fmt: skip
# Kinds that make up rule signatures, in order of priority ("sat" is a weekday, not a verb).
SIGNATURE_KINDS = ("month", "weekday", "relday", "daypart", "shift", "unit", "number")
UNITS = ("day", "week", "month", "year")
# Coarser precisions come later. Four digits are a year in this range ("1300 GMT" is a time).
PRECISIONS = ("day", "week", "month", "year")
YEARS = (1800, 2199)
RANGE_WORDS = frozenset({"-", "–", "to", "and", "or", "through"})

Resolved = tuple[str, str]


@dataclass
class DateMention:
    """One resolved date in the text.

    text: the words as written, without a leading preposition or determiner ("yesterday",
    "last Tuesday", "Sept. 8, 2016"). start, end: character offsets of ``text`` in the doc.
    token: index in the doc of the mention's head token, to tie it to a clause. date: ISO
    YYYY-MM-DD; for a coarser precision the first day of the period (the Monday of a week, the
    1st of a month, 1 January of a year). precision: "day", "week", "month" or "year".
    """

    text: str
    start: int
    end: int
    token: int
    date: str
    precision: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Vocabulary:
    """The words of ``data/dates.tsv``, by kind, and the regular expression built from them.

    path: the file (``word  kind  value``; see its header).
    """

    def __init__(self, path: Path) -> None:
        self.month: dict[str, int] = {}
        self.weekday: dict[str, int] = {}
        self.relday: dict[str, int] = {}
        self.number: dict[str, int] = {}
        self.shift: dict[str, int] = {}
        self.unit: dict[str, tuple[int, str]] = {}
        self.words: dict[str, set[str]] = {kind: set() for kind in KINDS}
        # the class a word has in a rule's signature, the first of SIGNATURE_KINDS it belongs to
        self.kind: dict[str, str] = {}
        for row in read_tsv(path, ("word", "kind", "value"), required=2):
            word, kind, value = row["word"] or "", row["kind"] or "", row["value"]
            if kind not in self.words:
                raise DataFileError(
                    Errors.E061.format(
                        path=path, line=row["_line"], kind=kind, known=", ".join(KINDS)
                    )
                )
            self.words[kind].add(word)
            self._add_value(path, row["_line"] or "", word, kind, value)
        for kind in reversed(SIGNATURE_KINDS):
            self.kind.update(dict.fromkeys(self.words[kind], kind))
        self.digits, self.words_pattern = self._patterns()
        # substrings one of which a text must hold for words_pattern to match ("day" for
        # "today", "yesterday" and the weekdays)
        self.hints = {"day" if w.endswith("day") else w for w in self.relday} | {"day"}
        self.hints |= self.words["daypart"]

    def _add_value(self, path: Path, line: str, word: str, kind: str, value: str | None) -> None:
        def bad(need: str) -> DataFileError:
            return DataFileError(
                Errors.E062.format(
                    path=path, line=line, word=word, kind=kind, need=need, value=value
                )
            )

        if kind == "unit":
            count, _, unit = (value or "").partition(" ")
            if not count.isdigit() or unit not in UNITS:
                raise bad(f"a count and one of {', '.join(UNITS)} ('2 week')")
            self.unit[word] = (int(count), unit)
            return
        table = {
            "month": self.month,
            "weekday": self.weekday,
            "relday": self.relday,
            "number": self.number,
            "shift": self.shift,
        }.get(kind)
        if table is not None:
            try:
                table[word] = int(value or "")
            except ValueError:
                raise bad("a whole number") from None

    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Dates the small model can miss: with digits (day-month, month-day, ISO) and in words
        (today, yesterday, "on Monday", "last night").

        Month and weekday names must be capitalised (or in capitals) so that "may" is not May;
        only an abbreviation takes a full stop ("Sept. 8", not the one ending "on 8 September.").
        The digit pattern opens with a lookahead for its first characters, which lets ``re``
        skip most positions fast; the word pattern runs only on text holding one of ``hints``.
        """

        def names(words: set[str], cased: bool = True) -> str:
            forms = {f for w in words for f in (w.capitalize(), w.upper(), "" if cased else w)}
            return "|".join(map(re.escape, sorted(forms - {""}, key=len, reverse=True)))

        full = {max((w for w in self.month if self.month[w] == m), key=len) for m in range(1, 13)}
        months = rf"(?:{names(full)})\b|(?:{names(set(self.month) - full)})\b\.?"
        # full names only: "on Sun", "on Sat" could be anything
        weekdays = names({w for w in self.weekday if len(w) > 5 and w != "weekend"})
        reldays = set(self.relday)
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        year = r"(?:,?\s+\d{4}\b)?"
        digits = re.compile(
            r"(?=[0-9A-Z])(?<!\w)(?:\d{4}-\d{2}-\d{2}\b"
            rf"|{day}\s+(?:of\s+)?(?:{months}){year}"
            rf"|(?:{months})\s+{day}\b(?![.,]?\d){year})"
        )
        back = names({w for w, step in self.shift.items() if step <= 0}, cased=False)
        words = re.compile(
            rf"(?<!\w)(?:{names(reldays, cased=False)}|[Oo]n\s+(?:{weekdays})"
            rf"|(?:{back})\s+(?:{names(self.words['daypart'], cased=False)}))\b"
        )
        return digits, words


@lru_cache(maxsize=1)
def get_vocabulary() -> Vocabulary:
    """The vocabulary of ``data/dates.tsv``, loaded once per process."""
    return Vocabulary(data_path("dates.tsv"))


def as_date(base: dt.date | str | None) -> dt.date | None:
    """The article date as a ``datetime.date``.

    base: a date or datetime, a string YYYY-MM-DD or ISO date-time, or None (returned as None).
    Raises :class:`~eventcoder.errors.InputError` for a string that is not a date.
    """
    if base is None or base == "":
        return None
    if isinstance(base, dt.datetime):
        return base.date()
    if isinstance(base, dt.date):
        return base
    try:
        return dt.date.fromisoformat(base.strip()[:10])
    except ValueError:
        raise InputError(Errors.E060.format(value=base)) from None


def find_dates(
    doc_or_span: Doc | Span, base: dt.date | str | None, text: str | None = None
) -> list[DateMention]:
    """The resolvable date mentions in a Doc or a Span (a sentence), in text order.

    doc_or_span: a parsed Doc with named entities, or a Span of one. base: the article's
    publication date (see :func:`as_date`); without it only dates that give their year resolve.
    text: ``doc_or_span.text`` if the caller has it already (it is rebuilt on each access).
    Candidates are DATE and TIME entities and the regex's explicit dates; overlapping candidates
    keep the longest that resolves. Skipped: what does not resolve to a point in time (durations,
    frequencies, ages, "the 14th"), dates after a bounding preposition ("since 2011", "by
    Friday") and the second half of a range ("5 to 7 October"). Offsets and tokens are the doc's.
    """
    day0 = as_date(base)
    vocab = get_vocabulary()
    if isinstance(doc_or_span, Span):
        doc, offset = doc_or_span.doc, doc_or_span.start_char
    else:
        doc, offset = doc_or_span, 0
    candidates = _entities(doc_or_span)
    if text is None:
        text = doc_or_span.text
    # cheap tests first: most sentences have no digit and no "day", "tonight", "tomorrow"
    matches = list(vocab.digits.finditer(text)) if _DIGIT.search(text) else []
    lower = text.lower()
    if any(hint in lower for hint in vocab.hints):
        matches.extend(vocab.words_pattern.finditer(text))
    for match in matches:
        span = doc.char_span(offset + match.start(), offset + match.end(), alignment_mode="expand")
        # a date inside a name ("the March 23 Movement") is not one
        if span is not None and all(not t.ent_type or t.ent_type in _NUMERIC_IDS for t in span):
            candidates.append((span.start, span.end))
    found: list[DateMention] = []
    for first, last in candidates:
        mention = _mention(doc, first, last, day0, vocab)
        if mention is not None:
            found.append(mention)
    # overlapping candidates (an entity and a regex match): the longest wins
    found.sort(key=lambda m: (m.start - m.end, m.start))
    kept: list[DateMention] = []
    for mention in found:
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _entities(doc_or_span: Doc | Span) -> list[tuple[int, int]]:
    """Token ranges of the DATE and TIME entities. A Span reads its own tokens: ``Span.ents``
    walks the whole doc, which would make a pass over the sentences quadratic."""
    if isinstance(doc_or_span, Doc):
        return [(e.start, e.end) for e in doc_or_span.ents if e.label in _LABEL_IDS]
    ranges: list[tuple[int, int]] = []
    for tok in doc_or_span:
        if tok.ent_type not in _LABEL_IDS:
            continue
        if tok.ent_iob == IOB_BEGIN or not ranges or ranges[-1][1] != tok.i:
            ranges.append((tok.i, tok.i + 1))
        else:
            ranges[-1] = (ranges[-1][0], tok.i + 1)
    return ranges


def _mention(
    doc: Doc, first: int, last: int, base: dt.date | None, vocab: Vocabulary
) -> DateMention | None:
    """The mention for tokens ``first:last``, or None when it is not the date of an event."""
    strip, bound = vocab.words["strip"], vocab.words["bound"]
    while last - first > 1 and doc[first].lower_ in strip:
        first += 1
    # the word before, over any determiner or preposition: "since the start of 2015"
    i = first
    while i > 0 and doc[i - 1].lower_ in strip:
        i -= 1
    prev = doc[i - 1].lower_ if i > 0 else ""
    if {doc[first].lower_, prev, f"{doc[i - 2].lower_} {prev}" if i > 1 else ""} & bound:
        return None
    # "7-8 September", "5 to 7 October": the second date of a range is not a date of its own
    if (
        first > 1
        and doc[first - 1].lower_ in RANGE_WORDS
        and (doc[first - 2].like_num or doc[first - 2].ent_type_ in LABELS)
    ):
        return None
    span = doc[first:last]
    resolved = resolve_date(span.text, base)
    if resolved is None:
        return None
    return DateMention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        token=span.root.i,
        date=resolved[0],
        precision=resolved[1],
    )


def resolve_date(text: str, base: dt.date | None) -> Resolved | None:
    """The date ``text`` stands for, as (ISO date, precision), or None.

    text: a date expression ("yesterday", "on 8 September", "March 2015"). base: the article's
    publication date, or None. Precision is "day", "week", "month" or "year"; the date of a
    coarser precision is the first day of the period. None for what is not a point in time
    ("two days", "weekly", "the 1990s"), for relative expressions when there is no base, and
    for what neither our rules nor the dateparser fallback understand.
    """
    if isinstance(base, dt.datetime):
        base = base.date()
    normal = " ".join(text.lower().replace("’", "'").replace("'s", "").split())
    return _resolve(normal, base)


@lru_cache(maxsize=8192)
def _resolve(text: str, base: dt.date | None) -> Resolved | None:
    vocab = get_vocabulary()
    words = _words(text, vocab)
    sig = " ".join(_kind(w, vocab) for w in words)
    rule = RULES.get(sig)
    try:
        return _fallback(text, base) if rule is None else rule(words, base, vocab)
    except (OverflowError, ValueError):  # "100000 years ago"; a base at the calendar's edge
        return None


def _words(text: str, vocab: Vocabulary) -> list[str]:
    """Words of a normalised expression, without "of" and leading prepositions and modifiers."""
    words = [w.rstrip(".") for w in _TOKEN.findall(text) if w != "of"]
    skip = vocab.words["strip"] | vocab.words["modifier"] | {"-", "–"}
    i = 0
    # "the night of 8 September": a part of the day before a date says no more than the date
    while i < len(words) - 1 and (
        words[i] in skip
        or (words[i] in vocab.words["daypart"] and _kind(words[i + 1], vocab) in DATE_KINDS)
    ):
        i += 1
    words = words[i:]
    # "Thursday, 8 September": the date says it all
    if len(words) > 2 and words[0] in vocab.weekday and _kind(words[1], vocab) in ("day", "month"):
        words = words[1:]
    return words


_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|\d+(?:st|nd|rd|th)?|[a-z]+\.?|[-/–]")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)?")
DATE_KINDS = ("month", "day", "year", "iso")


def _kind(word: str, vocab: Vocabulary) -> str:
    """The class of a word in a rule's signature: iso, year, day (a 1-2 digit number, maybe an
    ordinal), number, one of SIGNATURE_KINDS, "-", or else the word itself."""
    if word[0].isdigit():
        if len(word) == 10 and word[4] == "-":
            return "iso"
        if len(word) == 4 and word.isdigit() and YEARS[0] <= int(word) <= YEARS[1]:
            return "year"
        digits = _ORDINAL.fullmatch(word)
        return "day" if digits and len(digits.group(1)) <= 2 else "number"
    return "-" if word == "–" else vocab.kind.get(word, word)


# Rules: a signature of word classes -> how to resolve it. Anything else goes to the fallback.


def _day(day: dt.date) -> Resolved:
    return day.isoformat(), "day"


def _count(word: str, vocab: Vocabulary) -> int:
    """The number a digit string, an ordinal ("8th") or a number word ("two") stands for."""
    digits = _ORDINAL.fullmatch(word)
    return int(digits.group(1)) if digits else vocab.number[word]


def _iso(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    try:
        return _day(dt.date.fromisoformat(words[0]))
    except ValueError:
        return None


def _relday(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """Today, yesterday, tomorrow, tonight; "yesterday morning"."""
    return None if base is None else _day(base + dt.timedelta(days=vocab.relday[words[0]]))


def _day_around(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """The day before yesterday, the day after tomorrow."""
    if base is None or vocab.unit[words[0]] != (1, "day"):
        return None
    days = vocab.relday[words[2]] + (-1 if words[1] == "before" else 1)
    return _day(base + dt.timedelta(days=days))


def _shift_daypart(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """Last night is the day before the base, this morning the base; "the next morning" is
    relative to another event, not the article."""
    step = vocab.shift[words[0]]
    if base is None or step > 0:
        return None
    return _day(base + dt.timedelta(days=step))


def _ago(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """Ago: "two days ago", "a week ago", "three months ago", "a decade ago", at the unit's
    precision."""
    if base is None:
        return None
    per, unit = vocab.unit[words[1]]
    n = _count(words[0], vocab) * per
    if unit == "day":
        return _day(base - dt.timedelta(days=n))
    if unit == "week":
        return _week(base - dt.timedelta(weeks=n))
    if unit == "month":
        return _month_from(base, -n)
    return _year(base.year - n)


def _week(day: dt.date) -> Resolved:
    return (day - dt.timedelta(days=day.weekday())).isoformat(), "week"


def _month_from(base: dt.date, months: int) -> Resolved:
    index = base.year * 12 + base.month - 1 + months
    return _month_of(index // 12, index % 12 + 1)


def _month_of(year: int, month: int) -> Resolved:
    return dt.date(year, month, 1).isoformat(), "month"


def _year(year: int) -> Resolved:
    return dt.date(year, 1, 1).isoformat(), "year"


def _period(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """last / this / next week, month, year (not "the next day": that is another event's)."""
    per, unit = vocab.unit[words[1]]
    if base is None or per != 1 or unit == "day":
        return None
    step = vocab.shift[words[0]]
    if unit == "week":
        return _week(base + dt.timedelta(weeks=step))
    if unit == "month":
        return _month_from(base, step)
    return _year(base.year + step)


def _weekday(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """A weekday ("on Tuesday night") is the latest such day on or before the base. "last
    Tuesday" is the same, but a week before the base when the base is a Tuesday; "next Tuesday"
    the first after the base; "this Tuesday" is "Tuesday"."""
    if base is None:
        return None
    step = vocab.shift.get(words[0], 0)
    target = vocab.weekday[words[1] if words[0] in vocab.shift else words[0]]
    back = (base.weekday() - target) % 7
    if step < 0 and back == 0:
        back = 7
    if step > 0:
        return _day(base + dt.timedelta(days=(7 - back) if back else 7))
    return _day(base - dt.timedelta(days=back))


def _in_year(base: dt.date, month: int, day: int) -> dt.date | None:
    """Day-month without a year: the base's year, or the year before if that is more than
    ROLLOVER after the base. None for a day the month does not have (29 February 2017)."""
    try:
        date = dt.date(base.year, month, day)
        return dt.date(base.year - 1, month, day) if date > base + ROLLOVER else date
    except ValueError:
        return None


def _month(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """A month ("in mid-March") at month precision, its year as for a day-month date. "last
    March" is the latest March before the base's month; "next March" the first after it."""
    if base is None:
        return None
    step = vocab.shift.get(words[0])
    month = vocab.month[words[-1]]
    if step is None:
        first = _in_year(base, month, 1)
        return (first.isoformat(), "month") if first else None
    if step < 0:
        year = base.year if month < base.month else base.year - 1
    elif step > 0:
        year = base.year if month > base.month else base.year + 1
    else:
        year = base.year
    return _month_of(year, month)


def _month_year(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """Month and year: "March 2015", "March of 2015"."""
    return _month_of(int(words[1]), vocab.month[words[0]])


def _year_alone(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """A year: "2014", "in early 2015"."""
    return _year(int(words[0]))


def _day_month(words: list[str], base: dt.date | None, vocab: Vocabulary) -> Resolved | None:
    """Day and month: "8 September", "Sept. 8", "8th of September 2016", "September 8, 2016"; ranges
    "7-8 September", "September 7-8" (their first day)."""
    kinds = [_kind(w, vocab) for w in words]
    month = vocab.month[words[kinds.index("month")]]
    day = _count(words[kinds.index("day")], vocab)
    year = int(words[kinds.index("year")]) if "year" in kinds else None
    if year is None:
        if base is None:
            return None
        date = _in_year(base, month, day)
        return _day(date) if date else None
    try:
        return _day(dt.date(year, month, day))
    except ValueError:
        return None


Rule = Callable[[list[str], dt.date | None, Vocabulary], Resolved | None]
RULES: dict[str, Rule] = {
    "iso": _iso,
    "relday": _relday,
    "relday daypart": _relday,
    "unit before relday": _day_around,
    "unit after relday": _day_around,
    "shift daypart": _shift_daypart,
    "day unit ago": _ago,
    "number unit ago": _ago,
    "shift unit": _period,
    "weekday": _weekday,
    "weekday daypart": _weekday,
    "shift weekday": _weekday,
    "shift weekday daypart": _weekday,
    "month": _month,
    "shift month": _month,
    "month year": _month_year,
    "year": _year_alone,
    "day month": _day_month,
    "month day": _day_month,
    "day month year": _day_month,
    "month day year": _day_month,
    "day - day month": _day_month,
    "day - day month year": _day_month,
    "month day - day": _day_month,
    "month day - day year": _day_month,
}

# The fallback. dateparser reads more forms than our rules, but it also reads "two days" as
# two days ago, "the 1990s" as yesterday and "2015-16" as 16 September 2015. So only text that
# names a month, a weekday or a year, or says "ago", goes to it, never a range or a duration, and
# its answer must keep the month, weekday and year the text names.

_NUMERIC = re.compile(r"\d\s*[./\-–]\s*\d|\d0s\b")


def _fallback(text: str, base: dt.date | None) -> Resolved | None:
    vocab = get_vocabulary()
    words = [w.rstrip(".") for w in _TOKEN.findall(text)]
    if _NUMERIC.search(text) or any(
        w in vocab.words["screen"] or w in vocab.words["bound"] for w in words
    ):
        return None
    # a unit without "ago" is a duration ("two days"); "ago" without a unit is vague
    if any(w in vocab.unit for w in words) != ("ago" in words):
        return None
    months = {vocab.month[w] for w in words if w in vocab.month}
    weekdays = {vocab.weekday[w] for w in words if w in vocab.weekday and w != "weekend"}
    years = {int(w) for w in words if _kind(w, vocab) == "year"}
    if base is None and not (years and months):
        return None
    if not (months or weekdays or years or "ago" in words):
        return None
    parsed = _dateparser(text, base)
    if parsed is None:
        return None
    date, period = parsed
    if (years and date.year not in years) or (months and date.month not in months):
        return None
    if weekdays and (period != "day" or date.weekday() not in weekdays):
        return None
    # no finer than the text: dateparser fills a day missing from "2016 at noon" from the base
    if not (weekdays or "ago" in words or any(_kind(w, vocab) == "day" for w in words)):
        named = "month" if months else "year"
        period = max(period, named, key=PRECISIONS.index)
    if period == "week":
        return _week(date)
    if period == "month":
        return _month_of(date.year, date.month)
    if period == "year":
        return _year(date.year)
    return _day(date)


def _dateparser(text: str, base: dt.date | None) -> tuple[dt.date, str] | None:
    """dateparser's reading of ``text`` (date, period), imported here because it is slow to load."""
    from dateparser import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # odd text can break dateparser; what it cannot read is no date
        return None
    if data.date_obj is None:
        return None
    period = str(data.period) if data.period in PRECISIONS else "day"
    return data.date_obj.date(), period
