"""CAMEO and PLOVER: the tables that give every event its codes, Goldstein value and QuadClass.

The facts live in ``data/cameo.tsv`` and ``data/plover.tsv``; this module only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventcoder.tsv import data_path, read_tsv

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# GDELT's QuadClass (cameo.tsv's header gives each class's CAMEO roots), named as the columns of
# eventcoder.analysis's series.
QUAD_CLASSES = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with everything derived from it.

    code: the 2-4 digit code ("112"). name: its short name. goldstein: the Goldstein scale value.
    root: the 2-digit root code. quad_class: GDELT QuadClass 1-4. event_type, mode, context:
    the PLOVER 2.0 translation (event_type is None for CAMEO 01, which PLOVER dropped).
    """

    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    event_type: str | None
    mode: str | None
    context: str | None


class Ontology:
    """Lookup of CAMEO codes; ``ontology["112"]`` gives a :class:`CameoCode`."""

    def __init__(self) -> None:
        plover: dict[str, tuple[str | None, str | None, str | None]] = {}
        for row in read_tsv(data_path("plover.tsv"), ("cameo", "event_type", "mode", "context")):
            plover[row["cameo"] or ""] = (row["event_type"], row["mode"], row["context"])
        self.codes: dict[str, CameoCode] = {}
        for row in read_tsv(
            data_path("cameo.tsv"), ("code", "name", "goldstein", "root", "quad_class")
        ):
            code = row["code"] or ""
            event_type, mode, context = plover.get(code, (None, None, None))
            self.codes[code] = CameoCode(
                code=code,
                name=row["name"] or "",
                goldstein=float(row["goldstein"] or 0),
                root=row["root"] or code[:2],
                quad_class=int(row["quad_class"] or 0),
                event_type=event_type,
                mode=mode,
                context=context,
            )

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]


@lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    """The ontology, loaded once per process."""
    return Ontology()
