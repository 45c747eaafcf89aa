"""From a parsed sentence to coded events: the event coder, one module a step.

The patterns are data (``data/verbs.tsv``, ``data/nouns.tsv``, see ``data/README.md``). A Doc goes
through these steps (docs/coding.md has the rules each module owns):

- :mod:`~eventcoder.coding.headlines`: before the actors are read, headlines whose verb the
  tagger took for a noun, parsed again as clauses;
- :mod:`~eventcoder.coding.patterns`: the verb and noun tables, and :class:`Match`;
- :mod:`~eventcoder.coding.triggers`: which token matches which row (the most specific fits);
- :mod:`~eventcoder.coding.roles`: the actor and recipient heads of a trigger, with
  :mod:`~eventcoder.coding.doers` (who acts), :mod:`~eventcoder.coding.recipients` (to whom) and
  :mod:`~eventcoder.coding.naming` (what a phrase names, which side an actor is on);
- :mod:`~eventcoder.coding.matching`: the order of the steps over a Doc's matches;
- :mod:`~eventcoder.coding.background`: what is background, not news;
- :mod:`~eventcoder.coding.modality`: negated, failed, hypothetical, intended, refused acts;
- :mod:`~eventcoder.coding.speech`: claims, demands, allegations, warnings, orders to leave;
- :mod:`~eventcoder.coding.build`: the Events of a match (codes that depend on the actors,
  domestic recipients);
- :mod:`~eventcoder.coding.inferred`: recipients inferred from quotes and earlier acts;
- :mod:`~eventcoder.coding.coder`: :class:`EventCoder`, which runs them;
- :mod:`~eventcoder.coding.tree` and :mod:`~eventcoder.coding.trace`: reading the parse, and
  recording what was tried for ``eventcoder explain``.
"""

from eventcoder.coding.build import build_event
from eventcoder.coding.coder import EventCoder
from eventcoder.coding.patterns import Match, Pattern, PatternBook
from eventcoder.coding.trace import Step, Trace

__all__ = ["EventCoder", "Match", "Pattern", "PatternBook", "Step", "Trace", "build_event"]
