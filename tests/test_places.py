"""Every place name in the place files resolves to its area; shared names ask with town
names that resolve back; Wales, Scotland and Northern Ireland by name and postcode."""
from __future__ import annotations

import pytest

from services_db.gazetteer import Gazetteer
from services_db.places import (
    KIND_BY_TOWNS_TYPE,
    NEIGHBOURHOODS_FILE,
    PLACE_NAMES_FILE,
    SHORT_FORMS_FILE,
    TOWNS_FILE,
    all_aliases,
    names_of_ours,
    neighbourhood_aliases,
    postal_towns_elsewhere,
    read_csv,
    school_town_counts,
    straddling_built_up_areas,
    used_place_rows,
)
from signposting.text import normalise
from signposting.vocabulary import AREA_CODES, NATIONAL, NATIONS


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(all_aliases())


def reaches(gazetteer: Gazetteer, text: str, area: str) -> bool:
    """Found in `area`, or asked about with an option that is found in `area`."""
    result = gazetteer.resolve(text)
    if result.status in ("found", "outside"):
        return result.area_code == area
    if result.status == "ambiguous":
        return any(gazetteer.resolve(option).area_code == area for option in result.options)
    return False


def names_in_files() -> list[tuple[str, str, str]]:
    """(name, area, file) for every name the place files give an area, with the two
    documented precedences (and a third: a postal town elsewhere, "Nottingham", is not a
    name of ours: `postal_towns_elsewhere`): a district or county name settles the area ("Leicester",
    also the postal town of county schools, is the city), and where the ONS lists a name
    in our districts its district is used, not the GeoNames one (derived from the nearest
    postcode: Braunstone, Evington); and a built-up area's spill over a boundary is not
    a name in the other area (Hoddesdon: test below)."""
    towns = read_csv(TOWNS_FILE)
    settled = {
        normalise(row["name"]): row["area_code"].strip()
        for row in towns
        if KIND_BY_TOWNS_TYPE.get(row["type"].strip()) in ("district", "county")
    }
    places = [row for row in read_csv(PLACE_NAMES_FILE) if not row["excluded"]]
    town_areas: dict[str, set[str]] = {}
    for row in towns:
        town_areas.setdefault(normalise(row["name"]), set()).add(row["area_code"].strip())
    spills = straddling_built_up_areas(places, town_areas)
    places = [row for row in places if not (row["kind"] == "built_up_area" and (normalise(row["name"]), row["area_code"]) in spills)]
    ons = {normalise(row["name"]) for row in places if row["kind"] != "geonames_place" and row["area_code"] in AREA_CODES}
    elsewhere = postal_towns_elsewhere(names_of_ours(used_place_rows()), school_town_counts())
    names = [
        (row["name"], row["area_code"].strip(), "towns.csv")
        for row in towns
        if row["type"].strip() in KIND_BY_TOWNS_TYPE and row["area_code"].strip() in AREA_CODES
        and normalise(row["name"]) not in elsewhere
    ]
    names += [
        (row["name"], row["area_code"], "place_names.csv")
        for row in places
        if (row["area_code"] in AREA_CODES or row["area_code"] in NATIONS)
        and not (row["kind"] == "geonames_place" and row["area_code"] in AREA_CODES and normalise(row["name"]) in ons)
    ]
    return [
        (name, settled.get(normalise(name), area), source) for name, area, source in names
    ]


def test_the_place_files_name_our_towns_villages_and_wards():
    names = {name for name, _, _ in names_in_files()}
    assert len(names) > 2000
    for place in ["Oadby", "Wigston", "Theydon Bois", "Loughborough", "Lutterworth", "Market Harborough",
                  "Oakham", "Uppingham", "Hemel Hempstead", "Oadby Grange", "Loughton Broadway", "Cardiff"]:
        assert place in names, place


def test_every_name_in_the_place_files_resolves_to_its_area(gazetteer):
    wrong = [
        (name, area, source)
        for name, area, source in names_in_files()
        if not reaches(gazetteer, name, area)
    ]
    assert wrong == []


