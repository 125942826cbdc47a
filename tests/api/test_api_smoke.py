# SPDX-License-Identifier: EUPL-1.2
import pytest

from raadsloket.api.tokens import issue


def bearer(person):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue(person)}"}


@pytest.mark.django_db
def test_member_creates_and_submits_via_api(client, world):
    headers = bearer(world["raadslid1"])
    response = client.post(
        "/api/v1/cases",
        {
            "title": "Amendement parkeren",
            "question": "Kunt u helpen met een amendement?",
            "policy_area": "mobiliteit",
            "submit": True,
        },
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "submitted"
    assert body["available_actions"] == [{"action": "withdraw", "label": "Intrekken"}]
