# SPDX-License-Identifier: EUPL-1.2
"""`cases_showing` (the query under every filter and search) agrees with `sections()`, also for
what the assistance matrix (test_access_matrix.py) does not hold: written questions in every
state (open and secret), drafts and a logged direct contact with a secret answer; and the
filters a viewer is offered follow from what they can ever see."""

import pytest
from django.utils import timezone

from raadsloket.access.case_filters import Field, knowable_cases, offered_fields
from raadsloket.access.cases import sections, showing_cases, visible_cases
from raadsloket.access.sections import Section
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.instruments import Channel, Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, new_written_question, run_written_to

pytestmark = pytest.mark.django_db

WRITTEN_STATES = ("draft", "submitted", "registered", "postponed", "answered", "published")
READERS = (
    "raadslid1",
    "raadslid2",
    "raadslid7",
    "commissielid1",
    "fractiemedewerker1",
    "griffier",
    "raadsadviseur",
    "collegecontact",
    "burgemeester",
    "wethouder1",
    "secretaris",
    "kabinetschef",
    "ambtenaar1",
    "ambtenaar2",
    "manager1",
    "beheerder",
)


def written_questions(world) -> list[Case]:
    cases = [run_written_to(world, new_written_question(world), state) for state in WRITTEN_STATES]
    withdrawn = run_written_to(world, new_written_question(world), State.REGISTERED)
    cases.append(act(world, withdrawn, "withdraw", "raadslid1", {"note": "Niet meer nodig."}))
    for published in (False, True):
        secret = run_written_to(world, new_written_question(world), State.REGISTERED)
        secret = act(
            world, secret, "answer", "collegecontact", {"answer": "Geheim.", "secret": "on"}
        )
        cases.append(act(world, secret, "publish", "griffier", {}) if published else secret)
    return cases


def odd_cases(world) -> list[Case]:
    """A draft, and a direct contact logged by a civil servant with a secret answer."""
    draft = new_case(world, "raadslid1")
    contact = Case.objects.create(
        municipality=world.municipality,
        instrument=Instrument.TECHNICAL_QUESTION,
        channel=Channel.DIRECT_CONTACT,
        state=State.DELIVERED,
        title="Rechtstreeks",
        question="Een feitelijke vraag.",
        policy_area="mobiliteit",
        requester=world["raadslid1"],
        filed_by=world["ambtenaar1"],
        confidential=False,
        secret=True,
        answer="Het antwoord.",
        submitted_at=timezone.now(),
        delivered_at=timezone.now(),
    )
    # A logged contact waiting for the member's confirmation, and one the member rejected:
    # seen by its own circle only (author, member, griffie), not even as metadata.
    waiting = [
        Case.objects.create(
            municipality=world.municipality,
            instrument=Instrument.TECHNICAL_QUESTION,
            channel=Channel.DIRECT_CONTACT,
            state=state,
            title="Wacht op bevestiging",
            question="Nog een feitelijke vraag.",
            policy_area="mobiliteit",
            requester=world["raadslid1"],
            filed_by=world["ambtenaar1"],
            confidential=False,
            answer="Het vastgelegde antwoord.",
        )
        for state in (State.CONTACT_LOGGED, State.CONTACT_REJECTED)
    ]
    return [draft, contact, *waiting]


def test_cases_showing_agrees_with_sections_for_written_questions_and_odd_cases(world):
    cases = written_questions(world) + odd_cases(world)
    problems = []
    for username in READERS:
        viewer = viewer_for(world[username])
        given = {case.pk: sections(viewer, Case.objects.get(pk=case.pk)) for case in cases}
        for section in Section:
            showing = set(showing_cases(viewer, section).values_list("pk", flat=True))
            expected = {pk for pk, seen in given.items() if section in seen}
            if showing != expected:
                problems.append(f"{username} {section}: {sorted(showing ^ expected)}")
        listed = set(visible_cases(viewer).filter(pk__in=given).values_list("pk", flat=True))
        seen_at_all = {pk for pk, seen in given.items() if seen}
        if listed != seen_at_all:
            problems.append(f"{username} visible_cases: {sorted(listed ^ seen_at_all)}")
    assert not problems, problems


def test_a_manager_is_offered_no_filter_on_anything_but_hours(world):
    manager = viewer_for(world["manager1"])
    assert offered_fields(manager) == {Field.NUMBER}


def test_the_administrator_may_filter_metadata_but_never_search_text(world):
    offered = offered_fields(viewer_for(world["beheerder"]))
    assert Field.STATE in offered and Field.PORTFOLIO_HOLDER in offered
    assert not offered & {Field.REQUEST_TEXT, Field.ANSWER_TEXT, Field.FRACTIE}


def test_the_college_knows_the_state_of_registered_written_questions_only(world):
    questions = written_questions(world)
    assistance = new_case(world, "raadslid1")
    alderman = viewer_for(world["wethouder1"])
    knowable = set(knowable_cases(alderman, Field.STATE).values_list("pk", flat=True))
    assert assistance.pk not in knowable
    registered = {case.pk for case in questions if sections(alderman, case) and case.registered_at}
    assert knowable == registered
