# SPDX-License-Identifier: EUPL-1.2
"""The demo chain of Gemeente Voorbeeld (raadsloket.demo.links) and a motie of Domstede, built
once per module and rolled back after it."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.test import override_settings

from raadsloket.demo.links import DemoChain, load_links
from raadsloket.demo.people import World, build_municipality
from tests.registers.scene import FAST_HASHERS, motion


@dataclass
class LinkScene:
    main: World
    other: World
    chain: DemoChain
    other_motion: object


def build_link_scene(django_db_blocker):
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            main = build_municipality("Gemeente Voorbeeld", "voorbeeld", password="demo")
            other = build_municipality(
                "Gemeente Domstede", "domstede", preset="utrecht", prefix="u-", password="demo"
            )
            yield LinkScene(
                main,
                other,
                load_links(main),
                motion(other, "DM-1", due=date.today() + timedelta(days=30)),
            )
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
