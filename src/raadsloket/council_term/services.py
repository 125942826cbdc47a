# SPDX-License-Identifier: EUPL-1.2
"""Installing a new council after an election, and the farewell of the members who leave.

Kieswet: the council is elected every four years; the new members take their seat once the
council has approved their credentials (Gemeentewet art. 7, Kieswet hoofdstuk V). The griffie
has the credentials decision as a file (council_term.imports); `install` compares it with the
council raadsloket knows and either shows the whole change (dry run) or applies it as one
transaction with its audit event. A second run of the same file changes nothing.

What the change holds:
- new members: an account without a password and a one-time invitation to set one, their
  roles and fractie, and the onboarding checklist (Toolkit, the three parts as things to do);
- members who stay: their role and fractie as the file says;
- members who leave: each open request they put is passed to a member of their fractie in the
  new council (the fractievoorzitter unless the griffie chooses another) or, without one, ended
  with a reason through the one transition function (cases.transitions.perform): the griffie
  closes it while at intake; later the request is withdrawn in the name of the member whose
  membership ends (a request is a member's own, model-verordening art. 2), with the reason in
  the note; a request in a state that allows neither stays open and the dry run says so.
  Their access ends on the installation day (Person.is_active, which login and every request
  check): at once when the day has come, else by `run_due` on the day. Their requests pass (or
  end) at the real run, which the griffie does on the day of the installation; their personal data is anonymised RETENTION_DAYS later (privacy.anonymise);
- fracties: a new name is a new fractie; a fractie without members in the new council ends;
  the seats (raadsleden per fractie) change from the installation day, so the
  fractieondersteuning is pro-rated by day (fractie_support.seats); the year's statement is
  due as the verordening says, and the dry run names the date.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from raadsloket.access.council_term import installs_council
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.cases import workflow
from raadsloket.cases.models import Case
from raadsloket.cases.states import OPEN_STATES, State
from raadsloket.cases.transitions import perform
from raadsloket.council_term.imports import (
    COUNCIL_ROLES,
    MemberRow,
    RowError,
    parse,
)
from raadsloket.council_term.models import (
    Departure,
    Installation,
    Invitation,
    Newcomer,
)
from raadsloket.council_term.notices import send_invitation
from raadsloket.fractie_support.models import SeatPeriod
from raadsloket.fractie_support.seats import change_seats
from raadsloket.fractie_support.statement import accounting_deadline
from raadsloket.lib.errors import Forbidden, InvalidInput
from raadsloket.organisation.models import Fractie, Person, RoleAssignment
from raadsloket.organisation.roles import COLLEGE, Role
from raadsloket.privacy.anonymise import AnonymisationRefused, anonymise

# AVG art. 5 lid 1 (e): not longer than needed. Half a year after leaving: long enough for the
# fractie's statement over the last year and questions about the member's requests, short
# enough that a former member's name does not linger.
RETENTION_DAYS = 183
INVITATION_DAYS = 14
CLOSE = 0  # the griffie's choice "close the requests" instead of a successor
CLOSE_REASON = (
    "De raadsperiode van de indiener is op {on} geëindigd en niemand van de fractie neemt het "
    "verzoek over; afgesloten bij de installatie van de nieuwe raad."
)


@dataclass
class CaseStep:
    case: Case
    # "pass" to the successor, "close" by the griffie at intake, "withdraw" in the member's
    # name, or "open" when the case's state allows neither.
    action: str
    successor: Person | None = None

    @property
    def label(self) -> str:
        if self.action == "pass" and self.successor is not None:
            return f"overgedragen aan {self.successor.display_name}"
        return {
            "close": "afgesloten door de griffie, met reden",
            "withdraw": "ingetrokken namens het vertrekkende lid, met reden",
        }.get(self.action, "blijft open: de griffie handelt het af in het verzoek")


@dataclass
class Leaving:
    person: Person
    fractie: Fractie | None
    options: list[Person]
    successor: Person | None
    cases: list[CaseStep] = field(default_factory=list)


@dataclass
class Staying:
    person: Person
    row: MemberRow
    add: frozenset[str]
    remove: frozenset[str]
    fractie_changes: bool

    @property
    def changes(self) -> list[str]:
        labels = dict(Role.choices)
        found = []
        if self.fractie_changes:
            before = self.person.fractie.name if self.person.fractie_id else "geen fractie"
            found.append(f"fractie {before} → {self.row.fractie}")
        found += [f"wordt {labels[role]}" for role in sorted(self.add)]
        found += [f"niet langer {labels[role]}" for role in sorted(self.remove)]
        return found


@dataclass
class SeatChange:
    fractie: str
    before: int
    after: int
    new: bool = False
    ends: bool = False


@dataclass
class Plan:
    on: date
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    new: list[MemberRow] = field(default_factory=list)
    staying: list[Staying] = field(default_factory=list)
    leaving: list[Leaving] = field(default_factory=list)
    seats: list[SeatChange] = field(default_factory=list)
    budgets: list[str] = field(default_factory=list)
    applied: bool = False
    # Filled by the real run: (person, invitation link path) per new member.
    invitations: list[tuple[Person, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed_staying(self) -> list[Staying]:
        return [stay for stay in self.staying if stay.changes]

    @property
    def new_fracties(self) -> list[str]:
        return [change.fractie for change in self.seats if change.new]

    @property
    def ended_fracties(self) -> list[str]:
        return [change.fractie for change in self.seats if change.ends]

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.changed_staying or self.leaving or self.seats)

    def summary(self) -> dict:
        return {
            "on": self.on.isoformat(),
            "rows": self.rows,
            "new": len(self.new),
            "changed": len(self.changed_staying),
            "leaving": len(self.leaving),
            "cases": sum(len(leaving.cases) for leaving in self.leaving),
            "new_fracties": self.new_fracties,
            "ended_fracties": self.ended_fracties,
        }


# --- the current council ------------------------------------------------------------------------


def current_council(municipality_id: int):
    """Active people of the municipality with a council role, except those already leaving."""
    leaving = Departure.objects.filter(access_ended_at__isnull=True).values("person_id")
    return (
        Person.objects.filter(
            municipality_id=municipality_id,
            is_active=True,
            role_assignments__role__in=COUNCIL_ROLES,
        )
        .exclude(pk__in=leaving)
        .select_related("fractie")
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def _roles_of(people) -> dict[int, frozenset[str]]:
    found: dict[int, set[str]] = {}
    for person_id, role in RoleAssignment.objects.filter(person__in=people).values_list(
        "person_id", "role"
    ):
        found.setdefault(person_id, set()).add(role)
    return {key: frozenset(value) for key, value in found.items()}


def _people_by_email(municipality_id: int, rows: list[MemberRow]) -> dict[str, list[Person]]:
    emails = [row.email for row in rows]
    query = Q()
    for email in emails:
        query |= Q(email__iexact=email)
    found: dict[str, list[Person]] = {}
    if not emails:
        return found
    for person in Person.objects.filter(query).select_related("fractie"):
        found.setdefault(person.email.lower(), []).append(person)
    return found


def _check_against_people(
    municipality_id: int, rows: list[MemberRow], by_email: dict[str, list[Person]], roles
) -> list[RowError]:
    errors = []
    for row in rows:
        people = by_email.get(row.email, [])
        if any(person.municipality_id != municipality_id for person in people):
            errors.append(RowError(row.row, "e-mail", "hoort bij iemand van een andere gemeente."))
        elif len(people) > 1:
            errors.append(
                RowError(row.row, "e-mail", "hoort bij meer dan één account; de griffie kiest.")
            )
        elif people and not people[0].is_active:
            errors.append(
                RowError(row.row, "e-mail", "hoort bij een gesloten account; heropen het eerst.")
            )
        elif people and roles.get(people[0].pk, frozenset()) & COLLEGE:
            errors.append(
                RowError(
                    row.row,
                    "e-mail",
                    "hoort bij een lid van het college; wethouder of burgemeester zijn kan niet "
                    "samen met het raadslidmaatschap (Gemeentewet art. 13 en 36b).",
                )
            )
    return errors


# --- the plan -----------------------------------------------------------------------------------


def _fracties(municipality_id: int) -> dict[str, Fractie]:
    return {f.name.lower(): f for f in Fractie.objects.filter(municipality_id=municipality_id)}


def _successor_options(leaving: Person, staying: list[Staying]) -> list[Person]:
    """Members of the leaver's fractie in the new council who have an account already; the
    fractievoorzitter first."""
    if leaving.fractie_id is None:
        return []
    name = leaving.fractie.name.lower()
    same = [stay for stay in staying if stay.row.fractie.lower() == name]
    same.sort(key=lambda stay: (stay.row.role != "fractievoorzitter", stay.row.row))
    return [stay.person for stay in same]


def _case_steps(person: Person, successor: Person | None) -> list[CaseStep]:
    steps = []
    cases = Case.objects.filter(requester=person, state__in=OPEN_STATES).order_by("pk")
    for case in cases:
        if successor is not None:
            steps.append(CaseStep(case, "pass", successor))
        elif case.state in (State.SUBMITTED, State.INTAKE) and workflow.find(
            case.instrument, case.state, "close"
        ):
            steps.append(CaseStep(case, "close"))
        elif workflow.find(case.instrument, case.state, "withdraw"):
            steps.append(CaseStep(case, "withdraw"))
        else:
            steps.append(CaseStep(case, "open"))
    return steps


def _leaving(current, staying_ids: set[int], staying, choices: dict[int, int]) -> list[Leaving]:
    found = []
    for person in current:
        if person.pk in staying_ids:
            continue
        options = _successor_options(person, staying)
        chosen = choices.get(person.pk)
        if chosen == CLOSE:
            successor = None
        else:
            successor = next(
                (p for p in options if p.pk == chosen), options[0] if options else None
            )
        found.append(
            Leaving(person, person.fractie, options, successor, _case_steps(person, successor))
        )
    return found


def _seat_changes(
    municipality_id: int, rows: list[MemberRow], leaving_fracties
) -> list[SeatChange]:
    fracties = _fracties(municipality_id)
    seats: dict[str, int] = {}
    names: dict[str, str] = {}
    for row in rows:
        key = row.fractie.lower()
        names.setdefault(key, row.fractie)
        seats[key] = seats.get(key, 0) + (1 if row.has_seat else 0)
    changes = []
    for key, count in seats.items():
        existing = fracties.get(key)
        if existing is None:
            changes.append(SeatChange(names[key], 0, count, new=True))
        elif existing.seats != count and count > 0:
            changes.append(SeatChange(existing.name, existing.seats, count))
    changes.extend(
        SeatChange(fractie.name, fractie.seats, 0, ends=True)
        for fractie in sorted(leaving_fracties, key=lambda f: f.name)
        if fractie.name.lower() not in seats
    )
    return changes


def _budget_notes(viewer: Viewer, plan: Plan) -> list[str]:
    support = viewer.policy.fractie_support
    if not support.enabled or not plan.seats:
        return []
    deadline = accounting_deadline(support, plan.on.year)
    notes = []
    for change in plan.seats:
        if change.new:
            continue
        what = "eindigt" if change.ends else f"gaat van {change.before} naar {change.after} zetels"
        notes.append(
            f"{change.fractie} {what} op {plan.on:%d-%m-%Y}: de fractieondersteuning over "
            f"{plan.on.year} wordt per dag berekend; de verantwoording over {plan.on.year} is "
            f"uiterlijk {deadline:%d-%m-%Y} in te dienen en door de griffie vast te stellen "
            "(Fractieondersteuning, verantwoording)."
        )
    return notes


def make_plan(viewer: Viewer, rows: list[MemberRow], on: date, choices: dict[int, int]) -> Plan:
    municipality_id = viewer.tenant
    plan = Plan(on=on, rows=len(rows))
    current = list(current_council(municipality_id))
    by_email = _people_by_email(municipality_id, rows)
    roles = _roles_of([p for people in by_email.values() for p in people] + current)
    plan.errors = _check_against_people(municipality_id, rows, by_email, roles)
    if plan.errors:
        return plan
    for row in rows:
        person = (by_email.get(row.email) or [None])[0]
        if person is None:
            plan.new.append(row)
            continue
        held = roles.get(person.pk, frozenset()) & COUNCIL_ROLES
        fractie_name = person.fractie.name.lower() if person.fractie_id else ""
        plan.staying.append(
            Staying(
                person,
                row,
                add=row.roles - held,
                remove=held - row.roles,
                fractie_changes=fractie_name != row.fractie.lower(),
            )
        )
    staying_ids = {stay.person.pk for stay in plan.staying}
    plan.leaving = _leaving(current, staying_ids, plan.staying, choices)
    leaving_fracties = {p.fractie for p in current if p.fractie_id}
    plan.seats = _seat_changes(municipality_id, rows, leaving_fracties)
    plan.budgets = _budget_notes(viewer, plan)
    return plan


# --- applying it --------------------------------------------------------------------------------


def _end_seats(fractie: Fractie, on: date) -> None:
    """The fractie holds no seat from `on` (fractie_support.seats: an ended period)."""
    period = SeatPeriod.objects.filter(fractie=fractie, end__isnull=True).order_by("-pk").first()
    if period is None:
        SeatPeriod.objects.create(
            municipality_id=fractie.municipality_id,
            fractie=fractie,
            start=None,
            end=on - timedelta(days=1),
            seats=fractie.seats,
            note="Einde raadsperiode",
        )
    elif period.start is not None and period.start >= on:
        period.delete()
    else:
        period.end = on - timedelta(days=1)
        period.save(update_fields=["end"])


def _apply_fracties(viewer: Viewer, plan: Plan, actor) -> dict[str, Fractie]:
    municipality_id = viewer.tenant
    fracties = _fracties(municipality_id)
    for change in plan.seats:
        if change.new:
            fractie = Fractie.objects.create(
                municipality_id=municipality_id, name=change.fractie, seats=max(change.after, 1)
            )
            if change.after:
                SeatPeriod.objects.create(
                    municipality_id=municipality_id,
                    fractie=fractie,
                    start=plan.on,
                    seats=change.after,
                    note="Nieuwe fractie na de verkiezingen",
                )
            fracties[fractie.name.lower()] = fractie
        elif change.ends:
            _end_seats(fracties[change.fractie.lower()], plan.on)
        else:
            change_seats(
                fracties[change.fractie.lower()],
                plan.on,
                change.after,
                actor=actor,
                note="Installatie van de nieuwe raad",
            )
    return fracties


def _set_roles(person: Person, add, remove) -> None:
    if remove:
        RoleAssignment.objects.filter(person=person, role__in=remove).delete()
    for role in sorted(add):
        RoleAssignment.objects.create(person=person, role=role)


def _username(email: str) -> str:
    base = re.sub(r"[^a-z0-9._-]", "", email.split("@", 1)[0].lower())[:40] or "raadslid"
    candidate, number = base, 1
    while Person.objects.filter(username=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


def invitation_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(person: Person) -> str:
    """A new one-time token (returned once, stored as a hash) for the person's password."""
    token = secrets.token_urlsafe(32)
    Invitation.objects.create(
        person=person,
        digest=invitation_digest(token),
        valid_until=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    return token


def _create_member(viewer: Viewer, installation: Installation, row: MemberRow, fractie) -> str:
    first, _, last = row.name.partition(" ")
    person = Person(
        username=_username(row.email),
        email=row.email,
        first_name=first[:150],
        last_name=last[:150],
        municipality_id=viewer.tenant,
        fractie=fractie,
    )
    person.set_unusable_password()
    person.save()
    _set_roles(person, row.roles, frozenset())
    Newcomer.objects.create(
        installation=installation, person=person, starts_on=row.starts_on or installation.on
    )
    return invite(person)


def _close_case(step: CaseStep, clerk: Person, on: date) -> None:
    reason = CLOSE_REASON.format(on=f"{on:%d-%m-%Y}")
    if step.action == "close":
        perform(clerk, step.case.pk, "close", {"note": reason})
    elif step.action == "withdraw":
        perform(step.case.requester, step.case.pk, "withdraw", {"note": reason})


def _pass_case(step: CaseStep, actor, installation: Installation) -> None:
    case = Case.objects.select_for_update().get(pk=step.case.pk)
    before = case.requester_id
    case.requester = step.successor
    case.version += 1
    case.save(update_fields=["requester", "version"])
    case.co_requesters.remove(step.successor)
    record(
        "council_term.case_passed",
        actor=actor,
        municipality_id=case.municipality_id,
        case_id=case.pk,
        detail={"from": before, "to": case.requester_id, "installation": installation.pk},
    )


def end_access(departure: Departure) -> None:
    """The member's account closes: login refused, every open session ends (is_active)."""
    Person.objects.filter(pk=departure.person_id).update(is_active=False)
    departure.access_ended_at = timezone.now()
    departure.save(update_fields=["access_ended_at"])
    record(
        "council_term.access_ended",
        municipality_id=departure.installation.municipality_id,
        detail={"person": departure.person_id, "on": departure.leaves_on},
    )


def _apply_leaving(plan: Plan, actor, installation: Installation, today: date) -> None:
    for leaving in plan.leaving:
        for step in leaving.cases:
            if step.action == "pass":
                _pass_case(step, actor, installation)
            else:
                _close_case(step, actor, plan.on)
        departure = Departure.objects.create(
            installation=installation,
            person=leaving.person,
            fractie=leaving.fractie,
            leaves_on=plan.on,
            anonymise_on=plan.on + timedelta(days=RETENTION_DAYS),
        )
        if plan.on <= today:
            end_access(departure)


def _apply(viewer: Viewer, plan: Plan, actor, name: str, content: bytes) -> Installation:
    installation = Installation.objects.create(
        municipality_id=viewer.tenant,
        on=plan.on,
        file_name=name[:200],
        digest=hashlib.sha256(content).hexdigest(),
        summary=plan.summary(),
        installed_by=actor,
    )
    fracties = _apply_fracties(viewer, plan, actor)
    for stay in plan.staying:
        fractie = fracties[stay.row.fractie.lower()]
        if stay.person.fractie_id != fractie.pk:
            Person.objects.filter(pk=stay.person.pk).update(fractie=fractie)
        _set_roles(stay.person, stay.add, stay.remove)
    for row in plan.new:
        token = _create_member(viewer, installation, row, fracties[row.fractie.lower()])
        person = Person.objects.get(municipality_id=viewer.tenant, email=row.email)
        plan.invitations.append((person, token))
        send_invitation(
            person, token, row.starts_on or plan.on, INVITATION_DAYS, getattr(actor, "pk", None)
        )
    _apply_leaving(plan, actor, installation, timezone.localdate())
    record(
        "council_term.installed",
        actor=actor,
        municipality_id=viewer.tenant,
        detail={"installation": installation.pk, "file": name[:200], **plan.summary()},
    )
    return installation


def install(
    viewer: Viewer,
    actor,
    name: str,
    content: bytes,
    *,
    on: date,
    dry_run: bool,
    choices: dict[int, int] | None = None,
) -> Plan:
    """Check the file and show (dry run) or apply (one transaction) the new council.

    Bad rows: `plan.errors`, nothing changed. A run whose plan is empty changes nothing and
    records nothing (the second run of the same file).
    """
    if not installs_council(viewer):
        raise Forbidden("Alleen de griffier installeert een nieuwe raad.")
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput("Geef de installatiedatum op als jjjj-mm-dd.", field="on")
    parsed = parse(name, content)
    if parsed.errors:
        return Plan(on=on, rows=len(parsed.rows), errors=parsed.errors)
    with transaction.atomic():
        plan = make_plan(viewer, parsed.rows, on, choices or {})
        if dry_run or not plan.ok or plan.is_empty:
            return plan
        _apply(viewer, plan, actor, name, content)
        plan.applied = True
    return plan


# --- on and after the day -----------------------------------------------------------------------


@dataclass
class DueReport:
    ended: int = 0
    anonymised: int = 0
    refused: list[str] = field(default_factory=list)


def run_due(today: date | None = None) -> DueReport:
    """End access on the day and anonymise after the retention period (a daily timer runs it:
    `raadsloket council-term-due`). Each departure in its own transaction."""
    today = today or timezone.localdate()
    report = DueReport()
    for departure in Departure.objects.filter(access_ended_at__isnull=True, leaves_on__lte=today):
        with transaction.atomic():
            end_access(departure)
            report.ended += 1
    due = Departure.objects.filter(
        access_ended_at__isnull=False, anonymised_at__isnull=True, anonymise_on__lte=today
    ).select_related("person")
    for departure in due:
        try:
            anonymise(departure.person)
        except AnonymisationRefused as refused:
            report.refused.append(refused.message)
            continue
        departure.anonymised_at = timezone.now()
        departure.save(update_fields=["anonymised_at"])
        report.anonymised += 1
    return report
