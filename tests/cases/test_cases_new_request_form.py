# SPDX-License-Identifier: EUPL-1.2
"""The new-request form: one case per form, each instrument's own rules, long texts never cut."""

import re

import pytest
from django.urls import reverse

from raadsloket.api.tokens import issue
from raadsloket.cases.models import Case
from tests.support.pages import page

pytestmark = pytest.mark.django_db

NEW = reverse("case_new_instrument", args=["ambtelijke-bijstand"])
REQUEST = {
    "instrument": "assistance",
    "title": "Parkeren bij scholen",
    "question": "Welke regels gelden er rond basisscholen?",
    "policy_area": "mobiliteit",
    "indienen": "1",
}


def token_of(html: str) -> str:
    found = re.search(r'name="submission_token" value="([^"]+)"', html)
    assert found, "the form carries no submission token"
    return found.group(1)


def test_back_and_submit_again_makes_one_case_and_links_to_it(world, login):
    client = login(world["raadslid1"])
    form = {**REQUEST, "submission_token": token_of(page(client, NEW))}
    first = client.post(NEW, form)
    case = Case.objects.get()
    assert first.status_code == 302 and case.state == "submitted"
    # The browser's Back shows the same form, with the same hidden token; "Indienen" again.
    again = client.post(NEW, form, follow=True)
    assert again.status_code == 200 and Case.objects.count() == 1
    html = again.content.decode()
    assert "Dit verzoek is al ingediend." in html
    assert f'href="{reverse("case_detail", args=[case.pk])}"' in html
    assert case.reference in html


def test_each_rendering_of_the_form_is_a_new_request(world, login):
    client = login(world["raadslid1"])
    client.post(NEW, {**REQUEST, "submission_token": token_of(page(client, NEW))})
    client.post(NEW, {**REQUEST, "submission_token": token_of(page(client, NEW))})
    assert Case.objects.count() == 2


def test_a_form_that_failed_keeps_its_token_and_then_files_once(world, login):
    client = login(world["raadslid1"])
    token = token_of(page(client, NEW))
    refused = client.post(NEW, {**REQUEST, "title": "", "submission_token": token})
    assert refused.status_code == 422 and token_of(refused.content.decode()) == token
    client.post(NEW, {**REQUEST, "submission_token": token})
    client.post(NEW, {**REQUEST, "submission_token": token})
    assert Case.objects.count() == 1


def test_someone_elses_token_files_nothing_and_shows_nothing(world, login):
    client = login(world["raadslid1"])
    token = token_of(page(client, NEW))
    client.post(NEW, {**REQUEST, "submission_token": token})
    other = login(world["raadslid2"])
    response = other.post(NEW, {**REQUEST, "submission_token": token})
    html = response.content.decode()
    assert response.status_code == 409 and Case.objects.count() == 1
    assert "al gebruikt" in html and Case.objects.get().reference not in html


def test_the_written_question_form_shows_that_it_is_public(world, login):
    client = login(world["raadslid1"])
    html = page(client, reverse("case_new_instrument", args=["schriftelijke-vragen"]))
    assert "openbaar: vragen en antwoord gaan naar alle raadsleden en het college" in html
    assert "art. 155 Gemeentewet" in html and "30 kalenderdagen" in html
    assert "alleen voor u" not in html and "niet over uw verzoek geïnformeerd" not in html
    assert 'name="instrument" value="written_question"' in html
    # The rules htmx swaps in when the member picks the instrument say the same.
    rules = page(client, reverse("case_new_rules") + "?instrument=written_question")
    assert "openbaar: vragen en antwoord" in rules and "alleen voor u" not in rules
    # And the case page, once it exists, says what the form said.
    client.post(reverse("case_new_instrument", args=["schriftelijke-vragen"]), {**REQUEST})
    case = Case.objects.get()
    assert case.confidential is False
    detail = page(client, reverse("case_detail", args=[case.pk]))
    assert "openbaar: vragen en antwoord gaan naar alle raadsleden en het college" in detail


