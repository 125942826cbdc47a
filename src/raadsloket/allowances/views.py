# SPDX-License-Identifier: EUPL-1.2
"""The vergoeding pages (toolkit, "Vergoeding en politiek verlof"): a member's own figures and
politiek-verlof letter, and the griffie's amounts and extra toelagen.

Who sees what is decided only in `raadsloket.access.allowances`; whatever a viewer may not see
answers 404, as if it did not exist. Every change goes through `raadsloket.allowances.services`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from raadsloket.access.allowances import (
    manages_allowances,
    sees_allowance_pages,
    sees_own_allowance,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.allowances import services
from raadsloket.allowances.forms import ExtraRoleForm, LeaveLetterForm, YearAmountsForm
from raadsloket.allowances.letter import leave_letter, leave_letter_pdf
from raadsloket.allowances.models import ExtraRole
from raadsloket.allowances.table import legal_texts
from raadsloket.lib.errors import DomainError
from raadsloket.lib.pdf import PdfUnavailable
from raadsloket.lib.views import apply_errors
from raadsloket.organisation.models import Person, RoleAssignment
from raadsloket.organisation.roles import Role


def _members(viewer):
    return (
        Person.objects.filter(
            municipality_id=viewer.municipality_id,
            is_active=True,
            role_assignments__role=Role.COUNCIL_MEMBER,
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def _context(request, viewer, *, amounts_form=None, role_form=None) -> dict:
    context: dict = {"texts": legal_texts(), "table": services.table_for(viewer.tenant)}
    context["own_class"] = context["table"].class_for(request.user.municipality.inhabitants)
    if sees_own_allowance(viewer):
        context["figures"] = services.figures_for(viewer, request.user)
    if manages_allowances(viewer):
        members = list(_members(viewer))
        context["amounts_form"] = amounts_form or YearAmountsForm()
        context["role_form"] = role_form or ExtraRoleForm(members=members)
        context["extra_roles"] = list(
            ExtraRole.objects.filter(municipality_id=viewer.municipality_id)
            .select_related("person")
            .order_by("person__last_name", "kind", "pk")
        )
        context["chairs"] = list(
            _members(viewer).filter(
                pk__in=RoleAssignment.objects.filter(role=Role.FRACTIE_CHAIR).values("person_id")
            )
        )
    return context


@login_required
def index(request):
    viewer = viewer_for(request.user)
    if not sees_allowance_pages(viewer):
        raise Http404("Pagina niet gevonden")
    return render(request, "allowances/index.html", _context(request, viewer))


@login_required
def leave(request):
    viewer = viewer_for(request.user)
    if not sees_own_allowance(viewer):
        raise Http404("Pagina niet gevonden")
    status = 200
    form = LeaveLetterForm(data=request.POST or None)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            letter = leave_letter(
                viewer,
                request.user,
                employer_name=data["employer_name"],
                employer_address=data["employer_address"],
                hours=data["hours"],
            )
            try:
                content = leave_letter_pdf(viewer, request.user, letter)
            except PdfUnavailable:
                form.add_error(None, "De PDF kan nu niet worden gemaakt; probeer het later.")
                status = 503
            else:
                response = HttpResponse(content, content_type="application/pdf")
                response["Content-Disposition"] = 'attachment; filename="politiek-verlof.pdf"'
                response["X-Content-Type-Options"] = "nosniff"
                return response
    context = {"form": form, "texts": legal_texts()}
    return render(request, "allowances/leave.html", context, status=status)


@login_required
@require_POST
def amounts(request):
    viewer = viewer_for(request.user)
    if not manages_allowances(viewer):
        raise Http404("Pagina niet gevonden")
    form = YearAmountsForm(data=request.POST)
    if form.is_valid():
        try:
            table = services.set_year_amounts(
                viewer,
                request.user,
                form.cleaned_data["year"],
                source=form.cleaned_data["source"],
                amounts=form.amounts(),
            )
        except DomainError as error:
            apply_errors(form, error.errors or {"__all__": [error.message]})
        else:
            messages.success(request, f"De vergoedingen voor {table.year} zijn vastgelegd.")
            return redirect(reverse("allowances:index") + "#kop-tabel")
    context = _context(request, viewer, amounts_form=form)
    return render(request, "allowances/index.html", context, status=400)


@login_required
@require_POST
def add_role(request):
    viewer = viewer_for(request.user)
    if not manages_allowances(viewer):
        raise Http404("Pagina niet gevonden")
    members = list(_members(viewer))
    form = ExtraRoleForm(data=request.POST, members=members)
    if form.is_valid():
        data = form.cleaned_data
        person = next(p for p in members if p.pk == data["person"])
        try:
            services.assign_extra_role(
                viewer,
                request.user,
                person,
                data["kind"],
                since=data["since"],
                description=data["description"],
            )
        except DomainError as error:
            apply_errors(form, error.errors or {"__all__": [error.message]})
        else:
            messages.success(request, f"De toelage van {person.display_name} is vastgelegd.")
            return redirect(reverse("allowances:index") + "#kop-toelagen")
    context = _context(request, viewer, role_form=form)
    return render(request, "allowances/index.html", context, status=400)


@login_required
@require_POST
def end_role(request, pk: int):
    viewer = viewer_for(request.user)
    if not manages_allowances(viewer):
        raise Http404("Pagina niet gevonden")
    row = ExtraRole.objects.filter(pk=pk, municipality_id=viewer.municipality_id).first()
    if row is None:
        raise Http404("Toelage niet gevonden")
    services.end_extra_role(viewer, request.user, row)
    messages.success(request, "De toelage is beëindigd.")
    return redirect(reverse("allowances:index") + "#kop-toelagen")
