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
    # Schriftelijke vragen (Reglement van Orde): the griffie registers the question and passes it
    # to all members and the college; the college answers or sends a postponement notice; the
    # griffie publishes the answer to every member as an ingekomen stuk.
    REGISTERED = "registered", "geregistreerd, bij het college"
    POSTPONED = "postponed", "uitstel gemeld door het college"
    ANSWERED = "answered", "beantwoord door het college"
    PUBLISHED = "published", "gepubliceerd (ingekomen stuk)"
    # Rechtstreeks contact (profile channel direct_small_facts): a civil servant logged it
    # afterwards; it counts once the member (or the griffie, per profile) confirms it.
    CONTACT_LOGGED = "contact_logged", "vastgelegd, wacht op bevestiging"
    CONTACT_REJECTED = "contact_rejected", "vastgelegd contact niet bevestigd"
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
        State.REGISTERED,
        State.POSTPONED,
    }
)
# A rejected direct contact is final too: nothing follows it, and its retention period runs from
# the rejection (Archiefwet 1995 art. 5; records/retention.py).
FINAL_STATES = frozenset({State.CLOSED, State.WITHDRAWN, State.PUBLISHED, State.CONTACT_REJECTED})
# A written question from registration on: passed to every member and to the college.
WRITTEN_REGISTERED_STATES = frozenset(
    {State.REGISTERED, State.POSTPONED, State.ANSWERED, State.PUBLISHED}
)
# The college's answer exists (ANSWERED_STATES is for the instruments the civil service answers).
WRITTEN_ANSWERED_STATES = frozenset({State.ANSWERED, State.PUBLISHED})
# A logged direct contact not (or not yet) confirmed: seen only by its author, the member and the
# griffie, and neither counted nor shared (access/cases.py).
UNCONFIRMED_CONTACT_STATES = frozenset({State.CONTACT_LOGGED, State.CONTACT_REJECTED})
# From here on an answer exists.
ANSWERED_STATES = frozenset({State.DELIVERED, State.EVALUATED, State.CLOSED})
