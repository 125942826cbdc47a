# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer beside the new-request form, and at intake for the griffie.

The member sees, before submitting, which instrument fits the question and why, and earlier
answered questions that look alike ("is dit al eerder gevraagd?"). The member may still choose
otherwise (handreiking, "Praktijkvoorbeeld: wanneer gebruik je welk instrument?").
"""

from raadsloket.advisor import catalogue
from raadsloket.advisor.advisor import advise
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.knowledge import similar_questions
from raadsloket.directory.search import helpers_for

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
        # Toolkit, "Gebruik je ondersteuning": who can help with this need (the directory).
        "helpers": helpers_for(viewer, text),
    }
