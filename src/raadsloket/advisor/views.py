# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer page: the catalogue, the questionnaire and the free-text advice.

Handreiking, "Praktijkvoorbeeld: wanneer gebruik je welk instrument?"; toolkit, "Ken je
instrumenten". Works without JavaScript: a need is a GET form (a link may preselect it), the
question a POST form whose advice is the response itself, so a confidential question never
stands in a URL, a redirect, the browser's history or a server log (the bubble).
The same advice sits beside the new-request form (`case_advice`, htmx, POST too) and at intake.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from raadsloket.access.viewer import viewer_for
from raadsloket.advisor import catalogue, questionnaire
from raadsloket.advisor.forms import NeedForm, QuestionForm
from raadsloket.advisor.panel import advice_context
from raadsloket.audit.reads import record_list_read
from raadsloket.cases.instruments import SLUGS, Instrument

TOO_SHORT = "Beschrijf uw vraag in een paar zinnen; dan kan de wijzer adviseren."


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def instrument_guide(request):
    context = {
        "needs": questionnaire.NEEDS,
        "instruments": catalogue.all_instruments(),
        "error": None,
        "text": "",
        "chosen_need": "",
    }
    if request.method == "POST":
        context.update(_question_advice(request))
    else:
        # A `vraag` in the query string (an old bookmark) is neither read nor shown.
        context.update(_need_advice(NeedForm(request.GET)))
    return render(request, "advisor/instrument_guide.html", context)


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]


def _need_advice(form: NeedForm) -> dict:
    if not form.is_valid():
        return {"error": _first_error(form)}
    code = form.cleaned_data["behoefte"]
    if not code:
        return {}
    advice = questionnaire.advise_need(code)
    return {
        "chosen_need": code,
        "advice": advice,
        "best": catalogue.get(advice.instrument),
        "alternatives": [catalogue.get(other) for other in advice.alternatives],
        "handled_here": advice.instrument in Instrument.values,
        "need_slug": _slug(advice.instrument),
    }


def _question_advice(request) -> dict:
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return {"error": _first_error(form)}
    text = form.cleaned_data["vraag"]
    found = advice_context(viewer_for(request.user), "", text) if text.strip() else {}
    if not found:
        return {"text": text, "error": TOO_SHORT}
    # The similar answered questions are case content in a list (bubble: audit/reads).
    record_list_read(
        request.user, [(item.case, {"request", "answer"}) for item in found["similar"]]
    )
    return {"text": text, "ask_slug": _slug(found["advice"].instrument), **found}


def _slug(instrument_id: str) -> str:
    """The address of the advised instrument's own form; empty when raadsloket only advises."""
    return SLUGS[Instrument(instrument_id)] if instrument_id in Instrument.values else ""


@login_required
@require_POST
def case_advice(request):
    """htmx: the advice panel for what the member has typed so far."""
    viewer = viewer_for(request.user)
    context = advice_context(
        viewer,
        str(request.POST.get("title", "")),
        str(request.POST.get("question", "")),
        str(request.POST.get("instrument", "")),
    )
    shown = [(item.case, {"request", "answer"}) for item in context.get("similar", [])]
    record_list_read(request.user, shown)
    return render(request, "advisor/includes/advice.html", context)
