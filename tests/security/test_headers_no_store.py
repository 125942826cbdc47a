# SPDX-License-Identifier: EUPL-1.2
"""Nothing a signed-in person sees stays in a cache: Cache-Control no-store (OWASP ASVS V8.2.1)."""

from django.test import Client


def no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_a_case_page_is_not_stored(attack):
    scenario = attack.scenarios[0]
    response = attack.web(scenario.world["raadslid1"]).get(f"/verzoeken/{scenario.case_id}")
    assert response.status_code == 200
    assert no_store(response), response.get("Cache-Control")


def test_an_api_case_answer_is_not_stored(attack):
    scenario = attack.scenarios[0]
    key = attack.bearer(attack.role("griffier"))
    for url in [f"/api/v1/cases/{scenario.case_id}", "/api/v1/cases"]:
        response = Client().get(url, **key)
        assert response.status_code == 200, url
        assert no_store(response), (url, response.get("Cache-Control"))


def test_a_case_file_download_is_not_stored(attack):
    scenario = next(s for s in attack.scenarios if s.file_token)
    client = attack.web(scenario.world["raadslid1"])
    response = client.get(f"/verzoeken/{scenario.case_id}/bestanden/{scenario.file_token}")
    assert response.status_code == 200
    assert no_store(response), response.get("Cache-Control")
