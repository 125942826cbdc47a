# SPDX-License-Identifier: EUPL-1.2
"""Wie helpt mij? as a member reads it (toolkit seed, "Gebruik je ondersteuning"): the national
entries in every municipality, search with Dutch stems, the instrumentenwijzer's suggestions,
the link to the opleidingsbudget, and the pages the crawler reaches."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from raadsloket.access.viewer import viewer_for
from raadsloket.directory import national
from raadsloket.directory.models import Category, Entry
from raadsloket.directory.search import helpers_for
from raadsloket.organisation.models import Municipality
from tests.support.crawl import crawl_site

pytestmark = pytest.mark.django_db

INDEX = reverse("directory:index")


@pytest.fixture
def as_(client):
    def login(person):
        client.logout()
        client.force_login(person)
        return client

    return login


def entry(world, key: str) -> Entry:
    return Entry.objects.get(municipality=world.municipality, national_key=key)


def test_a_new_municipality_has_every_national_entry_with_the_seeds_contact_details():
    made = Municipality.objects.create(name="Gemeente Nieuw", slug="nieuw", inhabitants=9000)
    keys = set(Entry.objects.filter(municipality=made).values_list("national_key", flat=True))
    assert keys == {item.key for item in national.entries()}
    for key in (
        "griffie",
        "rekenkamer",
        "accountant",
        "auditcommissie",
        "vng",
        "nvvr",
        "nvvr-vertrouwenspersoon",
        "bzk-helpdesk",
        "kennispunt",
        "cbs",
        "scp",
        "pbl",
        "waarstaatjegemeente",
        "leefbarometer",
        "vng-klantcontactcentrum",
    ):
        assert key in keys
    kcc = Entry.objects.get(municipality=made, national_key="vng-klantcontactcentrum")
    assert (kcc.phone, kcc.email) == ("070-373 8393", "info@vng.nl")
    assert Entry.objects.get(municipality=made, national_key="bzk-helpdesk").email == (
        "helpdeskpa@minbzk.nl"
    )
    # The seed gives the rekenkamer no contact details: none are invented.
    rekenkamer = Entry.objects.get(municipality=made, national_key="rekenkamer")
    assert (rekenkamer.phone, rekenkamer.email, rekenkamer.website) == ("", "", "")
    # Installing again adds nothing and keeps what the griffie changed.
    rekenkamer.purpose = "Eigen tekst"
    rekenkamer.save()
    assert national.install(made) == 0
    assert Entry.objects.get(pk=rekenkamer.pk).purpose == "Eigen tekst"


def test_search_finds_the_rekenkamer_by_a_plural_and_lists_the_griffie_people(town, as_):
    world, _ = town
    page = as_(world["raadslid1"]).get(INDEX, {"q": "rekenkamers"}).content.decode()
    results = page.split('id="kop-resultaten"')[1]
    assert "Rekenkamer(commissie)" in results
    assert "Leefbarometer" not in results
    # The griffie's people, with their "helpt met" (demo), on the page without a query.
    page = as_(world["raadslid1"]).get(INDEX).content.decode()
    assert world["raadsadviseur"].display_name in page
    assert "Moties, amendementen en initiatiefvoorstellen schrijven" in page


def test_search_finds_a_person_of_the_griffie_by_what_they_help_with(town, as_):
    world, _ = town
    page = as_(world["raadslid1"]).get(INDEX, {"q": "amendement"}).content.decode()
    griffie = page.split('id="griffie"')[1].split("</section>")[0]
    assert world["raadsadviseur"].display_name in griffie
    assert world["raadsadviseur2"].display_name not in griffie


def test_a_category_shows_only_its_entries_and_an_unknown_one_says_so(town, as_):
    world, _ = town
    client = as_(world["raadslid1"])
    page = client.get(INDEX, {"categorie": Category.KNOWLEDGE}).content.decode()
    assert "Centraal Bureau voor de Statistiek" in page
    assert "Rekenkamer(commissie)" not in page
    page = client.get(INDEX, {"categorie": "geheim"}).content.decode()
    assert "Onbekende categorie" in page
    assert "Rekenkamer(commissie)" in page


def test_a_member_reads_no_other_municipalitys_entries(town, as_):
    world, other = town
    foreign = entry(other, "rekenkamer")
    assert (
        as_(world["raadslid1"]).get(reverse("directory:detail", args=[foreign.pk])).status_code
        == 404
    )
    response = as_(world["raadslid1"]).get("/api/v1/directory/entries", {"q": "rekenkamer"})
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert entry(world, "rekenkamer").pk in ids and foreign.pk not in ids


def test_the_api_searches_by_stem_and_refuses_an_unknown_category_in_dutch(town, as_):
    world, _ = town
    client = as_(world["raadslid1"])
    found = client.get("/api/v1/directory/entries", {"q": "statistieken"}).json()
    names = [item["name"] for item in found["items"]]
    # The word in the name counts most: the municipality's own team first, then the CBS.
    assert names[:2] == [
        "Team Onderzoek en Statistiek van de gemeente",
        "Centraal Bureau voor de Statistiek (CBS)",
    ]
    wrong = client.get("/api/v1/directory/entries", {"category": "geheim"})
    assert wrong.status_code == 422
    assert "opleiding" in wrong.content.decode()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Ik wil weten waarom de begroting voor het zwembad elk jaar wordt overschreden en "
            "of de jaarrekening klopt.",
            {"rekenkamer", "accountant"},
        ),
        (
            "Ik word sinds de raadsvergadering bedreigd en geintimideerd via sociale media, "
            "wat moet ik doen?",
            {"burgemeester", "nvvr-vertrouwenspersoon", "politie"},
        ),
        (
            "Waar vind ik cijfers en statistiek over de leefbaarheid in mijn wijk?",
            {"cbs", "waarstaatjegemeente"},
        ),
    ],
)
def test_the_advisor_suggests_who_helps_with_the_need(town, question, expected):
    world, _ = town
    keys = {
        item.entry.national_key for item in helpers_for(viewer_for(world["raadslid1"]), question)
    }
    assert expected <= keys


def test_the_instrumentenwijzer_page_shows_wie_kan_mij_hiermee_helpen(town, as_):
    world, _ = town
    question = "Ik word bedreigd door een inwoner na mijn motie, wie kan mij helpen?"
    page = as_(world["raadslid1"]).post(reverse("instrument_guide"), {"vraag": question})
    text = page.content.decode()
    assert "Wie kan mij hiermee helpen?" in text
    section = text.split('id="kop-wie-helpt"')[1].split("</section>")[0]
    assert "Burgemeester" in section and "Vertrouwenspersoon van de NVvR" in section


def test_a_course_opens_the_training_request_prefilled(town, as_):
    world, _ = town
    course = entry(world, "raadsacademie")
    client = as_(world["raadslid1"])
    page = client.get(reverse("directory:detail", args=[course.pk])).content.decode()
    link = re.search(r'href="(/opleidingen/aanvragen/nieuw\?[^"]+)"', page)
    assert link and "Vraag opleidingsbudget aan" in page
    url = link.group(1).replace("&amp;", "&")
    assert parse_qs(urlparse(url).query)["aanbieder"] == ["Nederlandse Vereniging voor Raadsleden"]
    form = client.get(url).content.decode()
    assert 'value="Raadsacademie en opleidingengids (NVvR)"' in form
    assert 'value="Nederlandse Vereniging voor Raadsleden"' in form
    # Not a course: no button. The griffier (who asks no budget of their own): no button.
    other = entry(world, "cbs")
    assert (
        "Vraag opleidingsbudget aan"
        not in client.get(reverse("directory:detail", args=[other.pk])).content.decode()
    )
    griffier = as_(world["griffier"]).get(reverse("directory:detail", args=[course.pk]))
    assert "Vraag opleidingsbudget aan" not in griffier.content.decode()


def test_the_training_form_ignores_a_prefill_that_is_too_long_or_not_text(town, as_):
    world, _ = town
    client = as_(world["raadslid1"])
    form = client.get(
        reverse("training:new"), {"opleiding": "x" * 201, "aanbieder": "VNG\x00"}
    ).content.decode()
    assert "x" * 201 not in form
    assert 'value="VNG' not in form


def test_the_crawler_reaches_the_directory_pages_from_the_start_page(town, client):
    world, _ = town
    for username in ("raadslid1", "griffier"):
        client.logout()
        client.force_login(world[username])
        # From the start page, only the directory's own links are followed: the question is
        # whether a member gets there by clicking, not what the rest of the site holds (the
        # access crawls read everything).
        crawl = crawl_site(client, ["/"], 400, follow=("/ondersteuning",))
        reached = {url for url, response, _ in crawl.pages if response.status_code == 200}
        assert INDEX in reached
        assert any(re.fullmatch(r"/ondersteuning/\d+", url) for url in reached)
        if username == "griffier":
            assert any(url.endswith("/bewerken") and "/ondersteuning/" in url for url in reached)
