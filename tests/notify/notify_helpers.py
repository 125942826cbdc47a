# SPDX-License-Identifier: EUPL-1.2
"""Helpers of the notify tests: a desk that commits each step, and who got what."""

from contextlib import contextmanager

from raadsloket.demo import lifecycle
from raadsloket.notify.models import Notification

SITE_URL = "https://raadsloket.voorbeeld.nl"


class Desk:
    """Drive cases as the named people do, each step committed so its mails go out."""

    def __init__(self, world, capture):
        self.world = world
        self._capture = capture

    @contextmanager
    def committed(self):
        with self._capture(execute=True):
            yield

    def act(self, case, action: str, username: str, data: dict | None = None):
        with self.committed():
            return lifecycle.act(self.world, case, action, username, data)

    def new(self, member: str = "raadslid1", **fields):
        with self.committed():
            return lifecycle.new_case(self.world, member, **fields)

    def run_to(self, case, state: str, **people):
        with self.committed():
            return lifecycle.run_to(self.world, case, state, **people)


def recipients(event: str | None = None, case=None) -> set[str]:
    """Usernames that received a notification (of `event`, about `case`)."""
    rows = Notification.objects.all()
    if event is not None:
        rows = rows.filter(event=event)
    if case is not None:
        rows = rows.filter(case=case)
    return set(rows.values_list("recipient__username", flat=True))


def mailed(outbox, world) -> dict[str, list]:
    """Mails per username of `world`."""
    by_address = {person.email: name for name, person in world.people.items()}
    result: dict[str, list] = {}
    for message in outbox:
        for address in message.to:
            result.setdefault(by_address.get(address, address), []).append(message)
    return result
