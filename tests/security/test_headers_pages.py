# SPDX-License-Identifier: EUPL-1.2
"""Security headers on every page and API answer, and no inline script or style anywhere.

ASVS V14.4 (HTTP security headers), V50 clickjacking; BIO 14.1.2 (secure application
services). A Content-Security-Policy without 'unsafe-inline' only holds if no template needs
inline code, so the HTML of every page the crawl reaches is scanned for it too.
"""

from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.security.security_scenarios import ROLE_PEOPLE
from tests.support.crawl import body, case_page_urls, crawl_site

pytestmark = pytest.mark.django_db

REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
# A <script> of these types is data for a script file, never run by the browser.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def csp_directives(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def header_problems(url: str, response) -> list[str]:
    """What is missing or weak in the security headers of one Django response."""
    problems = []
    header = response.get("Content-Security-Policy")
    if not header:
        return [f"{url}: no Content-Security-Policy"]
    if "unsafe-inline" in header or "unsafe-eval" in header:
        problems.append(f"{url}: CSP allows unsafe code: {header}")
    csp = csp_directives(response)
    for name, expected in (
        ("default-src", ["'self'"]),
        ("script-src", ["'self'"]),
        ("style-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("frame-ancestors", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ):
        if csp.get(name) != expected:
            problems.append(f"{url}: CSP {name} is {csp.get(name)}, expected {expected}")
    if response.get("X-Frame-Options") != "DENY":
        problems.append(f"{url}: X-Frame-Options {response.get('X-Frame-Options')!r}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append(f"{url}: no X-Content-Type-Options nosniff")
    if response.get("Referrer-Policy") not in REFERRER_POLICIES:
        problems.append(f"{url}: Referrer-Policy {response.get('Referrer-Policy')!r}")
    return problems


class InlineCode(HTMLParser):
    """Collects inline <script>, <style>, style="", on*="" and javascript: links."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if (
            tag == "script"
            and "src" not in attributes
            and ((attributes.get("type") or "").lower() not in DATA_SCRIPT_TYPES)
        ):
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'style="{value}" on <{tag}>')
            if name.startswith("on"):
                self.found.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"javascript: URL on <{tag}>")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


# Anonymous, and per role a crawl; the griffier reaches every form of the desk.
CRAWLERS = [None, *ROLE_PEOPLE]
PAGES_SEEN: dict[str, int] = {}


@pytest.mark.parametrize("role", CRAWLERS)
def test_every_page_carries_the_headers_and_no_inline_code(attack, role):
    client = Client()
    start = ["/", "/inloggen/", "/verzoeken/", "/meldingen/", "/bestaat-niet"]
    if role is not None:
        client.force_login(attack.role(role))
        start += case_page_urls(attack.scenarios)
    crawl = crawl_site(client, start)
    problems = []
    html_pages = 0
    for url, response, text in crawl.pages:
        assert response.status_code < 500, (url, response.status_code)
        problems += header_problems(url, response)
        if "html" in response.get("Content-Type", ""):
            html_pages += 1
            problems += [f"{url}: {what}" for what in inline_code(text)]
    PAGES_SEEN[role or "anonymous"] = len(crawl.pages)
    print(
        f"\nheaders crawl as {role or 'anonymous'}: {len(crawl.pages)} responses, "
        f"{html_pages} HTML pages"
    )
    assert html_pages >= (2 if role is None else 10)
    assert not problems, "\n".join(problems)


def test_the_htmx_form_answers_carry_the_headers_too(attack):
    """A partial (htmx) answer is a response of its own: same headers."""
    griffier = attack.role("griffier")
    client = attack.web(griffier)
    submitted = next(
        s for s in attack.scenarios if s.state == "submitted" and s.world is attack.voorbeeld
    )
    url = f"/verzoeken/{submitted.case_id}/accept"
    response = client.post(url, {"version": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code < 500
    assert not header_problems(url, response)


def test_the_api_answers_carry_the_headers(attack):
    """JSON is not rendered, but a browser opening an API URL must not sniff or frame it."""
    person = attack.role("griffier")
    auth = attack.bearer(person)
    client = Client()
    scenario = attack.scenarios[0]
    problems = []
    for method, url, data in [
        ("get", "/api/v1/openapi.json", None),
        ("get", "/api/v1/me", None),
        ("get", "/api/v1/cases", None),
        ("get", f"/api/v1/cases/{scenario.case_id}", None),
        ("get", f"/api/v1/cases/{scenario.case_id}/timeline", None),
        ("get", "/api/v1/cases/999999999", None),
        ("get", "/api/v1/notifications", None),
        ("post", "/api/v1/cases", {"title": "x"}),
        ("post", "/api/v1/advice", {"text": "Hoeveel kost het leerlingenvervoer?"}),
    ]:
        call = getattr(client, method)
        kwargs = {"content_type": "application/json"} if data is not None else {}
        response = call(url, data, **kwargs, **auth) if data is not None else call(url, **auth)
        assert response.status_code < 500, (url, response.status_code)
        problems += header_problems(url, response)
    unauthenticated = client.get("/api/v1/cases")
    assert unauthenticated.status_code == 401
    problems += header_problems("/api/v1/cases (no token)", unauthenticated)
    assert not problems, "\n".join(problems)


def test_an_answer_file_carries_the_headers(attack):
    scenario = next(s for s in attack.scenarios if s.file_token)
    client = attack.web(scenario.world["raadslid1"])
    url = f"/verzoeken/{scenario.case_id}/bestanden/{scenario.file_token}"
    response = client.get(url)
    assert response.status_code == 200
    body(response)
    assert not header_problems(url, response)


def test_the_api_documentation_page_cannot_run_inline_or_third_party_code(attack):
    """ninja's Swagger page is served under the same strict policy: its inline script and a
    script from a CDN, if any, would not run. (The page loads its files locally only when
    `ninja` is an installed app.)"""
    response = attack.web(attack.role("member")).get("/api/v1/docs")
    if response.status_code == 404:
        return
    assert not header_problems("/api/v1/docs", response)
    assert csp_directives(response)["script-src"] == ["'self'"]


def test_clickjacking_every_page_refuses_to_be_framed(attack):
    """Both the old header (X-Frame-Options) and the CSP directive (frame-ancestors)."""
    client = attack.web(attack.role("member"))
    for url in [
        "/",
        "/verzoeken/",
        "/verzoeken/nieuw",
        "/inloggen/",
        "/meldingen/instellingen",
        f"/verzoeken/{attack.scenarios[0].case_id}",
        "/api/v1/me",
    ]:
        response = client.get(url)
        assert response.get("X-Frame-Options") == "DENY", url
        assert csp_directives(response).get("frame-ancestors") == ["'none'"], url


def test_the_scanner_finds_inline_code():
    """The inline-code scan is not blind."""
    page = (
        '<div style="color:red" onclick="x()"><script>alert(1)</script>'
        '<style>p{}</style><a href="javascript:alert(1)">x</a>'
        '<script type="application/json">{}</script><script src="/s.js"></script></div>'
    )
    found = inline_code(page)
    assert len(found) == 5, found
