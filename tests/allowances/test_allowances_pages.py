# SPDX-License-Identifier: EUPL-1.2
"""Mijn vergoeding, the politiek-verlof letter and the griffie's amounts (toolkit, "Vergoeding en
politiek verlof"), as the people of Gemeente Voorbeeld (60.000 inwoners: klasse 5) see them."""

import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from raadsloket.access.viewer import viewer_for
from raadsloket.allowances import services
from raadsloket.allowances.models import AllowanceAmount, ExtraRole
from raadsloket.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

INDEX = reverse("allowances:index")
LEAVE = reverse("allowances:leave")
AMOUNTS = reverse("allowances:amounts")


def text(response) -> str:
    return response.content.decode()


def test_a_member_sees_the_vergoeding_of_the_municipalitys_class_with_year_and_source(world, login):
    page = text(login(world["raadslid2"]).get(INDEX))
    assert "60.000 inwoners, inwonersklasse 5" in page
    assert "€ 1.324,40 per maand" in page
    assert "Bedragen van 2020." in page
    assert "Representatie" in page and "Fooi in Nederland" in page
    assert "7:643" in page
    assert "geen functie met een extra toelage" in page


def test_a_fractievoorzitter_and_a_committee_seat_show_as_extra_toelagen(world, login):
    chair = world["raadslid1"]
    services.assign_extra_role(
        viewer_for(world["griffier"]),
        world["griffier"],
        chair,
        ExtraRole.Kind.INQUIRY_COMMITTEE,
        since=date(2026, 1, 1),
        description="Onderzoekscommissie jeugdzorg",
    )
    page = text(login(chair).get(INDEX))
    assert "Extra toelage: Fractievoorzitter" in page
    assert "Extra toelage: Lid van een onderzoekscommissie (Onderzoekscommissie jeugdzorg)" in page
    assert "De griffie weet het" in page


def test_an_amount_in_the_profile_is_shown_per_month(world, login):
    municipality = world.municipality
    municipality.policy_overrides = {"allowances": {"fractie_chair": "254.57", "expenses": "99.5"}}
    municipality.save()
    page = text(login(world["raadslid1"]).get(INDEX))
    assert "€ 254,57 per maand" in page
    assert "€ 99,50 per maand" in page


def test_the_griffie_records_the_indexed_amounts_of_a_new_year(world, login):
    client = login(world["griffier"])
    data = {"year": "2027", "source": "Circulaire BZK 2027"}
    data |= {f"klasse_{label}": "1.400,10" for label in ("1-4", "6", "7", "8", "9")}
    data["klasse_5"] = "1.350,25"
    response = client.post(AMOUNTS, data)
    assert response.status_code == 302
    assert AllowanceAmount.objects.filter(year=2027).count() == 6
    assert AuditEvent.objects.filter(action="allowances.amounts_set").exists()
    page = text(login(world["raadslid2"]).get(INDEX))
    assert "€ 1.350,25 per maand" in page
    assert "Bedragen van 2027. Bron: Circulaire BZK 2027." in page


def test_a_bad_amount_is_refused_in_dutch_and_nothing_is_recorded(world, login):
    client = login(world["griffier"])
    data = {"year": "2027", "source": "Circulaire"}
    data |= {f"klasse_{label}": "1400" for label in ("1-4", "5", "6", "7", "8")}
    data["klasse_9"] = "veel"
    response = client.post(AMOUNTS, data)
    assert response.status_code == 400
    assert "Vul een bedrag in zoals 1.234,56 of 1234.56." in text(response)
    assert 'value="Circulaire"' in text(response)
    assert not AllowanceAmount.objects.exists()


@pytest.mark.parametrize("name", ["raadslid2", "griffier"])
def test_a_member_and_the_griffie_reach_the_page_from_the_start_page(world, login, name):
    start = text(login(world[name]).get("/"))
    assert (f'href="{INDEX}"' in start) == (name == "raadslid2")
    assert login(world[name]).get(INDEX).status_code == 200


