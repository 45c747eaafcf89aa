"""The gazetteer, the namesake rule, locative mentions and the GDELT geography of places."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTICLE, DATA
from spacy.language import Language

from eventcoder.errors import DataFileError
from eventcoder.places import (
    Gazetteer,
    Place,
    find_places,
    load_names,
    locative,
    normalize,
)
from eventcoder.tsv import data_path, read_tsv

COLUMNS = ("sentence", "countries", "mention", "name", "country", "kind", "admin1", "locative")
CASES = list(read_tsv(DATA / "places.tsv", COLUMNS))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def article(nlp: Language) -> list[Place]:
    doc = nlp(ARTICLE.read_text(encoding="utf-8"))
    return find_places(doc, countries={"USA", "PAK", "IND"})


def _one(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, f"{text!r} not found among {[p.text for p in places]}"
    return found[0]


@pytest.mark.parametrize("row", CASES, ids=[f"line{r['_line']}" for r in CASES])
def test_places_table(nlp: Language, row: dict[str, str | None]) -> None:
    countries = (row["countries"] or "").split(",") if row["countries"] else ()
    place = _one(find_places(nlp(row["sentence"] or ""), countries=countries), row["mention"] or "")
    assert (place.name, place.country, place.kind) == (row["name"], row["country"], row["kind"])
    if row["admin1"]:
        assert place.admin1 == row["admin1"]
    if row["locative"]:
        assert place.locative is (row["locative"] == "yes")


def test_places_table_is_large_enough() -> None:
    assert len(CASES) >= 20
    assert {r["kind"] for r in CASES} == {"country", "admin1", "city"}
    assert {r["locative"] for r in CASES} >= {"yes", "no"}


def test_places_article_summit_countries(article: list[Place]) -> None:
    laos, china = _one(article, "Laos"), _one(article, "China")
    assert (laos.name, laos.kind, laos.country, laos.feature) == ("Laos", "country", "LAO", "PCLI")
    assert (china.name, china.kind, china.country) == ("China", "country", "CHN")
    assert laos.locative and china.locative  # "at the ... Summit in Laos", "in China"
    assert 14 < laos.lat < 23 and 100 < laos.lon < 108
    assert 18 < china.lat < 54 and 73 < china.lon < 135


def test_places_article_balochistan(article: list[Place]) -> None:
    place = _one(article, "Balochistan")
    assert (place.name, place.kind, place.feature) == ("Balochistan", "admin1", "ADM1")
    assert (place.country, place.country_fips, place.admin1_code) == ("PAK", "PK", "02")
    assert place.locative  # "an alleged Indian spy arrested in Balochistan"
    assert 24 < place.lat < 32 and 60 < place.lon < 71
    assert place.geonameid == 1183606


def test_places_article_metonyms_are_not_locative(article: list[Place], nlp: Language) -> None:
    islamabad = [p for p in article if p.text == "Islamabad"]
    assert len(islamabad) == 4 and not any(p.locative for p in islamabad)
    assert all(p.feature == "PPLC" and p.country == "PAK" for p in islamabad)
    washington = _one(article, "Washington")
    assert (washington.country, washington.kind, washington.locative) == ("USA", "city", False)
    doc = nlp(ARTICLE.read_text(encoding="utf-8"))
    assert all(locative(p, doc) is p.locative for p in article)


def test_places_article_order_offsets_and_tokens(article: list[Place]) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert [p.start for p in article] == sorted(p.start for p in article)
    assert all(text[p.start : p.end] == p.text for p in article)
    assert all(p.token >= 0 for p in article)
    # "U.S.-Pakistan ties" names both; "the Government of Pakistan" names Pakistan.
    assert text[1025:1038] == "U.S.-Pakistan"
    assert {p.name for p in article if 1025 <= p.start < 1038} == {"United States", "Pakistan"}
    assert any(p.name == "Pakistan" and 585 < p.start < 611 for p in article)


def test_places_article_skips_non_places(article: list[Place]) -> None:
    texts = {p.text for p in article}
    assert not texts & {"Indian", "Kulbhushan", "South Asia", "Toner", "Modi"}
    assert {p.kind for p in article} == {"country", "admin1", "city"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The UN Security Council met on Friday.",  # not Un, India
        "A White House spokesman said the talks had failed.",  # not Casablanca
        "Officer Smith said the road was closed.",  # not Officer, Australia
        "The GAO published a report on Monday.",  # not Gao, Mali
        "Western diplomats criticised the vote.",  # not Ghana's Western region
        "Indian troops patrolled the border.",
        "Analysts in the West and the Middle East were surprised.",
    ],
)
def test_places_not_places(nlp: Language, sentence: str) -> None:
    assert find_places(nlp(sentence)) == []


def test_places_gdelt_fields(nlp: Language) -> None:
    doc = nlp("Gunmen attacked a bus near Quetta. Police in Atlanta, Georgia, made arrests.")
    places = find_places(doc)
    quetta, atlanta, georgia = (_one(places, t) for t in ("Quetta", "Atlanta", "Georgia"))
    assert quetta.gdelt() == {
        "Type": 4,
        "FullName": "Quetta, Balochistan, Pakistan",
        "CountryCode": "PK",
        "ADM1Code": "PK02",
        "ADM2Code": "",
        "Lat": quetta.lat,
        "Long": quetta.lon,
        "FeatureID": "1167528",
    }
    assert atlanta.gdelt()["Type"] == 3
    assert atlanta.gdelt()["FullName"] == "Atlanta, Georgia, United States"
    assert atlanta.gdelt()["ADM1Code"] == "USGA"
    assert (georgia.gdelt()["Type"], georgia.gdelt()["FullName"]) == (2, "Georgia, United States")


def test_places_gdelt_country_and_admin1_without_id(gazetteer: Gazetteer) -> None:
    pakistan = gazetteer.choose("Pakistan")
    assert pakistan is not None
    place = Place(
        text="Pakistan", start=0, end=8, name=pakistan.name, kind="country", feature="PCLI",
        country="PAK", country_fips="PK", admin1=None, admin1_code=None, lat=30.0, lon=70.0,
        geonameid=pakistan.geonameid, population=pakistan.population, country_name="Pakistan",
    )  # fmt: skip
    geo = place.gdelt()
    assert (geo["Type"], geo["FullName"], geo["ADM1Code"]) == (1, "Pakistan", "PK")
    assert geo["FeatureID"] == str(pakistan.geonameid)
    region = Place(
        text="Sindh", start=0, end=5, name="Sindh", kind="admin1", feature="ADM1", country="PAK",
        country_fips="PK", admin1="Sindh", admin1_code="05", lat=26.5, lon=68.5, geonameid=None,
        population=1, country_name="Pakistan",
    )  # fmt: skip
    geo = region.gdelt()
    assert (geo["Type"], geo["FullName"], geo["ADM1Code"]) == (5, "Sindh, Pakistan", "PK05")
    assert geo["FeatureID"] == "PK05"
    assert region.to_dict()["admin1_code"] == "05"


def test_places_data_files_load(gazetteer: Gazetteer) -> None:
    entries = gazetteer.entries()
    kinds = {k: [e for e in entries if e.kind == k] for k in ("country", "admin1", "city")}
    assert 240 <= len(kinds["country"]) <= 260
    assert 3500 <= len(kinds["admin1"]) <= 4200
    assert 30000 <= len(kinds["city"]) <= 40000
    assert len([e for e in kinds["admin1"] if e.cc == "US"]) == 51  # the states and DC
    assert 200 <= len([e for e in kinds["city"] if e.feature == "PPLC"]) <= 250
    for entry in entries:
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180, entry
        assert entry.iso3 and entry.country_name == entry.country_name.strip(), entry
    assert all(e.geonameid for e in entries)
    assert len([e for e in kinds["country"] if not e.fips]) < 10  # new territories have none


def test_places_data_tables_are_well_formed() -> None:
    def table(name: str, columns: str) -> list[dict[str, str | None]]:
        return list(read_tsv(data_path("places", name), columns.split()))

    admin1 = table("admin1.tsv", "cc code name lat lon population geonameid names")
    assert len({(r["cc"], r["code"]) for r in admin1}) == len(admin1)
    assert all("," not in (r["name"] or "") for r in admin1)  # GDELT's FullName uses commas
    countries = table(
        "countries.tsv", "iso iso3 fips geonameid name population lat lon source names"
    )
    assert {r["source"] for r in countries} <= {"countryinfo", "cities"}
    pakistan = next(r for r in countries if r["iso"] == "PK")
    assert (pakistan["iso3"], pakistan["fips"], pakistan["lat"]) == ("PAK", "PK", "30.0000")
    cities = table("cities.tsv", "geonameid name cc admin1 lat lon population feature names")
    assert len({r["geonameid"] for r in cities}) == len(cities)
    assert {r["feature"] for r in cities} == {"PPL", "PPLC"}
    assert len([r for r in cities if int(r["population"] or 0) < 15000]) < 100  # capitals


def test_places_candidates_names_and_alternates(gazetteer: Gazetteer) -> None:
    hyderabad = gazetteer.candidates("Hyderabad")
    assert {e.iso3 for e in hyderabad} >= {"IND", "PAK"}
    assert hyderabad[0].iso3 == "IND"  # own names first, then by population
    assert [e.name for e in gazetteer.candidates("kiev")] == ["Kyiv"]
    assert gazetteer.candidates("TRIPOLI") == gazetteer.candidates("Tripoli")
    assert gazetteer.candidates("Sana'a")[0].name == "Sanaa"
    assert gazetteer.candidates("Nowhere-on-Earth") == []
    assert "Balochistan" in gazetteer and "the West" not in gazetteer


@pytest.mark.parametrize(
    ("name", "context", "within", "expected"),
    [
        ("Hyderabad", (), None, ("Hyderabad", "IND")),
        ("Hyderabad", ("PAK",), None, ("Hyderabad", "PAK")),
        ("Paris", (), None, ("Paris", "FRA")),
        ("Paris", ("USA",), None, ("Paris", "FRA")),  # 86 times smaller: context is not enough
        ("Paris", (), "Texas", ("Paris", "USA")),
        ("Paris", (), "Tex.", ("Paris", "USA")),
        ("Georgia", ("USA",), None, ("Georgia", "GEO")),
        ("Georgia", (), "USA", ("Georgia", "USA")),
        ("Tripoli", (), None, ("Tripoli", "LBY")),
        ("Tripoli", ("LBN",), None, ("Tripoli", "LBN")),
        ("Birmingham", ("USA",), None, ("Birmingham", "USA")),
        ("Washington", (), None, ("Washington", "USA")),
        ("New York", (), None, ("New York City", "USA")),
        ("Punjab", (), None, ("Punjab", "PAK")),
        ("Punjab", ("IND",), None, ("Punjab", "IND")),
        ("Burma", (), None, ("Myanmar", "MMR")),
        ("U.S.", (), None, ("United States", "USA")),
        ("Scotland", (), None, ("Scotland", "GBR")),
        ("Kashmir", (), None, ("Kashmir", "IND")),
    ],
)
def test_places_choose_namesake_rule(
    gazetteer: Gazetteer,
    name: str,
    context: tuple[str, ...],
    within: str | None,
    expected: tuple[str, str],
) -> None:
    entry = gazetteer.choose(name, context, within)
    assert entry is not None
    assert (entry.name, entry.iso3) == expected


def test_places_choose_kinds(gazetteer: Gazetteer) -> None:
    def kind(name: str, **kw: object) -> str | None:
        entry = gazetteer.choose(name, **kw)  # type: ignore[arg-type]
        return entry and entry.kind

    assert kind("Georgia") == "country"
    assert kind("Idlib") == "city"  # a city stands for the region of its name
    assert kind("Idlib", kind="admin1") == "admin1"
    assert kind("Mexico", kind="admin1") == "admin1"  # "Mexico state"
    assert kind("Scotland") == "admin1"
    assert gazetteer.choose("South Asia") is None
    assert gazetteer.choose("Indian") is None


def test_places_choose_sub_national_evidence(gazetteer: Gazetteer) -> None:
    atlanta, florida = gazetteer.choose("Atlanta"), gazetteer.choose("Florida")
    assert atlanta is not None and florida is not None
    for near in ([atlanta], [florida]):
        georgia = gazetteer.choose("Georgia", near=near)
        assert georgia is not None and (georgia.kind, georgia.iso3) == ("admin1", "USA")
    washington = gazetteer.choose("Washington")
    assert washington is not None
    georgia = gazetteer.choose("Georgia", near=[washington])  # a capital city is no evidence
    assert georgia is not None and georgia.kind == "country"


def test_places_normalize() -> None:
    assert normalize("the Gaza Strip") == normalize("Gaza strip") == "gaza strip"
    assert normalize("Khyber-Pakhtunkhwa") == "khyber pakhtunkhwa"
    assert normalize("‘Akkār") == normalize("Akkar") == "akkar"
    assert normalize("  São   Paulo ") == "sao paulo"


def test_places_user_alias_file(tmp_path: Path) -> None:
    extra = tmp_path / "aliases.tsv"
    extra.write_text("Old Town Quetta\tcity:1167528\nQuetta\tnone\n", encoding="utf-8")
    gazetteer = Gazetteer(*load_names(aliases=[extra]))
    entry = gazetteer.choose("Old Town Quetta")
    assert entry is not None and entry.name == "Quetta"
    assert gazetteer.choose("Quetta") is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Somewhere\tplanet:3", "unknown place target 'planet:3'"),
        ("Somewhere\tadmin1:PK.99", "'admin1:PK.99' is not in the gazetteer"),
    ],
)
def test_places_alias_errors_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    bad = tmp_path / "aliases.tsv"
    bad.write_text(f"# a comment\n{line}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=f"line 2: {message}"):
        load_names(aliases=[bad])
