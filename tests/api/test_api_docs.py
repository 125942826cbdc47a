# SPDX-License-Identifier: EUPL-1.2
"""The API documentation: only for a signed-in person or an API key, and it works under the CSP."""

import re

import pytest
from django.test import Client

from raadsloket.api.tokens import issue

pytestmark = pytest.mark.django_db

DOCS = "/api/v1/docs"
SCHEMA = "/api/v1/openapi.json"


def test_docs_page_loads_swagger_from_our_own_static_files(login, world):
    response = login(world["raadslid1"]).get(DOCS)

    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)
    # The CSP allows scripts and styles only from 'self': a CDN link would leave a blank page.
    assert all(source.startswith("/static/") for source in sources), sources
    # No inline script that the CSP would block: only the JSON settings block.
    scripts = re.findall(r"<script([^>]*)>", html)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_visitor_who_is_not_signed_in_gets_neither_schema_nor_docs(world):
    visitor = Client()
    response = visitor.get(SCHEMA)
    assert response.status_code == 401
    assert response.json()["detail"] == "Niet ingelogd of ongeldige API-sleutel."
    response = visitor.get(DOCS)
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/api/v1/docs"
    bad_key = visitor.get(SCHEMA, headers={"Authorization": "Bearer niet-geldig"})
    assert bad_key.status_code == 401


def test_an_integration_with_an_api_key_reads_the_schema(world):
    token = issue(world["raadslid1"])
    response = Client().get(SCHEMA, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert "/api/v1/cases" in response.json()["paths"]


def test_an_instance_may_publish_them(world, settings):
    settings.API_DOCS_PUBLIC = True
    assert Client().get(SCHEMA).status_code == 200
    assert Client().get(DOCS).status_code == 200
