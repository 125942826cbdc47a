# SPDX-License-Identifier: EUPL-1.2
"""The one crawler of the leak, header and CSRF tests (tests/access, tests/security).

A crawl follows every same-site link breadth-first from its start pages, as one reader, GET
only. Reading a case page writes an audit event (audit/reads.py), so a crawl runs inside the
test that reads its pages and is rolled back with it; its pages are not shared between tests.
"""

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag

from django.test import Client

HREF = re.compile(r'href="(/[^"]*)"')
# A sitemap's <loc> (publication: the DiWoo sitemaps for the Woo-index) is a full URL.
LOC = re.compile(r"<(?:\w+:)?loc>https?://testserver(/[^<]*)</(?:\w+:)?loc>")
FORM = re.compile(r'<form\b[^>]*\bmethod="post"[^>]*>', re.IGNORECASE)
FORM_ACTION = re.compile(r'\baction="(/[^"]*)"')
# Never follow: logging out would end the crawl; static files and the API's Swagger page hold
# no case data (the page's own headers are checked separately).
SKIP = ("/uitloggen", "/static/", "/api/v1/docs")


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def page_without_csrf(response) -> str:
    """The page without its CSRF token, which is masked afresh in every response."""
    return CSRF_VALUE.sub("", body(response))


def leaks_in(text: str, forbidden: dict[str, str]) -> list[str]:
    return [what for marker, what in forbidden.items() if marker in text]


def case_page_urls(scenarios) -> list[str]:
    """Every case page, action page and answer file of the scenarios, by id."""
    urls = []
    for scenario in scenarios:
        urls.append(f"/verzoeken/{scenario.case_id}")
        urls.append(f"/verzoeken/{scenario.case_id}/accept")
        if scenario.file_token:
            urls.append(f"/verzoeken/{scenario.case_id}/bestanden/{scenario.file_token}")
    return urls


@dataclass
class Crawl:
    """What one crawl fetched: (url, response, text) per page, and the POST forms it saw."""

    pages: list[tuple[str, object, str]] = field(default_factory=list)
    post_forms: set[str] = field(default_factory=set)


def crawl_site(
    client: Client, start: list[str], max_pages: int = 300, follow: tuple[str, ...] = ()
) -> Crawl:
    """Breadth-first over every same-site link from `start`, as `client` (GET only); with
    `follow`, only links under those path prefixes are followed (the start pages are read)."""
    result = Crawl()
    seen: set[str] = set()
    queue = deque(start)
    while queue and len(seen) < max_pages:
        url = urldefrag(queue.popleft())[0].replace("&amp;", "&")
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        text = body(response)
        result.pages.append((url, response, text))
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            links = HREF.findall(text)
            queue.extend(link for link in links if not follow or link.startswith(follow))
            for form in FORM.findall(text):
                action = FORM_ACTION.search(form)
                result.post_forms.add((action.group(1) if action else url).replace("&amp;", "&"))
        elif response.status_code == 200 and "xml" in response.get("Content-Type", ""):
            queue.extend(LOC.findall(text))
    return result
