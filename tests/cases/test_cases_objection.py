# SPDX-License-Identifier: EUPL-1.2
"""The driehoek decides an objection to a refusal as the profile says (RULES.md "Disputes"):
the mayor alone, or griffier, secretaris and burgemeester together, each vote recorded."""

import pytest
from django.urls import reverse

from raadsloket.assistance.models import Mediation, TriangleVote
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.errors import ActionForbidden, ActionNotAvailable
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, run_to
from raadsloket.demo.people import build_municipality
from tests.support.pages import page

pytestmark = pytest.mark.django_db

UPHOLD = {"outcome": "refusal_upheld", "notes": "De weigering is goed gemotiveerd."}
ASSIGN = {"outcome": "assign", "notes": "De driehoek ziet toch raadswerk in het verzoek."}


@pytest.fixture
def echt(db):
    return build_municipality("Gemeente Echt", "echt", preset="echt-susteren")


def objected(world) -> Case:
    return run_to(world, new_case(world, "raadslid1"), State.OBJECTED)


@pytest.mark.parametrize("username", ["griffier", "secretaris"])
def test_under_the_model_verordening_only_the_mayor_decides(world, username):
    case = objected(world)
    with pytest.raises((ActionForbidden, ActionNotAvailable)):
        act(world, case, "mediate", username, UPHOLD)
    assert Case.objects.get(pk=case.pk).state == State.OBJECTED
    assert act(world, case, "mediate", "burgemeester", UPHOLD).state == State.CLOSED
    assert Mediation.objects.get(case=case).decided_by == world["burgemeester"]


def test_deciding_together_the_case_moves_only_when_the_three_agree(echt):
    case = objected(echt)
    assert act(echt, case, "mediate", "griffier", UPHOLD).state == State.OBJECTED
    assert act(echt, case, "mediate", "secretaris", ASSIGN | assign_to(echt)).state == (
        State.OBJECTED
    )
    # Two for upholding, one for assigning: no decision yet.
    assert act(echt, case, "mediate", "burgemeester", UPHOLD).state == State.OBJECTED
    votes = dict(TriangleVote.objects.filter(mediation__case=case).values_list("seat", "outcome"))
    assert votes == {
        "clerk": "refusal_upheld",
        "municipal_secretary": "assign",
        "mayor": "refusal_upheld",
    }
    assert Mediation.objects.get(case=case).outcome == ""
    # The secretaris changes the vote: now the three agree and the refusal stands.
    decided = act(echt, case, "mediate", "secretaris", UPHOLD)
    assert decided.state == State.CLOSED
    mediation = Mediation.objects.get(case=case)
    assert (mediation.outcome, mediation.decided_by) == ("refusal_upheld", echt["secretaris"])
    assert TriangleVote.objects.filter(mediation=mediation).count() == 3
    assert AuditEvent.objects.filter(action="case.triangle_vote", case_ref=case.pk).count() == 4


def test_deciding_together_an_agreed_assignment_appoints_the_civil_servant(echt):
    case = objected(echt)
    for voter in ("griffier", "burgemeester", "secretaris"):
        case = act(echt, case, "mediate", voter, ASSIGN | assign_to(echt))
    assert case.state == State.ASSIGNED
    assert case.assignments.get().civil_servant == echt["ambtenaar2"]


def assign_to(world) -> dict:
    return {"civil_servants": [world["ambtenaar2"].pk], "hours_estimate": "6"}


def test_the_form_says_it_is_the_driehoek_decision_on_the_objection(world, login):
    case = objected(world)
    html = page(login(world["burgemeester"]), reverse("case_action", args=[case.pk, "mediate"]))
    assert "Besluit van de driehoek over het bezwaar" in html
    assert "Uitkomst bemiddeling" not in html
    assert "De burgemeester beslist over het bezwaar" in html


def test_the_vote_form_and_its_message_say_that_the_three_decide_together(echt, login):
    case = objected(echt)
    client = login(echt["griffier"])
    url = reverse("case_action", args=[case.pk, "mediate"])
    html = page(client, url)
    assert "Besluit van de driehoek over het bezwaar" in html and "Uw stem" in html
    response = client.post(url, {**UPHOLD, "version": case.version}, follow=True)
    html = response.content.decode()
    assert "uw stem is vastgelegd" in html and "Het verzoek is nu" not in html
    assert Case.objects.get(pk=case.pk).state == State.OBJECTED


def test_the_timeline_names_the_driehoek_decision(world, login):
    case = objected(world)
    act(world, case, "mediate", "burgemeester", UPHOLD)
    html = page(login(world["griffier"]), reverse("case_detail", args=[case.pk]))
    assert "Besluit van de driehoek over het bezwaar → afgesloten" in html


def test_an_evaluation_that_leaves_the_case_delivered_does_not_say_it_moved(world, login):
    case = run_to(world, new_case(world, "raadslid1"), State.DELIVERED)
    client = login(world["raadslid1"])
    response = client.post(
        reverse("case_action", args=[case.pk, "evaluate"]),
        {"score": "4", "remarks": "Snel.", "version": case.version},
        follow=True,
    )
    html = response.content.decode()
    assert Case.objects.get(pk=case.pk).state == State.DELIVERED
    assert "Evalueren: vastgelegd" in html and "tot raadslid, ambtenaar en griffie" in html
    assert "Het verzoek is nu" not in html


def test_the_last_evaluation_says_the_case_is_now_evaluated(world, login):
    case = run_to(world, new_case(world, "raadslid1"), State.DELIVERED)
    act(world, case, "evaluate", "raadslid1", {"score": "4"})
    act(world, case, "evaluate", "ambtenaar1", {"score": "4"})
    client = login(world["griffier"])
    response = client.post(
        reverse("case_action", args=[case.pk, "evaluate"]),
        {"score": "5", "version": Case.objects.get(pk=case.pk).version},
        follow=True,
    )
    assert "Evalueren: gelukt. Het verzoek is nu" in response.content.decode()
    assert Case.objects.get(pk=case.pk).state == State.EVALUATED
