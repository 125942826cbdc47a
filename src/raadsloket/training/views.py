# SPDX-License-Identifier: EUPL-1.2
"""The opleidingen pages (toolkit seed, "Opleidingsbudget"): budgets, course requests and the
griffie's decisions.

Toolkit seed, "Leren en ontwikkelen": raadsleden have a right to good support and schooling;
the council can set a collective and a personal training budget, for the functional schooling
of council members and never for party-political training. Who sees what is decided only in
`raadsloket.access.training`; whatever a viewer may not see answers 404, as if it did not
exist.
Every change goes through `raadsloket.training.services`, which checks the rules and writes the
audit chain.
"""

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Q, Sum, Value, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from raadsloket.access.training import (
    TRAINING_REQUESTERS,
    decides_training,
    may_request_training,
    sees_training_pages,
    sees_training_request,
    visible_training_requests,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.lib.errors import DomainError, Forbidden
from raadsloket.lib.idempotency import AlreadySubmitted
from raadsloket.lib.money import ZERO, cents, euro, plain_amount
from raadsloket.organisation.models import Person
from raadsloket.training import services as training
from raadsloket.training.forms import (
    DecisionForm,
    TrainingRequestForm,
    YearBudgetForm,
    prefill,
)
from raadsloket.training.models import TrainingRequest

Kind = TrainingRequest.Kind
Status = TrainingRequest.Status
# Years the pages accept: wide enough for history and planning, narrow enough to be a year.
FIRST_YEAR, LAST_YEAR = 2000, 2100
ACTIONS = {"goedkeuren", "afwijzen", "intrekken"}


def _forbidden(request, message: str):
    return render(
        request, "errors/error.html", {"title": "Geen toegang", "message": message}, status=403
    )


def _year(request) -> tuple[int, str]:
    """The year of `?jaar=`, or this year with a Dutch notice when it is not a year."""
    this_year = timezone.localdate().year
    raw = (request.GET.get("jaar") or "").strip()
    if not raw:
        return this_year, ""
    if raw.isdigit() and FIRST_YEAR <= int(raw) <= LAST_YEAR:
        return int(raw), ""
    return (
        this_year,
        f"'{raw[:20]}' is geen jaar tussen {FIRST_YEAR} en {LAST_YEAR}; u ziet {this_year}.",
    )


def _index_url(year: int, anchor: str = "") -> str:
    return f"{reverse('training:index')}?jaar={year}{'#' + anchor if anchor else ''}"


def _pending_first(queryset):
    return queryset.annotate(
        waiting=Case(
            When(status=Status.SUBMITTED, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("waiting", "start_date", "pk")


def _spending_overview(viewer, year: int, personal_amount: Decimal) -> tuple[list[dict], dict]:
    """Per member the personal budget, approved, pending and remaining: two queries in all.

    Everyone who may ask for a course has a personal budget, also without requests; someone who
    left (no role any more) still shows when they spent or asked for something this year.
    """
    sums: dict[int, dict[str, Decimal]] = defaultdict(lambda: {"approved": ZERO, "pending": ZERO})
    committed = visible_training_requests(viewer, TrainingRequest.objects.all()).filter(
        year=year, kind=Kind.PERSONAL, status__in=training.COMMITTED + training.PENDING
    )
    for row in committed.values("person_id", "status").annotate(total=Sum("cost")):
        key = "approved" if row["status"] in training.COMMITTED else "pending"
        sums[row["person_id"]][key] += cents(row["total"])
    people = (
        Person.objects.filter(municipality_id=viewer.municipality_id)
        .filter(
            Q(role_assignments__role__in=TRAINING_REQUESTERS, is_active=True) | Q(pk__in=list(sums))
        )
        .select_related("fractie")
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
    rows = []
    for person in people:
        spent = sums.get(person.pk, {"approved": ZERO, "pending": ZERO})
        budget = training.Budget(
            Kind.PERSONAL, year, personal_amount, spent["approved"], spent["pending"]
        )
        rows.append({"person": person, "budget": budget})
    totals = {
        "amount": sum((row["budget"].amount for row in rows), ZERO),
        "approved": sum((row["budget"].approved for row in rows), ZERO),
        "pending": sum((row["budget"].pending for row in rows), ZERO),
        "remaining": sum((row["budget"].remaining for row in rows), ZERO),
    }
    return rows, totals


def _index_context(request, viewer, year: int, *, action_error: dict | None = None) -> dict:
    user, profile = request.user, viewer.profile
    municipality = user.municipality
    setting = training.year_budget(municipality, year, profile)
    this_year = timezone.localdate().year
    visible = visible_training_requests(viewer, TrainingRequest.objects.filter(year=year))
    context = {
        "year": year,
        "this_year": this_year,
        "previous_year": year - 1 if year > FIRST_YEAR else None,
        "next_year": year + 1 if year < LAST_YEAR else None,
        "setting": setting,
        "rule": profile.training_budget.rule,
        "may_request": may_request_training(viewer),
        "decides": decides_training(viewer),
        "collective": training.collective_budget(municipality, year, profile),
        # What the council's budget is spent on: visible to every member (access layer).
        "collective_courses": list(
            visible.filter(kind=Kind.COLLECTIVE, status=Status.APPROVED).order_by(
                "start_date", "pk"
            )
        ),
        "action_error": action_error,
    }
    if context["may_request"]:
        context["personal"] = training.personal_budget(user, year, profile)
        context["own_requests"] = list(
            _pending_first(visible.filter(person_id=user.pk)).select_related("decided_by")
        )
    if context["decides"]:
        context["all_requests"] = list(
            _pending_first(visible).select_related("person__fractie", "decided_by")
        )
        context["waiting_count"] = sum(
            1 for r in context["all_requests"] if r.status == Status.SUBMITTED
        )
        context["overview"], context["totals"] = _spending_overview(
            viewer, year, setting.personal_amount
        )
    if action_error:
        # The error goes beside the request it is about, with the motivering as typed.
        for item in context.get("own_requests", []) + context.get("all_requests", []):
            if item.pk == action_error["pk"]:
                item.error, item.kept_reason = action_error["message"], action_error["reason"]
    return context


@login_required
def index(request):
    viewer = viewer_for(request.user)
    if not sees_training_pages(viewer):
        raise Http404("Pagina niet gevonden")
    year, notice = _year(request)
    context = _index_context(request, viewer, year)
    context["year_notice"] = notice
    return render(request, "training/index.html", context)


def _budgets_for_form(request, viewer, form) -> dict:
    """The budgets of the year the course falls in, shown beside the form."""
    year = timezone.localdate().year
    start = form.cleaned_data.get("start_date") if hasattr(form, "cleaned_data") else None
    if start is not None:
        year = start.year
    profile = viewer.profile
    return {
        "year": year,
        "personal": training.personal_budget(request.user, year, profile),
        "collective": training.collective_budget(request.user.municipality, year, profile),
    }


def _already_requested(request, error: AlreadySubmitted):
    """Back and submit again: nothing new; where the first submit's request is."""
    found = error.existing
    url = _index_url(found.year, f"aanvraag-{found.pk}")
    messages.info(
        request, format_html('{} <a href="{}">Bekijk de aanvraag</a>.', error.message, url)
    )
    return redirect(url)


@login_required
def new_request(request):
    viewer = viewer_for(request.user)
    if not may_request_training(viewer):
        raise Http404("Pagina niet gevonden")
    rule = viewer.profile.training_budget.rule
    status = 200
    if request.method == "POST":
        form = TrainingRequestForm(data=request.POST, rule=rule)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = training.request_training(
                    viewer,
                    request.user,
                    kind=data["kind"],
                    title=data["title"],
                    provider=data["provider"],
                    start_date=data["start_date"],
                    cost=data["cost"],
                    purpose=data["purpose"],
                    not_party_political=data["not_party_political"],
                    submission_token=data["submission_token"],
                )
            except AlreadySubmitted as error:
                return _already_requested(request, error)
            except Forbidden as error:
                return _forbidden(request, error.message)
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
                status = error.status
            else:
                messages.success(
                    request,
                    f"Uw aanvraag voor '{created.title}' ({euro(created.cost)}) is ingediend. "
                    "De griffie beslist erover; u ziet het besluit hier.",
                )
                return redirect(_index_url(created.year, f"aanvraag-{created.pk}"))
    else:
        form = TrainingRequestForm(rule=rule, initial=prefill(request.GET))
    context = {"form": form, "rule": rule, **_budgets_for_form(request, viewer, form)}
    return render(request, "training/new_request.html", context, status=status)


@login_required
@require_POST
def request_action(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404("Onbekende actie")
    viewer = viewer_for(request.user)
    if not sees_training_pages(viewer):
        raise Http404("Aanvraag niet gevonden")
    found = TrainingRequest.objects.select_related("person__municipality").filter(pk=pk).first()
    if found is None or not sees_training_request(viewer, found):
        raise Http404("Aanvraag niet gevonden")
    # Kept whole for the re-shown form: an over-long motivering is refused, never cut.
    reason = str(request.POST.get("reden", ""))
    try:
        if action == "intrekken":
            done = training.withdraw(viewer, request.user, found)
            message = f"Uw aanvraag voor '{done.title}' is ingetrokken."
        else:
            form = DecisionForm(data=request.POST)
            if not form.is_valid():
                raise DomainError(form.errors["reden"][0], field="reason")
            done = training.decide(
                viewer,
                request.user,
                found,
                approve=action == "goedkeuren",
                reason=form.cleaned_data["reden"],
            )
            message = (
                f"De aanvraag '{done.title}' van {done.person.display_name} is "
                f"{done.get_status_display()}."
            )
    except Forbidden as error:
        return _forbidden(request, error.message)
    except DomainError as error:
        # Show the page again with the error beside this request and the motivering kept.
        context = _index_context(
            request,
            viewer,
            found.year,
            action_error={
                "pk": found.pk,
                "action": action,
                "message": error.message,
                "reason": reason,
            },
        )
        return render(request, "training/index.html", context, status=error.status)
    messages.success(request, message)
    return redirect(_index_url(done.year, f"aanvraag-{done.pk}"))


@login_required
def year_budget(request, year: int):
    viewer = viewer_for(request.user)
    if not decides_training(viewer) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("Pagina niet gevonden")
    municipality = request.user.municipality
    current = training.year_budget(municipality, year, viewer.profile)
    status = 200
    if request.method == "POST":
        form = YearBudgetForm(data=request.POST)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = training.set_year_budget(
                    viewer,
                    request.user,
                    municipality,
                    year,
                    collective=data["collective"],
                    personal=data["personal"],
                    decision=data["decision"],
                )
            except Forbidden as error:
                return _forbidden(request, error.message)
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
                status = error.status
            else:
                messages.success(
                    request,
                    f"Het opleidingsbudget {year} is vastgelegd: collectief "
                    f"{euro(saved.collective_amount)}, persoonlijk {euro(saved.personal_amount)} "
                    "per raadslid.",
                )
                return redirect(_index_url(year))
    else:
        form = YearBudgetForm(
            initial={
                "collective": plain_amount(current.collective_amount),
                "personal": plain_amount(current.personal_amount),
                "decision": current.decision,
            }
        )
    context = {"form": form, "year": year, "current": current}
    return render(request, "training/year_budget.html", context, status=status)
