# SPDX-License-Identifier: EUPL-1.2
"""The council-term pages: the griffier's installation (dry run, then confirm), the onboarding
checklist of new members, and the invitation by which a new member sets a password.

Who may do what is decided in raadsloket.access.council_term; every change goes through
council_term.services or council_term.onboarding.
"""

import base64
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from raadsloket.access.council_term import installs_council, sees_onboarding
from raadsloket.access.viewer import viewer_for
from raadsloket.audit.chain import record
from raadsloket.council_term import onboarding, services
from raadsloket.council_term.forms import InstallForm, TickForm
from raadsloket.council_term.imports import COLUMNS, ROLES, TEMPLATE, FileRefused
from raadsloket.council_term.models import Installation, Invitation, Newcomer
from raadsloket.lib.errors import DomainError
from raadsloket.lib.views import forbidden
from raadsloket.organisation.models import Person

SALT = "council_term.install"
SAMPLE = Path(__file__).parent / "data" / "voorbeeld-verkiezing.csv"
# The dry run's file is carried to the confirmation signed, so what is applied is what was shown.
MAX_AGE = 3600


def _choices(request, plan_people) -> dict[int, int]:
    found = {}
    for person_id in plan_people:
        raw = request.POST.get(f"opvolger-{person_id}", "")
        if raw.isdigit():
            found[person_id] = int(raw)
    return found


def _context(viewer) -> dict:
    newcomers = (
        Newcomer.objects.filter(person__municipality_id=viewer.tenant)
        .select_related("person", "person__fractie")
        .order_by("person__last_name", "person__first_name")
    )
    return {
        "form": InstallForm(),
        "columns": COLUMNS,
        "roles": list(ROLES),
        "installations": Installation.objects.filter(municipality_id=viewer.tenant)[:10],
        "newcomers": [(newcomer, *onboarding.progress(newcomer.person)) for newcomer in newcomers],
    }


def _run(request, viewer, name: str, content: bytes, on: date, dry_run: bool):
    leaving_ids = [
        int(key[9:]) for key in request.POST if key.startswith("opvolger-") and key[9:].isdigit()
    ]
    return services.install(
        viewer,
        request.user,
        name,
        content,
        on=on,
        dry_run=dry_run,
        choices=_choices(request, leaving_ids),
    )


def _token(viewer, name: str, content: bytes, on: date) -> str:
    return signing.dumps(
        {
            "person": viewer.person_id,
            "name": name,
            "on": on.isoformat(),
            "content": base64.b64encode(content).decode("ascii"),
        },
        salt=SALT,
        compress=True,
    )


