# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer beside the new-request form, and at intake for the griffie.

The member sees, before submitting, which instrument fits the question and why, and earlier
answered questions that look alike ("is dit al eerder gevraagd?"). The member may still choose
otherwise (issue 3, item 2).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from raadsloket.access.viewer import viewer_for
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.knowledge import similar_questions
from raadsloket.cases.transitions import record_list_read
from raadsloket.instruments import catalogue
from raadsloket.instruments.advisor import advise

# Advice needs a few words to go on; shorter text gets no panel rather than a guess.
MIN_WORDS = 4
MAX_CHARS = 10_000


def advice_context(viewer, title: str, question: str, chosen: str = "") -> dict:
    """What the advice panel shows for the typed question; empty when there is too little."""
    text = f"{title}\n{question}".strip()[:MAX_CHARS]
    if len(text.split()) < MIN_WORDS:
        return {}
    advice = advise(text)
    best = catalogue.get(advice.instrument)
    return {
        "advice": advice,
        "best": best,
        "alternatives": [catalogue.get(other) for other in advice.alternatives],
        "handled_here": advice.instrument in Instrument.values,
        "differs": bool(chosen) and chosen != advice.instrument,
        "chosen_label": dict(Instrument.choices).get(chosen, ""),
        "similar": similar_questions(viewer, text),
    }


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
    return render(request, "web/includes/advice.html", context)
