# SPDX-License-Identifier: EUPL-1.2
"""The rows every information request shares: submission, intake by the griffie and routing.

Model-verordening: a request is put to the griffier, who helps where the griffie can and
otherwise asks the routing officer to appoint civil servants. The instruments' own tables add
what follows (cases/technical_question.py, assistance/workflow.py).
"""

from raadsloket.access.actors import Actor as A
from raadsloket.access.sections import Section
from raadsloket.cases import effects
from raadsloket.cases.forms import AssignForm, CloseForm, ConvertForm, DeferForm, NoteForm
from raadsloket.cases.states import State as S
from raadsloket.cases.workflow import Transition

REQUESTER = frozenset({A.REQUESTER})
GRIFFIE = frozenset({A.GRIFFIE})
ROUTING = frozenset({A.ROUTING_OFFICER})
AT_INTAKE = frozenset({S.SUBMITTED, S.INTAKE})


def intake_rows(defer_from: frozenset[str] = AT_INTAKE) -> list[Transition]:
    """Rows from draft to assignment; `defer_from` lists where the griffie may defer.

    The order is the order in which actions are offered: the usual next step first.
    """
    # fmt: off
    return [
        Transition(frozenset({S.DRAFT}), "submit", S.SUBMITTED, REQUESTER, Section.METADATA,
                   guard=effects.guard_submit, effect=effects.submit,
                   describe=effects.describe_submit),
        Transition(frozenset({S.SUBMITTED}), "accept", S.INTAKE, GRIFFIE, Section.METADATA,
                   effect=effects.accept),
        Transition(frozenset({S.INTAKE}), "forward", S.FORWARDED, GRIFFIE, Section.ROUTING,
                   form=NoteForm, guard=effects.guard_forward, effect=effects.forward,
                   describe=effects.describe_forward),
        Transition(frozenset({S.FORWARDED}), "assign", S.ASSIGNED, ROUTING, Section.ROUTING,
                   form=AssignForm, effect=effects.assign, describe=effects.describe_assign),
        # The glijdende schaal (spelregel 1): same case, other instrument, no retyping.
        Transition(AT_INTAKE, "convert", S.INTAKE, GRIFFIE, Section.ROUTING,
                   form=ConvertForm, effect=effects.convert,
                   describe=effects.describe_convert),
        # Advising another instrument at intake closes the request with that advice.
        Transition(AT_INTAKE, "close", S.CLOSED, GRIFFIE, Section.ROUTING,
                   form=CloseForm, effect=effects.close, describe=effects.describe_close),
        # The griffier may ask to hold a request some weeks when the organisation is busy
        # (handreiking, spelregel 2).
        Transition(defer_from, "defer", S.DEFERRED, GRIFFIE, Section.ROUTING,
                   form=DeferForm, effect=effects.defer, describe=effects.describe_defer),
        Transition(frozenset({S.DEFERRED}), "resume", S.INTAKE, GRIFFIE,
                   Section.ROUTING, effect=effects.resume, describe=effects.describe_resume),
    ]
    # fmt: on


def withdraw_row(before_answer: frozenset[str], effect=effects.withdraw) -> Transition:
    return Transition(before_answer, "withdraw", S.WITHDRAWN, REQUESTER, Section.REQUEST,
                      form=NoteForm, effect=effect, describe=effects.note_text)  # fmt: skip
