# SPDX-License-Identifier: EUPL-1.2
"""Following a case, a register item or a keyword: only what one may see, and the steps and new
items reach the follower in the app, by e-mail and in the daily summary."""

from datetime import timedelta

import pytest
from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.follow import services
from raadsloket.follow.alerts import FOLLOWED_STEP, KEYWORD_MATCH
from raadsloket.follow.models import Follow, Kind, Scope
from raadsloket.lib.errors import InvalidInput, NotFound
from raadsloket.notify.delivery import choose_delivery
from raadsloket.notify.digest import send_digests
from raadsloket.notify.models import Delivery, Notification
from raadsloket.organisation.models import RoleAssignment
from raadsloket.registers import services as registers
from tests.notify.notify_helpers import mailed
from tests.registers.scene import motion

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Leerlingenvervoer GEHEIM-LV-5521"
SECRET_QUESTION = "Kan het leerlingenvervoer LV-5521 met vrijwilligers?"


def told(event: str, username_of) -> set[str]:
    return set(
        Notification.objects.filter(event=event).values_list("recipient__username", flat=True)
    ) & set(username_of)


def confidential_request(desk):
    case = desk.new(title=SECRET_TITLE, question=SECRET_QUESTION, confidential=True)
    return desk.act(case, "submit", "raadslid1")


def test_an_outsider_cannot_follow_a_confidential_request_and_learns_nothing(desk, world, client):
    case = confidential_request(desk)
    outsider = viewer_for(world["raadslid5"])
    with pytest.raises(NotFound) as hidden:
        services.follow(outsider, Kind.CASE, case.pk)
    with pytest.raises(NotFound) as missing:
        services.follow(outsider, Kind.CASE, case.pk + 10_000)
    assert hidden.value.message == missing.value.message == services.NOT_FOUND
    client.force_login(world["raadslid5"])
    page = client.post("/volgen/volg", {"kind": "case", "item_id": case.pk})
    api = client.post(
        "/api/v1/follows", {"kind": "case", "item_id": case.pk}, content_type="application/json"
    )
    assert page.status_code == 404 and api.status_code == 404
    assert SECRET_TITLE not in page.content.decode() + api.content.decode()
    assert not Follow.objects.filter(person=world["raadslid5"]).exists()
    # The requester follows it; the griffier, inside the bubble, too.
    services.follow(viewer_for(world["raadslid1"]), Kind.CASE, case.pk)
    services.follow(viewer_for(world["griffier"]), Kind.CASE, case.pk)
    assert Follow.objects.filter(item_id=case.pk).count() == 2


def test_a_status_change_of_a_motion_reaches_its_follower_in_the_app_and_by_mail(
    desk, world, mailoutbox, client
):
    item = motion(world, "M-77", due=timezone.localdate() + timedelta(days=20))
    services.follow(viewer_for(world["raadslid5"]), Kind.MOTION, item.pk)
    client.force_login(world["raadslid5"])
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Niet meer volgen" in page
    with desk.committed():
        registers.complete_motion(viewer_for(world["griffier"]), item, reference="Brief 2026-14")
    row = Notification.objects.get(event=FOLLOWED_STEP, recipient=world["raadslid5"])
    assert "afgedaan" in row.headline and row.link == item.get_absolute_url()
    assert "afgedaan" in mailed(mailoutbox, world)["raadslid5"][-1].subject
    # Nobody who does not follow it hears of it this way, nor the griffier who acted.
    assert told(FOLLOWED_STEP, world.people) == {"raadslid5"}
    listing = client.get("/volgen/").content.decode()
    assert "M-77" in listing and "afgedaan" in listing


def test_a_keyword_matches_a_new_public_motion_with_dutch_stemming(desk, world):
    services.follow_keyword(viewer_for(world["raadslid5"]), "speelplek", Scope.MOTION)
    services.follow_keyword(viewer_for(world["raadslid6"]), "zwembad")
    services.follow_keyword(viewer_for(world["raadslid7"]), "speelplek", Scope.COMMITMENT)
    with desk.committed():
        motion(
            world,
            "M-88",
            title="Motie meer speelplekken in de wijk",
            due=timezone.localdate() + timedelta(days=20),
        )
    assert told(KEYWORD_MATCH, world.people) == {"raadslid5"}
    row = Notification.objects.get(event=KEYWORD_MATCH)
    assert '"speelplek"' in row.body and "M-88" in row.headline


def test_a_keyword_in_a_confidential_request_reaches_nobody_outside_it(desk, world, mailoutbox):
    for username in ("raadslid5", "raadslid6", "wethouder1", "griffier"):
        services.follow_keyword(viewer_for(world[username]), "leerlingenvervoer")
    confidential_request(desk)
    # The griffie handles the request (inside the bubble); the other members and the college
    # do not hear of it at all: not that it exists, nor that it matched.
    assert told(KEYWORD_MATCH, world.people) == {"griffier"}
    outside = Notification.objects.filter(
        recipient__username__in=["raadslid5", "raadslid6", "wethouder1"]
    )
    for row in outside:
        assert "LV-5521" not in row.title + row.headline + row.body
    for username in ("raadslid5", "raadslid6", "wethouder1"):
        for message in mailed(mailoutbox, world).get(username, []):
            assert "LV-5521" not in message.subject + message.body


def test_a_follower_who_lost_access_hears_nothing(desk, world):
    case = confidential_request(desk)
    adviser = world["raadsadviseur"]
    services.follow(viewer_for(adviser), Kind.CASE, case.pk)
    RoleAssignment.objects.filter(person=adviser).delete()
    desk.act(case, "accept", "griffier")
    assert not Notification.objects.filter(recipient=adviser, event=FOLLOWED_STEP).exists()
    assert (
        services.followed(viewer_for(world["raadsadviseur"].__class__.objects.get(pk=adviser.pk)))
        == []
    )


def test_a_followed_step_goes_into_the_daily_summary(desk, world, mailoutbox):
    item = motion(world, "M-99", due=timezone.localdate() + timedelta(days=20))
    choose_delivery(world["raadslid5"], Delivery.DAILY_DIGEST)
    services.follow(viewer_for(world["raadslid5"]), Kind.MOTION, item.pk)
    with desk.committed():
        registers.complete_motion(viewer_for(world["griffier"]), item, reference="Brief 2026-15")
    assert "raadslid5" not in mailed(mailoutbox, world)
    send_digests(timezone.localdate())
    summary = mailed(mailoutbox, world)["raadslid5"][-1]
    assert "M-99" in summary.body


def test_a_keyword_of_only_common_words_is_refused_in_dutch(world, client):
    with pytest.raises(InvalidInput) as refused:
        services.follow_keyword(viewer_for(world["raadslid5"]), "de het")
    assert "veelvoorkomende" in refused.value.message
    client.force_login(world["raadslid5"])
    page = client.post("/volgen/trefwoorden", {"keyword": "en", "scope": "all"})
    assert page.status_code == 422 and "ten minste 3 tekens" in page.content.decode()
    api = client.post(
        "/api/v1/follows/keywords",
        {"keyword": "fietspad", "scope": "nergens"},
        content_type="application/json",
    )
    assert api.status_code == 422
    added = client.post(
        "/api/v1/follows/keywords", {"keyword": "Fietspaden"}, content_type="application/json"
    )
    assert added.status_code == 201 and added.json()["keyword"] == "fietspaden"
    listing = client.get("/api/v1/follows").json()
    assert [row["keyword"] for row in listing["keywords"]] == ["fietspaden"]
    gone = client.delete(f"/api/v1/follows/keywords/{added.json()['id']}")
    assert gone.status_code == 204
