# SPDX-License-Identifier: EUPL-1.2
"""The register pages: lists with filters, an item's page, the forms to record and to change a
status, the on-time figures per portefeuillehouder and the griffie's import.

Who sees what is decided in raadsloket.access.registers; an item the viewer may not see answers
404, as if it did not exist. Every change goes through raadsloket.registers.services.
"""

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from raadsloket.access import links as link_access
from raadsloket.access import registers as access
from raadsloket.access.viewer import Viewer, viewer_for
from raadsloket.lib.errors import DomainError
from raadsloket.lib.uploads import check_upload, download
from raadsloket.registers import forms as f
from raadsloket.registers import imports, links, lists, services
from raadsloket.registers.models import (
    Amendment,
    Commitment,
    InitiativeProposal,
    Motion,
    Outcome,
    RegisterItem,
)

BY_SLUG: dict[str, type[RegisterItem]] = {
    model.SLUG: model for model in (Motion, Amendment, Commitment, InitiativeProposal)
}
# On-time figures over the last year by default, as for the written questions.
FIGURE_DAYS = 365
# The confirmed import carries the checked file back signed; older than this, check again.
IMPORT_MAX_AGE = 60 * 60
IMPORT_SALT = "raadsloket.registers.import"
PAGE_SIZE = 200


def _forbidden(request, message: str):
    return render(
        request, "errors/error.html", {"title": "Geen toegang", "message": message}, status=403
    )


def _model(slug: str) -> type[RegisterItem]:
    model = BY_SLUG.get(slug)
    if model is None:
        raise Http404
    return model


def _item(viewer: Viewer, slug: str, pk: int) -> RegisterItem:
    model = _model(slug)
    item = model.objects.filter(pk=pk).first()
    if item is None or not access.sees_item(viewer, item):
        raise Http404
    return item


@login_required
def index(request):
    viewer = viewer_for(request.user)
    if not viewer.authenticated:
        return _forbidden(request, "U hoort bij geen gemeente.")
    today = timezone.localdate()
    counts = []
    for register in lists.REGISTERS.values():
        shown = lists.items(viewer, register)
        counts.append(
            {
                "register": register,
                "slug": register.model.SLUG,
                "total": shown.count(),
                "late": shown.filter(register.overdue(today)).count() if register.has_due else None,
            }
        )
    return render(
        request,
        "registers/index.html",
        {
            "counts": counts,
            "records": access.records_registers(viewer),
            "starts_initiative": access.starts_initiative(viewer),
            "sees_figures": access.sees_register_figures(viewer),
        },
    )


def _row(item: RegisterItem, today: date) -> dict:
    return {
        "item": item,
        "meeting": getattr(item, "meeting_date", None),
        "meeting_name": getattr(item, "meeting_name", ""),
        "holder": getattr(item, "portfolio_holder", None),
        "due": getattr(item, "due_date", None),
        "late": item.is_overdue(today),
    }


@login_required
def register_list(request, slug: str):
    viewer = viewer_for(request.user)
    if not viewer.authenticated:
        return _forbidden(request, "U hoort bij geen gemeente.")
    model = _model(slug)
    register = lists.REGISTERS[model.KIND]
    today = timezone.localdate()
    chosen = lists.read_filter(register, request.GET)
    queryset = lists.filtered(viewer, register, chosen, today)
    total = queryset.count()
    rows = [_row(item, today) for item in queryset[:PAGE_SIZE]]
    holders = lists.holders(viewer, register)
    active = []
    if chosen.status:
        active.append(("Status", register.statuses[chosen.status][0]))
    if chosen.holder is not None:
        active.append(("Portefeuillehouder", dict(holders).get(chosen.holder, "onbekend")))
    if chosen.meeting:
        active.append(("Vergadering", f"{chosen.meeting:%d-%m-%Y}"))
    if chosen.overdue:
        active.append(("Termijn", "alleen te laat"))
    may_add = (
        access.starts_initiative(viewer)
        if model is InitiativeProposal
        else access.records_registers(viewer)
    )
    return render(
        request,
        "registers/list.html",
        {
            "register": register,
            "slug": slug,
            "rows": rows,
            "total": total,
            "shown": len(rows),
            "chosen": chosen,
            "active": active,
            "statuses": [(value, label) for value, (label, _) in register.statuses.items()],
            "holders": holders,
            "meetings": lists.meeting_dates(viewer, register),
            "may_add": may_add,
        },
    )