@pytest.mark.parametrize(
    "name", ["wethouder1", "burgemeester", "ambtenaar1", "beheerder", "fractiemedewerker1"]
)
def test_the_college_and_the_civil_service_find_no_vergoeding_page(world, login, name):
    client = login(world[name])
    assert client.get(INDEX).status_code == 404
    assert client.get(LEAVE).status_code == 404
    assert client.get("/api/v1/allowances/mine").status_code == 404


def test_the_griffie_has_no_own_figures_and_no_letter(world, login):
    client = login(world["griffier"])
    assert client.get(LEAVE).status_code == 404
    assert client.get("/api/v1/allowances/mine").status_code == 404
    assert client.get("/api/v1/allowances/table").json()["classes"][1]["amount"] == "1324.40"


def test_a_member_reads_their_own_figures_in_the_api(world, login):
    data = login(world["raadslid1"]).get("/api/v1/allowances/mine").json()
    assert data["population_class"] == "5"
    assert data["monthly"] == "1324.40"
    assert data["year"] == 2020
    assert [extra["kind"] for extra in data["extras"]] == ["fractie_chair"]


LETTER = {
    "employer_name": "Bakkerij De Korenaar",
    "employer_address": "Dorpsstraat 1",
    "hours": "7,5",
}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) is missing")
def test_the_politiek_verlof_letter_is_a_pdf_with_the_members_name_and_the_article(
    world, login, tmp_path
):
    member = world["raadslid2"]
    response = login(member).post(LEAVE, LETTER)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "brief.pdf"
    path.write_bytes(response.content)
    letter = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    letter = " ".join(letter.split())
    assert member.display_name in letter
    assert "Gemeente Voorbeeld" in letter and member.fractie.name in letter
    assert "7:643" in letter and "Burgerlijk Wetboek" in letter
    assert "7,5 uur per week" in letter
    assert "Bakkerij De Korenaar" in letter
    assert AuditEvent.objects.filter(action="allowances.leave_letter").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"employer_name": ""}, "Vul de naam van uw werkgever in."),
        ({"hours": "veel"}, "Vul een aantal uren in, bijvoorbeeld 7,5."),
        ({"hours": "41"}, "Vraag hoogstens 40 uur per week."),
        ({"hours": "7,55"}, "Hoogstens één cijfer achter de komma"),
    ],
)
def test_a_bad_letter_form_is_refused_in_dutch_and_keeps_what_was_typed(
    world, login, change, message
):
    response = login(world["raadslid2"]).post(LEAVE, LETTER | change)
    assert response.status_code == 400
    assert message in text(response)
    assert "Dorpsstraat 1" in text(response)


def test_the_griffie_records_and_ends_an_extra_toelage(world, login):
    client = login(world["griffier"])
    member = world["raadslid3"]
    response = client.post(
        reverse("allowances:add_role"),
        {"person": member.pk, "kind": "audit_office", "since": "2026-02-01", "description": ""},
    )
    assert response.status_code == 302
    row = ExtraRole.objects.get(person=member)
    assert row.kind == "audit_office"
    assert client.post(reverse("allowances:end_role", args=[row.pk])).status_code == 302
    assert not ExtraRole.objects.exists()


def test_the_griffie_of_another_municipality_cannot_end_a_toelage_here(world, other_world, login):
    row = services.assign_extra_role(
        viewer_for(world["griffier"]),
        world["griffier"],
        world["raadslid3"],
        "special_committee",
        since=date(2026, 1, 1),
    )
    client = login(other_world["griffier"])
    assert client.post(reverse("allowances:end_role", args=[row.pk])).status_code == 404
    assert ExtraRole.objects.filter(pk=row.pk).exists()
    assert Decimal(client.get("/api/v1/allowances/table").json()["classes"][0]["amount"])