def test_every_short_form_resolves_to_the_area_of_its_place(gazetteer):
    for row in read_csv(SHORT_FORMS_FILE):
        full = gazetteer.resolve(row["full_name"] + (f", {NATIONS[row['only_area']]}" if row["only_area"] else ""))
        short = gazetteer.resolve(row["short_form"])
        assert short.status in ("found", "ambiguous"), row["short_form"]
        if full.status == "found":
            assert reaches(gazetteer, row["short_form"], full.area_code), row["short_form"]


def test_every_question_about_a_shared_name_or_postcode_offers_options_that_resolve(gazetteer):
    """Each option the bot offers, sent back as typed text, is found in one area (or is
    'somewhere else'), and no two options lead to the same area."""
    asked = 0
    for alias in sorted({row.alias for row in all_aliases()}):
        result = gazetteer.resolve(alias)
        if result.status != "ambiguous":
            continue
        asked += 1
        reached = [gazetteer.resolve(option) for option in result.options]
        assert all(r.status in ("found", "outside") for r in reached), (alias, result.options)
        areas = [r.area_code for r in reached]
        assert len(areas) == len(set(areas)), (alias, result.options)
    assert asked > 100


def test_options_are_town_names_not_council_names(gazetteer):
    councils = {"East Hertfordshire", "Uttlesford", "North Hertfordshire", "Epping Forest", "Harborough",
                "Blaby", "Charnwood", "Hinckley and Bosworth", "Oadby and Wigston", "North West Leicestershire",
                "Dacorum", "Three Rivers", "Welwyn Hatfield", "Hertsmere", "Broxbourne"}
    for text in ["CM23", "SG8", "LE2", "CM22", "Bishop's Stortford", "Stortford", "LE3"]:
        result = gazetteer.resolve(text)
        assert result.status == "ambiguous", text
        assert not councils & set(result.options), (text, result.options)
    assert gazetteer.resolve("CM23").options == (
        "Bishop's Stortford (Hertfordshire)", "Manuden or Birchanger (Essex)")


@pytest.mark.parametrize(("text", "area"), [("LE1", "leicester"), ("LE5", "leicester"), ("le1 6ab", "leicester")])
def test_one_sector_of_many_in_another_area_with_the_same_line_is_not_asked_about(gazetteer, text, area):
    """LE1 is central Leicester; Blaby is the main district of one of its nine sectors (large
    users and PO boxes, the source file's note says) and gives the same 24/7 line."""
    result = gazetteer.resolve(text)
    assert (result.status, result.area_code) == ("found", area)


@pytest.mark.parametrize(
    ("text", "area"),
    [("cheshunt EN8", "herts"), ("harlow cm20", "west_essex"), ("cm20 sawbridgeworth", "herts"), ("LE15 oakham", "rutland"),
     # in a sentence, after living there (development author D10)
     ("Patient lives in Cheshunt, EN8", "herts"), ("we're from cheshunt EN8", "herts")],
)
def test_a_shared_postcode_district_said_with_its_town_is_that_town(gazetteer, text, area):
    result = gazetteer.resolve(text)
    assert (result.status, result.area_code) == ("found", area)


def test_a_shared_postcode_district_said_with_a_town_of_neither_area_still_asks(gazetteer):
    assert gazetteer.resolve("EN8 hello").status == "ambiguous"
    assert gazetteer.resolve("CM20 leicester").status == "ambiguous"


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Oadby", "leicestershire"),
        ("i live in oadby", "leicestershire"),
        ("Wigston", "leicestershire"),
        ("Great Wigston", "leicestershire"),
        ("Hemel", "herts"),
        ("hemel innit", "herts"),
        ("WGC", "herts"),
        ("Welwyn", "herts"),
        ("Theydon Bois", "west_essex"),
        ("leicester city centre", "leicester"),
        ("Loughborough", "leicestershire"),
        ("Lboro", "leicestershire"),
        ("Lutterworth", "leicestershire"),
        ("Market Harborough", "leicestershire"),
        ("Oakham", "rutland"),
        ("Uppingham", "rutland"),
        ("Oadby Grange", "leicestershire"),
        ("Loughton Broadway", "west_essex"),
        ("Newport, Essex", "west_essex"),
    ],
)
def test_places_people_name_are_found(gazetteer, text, area):
    result = gazetteer.resolve(text)
    assert (result.status, result.area_code) == ("found", area)


