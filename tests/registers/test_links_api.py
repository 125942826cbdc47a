# SPDX-License-Identifier: EUPL-1.2
"""Links in the API: the schema lists the kinds and types, a list shows only links whose other
end the caller sees, adding and removing follow the same rules as the pages."""

import json

import pytest
from django.test import Client

from raadsloket.api.root import api
from raadsloket.registers.models import LINK_KINDS, Link, LinkType

pytestmark = pytest.mark.django_db
URL = "/api/v1/registers/links"


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _post(client, body):
    return client.post(URL, json.dumps(body), content_type="application/json")


def test_the_schema_lists_the_link_kinds_and_types():
    schemas = api.get_openapi_schema()["components"]["schemas"]
    assert schemas["LinkIn"]["properties"]["type"]["enum"] == LinkType.values
    assert schemas["LinkIn"]["properties"]["from_kind"]["enum"] == list(LINK_KINDS)


def test_the_list_of_the_motion_leaves_out_the_bijstand_request_for_an_outsider(chain):
    c = chain.chain
    query = f"{URL}?kind=motion&id={c.motion.pk}"
    outsider = _client(chain.main["wethouder2"]).get(query)
    assert outsider.status_code == 200
    text = outsider.content.decode()
    assert c.assistance.title not in text and c.assistance.reference not in text
    assert {row["other"]["number"] for row in outsider.json()} == {
        c.commitment.number,
        c.amendment.number,
    }
    assistance = _client(chain.main["raadslid20"]).get(f"{URL}?kind=case&id={c.assistance.pk}")
    assert assistance.status_code == 404
    inside = _client(chain.main["raadslid3"]).get(f"{URL}?kind=amendment&id={c.amendment.pk}")
    assert {row["label"] for row in inside.json()} == {"volgt uit", "opgesteld met bijstand"}


def test_add_and_remove_a_link(chain):
    c = chain.chain
    client = _client(chain.main["griffier"])
    body = {
        "from_kind": "amendment",
        "from_id": c.amendment.pk,
        "type": "executes",
        "to_kind": "commitment",
        "to_id": c.commitment.pk,
    }
    created = _post(client, body)
    assert created.status_code == 201
    assert created.json()["label"] == "voert uit"
    again = _post(client, body)
    assert again.status_code == 409 and "bestaat al" in again.content.decode()
    assert client.delete(f"{URL}/{created.json()['id']}").status_code == 204
    assert not Link.objects.filter(pk=created.json()["id"]).exists()


def test_bad_input_gets_a_dutch_error(chain):
    c = chain.chain
    client = _client(chain.main["griffier"])
    body = {"from_kind": "motion", "from_id": c.motion.pk, "type": "likes"}
    response = _post(client, {**body, "to_kind": "motion", "to_id": c.motion.pk})
    assert response.status_code == 422
    response = _post(
        client, {**body, "type": "executes", "to_kind": "motion", "to_id": c.motion.pk}
    )
    assert response.status_code == 422 and "zichzelf" in response.content.decode()
    response = _post(
        client, {**body, "type": "executes", "to_kind": "motion", "to_id": chain.other_motion.pk}
    )
    assert response.status_code == 404
