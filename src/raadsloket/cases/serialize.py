# SPDX-License-Identifier: EUPL-1.2
"""Turn a case into the API's dict, section by section: hidden sections stay out entirely."""

from django.urls import reverse
from django.utils import timezone

from raadsloket.access.cases import sees_hours_entry, sees_hours_of
from raadsloket.access.sections import Section
from raadsloket.cases.deadlines import running_deadline


def _name(person) -> str | None:
    return person.display_name if person is not None else None


def _num(value) -> float | None:
    return float(value) if value is not None else None


def case_payload(case, sections: frozenset[Section], *, viewer=None, detail: bool = False) -> dict:
    """The case as `viewer` may see it (the viewer is always of the case's municipality).

    Empty `sections` is the confirmation for an actor whose own action took the case out of
    sight (the driehoek's decision): reference and new state only.
    """
    s = sections
    profile = viewer.profile if viewer is not None else None
    data: dict = {
        "id": case.pk,
        "reference": case.reference,
        "instrument": case.instrument,
        "sections": sorted(str(x) for x in s),
    }
    if Section.METADATA in s or not s:
        # The state itself tells something (a dispute, a refusal): not for college or manager.
        data.update(state=case.state, state_label=case.get_state_display(), version=case.version)
    if Section.METADATA in s or Section.REQUEST in s or Section.ANSWER in s:
        data["secret"] = case.secret
        if case.secret and Section.ANSWER not in s:
            data["notice"] = (
                "Het antwoord valt onder geheimhouding (art. 25 Gemeentewet) en is "
                "aan de gehele raad verstrekt, niet aan één raadslid."
            )
    if Section.METADATA in s or Section.TRAJECTORY in s:
        data["policy_area"] = case.policy_area
        data["assigned_at"] = case.assigned_at
    if Section.METADATA in s:
        data.update(
            created_at=case.created_at,
            submitted_at=case.submitted_at,
            delivered_at=case.delivered_at,
            closed_at=case.closed_at,
            intake_due=case.intake_due,
            decision_due=case.decision_due,
            delivery_due=case.delivery_due,
            handler=_name(case.handler),
            registered_at=case.registered_at,
            answer_due=case.answer_due,
            answered_at=case.answered_at,
            published_at=case.published_at,
            agenda_item=case.agenda_item or None,
            meeting_date=case.meeting_date,
            answer_before=case.answer_before,
            portfolio_holder=_name(case.portfolio_holder),
            postponed_to=case.postponed_to,
        )
        deadline = running_deadline(case, profile, timezone.localdate()) if profile else None
        if deadline is not None:
            data["running_deadline"] = {
                "name": deadline.name,
                "due": deadline.due,
                "status": deadline.status,
                "rule": deadline.rule,
            }
    if Section.HOURS in s:
        data["assigned_at"] = case.assigned_at
        data["delivered_at"] = case.delivered_at
    if Section.REQUEST in s:
        data.update(
            title=case.title,
            question=case.question,
            background=case.background,
            requester=_name(case.requester),
            channel=case.channel,
            confidential=case.confidential,
            co_requesters=[p.display_name for p in case.co_requesters.all()],
        )
    if Section.ROUTING in s:
        data.update(
            routing_officer=_name(case.routing_officer),
            hours_estimate=_num(case.hours_estimate),
            refusal_ground=case.refusal_ground or None,
            refusal_reasoning=case.refusal_reasoning or None,
            objection=case.objection or None,
            deferred_until=case.deferred_until,
            defer_reason=case.defer_reason or None,
            advised_instrument=case.advised_instrument or None,
            postponed_at=case.postponed_at,
            postponement_reason=case.postponement_reason or None,
        )
    if Section.ROUTING in s or Section.HOURS in s:
        data["assignments"] = [
            {
                "civil_servant": a.civil_servant.display_name,
                "hours_estimate": _num(a.hours_estimate),
            }
            for a in case.assignments.all()
            if viewer is None or sees_hours_of(viewer, s, a.civil_servant)
        ]
    if detail:
        _detail_sections(case, s, data, viewer)
    return data


def _detail_sections(case, s, data: dict, viewer) -> None:
    if Section.HOURS in s:
        show_notes = Section.KICKOFF in s
        data["hours"] = [
            {
                "civil_servant": h.civil_servant.display_name,
                "worked_on": h.worked_on,
                "hours": float(h.hours),
                "note": h.note if show_notes else None,
                "id": h.pk,
                "corrects": h.corrects_id,
                "reason": h.reason if show_notes and h.corrects_id else None,
            }
            for h in case.hours_entries.select_related("civil_servant__department").order_by(
                "worked_on", "pk"
            )
            if viewer is None or sees_hours_entry(viewer, s, h)
        ]
    if Section.KICKOFF in s:
        # A missing one-to-one raises an AttributeError subclass, which hasattr absorbs.
        kickoff = case.kickoff if hasattr(case, "kickoff") else None
        if kickoff is not None:
            data["kickoff"] = {
                "planned_for": kickoff.planned_for,
                "held_on": kickoff.held_on,
                "participants": kickoff.participants,
                "background": kickoff.background,
                "goal": kickoff.goal,
                "agreed_hours": _num(kickoff.agreed_hours),
                "due_date": kickoff.due_date,
                "loyalty_concerns": kickoff.loyalty_concerns,
                "member_acknowledged_rules": kickoff.member_acknowledged_rules,
                "civil_servant_acknowledged_rules": kickoff.civil_servant_acknowledged_rules,
            }
    if Section.ANSWER in s:
        data["answer"] = case.answer or None
        data["files"] = [
            {
                "name": f.original_name,
                "size": f.size,
                "content_type": f.content_type,
                "url": reverse("case_file", args=[case.pk, f.token]),
            }
            for f in case.files.all()
        ]
    if Section.EVALUATION in s:
        data["evaluations"] = [
            {"perspective": e.perspective, "score": e.score, "remarks": e.remarks}
            for e in case.evaluations.order_by("recorded_at")
        ]
    forums = set()
    if Section.ROUTING in s:
        forums.add("triangle")
    if Section.MEDIATION in s:
        forums.add("griffie")
    if forums:
        data["mediations"] = [
            {
                "forum": m.forum,
                "reason": m.reason,
                "outcome": m.outcome,
                "notes": m.notes,
                "requested_at": m.requested_at,
                "decided_at": m.decided_at,
            }
            for m in case.mediations.filter(forum__in=forums).order_by("requested_at")
        ]
