# SPDX-License-Identifier: EUPL-1.2
"""The one function that changes a case's status.

perform(): access check → guard → change → timeline and audit event → notifications, in one
transaction. The notices are sent inside it on purpose: a legally required notice rolls back
with the transition it reports.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from raadsloket.access.actors import Actor
from raadsloket.access.cases import Relations, get_case_for, relation_names
from raadsloket.access.sections import Section
from raadsloket.access.viewer import Viewer, viewer_for
from raadsloket.audit import chain
from raadsloket.cases import workflow
from raadsloket.cases.errors import (
    ActionForbidden,
    ActionNotAvailable,
    GuardFailed,
    UnknownAction,
    VersionConflict,
)
from raadsloket.cases.forms import clean_input
from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.cases.signals import transition_performed
from raadsloket.cases.states import State
from raadsloket.organisation.models import Person
from raadsloket.policy.deadlines import add_term
from raadsloket.policy.schema import Term


@dataclass
class Step:
    """Everything a guard or an effect may look at while one transition runs."""

    case: Case
    user: Any
    viewer: Viewer
    relations: frozenset[str]
    data: dict[str, Any]
    now: Any = field(default_factory=timezone.now)
    from_state: str = ""

    @property
    def profile(self):
        return self.viewer.profile

    def due(self, term: Term) -> date:
        """The last day of `term` from now, skipping the municipality's own days too."""
        return add_term(self.now, term, self.profile.terms.local_holidays)


def validate(row: workflow.Transition, case: Case, viewer: Viewer, data, files) -> dict[str, Any]:
    if row.form is None:
        return {}
    return clean_input(row.form, data, files, case=case, viewer=viewer)


def row_for(case: Case, action: str, names: frozenset[Actor]) -> workflow.Transition:
    """The table row `action` takes now, or why not: never allowed (403) or not now (409)."""
    rows = workflow.rows_for_action(case.instrument, action)
    if not any(row.actors & names for row in rows):
        raise ActionForbidden("U mag deze actie bij dit verzoek niet uitvoeren.")
    row = workflow.find(case.instrument, case.state, action)
    if row is None or not row.actors & names:
        raise ActionNotAvailable(
            f"Deze actie kan niet (meer) in de status '{case.get_state_display()}'. "
            "Mogelijk was iemand anders u voor; vernieuw de pagina."
        )
    return row


def perform(
    user: Person,
    case_id: int,
    action: str,
    data: Mapping[str, Any] | None = None,
    files: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Case:
    if action not in workflow.ACTIONS:
        raise UnknownAction(f"Onbekende actie '{action}'.")
    viewer = viewer_for(user)
    with transaction.atomic():
        case, _ = get_case_for(viewer, case_id, lock=True)
        rels = Relations(viewer, case)
        names = relation_names(viewer, case, rels)
        row = row_for(case, action, names)
        if expected_version is not None and expected_version != case.version:
            raise VersionConflict(
                "Dit verzoek is intussen door iemand anders gewijzigd. Uw invoer is niet "
                "verwerkt; bekijk de nieuwe stand en probeer het opnieuw."
            )
        step = Step(
            case=case,
            user=user,
            viewer=viewer,
            relations=names,
            data=validate(row, case, viewer, data, files),
            from_state=case.state,
        )
        if row.guard is not None:
            problem = row.guard(step)
            if problem:
                raise GuardFailed(problem)
        chosen = row.effect(step) if row.effect is not None else None
        if chosen is not None and chosen not in State.values:
            raise TypeError(f"the effect of {action!r} returned {chosen!r}, not a state")
        case.state = chosen or row.target or step.from_state
        case.version += 1
        case.save()
        detail = row.describe(step) if row.describe else ""
        TimelineEvent.objects.create(
            case=case,
            at=step.now,
            actor=user,
            action=action,
            from_state=step.from_state,
            to_state=case.state,
            section=row.section,
            detail=detail,
        )
        chain.record(
            f"case.{action}",
            actor=user,
            municipality_id=case.municipality_id,
            case_id=case.pk,
            detail={"from": step.from_state, "to": case.state, "version": case.version},
        )
        transition_performed.send(
            sender=Case,
            case=case,
            action=action,
            actor=user,
            from_state=step.from_state,
            data=step.data,
            now=step.now,
        )
    return case


def record_creation(case: Case, user: Person) -> None:
    """Timeline and audit for a new draft (called inside the creating transaction)."""
    TimelineEvent.objects.create(
        case=case,
        at=case.created_at,
        actor=user,
        action="create",
        from_state="",
        to_state=case.state,
        section=Section.METADATA,
        detail="",
    )
    chain.record(
        "case.create",
        actor=user,
        municipality_id=case.municipality_id,
        case_id=case.pk,
        detail={"instrument": case.instrument},
    )


def available_actions(
    viewer: Viewer, case: Case, relations: frozenset[Actor]
) -> list[workflow.Transition]:
    """The rows this actor may apply now: state and role fit, and no guard objects.

    Guards look only at the case, the profile and who acts, never at form input, so they can
    be asked before the form is shown.
    """
    rows = []
    for row in workflow.available(case.instrument, case.state, relations):
        if row.guard is not None:
            probe = Step(
                case=case,
                user=None,
                viewer=viewer,
                relations=relations,
                data={},
                from_state=case.state,
            )
            if row.guard(probe):
                continue
        rows.append(row)
    return rows
