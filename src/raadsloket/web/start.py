# SPDX-License-Identifier: EUPL-1.2
"""What each role's start page lists, read through the access layer only (cases/lists.py).

Every list starts from `visible_cases(viewer)` and loads the relations `Relations` needs in a
fixed number of queries, so a start page costs the same number of queries at 10 or 10,000 cases.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.allowances import sees_own_allowance
from raadsloket.access.cases import (
    RELATION_PREFETCH,
    relation_names,
    visible_break_glass,
    visible_cases,
)
from raadsloket.access.council_term import installs_council, sees_onboarding
from raadsloket.access.sections import Section
from raadsloket.access.time_planner import keeps_planner
from raadsloket.access.viewer import Viewer
from raadsloket.assistance.models import HoursEntry
from raadsloket.cases import progress
from raadsloket.cases.deadlines import running_deadline
from raadsloket.cases.effects import may_request
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.lists import INTAKE_STATES, START_LIMIT, rows, visible_sections
from raadsloket.cases.models import NEWEST_FIRST, Assignment, Case
from raadsloket.cases.states import ANSWERED_STATES, OPEN_STATES, WRITTEN_ANSWERED_STATES, State
from raadsloket.council_term.models import Newcomer
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role
from raadsloket.web.answers import unread_answers
from raadsloket.web.hours_left import add_hours_left
from raadsloket.web.queues import ROUTING_QUEUE, budget_tiles, case_tile, griffie_tiles


@dataclass
class StartPage:
    viewer: Viewer
    blocks: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)


def start_page(viewer: Viewer, person: Person) -> StartPage:
    page = StartPage(viewer)
    if viewer.is_member:
        page.blocks.append("member")
        page.data.update(member_block(viewer, person))
    if viewer.is_griffie:
        page.blocks.append("griffie")
        page.data.update(griffie_block(viewer))
    if viewer.is_routing_officer:
        page.blocks.append("routing")
        page.data.update(routing_block(viewer))
    if Role.CIVIL_SERVANT in viewer.roles:
        page.blocks.append("civil_servant")
        page.data.update(civil_servant_block(viewer))
    if Role.MANAGER in viewer.roles:
        page.blocks.append("manager")
        page.data.update(manager_block(viewer))
    if viewer.is_college:
        page.blocks.append("college")
        page.data.update(college_block(viewer))
    if Role.COLLEGE_CONTACT in viewer.roles:
        page.blocks.append("college_contact")
        page.data.update(college_contact_block(viewer))
    if Role.ADMINISTRATOR in viewer.roles:
        page.blocks.append("administrator")
        page.data.update(administrator_block(viewer))
    page.data["council_term_link"] = council_term_link(viewer, person)
    return page


def council_term_link(viewer: Viewer, person: Person) -> dict | None:
    """The link to the council term above the blocks: the griffier's installation page, or a
    new member's own onboarding checklist (access.council_term decides); None for everyone
    else."""
    if not viewer.authenticated:
        return None
    if installs_council(viewer):
        return {
            "url": reverse("council_term:index"),
            "label": "Raadsperiode: nieuwe raad installeren",
        }
    if (
        sees_onboarding(viewer, person)
        and Newcomer.objects.filter(person_id=viewer.person_id).exists()
    ):
        return {
            "url": reverse("council_term:own_checklist"),
            "label": "Inwerken als nieuw lid: uw checklist",
        }
    return None


def _own(pid: int) -> Q:
    """The viewer's own cases, as conditions each served by an index (no join that multiplies)."""
    co_requested = list(
        Case.co_requesters.through.objects.filter(person_id=pid).values_list("case_id", flat=True)
    )
    return Q(requester_id=pid) | Q(filed_by_id=pid) | Q(pk__in=co_requested)


