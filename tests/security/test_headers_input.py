# SPDX-License-Identifier: EUPL-1.2
"""Every input is length-limited, and too much input gets a Dutch message and writes nothing.

ASVS V5.1.3/V5.1.4 (input validation against an allow-list and length), V13.1.3 (request size
limits); BIO 14.2.5 (secure engineering). The rule is checked on the forms themselves (every
text field has a maximum), then probed end to end through the API and the web pages.
"""

import json
import re

import pytest
from django import forms
from django.test import Client

from raadsloket.cases import workflow
from raadsloket.cases.forms import CaseForm, DirectContactForm
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case, CaseFile, TimelineEvent
from raadsloket.notify.forms import DeliveryForm

pytestmark = pytest.mark.django_db

# Django's Dutch "Zorg dat deze waarde niet meer dan 200 tekens bevat", or raadsloket's own; a
# long text says its length and the limit ("De vraag is 10.001 tekens; het maximum is 10.000.").
TOO_LONG = re.compile(
    r"niet meer dan [\d.]+ tekens|hoogstens [\d.]+ tekens"
    r"|is [\d.]+ tekens; het maximum is [\d.]+\."
)


def too_long(text: str) -> bool:
    return bool(TOO_LONG.search(text))


def every_form() -> set[type[forms.Form]]:
    found = {CaseForm, DirectContactForm, DeliveryForm}
    for instrument in Instrument.values:
        try:
            rows = workflow.table(instrument)
        except KeyError:
            continue
        found |= {row.form for row in rows if row.form is not None}
    return found


def test_every_text_field_of_every_form_has_a_maximum_length():
    forms_seen = every_form()
    assert len(forms_seen) >= 15, forms_seen
    unbounded = [
        f"{form.__name__}.{name}"
        for form in forms_seen
        for name, field in form.base_fields.items()
        if isinstance(field, forms.CharField) and field.max_length is None
    ]
    assert not unbounded, unbounded


def written() -> tuple[int, int, int]:
    return Case.objects.count(), TimelineEvent.objects.count(), CaseFile.objects.count()


GOOD_CASE = {
    "instrument": "assistance",
    "title": "Leerlingenvervoer",
    "question": "Hoeveel kost het leerlingenvervoer per leerling?",
    "policy_area": "sociaal_domein",
}
OVERSIZE_CASE = [("title", 201), ("question", 10_001), ("background", 10_001), ("agenda_item", 201)]


@pytest.mark.parametrize(("field", "size"), OVERSIZE_CASE)
def test_an_oversize_field_of_a_new_request_by_api_is_refused_in_dutch(attack, field, size):
    data = {**GOOD_CASE, field: "x" * size}
    if field == "agenda_item":
        data.update(instrument="technical_question", meeting_date="2099-01-01")
    before = written()
    response = Client().post(
        "/api/v1/cases",
        json.dumps(data),
        content_type="application/json",
        **attack.bearer(attack.role("member")),
    )
    assert response.status_code == 422, response.content[:300]
    messages = response.json()["errors"][field]
    assert any(too_long(m) for m in messages), messages
    assert written() == before


@pytest.mark.parametrize(("field", "size"), OVERSIZE_CASE)
def test_an_oversize_field_of_a_new_request_on_the_web_is_refused_in_dutch(attack, field, size):
    data = {**GOOD_CASE, field: "x" * size, "indienen": "1"}
    if field == "agenda_item":
        data.update(instrument="technical_question", meeting_date="2099-01-01")
    before = written()
    response = attack.web(attack.role("member")).post("/verzoeken/nieuw", data)
    assert response.status_code == 422
    text = response.content.decode()
    assert too_long(text)
    # The member loses nothing they typed: the form comes back filled in.
    kept = "Leerlingenvervoer" if field != "title" else "Hoeveel kost het leerlingenvervoer"
    assert kept in text
    assert written() == before


def scenario_in(attack, state: str):
    return next(s for s in attack.scenarios if s.state == state and s.world is attack.voorbeeld)


# (state of the case, who acts, action, field, size over the limit)
OVERSIZE_ACTIONS = [
    ("submitted", "griffier", "close", "note", 2001),
    ("submitted", "raadslid12", "withdraw", "note", 2001),
    ("in_progress", "ambtenaar6", "deliver", "answer", 50_001),
    ("in_progress", "ambtenaar6", "log_hours", "note", 501),
    ("in_progress", "ambtenaar6", "request_mediation", "reason", 5001),
    # RULES.md "Disputes": the mayor decides the objection (the secretaris no longer alone).
    ("objected", "burgemeester", "mediate", "notes", 5001),
]


