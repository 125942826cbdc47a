# SPDX-License-Identifier: EUPL-1.2
"""The direct-contact form: only where the verordening allows it, only for civil servants."""

import pytest
from django.urls import reverse

from raadsloket.cases.models import Case
from tests.support.world import build_domstede

pytestmark = pytest.mark.django_db


@pytest.fixture
def domstede(db):
    return build_domstede()


def test_civil_servant_under_utrecht_logs_a_contact_and_sees_it(client, domstede):
    client.force_login(domstede["ambtenaar1"])
    assert "Rechtstreeks contact met een raadslid vastleggen" in client.get("/").content.decode()
    response = client.post(
        reverse("direct_contact_new"),
        {
            "member": domstede["raadslid3"].pk,
            "title": "Openingstijden milieustraat",
            "question": "Wanneer is de milieustraat open?",
            "answer": "Za 9-16 uur.",
            "policy_area": "duurzaamheid",
        },
    )
    case = Case.objects.get(title="Openingstijden milieustraat")
    assert response.status_code == 302 and response.url == reverse("case_detail", args=[case.pk])
    assert "Za 9-16 uur." in client.get(response.url).content.decode()


def test_empty_form_keeps_what_was_typed_and_says_what_is_missing(client, domstede):
    client.force_login(domstede["ambtenaar1"])
    response = client.post(reverse("direct_contact_new"), {"title": "Alleen een onderwerp"})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Alleen een onderwerp" in body and "Dit veld is verplicht" in body
    assert not Case.objects.exists()


def test_vng_model_and_members_get_no_direct_contact_form(client, world, domstede):
    client.force_login(world["ambtenaar1"])
    assert client.get(reverse("direct_contact_new")).status_code == 403
    assert "Rechtstreeks contact" not in client.get("/").content.decode()
    client.force_login(domstede["raadslid1"])
    assert client.get(reverse("direct_contact_new")).status_code == 403


def test_the_member_confirms_the_logged_contact_on_the_case_page(client, domstede):
    client.force_login(domstede["ambtenaar1"])
    form = client.get(reverse("direct_contact_new")).content.decode()
    assert "Het raadslid krijgt een melding om het contact te bevestigen" in form
    client.post(
        reverse("direct_contact_new"),
        {
            "member": domstede["raadslid3"].pk,
            "title": "Openingstijden milieustraat",
            "question": "Wanneer is de milieustraat open?",
            "answer": "Za 9-16 uur.",
            "policy_area": "duurzaamheid",
        },
    )
    case = Case.objects.get(title="Openingstijden milieustraat")
    client.force_login(domstede["raadslid2"])
    assert client.get(reverse("case_detail", args=[case.pk])).status_code == 404
    client.force_login(domstede["raadslid3"])
    page = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert "Contact bevestigen" in page and "Contact afwijzen" in page
    url = reverse("case_action", args=[case.pk, "confirm_contact"])
    response = client.post(url, {"version": case.version})
    assert response.status_code == 302, response.content[:500]
    client.force_login(domstede["raadslid2"])
    assert "Za 9-16 uur." in client.get(reverse("case_detail", args=[case.pk])).content.decode()