def member_block(viewer: Viewer, person: Person) -> dict:
    own = _own(viewer.person_id)
    running = (
        visible_cases(viewer).filter(own, state__in=OPEN_STATES).order_by("-created_at", "-pk")
    )
    my_cases = rows(viewer, running, START_LIMIT)
    add_turn(viewer, my_cases.cases)
    add_running_term(viewer, my_cases.cases)
    # Newest answer first, whoever gave it: an answer not yet opened is among the latest.
    answered = (
        visible_cases(viewer)
        .filter(own, state__in=ANSWERED_STATES | WRITTEN_ANSWERED_STATES)
        .order_by(Coalesce("delivered_at", "answered_at").desc(nulls_last=True), "-pk")
    )
    # Newest answer first, walking index case_muni_delivered until the page is full.
    shared = (
        visible_cases(viewer)
        .filter(state__in=ANSWERED_STATES)
        .exclude(own)
        .order_by(F("delivered_at").desc(nulls_last=True), "-pk")
    )
    shared_rows = rows(viewer, shared, START_LIMIT)
    shared_rows.cases = [case for case in shared_rows if "answer" in case.visible]
    return {
        "my_cases": my_cases,
        "new_answers": unread_answers(person.username, rows(viewer, answered, START_LIMIT).cases),
        "shared_answers": shared_rows,
        "may_request": may_request(viewer, viewer.profile) is None,
        "toolkit": {"allowance": sees_own_allowance(viewer), "planner": keeps_planner(viewer)},
    }


def add_turn(viewer: Viewer, cases: list[Case]) -> None:
    """Who is at turn, as on the case page (cases/progress.py); the state is metadata, so only
    where the viewer sees the metadata. "(u)" where the viewer is one of those at turn."""
    for case in cases:
        turn = progress.next_turn(case.instrument, case.state)
        if Section.METADATA not in case.visible or turn is None:
            case.turn = None  # type: ignore[attr-defined]  # per row
            continue
        case.turn = turn  # type: ignore[attr-defined]
        case.turn_actors = progress.actor_names(turn, viewer.policy.routing_officer_label)  # type: ignore[attr-defined]
        case.turn_is_viewer = bool(set(turn.actors) & relation_names(viewer, case))  # type: ignore[attr-defined]


def add_running_term(viewer: Viewer, cases: list[Case]) -> None:
    """The term each case runs against now (cases/deadlines.py), where the metadata is seen."""
    today = timezone.localdate()
    for case in cases:
        visible = Section.METADATA in case.visible
        case.running = running_deadline(case, viewer.policy, today) if visible else None  # type: ignore[attr-defined]


