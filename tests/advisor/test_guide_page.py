# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer page: a need from the questionnaire or a question in words, with a
Dutch message for anything else."""

import pytest

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
    page = client.get("/instrumentenwijzer/", {"vraag": text})
    assert page.status_code == 200
    assert len(page.context["text"]) == 10_000
    assert page.context["advice"].instrument
