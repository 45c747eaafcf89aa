"""The last known gaps of issue 14 (docs/reliability.md, "Last gaps"): each class of hostile
input is coded, or rejected with its file, record and reason, or ends in one line; never silent.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from test_reliability_readers import _split, _write_warc

from eventcoder.io.readers import read_inputs

PAGES = 5
STEP = 13  # bytes between cut points: some 380 cuts over the two archives


def _whole_warc(tmp_path: Path, packed: bool) -> tuple[bytes, list[int], list[int]]:
    """A 5-page WARC (gzipped or not), where each record starts, and where each one's content
    ends (after its body for a plain file, after its gzip member for a packed one)."""
    _write_warc(tmp_path / "w.warc.gz", PAGES)
    data = (tmp_path / "w.warc.gz").read_bytes()
    if packed:
        starts = [m.start() for m in re.finditer(b"\x1f\x8b\x08", data)]
        return data, starts, [*starts[1:], len(data)]
    data = gzip.decompress(data)
    starts = [m.start() for m in re.finditer(b"WARC/1.0\r\n", data)]
    return data, starts, [s - 4 for s in [*starts[1:], len(data)]]


@pytest.mark.parametrize("packed", [False, True], ids=[".warc", ".warc.gz"])
def test_reliability_edges14_warc_cut_anywhere_is_never_silent(
    tmp_path: Path, packed: bool
) -> None:
    data, starts, ends = _whole_warc(tmp_path, packed)
    path = tmp_path / ("cut.warc.gz" if packed else "cut.warc")
    silent = []
    for cut in range(1, len(data), STEP):
        path.write_bytes(data[:cut])
        articles, rejected = _split(list(read_inputs([str(path)])))
        whole = sum(end <= cut for end in ends)
        # A cut between two records leaves a whole, shorter archive: nothing to report.
        nexts = [*starts[1:], len(data)]
        between = any(end <= cut <= start for end, start in zip(ends, nexts, strict=True))
        assert whole <= len(articles) <= whole + 1, cut  # the pages before the cut are kept
        if not rejected and not between:
            silent.append(cut)
        assert all(str(path) in r.reason for r in rejected)
    assert silent == []
