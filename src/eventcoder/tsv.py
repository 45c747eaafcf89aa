"""Reading the package's tab-separated data files (and users' own, in the same formats)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from eventcoder.errors import DataFileError, Errors


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``eventcoder/data``."""
    return Path(str(resources.files("eventcoder").joinpath("data", *parts)))


def read_tsv(
    path: Path, columns: Sequence[str], required: int | None = None
) -> Iterator[dict[str, str | None]]:
    """Yield one dict per data line of a tab-separated file.

    path: the file. columns: the column names in order. required: how many leading columns must
    be present (default: all); missing trailing columns and ``-`` cells become None. Comment lines
    (``#``) and blank lines are skipped. A line with too few or too many cells raises
    :class:`DataFileError` naming the file and line. The line number is kept under ``"_line"``.
    """
    need = len(columns) if required is None else required
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) < need or len(cells) > len(columns):
                raise DataFileError(
                    Errors.E001.format(
                        path=path,
                        line=number,
                        reason=f"found {len(cells)} column(s)",
                        columns=need if need == len(columns) else f"{need}-{len(columns)}",
                        names=", ".join(columns),
                    )
                )
            row: dict[str, str | None] = {
                name: (cells[i] if i < len(cells) and cells[i] not in ("", "-") else None)
                for i, name in enumerate(columns)
            }
            row["_line"] = str(number)
            yield row
