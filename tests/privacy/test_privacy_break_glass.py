# SPDX-License-Identifier: EUPL-1.2
"""A break-glass read by the administrator is shown to the griffier."""

import pytest

from raadsloket.access.cases import CaseNotFound
from raadsloket.access.models import BreakGlass
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.errors import ActionForbidden, InvalidInput
from raadsloket.cases.models import Case
from raadsloket.cases.services import break_glass
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import new_case, run_to
from raadsloket.notify.models import Notification
from tests.support.crawl import page_without_csrf

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
    assert notice.case_id == case.pk and notice.link == f"/verzoeken/{case.pk}#gegevens-inhoud"
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


def _refusal(client, case_id: int):
    response = client.post(f"/verzoeken/{case_id}/noodtoegang", {"reason": REASON})
    return response.status_code, page_without_csrf(response).replace(f"/{case_id}/", "/")


def test_break_glass_on_a_draft_is_refused_as_for_a_case_that_does_not_exist(client, world):
    # access/cases.py: a draft is seen only by its requester(s), not even as metadata.
    draft = new_case(world, "raadslid1", confidential=True)
    missing = Case.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    with pytest.raises(CaseNotFound):
        break_glass(world["beheerder"], draft.pk, REASON)
    client.force_login(world["beheerder"])
    on_draft, on_missing = _refusal(client, draft.pk), _refusal(client, missing)
    assert on_draft[0] == on_missing[0] == 404
    assert on_draft[1] == on_missing[1]
    assert not BreakGlass.objects.exists()
    assert not AuditEvent.objects.filter(action="case.break_glass").exists()
    assert not Notification.objects.filter(event="break_glass").exists()


def test_an_old_grant_never_opens_a_case_that_is_a_draft_nor_lists_it(client, world):
    case = run_to(world, new_case(world, "raadslid1", confidential=True), "intake")
    break_glass(world["beheerder"], case.pk, REASON)
    # The griffie converted it to a written question: back to the member as a draft.
    Case.objects.filter(pk=case.pk).update(state=State.DRAFT)
    client.force_login(world["beheerder"])
    assert client.get(f"/verzoeken/{case.pk}").status_code == 404
    client.force_login(world["griffier"])
    html = client.get("/").content.decode()
    section = html.split("Noodtoegang door beheerder", 1)[1].split("</section>", 1)[0]
    assert REASON not in section and case.reference not in section
