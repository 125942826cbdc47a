# SPDX-License-Identifier: EUPL-1.2
"""Technische vraag: the information request of the model-verordening.

"Feitelijke informatie van geringe omvang" is asked of the griffier, who answers as soon as
possible as far as the griffie can, and otherwise asks the routing officer to appoint a civil
servant (RULES.md, "Information request").
"""

from raadsloket.access.sections import Section
from raadsloket.cases import effects
from raadsloket.cases.forms import AssignForm, CloseForm, DeferForm, DeliverForm, NoteForm
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.states import State
from raadsloket.cases.workflow import Transition, register

S = State
REQUESTER = frozenset({"requester"})
GRIFFIE = frozenset({"griffie"})
BEFORE_ANSWER = frozenset({S.DRAFT, S.SUBMITTED, S.INTAKE, S.DEFERRED, S.FORWARDED, S.ASSIGNED})

TABLE = [
    Transition(
        frozenset({S.DRAFT}),
        "submit",
        S.SUBMITTED,
        REQUESTER,
        Section.METADATA,
        guard=effects.guard_submit,
        effect=effects.submit,
        describe=effects.describe_submit,
    ),
    Transition(
        frozenset({S.SUBMITTED}),
        "accept",
        S.INTAKE,
        GRIFFIE,
        Section.METADATA,
        effect=effects.accept,
    ),
    Transition(
        frozenset({S.SUBMITTED, S.INTAKE}),
        "defer",
        S.DEFERRED,
        GRIFFIE,
        Section.ROUTING,
        form=DeferForm,
        effect=effects.defer,
        describe=effects.describe_defer,
    ),
    Transition(
        frozenset({S.DEFERRED}),
        "resume",
        effects.resume_target,
        GRIFFIE,
        Section.ROUTING,
        effect=effects.resume,
    ),
    Transition(
        frozenset({S.SUBMITTED, S.INTAKE}),
        "convert",
        S.INTAKE,
        GRIFFIE,
        Section.ROUTING,
        form=NoteForm,
        effect=effects.convert_target_instrument,
        describe=effects.describe_convert,
    ),
    Transition(
        frozenset({S.INTAKE}),
        "forward",
        S.FORWARDED,
        GRIFFIE,
        Section.ROUTING,
        form=NoteForm,
        guard=effects.guard_forward,
        effect=effects.forward,
        describe=effects.describe_forward,
    ),
    Transition(
        frozenset({S.FORWARDED}),
        "assign",
        S.ASSIGNED,
        frozenset({"routing_officer"}),
        Section.ROUTING,
        form=AssignForm,
        effect=effects.assign,
        describe=effects.describe_assign,
    ),
    # Direct contact for small factual information, logged afterwards by the civil servant
    # (profile channel "direct_small_facts"; Utrecht, handreiking spelregel 2).
    Transition(
        frozenset({S.DRAFT}),
        "deliver",
        S.DELIVERED,
        frozenset({"contact_author"}),
        Section.ANSWER,
        form=DeliverForm,
        guard=effects.guard_direct_contact,
        effect=effects.deliver_direct_contact,
        describe=effects.describe_direct_contact,
    ),
    # The griffie answers what it can itself; otherwise the appointed civil servant does.
    Transition(
        frozenset({S.INTAKE}),
        "deliver",
        S.DELIVERED,
        GRIFFIE,
        Section.ANSWER,
        form=DeliverForm,
        effect=effects.deliver,
        describe=effects.describe_deliver,
    ),
    Transition(
        frozenset({S.ASSIGNED}),
        "deliver",
        S.DELIVERED,
        frozenset({"assignee", "griffie"}),
        Section.ANSWER,
        form=DeliverForm,
        effect=effects.deliver,
        describe=effects.describe_deliver,
    ),
    Transition(
        frozenset({S.DELIVERED}),
        "close",
        S.CLOSED,
        frozenset({"griffie", "requester"}),
        Section.ANSWER,
        form=CloseForm,
        effect=effects.close,
        describe=effects.describe_close,
    ),
    Transition(
        frozenset({S.SUBMITTED, S.INTAKE}),
        "close",
        S.CLOSED,
        GRIFFIE,
        Section.ROUTING,
        form=CloseForm,
        effect=effects.close,
        describe=effects.describe_close,
    ),
    Transition(
        BEFORE_ANSWER,
        "withdraw",
        S.WITHDRAWN,
        REQUESTER,
        Section.REQUEST,
        form=NoteForm,
        effect=effects.withdraw,
        describe=effects.note_text,
    ),
]

register(Instrument.TECHNICAL_QUESTION, TABLE)
