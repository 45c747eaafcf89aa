"""The ontology tables and the pattern files agree with each other and with the reference."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from conftest import shared_file

from eventcoder.ontology import PLOVER_TYPES, get_ontology
from eventcoder.tsv import data_path, read_tsv


@pytest.mark.parametrize(
    ("code", "event_type", "quad", "goldstein"),
    [
        ("112", "ACCUSE", 3, -2.0),
        ("020", "REQUEST", 1, 3.0),
        ("010", None, 1, 0.0),
        ("163", "SANCTION", 4, -8.0),
        ("173", "COERCE", 4, -5.0),
        ("190", "ASSAULT", 4, -10.0),
        ("042", "CONSULT", 1, 1.9),
        ("0841", "RETREAT", 2, 7.0),
        ("081", "CONCEDE", 2, 5.0),
    ],
)
def test_ontology_code_facts(
    code: str, event_type: str | None, quad: int, goldstein: float
) -> None:
    info = get_ontology()[code]
    assert info.event_type == event_type
    assert info.quad_class == quad
    assert info.goldstein == goldstein
    assert info.root == code[:2]


def test_ontology_covers_every_reference_code() -> None:
    path = shared_file("reference/cameo-codes.csv")
    with open(path, encoding="utf-8", errors="replace") as fh:
        reference = {row["code"]: float(row["goldstein"]) for row in csv.DictReader(fh)}
    ontology = get_ontology()
    assert set(reference) == set(ontology.codes)
    for code, goldstein in reference.items():
        assert ontology[code].goldstein == goldstein, code
        if not code.startswith("01"):
            assert ontology[code].event_type in PLOVER_TYPES, code


def test_ontology_patterns_cover_all_types_and_roots() -> None:
    ontology = get_ontology()
    columns = ("cameo", "verb", "particle", "object", "prep", "flags")
    verbs = list(read_tsv(data_path("verbs.tsv"), columns, required=2))
    nouns = list(read_tsv(data_path("nouns.tsv"), ("cameo", "noun", "prep", "flags"), required=2))
    assert len(verbs) + len(nouns) >= 250
    codes = [row["cameo"] for row in verbs + nouns]
    assert {c[:2] for c in codes if c} >= {f"{r:02d}" for r in range(1, 21)}
    types = Counter(ontology[c].event_type for c in codes if c)
    assert set(PLOVER_TYPES) <= set(types)
    three_digit = {c for c in codes if c and len(c) >= 3}
    assert len(three_digit) >= 60