# --- actions --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    label: str
    form: type
    allowed: Callable[[Viewer, RegisterItem], bool]
    applies: Callable[[RegisterItem], bool]
    perform: Callable[[Viewer, RegisterItem, dict, object], None]
    # What the form shows before it is sent (the concept's present text, to work on).
    initial: Callable[[RegisterItem], dict] | None = None


def _complete(viewer, motion, data, files):
    letter = files.get("letter")
    services.complete_motion(viewer, motion, letter=letter, reference=data.get("reference") or "")


def _held(viewer, item, data, files):
    services.decide_held(
        viewer,
        item,
        data["outcome"],
        portfolio_holder=data.get("portfolio_holder"),
        due_date=data.get("due_date"),
    )


HELD = Action(
    "Uitkomst na aanhouden vastleggen",
    f.DecideHeldForm,
    lambda viewer, item: access.records_registers(viewer),
    lambda item: item.outcome == Outcome.HELD,
    _held,
)

ACTIONS: dict[str, dict[str, Action]] = {
    Motion.KIND: {
        "uitkomst": HELD,
        "afdoen": Action(
            "Collegebrief registreren: afgedaan",
            f.CompleteMotionForm,
            access.registers_execution,
            lambda motion: motion.execution == Motion.Execution.IN_PROGRESS,
            _complete,
        ),
    },
    Amendment.KIND: {"uitkomst": HELD},
    Commitment.KIND: {
        "voorstellen-afgedaan": Action(
            "Voorstellen af te doen",
            f.ProposeDoneForm,
            access.proposes_done,
            lambda item: item.status == Commitment.Status.OPEN,
            lambda viewer, item, data, files: services.propose_done(viewer, item, data["note"]),
        ),
        "besluiten": Action(
            "Besluiten over afdoen",
            f.DecideDoneForm,
            access.decides_done,
            lambda item: item.status == Commitment.Status.PROPOSED_DONE,
            lambda viewer, item, data, files: services.decide_done(
                viewer,
                item,
                accept=data["accept"],
                reference=data.get("reference") or "",
                reason=data.get("reason") or "",
            ),
        ),
    },
    InitiativeProposal.KIND: {
        "bewerken": Action(
            "Concept bewerken",
            f.ReviseInitiativeForm,
            access.works_on_initiative,
            lambda item: item.status == InitiativeProposal.Status.CONCEPT,
            lambda viewer, item, data, files: services.revise_initiative(
                viewer, item, title=data["title"], text=data["text"]
            ),
            initial=lambda item: {"title": item.title, "text": item.text},
        ),
        "indienen": Action(
            "Indienen",
            f.ConfirmForm,
            access.works_on_initiative,
            lambda item: item.status == InitiativeProposal.Status.CONCEPT,
            lambda viewer, item, data, files: services.submit_initiative(viewer, item),
        ),
        "wensen-en-bedenkingen": Action(
            "Wensen en bedenkingen van het college vastleggen",
            f.CollegeViewsForm,
            access.steers_initiative,
            lambda item: item.status == InitiativeProposal.Status.SUBMITTED,
            lambda viewer, item, data, files: services.record_college_views(
                viewer, item, data["college_views"]
            ),
        ),
        "agenderen": Action(
            "Agenderen",
            f.ScheduleForm,
            access.steers_initiative,
            lambda item: (
                item.status
                in (InitiativeProposal.Status.SUBMITTED, InitiativeProposal.Status.COLLEGE_VIEWS)
            ),
            lambda viewer, item, data, files: services.schedule_initiative(
                viewer, item, data["meeting_date"], data.get("agenda_item") or ""
            ),
        ),
        "besluiten": Action(
            "Uitkomst van de stemming vastleggen",
            f.DecideInitiativeForm,
            access.steers_initiative,
            lambda item: item.status == InitiativeProposal.Status.SCHEDULED,
            lambda viewer, item, data, files: services.decide_initiative(
                viewer, item, data["outcome"]
            ),
        ),
        "intrekken": Action(
            "Intrekken",
            f.ConfirmForm,
            access.works_on_initiative,
            lambda item: item.status in services.INITIATIVE_OPEN,
            lambda viewer, item, data, files: services.withdraw_initiative(viewer, item),
        ),
    },
}


def available_actions(viewer: Viewer, item: RegisterItem) -> list[tuple[str, Action]]:
    return [
        (slug, action)
        for slug, action in ACTIONS[item.KIND].items()
        if action.applies(item) and action.allowed(viewer, item)
    ]


