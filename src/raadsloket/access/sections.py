# SPDX-License-Identifier: EUPL-1.2
"""The parts of a case that are shown or hidden as a whole."""

from enum import StrEnum


class Section(StrEnum):
    # "A trajectory started": instrument, policy area and period (college, Utrecht profile).
    TRAJECTORY = "trajectory"
    # Hours estimated and spent, with the period: what a civil servant's manager sees.
    HOURS = "hours"
    # Reference, instrument, state, dates, terms, policy area, handler: no content.
    METADATA = "metadata"
    # The member's question: subject, text, background, requesters.
    REQUEST = "request"
    # Forwarding, assignment, refusal ground and reasoning, objection, deferral, advice.
    ROUTING = "routing"
    # The startgesprek and the notes of the work inside the bubble.
    KICKOFF = "kickoff"
    ANSWER = "answer"
    EVALUATION = "evaluation"
    # Mediation by the griffie during the work.
    MEDIATION = "mediation"


ALL_SECTIONS = frozenset(Section)
# What raadsloket counts as confidential content: reads of these are audited.
CONTENT_SECTIONS = frozenset(
    {
        Section.REQUEST,
        Section.ROUTING,
        Section.KICKOFF,
        Section.ANSWER,
        Section.EVALUATION,
        Section.MEDIATION,
    }
)
