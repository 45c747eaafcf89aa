"""PETRARCH agent dictionaries converted to role words (agents rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.petrarch import Conversion, convert

FIXTURES = Path(__file__).resolve().parent / "data" / "petrarch"


@pytest.fixture(scope="module")
def agents() -> Conversion:
    return convert([FIXTURES / "agents.txt"])


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("schoolteacher", "EDU"),
        ("congressman", "LEG"),  # CONGRESS!PERSON!: each item of the set
        ("congresswoman", "LEG"),
        ("foreign minister", "GOV"),  # FOREIGN_!MINIST!
        ("foreign ministry", "GOV"),
        ("police", "COP"),  # {}: no plural
        ("thief", "CRM"),
        ("thieves", "CRM"),  # an irregular plural gets its own row
        ("chamber of commerce", "BUS"),
        ("chambers of commerce", "BUS"),
        ("state newspaper", "GOV"),  # ~GOVMED, approximated
        ("newspaper", "JRN"),  # CAMEO's MED: the media
        ("field hospital", "MED"),  # CAMEO's HLH: health
        ("insurgent", "REB"),
        ("rights monitor", "NGO"),  # NGO~
        ("peacekeeper", "IGO"),  # IGO~
        ("chief executive", "BUS"),  # a blank: words may stand apart, approximated
    ],
)
def test_petrarch_agents_become_role_words(agents: Conversion, phrase: str, sector: str) -> None:
    assert {"phrase": phrase, "sector": sector, "flags": None} in agents.rows["agents"]


def test_petrarch_agents_regular_plurals_need_no_row(agents: Conversion) -> None:
    # role words match by the lemma of their last word
    phrases = {r["phrase"] for r in agents.rows["agents"]}
    assert "schoolteachers" not in phrases and len(phrases) == len(agents.rows["agents"]) == 17


@pytest.mark.parametrize(
    ("line", "reason", "converted"),
    [
        (12, "secondary role left out", True),
        (18, "words may stand apart", True),
        (19, "role we have no sector for", False),
        (20, "religion, not a sector", False),
        (21, "undefined substitution set", False),
        (22, "no code", False),
    ],
)
def test_petrarch_agent_entries_we_cannot_express_are_reported(
    agents: Conversion, line: int, reason: str, converted: bool
) -> None:
    assert (line, reason, converted) in {(n.line, n.reason, n.converted) for n in agents.notes}
    assert len(agents.notes) == 6
