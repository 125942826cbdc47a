# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer page: the catalogue, the questionnaire and the free-text advice.

Handreiking, "Praktijkvoorbeeld: wanneer gebruik je welk instrument?"; toolkit, "Ken je
instrumenten". Works without JavaScript: a choice or a question is an ordinary GET form.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from raadsloket.access.viewer import viewer_for
from raadsloket.cases.instruments import Instrument
from raadsloket.instruments import catalogue, questionnaire
from raadsloket.web.advice import MAX_CHARS, advice_context


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
    need_code = str(request.GET.get("behoefte", ""))
    text = str(request.GET.get("vraag", ""))[:MAX_CHARS]
    if need_code:
        try:
            chosen = questionnaire.need(need_code)
        except KeyError:
            context["error"] = "Kies een van de genoemde behoeften."
        else:
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
    return render(request, "web/instrument_guide.html", context)
