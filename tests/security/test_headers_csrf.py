# SPDX-License-Identifier: EUPL-1.2
"""CSRF on every state-changing form, session fixation and open redirects around the login.

ASVS V3.2 (session binding: a new session at login), V3.3 (logout ends it), V4.2.2 (CSRF),
V5.1.5 (redirects only to allowed destinations); BIO 9.4.2 (secure log-on).
"""

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.utils.http import url_has_allowed_host_and_scheme

from raadsloket.audit.models import AuditEvent
from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.notify.models import Notification
from tests.security.security_scenarios import ROLE_PEOPLE
from tests.support.crawl import case_page_urls, crawl_site

pytestmark = pytest.mark.django_db


def csrf_client(person) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    return client


def token_of(client: Client) -> str:
    """The CSRF token a browser would hold after opening a page with a form."""
    client.get("/verzoeken/nieuw")
    return client.cookies[django_settings.CSRF_COOKIE_NAME].value


def post_routes(attack) -> dict:
    """Every POST route of the web UI -> a person who can reach it, with real ids."""
    submitted = next(
        s for s in attack.scenarios if s.state == "submitted" and s.world is attack.voorbeeld
    )
    griffier, member = attack.role("griffier"), attack.role("member")
    notification = attack.notifications[attack.scenarios[0].case_id]
    return {
        "/verzoeken/nieuw": member,
        "/verzoeken/nieuw/advies": member,
        # Direct contact exists under the Utrecht profile only.
        "/rechtstreeks-contact/nieuw": attack.domstede["ambtenaar1"],
        f"/verzoeken/{submitted.case_id}/accept": griffier,
        f"/verzoeken/{submitted.case_id}/close": griffier,
        f"/verzoeken/{submitted.case_id}/noodtoegang": attack.role("beheerder"),
        f"/meldingen/{notification}/gelezen": member,
        "/meldingen/alles-gelezen": member,
        "/meldingen/instellingen": member,
        "/uitloggen/": member,
    }


def written() -> tuple[int, int, int, int]:
    return (
        Case.objects.count(),
        TimelineEvent.objects.count(),
        Notification.objects.filter(read_at__isnull=False).count(),
        AuditEvent.objects.filter(action__startswith="case.")
        .exclude(action__in=("case.read", "case.list_read"))
        .count(),
    )


def test_every_post_route_refuses_a_request_without_csrf_token(attack):
    before = written()
    for url, person in post_routes(attack).items():
        client = csrf_client(person)
        response = client.post(
            url,
            {
                "title": "Onderwerp",
                "question": "Een vraag van tien",
                "version": "1",
                "reason": "Een reden van lengte",
            },
        )
        assert response.status_code == 403, (url, response.status_code)
        # A Dutch page, like every other error (never Django's English CSRF page).
        text = response.content.decode()
        assert 'lang="nl"' in text and "Formulier verlopen" in text, url
    assert written() == before


def test_with_the_token_the_same_routes_pass_the_csrf_check(attack):
    """The refusal above is the CSRF check, not a route that refuses everything."""
    for url, person in post_routes(attack).items():
        client = csrf_client(person)
        token = token_of(client)
        response = client.post(url, {"csrfmiddlewaretoken": token, "version": "1"})
        assert "Formulier verlopen" not in response.content.decode(), url


def test_every_form_the_crawl_finds_is_csrf_protected(attack):
    """Forms found by crawling as each role, posted without a token: all refused."""
    forms: dict[str, str] = {}
    # The roles that meet forms: the desk, a member, the routing officer, the administrator's
    # break-glass form and the college contact.
    for role in ("griffier", "member", "secretaris", "beheerder", "collegecontact"):
        username = ROLE_PEOPLE[role]
        crawl = crawl_site(
            attack.web(attack.role(role)), ["/", *case_page_urls(attack.scenarios)], 120
        )
        for action in crawl.post_forms:
            forms.setdefault(action, username)
    assert len(forms) >= 8, sorted(forms)
    for action, username in sorted(forms.items()):
        response = csrf_client(attack.voorbeeld[username]).post(action, {"version": "1"})
        assert response.status_code == 403, (action, response.status_code)
        assert "Formulier verlopen" in response.content.decode(), action
    print(
        f"\nCSRF: {len(forms)} distinct POST forms found by the crawl, all refused without a token"
    )


