"""Writing PETRARCH's all-caps names the way our matcher reads them, and telling country names,
adjectives and capitals apart.

Our dictionary matcher treats a capitalised phrase word as needing a capitalised word in the
text ("Turkey", not "turkey"), an all-caps word as an acronym needing capitals ("US", not "us"),
and a lower-case word as matching in any case. So :func:`name_case` writes:

- acronyms in capitals: a word with dots (``U.N.``), a word with no vowel (``PKK``, ``BBC``), a
  word our own ``orgs.tsv``/``countries.tsv`` write in capitals (``UN``, ``NATO``), or one the
  source file shows to be an acronym: in parentheses after a name (``(ETA)``) or the initials of
  another phrase with the same code (``ANSF`` beside ``AFGHAN_NATIONAL_SECURITY_FORCES``);
- particles and function words in lower case, which match either case (``of``, ``the``,
  ``al``, ``bin``, ``de``, ``van``), and so the later parts of a hyphenated word (``Ki-moon``
  matches "Ki-Moon" and "Ki-moon"), except after such a particle (``al-Qaeda``);
- every other word capitalised (``UNITED_NATIONS_`` is "United Nations").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from eventcoder.tsv import data_path, read_tsv

LOWER_WORDS = frozenset({
    "of", "the", "and", "for", "in", "on", "at", "to", "by", "with", "from", "de", "del", "della",
    "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "al", "ad", "ar", "bin",
    "ibn", "bint", "van", "von", "der", "den", "ter", "y", "e", "et", "und"
})  # fmt: skip
VOWELS = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝ")
# Adjective and demonym endings, for a country phrase our countries.tsv does not know.
ADJ_ENDINGS = ("ian", "ians", "ean", "eans", "ese", "ish")


@lru_cache(maxsize=1)
def our_acronyms() -> frozenset[str]:
    """Words our own actor tables write in capitals (UN, US, NATO, EU ...)."""
    words: set[str] = set()
    tables = {
        "orgs.tsv": ("phrase", "code", "country", "sector", "kind"),
        "countries.tsv": ("iso3", "kind", "phrase"),
    }
    for name, columns in tables.items():
        for row in read_tsv(data_path("actors", name), columns, required=1):
            for word in re.split(r"[\s-]+", row["phrase"] or ""):
                letters = [c for c in word if c.isalpha()]
                if len(letters) > 1 and all(c.isupper() for c in letters) and "." not in word:
                    words.add(word)
    return frozenset(words)


@lru_cache(maxsize=1)
def country_kinds() -> dict[str, str]:
    """Our countries.tsv phrases (lower case) to their kind: name, adj or capital."""
    kinds: dict[str, str] = {}
    for row in read_tsv(data_path("actors", "countries.tsv"), ("iso3", "kind", "phrase")):
        kinds.setdefault((row["phrase"] or "").lower(), row["kind"] or "name")
    return kinds


@cache
def title_words() -> frozenset[str]:
    """Words and phrases (lower case) a name may be introduced with that the text gives us
    anyway: our role words and titles (``agents.tsv``: president, prime minister, general),
    country names and adjectives (``countries.tsv``: US, Russian), honorifics and ``the``."""
    rows = read_tsv(data_path("actors", "agents.tsv"), ("phrase", "sector", "flags"), required=2)
    honorifics = ["mr", "mrs", "ms", "dr", "sir", "madam"]
    return frozenset(
        [(r["phrase"] or "").lower() for r in rows] + list(country_kinds()) + ["the", *honorifics]
    )


def untitled(words: Sequence[str]) -> list[str]:
    """``words`` without the titles, country words and articles they start with ("US President
    Bill Clinton" is "Bill Clinton", "the Clinton Administration" "Clinton Administration"):
    our resolver reads those from the text around a name, and a dictionary phrase that
    includes them would outmatch the name's own entry."""
    titles = title_words()
    out = list(words)
    while out:
        for n in (3, 2, 1):
            head = " ".join(out[:n]).lower()
            if len(out) > n and (head in titles or head.strip(".,") in titles):
                out = out[n:]
                break
        else:
            break
    return out


def country_kind(phrase: str) -> str:
    """``name``, ``adj`` or ``capital`` for a phrase that stands for a country: what our
    countries.tsv says of it, else ``adj`` if its last word has a demonym ending (Armenian,
    Congolese, Kurdish), else ``name`` (PETRARCH also lists towns and provinces as the country:
    they name it, as a capital does, but only capitals are known as such)."""
    known = country_kinds().get(phrase.lower())
    if known is not None:
        return known
    last = phrase.lower().split()[-1] if phrase.split() else ""
    return "adj" if last.endswith(ADJ_ENDINGS) else "name"


@cache
def initials(words: tuple[str, ...]) -> frozenset[str]:
    """The acronyms a phrase may be written as: the first letters of its words, with and
    without the function words (``NORTH ATLANTIC TREATY ORGANIZATION`` is NATO, ``FRONT FOR THE
    LIBERATION OF PALESTINE`` FLP)."""
    parts = [p for w in words for p in re.split(r"[-/]", w) if p and p[0].isalpha()]
    if len(parts) < 2:
        return frozenset()
    content = [p for p in parts if p.lower() not in LOWER_WORDS]
    return frozenset({"".join(p[0] for p in parts).upper(), "".join(p[0] for p in content).upper()})


def is_acronym(word: str, known: Iterable[str] | frozenset[str] = frozenset()) -> bool:
    """Whether a word of an all-caps PETRARCH phrase is an acronym (see the module doc)."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or word.lower() in LOWER_WORDS:
        return False
    if "." in word:
        return True
    upper = word.upper()
    if upper in known or upper in our_acronyms():
        return True
    return word.isalpha() and not any(c in VOWELS for c in upper)


def name_case(words: Sequence[str], acronyms: frozenset[str] = frozenset()) -> str:
    """A PETRARCH phrase's words (``UNITED``, ``NATIONS``) as a name: "United Nations"."""
    return " ".join(_case(word, acronyms) for word in words)


def _case(word: str, acronyms: frozenset[str]) -> str:
    if is_acronym(word, acronyms):
        return word.upper()
    out: list[str] = []
    for part in word.split("-"):
        after_particle = bool(out) and out[-1] in LOWER_WORDS
        if is_acronym(part, acronyms):
            out.append(part.upper())
        elif part.lower() in LOWER_WORDS or (out and not after_particle):
            out.append(part.lower())
        else:
            out.append(part[:1].upper() + part[1:].lower())
    return "-".join(out)