@pytest.mark.parametrize(
    ("text", "nation"),
    [
        ("Cardiff", "wales"), ("Swansea", "wales"), ("Wrexham", "wales"), ("I live in Wales", "wales"),
        ("Caerdydd", "wales"), ("Newport, Wales", "wales"),
        ("Glasgow", "scotland"), ("Edinburgh", "scotland"), ("Aberdeen", "scotland"), ("Dundee", "scotland"),
        ("Inverness", "scotland"), ("I live in Scotland", "scotland"),
        ("Belfast", "northern_ireland"), ("Derry", "northern_ireland"), ("Londonderry", "northern_ireland"),
        ("northern ireland", "northern_ireland"),
        ("CF10", "wales"), ("SA1 1AA", "wales"), ("NP20", "wales"), ("LL11", "wales"), ("LD1", "wales"),
        ("G1", "scotland"), ("EH1 1AA", "scotland"), ("AB10", "scotland"), ("DD1", "scotland"), ("KY1", "scotland"),
        ("PA1", "scotland"), ("IV1", "scotland"), ("FK1", "scotland"), ("KA1", "scotland"), ("ML1", "scotland"),
        ("DG1", "scotland"), ("TD1", "scotland"), ("PH1", "scotland"), ("KW1", "scotland"), ("ZE1", "scotland"),
        ("HS1", "scotland"), ("BT1", "northern_ireland"), ("BT48 6AA", "northern_ireland"),
    ],
)
def test_wales_scotland_and_northern_ireland_are_recognised(gazetteer, text, nation):
    result = gazetteer.resolve(text)
    assert (result.status, result.area_code, result.nation) == ("found", nation, nation)
    assert result.area_label == NATIONS[nation]


def test_a_postcode_district_across_the_welsh_border_asks(gazetteer):
    result = gazetteer.resolve("SY10")  # Oswestry: England and Wales
    assert result.status == "ambiguous"
    assert result.options == ("Wales", "Somewhere else in England")
    assert gazetteer.resolve("SY1").area_code == NATIONAL  # Shrewsbury: England


def test_a_name_in_one_of_our_areas_and_in_wales_asks(gazetteer):
    result = gazetteer.resolve("Newport")
    assert result.status == "ambiguous"
    assert result.options == ("Newport (Essex)", "Newport (Wales)", "Somewhere else in England")


@pytest.mark.parametrize("text", ["Stamford", "Preston", "Essex"])
def test_a_name_mostly_used_elsewhere_asks_instead_of_assuming_ours(gazetteer, text):
    result = gazetteer.resolve(text)
    assert result.status == "ambiguous"
    assert result.options[-1] == "Somewhere else"


@pytest.mark.parametrize("text", ["Derby", "Nottingham", "nuneaton", "Romford", "swadlincote", "im in nottingham"])
def test_a_town_elsewhere_that_is_only_the_postal_town_of_our_villages_is_elsewhere(gazetteer, text):
    """Bottesford's schools have Nottingham as their postal town; Nottingham is not ours."""
    result = gazetteer.resolve(text)
    assert (result.status, result.area_code) == ("outside", NATIONAL)


@pytest.mark.parametrize(("text", "area"), [("Bottesford", "leicestershire"), ("Castle Donington", "leicestershire"),
                                            ("Measham", "leicestershire"), ("Market Bosworth", "leicestershire")])
