# SPDX-License-Identifier: EUPL-1.2
"""One new-request form per instrument: the choice, each form's own fields and rules."""

import re

import pytest
from django.urls import reverse

from raadsloket.cases.models import Case
from tests.support.pages import page

pytestmark = pytest.mark.django_db

NEW = reverse("case_new")


def form_of(slug: str) -> str:
    return reverse("case_new_instrument", args=[slug])


def token_of(html: str) -> str:
    return re.search(r'name="submission_token" value="([^"]+)"', html).group(1)


BASE = {
    "title": "Parkeren bij scholen",
    "question": "Welke regels gelden er rond basisscholen?",
    "policy_area": "mobiliteit",
    "indienen": "1",
}


def test_the_choice_page_links_each_instrument_with_a_line_on_it(world, login):
    html = page(login(world["raadslid1"]), NEW)
    for slug in ("ambtelijke-bijstand", "technische-vraag", "schriftelijke-vragen"):
        assert f'href="{form_of(slug)}"' in html
    assert "motie, amendement of initiatiefvoorstel" in html
    assert 'name="question"' not in html


def test_an_old_link_with_instrument_goes_to_its_form(world, login):
    response = login(world["raadslid1"]).get(NEW + "?instrument=technical_question")
    assert response.status_code == 302 and response["Location"] == form_of("technische-vraag")


def test_each_form_shows_only_its_own_fields_and_rules(world, login):
    client = login(world["raadslid1"])
    technical = page(client, form_of("technische-vraag"))
    assert 'name="agenda_item"' in technical and 'name="meeting_date"' in technical
    assert "Uw technische vraag" in technical and "vóór de vergadering" in technical
    assert "art. 155 Gemeentewet) stelt u" not in technical
    written = page(client, form_of("schriftelijke-vragen"))
    assert 'name="agenda_item"' not in written and 'name="confidential"' not in written
    assert "Uw vragen aan het college of de burgemeester" in written
    assert "vóór de vergadering" not in written
    assistance = page(client, form_of("ambtelijke-bijstand"))
    assert 'name="agenda_item"' not in assistance and 'name="confidential"' not in assistance
    assert "Uw vraag of verzoek" in assistance and "openbaar: vragen en antwoord" not in assistance
    assert 'src="/static/raadsloket/combobox.js"' in assistance and "<script>" not in assistance


@pytest.mark.parametrize(
    ("slug", "instrument", "extra"),
    [
        ("ambtelijke-bijstand", "assistance", {}),
        ("technische-vraag", "technical_question", {"confidential": "on"}),
        ("schriftelijke-vragen", "written_question", {"agenda_item": "Begroting"}),
    ],
)
def test_each_form_files_its_own_instrument(world, login, slug, instrument, extra):
    client = login(world["raadslid1"])
    # A tampered instrument or a field of another form does not change what is filed.
    data = {**BASE, **extra, "instrument": "assistance" if slug != "ambtelijke-bijstand" else ""}
    response = client.post(form_of(slug), data)
    case = Case.objects.get()
    assert response.status_code == 302 and case.instrument == instrument
    assert case.state == "submitted" and case.agenda_item == ""


def test_co_requesters_are_checkboxes_that_work_without_javascript(world, login):
    client = login(world["raadslid1"])
    html = page(client, form_of("ambtelijke-bijstand"))
    fellow = world["raadslid2"]
    assert "<legend" in html and "Mede-indieners" in html
    assert f'type="checkbox" name="co_requesters" value="{fellow.pk}"' in html
    assert '<select name="co_requesters"' not in html
    client.post(form_of("ambtelijke-bijstand"), {**BASE, "co_requesters": [fellow.pk]})
    assert list(Case.objects.get().co_requesters.all()) == [fellow]


def test_bad_input_keeps_everything_typed_and_the_chosen_co_requester(world, login):
    client = login(world["raadslid1"])
    fellow = world["raadslid2"]
    url = form_of("technische-vraag")
    response = client.post(
        url, {**BASE, "title": "", "agenda_item": "Begroting", "co_requesters": [fellow.pk]}
    )
    html = response.content.decode()
    assert response.status_code == 422 and not Case.objects.exists()
    assert "Dit veld is verplicht" in html and BASE["question"] in html
    assert 'value="Begroting"' in html and "Vul agendapunt en vergaderdatum allebei in" in html
    assert re.search(rf'value="{fellow.pk}"[^>]*checked', html)


def test_a_second_submit_of_one_form_files_once(world, login):
    client = login(world["raadslid1"])
    url = form_of("schriftelijke-vragen")
    data = {**BASE, "submission_token": token_of(page(client, url))}
    client.post(url, data)
    again = client.post(url, data, follow=True)
    assert Case.objects.count() == 1 and "Dit verzoek is al ingediend." in again.content.decode()


def test_posting_to_the_old_address_still_files(world, login):
    client = login(world["raadslid1"])
    response = client.post(NEW, {**BASE, "instrument": "written_question"})
    assert response.status_code == 302 and Case.objects.get().instrument == "written_question"