def action_data(action: str, field: str, size: int, attack) -> dict:
    base = {
        "close": {},
        "withdraw": {},
        "deliver": {},
        "log_hours": {"worked_on": "2020-01-06", "hours": "1"},
        "request_mediation": {},
        "mediate": {"outcome": "upheld"},
    }[action]
    return {**base, field: "x" * size}


@pytest.mark.parametrize(("state", "username", "action", "field", "size"), OVERSIZE_ACTIONS)
def test_an_oversize_action_field_by_api_is_refused_in_dutch(
    attack, state, username, action, field, size
):
    scenario = scenario_in(attack, state)
    case = Case.objects.get(pk=scenario.case_id)
    person = scenario.world[username]
    before = written()
    response = Client().post(
        f"/api/v1/cases/{case.pk}/actions/{action}",
        json.dumps({"version": case.version, "data": action_data(action, field, size, attack)}),
        content_type="application/json",
        **attack.bearer(person),
    )
    assert response.status_code == 422, response.content[:300]
    messages = response.json()["errors"][field]
    assert any(too_long(m) for m in messages), messages
    assert written() == before
    assert Case.objects.get(pk=case.pk).version == case.version


@pytest.mark.parametrize(("state", "username", "action", "field", "size"), OVERSIZE_ACTIONS)
def test_an_oversize_action_field_on_the_web_is_refused_in_dutch(
    attack, state, username, action, field, size
):
    scenario = scenario_in(attack, state)
    case = Case.objects.get(pk=scenario.case_id)
    before = written()
    response = attack.web(scenario.world[username]).post(
        f"/verzoeken/{case.pk}/{action}",
        {"version": case.version, **action_data(action, field, size, attack)},
    )
    assert response.status_code == 422
    assert too_long(response.content.decode())
    assert written() == before


def test_an_oversize_break_glass_reason_is_refused_in_dutch(attack):
    scenario = scenario_in(attack, "submitted")
    client = attack.web(attack.role("beheerder"))
    response = client.post(
        f"/verzoeken/{scenario.case_id}/noodtoegang", {"reason": "x" * 2001}, follow=True
    )
    assert "De reden mag hoogstens 2000 tekens hebben." in response.content.decode()
    from raadsloket.access.models import BreakGlass

    assert not BreakGlass.objects.exists()


def test_an_oversize_direct_contact_is_refused_in_dutch(attack):
    servant = attack.domstede["ambtenaar1"]
    data = {
        "member": attack.domstede["raadslid1"].pk,
        "title": "x" * 201,
        "question": "Hoeveel parkeerplaatsen?",
        "answer": "Twaalf.",
        "policy_area": "sociaal_domein",
    }
    before = written()
    response = Client().post(
        "/api/v1/direct-contacts",
        json.dumps(data),
        content_type="application/json",
        **attack.bearer(servant),
    )
    assert response.status_code == 422
    assert any(too_long(m) for m in response.json()["errors"]["title"])
    assert written() == before


def test_an_api_body_over_five_megabytes_is_refused_in_dutch_not_a_crash(attack):
    data = {**GOOD_CASE, "question": "x" * (6 * 1024 * 1024)}
    before = written()
    response = Client().post(
        "/api/v1/cases",
        json.dumps(data),
        content_type="application/json",
        **attack.bearer(attack.role("member")),
    )
    assert response.status_code == 413
    assert response.json()["detail"] == "Het verzoek is te groot (hoogstens 5 MB)."
    assert written() == before


def test_a_web_form_over_five_megabytes_is_refused_with_the_dutch_page(attack):
    client = attack.web(attack.role("member"))
    client.raise_request_exception = False
    response = client.post("/verzoeken/nieuw", {**GOOD_CASE, "question": "x" * (6 * 1024 * 1024)})
    assert response.status_code == 400
    assert 'lang="nl"' in response.content.decode()


def test_the_search_words_and_advice_text_are_bounded(attack):
    """The list's search is cut to a bounded length (never an unbounded query); the advice and
    similar-questions texts are refused above 10,000 characters, in Dutch."""
    auth = attack.bearer(attack.role("griffier"))
    client = Client()
    response = client.get("/api/v1/cases", {"q": "woord " * 200_000}, **auth)
    assert response.status_code == 200
    too_long = "x" * 10_001
    for response in (
        client.post(
            "/api/v1/advice",
            json.dumps({"text": too_long}),
            content_type="application/json",
            **auth,
        ),
        client.get("/api/v1/similar", {"text": too_long}, **auth),
    ):
        assert response.status_code == 422
        assert response.json()["detail"].startswith("Ongeldige invoer in:")
