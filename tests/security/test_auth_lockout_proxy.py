# SPDX-License-Identifier: EUPL-1.2
"""The lock-out behind nginx: per (username, client address), and a forged header changes nothing.

ASVS 2.2.1. nginx connects from 127.0.0.1 and appends the client's address to X-Forwarded-For;
only a request from a trusted proxy (TRUSTED_PROXIES) is believed about where it came from.
"""

import pytest
from django.test import Client

from raadsloket.audit.models import AuditEvent
from raadsloket.security.client_address import check_trusted_proxies

pytestmark = pytest.mark.django_db

LOGIN = "/inloggen/"
NGINX = "127.0.0.1"
ATTACKER = "203.0.113.66"
COLLEAGUE = "198.51.100.7"


@pytest.fixture(autouse=True)
def _behind_nginx(settings):
    settings.TRUSTED_PROXIES = [NGINX]


def via_nginx(client_address: str, *, forged: str = "") -> Client:
    """A browser at client_address whose requests nginx passes on (appending that address)."""
    chain = f"{forged}, {client_address}" if forged else client_address
    return Client(REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=chain)


def log_in(browser: Client, password: str = "fout"):
    return browser.post(LOGIN, {"username": "griffier", "password": password})


def locked_addresses() -> list[str]:
    return [
        event.detail["ip_address"]
        for event in AuditEvent.objects.filter(action="security.locked_out")
    ]


def test_an_attacker_behind_nginx_does_not_lock_out_the_colleague(world):
    attacker = via_nginx(ATTACKER)
    for _ in range(5):
        log_in(attacker)
    assert log_in(attacker, "demo").status_code == 429
    # The real griffier, through the same nginx from her own address, still logs in.
    assert log_in(via_nginx(COLLEAGUE), "demo").status_code == 302
    assert locked_addresses() == [ATTACKER]


def test_an_address_the_client_wrote_itself_in_front_is_not_believed(world):
    # nginx keeps what the client sent and appends the real address: the last hop counts.
    for forged in ["10.1.1.1", "10.2.2.2", COLLEAGUE, "nonsense", "10.3.3.3"]:
        log_in(via_nginx(ATTACKER, forged=forged))
    assert locked_addresses() == [ATTACKER]
    assert log_in(via_nginx(COLLEAGUE), "demo").status_code == 302


def test_a_direct_client_cannot_pretend_to_come_from_elsewhere(world):
    # Not through the trusted proxy: a new X-Forwarded-For each time, all from one socket.
    for number in range(5):
        forged = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, {NGINX}")
        log_in(forged)
    assert locked_addresses() == [ATTACKER]
    assert log_in(Client(REMOTE_ADDR=ATTACKER), "demo").status_code == 429
    assert log_in(via_nginx(COLLEAGUE), "demo").status_code == 302


def test_without_trusted_proxies_the_header_is_ignored(world, settings):
    settings.TRUSTED_PROXIES = []
    for number in range(5):
        log_in(Client(REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"))
    assert locked_addresses() == [NGINX]


def test_a_chain_of_proxies_is_followed_to_the_client(world, settings):
    # A load balancer (10.0.0.5) in front of nginx: both are trusted, outermost first.
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", NGINX]
    balanced = Client(REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=f"192.0.2.9, {ATTACKER}, 10.0.0.5")
    for _ in range(5):
        log_in(balanced)
    assert locked_addresses() == [ATTACKER]


def test_an_unusable_proxy_setting_is_a_dutch_error():
    assert check_trusted_proxies(["127.0.0.1", "::1", "10.0.0.0/8"]) is None
    problem = check_trusted_proxies(["nginx"])
    assert problem is not None
    assert "TRUSTED_PROXIES moet een lijst van IP-adressen of netwerken" in problem
