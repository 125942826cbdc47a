# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI schema tells an integration the valid values and each action's fields: enum-like
fields list their values (from the model choices), every action has its own `data` schema
(from its form), and an unknown value is refused with a Dutch message naming the valid ones."""

import pytest

from raadsloket.api.tokens import issue
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.states import State
from raadsloket.cases.workflow import ACTIONS
from raadsloket.organisation.roles import PolicyArea

pytestmark = pytest.mark.django_db

SCHEMA = "/api/v1/openapi.json"


@pytest.fixture
def schema(login, world):
    return login(world["raadslid1"]).get(SCHEMA).json()


def enum_of(prop: dict) -> list:
    """The enum of a property, also when it may be null (anyOf [enum, null])."""
    if "enum" in prop:
        return prop["enum"]
    return next(part["enum"] for part in prop.get("anyOf", []) if "enum" in part)


def test_enum_like_fields_list_their_values(schema):
    components = schema["components"]["schemas"]
    assert enum_of(components["CaseIn"]["properties"]["policy_area"]) == PolicyArea.values
    assert enum_of(components["DirectContactIn"]["properties"]["policy_area"]) == (
        PolicyArea.values
    )
    assert enum_of(components["CaseIn"]["properties"]["instrument"]) == Instrument.values
    case_out = components["CaseOut"]["properties"]
    assert enum_of(case_out["policy_area"]) == PolicyArea.values
    assert enum_of(case_out["state"]) == State.values
    assert enum_of(components["ActionOut"]["properties"]["action"]) == list(ACTIONS)
    assert "" in enum_of(components["TimelineOut"]["properties"]["from_state"])


def test_each_action_has_its_own_data_schema_with_its_fields(schema):
    components = schema["components"]["schemas"]
    data = components["ActionIn"]["properties"]["data"]
    refs = {part["$ref"].rsplit("/", 1)[1] for part in data["anyOf"]}
    assert len(refs) == len(ACTIONS)
    assign = components["AssignData"]
    assert assign["x-action"] == "assign"
    assert {"civil_servants", "hours_estimate", "capacity_confirmed"} <= set(assign["properties"])
    assert set(assign["required"]) == {"civil_servants", "hours_estimate"}
    assert assign["properties"]["civil_servants"]["items"] == {"type": "integer"}
    defer = components["DeferData"]["properties"]
    assert defer["until"]["format"] == "date"
    assert defer["reason"]["minLength"] == 5 and defer["reason"]["maxLength"] == 2000
    assert components["EvaluateData"]["properties"]["score"]["enum"] == [1, 2, 3, 4, 5]
    convert = components["ConvertData"]["properties"]["target"]
    assert convert["enum"] == Instrument.values
    # Files go to the multipart endpoint, not in the JSON data.
    assert "files" not in components["DeliverData"]["properties"]
    assert "answer" in components["DeliverData"]["required"]
    path = schema["paths"]["/api/v1/cases/{case_id}/actions/{action}"]["post"]
    action = next(p for p in path["parameters"] if p["name"] == "action")
    assert action["schema"]["enum"] == list(ACTIONS)


def test_an_unknown_policy_area_is_a_dutch_422_naming_the_valid_ones(client, world):
    response = client.post(
        "/api/v1/cases",
        {"title": "Amendement parkeren", "question": "x" * 20, "policy_area": "parkeren"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issue(world['raadslid1'])}",
    )
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] == "Ongeldige invoer in: policy_area."
    (message,) = body["errors"]["policy_area"]
    assert message.startswith("onbekende waarde; kies uit: sociaal_domein, ")
    assert "mobiliteit" in message


def test_existing_clients_keep_their_shape(client, world):
    """The same JSON as before the schema was typed: an action body {"version", "data"}."""
    key = {"HTTP_AUTHORIZATION": f"Bearer {issue(world['raadslid1'])}"}
    created = client.post(
        "/api/v1/cases",
        {"title": "Amendement parkeren", "question": "x" * 20, "policy_area": "mobiliteit"},
        content_type="application/json",
        **key,
    ).json()
    response = client.post(
        f"/api/v1/cases/{created['id']}/actions/submit",
        {"version": created["version"], "data": {}},
        content_type="application/json",
        **key,
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "submitted"