def griffie_block(viewer: Viewer) -> dict:
    today = timezone.localdate()
    queue = rows(
        viewer,
        visible_cases(viewer)
        .filter(state__in=INTAKE_STATES)
        .order_by("intake_due", "submitted_at", "pk"),
    )
    for case in queue:
        start = timezone.localdate(case.submitted_at) if case.submitted_at else today
        case.age_days = (today - start).days
        case.intake_overdue = case.intake_due is not None and case.intake_due < today
    labels = dict(State.choices)
    counts = (
        visible_cases(viewer)
        .filter(state__in=OPEN_STATES - {State.DRAFT})
        .values("state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_state = {row["state"]: row["n"] for row in counts}
    open_by_state = [
        {"state": state, "label": labels[state], "count": by_state[state]}
        for state in State.values
        if state in by_state
    ]
    break_glass = (
        visible_break_glass(viewer).select_related("person", "case").order_by("-granted_at")[:20]
    )
    return {
        "griffie_tiles": griffie_tiles(viewer),
        "budget_tiles": budget_tiles(viewer),
        "intake_queue": queue,
        "open_by_state": open_by_state,
        "break_glass": list(break_glass),
    }


def college_contact_block(viewer: Viewer) -> dict:
    """The college's inbox: registered written questions waiting for an answer."""
    waiting = (
        visible_cases(viewer)
        .filter(
            instrument=Instrument.WRITTEN_QUESTION, state__in=(State.REGISTERED, State.POSTPONED)
        )
        .select_related("portfolio_holder")
        .order_by("answer_due", "pk")
    )
    return {"college_inbox": rows(viewer, waiting)}


def routing_block(viewer: Viewer) -> dict:
    forwarded = visible_cases(viewer).filter(state=State.FORWARDED).order_by("decision_due", "pk")
    to_assign = rows(viewer, forwarded)
    add_running_term(viewer, to_assign.cases)
    return {"routing_tiles": [case_tile(viewer, ROUTING_QUEUE)], "to_assign": to_assign}


def civil_servant_block(viewer: Viewer) -> dict:
    pid = viewer.person_id
    assigned = (
        visible_cases(viewer)
        .filter(assignments__civil_servant_id=pid)
        .order_by("-assigned_at", "-pk")
    )
    entries = (
        HoursEntry.objects.filter(civil_servant_id=pid, case__in=visible_cases(viewer))
        .select_related("case")
        .order_by("-worked_on", "-pk")
    )
    total = entries.aggregate(total=Sum("hours"))["total"] or Decimal("0")
    my_assignments = rows(viewer, assigned, START_LIMIT)
    add_hours_left(my_assignments.cases)
    add_running_term(viewer, my_assignments.cases)
    return {
        "my_assignments": my_assignments,
        "my_hours": list(entries[:START_LIMIT]),
        "my_hours_total": total,
    }


def manager_block(viewer: Viewer) -> dict:
    """Hours claims of the manager's staff: reference, period, hours. Never the subject."""
    logged = (
        HoursEntry.objects.filter(
            case_id=OuterRef("case_id"), civil_servant_id=OuterRef("civil_servant_id")
        )
        .order_by()
        .values("case_id")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    claims = (
        Assignment.objects.filter(
            civil_servant__department__manager_id=viewer.person_id,
            case__in=visible_cases(viewer),
        )
        .select_related("civil_servant__department", "case")
        .prefetch_related(*(f"case__{name}" for name in RELATION_PREFETCH))
        .annotate(
            hours_logged=Coalesce(
                Subquery(logged), Value(Decimal("0")), output_field=DecimalField()
            )
        )
        .order_by("civil_servant__last_name", "civil_servant__first_name", "-assigned_at")
    )
    claims = list(claims[: START_LIMIT + 1])
    more = len(claims) > START_LIMIT
    shown = [
        claim for claim in claims[:START_LIMIT] if "hours" in visible_sections(viewer, claim.case)
    ]
    return {
        "staff_claims": shown,
        "staff_claims_more": more,
        "staff_totals": staff_totals(viewer),
    }


def staff_totals(viewer: Viewer) -> list[dict]:
    """Hours per staff member over every case the manager sees their hours of: a name and a
    number, nothing of what the hours were for (access.cases: the manager sees hours only).
    Corrections are entries under the same civil servant, so the sums include them."""
    totals = (
        HoursEntry.objects.filter(
            civil_servant__department__manager_id=viewer.person_id,
            case__in=visible_cases(viewer),
        )
        .order_by()
        .values("civil_servant_id")
        .annotate(total=Sum("hours"))
    )
    hours = {row["civil_servant_id"]: row["total"] for row in totals}
    staff = Person.objects.filter(pk__in=list(hours)).order_by("last_name", "first_name", "pk")
    return [{"person": person, "hours": hours[person.pk]} for person in staff]


def college_block(viewer: Viewer) -> dict:
    if not viewer.profile.openness.college_notified_of_start:
        return {"college_informed": False, "trajectories": []}
    # The access layer decides what counts as started; this only orders and filters by section.
    started = (
        visible_cases(viewer)
        .filter(instrument=Instrument.ASSISTANCE)
        .order_by(F("assigned_at").desc(nulls_last=True), "-pk")
    )
    trajectories = rows(viewer, started, START_LIMIT)
    trajectories.cases = [case for case in trajectories if "trajectory" in case.visible]
    return {"college_informed": True, "trajectories": trajectories}


def administrator_block(viewer: Viewer) -> dict:
    cases = visible_cases(viewer).order_by(*NEWEST_FIRST)
    admin_rows = list(cases[: START_LIMIT + 1])
    return {
        "admin_cases": admin_rows[:START_LIMIT],
        "admin_cases_more": len(admin_rows) > START_LIMIT,
    }
