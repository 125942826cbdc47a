# SPDX-License-Identifier: EUPL-1.2
"""One register world for the register tests: items in every status in Gemeente Voorbeeld and a
few in Gemeente Domstede, built through the domain functions as the griffie would."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.demo.people import World, build_municipality
from raadsloket.organisation.models import Fractie
from raadsloket.registers import services
from raadsloket.registers.models import Amendment, Motion, Outcome

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Scene:
    main: World
    other: World
    today: date
    items: dict = field(default_factory=dict)

    def __getitem__(self, key: str):
        return self.items[key]


def motion(
    world: World,
    number: str,
    outcome=Outcome.ADOPTED,
    *,
    holder="wethouder1",
    due=None,
    model=Motion,
    title="",
):
    griffie = viewer_for(world["griffier"])
    fractie = Fractie.objects.filter(municipality=world.municipality).order_by("name").first()
    data = services.ProposalInput(
        number=number,
        title=title or f"Motie {number} over speelplekken",
        text="De raad verzoekt het college om meer speelplekken.",
        meeting_date=timezone.localdate() - timedelta(days=60),
        agenda_item="7",
        outcome=outcome,
        submitters=(world["raadslid1"],),
        co_signers=(world["raadslid9"],),
        votes=((fractie, "for"),),
        portfolio_holder=world[holder] if model is Motion and outcome == Outcome.ADOPTED else None,
        due_date=due,
        amends="Raadsvoorstel begroting 2027" if model is Amendment else "",
    )
    return services.record_proposal(griffie, model, data)


def commitment(world: World, title: str, due: date, holder="wethouder1", number=""):
    griffie = viewer_for(world["griffier"])
    return services.record_commitment(
        griffie,
        services.CommitmentInput(
            number=number,
            title=title,
            portfolio_holder=world[holder],
            meeting_name="Commissie Bestuur",
            meeting_date=timezone.localdate() - timedelta(days=40),
            made_to="raadslid Jansen",
            text="De wethouder stuurt de raad een brief over de voortgang.",
            due_date=due,
        ),
    )


def fill(world: World, prefix: str = "") -> dict:
    today = timezone.localdate()
    items = {
        "late_motion": motion(world, f"{prefix}M-1", due=today - timedelta(days=10)),
        "open_motion": motion(
            world, f"{prefix}M-2", holder="wethouder2", due=today + timedelta(days=30)
        ),
        "rejected_motion": motion(world, f"{prefix}M-3", Outcome.REJECTED),
        "held_motion": motion(world, f"{prefix}M-4", Outcome.HELD),
        "amendment": motion(world, f"{prefix}A-1", model=Amendment),
        "late_commitment": commitment(world, "Brief over het zwembad", today - timedelta(days=5)),
        "open_commitment": commitment(
            world, "Notitie over parkeren", today + timedelta(days=10), holder="wethouder2"
        ),
    }
    done = commitment(world, "Evaluatie markt", today + timedelta(days=3))
    services.propose_done(viewer_for(world["collegecontact"]), done, "De evaluatie is verstuurd.")
    items["done_commitment"] = services.decide_done(
        viewer_for(world["griffier"]), done, accept=True, reference="Commissie Bestuur 1-2-2026"
    )
    items["concept"] = services.start_initiative(
        viewer_for(world["raadslid1"]),
        title=f"{prefix}Initiatiefvoorstel GEHEIM-CONCEPT",
        text="Een voorstel voor een nieuwe verordening over groen in de wijk.",
        co_submitters=[world["raadslid2"]],
    )
    submitted = services.start_initiative(
        viewer_for(world["raadslid3"]),
        title=f"{prefix}Initiatiefvoorstel Bomenplan",
        text="Een voorstel voor het planten van duizend bomen in de gemeente.",
    )
    items["submitted"] = services.submit_initiative(viewer_for(world["raadslid3"]), submitted)
    return items


def build_scene(django_db_blocker, media_root):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media_root),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            main = build_municipality("Gemeente Voorbeeld", "voorbeeld", password="demo")
            other = build_municipality(
                "Gemeente Domstede", "domstede", preset="utrecht", prefix="u-", password="demo"
            )
            scene = Scene(main, other, timezone.localdate(), fill(main))
            scene.items.update({f"other_{k}": v for k, v in fill(other, "D").items()})
            yield scene
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
