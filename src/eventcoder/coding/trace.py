"""What the coder tried, recorded while tracing (``eventcoder explain``): zero cost when off."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from eventcoder.actors import DocActors
from eventcoder.coding.patterns import Pattern
from eventcoder.records import Event


@dataclass(frozen=True)
class Step:
    """One decision on a trigger, recorded only while tracing (``eventcoder explain``).

    token: the trigger's index in the Doc. outcome: ``rejected``, ``matched``, ``chosen``,
    ``outscored`` (rows tried), ``dropped`` (a match or event given up), ``duplicate``.
    reason: why, in words. pattern: the row concerned. score: a matching row's specificity.
    event: the event concerned, for ``duplicate`` and subsumed ``dropped`` steps.
    """

    token: int
    outcome: str
    reason: str = ""
    pattern: Pattern | None = None
    score: int | None = None
    event: Event | None = None


@dataclass
class Trace:
    """What the coder tried on the Docs it coded while :attr:`EventCoder.trace` was set."""

    steps: list[Step] = field(default_factory=list)
    actors: DocActors | None = None  # the last Doc's actors, as the coder resolved them


def words(items: Collection[str]) -> str:
    """A set of words for a trace message: ``a|b``, or ``none``."""
    return "|".join(sorted(items)) or "none"


def note(
    trace: Trace | None,
    token: int,
    outcome: str,
    reason: str = "",
    pattern: Pattern | None = None,
    score: int | None = None,
    event: Event | None = None,
) -> None:
    """Record a :class:`Step` when tracing (``trace`` is not None)."""
    if trace is not None:
        trace.steps.append(Step(token, outcome, reason, pattern, score, event))