@login_required
def detail(request, slug: str, pk: int):
    viewer = viewer_for(request.user)
    item = _item(viewer, slug, pk)
    today = timezone.localdate()
    context = {
        "item": item,
        "slug": slug,
        "register": lists.REGISTERS[item.KIND],
        "row": _row(item, today),
        "actions": available_actions(viewer, item),
        "votes": list(item.votes.select_related("fractie")) if hasattr(item, "votes") else [],
        "submitters": list(item.submitters.all()) if hasattr(item, "submitters") else [],
        "co_signers": list(item.co_signers.all()) if hasattr(item, "co_signers") else [],
    }
    return render(request, "registers/detail.html", context)


def _form(form_class, viewer: Viewer, *args, **kwargs):
    if issubclass(form_class, f.MunicipalityForm):
        kwargs["municipality_id"] = viewer.tenant
    return form_class(*args, **kwargs)


def _put_errors(form, error: DomainError) -> None:
    if not error.errors:
        form.add_error(None, error.message)
    for name, problems in error.errors.items():
        for problem in problems:
            form.add_error(name if name in form.fields else None, problem)


@login_required
def action(request, slug: str, pk: int, name: str):
    viewer = viewer_for(request.user)
    item = _item(viewer, slug, pk)
    chosen = ACTIONS[item.KIND].get(name)
    if chosen is None:
        raise Http404
    if not chosen.allowed(viewer, item):
        return _forbidden(request, "Deze stap is niet aan u.")
    if request.method == "POST":
        form = _form(chosen.form, viewer, request.POST, request.FILES)
        if form.is_valid():
            try:
                chosen.perform(viewer, item, form.cleaned_data, request.FILES)
            except DomainError as error:
                _put_errors(form, error)
            else:
                messages.success(request, f"{chosen.label}: gedaan.")
                return redirect(item.get_absolute_url())
    else:
        form = _form(chosen.form, viewer, initial=chosen.initial(item) if chosen.initial else None)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "registers/action.html",
        {"item": item, "slug": slug, "action": chosen, "form": form},
        status=status,
    )


@login_required
def letter(request, slug: str, pk: int):
    """The college's letter of a motie, for whoever sees the motie (a download, never inline)."""
    item = _item(viewer_for(request.user), slug, pk)
    stored = getattr(item, "letter", None)
    if not stored:
        raise Http404
    return download(
        stored.open("rb"),
        filename=f"collegebrief-{item.number}.pdf",
        content_type="application/pdf",
    )


NEW_FORMS = {
    Motion.KIND: f.ProposalForm,
    Amendment.KIND: f.AmendmentForm,
    Commitment.KIND: f.CommitmentForm,
    InitiativeProposal.KIND: f.InitiativeForm,
}


def _create(viewer: Viewer, model, form) -> RegisterItem:
    if model is Commitment:
        return services.record_commitment(viewer, form.to_input())
    if model is InitiativeProposal:
        data = form.cleaned_data
        return services.start_initiative(
            viewer,
            title=data["title"],
            text=data["text"],
            co_submitters=list(data.get("co_submitters") or ()),
        )
    return services.record_proposal(viewer, model, form.to_input())


@login_required
def new(request, slug: str):
    viewer = viewer_for(request.user)
    model = _model(slug)
    allowed = (
        access.starts_initiative(viewer)
        if model is InitiativeProposal
        else access.records_registers(viewer)
    )
    if not allowed:
        if model is InitiativeProposal:
            return _forbidden(request, "Een initiatiefvoorstel dient een raadslid in.")
        return _forbidden(request, "Alleen de griffie legt dit register vast.")
    form_class = NEW_FORMS[model.KIND]
    if request.method == "POST":
        form = form_class(request.POST, municipality_id=viewer.tenant)
        if form.is_valid():
            try:
                item = _create(viewer, model, form)
            except DomainError as error:
                _put_errors(form, error)
            else:
                messages.success(request, f"{item.LABEL.capitalize()} {item.number} vastgelegd.")
                return redirect(item.get_absolute_url())
    else:
        form = form_class(municipality_id=viewer.tenant)
    return render(
        request,
        "registers/new.html",
        {"form": form, "model": model, "slug": slug, "register": lists.REGISTERS[model.KIND]},
        status=422 if request.method == "POST" else 200,
    )


# --- figures and import ---------------------------------------------------------------------------


