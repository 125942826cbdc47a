# SPDX-License-Identifier: EUPL-1.2
"""The safety pages (toolkit seed, NVvR "Advies bij bedreiging en intimidatie"): the 112
notice, the report form, one's own reports, the preventive checklist, an incident and the
handlers' list.

Who sees what is decided only in raadsloket.access.safety; an incident the viewer may not see
answers 404, the same as an id that does not exist. Every page that shows an incident, and
every evidence download, writes a read event in the audit chain (safety.services).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from raadsloket.access.safety import (
    handles_incidents,
    may_add_evidence,
    may_add_readers,
    may_handle,
    may_report,
    own_incidents,
    sees_checklist,
    visible_incidents,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.lib import uploads
from raadsloket.lib.errors import DomainError, NotFound
from raadsloket.lib.views import apply_errors
from raadsloket.safety import services
from raadsloket.safety.checklist import ITEMS
from raadsloket.safety.forms import (
    ChecklistForm,
    EvidenceForm,
    IncidentForm,
    NoteForm,
    ReaderForm,
    StatusForm,
)
from raadsloket.safety.models import Incident, Status

NOT_FOUND = "Pagina niet gevonden"


def _incident(request, pk: int) -> Incident:
    try:
        return services.load_incident(viewer_for(request.user), pk)
    except NotFound:
        raise Http404(NOT_FOUND) from None


def _shared_with(viewer):
    """Incidents the burgemeester shared with the viewer (not their own, not as handler)."""
    if handles_incidents(viewer):
        return Incident.objects.none()
    return visible_incidents(viewer, Incident.objects.all()).exclude(reporter_id=viewer.person_id)


@login_required
def index(request):
    viewer = viewer_for(request.user)
    form = IncidentForm()
    if request.method == "POST":
        if not may_report(viewer):
            raise Http404(NOT_FOUND)
        form = IncidentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                incident = services.report_incident(
                    request.user, form.cleaned_data, request.FILES.getlist("evidence")
                )
            except DomainError as error:
                apply_errors(form, error.errors or {None: [error.message]})
            else:
                messages.success(
                    request,
                    "Uw melding is ontvangen. "
                    f"De {incident.get_handler_display()} neemt contact met u op.",
                )
                return redirect("safety:detail", incident.pk)
    own = list(
        own_incidents(viewer, Incident.objects.all()).order_by("-created_at", "-pk")
        if may_report(viewer)
        else []
    )
    shared = list(_shared_with(viewer).order_by("-created_at", "-pk"))
    services.record_list_read(request.user, own + shared)
    return render(
        request,
        "safety/index.html",
        {
            "may_report": may_report(viewer),
            "handles": handles_incidents(viewer),
            "checklist": sees_checklist(viewer),
            "form": form,
            "own": own,
            "shared": shared,
        },
        status=400 if request.method == "POST" else 200,
    )


def _detail_context(request, incident: Incident, **forms) -> dict:
    viewer = viewer_for(request.user)
    context = {
        "incident": incident,
        "evidence": list(incident.evidence.order_by("created_at", "pk")),
        "notes": list(incident.notes.select_related("author").order_by("created_at", "pk")),
        "readers": list(incident.readers.select_related("person").order_by("created_at", "pk")),
        "mine": incident.reporter_id == viewer.person_id,
        "handles": may_handle(viewer, incident),
        "adds_readers": may_add_readers(viewer, incident),
        "adds_evidence": may_add_evidence(viewer, incident),
        "status_form": forms.get("status_form") or StatusForm(initial={"status": incident.status}),
        "note_form": forms.get("note_form") or NoteForm(),
        "reader_form": forms.get("reader_form") or ReaderForm(),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
    }
    services.record_read(request.user, incident)
    return context


@login_required
def detail(request, pk: int):
    incident = _incident(request, pk)
    return render(request, "safety/detail.html", _detail_context(request, incident))


def _act(request, incident, form_name: str, form, action):
    """Run `action(cleaned_data)` for a valid form; else the page with the form's errors."""
    if form.is_valid():
        try:
            message = action(form.cleaned_data)
        except DomainError as error:
            apply_errors(form, error.errors or {None: [error.message]})
        else:
            messages.success(request, message)
            return redirect("safety:detail", incident.pk)
    context = _detail_context(request, incident, **{form_name: form})
    return render(request, "safety/detail.html", context, status=400)


