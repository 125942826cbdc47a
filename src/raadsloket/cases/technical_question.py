# SPDX-License-Identifier: EUPL-1.2
"""Technische vraag: the information request of the model-verordening.

"Feitelijke informatie van geringe omvang" is asked of the griffier, who answers as soon as
possible as far as the griffie can, and otherwise asks the routing officer to appoint a civil
servant (RULES.md, "Information request").
"""

from raadsloket.access.actors import Actor as A
from raadsloket.access.sections import Section
from raadsloket.cases import effects
from raadsloket.cases.forms import CloseForm, DeliverForm, NoteForm
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.intake import GRIFFIE, REQUESTER, intake_rows, withdraw_row
from raadsloket.cases.states import State as S
from raadsloket.cases.workflow import Transition, register

BEFORE_ANSWER = frozenset({S.DRAFT, S.SUBMITTED, S.INTAKE, S.DEFERRED, S.FORWARDED, S.ASSIGNED})

# fmt: off
TABLE = [
    # The griffie answers what it can itself; otherwise the appointed civil servant does.
    Transition(frozenset({S.INTAKE}), "deliver", S.DELIVERED, GRIFFIE, Section.ANSWER,
               form=DeliverForm, effect=effects.deliver, describe=effects.describe_deliver),
    *intake_rows(),
    # Direct contact for small factual information, logged afterwards by the civil servant
    # (profile channel "direct_small_facts"; Utrecht, handreiking spelregel 2).
    # It counts, and others than its author, the member and the griffie see it, only once the
    # member (or the griffie, per profile channel.direct_contact_confirmed_by) confirms it.
    Transition(frozenset({S.DRAFT}), "deliver", S.CONTACT_LOGGED,
               frozenset({A.CONTACT_AUTHOR}), Section.ANSWER, form=DeliverForm,
               guard=effects.guard_direct_contact, effect=effects.deliver_direct_contact,
               describe=effects.describe_direct_contact, title="Rechtstreeks contact vastleggen"),
    Transition(frozenset({S.CONTACT_LOGGED}), "confirm_contact", S.DELIVERED,
               frozenset({A.CONTACT_CONFIRMER}), Section.ANSWER, form=NoteForm,
               effect=effects.confirm_contact, describe=effects.describe_confirm_contact),
    Transition(frozenset({S.CONTACT_LOGGED}), "reject_contact", S.CONTACT_REJECTED,
               frozenset({A.CONTACT_CONFIRMER}), Section.ANSWER, form=NoteForm,
               effect=effects.reject_contact, describe=effects.describe_reject_contact),
    Transition(frozenset({S.ASSIGNED}), "deliver", S.DELIVERED,
               frozenset({A.ASSIGNEE, A.GRIFFIE}), Section.ANSWER,
               form=DeliverForm, effect=effects.deliver, describe=effects.describe_deliver),
    Transition(frozenset({S.DELIVERED}), "close", S.CLOSED, GRIFFIE | REQUESTER, Section.ANSWER,
               form=CloseForm, effect=effects.close, describe=effects.describe_close),
    withdraw_row(BEFORE_ANSWER),
]
# fmt: on

register(Instrument.TECHNICAL_QUESTION, TABLE)
