# SPDX-License-Identifier: EUPL-1.2
"""A year of moties, amendementen, toezeggingen and initiatiefvoorstellen for the demo.

One council meeting a month for the past twelve months, each with two moties and an amendement,
and toezeggingen from the committees. Everything goes through raadsloket.registers.services as
the griffie, the college contact and the members would, so the audit chain holds each step;
only the dates on which the college answered are set back afterwards, so that the on-time
figures have a year of history. Some items are late, some done on time, some done late.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.demo.people import World
from raadsloket.organisation.models import Fractie
from raadsloket.registers import services
from raadsloket.registers.models import Amendment, Commitment, Motion, Outcome

SUBJECTS = [
    "speelplekken in de wijk",
    "veilige schoolroutes",
    "het zwembad",
    "zonnepanelen op scholen",
    "de bibliotheek",
    "parkeren in het centrum",
    "de weekmarkt",
    "jongerenwerk",
    "bomen in de Dorpsstraat",
    "de armoederegeling",
    "het fietspad langs de Vaart",
    "woningbouw voor starters",
]
COMMITTEES = ["Commissie Bestuur", "Commissie Ruimte", "Commissie Samenleving"]
HOLDERS = ["wethouder1", "wethouder2", "wethouder3", "wethouder4", "burgemeester"]
OUTCOMES = [
    Outcome.ADOPTED,
    Outcome.ADOPTED,
    Outcome.REJECTED,
    Outcome.ADOPTED,
    Outcome.HELD,
    Outcome.WITHDRAWN,
]


@dataclass
class RegisterSummary:
    motions: int = 0
    amendments: int = 0
    commitments: int = 0
    initiatives: int = 0
    late: int = 0

    def line(self) -> str:
        return (
            f"Registers: {self.motions} moties, {self.amendments} amendementen, "
            f"{self.commitments} toezeggingen ({self.late} te laat), "
            f"{self.initiatives} initiatiefvoorstellen."
        )


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(11)))


def _meetings(today: date) -> list[date]:
    """The tenth of each of the past twelve months, oldest first."""
    days = []
    year, month = today.year, today.month
    for _ in range(12):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        days.append(date(year, month, 10))
    return sorted(days)


def load_registers(world: World, *, today: date | None = None) -> RegisterSummary:
    today = today or timezone.localdate()
    griffie = viewer_for(world["griffier"])
    college = viewer_for(world["collegecontact"])
    fracties = list(Fractie.objects.filter(municipality=world.municipality).order_by("pk"))
    summary = RegisterSummary()
    for month, meeting in enumerate(_meetings(today)):
        for slot in range(2):
            index = month * 2 + slot
            _motion(world, griffie, college, fracties, meeting, index, today, summary)
        _amendment(world, griffie, fracties, meeting, month)
        summary.amendments += 1
        for slot in range(3):
            index = month * 3 + slot
            _commitment(world, griffie, college, meeting, index, today, summary)
    _initiatives(world, griffie, today, summary)
    return summary


def _votes(fracties: list[Fractie], index: int, adopted: bool):
    # The larger fracties first; an adopted motie has a majority for, a rejected one against.
    return tuple(
        (fractie, "for" if (position + index) % 3 or adopted else "against")
        for position, fractie in enumerate(fracties)
    )


def _motion(world, griffie, college, fracties, meeting, index, today, summary) -> None:
    subject = SUBJECTS[index % len(SUBJECTS)]
    outcome = OUTCOMES[index % len(OUTCOMES)]
    adopted = outcome == Outcome.ADOPTED
    due = meeting + timedelta(days=90 + 30 * (index % 3))
    submitter = world[f"raadslid{1 + (index * 5) % 29}"]
    co_signer = world[f"raadslid{1 + (index * 5 + 7) % 29}"]
    motion = services.record_proposal(
        griffie,
        Motion,
        services.ProposalInput(
            number=f"M{meeting:%Y}-{index + 1:03d}",
            title=f"Motie over {subject}",
            text=(
                f"De raad, in vergadering bijeen op {meeting:%d-%m-%Y}, verzoekt het college "
                f"vóór {due:%d-%m-%Y} met een voorstel te komen over {subject}."
            ),
            meeting_date=meeting,
            agenda_item=str(4 + index % 6),
            outcome=outcome,
            submitters=(submitter,),
            co_signers=(co_signer,) if co_signer != submitter else (),
            votes=_votes(fracties, index, adopted) if outcome != Outcome.WITHDRAWN else (),
            portfolio_holder=world[HOLDERS[index % len(HOLDERS)]] if adopted else None,
            due_date=due if adopted else None,
        ),
    )
    summary.motions += 1
    if not adopted or due >= today and index % 2:
        return
    # Most past-due moties are done: two in three on time, one in three late; the rest is late.
    if due < today and index % 5 == 0:
        summary.late += 1
        return
    done_on = min(due - timedelta(days=10) if index % 3 else due + timedelta(days=20), today)
    services.complete_motion(
        college, motion, reference=f"Raadsinformatiebrief {done_on:%Y}-{index:02d}"
    )
    Motion.objects.filter(pk=motion.pk).update(done_at=_at(done_on))


def _amendment(world, griffie, fracties, meeting, month) -> None:
    subject = SUBJECTS[(month + 5) % len(SUBJECTS)]
    outcome = (Outcome.ADOPTED, Outcome.REJECTED, Outcome.ADOPTED)[month % 3]
    services.record_proposal(
        griffie,
        Amendment,
        services.ProposalInput(
            number=f"A{meeting:%Y}-{month + 1:03d}",
            title=f"Amendement {subject}",
            text=f"Het besluit wordt aangevuld met een beslispunt over {subject}.",
            meeting_date=meeting,
            agenda_item="5",
            outcome=outcome,
            submitters=(world[f"raadslid{1 + (month * 3) % 29}"],),
            votes=_votes(fracties, month, outcome == Outcome.ADOPTED),
            amends=f"Raadsvoorstel {meeting:%Y}-{month + 10:03d}",
        ),
    )


def _commitment(world, griffie, college, meeting, index, today, summary) -> None:
    subject = SUBJECTS[(index * 7) % len(SUBJECTS)]
    holder = HOLDERS[index % len(HOLDERS)]
    committee_day = meeting - timedelta(days=7)
    due = committee_day + timedelta(days=60 + 30 * (index % 4))
    promise = services.record_commitment(
        griffie,
        services.CommitmentInput(
            title=f"Brief over {subject}",
            portfolio_holder=world[holder],
            meeting_name=COMMITTEES[index % len(COMMITTEES)],
            meeting_date=committee_day,
            made_to=f"raadslid {world[f'raadslid{1 + (index * 3) % 29}'].last_name}",
            text=f"De portefeuillehouder stuurt de raad een brief over {subject}.",
            due_date=due,
        ),
    )
    summary.commitments += 1
    if due >= today and index % 3:
        return  # open, in time
    if due < today and index % 4 == 1:
        summary.late += 1
        return  # open and late: the reminders and the lists show it
    done_on = min(due - timedelta(days=5) if index % 2 else due + timedelta(days=12), today)
    proposed = services.propose_done(
        college, promise, f"De brief over {subject} is op {done_on:%d-%m-%Y} verstuurd."
    )
    if index % 7 == 3:
        return  # proposed, the committee has yet to decide
    services.decide_done(
        griffie,
        proposed,
        accept=True,
        reference=f"{promise.meeting_name} {done_on + timedelta(days=14):%d-%m-%Y}",
    )
    Commitment.objects.filter(pk=promise.pk).update(
        proposed_at=_at(done_on), decided_at=_at(min(done_on + timedelta(days=14), today))
    )


def _initiatives(world, griffie, today, summary) -> None:
    member = viewer_for(world["raadslid1"])
    services.start_initiative(
        member,
        title="Initiatiefvoorstel Groene schoolpleinen",
        text="De raad besluit een fonds in te stellen voor groene schoolpleinen.",
        co_submitters=[world["raadslid12"]],
    )
    other = viewer_for(world["raadslid8"])
    initiative = services.start_initiative(
        other,
        title="Initiatiefvoorstel Burgerbegroting",
        text="De raad besluit inwoners jaarlijks mee te laten beslissen over een deel van de begroting.",
    )
    initiative = services.submit_initiative(other, initiative)
    initiative = services.record_college_views(
        griffie, initiative, "Het college steunt het doel en vraagt om een proef van twee jaar."
    )
    services.schedule_initiative(griffie, initiative, today + timedelta(days=21), "11")
    summary.initiatives += 2
