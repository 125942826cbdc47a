# SPDX-License-Identifier: EUPL-1.2
"""A crawl as every role over the samenhang and "Wat ik volg": no link, chain, form or follow
alert shows a confidential request's title to anyone who may not read that request.

The scene is the demo chain (raadsloket.demo.links: motie → toezegging → schriftelijke vragen →
confidential bijstand request → amendement) with the demo's follows (raadsloket.demo.follow),
and before the chain is made several people follow a keyword of the confidential request's
title, so its submission is matched against them (raadsloket.follow.alerts). The title of the
confidential request is the marker. By raadsloket.access.links and raadsloket.access.follow it
may show only to who may read the request: the requester, the griffie, the secretaris who
routed it and the civil servant who worked on it. Everyone else (another member, the college, the civil service around it,
another municipality, a visitor) crawls the register pages, the samenhang and its link form,
"Wat ik volg" and the notification inbox, and must not meet it.
"""

import pytest
from django.db import transaction
from django.test import Client

from raadsloket.access.viewer import viewer_for
from raadsloket.cases.transitions import perform
from raadsloket.demo.follow import load_follows
from raadsloket.demo.links import MEMBER, SERVANT, load_links
from raadsloket.follow import services as follow
from raadsloket.follow.models import Scope
from tests.support.crawl import crawl_site, leaks_in
from tests.support.world import build_domstede, build_voorbeeld

pytestmark = pytest.mark.django_db

MAX_PAGES = 150
# The confidential request's title in the demo chain starts with this; nothing else has it.
MARKER = "Conceptamendement verkeersmaatregelen"
KEYWORD = "verkeersmaatregelen"
# Where a link or an alert could show: the registers (each item's samenhang and its link form),
# the case pages, "Wat ik volg" and the notification inbox.
FOLLOW = ("/registers/", "/verzoeken/", "/volgen/", "/meldingen/")
SERVANT_MANAGER = "manager-of-servant"
STEP_FOLLOWER = "beheerder"
READERS = {MEMBER, "griffier", "raadsadviseur", "raadsadviseur2", "secretaris", SERVANT}
OUTSIDERS = {
    "raadslid9": "member who co-signed the motie",
    "raadslid1": "chair of the requester's fractie",
    "raadslid12": "member of another fractie",
    "commissielid1": "committee member",
    "fractiemedewerker1": "fractie employee",
    "wethouder1": "portfolio holder of the motie and the toezegging",
    "burgemeester": "mayor",
    "collegecontact": "college contact",
    "ambtenaar1": "civil servant not on the case",
    SERVANT_MANAGER: "manager of the civil servant on the case",
    # Sees the data of the case but not its request (access.cases), so may follow it and hear
    # of its steps, never its subject: the alert of its closing comes without the title.
    STEP_FOLLOWER: "functional administrator, following the case",
    "u-griffier": "griffier of another municipality",
    "u-raadslid1": "member of another municipality",
    None: "signed out",
}
# The outsiders who follow the keyword too: a match would be the leak.
KEYWORD_FOLLOWERS = (MEMBER, "griffier", "raadslid9", "raadslid1", "wethouder1", "ambtenaar1")


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            main, other = build_voorbeeld(), build_domstede()
            for username in KEYWORD_FOLLOWERS:
                follow.follow_keyword(viewer_for(main[username]), KEYWORD, Scope.ALL)
            other_follower = other["raadslid1"]
            follow.follow_keyword(viewer_for(other_follower), KEYWORD, Scope.ALL)
            chain = load_links(main)
            load_follows(main, chain)
            # The outsider co-signer follows the motie and the written question: their
            # samenhang and steps are theirs to see, the bijstand request behind them is not.
            outsider = viewer_for(main["raadslid9"])
            follow.follow(outsider, chain.motion.KIND, chain.motion.pk)
            follow.follow(outsider, "case", chain.question.pk)
            follow.follow(viewer_for(main[STEP_FOLLOWER]), "case", chain.assistance.pk)
            perform(main["griffier"], chain.assistance.pk, "close")
            people = {**main.people, **{f"u-{k}": v for k, v in other.people.items()}}
            people[SERVANT_MANAGER] = main[SERVANT].department.manager
            yield people, chain
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def pages(scene, username) -> dict[str, str]:
    people, chain = scene
    client = Client()
    if username is not None:
        client.force_login(people[username])
    start = ["/", "/volgen/", "/meldingen/", "/registers/"]
    start += [item.get_absolute_url() for item in (chain.motion, chain.commitment, chain.amendment)]
    start += [
        f"/registers/koppelingen/{item.KIND}/{item.pk}" for item in (chain.motion, chain.amendment)
    ]
    start += [f"/verzoeken/{chain.question.pk}", f"/verzoeken/{chain.assistance.pk}"]
    crawl = crawl_site(client, start, MAX_PAGES, FOLLOW)
    return {url: text for url, _, text in crawl.pages}


@pytest.mark.parametrize("username", list(OUTSIDERS), ids=lambda u: OUTSIDERS[u])
def test_no_link_chain_or_alert_shows_the_confidential_request_to_an_outsider(scene, username):
    forbidden = {MARKER: "the confidential bijstand request's title"}
    leaks = {
        url: found
        for url, text in pages(scene, username).items()
        if (found := leaks_in(text, forbidden))
    }
    assert leaks == {}


@pytest.mark.parametrize("username", sorted(READERS))
def test_the_crawl_would_notice_a_leak(scene, username):
    """Who may read the request meets its title on the same crawl: the markers are not blind."""
    found = [url for url, text in pages(scene, username).items() if MARKER in text]
    assert found, username


def test_the_requester_meets_it_in_the_samenhang_and_in_a_keyword_alert(scene):
    people, chain = scene
    crawled = pages(scene, MEMBER)
    motion_page = crawled[chain.motion.get_absolute_url()]
    assert MARKER in motion_page  # the chain on the motie's page, through the bijstand request
    alerts = "".join(text for url, text in crawled.items() if url.startswith("/meldingen/"))
    assert MARKER in alerts


def test_the_followed_step_reached_the_administrator(scene):
    """The administrator's inbox has the alert of the closing (the outsider crawl reads it)."""
    people, chain = scene
    inbox = "".join(
        text for url, text in pages(scene, STEP_FOLLOWER).items() if url.startswith("/meldingen/")
    )
    assert chain.assistance.reference in inbox
