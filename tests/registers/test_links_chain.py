# SPDX-License-Identifier: EUPL-1.2
"""The chain on the motie's page, decided per linked item: the requester of the bijstand
request sees it all; another raadslid, a wethouder and the manager of the civil servant see the
rest of the chain and nothing of the confidential bijstand request (not its title, its number,
nor that something is hidden)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

# Words a page would use to say that something is left out.
HIDDEN_WORDS = ("verborgen", "niet zichtbaar", "afgeschermd", "vertrouwelijk", "koppelingen die u")


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _secret(chain) -> list[str]:
    """What must not reach an outsider of the bijstand request."""
    case = chain.assistance
    return [case.title, case.reference, f"/verzoeken/{case.pk}"]


def _samenhang(html: str) -> str:
    start = html.index('id="samenhang"')
    return html[start : html.index("</section>", start)]


def test_the_requester_of_the_bijstand_request_sees_the_whole_chain_on_the_motion(chain):
    response = _client(chain.main["raadslid3"]).get(chain.chain.motion.get_absolute_url())
    assert response.status_code == 200
    part = _samenhang(response.content.decode())
    c = chain.chain
    for shown in (
        c.commitment.number,
        c.question.reference,
        c.assistance.reference,
        c.amendment.number,
    ):
        assert shown in part
    assert c.assistance.title in part
    assert "De hele keten" in part
    # The chain reads as the member walked it: motie → toezegging → vragen → bijstand.
    order = [
        part.index(x) for x in (c.commitment.number, c.question.reference, c.assistance.reference)
    ]
    assert order == sorted(order)
    assert "leidde tot" in part and "waarover gevraagd in" in part


@pytest.mark.parametrize("reader", ["raadslid20", "wethouder2", "manager3"])
def test_an_outsider_sees_the_chain_without_the_bijstand_request(chain, reader):
    c = chain.chain
    html = _client(chain.main[reader]).get(c.motion.get_absolute_url()).content.decode()
    for secret in _secret(c):
        assert secret not in html
    part = _samenhang(html)
    assert c.commitment.number in part and c.amendment.number in part
    for word in HIDDEN_WORDS:
        assert word not in part.lower()
