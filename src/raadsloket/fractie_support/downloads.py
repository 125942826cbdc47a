# SPDX-License-Identifier: EUPL-1.2
"""Downloads of the fractieondersteuning: the yearly statement (PDF, XLSX) and a proof.

Who may download is decided by the access layer (raadsloket.access.fractie_support) only: a fractie's
statement by whoever sees its budget (its own people and the griffie), a proof by whoever sees
the expense line (the same, and the presidium for an unclear expense put to it). Anyone else
gets the same 404 as for an id that does not exist, so ids reveal nothing. Every download is in
the audit chain.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from raadsloket.access.fractie_support import sees_fractie_budget, visible_expenses
from raadsloket.access.viewer import Viewer, viewer_for
from raadsloket.audit.chain import record
from raadsloket.fractie_support.exports import (
    PdfUnavailable,
    build_document,
    render_html,
    write_pdf,
    write_xlsx,
)
from raadsloket.fractie_support.models import Expense
from raadsloket.lib.ids import valid_id
from raadsloket.lib.uploads import download
from raadsloket.organisation.models import Fractie

# The profile's base years start at 2000 (policy.schema.FractieSupport.base_year).
FIRST_YEAR = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_UNAVAILABLE = (
    "De PDF kan op dit moment niet worden gemaakt: de PDF-voorziening is op deze server niet "
    "beschikbaar. Download de verantwoording als Excel-bestand (XLSX), of vraag de griffie om "
    "een afdruk."
)


def fractie_or_404(viewer: Viewer, fractie_id: int, year: int) -> Fractie:
    """The fractie of the viewer's municipality whose budget the viewer sees, or 404."""
    if not valid_id(fractie_id) or not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404("Verantwoording niet gevonden")
    fractie = (
        Fractie.objects.select_related("municipality")
        .filter(pk=fractie_id, municipality_id=viewer.municipality_id)
        .first()
    )
    if fractie is None or not sees_fractie_budget(viewer, fractie):
        raise Http404("Verantwoording niet gevonden")
    return fractie


def statement_filename(fractie: Fractie, year: int, extension: str) -> str:
    # ASCII only: the name goes into a plain filename="..." header.
    slug = slugify(fractie.name) or f"fractie-{fractie.pk}"
    return f"verantwoording-{slug}-{year}.{extension}"


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _audit(request, fractie: Fractie, year: int, file_format: str) -> None:
    record(
        "budgets.statement_downloaded",
        actor=request.user,
        municipality_id=fractie.municipality_id,
        detail={"fractie": fractie.pk, "year": year, "format": file_format},
    )


@never_cache
@login_required
@require_GET
def statement_pdf(request, fractie_id: int, year: int):
    viewer = viewer_for(request.user)
    fractie = fractie_or_404(viewer, fractie_id, year)
    html = render_html(build_document(fractie, year, viewer.profile))
    try:
        content = write_pdf(html)
    except PdfUnavailable:
        return render(
            request,
            "errors/error.html",
            {"title": "PDF niet beschikbaar", "message": PDF_UNAVAILABLE},
            status=503,
        )
    _audit(request, fractie, year, "pdf")
    return _attachment(content, "application/pdf", statement_filename(fractie, year, "pdf"))


@never_cache
@login_required
@require_GET
def statement_xlsx(request, fractie_id: int, year: int):
    viewer = viewer_for(request.user)
    fractie = fractie_or_404(viewer, fractie_id, year)
    content = write_xlsx(build_document(fractie, year, viewer.profile))
    _audit(request, fractie, year, "xlsx")
    return _attachment(content, XLSX_TYPE, statement_filename(fractie, year, "xlsx"))


@never_cache
@login_required
@require_GET
def proof(request, pk: int):
    viewer = viewer_for(request.user)
    if not valid_id(pk):
        raise Http404("Bewijsstuk niet gevonden")
    # The access layer decides: the fractie's own people, the griffie, and the presidium for an
    # unclear expense put to it (raadsloket.access.fractie_support.visible_expenses).
    expense = visible_expenses(viewer, Expense.objects.filter(pk=pk)).first()
    if expense is None or not expense.proof:
        raise Http404("Bewijsstuk niet gevonden")
    try:
        handle = expense.proof.open("rb")
    except FileNotFoundError:
        raise Http404("Bewijsstuk niet gevonden") from None
    record(
        "budgets.proof_downloaded",
        actor=request.user,
        municipality_id=expense.municipality_id,
        detail={"fractie": expense.fractie_id, "expense": expense.pk},
    )
    return download(
        handle,
        filename=expense.proof_name or f"bewijsstuk-{expense.pk}",
        content_type=expense.proof_content_type,
    )
