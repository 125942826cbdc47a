# SPDX-License-Identifier: EUPL-1.2
"""The register pages: lists with filters, "te laat" in words and with an icon, the item's page,
the forms that change a status, the on-time figures and the menu, per role."""

import pytest
from django.test import Client

from raadsloket.registers.models import Commitment

pytestmark = pytest.mark.django_db


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _numbers(response) -> list[str]:
    return [row["item"].number for row in response.context["rows"]]


def test_the_motion_list_marks_the_late_one_in_words_and_with_an_icon(scene):
    response = _client(scene.main["raadslid5"]).get("/registers/moties/")
    assert response.status_code == 200
    html = response.content.decode()
    assert sorted(_numbers(response)) == ["M-1", "M-2", "M-3", "M-4"]
    late_row = html[html.index(">M-1<") : html.index("</tr>", html.index(">M-1<"))]
    assert '<span aria-hidden="true">⚠&#xFE0E; </span>te laat</span>' in late_row
    on_time_row = html[html.index(">M-2<") : html.index("</tr>", html.index(">M-2<"))]
    assert "te laat" not in on_time_row
    assert 'class="utrecht-table-container" tabindex="0"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=in_progress", ["M-1", "M-2"]),
        ("?status=rejected", ["M-3"]),
        ("?te_laat=ja", ["M-1"]),
        ("?status=held&te_laat=ja", []),
    ],
)
def test_the_motion_list_filters(scene, query, expected):
    response = _client(scene.main["griffier"]).get(f"/registers/moties/{query}")
    assert sorted(_numbers(response)) == expected


def test_the_commitment_list_filters_by_portefeuillehouder_and_meeting(scene):
    client = _client(scene.main["griffier"])
    holder = scene.main["wethouder2"].pk
    response = client.get(f"/registers/toezeggingen/?portefeuillehouder={holder}")
    assert [row["item"].title for row in response.context["rows"]] == ["Notitie over parkeren"]
    assert ("Portefeuillehouder", scene.main["wethouder2"].display_name) in response.context[
        "active"
    ]
    meeting = scene["late_commitment"].meeting_date.isoformat()
    response = client.get(f"/registers/toezeggingen/?vergadering={meeting}")
    assert len(response.context["rows"]) == 3
    response = client.get("/registers/toezeggingen/?vergadering=2026-02-31&status=kwijt")
    assert response.context["chosen"].errors == (
        "Onbekende status; het filter op status is weggelaten.",
        "Ongeldige vergaderdatum; gebruik jjjj-mm-dd. Dat filter is weggelaten.",
    )
    assert len(response.context["rows"]) == 3


def test_a_concept_initiative_is_not_listed_or_shown_to_other_members(scene):
    concept = scene["concept"]
    outsider = _client(scene.main["raadslid5"])
    assert (
        "GEHEIM-CONCEPT" not in outsider.get("/registers/initiatiefvoorstellen/").content.decode()
    )
    assert outsider.get(concept.get_absolute_url()).status_code == 404
    submitter = _client(scene.main["raadslid2"])
    assert submitter.get(concept.get_absolute_url()).status_code == 200


def test_another_municipality_and_an_anonymous_visitor_do_not_get_the_item(scene):
    url = scene["late_motion"].get_absolute_url()
    assert _client(scene.other["griffier"]).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/inloggen/")
    html = _client(scene.other["griffier"]).get("/registers/moties/").content.decode()
    assert ">M-1<" not in html and ">DM-1<" in html


def test_the_item_page_shows_votes_and_the_actions_of_the_role(scene):
    motion = scene["late_motion"]
    html = _client(scene.main["collegecontact"]).get(motion.get_absolute_url()).content.decode()
    assert "Stemming per fractie" in html
    assert '<strong><span aria-hidden="true">⚠&#xFE0E; </span>te laat</strong>' in html
    assert "Collegebrief registreren: afgedaan" in html
    html = _client(scene.main["raadslid5"]).get(motion.get_absolute_url()).content.decode()
    assert "Wat u kunt doen" not in html


