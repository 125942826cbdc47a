# SPDX-License-Identifier: EUPL-1.2
"""The onboarding checklist of a new member: the toolkit (seed "Ondersteuning en toerusting
raadsleden": know your instruments, use your support, put it to work) as things to tick.

The items are data (data/onboarding.toml); the member and the griffie tick them. Setting the
password is ticked by itself when the invitation is used; the second factor when a device is
confirmed (security.two_factor).
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse

from raadsloket.access.council_term import sees_onboarding
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.council_term.models import ChecklistTick
from raadsloket.lib.errors import Forbidden, InvalidInput

DATA = Path(__file__).parent / "data" / "onboarding.toml"


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    text: str
    source: str
    link: str = ""

    @property
    def url(self) -> str:
        if not self.link:
            return ""
        try:
            return reverse(self.link)
        except NoReverseMatch:
            return ""


@cache
def items() -> tuple[Item, ...]:
    with DATA.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(Item(**entry) for entry in data["item"])


@dataclass(frozen=True)
class Line:
    item: Item
    ticked: bool
    ticked_by: str = ""
    ticked_at: object = None


def checklist(person) -> list[Line]:
    ticks = {
        tick.item: tick
        for tick in ChecklistTick.objects.filter(person=person).select_related("ticked_by")
    }
    lines = []
    for item in items():
        tick = ticks.get(item.key)
        lines.append(
            Line(
                item,
                tick is not None,
                tick.ticked_by.display_name if tick and tick.ticked_by else "",
                tick.ticked_at if tick else None,
            )
        )
    return lines


def progress(person) -> tuple[int, int]:
    keys = {item.key for item in items()}
    done = ChecklistTick.objects.filter(person=person, item__in=keys).count()
    return done, len(keys)


def tick(viewer: Viewer, actor, person, key: str, *, done: bool) -> None:
    """Tick (or untick) one item of the person's checklist; the member or the griffie."""
    if not sees_onboarding(viewer, person):
        raise Forbidden("U mag deze checklist niet bijwerken.")
    if key not in {item.key for item in items()}:
        raise InvalidInput(f"'{key[:40]}' is geen onderdeel van de checklist.", field="item")
    with transaction.atomic():
        if done:
            try:
                with transaction.atomic():
                    ChecklistTick.objects.create(person=person, item=key, ticked_by=actor)
            except IntegrityError:
                return  # already ticked: nothing changes twice
        elif not ChecklistTick.objects.filter(person=person, item=key).delete()[0]:
            return
        record(
            "council_term.checklist",
            actor=actor,
            municipality_id=person.municipality_id,
            detail={"person": person.pk, "item": key, "done": done},
        )


def mark(person, key: str) -> None:
    """Tick an item the system saw done (the invitation used); no actor."""
    ChecklistTick.objects.get_or_create(person=person, item=key, defaults={"ticked_by": person})
