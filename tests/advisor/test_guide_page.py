# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer page: a need from the questionnaire or a question in words, with a
Dutch message for anything else."""

import re

import pytest
from django.test import Client

from raadsloket.advisor import questionnaire

pytestmark = pytest.mark.django_db


def test_a_chosen_need_gives_the_advice_for_it(client, world):
    client.force_login(world["raadslid1"])
    need = questionnaire.NEEDS[0]
    page = client.get("/instrumentenwijzer/", {"behoefte": need.code})
    assert page.status_code == 200
    assert page.context["chosen_need"] == need.code
    assert page.context["advice"].instrument == questionnaire.advise_need(need.code).instrument


def test_an_unknown_need_is_refused_in_dutch_without_advice(client, world):
    client.force_login(world["raadslid1"])
    page = client.get("/instrumentenwijzer/", {"behoefte": "bestaat-niet"})
    assert page.status_code == 200
    assert page.context["error"] == "Kies een van de genoemde behoeften."
    assert "advice" not in page.context


def test_a_very_long_question_is_read_from_its_start(client, world):
    client.force_login(world["raadslid1"])
    text = "Hoeveel kost het leerlingenvervoer per leerling in deze gemeente? " * 400
    page = client.post("/instrumentenwijzer/", {"vraag": text})
    assert page.status_code == 200
    assert len(page.context["text"]) == 10_000
    assert page.context["advice"].instrument


CONFIDENTIAL = "Hoeveel kost het vertrouwelijke bod op het pand aan de Havenstraat in totaal?"


def urls_in(html: str) -> list[str]:
    """Every URL the page links, loads or sends a form to."""
    return re.findall(r'(?:href|src|action|hx-post|hx-get)="([^"]*)"', html)


def test_the_question_is_posted_and_the_advice_is_the_response_without_it_in_any_url(client, world):
    client.force_login(world["raadslid1"])
    form_page = client.get("/instrumentenwijzer/").content.decode()
    assert re.search(r'<form method="post" action="/instrumentenwijzer/"', form_page)
    assert 'name="csrfmiddlewaretoken"' in form_page.split('id="kop-vrij"')[1]

    response = client.post("/instrumentenwijzer/", {"vraag": CONFIDENTIAL})

    assert response.status_code == 200  # the advice itself, no redirect that could carry it
    html = response.content.decode()
    assert "Advies van de instrumentenwijzer" in html and CONFIDENTIAL in html
    assert "no-store" in response["Cache-Control"]
    for url in urls_in(html):
        assert "vraag=" not in url and "Havenstraat" not in url, url


def test_the_question_form_needs_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["raadslid1"])
    response = client.post("/instrumentenwijzer/", {"vraag": CONFIDENTIAL})
    assert response.status_code == 403
    assert CONFIDENTIAL not in response.content.decode()


def test_a_question_in_the_query_string_is_not_read_nor_shown(client, world):
    client.force_login(world["raadslid1"])
    response = client.get("/instrumentenwijzer/", {"vraag": CONFIDENTIAL})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Havenstraat" not in html and "Advies van de instrumentenwijzer" not in html


def test_a_link_that_preselects_a_need_still_works(client, world):
    client.force_login(world["raadslid1"])
    need = questionnaire.NEEDS[0]
    html = client.get(f"/instrumentenwijzer/?behoefte={need.code}").content.decode()
    assert "Advies van de instrumentenwijzer" in html
    assert f'value="{need.code}" checked' in html
