# SPDX-License-Identifier: EUPL-1.2
"""Where on the case page a notification points: the section its event is about.

The folded sections of the case page are `<details id="...">`; a browser opens a fold when the
link's target lies inside it (the "auto-expand on fragment" behaviour), not when it is the
details element itself. So a link points at the `*-inhoud` element inside the fold
(templates/cases/detail.html).

The anchor names a part of the case, and so tells something of it: a link to `#antwoord` says
an answer exists. A recipient who may not see the section the event is about is pointed at the
case's data (METADATA), which everyone told of a case sees (raadsloket.notify.delivery).
"""

from raadsloket.access.sections import Section

DATA = (Section.METADATA, "gegevens-inhoud")
ROUTING = (Section.ROUTING, "behandeling-inhoud")
REQUEST = (Section.REQUEST, "verzoek")
ANSWER = (Section.ANSWER, "antwoord")
MEDIATION = (Section.MEDIATION, "bemiddeling-inhoud")
TERMS = (Section.METADATA, "termijnen-inhoud")

# Event code → (the section it is about, the anchor that shows it). Every event of
# raadsloket.notify.events has one (tests/notify/test_notify_anchors.py).
ANCHORS: dict[str, tuple[Section, str]] = {
    "submit": REQUEST,
    # A logged direct contact is its answer: the member confirms or rejects what was said.
    "log_contact": ANSWER,
    "confirm_contact": ANSWER,
    "reject_contact": ANSWER,
    "register": REQUEST,
    "forward": ROUTING,
    "assign": ROUTING,
    "refuse": ROUTING,
    "defer": ROUTING,
    "resume": ROUTING,
    "close": ROUTING,
    "object": ROUTING,
    "postpone": ROUTING,
    # The driehoek's handling of an objection is listed with the routing (cases/views.py shows
    # a driehoek mediation to who sees the routing).
    "triangle_vote": ROUTING,
    "objection_granted": ROUTING,
    "objection_rejected": ROUTING,
    # The griffie's remark when sending back is written on the timeline.
    "send_back": (Section.ROUTING, "tijdlijn-inhoud"),
    "convert": DATA,
    "withdraw": DATA,
    # The privacy app's break-glass notice: the case's data; who and why are on the start page.
    "break_glass": DATA,
    "plan_kickoff": (Section.KICKOFF, "startgesprek-inhoud"),
    "deliver": ANSWER,
    "answer": ANSWER,
    "publish": ANSWER,
    "request_mediation": MEDIATION,
    "mediate": MEDIATION,
    "evaluate": (Section.EVALUATION, "evaluatie-inhoud"),
    "deadline_near": TERMS,
    "deadline_overdue": TERMS,
}


def anchor_for(event: str, visible: frozenset[Section]) -> str:
    """The anchor for a notification of `event` to someone who sees `visible` of the case."""
    section, anchor = ANCHORS.get(event, DATA)
    return anchor if section in visible else DATA[1]
