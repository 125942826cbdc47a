# SPDX-License-Identifier: EUPL-1.2
"""The griffier's installation page (dry run table, confirm), who may open it, the onboarding
checklist of a new member, and the invitation by which they choose a password."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raadsloket.access.viewer import viewer_for
from raadsloket.council_term.models import ChecklistTick, Installation, Invitation
from raadsloket.council_term.services import install
from raadsloket.organisation.models import Person
from tests.council_term.scene import csv_bytes, open_requests

pytestmark = pytest.mark.django_db
INDEX = reverse("council_term:index")


def upload(client, content: bytes, name: str = "geloofsbrieven.csv", on: str = "14-04-2026"):
    return client.post(INDEX, {"file": SimpleUploadedFile(name, content, "text/csv"), "on": on})


@pytest.mark.parametrize(
    "who", ["raadsadviseur", "raadslid1", "burgemeester", "wethouder1", "ambtenaar1", "beheerder"]
)
def test_only_the_griffier_opens_the_installation_page(login, world, who):
    client = login(world[who])
    assert client.get(INDEX).status_code == 403
    assert upload(client, csv_bytes(world)).status_code == 403
    assert client.get(reverse("council_term:template")).status_code == 403
    assert Installation.objects.count() == 0


def test_someone_not_signed_in_is_sent_to_the_login(client):
    response = client.get(INDEX)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_griffier_of_another_municipality_cannot_install_here(login, world, other_world):
    client = login(other_world["griffier"])
    response = upload(client, csv_bytes(world))
    assert response.status_code == 422
    assert "hoort bij iemand van een andere gemeente" in response.content.decode()
    assert Installation.objects.count() == 0


def test_the_dry_run_page_shows_the_change_and_the_confirmation_applies_it(login, world):
    open_requests(world)
    client = login(world["griffier"])
    page = client.get(reverse("home")).content.decode()
    assert INDEX in page
    response = upload(client, csv_bytes(world))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Fatima El Amrani",
        "Nieuwe Partij",
        "fractie houdt op",
        "Er is nog niets veranderd",
        "fractie VVD → D66",
    ):
        assert text in html
    assert Installation.objects.count() == 0
    token = re.search(r'name="bestand" value="([^"]+)"', html).group(1)
    leaving = world["raadslid2"].pk
    # The griffier chooses to close raadslid2's requests instead of passing them.
    again = client.post(INDEX, {"bestand": token, "opnieuw": "ja", f"opvolger-{leaving}": "0"})
    assert "afgesloten door de griffie, met reden" in again.content.decode()
    assert Installation.objects.count() == 0
    done = client.post(INDEX, {"bestand": token, "bevestig": "ja", f"opvolger-{leaving}": "0"})
    assert done.status_code == 200
    body = done.content.decode()
    assert "De nieuwe raad is geïnstalleerd." in body
    assert "/raadsperiode/uitnodiging/" in body
    assert "0 van 7 onderdelen afgevinkt" in body  # the new members, ready to onboard
    assert Installation.objects.count() == 1
    # Confirming the same dry run again changes nothing.
    client.post(INDEX, {"bestand": token, "bevestig": "ja"})
    assert Installation.objects.count() == 1


def test_bad_files_on_the_page_get_dutch_messages(login, world):
    client = login(world["griffier"])
    xlsx = upload(client, b"PK\x03\x04rest", name="raad.xlsx")
    assert xlsx.status_code == 422 and "Excel-bestand" in xlsx.content.decode()
    bad_day = upload(client, csv_bytes(world), on="31-02-2026")
    assert (
        bad_day.status_code == 422 and "Schrijf de datum als dd-mm-jjjj" in bad_day.content.decode()
    )
    forged = client.post(INDEX, {"bestand": "vervalst", "bevestig": "ja"}, follow=True)
    assert "verlopen of onjuist" in forged.content.decode()
    assert Installation.objects.count() == 0


def test_the_template_downloads_as_csv(login, world):
    response = login(world["griffier"]).get(reverse("council_term:template"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("naam,e-mail,fractie,rol,ingangsdatum")


@pytest.fixture
def installed(world):
    clerk = world["griffier"]
    plan = install(
        viewer_for(clerk), clerk, "raad.csv", csv_bytes(world), on=date.today(), dry_run=False
    )
    person = Person.objects.get(email="fatima.elamrani@example.org")
    token = next(token for who, token in plan.invitations if who == person)
    return person, token


def test_the_invitation_sets_the_password_once_and_ticks_the_account(client, world, installed):
    person, token = installed
    url = reverse("council_term:invitation", args=[token])
    assert client.get(url).status_code == 200
    weak = client.post(url, {"new_password1": "Raad-2026-een!", "new_password2": "Raad-2026-twee!"})
    assert weak.status_code == 200 and not Person.objects.get(pk=person.pk).has_usable_password()
    strong = "Raad-2026-installatie!"
    response = client.post(url, {"new_password1": strong, "new_password2": strong})
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).check_password(strong)
    assert ChecklistTick.objects.filter(person=person, item="account").exists()
    assert client.get(url).status_code == 404
    assert client.get(reverse("council_term:invitation", args=["geraden"])).status_code == 404
    assert Invitation.objects.get(person=person).used_at is not None


def test_the_new_member_and_the_griffie_tick_the_checklist_others_see_nothing(
    login, world, installed
):
    person, _ = installed
    own = login(person)
    home = own.get(reverse("home")).content.decode()
    assert reverse("council_term:own_checklist") in home
    page = own.get(reverse("council_term:own_checklist")).content.decode()
    for title in (
        "Tweestapsverificatie",
        "Ken je instrumenten",
        "Vergoeding",
        "Opleidingen",
        "Veiligheid",
    ):
        assert title in page
    tick = reverse("council_term:tick", args=[person.pk])
    own.post(tick, {"item": "instruments", "done": "on"})
    own.post(tick, {"item": "instruments", "done": "on"})  # twice: one tick
    assert ChecklistTick.objects.filter(person=person).count() == 1
    griffie = login(world["raadsadviseur"])
    assert (
        "Ken je instrumenten"
        in griffie.get(reverse("council_term:checklist", args=[person.pk])).content.decode()
    )
    griffie.post(tick, {"item": "safety", "done": "on"})
    assert (
        ChecklistTick.objects.get(person=person, item="safety").ticked_by == world["raadsadviseur"]
    )
    for outsider in ("raadslid3", "burgemeester", "ambtenaar1"):
        client = login(world[outsider])
        assert client.get(reverse("council_term:checklist", args=[person.pk])).status_code == 404
        assert client.post(tick, {"item": "vergoeding", "done": "on"}).status_code == 404
    assert login(world["raadslid3"]).get(reverse("council_term:own_checklist")).status_code == 404
    assert not ChecklistTick.objects.filter(item="vergoeding").exists()


def test_the_checklist_in_the_api(login, world, installed):
    person, _ = installed
    client = login(person)
    response = client.get("/api/v1/council-term/checklist")
    assert response.status_code == 200 and response.json()["total"] == 7
    ticked = client.post(
        "/api/v1/council-term/checklist/training", {"done": True}, content_type="application/json"
    )
    assert ticked.status_code == 200 and ticked.json()["done"] == 1
    assert login(world["raadslid3"]).get("/api/v1/council-term/checklist").status_code == 404


def test_confirming_a_two_factor_device_ticks_the_checklist(world, installed):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    person, _ = installed
    device = TOTPDevice.objects.create(user=person, name="raadsloket", confirmed=False)
    assert not ChecklistTick.objects.filter(person=person, item="two_factor").exists()
    device.confirmed = True
    device.save()
    assert ChecklistTick.objects.filter(person=person, item="two_factor").exists()
    # A device of someone without a checklist ticks nothing.
    TOTPDevice.objects.create(user=world["raadslid3"], name="raadsloket", confirmed=True)
    assert not ChecklistTick.objects.filter(person=world["raadslid3"]).exists()
