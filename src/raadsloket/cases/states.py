# SPDX-License-Identifier: EUPL-1.2
"""Every state a Case can be in, with its Dutch label."""

from django.db import models


class State(models.TextChoices):
    DRAFT = "draft", "concept"
    SUBMITTED = "submitted", "ingediend"
    INTAKE = "intake", "in intake bij de griffie"
    DEFERRED = "deferred", "aangehouden"
    FORWARDED = "forwarded", "doorgeleid"
    ASSIGNED = "assigned", "ambtenaar toegewezen"
    REFUSED = "refused", "geweigerd"
    OBJECTED = "objected", "bezwaar bij de driehoek"
    KICKOFF_PLANNED = "kickoff_planned", "startgesprek gepland"
    IN_PROGRESS = "in_progress", "in uitvoering"
    MEDIATION = "mediation", "bemiddeling door de griffie"
    DELIVERED = "delivered", "opgeleverd"
    EVALUATED = "evaluated", "geëvalueerd"
    CLOSED = "closed", "afgesloten"
    WITHDRAWN = "withdrawn", "ingetrokken"


# The work has not yet ended; a member may still withdraw.
OPEN_STATES = frozenset(
    {
        State.DRAFT,
        State.SUBMITTED,
        State.INTAKE,
        State.DEFERRED,
        State.FORWARDED,
        State.ASSIGNED,
        State.REFUSED,
        State.OBJECTED,
        State.KICKOFF_PLANNED,
        State.IN_PROGRESS,
        State.MEDIATION,
    }
)
FINAL_STATES = frozenset({State.CLOSED, State.WITHDRAWN})
# From here on an answer exists.
ANSWERED_STATES = frozenset({State.DELIVERED, State.EVALUATED, State.CLOSED})