def _confirmed(request, viewer, context):
    try:
        payload = signing.loads(request.POST.get("bestand", ""), salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        messages.error(request, "De proefrun is verlopen of onjuist; upload het bestand opnieuw.")
        return redirect("council_term:index")
    if payload.get("person") != viewer.person_id:
        messages.error(request, "Deze proefrun is niet van u; upload het bestand opnieuw.")
        return redirect("council_term:index")
    content = base64.b64decode(payload["content"])
    on = date.fromisoformat(payload["on"])
    again = "opnieuw" in request.POST
    plan = _run(request, viewer, payload["name"], content, on, dry_run=again)
    context.update(plan=plan, token=_token(viewer, payload["name"], content, on))
    if plan.applied:
        context.update(_context(viewer))
        context["links"] = [
            (person, request.build_absolute_uri(reverse("council_term:invitation", args=[token])))
            for person, token in plan.invitations
        ]
        messages.success(request, "De nieuwe raad is geïnstalleerd.")
    elif plan.ok and not again:
        messages.info(request, "Er was niets meer te veranderen: deze raad is al geïnstalleerd.")
    return render(request, "council_term/index.html", context, status=200 if plan.ok else 422)


@login_required
def index(request):
    viewer = viewer_for(request.user)
    if not installs_council(viewer):
        return forbidden(request, "Alleen de griffier installeert een nieuwe raad.")
    context = _context(viewer)
    if request.method != "POST":
        return render(request, "council_term/index.html", context)
    if "bevestig" in request.POST or "opnieuw" in request.POST:
        return _confirmed(request, viewer, context)
    form = InstallForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return render(request, "council_term/index.html", context, status=422)
    upload = form.cleaned_data["file"]
    content = upload.read()
    try:
        plan = _run(request, viewer, upload.name, content, form.cleaned_data["on"], dry_run=True)
    except FileRefused as refused:
        form.add_error("file", refused.message)
        return render(request, "council_term/index.html", context, status=422)
    except DomainError as error:
        form.add_error(None, error.message)
        return render(request, "council_term/index.html", context, status=422)
    context.update(plan=plan, token=_token(viewer, upload.name, content, plan.on))
    return render(request, "council_term/index.html", context, status=200 if plan.ok else 422)


@login_required
def template(request):
    viewer = viewer_for(request.user)
    if not installs_council(viewer):
        return forbidden(request, "Alleen de griffier installeert een nieuwe raad.")
    response = HttpResponse(TEMPLATE.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="geloofsbrieven-sjabloon.csv"'
    return response


@login_required
def sample(request):
    """The demo's election (demo/council_term.py) to try the dry run with."""
    viewer = viewer_for(request.user)
    if not installs_council(viewer):
        return forbidden(request, "Alleen de griffier installeert een nieuwe raad.")
    response = HttpResponse(SAMPLE.read_bytes(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="voorbeeld-verkiezing.csv"'
    return response


def _newcomer_page(request, person: Person):
    viewer = viewer_for(request.user)
    if not sees_onboarding(viewer, person) or not hasattr(person, "newcomer"):
        raise Http404
    return render(
        request,
        "council_term/checklist.html",
        {
            "subject": person,
            "own": person.pk == viewer.person_id,
            "lines": onboarding.checklist(person),
            "progress": onboarding.progress(person),
            "newcomer": person.newcomer,
        },
    )


@login_required
def own_checklist(request):
    return _newcomer_page(request, request.user)


@login_required
def checklist(request, pk: int):
    person = Person.objects.filter(pk=pk).select_related("newcomer").first()
    if person is None:
        raise Http404
    return _newcomer_page(request, person)


@login_required
@require_POST
def tick(request, pk: int):
    viewer = viewer_for(request.user)
    person = Person.objects.filter(pk=pk).first()
    if person is None or not sees_onboarding(viewer, person) or not hasattr(person, "newcomer"):
        raise Http404
    form = TickForm(request.POST)
    if form.is_valid():
        try:
            onboarding.tick(
                viewer,
                request.user,
                person,
                form.cleaned_data["item"],
                done=form.cleaned_data["done"],
            )
        except DomainError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, "Kies een onderdeel van de checklist.")
    if person.pk == viewer.person_id:
        return redirect("council_term:own_checklist")
    return redirect("council_term:checklist", person.pk)


def invitation(request, token: str):
    """No login: the new member has no password yet. The token works once, for one person."""
    found = (
        Invitation.objects.filter(
            digest=services.invitation_digest(token),
            used_at__isnull=True,
            valid_until__gt=timezone.now(),
            person__is_active=True,
        )
        .select_related("person")
        .first()
    )
    if found is None:
        return render(
            request,
            "errors/error.html",
            {
                "title": "Uitnodiging niet geldig",
                "message": "Deze uitnodiging is al gebruikt of verlopen. Vraag de griffie om een nieuwe.",
            },
            status=404,
        )
    form = SetPasswordForm(found.person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            found.used_at = timezone.now()
            found.save(update_fields=["used_at"])
            onboarding.mark(found.person, "account")
            record(
                "council_term.invitation_used",
                actor=found.person,
                municipality_id=found.person.municipality_id,
                detail={"person": found.person.pk},
            )
        messages.success(request, "Uw wachtwoord is ingesteld. Log in met uw gebruikersnaam.")
        return redirect("login")
    return render(request, "council_term/invitation.html", {"form": form, "person": found.person})
