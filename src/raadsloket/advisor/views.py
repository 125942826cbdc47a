# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer page: the catalogue, the questionnaire and the free-text advice.

Handreiking, "Praktijkvoorbeeld: wanneer gebruik je welk instrument?"; toolkit, "Ken je
instrumenten". Works without JavaScript: a choice or a question is an ordinary GET form.
The same advice sits beside the new-request form (`case_advice`, htmx) and at intake.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from raadsloket.access.viewer import viewer_for
from raadsloket.advisor import catalogue, questionnaire
from raadsloket.advisor.forms import GuideForm
from raadsloket.advisor.panel import advice_context
from raadsloket.audit.reads import record_list_read
from raadsloket.cases.instruments import Instrument


@login_required
def instrument_guide(request):
    viewer = viewer_for(request.user)
    context = {
        "needs": questionnaire.NEEDS,
        "instruments": catalogue.all_instruments(),
        "error": None,
        "text": "",
        "chosen_need": "",
    }
    form = GuideForm(request.GET)
    form.is_valid()
    need_code = form.cleaned_data.get("behoefte", "")
    text = form.cleaned_data.get("vraag", "")
    if form.errors:
        context["error"] = next(iter(form.errors.values()))[0]
    elif need_code:
        chosen = questionnaire.need(need_code)
        advice = questionnaire.advise_need(need_code)
        context.update(
            chosen_need=chosen.code,
            advice=advice,
            best=catalogue.get(advice.instrument),
            alternatives=[catalogue.get(other) for other in advice.alternatives],
            handled_here=advice.instrument in Instrument.values,
        )
    elif text.strip():
        context["text"] = text
        found = advice_context(viewer, "", text)
        if found:
            context.update(found)
        else:
            context["error"] = "Beschrijf uw vraag in een paar zinnen; dan kan de wijzer adviseren."
    return render(request, "advisor/instrument_guide.html", context)


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
