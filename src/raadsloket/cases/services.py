# SPDX-License-Identifier: EUPL-1.2
"""Domain functions besides transitions: creating a case and the break-glass read."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from raadsloket.access.cases import break_glass_target
from raadsloket.access.models import BreakGlass
from raadsloket.access.viewer import forget_viewer, viewer_for
from raadsloket.audit import chain
from raadsloket.cases.effects import may_request
from raadsloket.cases.errors import ActionForbidden, InvalidInput
from raadsloket.cases.forms import CaseForm, DirectContactForm, clean_input
from raadsloket.cases.instruments import Channel, Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.rules import is_confidential
from raadsloket.cases.transitions import perform, record_creation
from raadsloket.lib.idempotency import insert_once
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role

BREAK_GLASS_MINUTES = 30


def create_case(
    user: Person,
    data: Mapping[str, Any],
    *,
    submit: bool = False,
    instrument: Instrument | None = None,
) -> Case:
    """A member's new request, as a draft (or submitted at once).

    `instrument`: the request comes from that instrument's own form, which asks only its fields;
    without it the input names the instrument (the API).
    """
    viewer = viewer_for(user)
    if not viewer.authenticated:
        raise ActionForbidden("Log in om een verzoek in te dienen.")
    problem = may_request(viewer, viewer.profile)
    if problem:
        raise ActionForbidden(problem)
    cleaned = clean_input(CaseForm, data, viewer=viewer, instrument=instrument)
    on_behalf_of = cleaned.get("on_behalf_of")
    token = cleaned.get("submission_token") or ""
    with transaction.atomic():
        case = insert_once(
            lambda: Case.objects.create(
                municipality_id=viewer.tenant,
                instrument=cleaned["instrument"],
                title=cleaned["title"],
                question=cleaned["question"],
                background=cleaned.get("background") or "",
                policy_area=cleaned["policy_area"],
                requester=on_behalf_of or user,
                filed_by=user if on_behalf_of else None,
                confidential=is_confidential(
                    cleaned["instrument"], viewer.policy, asked=cleaned.get("confidential", False)
                ),
                agenda_item=cleaned.get("agenda_item") or "",
                meeting_date=cleaned.get("meeting_date"),
                submission_token=token,
            ),
            token=token,
            existing=lambda: Case.objects.filter(
                municipality_id=viewer.tenant, submission_token=token
            ).first(),
            owned=lambda case: user.pk in (case.requester_id, case.filed_by_id),
        )
        co_requesters = [p for p in cleaned.get("co_requesters") or [] if p.pk != case.requester_id]
        case.co_requesters.set(co_requesters)
        record_creation(case, user)
        if submit:
            case = perform(user, case.pk, "submit")
    return case


def break_glass(user: Person, case_id: int, reason: str) -> BreakGlass:
    """An administrator's emergency read: asks a reason, is audited and shown to the griffier."""
    viewer = viewer_for(user)
    if Role.ADMINISTRATOR not in viewer.roles:
        raise ActionForbidden("Alleen een functioneel beheerder kan noodtoegang vragen.")
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise InvalidInput(
            "Controleer de invoer.", errors={"reason": ["Geef een reden van minstens 10 tekens."]}
        )
    if len(reason) > 2000:
        raise InvalidInput(
            "Controleer de invoer.",
            errors={"reason": ["De reden mag hoogstens 2000 tekens hebben."]},
        )
    case = break_glass_target(viewer, case_id)
    now = timezone.now()
    with transaction.atomic():
        grant = BreakGlass.objects.create(
            person=user,
            case=case,
            reason=reason,
            granted_at=now,
            expires_at=now + timedelta(minutes=BREAK_GLASS_MINUTES),
        )
        forget_viewer(user)
        chain.record(
            "case.break_glass",
            actor=user,
            municipality_id=case.municipality_id,
            case_id=case.pk,
            detail={"reason": reason},
        )
    return grant


def resume_due_deferrals(today=None) -> list[int]:
    """Resume every deferred case whose date has come (run daily: `raadsloket resume_deferred`).

    The griffie handler resumes it; without one, the griffier of the municipality.
    """
    from raadsloket.cases.states import State
    from raadsloket.organisation.models import Person

    today = today or timezone.localdate()
    resumed = []
    due = Case.objects.filter(state=State.DEFERRED, deferred_until__lte=today)
    for case in due.select_related("handler"):
        actor = (
            case.handler
            or Person.objects.filter(
                municipality_id=case.municipality_id,
                role_assignments__role=Role.CLERK,
                is_active=True,
            )
            .order_by("pk")
            .first()
        )
        if actor is None:
            continue
        perform(actor, case.pk, "resume")
        resumed.append(case.pk)
    return resumed


def log_direct_contact(user: Person, data: Mapping[str, Any]) -> Case:
    """Record a direct contact (profile channel "direct_small_facts"): logged afterwards.

    The case is created as a draft and logged by the one transition function in the same
    transaction, so it never exists half-written. It then waits for the member's (or the
    griffie's, per profile) confirmation before it counts or anyone else sees it.
    """
    viewer = viewer_for(user)
    if Role.CIVIL_SERVANT not in viewer.roles:
        raise ActionForbidden("Alleen een ambtenaar legt een rechtstreeks contact vast.")
    if viewer.policy.channel.mode != "direct_small_facts":
        raise ActionForbidden(
            "De verordening van uw gemeente kent geen rechtstreeks contact: verzoeken lopen "
            "via de griffie."
        )
    cleaned = clean_input(DirectContactForm, data, viewer=viewer)
    confidential = cleaned["confidential"] or not viewer.policy.openness.technical_questions_public
    with transaction.atomic():
        case = Case.objects.create(
            municipality_id=viewer.tenant,
            instrument=Instrument.TECHNICAL_QUESTION,
            channel=Channel.DIRECT_CONTACT,
            title=cleaned["title"],
            question=cleaned["question"],
            policy_area=cleaned["policy_area"],
            requester=cleaned["member"],
            filed_by=user,
            confidential=confidential,
        )
        record_creation(case, user)
        case = perform(user, case.pk, "deliver", {"answer": cleaned["answer"]})
    return case
