# SPDX-License-Identifier: EUPL-1.2
"""The reflection pages: the report for a period with its charts and downloads, and the
griffie's coalition record. Who sees which report is decided by raadsloket.access.reflection; a
viewer without a report gets a 404, as for a page that does not exist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raadsloket.access.reflection import FULL, manages_coalition
from raadsloket.access.viewer import viewer_for
from raadsloket.audit.chain import record
from raadsloket.lib.ids import valid_id
from raadsloket.organisation.models import CoalitionMembership, Fractie
from raadsloket.reflection import coalition as coalition_service
from raadsloket.reflection import periods
from raadsloket.reflection.exports import report_csv, report_xlsx
from raadsloket.reflection.figures import NoReport, Report, report_for
from raadsloket.reflection.forms import CoalitionForm, EndForm
from raadsloket.reflection.yearreport import PdfUnavailable, figure, write_pdf

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_TYPES = {"pdf": "application/pdf", "xlsx": XLSX_TYPE, "csv": "text/csv; charset=utf-8"}


def _report_for(request, period_text: str | None) -> tuple[Report | None, str, object]:
    viewer = viewer_for(request.user)
    try:
        return report_for(viewer, period_text, timezone.localdate()), "", viewer
    except NoReport:
        raise Http404("Niet gevonden") from None
    except periods.PeriodError as error:
        return None, str(error), viewer


@login_required
@require_GET
def index(request):
    report, error, viewer = _report_for(request, request.GET.get("periode"))
    today = timezone.localdate()
    sections = []
    if report is not None:
        sections = [
            {"section": section, "items": [figure(table) for table in section.tables]}
            for section in report.sections
        ]
    return render(
        request,
        "reflection/index.html",
        {
            "report": report,
            "sections": sections,
            "error": error,
            "choices": periods.choices(today),
            "chosen": request.GET.get("periode") or str(today.year),
            "manages_coalition": manages_coalition(viewer),
        },
        status=400 if error else 200,
    )


@never_cache
@login_required
@require_GET
def download(request, period: str, file_format: str):
    if file_format not in FILE_TYPES:
        raise Http404("Niet gevonden")
    report, error, viewer = _report_for(request, period)
    if report is None:
        return render(
            request,
            "errors/error.html",
            {"title": "Geen geldige periode", "message": error},
            status=400,
        )
    if file_format == "pdf":
        try:
            content = write_pdf(report)
        except PdfUnavailable:
            return render(
                request,
                "errors/error.html",
                {
                    "title": "PDF niet beschikbaar",
                    "message": "De PDF kan op dit moment niet worden gemaakt. Download het verslag "
                    "als Excel-bestand (XLSX) of CSV.",
                },
                status=503,
            )
    elif file_format == "xlsx":
        content = report_xlsx(report)
    else:
        # The byte order mark lets Excel read the file as UTF-8.
        content = ("\ufeff" + report_csv(report)).encode("utf-8")
    record(
        "reflection.report_downloaded",
        actor=request.user,
        municipality_id=viewer.municipality_id,
        detail={"period": report.period.slug, "format": file_format, "audience": report.audience},
    )
    response = HttpResponse(content, content_type=FILE_TYPES[file_format])
    name = f"reflectie-{report.period.slug}{'' if report.audience == FULL else '-geaggregeerd'}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _coalition_page(request, viewer, form=None, status=200):
    fracties = list(Fractie.objects.filter(municipality_id=viewer.municipality_id))
    return render(
        request,
        "reflection/coalition.html",
        {
            "memberships": coalition_service.memberships(viewer.municipality_id),
            "form": form or CoalitionForm(fracties=fracties),
            "end_form": EndForm(),
            "today": timezone.localdate(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def coalition(request):
    viewer = viewer_for(request.user)
    if not manages_coalition(viewer):
        raise Http404("Niet gevonden")
    if request.method == "GET":
        return _coalition_page(request, viewer)
    fracties = list(Fractie.objects.filter(municipality_id=viewer.municipality_id))
    form = CoalitionForm(request.POST, fracties=fracties)
    if form.is_valid():
        fractie = next(f for f in fracties if str(f.pk) == form.cleaned_data["fractie"])
        try:
            coalition_service.add(
                viewer, request.user, fractie, form.cleaned_data["start"], form.cleaned_data["end"]
            )
        except coalition_service.CoalitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"{fractie.name} staat in de coalitie vanaf {form.cleaned_data['start']:%d-%m-%Y}.",
            )
            return redirect("reflection:coalition")
    return _coalition_page(request, viewer, form, status=400)


@login_required
@require_POST
def coalition_action(request, pk: int, action: str):
    viewer = viewer_for(request.user)
    membership = None
    if manages_coalition(viewer) and valid_id(pk):
        membership = (
            CoalitionMembership.objects.select_related("fractie")
            .filter(pk=pk, fractie__municipality_id=viewer.municipality_id)
            .first()
        )
    if membership is None or action not in ("beeindigen", "verwijderen"):
        raise Http404("Niet gevonden")
    try:
        if action == "verwijderen":
            coalition_service.remove(viewer, request.user, membership)
            messages.success(request, "De coalitieperiode is verwijderd.")
        else:
            form = EndForm(request.POST)
            if not form.is_valid():
                messages.error(request, "Er is niets opgeslagen: vul een geldige einddatum in.")
                return redirect("reflection:coalition")
            coalition_service.end(viewer, request.user, membership, form.cleaned_data["on"])
            messages.success(
                request,
                f"{membership.fractie.name} is uit de coalitie per "
                f"{form.cleaned_data['on']:%d-%m-%Y}.",
            )
    except coalition_service.CoalitionError as error:
        messages.error(request, f"Er is niets opgeslagen: {error}")
    return redirect("reflection:coalition")
