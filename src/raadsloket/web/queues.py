# SPDX-License-Identifier: EUPL-1.2
"""Work queues on the start page: a count per queue that links to the list it counts.

A case queue is data: a Dutch title, the parameters of the filtered case list (/verzoeken/) and
an explanation. Its count is the number of rows that list shows the same viewer, because both
come from the same function (`listed_count`): a count can never tell more than the list, so it
says nothing about what the bubble hides (SECURITY.md, "the bubble"; ARCHITECTURE.md core idea 3).
The budget queues count through their own access layer (access/fractie_support.py,
access/training.py) and link to the review pages that list the same items.
"""

from dataclasses import dataclass

from django.db.models import Count, Min
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from raadsloket.access.fractie_support import reviews_budgets, visible_fracties, visible_questions
from raadsloket.access.training import decides_training, visible_training_requests
from raadsloket.access.viewer import Viewer
from raadsloket.cases.filters import filtered_cases, read_filter
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.lists import INTAKE_STATES
from raadsloket.cases.states import State
from raadsloket.fractie_support.models import Fractie, SpendingQuestion, Statement
from raadsloket.training.models import TrainingRequest


@dataclass(frozen=True)
class CaseQueue:
    title: str
    # The filtered list's URL parameters; a key may repeat (status=a&status=b).
    params: tuple[tuple[str, str], ...]
    explanation: str = ""

    @property
    def query(self) -> str:
        return urlencode(self.params)


@dataclass(frozen=True)
class Tile:
    """One count on the start page, a link to the list of what it counts."""

    title: str
    count: int
    url: str
    explanation: str = ""


def _statuses(*states: str) -> tuple[tuple[str, str], ...]:
    return tuple(("status", str(state)) for state in states)


GRIFFIE_QUEUES = (
    CaseQueue(
        "Intake",
        _statuses(*INTAKE_STATES),
        "Ingediend, in intake of aangehouden.",
    ),
    CaseQueue(
        "Startgesprekken te plannen",
        (("instrument", Instrument.ASSISTANCE), *_statuses(State.ASSIGNED)),
        # The assistance table: from "ambtenaar toegewezen" the griffie plans the startgesprek.
        "Ambtenaar toegewezen, nog geen startgesprek gepland.",
    ),
    CaseQueue(
        "Schriftelijke vragen te registreren",
        (("instrument", Instrument.WRITTEN_QUESTION), *_statuses(State.SUBMITTED)),
        "Ingediend; de griffie registreert en zendt door aan het college (Reglement van Orde).",
    ),
    CaseQueue(
        "Collegeantwoorden over termijn",
        (("instrument", Instrument.WRITTEN_QUESTION), ("termijn", "verlopen")),
        "De termijn voor het antwoord van het college is verstreken.",
    ),
)

ROUTING_QUEUE = CaseQueue(
    "Te routeren / toe te wijzen",
    _statuses(State.FORWARDED),
    "Doorgeleid door de griffie: ambtenaar toewijzen of weigeren.",
)


def listed_count(viewer: Viewer, params: QueryDict) -> int:
    """How many cases the case list at /verzoeken/?<params> shows this viewer.

    The list page reads its filter with the same two functions, so the count and the rows agree.
    """
    # Lenient as on the page: the list and the count read the parameters the same way.
    return filtered_cases(viewer, read_filter(viewer, params, lenient=True)).count()


def case_tile(viewer: Viewer, queue: CaseQueue) -> Tile:
    return Tile(
        title=queue.title,
        count=listed_count(viewer, QueryDict(queue.query)),
        url=f"{reverse('case_list')}?{queue.query}",
        explanation=queue.explanation,
    )


def griffie_tiles(viewer: Viewer) -> list[Tile]:
    return [case_tile(viewer, queue) for queue in GRIFFIE_QUEUES]


def budget_tiles(viewer: Viewer) -> list[Tile]:
    """What waits for the griffie in fractieondersteuning and the opleidingsbudget, for whoever
    reviews them (access layer); nothing when the profile does not use them."""
    tiles = []
    if reviews_budgets(viewer):
        tiles += [_questions_tile(viewer), _statements_tile(viewer)]
    if decides_training(viewer):
        tiles.append(_training_tile(viewer))
    return tiles


def _questions_tile(viewer: Viewer) -> Tile:
    pending = visible_questions(
        viewer, SpendingQuestion.objects.filter(answer=SpendingQuestion.Answer.PENDING)
    )
    return Tile(
        title="Uitgaven te beoordelen",
        count=pending.count(),
        url=f"{reverse('fractie_support:index')}#kop-vragen",
        explanation="Vragen van fracties of een uitgave uit de fractieondersteuning mag.",
    )


def _statements_tile(viewer: Viewer) -> Tile:
    submitted = Statement.objects.filter(
        status=Statement.Status.SUBMITTED,
        fractie__in=visible_fracties(viewer, Fractie.objects.all()),
    ).aggregate(n=Count("pk"), first=Min("year"))
    # The overview shows one year: open it at the oldest year with a statement to review.
    year = f"?{urlencode({'jaar': submitted['first']})}" if submitted["first"] else ""
    return Tile(
        title="Verantwoordingen te beoordelen",
        count=submitted["n"],
        url=f"{reverse('fractie_support:index')}{year}",
        explanation="Ingediende jaarverantwoordingen van fracties (art. 33 lid 3 Gemeentewet).",
    )


def _training_tile(viewer: Viewer) -> Tile:
    waiting = visible_training_requests(
        viewer, TrainingRequest.objects.filter(status=TrainingRequest.Status.SUBMITTED)
    ).aggregate(n=Count("pk"), first=Min("year"))
    # The requests page shows one year: open it at the oldest year with a request waiting.
    year = f"?{urlencode({'jaar': waiting['first']})}" if waiting["first"] else ""
    return Tile(
        title="Scholingsaanvragen te beoordelen",
        count=waiting["n"],
        url=f"{reverse('training:index')}{year}",
        explanation="Aanvragen uit het opleidingsbudget die op een besluit wachten.",
    )
