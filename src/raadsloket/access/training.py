# SPDX-License-Identifier: EUPL-1.2
"""Who may see and do what with the opleidingsbudget (toolkit seed, "Opleidingsbudget").

The rules in plain words: nobody sees anything of another municipality, and the college sees
nothing (the budget is the council's own, Gemeentewet art. 33 lid 2). A raadslid or commissielid
sees and requests their own courses; every member sees what the council's collective budget is
spent on; the griffie sees all and decides. The civil service and a functional administrator
see nothing.
"""

from django.db.models import Q, QuerySet

from raadsloket.access.viewer import Viewer, in_council_side
from raadsloket.organisation.roles import Role

# Who may ask for a course from the opleidingsbudget ("raadsleden", toolkit seed; a commissielid
# does council work too).
TRAINING_REQUESTERS = frozenset({Role.COUNCIL_MEMBER, Role.COMMITTEE_MEMBER})


def training_enabled(viewer: Viewer) -> bool:
    return viewer.profile is not None and viewer.profile.training_budget.enabled


def may_request_training(viewer: Viewer) -> bool:
    return (
        training_enabled(viewer)
        and in_council_side(viewer, viewer.municipality_id)
        and bool(viewer.roles & TRAINING_REQUESTERS)
    )


def decides_training(viewer: Viewer) -> bool:
    return (
        training_enabled(viewer)
        and in_council_side(viewer, viewer.municipality_id)
        and viewer.is_griffie
    )


def sees_training_pages(viewer: Viewer) -> bool:
    return may_request_training(viewer) or decides_training(viewer)


def sees_training_request(viewer: Viewer, request) -> bool:
    if not in_council_side(viewer, request.municipality_id) or not training_enabled(viewer):
        return False
    return decides_training(viewer) or request.person_id == viewer.person_id


def visible_training_requests(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """Own requests; the griffie all. Every member also sees approved collective courses (what
    the council's budget is spent on), which are the council's, not a person's."""
    from raadsloket.training.models import TrainingRequest

    if not sees_training_pages(viewer):
        return queryset.none()
    queryset = queryset.filter(municipality_id=viewer.municipality_id)
    if decides_training(viewer):
        return queryset
    return queryset.filter(
        Q(person_id=viewer.person_id)
        | Q(kind=TrainingRequest.Kind.COLLECTIVE, status=TrainingRequest.Status.APPROVED)
    )