def test_the_assistance_form_still_shows_the_profiles_rules(world, login):
    html = page(login(world["raadslid1"]), NEW)
    assert "alleen voor u en uw mede-indieners" in html and "gemeentesecretaris" in html
    assert "openbaar: vragen en antwoord" not in html


def test_a_technical_question_form_says_it_is_public_unless_the_member_objects(world, login):
    html = page(
        login(world["raadslid1"]), reverse("case_new_instrument", args=["technische-vraag"])
    )
    assert "tenzij u &#x27;Vertrouwelijk behandelen&#x27; aanzet" in html
    assert "vóór de vergadering" in html


def test_a_question_over_the_limit_is_refused_in_full_and_nothing_is_stored(world, login):
    client = login(world["raadslid1"])
    question = "Hoe staat het met de vrijwilligers? " + "x" * 9_964 + " Einde."
    assert len(question) == 10_007
    background = "Voor de begroting."
    response = client.post(
        NEW,
        {
            **REQUEST,
            "question": question,
            "background": background,
            "submission_token": token_of(page(client, NEW)),
        },
    )
    html = response.content.decode()
    assert response.status_code == 422 and not Case.objects.exists()
    assert "De vraag is 10.007 tekens; het maximum is 10.000." in html
    # Everything typed comes back, the whole question included.
    assert question in html and background in html and 'value="Parkeren bij scholen"' in html
    assert "maxlength" not in re.search(r"<textarea[^>]*>", html).group(0)


def test_a_question_of_exactly_the_limit_is_stored_whole(world, login):
    client = login(world["raadslid1"])
    question = "Vraag " + "y" * 9_994
    client.post(NEW, {**REQUEST, "question": question})
    assert Case.objects.get().question == question


def test_line_breaks_count_once_as_the_counter_counts_them(world, login):
    client = login(world["raadslid1"])
    # A browser sends each line break as CR LF: 10,000 characters on screen, 10,050 bytes sent.
    question = "\r\n".join(["Regel " + "z" * 193] * 50) + "."
    assert len(question.replace("\r\n", "\n")) == 10_000
    response = client.post(NEW, {**REQUEST, "question": question})
    assert response.status_code == 302
    assert Case.objects.get().question == question.replace("\r\n", "\n")


def test_the_api_refuses_an_over_long_question_in_dutch_and_stores_nothing(world, client):
    token = issue(world["raadslid1"])
    body = {
        "title": "Parkeren",
        "question": "x" * 10_001,
        "policy_area": "mobiliteit",
    }
    response = client.post(
        "/api/v1/cases", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 422 and not Case.objects.exists()
    assert response.json()["errors"]["question"] == [
        "De vraag is 10.001 tekens; het maximum is 10.000."
    ]


def test_the_api_files_one_case_per_idempotency_key(world, client):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue(world['raadslid1'])}"}
    body = {"title": "Parkeren", "question": REQUEST["question"], "policy_area": "mobiliteit"}
    key = "3f1c9a2e-7b4d-4c1e-9f0a-2d6b8e5c4a71"

    def post():
        return client.post(
            "/api/v1/cases",
            body,
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY=key,
            **headers,
        )

    first, second = post(), post()
    assert (first.status_code, second.status_code) == (201, 200)
    assert Case.objects.count() == 1 and second.json()["id"] == first.json()["id"]
    # Without a key every POST is a new case, as before.
    client.post("/api/v1/cases", body, content_type="application/json", **headers)
    assert Case.objects.count() == 2


def test_every_long_text_shows_its_limit_and_the_counter_script_is_loaded(world, login):
    html = page(login(world["raadslid1"]), NEW)
    assert html.count("maximaal 10.000 tekens") == 2  # question and background
    assert 'data-counter-for="id_question"' in html and 'data-limit="10000"' in html
    assert 'src="/static/raadsloket/counter.js"' in html
    assert "<script>" not in html  # the CSP allows no inline script
