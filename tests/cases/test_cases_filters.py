# SPDX-License-Identifier: EUPL-1.2
"""Case-list filters (cases/filters.py) through the API: a filter tells nothing the list does
not show (SECURITY.md "Filters, ordening en zoeken"), bad values are refused in Dutch."""

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.cases.filters import FilterRefused, filtered_cases, read_filter
from raadsloket.cases.models import Case
from raadsloket.demo.lifecycle import act, new_case, run_to
from tests.support.world import build_college_told_of_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(world):
    """A case in mediation, one in progress and one with its intake term past."""
    mediation = run_to(world, new_case(world, "raadslid1"), "mediation")
    in_progress = new_case(world, "raadslid3", policy_area="mobiliteit")
    in_progress = run_to(world, in_progress, "in_progress", member="raadslid3")
    late = act(world, new_case(world, "raadslid7"), "submit", "raadslid7")
    Case.objects.filter(pk=late.pk).update(intake_due=timezone.localdate() - timedelta(days=1))
    return {"mediation": mediation, "in_progress": in_progress, "late": late}


def api_ids(login, person, **params) -> tuple[int, list[int], dict]:
    response = login(person).get("/api/v1/cases", params)
    body = response.json()
    return response.status_code, [item["id"] for item in body.get("items", [])], body


def found(person, **params) -> set[int]:
    viewer = viewer_for(person)
    query = QueryDict(mutable=True)
    for name, value in params.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return set(filtered_cases(viewer, read_filter(viewer, query)).values_list("pk", flat=True))


@pytest.mark.parametrize("state", ["mediation", "in_progress"])
def test_a_manager_cannot_learn_the_state_of_a_case_by_filtering(world, login, cases, state):
    status, ids, body = api_ids(login, world["manager1"], state=state)
    assert ids == []
    assert status == 400
    assert body["detail"] == "U kunt niet filteren op status."


@pytest.mark.parametrize("state", ["mediation", "in_progress", "delivered"])
def test_the_college_learns_no_state_of_ambtelijke_bijstand_by_filtering(login, state):
    # Told that trajectories started (Utrecht practice), the college sees them in its list:
    # a filter on their state must not tell it which are disputed, running or answered.
    world = build_college_told_of_start()
    case = run_to(world, new_case(world, "raadslid1"), state)
    status, ids, _ = api_ids(login, world["wethouder1"])
    assert ids == [case.pk]
    status, ids, _ = api_ids(login, world["wethouder1"], state=state)
    assert status == 200
    assert ids == []


def test_the_griffie_filters_on_status_repeated_and_on_instrument(world, login, cases):
    status, ids, _ = api_ids(
        login, world["griffier"], state=["mediation", "in_progress"], instrument="assistance"
    )
    assert status == 200
    assert sorted(ids) == sorted([cases["mediation"].pk, cases["in_progress"].pk])


def test_filters_on_term_policy_area_and_fractie(world, cases):
    griffier = world["griffier"]
    assert found(griffier, termijn="verlopen") == {cases["late"].pk}
    assert found(griffier, terrein="mobiliteit") == {cases["in_progress"].pk}
    fractie = world["raadslid7"].fractie_id
    assert cases["late"].pk in found(griffier, fractie=str(fractie))
    assert cases["mediation"].pk not in found(griffier, fractie=str(fractie))


def test_a_member_filters_on_a_fractie_only_within_requests_they_may_read(world, cases):
    # raadslid7 may not read raadslid1's request: who asked it (and so for which fractie) too.
    fractie = world["raadslid1"].fractie_id
    assert cases["mediation"].pk not in found(world["raadslid7"], fractie=str(fractie))
    assert cases["mediation"].pk in found(world["raadslid1"], fractie=str(fractie))


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"state": "bestaat-niet"}, "Onbekende status: bestaat-niet."),
        ({"instrument": "motie"}, "Onbekend instrument: motie."),
        ({"termijn": "morgen"}, "Bij termijn kunt u alleen 'verlopen' kiezen."),
        ({"terrein": "sport"}, "Onbekend beleidsterrein: sport."),
        ({"portefeuille": "abc"}, "Onbekende portefeuillehouder."),
        ({"portefeuille": "99999999"}, "Onbekende portefeuillehouder."),
        ({"fractie": "99999999999999999999"}, "Onbekende fractie."),
    ],
)
def test_a_bad_filter_value_is_refused_in_dutch(world, login, params, message):
    status, _, body = api_ids(login, world["griffier"], **params)
    assert status == 400
    assert body["detail"] == message


def test_the_page_reading_leaves_out_a_refused_filter_with_a_notice(world):
    viewer = viewer_for(world["manager1"])
    case_filter = read_filter(viewer, QueryDict("status=mediation&q=zwembad"), lenient=True)
    assert case_filter.states == ()
    assert case_filter.text == "zwembad"
    assert case_filter.notices == ("U kunt niet filteren op status. Dit filter is niet toegepast.",)
    with pytest.raises(FilterRefused):
        read_filter(viewer, QueryDict("status=mediation"))


def test_the_filter_keeps_its_parameters_for_paging_links(world):
    viewer = viewer_for(world["griffier"])
    query = QueryDict("status=intake&status=forwarded&termijn=verlopen&q=fiets&terrein=")
    assert read_filter(viewer, query).params() == [
        ("status", "intake"),
        ("status", "forwarded"),
        ("termijn", "verlopen"),
        ("q", "fiets"),
    ]
