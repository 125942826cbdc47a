# SPDX-License-Identifier: EUPL-1.2
"""A break-glass read by the administrator is shown to the griffier."""

import pytest

from raadsloket.cases.errors import ActionForbidden, InvalidInput
from raadsloket.cases.services import break_glass
from raadsloket.demo.lifecycle import new_case, run_to
from raadsloket.notify.models import Notification

REASON = "Storing in de koppeling met het zaaksysteem, melding 4711"


def test_the_griffier_sees_the_grant_on_the_start_page(client, world):
    case = run_to(world, new_case(world, "raadslid1", confidential=True), "intake")
    break_glass(world["beheerder"], case.pk, REASON)
    client.force_login(world["griffier"])
    html = client.get("/").content.decode()
    section = html.split("Noodtoegang door beheerder", 1)[1].split("</section>", 1)[0]
    assert REASON in section and case.reference in section
    assert world["beheerder"].display_name in section


def test_the_griffier_gets_a_notification_without_the_reason(world, other_world):
    case = run_to(world, new_case(world, "raadslid1", confidential=True), "intake")
    before = set(Notification.objects.values_list("pk", flat=True))
    break_glass(world["beheerder"], case.pk, REASON)
    new = Notification.objects.exclude(pk__in=before)
    [notice] = new
    assert notice.recipient == world["griffier"] and notice.event == "break_glass"
    assert notice.case_id == case.pk and notice.link == f"/verzoeken/{case.pk}"
    assert case.reference in notice.body and "functioneel beheerder" in notice.body
    assert world["beheerder"].display_name not in notice.body
    # The reason stays on the start page; the subject only in the in-app title (the griffier
    # sees the request), never in the headline or text that an e-mail carries.
    assert all("4711" not in text for text in (notice.title, notice.headline, notice.body))
    assert case.title in notice.title
    assert case.title not in notice.headline and case.title not in notice.body
    assert not Notification.objects.filter(recipient__municipality=other_world.municipality)


def test_no_notification_when_break_glass_is_refused(world):
    case = run_to(world, new_case(world, "raadslid1"), "intake")
    with pytest.raises(InvalidInput):
        break_glass(world["beheerder"], case.pk, "kort")
    with pytest.raises(ActionForbidden):
        break_glass(world["raadslid2"], case.pk, REASON)
    assert not Notification.objects.filter(event="break_glass").exists()