@login_required
@require_POST
def set_status(request, pk: int):
    incident = _incident(request, pk)
    if not may_handle(viewer_for(request.user), incident):
        raise Http404(NOT_FOUND)

    def run(data):
        services.set_status(request.user, incident, data["status"])
        return f"Status: {Status(data['status']).label}."

    return _act(request, incident, "status_form", StatusForm(request.POST), run)


@login_required
@require_POST
def add_note(request, pk: int):
    incident = _incident(request, pk)
    if not may_handle(viewer_for(request.user), incident):
        raise Http404(NOT_FOUND)

    def run(data):
        services.add_note(request.user, incident, data["text"])
        return "Notitie toegevoegd."

    return _act(request, incident, "note_form", NoteForm(request.POST), run)


@login_required
@require_POST
def add_reader(request, pk: int):
    incident = _incident(request, pk)
    if not may_add_readers(viewer_for(request.user), incident):
        raise Http404(NOT_FOUND)

    def run(data):
        reader = services.add_reader(request.user, incident, data["username"])
        return f"{reader.person.display_name} kan deze melding nu lezen."

    return _act(request, incident, "reader_form", ReaderForm(request.POST), run)


@login_required
@require_POST
def remove_reader(request, pk: int, person_id: int):
    incident = _incident(request, pk)
    if not may_add_readers(viewer_for(request.user), incident):
        raise Http404(NOT_FOUND)
    try:
        services.remove_reader(request.user, incident, person_id)
    except NotFound:
        raise Http404(NOT_FOUND) from None
    messages.success(request, "De lezer is verwijderd.")
    return redirect("safety:detail", incident.pk)


@login_required
@require_POST
def add_evidence(request, pk: int):
    incident = _incident(request, pk)
    if not may_add_evidence(viewer_for(request.user), incident):
        raise Http404(NOT_FOUND)

    def run(data):
        count = services.add_evidence(request.user, incident, request.FILES.getlist("evidence"))
        return f"{count} bestand(en) toegevoegd."

    form = EvidenceForm(request.POST, request.FILES)
    return _act(request, incident, "evidence_form", form, run)


@login_required
def evidence_file(request, pk: int, token: str):
    incident = _incident(request, pk)
    evidence = incident.evidence.filter(token=token).first()
    if evidence is None:
        raise Http404(NOT_FOUND)
    services.record_read(request.user, incident, f"bewijs {evidence.pk}")
    return uploads.download(
        evidence.file.open("rb"), filename=evidence.name, content_type=evidence.content_type
    )


@login_required
def handling(request):
    """The griffier's and the burgemeester's list: every incident, open ones first."""
    viewer = viewer_for(request.user)
    if not handles_incidents(viewer):
        raise Http404(NOT_FOUND)
    incidents = list(
        visible_incidents(viewer, Incident.objects.all())
        .select_related("reporter__fractie")
        .order_by("-created_at", "-pk")
    )
    services.record_list_read(request.user, incidents)
    open_ones = [i for i in incidents if i.status != Status.DONE]
    done = [i for i in incidents if i.status == Status.DONE]
    return render(request, "safety/handling.html", {"open": open_ones, "done": done})


@login_required
def checklist(request):
    viewer = viewer_for(request.user)
    if not sees_checklist(viewer):
        raise Http404(NOT_FOUND)
    answers = services.checklist_answers(request.user)
    if request.method == "POST":
        form = ChecklistForm(request.POST)
        if form.is_valid():
            services.save_checklist(request.user, form.cleaned_data)
            messages.success(request, "Uw antwoorden zijn bewaard. Alleen u ziet ze.")
            return redirect(reverse("safety:checklist"))
    else:
        initial = {}
        for code, answer in answers.items():
            initial[code] = answer.answer
            initial[f"{code}_notitie"] = answer.note
        form = ChecklistForm(initial=initial)
    items = [
        {"item": item, "answer": form[item.code], "note": form[f"{item.code}_notitie"]}
        for item in ITEMS
    ]
    done = sum(1 for a in answers.values() if a.answer == "gedaan")
    return render(
        request,
        "safety/checklist.html",
        {"form": form, "items": items, "done": done, "total": len(ITEMS)},
    )
