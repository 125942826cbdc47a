# SPDX-License-Identifier: EUPL-1.2
"""A crawl as every role: no byte of an incident reaches anyone the access layer keeps out.

The safety scene (tests/support/safety.py) marks each incident's text, place, evidence file
name and handler note, and a member's private checklist note. As each role of the world, and
anonymously, the crawler (tests/support/crawl.py) follows every link from the start page and
from every safety page, action and evidence file by id, and reads the safety API's lists and
every incident's API detail: a marker may show only to who may read it
(raadsloket.access.safety: the reporter, the griffier, the burgemeester, an added reader).
"""

import pytest

from tests.support.crawl import body, crawl_site, leaks_in
from tests.support.safety import CHECKLIST_MARKER, ROLES, build_safety_scene

pytestmark = pytest.mark.django_db

MAX_PAGES = 200
# Where an incident could show: the safety pages, the notification inbox, the API. The whole
# site is crawled as the outsiders closest to an incident (FULL); the rest of the roles walk
# these pages (a whole-site crawl per role costs 5-16 CPU seconds, docs/development.md).
FOLLOW = ("/veiligheid/", "/meldingen/", "/api/")
FULL = {"raadsadviseur", "beheerder-nood", None}
PEOPLE = [*ROLES.values(), None]
IDS = {None: "anonymous", **{username: label for label, username in ROLES.items()}}


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from build_safety_scene(django_db_blocker, tmp_path_factory.mktemp("safety-crawl"))


@pytest.fixture
def files(scene, settings, _fast_hashing):
    settings.MEDIA_ROOT = scene.media_root
    return scene


def _texts(scene, username):
    client = scene.web(username)
    follow = () if username in FULL else FOLLOW
    crawl = crawl_site(client, ["/", *scene.urls()], MAX_PAGES, follow)
    pages = [(url, text) for url, _, text in crawl.pages]
    auth = scene.api(username)
    pages += [(url, body(client.get(url, **auth))) for url in scene.api_urls()]
    return pages


@pytest.mark.parametrize("username", PEOPLE, ids=lambda u: IDS[u])
def test_crawling_everything_reads_no_incident_one_may_not_read(files, username):
    forbidden = files.forbidden_markers(username)
    leaks = {
        url: found for url, text in _texts(files, username) if (found := leaks_in(text, forbidden))
    }
    assert leaks == {}


def test_the_crawl_would_notice_a_leak(files):
    """As the reporter, the same crawl finds the markers of their incident and checklist."""
    text = "".join(text for _, text in _texts(files, "raadslid1"))
    for marker in (
        "ZWAVELSTOKTEKST",
        "KROKUSVELDPLEK",
        "bewijs-LAVENDELBOOG.png",
        CHECKLIST_MARKER,
    ):
        assert marker in text
    shared = "".join(text for _, text in _texts(files, "kabinetschef"))
    assert "NACHTVLINDERNOTITIE" in shared and "ROZENBOTTEKST" not in shared
