# SPDX-License-Identifier: EUPL-1.2
"""With DEBUG on (the demo, `make run`) a person gets the Dutch error pages of web.errors, never
Django's English debug page that lists the URL patterns or shows a traceback."""

import pytest

pytestmark = pytest.mark.django_db

DEBUG_PAGE_WORDS = ["URLconf", "Page not found", "Traceback", "verzoeken/&lt;int:pk&gt;", "DEBUG"]


def dutch_error(response, status: int, title: str) -> str:
    assert response.status_code == status, response.content[:500]
    html = response.content.decode()
    assert '<html lang="nl"' in html and f'<h1 class="utrecht-heading-1">{title}</h1>' in html
    for word in DEBUG_PAGE_WORDS:
        assert word not in html, word
    return html


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    settings.ROOT_URLCONF = "tests.web.error_urls"
    return settings


def test_a_missing_page_is_the_dutch_404_with_debug_on(debug, client, world):
    client.force_login(world["griffier"])
    html = dutch_error(client.get("/bestaat-niet"), 404, "Niet gevonden")
    assert "Deze pagina bestaat niet" in html


def test_a_missing_page_is_the_dutch_404_also_when_logged_out(debug, client):
    dutch_error(client.get("/verzoeken/niet/zo"), 404, "Niet gevonden")


def test_a_case_that_is_not_there_is_the_dutch_404_with_debug_on(debug, client, world):
    client.force_login(world["griffier"])
    dutch_error(client.get("/verzoeken/999999"), 404, "Niet gevonden")


def test_an_error_is_the_dutch_500_with_debug_on_and_is_logged(debug, client, world, caplog):
    client.force_login(world["griffier"])
    html = dutch_error(client.get("/test-fout/kapot"), 500, "Er ging iets mis")
    assert "kapot" not in html
    assert any(record.exc_info and "kapot" in str(record.exc_info[1]) for record in caplog.records)


def test_a_refusal_is_the_dutch_403_with_debug_on(debug, client, world):
    client.force_login(world["griffier"])
    dutch_error(client.get("/test-fout/geweigerd"), 403, "Geen toegang")


def test_the_known_pages_still_answer_with_debug_on(debug, client, world):
    client.force_login(world["griffier"])
    assert client.get("/").status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200
    # CommonMiddleware still adds a missing slash instead of showing the 404 (APPEND_SLASH).
    response = client.get("/reflectie")
    assert (response.status_code, response.url) == (301, "/reflectie/")


def test_with_dutch_error_pages_off_a_developer_gets_djangos_debug_page(debug, client):
    debug.DUTCH_ERROR_PAGES = False
    response = client.get("/bestaat-niet")
    assert response.status_code == 404 and "URLconf" in response.content.decode()
