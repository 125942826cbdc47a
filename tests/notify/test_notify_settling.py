# SPDX-License-Identifier: EUPL-1.2
"""Fewer notifications by rule (notify/delivery.py `settle`): a notice that asked for a step is
read once someone took that step; a legally required notice stays unread until its recipient
reads it."""

import pytest

from raadsloket.cases.states import State
from raadsloket.notify.models import Notification

pytestmark = pytest.mark.django_db

GRIFFIE = {"griffier", "raadsadviseur", "raadsadviseur2"}


def unread_of(event: str, case) -> set[str]:
    rows = Notification.objects.filter(event=event, case=case, read_at=None)
    return set(rows.values_list("recipient__username", flat=True))


def test_one_griffie_member_taking_the_intake_settles_the_request_for_all(desk, world):
    case = desk.run_to(desk.new(), State.SUBMITTED)
    # Model-verordening: the request is asked of the whole griffie.
    assert unread_of("submit", case) >= GRIFFIE
    desk.act(case, "accept", "raadsadviseur")
    assert unread_of("submit", case) == set()
    # Read, not deleted: the griffie can still find them in its inbox.
    assert Notification.objects.filter(event="submit", case=case).count() >= len(GRIFFIE)


def test_a_refusal_stays_unread_for_who_did_not_act(desk, world):
    case = desk.run_to(desk.new(co_requesters=[world["raadslid2"].pk]), State.REFUSED)
    told = unread_of("refuse", case)
    assert {"raadslid1", "raadslid2"} <= told
    assert Notification.objects.filter(event="refuse", case=case, legally_required=True).exists()
    desk.act(case, "object", "raadslid1", {"reason": "De weigering gaat voorbij aan ons recht."})
    # The objector acted on it; the co-requester must still receive the refusal (RULES.md
    # "Disputes": a refusal is a legally required notice).
    assert "raadslid2" in unread_of("refuse", case)
    assert "raadslid1" not in unread_of("refuse", case)