def test_the_villages_of_those_postal_towns_are_still_ours(gazetteer, text, area):
    assert reaches(gazetteer, text, area)


@pytest.mark.parametrize("text", ["Hatfield", "Royston", "Loughton", "Hertford"])
def test_our_towns_are_not_made_ambiguous_by_smaller_places_elsewhere(gazetteer, text):
    assert gazetteer.resolve(text).status == "found"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("central london", NATIONAL),  # the ward "Central" (Watford) is an everyday word: not used
        ("Newport Pagnell", NATIONAL),  # a longer name elsewhere beats our "Newport"
        ("Rainham Essex", NATIONAL),
        ("hemell hempstead", "herts"),  # a misspelling of a longer name beats the village Hempstead
        ("saffron waldon", "west_essex"),
        # A misspelt longer name of ours beats a place elsewhere inside it (a user trial, session 18).
        ("welling garden city", "herts"),
        ("i live in welling garden city", "herts"),
        ("welling", NATIONAL),
    ],
)
def test_longer_and_everyday_words_are_not_taken_for_our_villages(gazetteer, text, expected):
    assert gazetteer.resolve(text).area_code == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("my friend heather is mean to me", False),  # Heather is a village in Leicestershire
        ("we live in heather", True),
        ("heather", True),
        ("I'm 17 and live in Cardiff", True),
        ("my brother barry hits me", False),  # Barry is a town in Wales
        ("Barry", True),
        ("actually we moved to Theydon Bois", True),
        ("the school is near theydon bois", True),
    ],
)
def test_a_village_said_in_passing_counts_only_as_a_place(gazetteer, text, found):
    """fuzzy=False is used when the bot did not ask where the user lives."""
    assert (gazetteer.resolve(text, fuzzy=False).status == "found") is found


def test_a_town_whose_built_up_area_spills_over_a_boundary_is_in_its_own_area(gazetteer):
    """Hoddesdon (Broxbourne) reaches into Epping Forest in the ONS built-up areas; the
    schools' postal town and GeoNames both place it in Hertfordshire. Two real villages
    called Great Easton, one in each county, are still asked about."""
    hoddesdon = gazetteer.resolve("hoddesdon")
    assert (hoddesdon.status, hoddesdon.area_code) == ("found", "herts")
    assert gazetteer.resolve("great easton").status == "ambiguous"


def test_only_the_spill_of_a_straddling_built_up_area_is_dropped():
    from services_db.places import straddling_built_up_areas

    rows = [
        {"name": "Townly", "kind": "built_up_area", "area_code": "herts"},
        {"name": "Townly", "kind": "built_up_area", "area_code": "west_essex"},
        {"name": "Twinham", "kind": "built_up_area", "area_code": "herts"},
        {"name": "Twinham", "kind": "built_up_area", "area_code": "rutland"},
        {"name": "Twinham", "kind": "parish", "area_code": "herts"},
        {"name": "Twinham", "kind": "parish", "area_code": "rutland"},
        {"name": "Lonely", "kind": "built_up_area", "area_code": "herts"},
        {"name": "Lonely", "kind": "built_up_area", "area_code": "rutland"},
    ]
    # Townly: the postal town says Hertfordshire. Twinham: a parish in each. Lonely: no other source.
    assert straddling_built_up_areas(rows, {"townly": {"herts"}}) == {("townly", "west_essex")}


@pytest.mark.parametrize("text", [
    "in ascot", "i live in norton", "near hilton", "chester city", "worthing town", "slough town", "from polesworth",
    "bridlington", "hartfield", "addington", "humberston", "brid lington", "humber ston", "add ington", "red bourne",
])
def test_a_place_elsewhere_is_never_pulled_onto_one_of_ours(gazetteer, text):
    """An exact name elsewhere, said with filler or split by voice typing, is that place (from the
    review of session 10: "in ascot" was Nascot, "bridlington" Ridlington, each with our 24/7 line)."""
    assert gazetteer.resolve(text).area_code not in {"herts", "west_essex", "leicester", "leicestershire", "rutland"}


