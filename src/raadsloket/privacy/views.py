# SPDX-License-Identifier: EUPL-1.2
"""The inzage page and its two downloads (AVG art. 15): JSON and PDF, of the logged-in person."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from raadsloket.lib.pdf import PdfUnavailable
from raadsloket.privacy.inzage import export, record_export
from raadsloket.privacy.report import render_html, write_pdf

PDF_UNAVAILABLE = (
    "De PDF kan op dit moment niet worden gemaakt: de PDF-voorziening is op deze server niet "
    "beschikbaar. Download uw gegevens als JSON-bestand, of vraag de griffie om een afdruk."
)


def _filename(extension: str) -> str:
    return f"inzage-persoonsgegevens-{timezone.localdate():%Y-%m-%d}.{extension}"


def _download(content: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(extension)}"'
    return response


@login_required
@require_GET
def index(request):
    return render(request, "privacy/index.html")


@never_cache
@login_required
@require_GET
def inzage_json(request):
    data = export(request.user)
    content = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    record_export(request.user, "json")
    return _download(content, "application/json; charset=utf-8", "json")


@never_cache
@login_required
@require_GET
def inzage_pdf(request):
    html = render_html(export(request.user))
    try:
        content = write_pdf(html)
    except PdfUnavailable:
        return render(
            request,
            "errors/error.html",
            {"title": "PDF niet beschikbaar", "message": PDF_UNAVAILABLE},
            status=503,
        )
    record_export(request.user, "pdf")
    return _download(content, "application/pdf", "pdf")