def test_the_login_form_itself_is_csrf_protected(attack):
    """Login CSRF: an attacker's page must not log a victim into the attacker's account."""
    client = Client(enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"username": "raadslid1", "password": "demo"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_the_api_refuses_a_session_cookie_without_csrf_token(attack):
    """With a cookie the API is a browser surface too; with a bearer token there is no cookie."""
    client = csrf_client(attack.role("member"))
    before = Case.objects.count()
    response = client.post(
        "/api/v1/cases",
        {"title": "Onderwerp", "question": "Een lange vraag", "policy_area": "sociaal_domein"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Case.objects.count() == before
    assert response.json()["detail"].startswith("CSRF-controle mislukt")
    ok = Client(enforce_csrf_checks=True).post(
        "/api/v1/cases",
        {
            "title": "Onderwerp",
            "question": "Een lange vraag van een raadslid",
            "policy_area": "sociaal_domein",
        },
        content_type="application/json",
        **attack.bearer(attack.role("member")),
    )
    assert ok.status_code == 201


# Session fixation (ASVS V3.2.1).


def login(client: Client, username: str = "raadslid1") -> None:
    client.get("/inloggen/")
    response = client.post("/inloggen/", {"username": username, "password": "demo"})
    assert response.status_code == 302, response.content[:300]


def test_the_session_key_changes_at_login(attack):
    client = Client()
    session = client.session  # an anonymous session with a known key
    session["seen"] = True
    session.save()
    before = session.session_key
    login(client)
    after = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not SessionStore().exists(before)  # the old key is gone, not just unused
    assert client.get("/verzoeken/").status_code == 200


def test_a_planted_session_id_never_becomes_a_logged_in_session(attack):
    victim = Client()
    victim.cookies[django_settings.SESSION_COOKIE_NAME] = "aanvallergekozensleutel0123456789"
    login(victim)
    assert victim.cookies[django_settings.SESSION_COOKIE_NAME].value != (
        "aanvallergekozensleutel0123456789"
    )
    attacker = Client()
    attacker.cookies[django_settings.SESSION_COOKIE_NAME] = "aanvallergekozensleutel0123456789"
    response = attacker.get("/verzoeken/")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_logging_out_ends_the_session_on_the_server(attack):
    client = Client()
    login(client)
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert client.post("/uitloggen/").status_code == 302
    assert not SessionStore().exists(key)
    replay = Client()
    replay.cookies[django_settings.SESSION_COOKIE_NAME] = key
    assert replay.get("/verzoeken/").status_code == 302


# Open redirect after login (ASVS V5.1.5).

EVIL_NEXT = [
    "https://evil.example",
    "https://evil.example/inloggen/",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "http://testserver@evil.example/",
    "https://testserver.evil.example/",
    "javascript:alert(1)",
    " https://evil.example",
    "https://evil.example%2f%2e%2e",
    "/%2F%2Fevil.example",
    "/%09/evil.example",
]


def local(location: str) -> bool:
    """A path on this site, or an absolute URL of this host; never a scheme-relative one."""
    if location.startswith(("//", "/\\")) or any(c in location for c in "\t\r\n"):
        return False
    return url_has_allowed_host_and_scheme(
        location, allowed_hosts={"testserver"}, require_https=False
    )


@pytest.mark.parametrize("target", EVIL_NEXT)
def test_login_never_redirects_off_site(attack, target):
    client = Client()
    client.get("/inloggen/", {"next": target})
    response = client.post(
        f"/inloggen/?next={target}", {"username": "raadslid1", "password": "demo", "next": target}
    )
    assert response.status_code == 302
    assert local(response["Location"]), response["Location"]
    # Already logged in, the login page redirects at once: the same rule.
    again = client.get("/inloggen/", {"next": target})
    if again.status_code == 302:
        assert local(again["Location"]), again["Location"]


def test_logout_never_redirects_off_site(attack):
    for target in EVIL_NEXT:
        client = Client()
        login(client)
        response = client.post("/uitloggen/", {"next": target})
        assert response.status_code == 302
        assert local(response["Location"]), (target, response["Location"])


def test_a_local_next_is_still_followed(attack):
    """The check above is not blind: a page of raadsloket itself is where the login goes."""
    client = Client()
    client.get("/inloggen/")
    response = client.post(
        "/inloggen/", {"username": "raadslid1", "password": "demo", "next": "/verzoeken/"}
    )
    assert response["Location"] == "/verzoeken/"


def test_the_next_field_is_escaped_on_the_login_page(attack):
    response = Client().get("/inloggen/", {"next": '"><script>alert(1)</script>'})
    text = response.content.decode()
    assert "<script>alert(1)</script>" not in text
    assert "&quot;&gt;&lt;script&gt;" in text