def test_a_commitment_is_proposed_and_decided_through_the_pages(scene):
    commitment = scene["open_commitment"]
    url = commitment.get_absolute_url()
    college = _client(scene.main["collegecontact"])
    response = college.post(f"{url}/voorstellen-afgedaan", {"note": "kort"})
    assert response.status_code == 422
    assert "ten minste 10 tekens" in response.content.decode()
    response = college.post(f"{url}/voorstellen-afgedaan", {"note": "De notitie is verstuurd."})
    assert response.status_code == 302
    assert _client(scene.main["raadslid5"]).post(f"{url}/besluiten", {}).status_code == 403
    griffie = _client(scene.main["griffier"])
    response = griffie.post(f"{url}/besluiten", {"accept": "ja", "reference": "Raad 5-5-2026"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.DONE
    # A second decision is the wrong step: the page does not offer it.
    assert griffie.get(url).context["actions"] == []


def test_the_griffie_records_a_motion_through_the_page(scene):
    client = _client(scene.main["griffier"])
    assert client.get("/registers/moties/nieuw").status_code == 200
    response = client.post(
        "/registers/moties/nieuw",
        {
            "number": "M-99",
            "title": "Motie over bankjes",
            "meeting_date": "2026-03-12",
            "outcome": "adopted",
            "submitters": [scene.main["raadslid1"].pk],
        },
    )
    assert response.status_code == 422
    assert "Een aangenomen motie krijgt een uitvoerend portefeuillehouder." in (
        response.content.decode()
    )
    assert _client(scene.main["raadslid1"]).get("/registers/moties/nieuw").status_code == 403


def test_the_figures_are_for_the_griffie_and_presidium(scene):
    response = _client(scene.main["griffier"]).get("/registers/tijdigheid")
    assert response.status_code == 200
    rows = {(row.holder, row.kind): row for row in response.context["rows"]}
    holder = scene.main["wethouder1"].display_name
    assert rows[(holder, "motie")].open_overdue == 1
    assert rows[(holder, "toezegging")].on_time == 1
    assert rows[(holder, "toezegging")].open_overdue == 1
    assert rows[(holder, "toezegging")].rate == 50
    assert _client(scene.main["wethouder1"]).get("/registers/tijdigheid").status_code == 403


@pytest.mark.parametrize(
    ("username", "linked"),
    [("griffier", True), ("raadslid5", True), ("collegecontact", True), ("ambtenaar1", False)],
)
def test_the_menu_links_the_registers_for_the_roles_that_use_them(scene, username, linked):
    html = _client(scene.main[username]).get("/").content.decode()
    assert ('href="/registers/"' in html) is linked


def test_the_college_contact_registers_the_letter_and_members_download_it(scene):
    from django.core.files.uploadedfile import SimpleUploadedFile

    motion = scene["open_motion"]
    url = motion.get_absolute_url()
    college = _client(scene.main["collegecontact"])
    fake = SimpleUploadedFile("brief.pdf", b"geen pdf", content_type="application/pdf")
    response = college.post(f"{url}/afdoen", {"letter": fake})
    assert response.status_code == 422
    assert "geen geldig PDF-bestand" in response.content.decode()
    letter = SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n% brief\n", content_type="application/pdf")
    assert college.post(f"{url}/afdoen", {"letter": letter}).status_code == 302
    motion.refresh_from_db()
    assert motion.execution == motion.Execution.DONE
    download = _client(scene.main["raadslid5"]).get(f"{url}/collegebrief")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert _client(scene.other["griffier"]).get(f"{url}/collegebrief").status_code == 404


def test_the_submitters_work_on_their_concept_and_then_submit_it(scene):
    concept = scene["concept"]
    url = concept.get_absolute_url()
    submitter = _client(scene.main["raadslid2"])
    form = submitter.get(f"{url}/bewerken")
    assert form.context["form"].initial["title"] == concept.title
    text = "Een herschreven voorstel voor groen in elke wijk, met ambtelijke bijstand."
    response = submitter.post(f"{url}/bewerken", {"title": "Groen in de wijk", "text": text})
    assert response.status_code == 302
    assert _client(scene.main["raadslid5"]).get(f"{url}/bewerken").status_code == 404
    assert submitter.post(f"{url}/indienen", {}).status_code == 302
    concept.refresh_from_db()
    assert (concept.title, concept.status) == ("Groen in de wijk", "submitted")
    assert _client(scene.main["raadslid5"]).get(url).status_code == 200
    assert "bewerken" not in dict(submitter.get(url).context["actions"])
