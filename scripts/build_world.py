"""Build ``src/eventcoder/data/world/land-110m.tsv``, the world outline ``eventcoder plot map``
draws under the located events, so that a map needs no tiles and no network.

Input: ``land-110m.json`` of the npm package ``world-atlas@2.0.2`` (``npm pack world-atlas@2.0.2``
and untar it): Natural Earth 4.1.0 land at 1:110m (public domain) as TopoJSON, redistributed by
Mike Bostock under the ISC licence (notice in ``data/world/LICENSE``).

Output: one land polygon ring a line, ``ring<TAB>lon,lat lon,lat ...`` in degrees rounded to 0.01
(about 1 km, far below what a 1:110m outline resolves), outer rings and holes alike; a ring
across the antimeridian is written twice, on either side (:func:`unwrap`).

    .venv/bin/python scripts/build_world.py path/to/land-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src/eventcoder/data/world/land-110m.tsv"
HEADER = (
    "# Land at 1:110m: Natural Earth 4.1.0 (public domain) via world-atlas 2.0.2 (ISC, see\n"
    "# LICENSE). Written by scripts/build_world.py. One ring a line: ring, then lon,lat pairs.\n"
)


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (lon, lat): undo the quantisation and delta coding."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One ring from its arc indexes; ~i is arc i reversed, and arcs share their end points."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian (Chukotka, Fiji) made continuous in longitude, and
    once more shifted by 360 degrees, so that a flat map's -180..180 window shows both halves
    and no band across the world."""
    out = [points[0]]
    for x, y in points[1:]:
        last = out[-1][0]
        x += 360 * round((last - x) / 360)
        out.append((x, y))
    if all(-180 <= x <= 180 for x, _ in out):
        return [out]
    shift = -360 if max(x for x, _ in out) > 180 else 360
    return [out, [(x + shift, y) for x, y in out]]


def rings(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    arcs = decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for r in polygon:
                out.extend(unwrap(ring(r, arcs)))
    return out


def main(source: Path) -> None:
    topology = json.loads(source.read_text(encoding="utf-8"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for n, points in enumerate(rings(topology)):
            fh.write(f"{n}\t" + " ".join(f"{x:.2f},{y:.2f}" for x, y in points) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
