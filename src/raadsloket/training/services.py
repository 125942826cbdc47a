# SPDX-License-Identifier: EUPL-1.2
"""The opleidingsbudget: collective and personal budgets, course requests and their approval.

Toolkit seed, "Leren en ontwikkelen": the council can set both a collective and a personal
training budget; it is for the functional schooling of council members and may not be spent on
party-political training. The griffie approves requests; an approval never takes a budget below
zero.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from raadsloket.access.training import decides_training, may_request_training
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.lib.errors import Conflict, DomainError, Forbidden
from raadsloket.lib.idempotency import insert_once
from raadsloket.lib.money import ZERO, cents, euro
from raadsloket.training import notices
from raadsloket.training.models import TrainingRequest, TrainingYear

Kind = TrainingRequest.Kind
Status = TrainingRequest.Status
# What a request holds against a budget: approved, and still waiting for a decision.
COMMITTED = (Status.APPROVED,)
PENDING = (Status.SUBMITTED,)
ADJECTIVE = {Kind.PERSONAL: "persoonlijke", Kind.COLLECTIVE: "collectieve"}


@dataclass(frozen=True)
class Budget:
    """One budget for one year: what the council set, what is approved, what is asked."""

    kind: str
    year: int
    amount: Decimal
    approved: Decimal
    pending: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.approved


def year_budget(municipality, year: int, profile) -> TrainingYear:
    """The council's decision for `year`, or the profile's amounts if it set none (unsaved)."""
    found = TrainingYear.objects.filter(municipality=municipality, year=year).first()
    if found is not None:
        return found
    return TrainingYear(
        municipality=municipality,
        year=year,
        collective_amount=profile.training_budget.collective_per_year,
        personal_amount=profile.training_budget.personal_per_member,
    )


def _sums(queryset) -> tuple[Decimal, Decimal]:
    approved = queryset.filter(status__in=COMMITTED).aggregate(total=Sum("cost"))["total"]
    pending = queryset.filter(status__in=PENDING).aggregate(total=Sum("cost"))["total"]
    return cents(approved or ZERO), cents(pending or ZERO)


def personal_budget(person, year: int, profile) -> Budget:
    setting = year_budget(person.municipality, year, profile)
    approved, pending = _sums(
        TrainingRequest.objects.filter(person=person, year=year, kind=Kind.PERSONAL)
    )
    return Budget(Kind.PERSONAL, year, setting.personal_amount, approved, pending)


def collective_budget(municipality, year: int, profile) -> Budget:
    setting = year_budget(municipality, year, profile)
    approved, pending = _sums(
        TrainingRequest.objects.filter(municipality=municipality, year=year, kind=Kind.COLLECTIVE)
    )
    return Budget(Kind.COLLECTIVE, year, setting.collective_amount, approved, pending)


def _budget_for(request: TrainingRequest, profile) -> Budget:
    if request.kind == Kind.PERSONAL:
        return personal_budget(request.person, request.year, profile)
    return collective_budget(request.municipality, request.year, profile)


def _text(value: str, label: str, field: str, low: int, high: int) -> str:
    value = (value or "").strip()
    if not low <= len(value) <= high:
        raise DomainError(f"{label} is {low} tot {high} tekens lang.", field=field)
    return value


def request_training(
    viewer: Viewer,
    person,
    *,
    kind: str,
    title: str,
    provider: str,
    start_date: date,
    cost: Decimal,
    purpose: str,
    not_party_political: bool,
    today: date | None = None,
    submission_token: str = "",
) -> TrainingRequest:
    """A member asks to pay a course from their personal budget or the council's collective one.

    `submission_token` is the form's (lib/idempotency.py): the same form twice asks once.
    """
    if not may_request_training(viewer):
        raise Forbidden("Alleen raadsleden en commissieleden vragen een opleiding aan.")
    profile = viewer.profile
    if kind not in Kind.values:
        raise DomainError("Kies persoonlijk of collectief.", field="kind")
    title = _text(title, "De naam van de opleiding", "title", 3, 200)
    provider = _text(provider, "De aanbieder", "provider", 2, 200)
    purpose = _text(purpose, "Het doel voor het raadswerk", "purpose", 10, 4000)
    if not not_party_political:
        # Toolkit seed: the budget may not be spent on party-political training.
        raise DomainError(profile.training_budget.rule, field="not_party_political")
    if not isinstance(cost, Decimal) or not cost.is_finite() or cost <= 0 or cost > 100_000:
        raise DomainError("De kosten liggen tussen € 0,01 en € 100.000,00.", field="cost")
    if cost != cost.quantize(Decimal("0.01")):
        raise DomainError("Een bedrag heeft hoogstens twee cijfers achter de komma.", field="cost")
    today = today or timezone.localdate()
    if not isinstance(start_date, date) or start_date.year < today.year - 1:
        raise DomainError("Kies een datum in dit of vorig jaar, of later.", field="start_date")
    with transaction.atomic():
        request = TrainingRequest(
            municipality_id=viewer.municipality_id,
            person=person,
            year=start_date.year,
            kind=kind,
            title=title,
            provider=provider,
            start_date=start_date,
            cost=cost,
            purpose=purpose,
            submission_token=submission_token,
        )
        budget = _budget_for(request, profile)
        if cost > budget.remaining:
            raise DomainError(
                f"De kosten ({euro(cost)}) zijn hoger dan wat van het {ADJECTIVE[kind]} "
                f"budget {start_date.year} over is ({euro(budget.remaining)}).",
                field="cost",
            )
        insert_once(
            request.save,
            token=submission_token,
            existing=lambda: TrainingRequest.objects.filter(
                municipality_id=viewer.municipality_id, submission_token=submission_token
            ).first(),
            owned=lambda found: found.person_id == person.pk,
            message="Deze aanvraag is al ingediend.",
        )
        record(
            "budgets.training_requested",
            actor=person,
            municipality_id=viewer.municipality_id,
            detail={"request": request.pk, "kind": kind, "year": request.year, "cost": cost},
        )
        notices.training_requested(request, actor=person)
    return request


def decide(viewer: Viewer, actor, request: TrainingRequest, *, approve: bool, reason: str):
    """The griffie approves (within the budget) or refuses with reasons."""
    if not decides_training(viewer) or request.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie beslist over opleidingsaanvragen.")
    reason = (reason or "").strip()
    if not approve and len(reason) < 10:
        raise DomainError("Een afwijzing is gemotiveerd (minstens 10 tekens).", field="reason")
    if len(reason) > 4000:
        raise DomainError("De motivering is hoogstens 4000 tekens.", field="reason")
    with transaction.atomic():
        # Lock the requests that share this budget so two approvals cannot both spend the rest.
        scope = TrainingRequest.objects.select_for_update().filter(
            municipality_id=request.municipality_id, year=request.year, kind=request.kind
        )
        if request.kind == Kind.PERSONAL:
            scope = scope.filter(person_id=request.person_id)
        list(scope.order_by("pk"))
        locked = TrainingRequest.objects.select_related("person__municipality").get(pk=request.pk)
        if locked.status != Status.SUBMITTED:
            raise Conflict(f"Over deze aanvraag is al beslist ({locked.get_status_display()}).")
        if approve:
            budget = _budget_for(locked, viewer.profile)
            if locked.cost > budget.remaining:
                raise Conflict(
                    f"Goedkeuren gaat niet: er is nog {euro(budget.remaining)} over in dit "
                    f"budget en de aanvraag kost {euro(locked.cost)}."
                )
        locked.status = Status.APPROVED if approve else Status.REFUSED
        locked.decided_by, locked.decided_at = actor, timezone.now()
        notices.settle_requested(locked, locked.decided_at)
        locked.decision_reason = reason
        locked.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        record(
            "budgets.training_decided",
            actor=actor,
            municipality_id=locked.municipality_id,
            detail={"request": locked.pk, "status": locked.status},
        )
        notices.training_decided(locked, actor=actor)
    return locked


def withdraw(viewer: Viewer, person, request: TrainingRequest) -> TrainingRequest:
    if request.person_id != person.pk or request.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de aanvrager trekt een aanvraag in.")
    with transaction.atomic():
        locked = TrainingRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != Status.SUBMITTED:
            raise Conflict("Alleen een aanvraag waarover nog niet is beslist, trekt u in.")
        locked.status = Status.WITHDRAWN
        locked.save(update_fields=["status"])
        notices.settle_requested(locked, timezone.now())
        record(
            "budgets.training_withdrawn",
            actor=person,
            municipality_id=locked.municipality_id,
            detail={"request": locked.pk},
        )
    return locked


def set_year_budget(
    viewer: Viewer,
    actor,
    municipality,
    year: int,
    *,
    collective: Decimal,
    personal: Decimal,
    decision: str = "",
) -> TrainingYear:
    """The griffie records the amounts the council set for `year`."""
    if not decides_training(viewer) or municipality.pk != viewer.municipality_id:
        raise Forbidden("Alleen de griffie legt het opleidingsbudget vast.")
    for value, name in ((collective, "collective"), (personal, "personal")):
        if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= 10**7:
            raise DomainError("Vul een bedrag van € 0,00 of meer in.", field=name)
        if value != value.quantize(Decimal("0.01")):
            raise DomainError(
                "Een bedrag heeft hoogstens twee cijfers achter de komma.", field=name
            )
    if len((decision or "").strip()) > 300:
        raise DomainError("Het raadsbesluit is hoogstens 300 tekens.", field="decision")
    if not 2000 <= year <= 2100:
        raise DomainError("Kies een jaar tussen 2000 en 2100.", field="year")
    with transaction.atomic():
        row, _ = TrainingYear.objects.update_or_create(
            municipality=municipality,
            year=year,
            defaults={
                "collective_amount": collective,
                "personal_amount": personal,
                "decision": (decision or "").strip(),
            },
        )
        record(
            "budgets.training_year_set",
            actor=actor,
            municipality_id=municipality.pk,
            detail={"year": year, "collective": collective, "personal": personal},
        )
    return row
