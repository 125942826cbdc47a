# SPDX-License-Identifier: EUPL-1.2
"""Making and removing links: the rules and their Dutch errors, the audit line, the form on an
item's page, and the case pages that show the samenhang."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from raadsloket.access.viewer import viewer_for
from raadsloket.audit.models import AuditEvent
from raadsloket.lib.errors import Conflict, Forbidden, InvalidInput, NotFound
from raadsloket.registers import links
from raadsloket.registers.models import Link, LinkType

pytestmark = pytest.mark.django_db


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_each_link_type_reads_both_ways_in_dutch(chain):
    c = chain.chain
    link = Link.objects.get(from_kind="commitment", from_id=c.commitment.pk, to_id=c.motion.pk)
    assert link.label_from("commitment", c.commitment.pk) == "volgt uit"
    assert link.label_from("motion", c.motion.pk) == "leidde tot"
    assert {str(t.label) for t in LinkType} == {
        "volgt uit",
        "beantwoordt",
        "voert uit",
        "vraagt naar",
        "opgesteld met bijstand",
    }


def test_an_item_cannot_point_to_itself(chain):
    griffie = viewer_for(chain.main["griffier"])
    with pytest.raises(InvalidInput, match="niet naar zichzelf"):
        links.add_link(griffie, chain.chain.motion, chain.chain.motion, LinkType.EXECUTES)
    with pytest.raises(IntegrityError), transaction.atomic():
        Link.objects.create(
            municipality=chain.main.municipality,
            from_kind="motion",
            from_id=chain.chain.motion.pk,
            to_kind="motion",
            to_id=chain.chain.motion.pk,
            type=LinkType.EXECUTES,
        )


def test_the_same_link_twice_is_refused_in_dutch_and_stores_nothing(chain):
    c = chain.chain
    before = Link.objects.count()
    with pytest.raises(Conflict, match="bestaat al"):
        links.add_link(
            viewer_for(chain.main["griffier"]), c.commitment, c.motion, LinkType.FOLLOWS_FROM
        )
    assert Link.objects.count() == before


def test_an_unknown_type_is_refused_in_dutch(chain):
    c = chain.chain
    with pytest.raises(InvalidInput, match="Onbekende soort koppeling"):
        links.add_link(viewer_for(chain.main["griffier"]), c.amendment, c.commitment, "likes")


def test_an_item_of_another_municipality_cannot_be_linked(chain):
    griffie = viewer_for(chain.main["griffier"])
    with pytest.raises(NotFound, match="bestaat niet of u mag het niet zien"):
        links.add_link(griffie, chain.chain.motion, chain.other_motion, LinkType.FOLLOWS_FROM)
    with pytest.raises(NotFound):
        links.resolve(griffie, "motion", chain.other_motion.pk)


def test_a_member_links_only_what_is_theirs(chain):
    c = chain.chain
    stranger = viewer_for(chain.main["raadslid20"])
    with pytest.raises(Forbidden, match="griffie, of het raadslid"):
        links.add_link(stranger, c.amendment, c.commitment, LinkType.EXECUTES)
    owner = viewer_for(chain.main["raadslid3"])  # submitted the amendement
    link = links.add_link(owner, c.amendment, c.commitment, LinkType.EXECUTES)
    event = AuditEvent.objects.filter(action="register_link_added").order_by("-seq").first()
    assert event.detail["link"] == link.pk
    assert event.detail["to"] == ["commitment", c.commitment.pk]
    with pytest.raises(Forbidden):
        links.remove_link(viewer_for(chain.main["raadslid21"]), link.pk)
    links.remove_link(owner, link.pk)
    assert not Link.objects.filter(pk=link.pk).exists()
    assert AuditEvent.objects.filter(action="register_link_removed").exists()


def test_an_outsider_cannot_remove_a_link_to_what_they_do_not_see(chain):
    c = chain.chain
    hidden = Link.objects.get(from_kind="amendment", to_kind="case", to_id=c.assistance.pk)
    with pytest.raises(NotFound, match="bestaat niet"):
        links.remove_link(viewer_for(chain.main["raadslid20"]), hidden.pk)
    assert Link.objects.filter(pk=hidden.pk).exists()


def test_the_griffie_links_by_number_on_the_item_page(chain):
    c = chain.chain
    client = _client(chain.main["griffier"])
    page = client.get(c.commitment.get_absolute_url()).content.decode()
    assert "Koppeling toevoegen" in page
    url = f"/registers/koppelingen/commitment/{c.commitment.pk}"
    response = client.post(url, {"type": "answers:terug", "kind": "case", "number": "RL-99999"})
    assert response.status_code == 422
    assert "bestaat niet of u mag het niet zien" in response.content.decode()
    response = client.post(
        url, {"type": "answers:terug", "kind": "case", "number": c.question.reference}
    )
    assert response.status_code == 302
    assert Link.objects.filter(
        from_kind="case", from_id=c.question.pk, type="answers", to_id=c.commitment.pk
    ).exists()


def test_a_member_gets_no_link_form_on_an_item_that_is_not_theirs(chain):
    c = chain.chain
    client = _client(chain.main["raadslid20"])
    assert "Koppeling toevoegen" not in client.get(c.motion.get_absolute_url()).content.decode()
    response = client.get(f"/registers/koppelingen/motion/{c.motion.pk}")
    assert response.status_code == 403
    assert client.get(f"/registers/koppelingen/case/{c.assistance.pk}").status_code == 404


def test_the_written_question_page_shows_the_chain_as_each_may_see_it(chain):
    c = chain.chain
    url = f"/verzoeken/{c.question.pk}"
    inside = _client(chain.main["raadslid3"]).get(url).content.decode()
    assert "Samenhang" in inside and c.assistance.reference in inside
    outside = _client(chain.main["raadslid20"]).get(url).content.decode()
    assert "Samenhang" in outside and c.commitment.number in outside
    assert c.assistance.reference not in outside and c.assistance.title not in outside


def test_the_manager_sees_no_samenhang_on_the_bijstand_case_they_see_the_hours_of(chain):
    c = chain.chain
    response = _client(chain.main["manager3"]).get(f"/verzoeken/{c.assistance.pk}")
    assert response.status_code == 200  # the hours of their own staff
    html = response.content.decode()
    assert "Samenhang" not in html and c.amendment.number not in html


def test_the_work_does_not_depend_on_hidden_links(chain):
    """The same queries whether the hidden bijstand request is linked or not."""
    c = chain.chain
    outsider = viewer_for(chain.main["raadslid20"])

    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            links.samenhang(outsider, c.motion)
        return [q["sql"] for q in captured.captured_queries]

    with_hidden = queries()
    Link.objects.filter(from_kind="case", from_id=c.assistance.pk).delete()
    Link.objects.filter(to_kind="case", to_id=c.assistance.pk).delete()
    assert len(queries()) == len(with_hidden)
