# SPDX-License-Identifier: EUPL-1.2
"""Dutch text tools and the TF-IDF index that "is dit al eerder gevraagd?" reuses."""

from raadsloket.lib.text import STOPWORDS, TfidfIndex, normalise, stem, stems, tokenise


def test_normalise_keeps_dutch_words_readable():
    assert normalise("  De Raadsenquête   over   FINANCIËN ") == "de raadsenquete over financien"
    assert normalise("geïnterpelleerd") == "geinterpelleerd"
    assert normalise("ĳsbaan") == "ijsbaan"
    assert normalise("auto’s") == "auto's"


def test_tokenise_keeps_b_en_w_and_joins_the_plural_s():
    assert tokenise("Het college van B&W en de auto's.") == [
        "het",
        "college",
        "van",
        "b&w",
        "en",
        "de",
        "autos",
    ]
    assert tokenise("Hoe vindt het college dat?", keep_stopwords=False) == [
        "hoe",
        "vindt",
        "college",
    ]


def test_question_words_are_not_stopwords():
    # They tell what a member asks for: facts ("hoeveel"), a reason ("waarom"), ...
    assert not {"hoe", "wat", "waarom", "wie", "niet", "geen"} & STOPWORDS
    assert {"de", "het", "een", "en"} <= STOPWORDS


def test_stemming_groups_forms_of_a_word():
    assert stem("amendementen") == stem("amendement")
    assert stem("verklaren") == stem("verklaring")
    assert stem("wethouders") == stem("wethouder")


def test_gemeente_does_not_collapse_into_mening():
    # The snowball stemmer strips "ge-": "gemeente" and "mening" would both become "meen".
    assert stem("gemeente") == stem("gemeenten") == "gemeente"
    assert stem("mening") != stem("gemeente")


def test_stems_drop_stopwords():
    assert stems("De kosten van het leerlingenvervoer") == [
        stem("kosten"),
        stem("leerlingenvervoer"),
    ]


def test_the_most_similar_text_comes_first():
    index: TfidfIndex[int] = TfidfIndex()
    index.add(1, "Hoeveel kinderen maken gebruik van het leerlingenvervoer?")
    index.add(2, "Wat kost de renovatie van het zwembad?")
    index.add(3, "Hoeveel bomen worden er gekapt langs de rondweg?")
    index.build()

    hits = index.query("Hoeveel kinderen gebruiken leerlingenvervoer in onze gemeente?")

    assert [key for key, _ in hits][0] == 1
    assert hits[0][1] > hits[-1][1] > 0
    assert all(0 < score <= 1 for _, score in hits)


def test_query_limits_to_allowed_keys_and_to_k():
    index: TfidfIndex[str] = TfidfIndex()
    for key, text in {
        "a": "parkeren in de binnenstad",
        "b": "parkeervergunning voor bewoners van de binnenstad",
        "c": "parkeren bij het station",
    }.items():
        index.add(key, text)

    assert [key for key, _ in index.query("parkeren binnenstad", k=1)] == ["a"]
    assert [key for key, _ in index.query("parkeren binnenstad", allowed={"c"})] == ["c"]
    assert index.query("windmolens op zee") == []


def test_an_identical_text_scores_one_and_replacing_a_text_rebuilds():
    index: TfidfIndex[str] = TfidfIndex()
    index.add("x", "sluiting van de bibliotheek")
    index.add("y", "opening van het zwembad")

    assert index.query("sluiting van de bibliotheek")[0] == ("x", 1.0)
    index.add("x", "verkeersveiligheid rond scholen")
    assert [key for key, _ in index.query("sluiting bibliotheek")] == []
    index.remove("y")
    assert len(index) == 1 and "y" not in index
