# SPDX-License-Identifier: EUPL-1.2
"""The register workflow: each status change as a griffie, a college contact, a wethouder or a
raadslid does it, with a Dutch refusal on a wrong step and nothing half-written."""

from datetime import timedelta

import pytest
from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.audit.chain import verify
from raadsloket.audit.models import AuditEvent
from raadsloket.lib.errors import Conflict, Forbidden, InvalidInput
from raadsloket.registers import services
from raadsloket.registers.models import Amendment, Commitment, InitiativeProposal, Motion, Outcome
from tests.registers.scene import commitment, motion

pytestmark = pytest.mark.django_db


def test_an_adopted_motion_is_executed_when_the_colleges_letter_comes(world):
    today = timezone.localdate()
    adopted = motion(world, "M-10", due=today + timedelta(days=20))
    assert adopted.execution == Motion.Execution.IN_PROGRESS
    assert adopted.status_label == "in uitvoering"
    done = services.complete_motion(
        viewer_for(world["collegecontact"]), adopted, reference="Raadsinformatiebrief 2026-14"
    )
    assert done.status_label == "afgedaan"
    assert done.letter_reference == "Raadsinformatiebrief 2026-14"
    with pytest.raises(Conflict, match="Afdoen kan niet: motie M-10 is afgedaan"):
        services.complete_motion(viewer_for(world["griffier"]), done, reference="nogmaals")
    actions = list(
        AuditEvent.objects.filter(action__startswith="register_motion").values_list(
            "action", flat=True
        )
    )
    assert actions == ["register_motion_recorded", "register_motion_done"]
    assert verify() == []


def test_an_adopted_motion_needs_a_portefeuillehouder_and_a_date_and_nothing_is_stored(world):
    griffie = viewer_for(world["griffier"])
    data = services.ProposalInput(
        number="M-11",
        title="Motie zonder uitvoerder",
        meeting_date=timezone.localdate(),
        outcome=Outcome.ADOPTED,
        submitters=(world["raadslid1"], world["ambtenaar1"]),
    )
    with pytest.raises(InvalidInput) as refused:
        services.record_proposal(griffie, Motion, data)
    assert refused.value.errors["portfolio_holder"] == [
        "Een aangenomen motie krijgt een uitvoerend portefeuillehouder."
    ]
    assert "is geen raadslid van deze gemeente" in refused.value.errors["submitters"][0]
    assert not Motion.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="register_").exists()


def test_only_the_griffie_records_and_numbers_are_unique_per_municipality(world, other_world):
    with pytest.raises(Forbidden, match="Alleen de griffie"):
        services.record_proposal(
            viewer_for(world["raadslid1"]),
            Amendment,
            services.ProposalInput(
                number="A-1", title="x", meeting_date=timezone.localdate(), outcome="adopted"
            ),
        )
    motion(world, "A-1", model=Amendment)
    with pytest.raises(InvalidInput, match="Controleer"):
        motion(world, "A-1", model=Amendment)
    # Another municipality keeps its own numbers.
    assert motion(other_world, "A-1", model=Amendment).number == "A-1"


def test_a_held_motion_comes_back_to_the_vote(world):
    held = motion(world, "M-12", Outcome.HELD)
    assert held.status_label == "aangehouden"
    griffie = viewer_for(world["griffier"])
    with pytest.raises(InvalidInput):
        services.decide_held(griffie, held, Outcome.ADOPTED)
    decided = services.decide_held(
        griffie,
        held,
        Outcome.ADOPTED,
        portfolio_holder=world["wethouder3"],
        due_date=timezone.localdate() + timedelta(days=90),
    )
    assert decided.execution == Motion.Execution.IN_PROGRESS
    with pytest.raises(Conflict, match="motie M-12 is in uitvoering"):
        services.decide_held(griffie, decided, Outcome.REJECTED)


def test_a_commitment_is_proposed_done_by_the_college_and_decided_by_the_griffie(world):
    today = timezone.localdate()
    promise = commitment(world, "Brief over de bibliotheek", today + timedelta(days=5))
    assert promise.number == f"T-{promise.meeting_date.year}-001"
    griffie = viewer_for(world["griffier"])
    with pytest.raises(Forbidden, match="contactpersoon van het college of de portefeuillehouder"):
        services.propose_done(griffie, promise, "De brief is verstuurd.")
    with pytest.raises(Forbidden):
        services.propose_done(viewer_for(world["wethouder2"]), promise, "De brief is verstuurd.")
    with pytest.raises(Conflict, match="Besluiten over afdoen kan niet: toezegging .* is open"):
        services.decide_done(griffie, promise, accept=True, reference="Raad 1-3")
    proposed = services.propose_done(
        viewer_for(world["wethouder1"]), promise, "De brief is op 3 maart verstuurd."
    )
    assert proposed.status_label == "voorgesteld afgedaan"
    with pytest.raises(Forbidden, match="Alleen de griffie besluit"):
        services.decide_done(viewer_for(world["collegecontact"]), proposed, accept=True)
    reopened = services.decide_done(
        griffie, proposed, accept=False, reason="De commissie wil eerst de evaluatie zien."
    )
    assert reopened.status == Commitment.Status.OPEN
    assert reopened.rejection_reason == "De commissie wil eerst de evaluatie zien."
    services.propose_done(viewer_for(world["collegecontact"]), reopened, "Evaluatie bijgevoegd.")
    with pytest.raises(InvalidInput, match="Noem het besluit"):
        services.decide_done(griffie, reopened, accept=True)
    done = services.decide_done(griffie, reopened, accept=True, reference="Commissie 12-3-2026")
    assert done.status == Commitment.Status.DONE
    assert not done.is_overdue(today + timedelta(days=100))


def test_a_late_commitment_is_late_until_done_even_when_proposed(world):
    today = timezone.localdate()
    late = commitment(world, "Notitie", today - timedelta(days=1))
    assert late.is_overdue(today)
    proposed = services.propose_done(
        viewer_for(world["collegecontact"]), late, "Notitie verstuurd."
    )
    assert proposed.is_overdue(today)


def test_an_initiative_walks_its_own_path(world):
    member = viewer_for(world["raadslid4"])
    griffie = viewer_for(world["griffier"])
    concept = services.start_initiative(
        member, title="Groene daken", text="Subsidie voor groene daken in de hele gemeente."
    )
    assert concept.status == InitiativeProposal.Status.CONCEPT
    with pytest.raises(Forbidden, match="Alleen de indieners"):
        services.submit_initiative(viewer_for(world["raadslid5"]), concept)
    with pytest.raises(Conflict, match="Agenderen kan niet: initiatiefvoorstel .* is concept"):
        services.schedule_initiative(griffie, concept, timezone.localdate())
    submitted = services.submit_initiative(member, concept)
    views = services.record_college_views(griffie, submitted, "Het college steunt het voorstel.")
    scheduled = services.schedule_initiative(griffie, views, timezone.localdate(), "9")
    with pytest.raises(Forbidden):
        services.decide_initiative(member, scheduled, "adopted")
    adopted = services.decide_initiative(griffie, scheduled, "adopted")
    assert adopted.status_label == "aangenomen"
    with pytest.raises(Conflict, match="Intrekken kan niet"):
        services.withdraw_initiative(member, adopted)
    with pytest.raises(Forbidden, match="raadslid"):
        services.start_initiative(griffie, title="x", text="y" * 30)