@pytest.mark.parametrize(("text", "status"), [("acacia street", "unknown"), ("street", "outside"), ("i live in street", "outside")])
def test_a_street_name_is_not_the_town_with_its_last_word(gazetteer, text, status):
    """"Potter Street" (an estate in Harlow, now in neighbourhoods.csv) was read as Street, in Somerset."""
    assert gazetteer.resolve(text).status == status


@pytest.mark.parametrize("text", [
    "cm20 not harlow", "cm20 not sawbridgeworth", "CM20 but school in sawbridgeworth", "en9 but i go to school in cheshunt",
    "EN8 my mum works in harlow", "cm20 my dad lives in sawbridgeworth", "en8 my dad lives in cheshunt",  # someone else's (the review)
    "cm20 harlow or sawbridgeworth", "cm20 moved from harlow",
])
def test_a_shared_district_with_more_than_a_town_name_still_asks(gazetteer, text):
    assert gazetteer.resolve(text).status == "ambiguous"


@pytest.mark.parametrize(("text", "area"), [("rick mans worth", "herts"), ("oak ham", "rutland"), ("hat field", "herts")])
def test_a_name_split_by_voice_typing_is_read_run_together(gazetteer, text, area):
    assert gazetteer.resolve(text).area_code == area


@pytest.mark.parametrize("row", read_csv(NEIGHBOURHOODS_FILE), ids=lambda row: row["name"])
def test_every_neighbourhood_reaches_its_area(gazetteer, row):
    """A user trial: "highfields" (Leicester) was Highfield in Hemel Hempstead, "clarendon park"
    Lavendon (Buckinghamshire), "thurnby lodge" Thurlby (Lincolnshire), "adeyfield" Mayfield."""
    assert row["source_url"].startswith("http") and row["quote"].strip() and row["verified"].strip()
    for text in (row["name"], f"we live in {row['name'].lower()}"):
        assert reaches(gazetteer, text, row["area_code"]), text


def test_a_neighbourhood_needs_its_source_and_a_town_of_ours(tmp_path):
    rows = all_aliases()
    unsourced = tmp_path / "n.csv"
    unsourced.write_text("name,town,area_code,source_url,quote,verified\nNowhere,Leicester,leicester,,x,\n")
    with pytest.raises(ValueError, match="source URL"):
        list(neighbourhood_aliases(rows, unsourced))
    elsewhere = tmp_path / "e.csv"
    elsewhere.write_text("name,town,area_code,source_url,quote,verified\nX,Leicester,herts,https://x,x,2026-12-03\n")
    with pytest.raises(ValueError, match="no town called Leicester in herts"):
        list(neighbourhood_aliases(rows, elsewhere))


@pytest.mark.parametrize(("text", "status", "area"), [
    ("leicester (oadby)", "found", "leicestershire"), ("leicester, wigston", "found", "leicestershire"),
    ("near leicester, in blaby", "found", "leicestershire"), ("brentwood essex", "outside", NATIONAL),
    ("chelmsford essex", "outside", NATIONAL), ("stamford, lincs", "outside", NATIONAL),
    ("harlow essex", "found", "west_essex"), ("hitchin herts", "found", "herts"), ("leicester", "found", "leicester"),
    ("leicester city centre", "found", "leicester"), ("stamford rutland", "found", "rutland"),
    ("rutland, near the lincs border", "found", "rutland"),
    # the second review: roads, other places in the sentence and places elsewhere near ours
    ("leicester, hinckley road", "found", "leicester"), ("leicester, uppingham road", "found", "leicester"),
    ("leicester, my nan lives in hinckley", "found", "leicester"), ("herts near luton", "found", "herts"),
    ("leics near coventry", "found", "leicestershire"), ("leicester, knighton", "found", "leicester"),
    ("stamford but in rutland not lincs", "found", "rutland"),
])
def test_a_town_beside_a_county_or_city_word_settles_the_area(gazetteer, text, status, area):
    """Development author D4 (session 22): "brentwood essex" was offered West Essex, "leicester
    (oadby)" got Leicester city, "stamford, lincs" was asked about Rutland."""
    result = gazetteer.resolve(text)
    assert (result.status, result.area_code) == (status, area)


