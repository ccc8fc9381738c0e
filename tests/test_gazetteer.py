import pytest


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Stevenage", "herts"),
        ("i live in watford", "herts"),
        ("near Harlow", "west_essex"),
        ("Leicester", "leicester"),
        ("Loughborough", "leicestershire"),
        ("Oakham", "rutland"),
        ("SG1", "herts"),
        ("sg1 2ab", "herts"),
        ("LE2 3AB", "leicester"),
        ("Hertfordshire", "herts"),
        ("Rutland", "rutland"),
        ("West Essex", "west_essex"),
        ("Welwyn Garden City", "herts"),
    ],
)
def test_places_in_our_areas(directory, text, area):
    result = directory.gazetteer.resolve(text)
    assert (result.status, result.area_code) == ("found", area)


@pytest.mark.parametrize(("text", "area"), [
        ("Stevenidge", "herts"),
        ("stevnage", "herts"),
        ("watfrod", "herts"),
        ("hitchen", "herts"),
        ("loughbrough", "leicestershire"),
        ("lecester", "leicester"),
        ("hemell hempstead", "herts"),
        ("oakam", "rutland"),
    ],)
def test_misspelt_towns_are_understood(directory, text, area):
    result = directory.gazetteer.resolve(text)
    assert (result.status, result.area_code, result.how) == ("found", area, "fuzzy")


@pytest.mark.parametrize("text", ["Manchester", "M1 1AA", "LS6", "somewhere else", "Newport Pagnell", "southend", "i live in clacton"])
def test_places_elsewhere_get_national_services(directory, text):
    result = directory.gazetteer.resolve(text)
    assert (result.status, result.area_code) == ("outside", "national")


@pytest.mark.parametrize("text", ["outside", "i live outside", "outside these", "somewhere outside of them", "outside your areas"])
def test_outside_on_its_own_means_somewhere_else(directory, text):
    assert directory.gazetteer.resolve(text).status == "outside"


@pytest.mark.parametrize(("text", "area"), [
    ("We live in a small village just outside Melton.", "leicestershire"),  # was "outside our areas" (D2)
    ("we live outside harlow", "west_essex"),
])
def test_just_outside_a_town_of_ours_is_near_that_town(directory, text, area):
    result = directory.gazetteer.resolve(text)
    assert (result.status, result.area_code) == ("found", area)


def test_a_postcode_district_across_a_boundary_asks_with_town_names(directory):
    result = directory.gazetteer.resolve("SG8")
    assert result.status == "ambiguous"
    # Uttlesford is the main district of none of SG8's sectors, and West Essex has the same lines
    # as elsewhere in England (Chrishall, typed, is still found: its own name)
    assert result.options == ("Royston or Barkway (Hertfordshire)", "Somewhere else")


def test_a_town_across_a_county_boundary_asks_with_town_names_not_council_names(directory):
    result = directory.gazetteer.resolve("Bishop's Stortford")
    assert result.status == "ambiguous"
    assert result.options == ("Bishop's Stortford (Hertfordshire)", "Takeley or Elsenham (Essex)")
    assert not {"East Hertfordshire", "Uttlesford"} & set(result.options)


def test_gibberish_is_unknown(directory):
    assert directory.gazetteer.resolve("asdfgh qwerty").status == "unknown"


def test_exact_only_mode_does_not_guess(directory):
    assert directory.gazetteer.resolve("Stevenidge", fuzzy=False).status != "found"


@pytest.mark.parametrize("text", ["how about oadby", "what about Oadby", "try oadby"])
def test_a_village_of_ours_offered_as_a_place_in_a_sentence_is_found(directory, text):
    """Typed after the list ("how about oadby"): before, this was "outside our areas"."""
    resolution = directory.gazetteer.resolve(text, fuzzy=False)
    assert (resolution.status, resolution.area_code) == ("found", "leicestershire")


def test_a_village_of_ours_not_said_as_a_place_is_never_called_outside(directory):
    """In exact-only mode a village name in passing is not taken, and never claimed to be
    somewhere else (it was "outside" with how="england_town", which offers national help)."""
    resolution = directory.gazetteer.resolve("oadby is nice", fuzzy=False)
    assert resolution.status != "outside"
    assert directory.gazetteer.resolve("how about luton", fuzzy=False).status == "outside"


@pytest.mark.parametrize("text", ["I'm worried about Heather", "worried about dale hes 14"])
def test_a_name_after_worried_about_is_not_a_place(directory, text):
    """Found in review: "about" alone made "Heather" a Leicestershire village."""
    assert directory.gazetteer.resolve(text, fuzzy=False).status == "unknown"


@pytest.mark.parametrize(("text", "area"), [
    ("newport, the one in essex not wales", "west_essex"),  # development author D7
    ("bangor not wales", "northern_ireland"),
    ("Bangor, County Down", "northern_ireland"),  # development author D6: a county of Northern Ireland settles it
    ("co. antrim", "northern_ireland"),
    ("county tyrone", "northern_ireland"),
])
def test_a_county_or_nation_said_or_ruled_out_settles_a_shared_name(directory, text, area):
    resolution = directory.gazetteer.resolve(text)
    assert (resolution.status, resolution.area_code) in (("found", area), ("outside", area))


@pytest.mark.parametrize("text", ["newport not the welsh one", "newport, not the one in wales", "newport isnt in wales"])
def test_a_nation_ruled_out_leaves_the_other_choices(directory, text):
    resolution = directory.gazetteer.resolve(text)
    assert resolution.status == "ambiguous" and not any("Wales" in option for option in resolution.options)
    assert any("Essex" in option for option in resolution.options)


@pytest.mark.parametrize("text", ["down", "going down"])
def test_a_county_word_without_county_is_no_place(directory, text):
    assert directory.gazetteer.resolve(text).area_code != "northern_ireland"


# --- Session 35: development authors D12 and D13 ----------------------------------------------------


@pytest.mark.parametrize(("text", "status", "area"), [
    ("Pt resides in Harlow CM19", "found", "west_essex"),  # the town settles a shared district
    ("Chelmsford – I know that's not West Essex, sorry.", "outside", "national"),  # was West Essex
    ("Stevenage – sorry, Knebworth, just outside.", "found", "herts"),  # was "outside our areas"
    ("not in harlow, in epping", "found", "west_essex"),
    ("im not sure, harlow", "found", "west_essex"),  # "sure" is no name: Harlow stays
    ("harlow not stevenage", "found", "west_essex"),
])
def test_names_said_not_and_the_words_of_a_professional(directory, text, status, area):
    result = directory.gazetteer.resolve(text)
    assert (result.status, result.area_code) == (status, area)


def test_a_name_said_not_is_never_guessed_at(directory):
    """"not harlow" was Old Harlow, a fuzzy match of the two words."""
    assert directory.gazetteer.resolve("not harlow").status == "unknown"


@pytest.mark.parametrize("text", ["we are just outside your area", "just outside the areas you cover", "just outside"])
def test_just_outside_the_areas_is_still_somewhere_else(directory, text):
    """The review: these became "I don't know that place" with the first "just outside" change."""
    assert directory.gazetteer.resolve(text).status == "outside"
