# SPDX-License-Identifier: EUPL-1.2
"""The public pages: anyone reads registered questions and published answers, without login,
and never a draft, an unpublished, embargoed or secret answer."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from raadsloket.cases.errors import InvalidInput
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_written_question, run_written_to
from tests.support.crawl import crawl_site
from tests.support.publication import EMBARGO_DAYS

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_the_municipality_page_lists_what_is_public_and_nothing_else(client, published):
    response, text = page(client, "/openbaar/voorbeeld/")
    assert response.status_code == 200
    for marker in published.public:
        if "ANTWOORD" in marker:
            continue  # the answer is on the item page, the list shows titles
        assert marker in text, marker
    for marker, why in published.secret.items():
        assert marker not in text, why


def test_an_item_page_shows_the_question_the_askers_and_a_published_answer(client, published):
    case = published.cases["published"]
    response, text = page(client, f"/openbaar/voorbeeld/schriftelijke-vragen/{case.reference}/")
    assert response.status_code == 200
    assert "OPENBAAR-SV-ANTWOORD-v" in text and "OPENBAAR-SV-VRAAG-GEPUBLICEERD-v" in text
    requester = case.requester
    assert requester.get_full_name() in text and requester.fractie.name in text
    assert case.portfolio_holder.get_full_name() in text
    # The griffie's handler and account names are not public.
    assert case.handler.get_full_name() not in text
    assert requester.username not in text


@pytest.mark.parametrize("kind", ["answered", "secret", "embargo", "registered"])
def test_an_answer_that_is_not_public_shows_nothing_of_it(client, published, kind):
    case = published.cases[kind]
    response, text = page(client, f"/openbaar/voorbeeld/schriftelijke-vragen/{case.reference}/")
    assert response.status_code == 200
    assert "Antwoord van het college" not in text
    assert "Het college antwoordt" not in text
    assert not [m for m in published.secret if m in text]


@pytest.mark.parametrize("kind", ["draft", "submitted", "withdrawn"])
def test_a_question_not_registered_does_not_exist_in_public(client, published, kind):
    case = published.cases[kind]
    response = client.get(f"/openbaar/voorbeeld/schriftelijke-vragen/{case.reference}/")
    assert response.status_code == 404


def test_the_embargo_holds_until_its_day_and_then_the_answer_appears(client, published):
    case = published.cases["embargo"]
    url = f"/openbaar/voorbeeld/schriftelijke-vragen/{case.reference}/"
    before = timezone.now() + timedelta(days=EMBARGO_DAYS - 1)
    with time_machine.travel(before, tick=False):
        assert "GEHEIM-SV-EMBARGO-v" not in page(client, url)[1]
    with time_machine.travel(before + timedelta(days=1), tick=False):
        text = page(client, url)[1]
    assert "GEHEIM-SV-EMBARGO-v" in text
    assert f"Antwoord van het college ({published.embargo_until:%d-%m-%Y})" in text


def test_the_griffie_sets_the_embargo_only_to_a_coming_day(world, published):
    case = run_written_to(world, new_written_question(world), State.ANSWERED)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    with pytest.raises(InvalidInput) as error:
        act(world, case, "publish", "griffier", {"answer_public_from": yesterday})
    assert "verleden" in str(error.value.errors)
    case.refresh_from_db()
    assert case.state == State.ANSWERED and case.answer_public_from is None


def test_public_pages_log_nobody_in_set_no_cookie_and_may_be_cached(client, published):
    for url in ("/openbaar/", "/openbaar/voorbeeld/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, (url, response.cookies)
        cache = response["Cache-Control"]
        assert "public" in cache and "max-age=300" in cache and "no-store" not in cache
    assert "_auth_user_id" not in client.session


def test_a_signed_in_person_gets_the_same_page_but_never_cached(client, published):
    client.force_login(published.world["raadslid1"])
    response = client.get("/openbaar/voorbeeld/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_an_unknown_municipality_or_kind_is_404(client, published):
    assert client.get("/openbaar/nergens/").status_code == 404
    assert client.get("/openbaar/voorbeeld/moties/1/").status_code == 404
    assert client.get("/openbaar/voorbeeld/schriftelijke-vragen/RL-99999/").status_code == 404


def test_another_municipality_shows_none_of_these_questions(client, published, other_world):
    text = page(client, f"/openbaar/{other_world.municipality.slug}/")[1]
    assert not [m for m in {**published.public, **published.secret} if m in text]
    case = published.cases["published"]
    url = f"/openbaar/{other_world.municipality.slug}/schriftelijke-vragen/{case.reference}/"
    assert client.get(url).status_code == 404


def test_the_login_page_and_the_footer_link_to_the_public_pages(client, published):
    text = page(client, "/inloggen/")[1]
    assert 'href="/openbaar/"' in text
    client.force_login(published.world["raadslid1"])
    assert 'href="/openbaar/voorbeeld/"' in page(client, "/")[1]


def test_every_page_linked_from_the_public_index_answers(client, published):
    crawl = crawl_site(client, ["/openbaar/"], 100)
    public = [
        (url, r) for url, r, _ in crawl.pages if url.startswith(("/openbaar/", "/api/v1/public/"))
    ]
    assert len(public) > 10
    assert all(r.status_code == 200 for _, r in public), [(u, r.status_code) for u, r in public]
    assert not crawl.post_forms
