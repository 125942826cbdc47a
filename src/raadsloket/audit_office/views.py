# SPDX-License-Identifier: EUPL-1.2
"""The rekenkamer pages: requests and the programme, one request, the accountant cycle and its
iCalendar feed (toolkit seed, "Rekenkamer" and "Accountant").

Who sees and does what is decided only in raadsloket.access.audit_office: a reader of another
municipality (or without a reading role) gets 404, as for an id that does not exist; a member
sees the form to propose a study; only the griffie sees the other forms and may post them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from raadsloket.access.audit_office import (
    manages_audit_office,
    may_change_audit_item,
    may_propose_study,
    reads_audit_office,
    visible_audit_items,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.audit_office import services
from raadsloket.audit_office.cycle import adoption_deadline
from raadsloket.audit_office.feed import cycle_feed
from raadsloket.audit_office.forms import (
    ACTION_FORMS,
    CycleDateForm,
    GenerateCycleForm,
    MoveCycleDateForm,
    ProgrammeStudyForm,
    ProposalForm,
    StudyRequestForm,
)
from raadsloket.audit_office.models import CycleDate, ProgrammeStudy, RequestStatus, StudyRequest
from raadsloket.lib.errors import DomainError, NotFound
from raadsloket.lib.views import apply_errors

NOT_FOUND = "Pagina niet gevonden"
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _reader(request):
    viewer = viewer_for(request.user)
    if not reads_audit_office(viewer):
        raise Http404(NOT_FOUND)
    return viewer


def _manager(request):
    viewer = _reader(request)
    if not manages_audit_office(viewer):
        raise Http404(NOT_FOUND)
    return viewer


def _proposer(request):
    viewer = _reader(request)
    if not may_propose_study(viewer):
        raise Http404(NOT_FOUND)
    return viewer


def _year(request, default: int) -> int:
    text = request.GET.get("jaar", "")
    if text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return default


def _index_context(request, viewer, **forms) -> dict:
    year = _year(request, timezone.localdate().year)
    requests = visible_audit_items(
        viewer, StudyRequest.objects.select_related("proposed_by")
    ).order_by("-filed_on", "-pk")
    programme = (
        visible_audit_items(viewer, ProgrammeStudy.objects.all())
        .filter(year=year)
        .order_by("quarter", "pk")
    )
    manages = manages_audit_office(viewer)
    return {
        "year": year,
        "previous_year": year - 1,
        "next_year": year + 1,
        # Proposals first: they wait for the griffie to file or close them.
        "proposals": [r for r in requests if r.status == RequestStatus.PROPOSED],
        "open_requests": [
            r for r in requests if r.status not in CLOSED and r.status != RequestStatus.PROPOSED
        ],
        "closed_requests": [r for r in requests if r.status in CLOSED],
        "programme": list(programme),
        "manages": manages,
        "proposes": may_propose_study(viewer),
        "proposal_form": forms.get("proposal_form") or ProposalForm(),
        "request_form": forms.get("request_form") or StudyRequestForm(),
        "programme_form": forms.get("programme_form") or ProgrammeStudyForm(initial={"year": year}),
    }


CLOSED = frozenset({RequestStatus.REFUSED, RequestStatus.DISCUSSED, RequestStatus.NOT_FILED})


def _with_errors(form, error: DomainError) -> None:
    apply_errors(form, error.errors or {"__all__": [error.message]})


@login_required
def index(request):
    viewer = _reader(request)
    return render(request, "audit_office/index.html", _index_context(request, viewer))


def _post_on_index(request, viewer, form, form_key: str, create, done: str, target):
    """A form of the index page: the service makes the item, or the page again with the errors
    (400), the form keeping what was typed."""
    if form.is_valid():
        try:
            made = create(request.user, form.cleaned_data)
        except DomainError as error:
            _with_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(target(made))
    context = _index_context(request, viewer, **{form_key: form})
    return render(request, "audit_office/index.html", context, status=400)


def _detail_url(item) -> str:
    return reverse("audit_office:detail", args=[item.pk])


@login_required
@require_POST
def file_request(request):
    viewer = _manager(request)
    return _post_on_index(
        request,
        viewer,
        StudyRequestForm(request.POST),
        "request_form",
        services.file_request,
        "Het verzoek aan de rekenkamer is vastgelegd.",
        _detail_url,
    )


@login_required
@require_POST
def propose_study(request):
    viewer = _proposer(request)
    return _post_on_index(
        request,
        viewer,
        ProposalForm(request.POST),
        "proposal_form",
        services.propose_study,
        "Uw voorstel staat bij de griffie.",
        _detail_url,
    )


@login_required
@require_POST
def add_programme_study(request):
    viewer = _manager(request)
    return _post_on_index(
        request,
        viewer,
        ProgrammeStudyForm(request.POST),
        "programme_form",
        services.add_programme_study,
        "Het onderzoek staat in het programma.",
        lambda study: reverse("audit_office:index") + f"?jaar={study.year}",
    )


def _load(request, pk: int) -> StudyRequest:
    try:
        return services.load_request(viewer_for(request.user), pk)
    except NotFound:
        raise Http404(NOT_FOUND) from None


def _detail_context(request, study: StudyRequest, failed: str = "", form=None) -> dict:
    viewer = viewer_for(request.user)
    actions = []
    if may_change_audit_item(viewer, study):
        for name in services.allowed_actions(study):
            shown = form if name == failed else ACTION_FORMS[name]()
            actions.append({"name": name, "label": services.ACTIONS[name].label, "form": shown})
    return {"study": study, "actions": actions}


@login_required
def detail(request, pk: int):
    _reader(request)
    study = _load(request, pk)
    return render(request, "audit_office/detail.html", _detail_context(request, study))


@login_required
@require_POST
def act(request, pk: int, action: str):
    viewer = _reader(request)
    study = _load(request, pk)
    if action not in ACTION_FORMS or not may_change_audit_item(viewer, study):
        raise Http404(NOT_FOUND)
    form = ACTION_FORMS[action](request.POST)
    if form.is_valid():
        try:
            services.act(request.user, study, action, form.cleaned_data)
        except DomainError as error:
            _with_errors(form, error)
        else:
            messages.success(request, f"{services.ACTIONS[action].label}.")
            return redirect("audit_office:detail", study.pk)
    context = _detail_context(request, study, failed=action, form=form)
    return render(request, "audit_office/detail.html", context, status=400)


def _cycle_url(year: int) -> str:
    return reverse("audit_office:cycle") + f"?jaar={year}"


def _cycle_context(request, viewer, **forms) -> dict:
    today = timezone.localdate()
    # The begrotingsjaar whose jaarrekening is due next: until 15 July that of last year.
    default = today.year - 1 if today <= adoption_deadline(today.year - 1) else today.year
    year = _year(request, default)
    dates = (
        visible_audit_items(viewer, CycleDate.objects.all())
        .filter(budget_year=year)
        .order_by("date", "pk")
    )
    rows = [{"entry": entry, "days": (entry.date - today).days} for entry in dates]
    deadline = adoption_deadline(year)
    return {
        "year": year,
        "previous_year": year - 1,
        "next_year": year + 1,
        "rows": rows,
        "deadline": deadline,
        "deadline_days": (deadline - today).days,
        "manages": manages_audit_office(viewer),
        "generate_form": GenerateCycleForm(initial={"budget_year": year}),
        "date_form": forms.get("date_form") or CycleDateForm(initial={"budget_year": year}),
        "move_form": forms.get("move_form"),
        "move_failed": forms.get("move_failed"),
    }


@login_required
def cycle(request):
    viewer = _reader(request)
    return render(request, "audit_office/cycle.html", _cycle_context(request, viewer))


@login_required
@require_POST
def generate_cycle(request):
    viewer = _manager(request)
    form = GenerateCycleForm(request.POST)
    if not form.is_valid():
        context = _cycle_context(request, viewer)
        context["generate_form"] = form
        return render(request, "audit_office/cycle.html", context, status=400)
    year = form.cleaned_data["budget_year"]
    made = services.generate_cycle(request.user, year)
    messages.success(
        request,
        f"{len(made)} standaarddatum(s) voor begrotingsjaar {year} aangemaakt."
        if made
        else f"Begrotingsjaar {year} heeft alle standaarddata al.",
    )
    return redirect(_cycle_url(year))


@login_required
@require_POST
def add_cycle_date(request):
    viewer = _manager(request)
    form = CycleDateForm(request.POST)
    if form.is_valid():
        try:
            entry = services.add_cycle_date(request.user, form.cleaned_data)
        except DomainError as error:
            _with_errors(form, error)
        else:
            messages.success(request, "De datum staat in de cyclus.")
            return redirect(_cycle_url(entry.budget_year))
    context = _cycle_context(request, viewer, date_form=form)
    return render(request, "audit_office/cycle.html", context, status=400)


@login_required
@require_POST
def move_cycle_date(request, pk: int):
    viewer = _manager(request)
    try:
        entry = services.load_cycle_date(viewer, pk)
    except NotFound:
        raise Http404(NOT_FOUND) from None
    form = MoveCycleDateForm(request.POST)
    if form.is_valid():
        try:
            services.move_cycle_date(request.user, entry, form.cleaned_data["date"])
        except DomainError as error:
            _with_errors(form, error)
        else:
            messages.success(request, f"{entry.title}: nu op {entry.date:%d-%m-%Y}.")
            return redirect(_cycle_url(entry.budget_year))
    context = _cycle_context(request, viewer, move_form=form, move_failed=entry.pk)
    return render(request, "audit_office/cycle.html", context, status=400)


@login_required
def cycle_ics(request):
    viewer = _reader(request)
    body = cycle_feed(viewer, request.user.municipality.name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="accountantscyclus.ics"'
    return response