@login_required
def figures(request):
    viewer = viewer_for(request.user)
    if not access.sees_register_figures(viewer):
        return _forbidden(request, "Dit overzicht is voor de griffie en het presidium.")
    today = timezone.localdate()
    start, end, error = today - timedelta(days=FIGURE_DAYS), today, None
    try:
        if request.GET.get("van"):
            start = date.fromisoformat(request.GET["van"])
        if request.GET.get("tot"):
            end = date.fromisoformat(request.GET["tot"])
    except ValueError:
        start, end = today - timedelta(days=FIGURE_DAYS), today
        error = "Ongeldige datum; gebruik jjjj-mm-dd. De standaardperiode is getoond."
    if start > end:
        start, end = today - timedelta(days=FIGURE_DAYS), today
        error = "De begindatum ligt na de einddatum. De standaardperiode is getoond."
    return render(
        request,
        "registers/figures.html",
        {
            "rows": lists.on_time_by_portfolio_holder(viewer, start, end, today),
            "start": start,
            "end": end,
            "period_error": error,
        },
    )


@login_required
def import_register(request):
    """Upload → dry run report → confirm. The confirmation carries the checked file back signed,
    so what is stored is exactly what was checked."""
    viewer = viewer_for(request.user)
    if not access.records_registers(viewer):
        return _forbidden(request, "Alleen de griffie importeert een register.")
    context: dict = {"columns": imports.COLUMNS, "required": imports.REQUIRED}
    if request.method == "POST" and "bevestig" in request.POST:
        try:
            payload = signing.loads(
                request.POST.get("bestand", ""), salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE
            )
        except signing.BadSignature:
            messages.error(request, "De proefimport is verlopen of onjuist; upload opnieuw.")
            return redirect("registers:import")
        if payload.get("person") != viewer.person_id:
            messages.error(request, "Deze proefimport is niet van u; upload opnieuw.")
            return redirect("registers:import")
        content = base64.b64decode(payload["content"])
        try:
            report = imports.run_import(
                viewer, payload["kind"], payload["name"], content, dry_run=False, actor=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("registers:import")
        if report.ok:
            messages.success(request, f"{report.stored} rijen geïmporteerd ({report.kind}).")
            return redirect("registers:list", BY_SLUG_OF[report.kind])
        context.update(form=f.ImportForm(), report=report)
        return render(request, "registers/import.html", context, status=422)
    if request.method == "POST":
        form = f.ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                check_upload(upload, f.REGISTER_FILES, field="file")
                content = upload.read()
                report = imports.run_import(
                    viewer, form.cleaned_data["kind"], upload.name, content, dry_run=True
                )
            except DomainError as error:
                _put_errors(form, error)
            else:
                context["report"] = report
                if report.ok:
                    context["token"] = signing.dumps(
                        {
                            "person": viewer.person_id,
                            "kind": report.kind,
                            "name": upload.name,
                            "content": base64.b64encode(content).decode("ascii"),
                        },
                        salt=IMPORT_SALT,
                        compress=True,
                    )
        context["form"] = form
        return render(
            request, "registers/import.html", context, status=200 if form.is_valid() else 422
        )
    context["form"] = f.ImportForm()
    return render(request, "registers/import.html", context)


BY_SLUG_OF = {kind: model.SLUG for kind, model in imports.KINDS.items()}


# --- links ----------------------------------------------------------------------------------------


def _linked_item(viewer: Viewer, kind: str, pk: int):
    """The item of a link page: a register item or a case the viewer may see (else 404)."""
    try:
        return links.resolve(viewer, kind, pk)
    except DomainError:
        raise Http404 from None


@login_required
def link_add(request, kind: str, pk: int):
    """Add a link from the item of this page; GET shows the form on a page of its own."""
    viewer = viewer_for(request.user)
    here = _linked_item(viewer, kind, pk)
    if not link_access.offers_linking(viewer, here):
        return _forbidden(request, "Koppelen mag de griffie, of het raadslid van wie dit item is.")
    form = f.LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link_type, backward = form.direction()
        try:
            other = links.find_by_number(
                viewer, form.cleaned_data["kind"], form.cleaned_data["number"]
            )
            source, target = (other, here) if backward else (here, other)
            links.add_link(viewer, source, target, link_type)
        except DomainError as error:
            _put_errors(form, error)
        else:
            messages.success(request, f"Gekoppeld aan {links.describe(other).name}.")
            return redirect(f"{links.describe(here).url}#samenhang")
    return render(
        request,
        "registers/link.html",
        {"form": form, "here": links.describe(here)},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def link_remove(request, kind: str, pk: int, link_id: int):
    viewer = viewer_for(request.user)
    here = _linked_item(viewer, kind, pk)
    try:
        links.remove_link(viewer, link_id)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Koppeling verwijderd.")
    return redirect(f"{links.describe(here).url}#samenhang")
