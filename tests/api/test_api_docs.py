# SPDX-License-Identifier: EUPL-1.2
"""The API documentation page works under the Content-Security-Policy."""

import re


def test_docs_page_loads_swagger_from_our_own_static_files(client, db):
    response = client.get("/api/v1/docs")

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