def test_the_cities_of_the_nations_are_only_the_big_ones():
    """Said after an age ("19, belfast"), a city of the other nations is where they live; a village
    ("im 14, logan") may be a person's name (development author D7; the review, session 27)."""
    from services_db.places import cities_of_the_nations

    cities = cities_of_the_nations()
    assert {"belfast", "glasgow", "edinburgh", "cardiff", "swansea"} <= cities
    assert "logan" not in cities and "keith" not in cities


@pytest.mark.parametrize(("text", "area"), [
    # development author D10: a road named after a place, then the town
    ("Narborough Road, Leicester", "leicester"), ("london road harlow", "west_essex"),
    ("hatfield road st albans", "herts"), ("station road, oakham", "rutland"),
    ("potter street", "west_essex"),  # an estate of Harlow, not a road
    # a road named after a place, said alone: the place, as before (the review)
    ("harlow road", "west_essex"), ("hertford road", "herts"),
])
def test_a_road_named_after_a_place_is_not_where_they_live(gazetteer, text, area):
    result = gazetteer.resolve(text, fuzzy=False)
    assert (result.status, result.area_code) == ("found", area)



@pytest.mark.parametrize(("text", "status", "area"), [
    ("Enfield, just over the border from Herts", "outside", "national"),  # development author D16: was Herts
    ("we are just over the border from leicestershire in grantham", "outside", "national"),
    ("on the border of herts", "found", "herts"),  # only "over the border from" says where they are not
])
def test_a_county_named_after_over_the_border_from_is_where_they_are_not(gazetteer, text, status, area):
    resolution = gazetteer.resolve(text)
    assert (resolution.status, resolution.area_code) == (status, area)


@pytest.mark.parametrize(("text", "area"), [
    # where they live, then a place of ours they live near (development authors D1, D20)
    ("nuneaton, near hinckley", NATIONAL), ("luton but near harpenden", NATIONAL), ("chelmsford near harlow", NATIONAL),
    # ours first, or only ours: ours
    ("harpenden near luton", "herts"), ("hitchin, near luton", "herts"), ("herts near luton", "herts"),
    ("we live in a village near hinckley", "leicestershire"),
    # a town told of for something else, then where they live near (the review, session 43)
    ("born in peterborough, now live near oakham", "rutland"), ("we moved from nuneaton to near hinckley", "leicestershire"),
    ("my dad lives in luton, we live near hitchin", "herts"), ("i go to school in cambridge but we live near saffron walden", "west_essex"),
    ("bristol uni student but home is near st albans", "herts"), ("we used to live in corby, now near uppingham", "rutland"),
])
def test_a_town_elsewhere_near_a_place_of_ours_is_the_town_they_live_in(gazetteer, text, area):
    assert gazetteer.resolve(text).area_code == area


@pytest.mark.parametrize(("text", "area"), [
    ("kegworth, derby", "leicestershire"), ("barwell nuneaton", "leicestershire"), ("market bosworth, nuneaton", "leicestershire"),
    ("stapleford abbotts, romford", "west_essex"), ("bottesford, nottingham", "leicestershire"),
])
def test_a_village_of_ours_before_its_postal_town_elsewhere_is_the_village(gazetteer, text, area):
    """As in an address, said in passing (exact names only): the review, session 43."""
    result = gazetteer.resolve(text, fuzzy=False)
    assert result.area_code == area or any(gazetteer.resolve(option).area_code == area for option in result.options)


def test_a_village_elsewhere_before_a_town_elsewhere_stays_elsewhere(gazetteer):
    assert gazetteer.resolve("wing leighton buzzard", fuzzy=False).area_code == NATIONAL
