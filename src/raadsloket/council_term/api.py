# SPDX-License-Identifier: EUPL-1.2
"""The council term in the API: a new member's own onboarding checklist, and ticking it.

Mounted on the project's API (api/root.py), whose authentication it inherits. Who sees what is
decided by raadsloket.access.council_term; someone without a checklist gets 404.
"""

from ninja import Router, Schema
from ninja.errors import HttpError

from raadsloket.access.council_term import sees_onboarding
from raadsloket.access.viewer import viewer_for
from raadsloket.council_term import onboarding
from raadsloket.lib.api import ERRORS

router = Router(tags=["raadsperiode"])


class ChecklistItemOut(Schema):
    key: str
    title: str
    done: bool


class ChecklistOut(Schema):
    done: int
    total: int
    items: list[ChecklistItemOut]


class TickIn(Schema):
    done: bool = True


def _out(person) -> ChecklistOut:
    lines = onboarding.checklist(person)
    return ChecklistOut(
        done=sum(line.ticked for line in lines),
        total=len(lines),
        items=[
            ChecklistItemOut(key=line.item.key, title=line.item.title, done=line.ticked)
            for line in lines
        ],
    )


def _own(request):
    viewer = viewer_for(request.user)
    person = request.user
    if not sees_onboarding(viewer, person) or not hasattr(person, "newcomer"):
        raise HttpError(404, "U heeft geen checklist voor nieuwe leden.")
    return viewer, person


@router.get("/council-term/checklist", response={200: ChecklistOut, **ERRORS})
def own_checklist(request):
    _, person = _own(request)
    return _out(person)


@router.post("/council-term/checklist/{item}", response={200: ChecklistOut, **ERRORS})
def tick_item(request, item: str, payload: TickIn):
    viewer, person = _own(request)
    onboarding.tick(viewer, request.user, person, item, done=payload.done)
    return _out(person)
