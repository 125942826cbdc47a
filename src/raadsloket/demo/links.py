# SPDX-License-Identifier: EUPL-1.2
"""The chain a raadslid walks, linked, for the demo of Gemeente Voorbeeld.

A motie is adopted → the wethouder makes a toezegging to carry it out → when it slips, raadslid3
asks written questions about the delay → and asks ambtelijke bijstand (confidentially) to draft
the follow-up amendement, which the council adopts. On the motie's page raadslid3 and the griffie
see the whole chain; another raadslid, a wethouder or a manager sees it without the bijstand
request (raadsloket.access.links).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import new_case, new_written_question, run_to, run_written_to
from raadsloket.demo.people import World
from raadsloket.organisation.models import Fractie
from raadsloket.registers import links, services
from raadsloket.registers.models import Amendment, Commitment, LinkType, Motion, Outcome

MEMBER = "raadslid3"
SERVANT = "ambtenaar12"
HOLDER = "wethouder1"
PLACE = "basisschool De Wilg"


@dataclass
class DemoChain:
    motion: Motion
    commitment: Commitment
    question: Case
    assistance: Case
    amendment: Amendment

    def line(self) -> str:
        return (
            f"Samenhang: motie {self.motion.number} → toezegging {self.commitment.number} → "
            f"schriftelijke vragen {self.question.reference} → bijstand "
            f"{self.assistance.reference} (vertrouwelijk) → amendement {self.amendment.number}."
        )


def load_links(world: World) -> DemoChain:
    today = timezone.localdate()
    griffie = viewer_for(world["griffier"])
    member = viewer_for(world[MEMBER])
    fracties = list(Fractie.objects.filter(municipality=world.municipality).order_by("pk"))
    adopted_on = today - timedelta(days=200)
    motion = services.record_proposal(
        griffie,
        Motion,
        services.ProposalInput(
            number=f"M{adopted_on:%Y}-100",
            title=f"Motie Verkeersveilige schoolomgeving {PLACE}",
            text=(
                "De raad verzoekt het college binnen vier maanden een plan van aanpak voor een "
                f"verkeersveilige schoolomgeving bij {PLACE} aan de raad te sturen."
            ),
            meeting_date=adopted_on,
            agenda_item="8",
            outcome=Outcome.ADOPTED,
            submitters=(world[MEMBER],),
            co_signers=(world["raadslid9"],),
            votes=tuple((fractie, "for") for fractie in fracties),
            portfolio_holder=world[HOLDER],
            due_date=adopted_on + timedelta(days=120),
        ),
    )
    commitment = services.record_commitment(
        griffie,
        services.CommitmentInput(
            title=f"Plan van aanpak schoolomgeving {PLACE}",
            portfolio_holder=world[HOLDER],
            meeting_name="Raadsvergadering",
            meeting_date=adopted_on,
            made_to="de raad",
            text=(
                "De wethouder zegt toe het plan van aanpak uit de motie vóór de zomer aan de "
                "raad te sturen, met de kosten en de planning."
            ),
            due_date=adopted_on + timedelta(days=110),
        ),
    )
    question = new_written_question(
        world,
        MEMBER,
        title=f"Vertraging plan van aanpak schoolomgeving {PLACE}",
        question=(
            "Het plan van aanpak uit de aangenomen motie is er nog niet, terwijl de wethouder het "
            "vóór de zomer had toegezegd. Wanneer komt het, en waarom is het vertraagd?"
        ),
    )
    question = run_written_to(world, question, State.PUBLISHED, MEMBER)
    assistance = new_case(
        world,
        MEMBER,
        instrument=Instrument.ASSISTANCE,
        policy_area="mobiliteit",
        title=f"Conceptamendement verkeersmaatregelen {PLACE}",
        question=(
            "Kunt u mij helpen een amendement op te stellen dat in de begroting geld vrijmaakt "
            f"voor een schoolzone bij {PLACE}, met de financiële gevolgen?"
        ),
        confidential=True,
    )
    assistance = run_to(world, assistance, State.DELIVERED, servant=SERVANT, member=MEMBER)
    amendment = services.record_proposal(
        griffie,
        Amendment,
        services.ProposalInput(
            number=f"A{today:%Y}-100",
            title=f"Amendement Schoolzone {PLACE}",
            text=f"Aan de begroting wordt € 85.000 toegevoegd voor een schoolzone bij {PLACE}.",
            meeting_date=today - timedelta(days=7),
            agenda_item="5",
            outcome=Outcome.ADOPTED,
            submitters=(world[MEMBER],),
            votes=tuple((fractie, "for") for fractie in fracties),
            amends=f"Raadsvoorstel begroting {today.year + 1}",
        ),
    )
    links.add_link(griffie, commitment, motion, LinkType.FOLLOWS_FROM)
    links.add_link(member, question, commitment, LinkType.ASKS_ABOUT)
    links.add_link(member, assistance, question, LinkType.FOLLOWS_FROM)
    links.add_link(member, amendment, assistance, LinkType.DRAFTED_WITH)
    # The amendement carries out what the motie asked: public, so everyone sees this link.
    links.add_link(griffie, amendment, motion, LinkType.FOLLOWS_FROM)
    return DemoChain(motion, commitment, question, assistance, amendment)
