# SPDX-License-Identifier: EUPL-1.2
"""The griffie keeps the directory: adds, edits, hides and shows entries and writes what each
of its people helps with; a raadslid cannot; bad input gets a Dutch error and changes nothing."""

import pytest
from django.urls import reverse

from raadsloket.access.viewer import viewer_for
from raadsloket.audit.models import AuditEvent
from raadsloket.directory.models import Entry, GriffieHelp
from raadsloket.directory.search import helpers_for

pytestmark = pytest.mark.django_db

NEW = reverse("directory:new")


def rekenkamer(world) -> Entry:
    return Entry.objects.get(municipality=world.municipality, national_key="rekenkamer")


def form_data(entry: Entry, **changes) -> dict:
    data = {
        "name": entry.name,
        "category": entry.category,
        "purpose": entry.purpose,
        "website": entry.website,
        "phone": entry.phone,
        "email": entry.email,
        "provider": entry.provider,
    }
    return {**data, **changes}


def test_the_griffier_adds_local_contact_details_to_the_rekenkamer(world, login):
    entry = rekenkamer(world)
    client = login(world["griffier"])
    response = client.post(
        reverse("directory:edit", args=[entry.pk]),
        form_data(
            entry, email="rekenkamer@voorbeeld.example", website="https://rekenkamer.example"
        ),
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.email == "rekenkamer@voorbeeld.example"
    assert entry.updated_by == world["griffier"]
    event = AuditEvent.objects.filter(action="directory_entry_updated").latest("seq")
    assert set(event.detail["fields"]) == {"email", "website"}
    page = login(world["raadslid1"]).get(reverse("directory:detail", args=[entry.pk]))
    assert "rekenkamer@voorbeeld.example" in page.content.decode()


def test_a_raadslid_cannot_open_or_post_the_edit_pages(world, login):
    entry = rekenkamer(world)
    client = login(world["raadslid1"])
    edit = reverse("directory:edit", args=[entry.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, form_data(entry, name="Overgenomen")).status_code == 404
    assert client.get(NEW).status_code == 404
    hide = reverse("directory:visibility", args=[entry.pk, "verbergen"])
    assert client.post(hide).status_code == 404
    help_page = reverse("directory:edit_help", args=[world["griffier"].pk])
    assert client.post(help_page, {"helps_with": "alles"}).status_code == 404
    entry.refresh_from_db()
    assert (entry.name, entry.hidden) == ("Rekenkamer(commissie)", False)
    assert not GriffieHelp.objects.exists()
    # The griffie sees no edit link it cannot use... and the member sees none at all.
    page = client.get(reverse("directory:detail", args=[entry.pk])).content.decode()
    assert "Bewerken" not in page


def test_the_griffier_of_another_municipality_cannot_edit_ours(world, other_world, login):
    entry = rekenkamer(world)
    client = login(other_world["griffier"])
    response = client.post(reverse("directory:edit", args=[entry.pk]), form_data(entry, name="x"))
    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.name == "Rekenkamer(commissie)"


def test_bad_input_gets_dutch_errors_and_keeps_what_was_typed(world, login):
    client = login(world["griffier"])
    before = Entry.objects.count()
    response = client.post(
        NEW,
        {
            "name": "",
            "category": "geheim",
            "purpose": "Helpt met de omgevingswet",
            "website": "www zonder schema",
            "phone": "bel me",
            "email": "geen-adres",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    for message in (
        "Vul de naam in.",
        "Kies een van de categorieën uit de lijst.",
        "Vul een volledig webadres in dat begint met https://",
        "Een telefoonnummer bestaat uit cijfers",
        "Vul een geldig e-mailadres in",
    ):
        assert message in text
    assert "Helpt met de omgevingswet" in text
    assert Entry.objects.count() == before
    too_long = client.post(
        NEW, {"name": "Omgevingsloket", "category": "kennis", "purpose": "x" * 2001}
    )
    assert too_long.status_code == 400
    assert "het maximum is 2.000" in too_long.content.decode()
    assert Entry.objects.count() == before


def test_the_griffier_adds_an_entry_members_then_find(world, login):
    client = login(world["griffier"])
    response = client.post(
        NEW,
        {
            "name": "Omgevingsloket van de gemeente",
            "category": "kennis",
            "purpose": "Vragen over vergunningen en het omgevingsplan.",
            "phone": "14 0123",
        },
    )
    assert response.status_code == 302
    made = Entry.objects.get(name="Omgevingsloket van de gemeente")
    assert made.national_key == "" and made.municipality == world.municipality
    page = login(world["raadslid1"]).get(reverse("directory:index"), {"q": "vergunning"})
    assert "Omgevingsloket van de gemeente" in page.content.decode()


def test_a_hidden_entry_is_gone_for_members_and_their_advice_but_not_for_the_griffie(world, login):
    entry = rekenkamer(world)
    griffie = login(world["griffier"])
    hide = reverse("directory:visibility", args=[entry.pk, "verbergen"])
    assert griffie.post(hide).status_code == 302
    detail = reverse("directory:detail", args=[entry.pk])
    assert "Weer tonen aan raadsleden" in griffie.get(detail).content.decode()
    member = login(world["raadslid1"])
    assert member.get(detail).status_code == 404
    assert "Rekenkamer(commissie)" not in member.get(reverse("directory:index")).content.decode()
    question = "Klopt de jaarrekening van het zwembad wel, en waarom stijgt de begroting?"
    keys = {s.entry.national_key for s in helpers_for(viewer_for(world["raadslid1"]), question)}
    assert "rekenkamer" not in keys and "accountant" in keys
    griffie = login(world["griffier"])
    assert (
        griffie.post(reverse("directory:visibility", args=[entry.pk, "tonen"])).status_code == 302
    )
    assert login(world["raadslid1"]).get(detail).status_code == 200


def test_the_griffie_writes_what_a_raadsadviseur_helps_with(world, login):
    adviser = world["raadsadviseur"]
    client = login(world["griffier"])
    url = reverse("directory:edit_help", args=[adviser.pk])
    assert client.post(url, {"helps_with": "De begroting lezen"}).status_code == 302
    assert GriffieHelp.objects.get(person=adviser).helps_with == "De begroting lezen"
    too_long = client.post(url, {"helps_with": "x" * 2001})
    assert too_long.status_code == 400
    assert GriffieHelp.objects.get(person=adviser).helps_with == "De begroting lezen"
    # Only the griffie's people have a "helpt met": a raadslid's page does not exist.
    assert (
        client.get(reverse("directory:edit_help", args=[world["raadslid1"].pk])).status_code == 404
    )
    page = login(world["raadslid1"]).get(reverse("directory:index")).content.decode()
    assert "De begroting lezen" in page
