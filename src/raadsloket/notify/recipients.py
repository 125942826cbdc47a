# SPDX-License-Identifier: EUPL-1.2
"""Who may have to hear of something, by relation to a case or by role in a municipality.

These are candidates only: `raadsloket.notify.send` drops everyone of another municipality, and
its callers everyone the access layer does not let open the link. The case functions read a case
loaded by `load_case` (relations prefetched) and name people of the case's own municipality only.
"""

from collections.abc import Callable, Iterable, Iterator

from raadsloket.access.cases import confirms_contact, with_relations
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.organisation.models import Fractie, Person
from raadsloket.organisation.roles import CLERK_OFFICE, PRESIDIUM, TRIANGLE, Role

Recipients = Callable[[Case], Iterable[Person]]


def load_case(case_id: int) -> Case:
    """The case with everything the access layer and the recipient functions read."""
    queryset = with_relations(Case.objects.all()).select_related(
        "municipality",
        "filed_by__municipality",
        "requester__municipality",
        "handler__municipality",
        "routing_officer__municipality",
    )
    return queryset.prefetch_related(
        "co_requesters__municipality", "assignments__civil_servant__municipality"
    ).get(pk=case_id)


# --- by role in a municipality or a fractie -------------------------------------------------


def with_role(
    municipality_id: int, roles: Iterable[str], fractie_id: int | None = None
) -> list[Person]:
    """The active people of one municipality (and one fractie) who hold any of `roles`."""
    people = Person.objects.filter(
        municipality_id=municipality_id, is_active=True, role_assignments__role__in=list(roles)
    )
    if fractie_id is not None:
        people = people.filter(fractie_id=fractie_id)
    return list(people.select_related("municipality").distinct().order_by("pk"))


def griffie_of(municipality_id: int) -> list[Person]:
    """Griffier and raadsadviseurs (Gemeentewet art. 107)."""
    return with_role(municipality_id, CLERK_OFFICE)


def presidium_of(municipality_id: int) -> list[Person]:
    """The presidium: the fractievoorzitters (GLOSSARY.md)."""
    return with_role(municipality_id, PRESIDIUM)


def treasurers_of(fractie: Fractie) -> list[Person]:
    return with_role(fractie.municipality_id, [Role.FRACTIE_TREASURER], fractie.pk)


def treasurers_and_chair_of(fractie: Fractie) -> list[Person]:
    return with_role(
        fractie.municipality_id, [Role.FRACTIE_TREASURER, Role.FRACTIE_CHAIR], fractie.pk
    )


# --- by relation to a case ------------------------------------------------------------------


def requesters(case: Case) -> Iterator[Person]:
    """The requester, the co-requesters (co-signers) and a fractie employee who filed for them."""
    yield case.requester
    yield from case.co_requesters.all()
    if case.filed_by_id is not None:
        # A civil servant who logged a direct contact is its author, not a requester; the
        # access layer drops them where they may not see the case.
        yield case.filed_by


def griffie(case: Case) -> Iterable[Person]:
    """Griffier and raadsadviseurs (Gemeentewet art. 107)."""
    return griffie_of(case.municipality_id)


def griffier(case: Case) -> Iterable[Person]:
    return with_role(case.municipality_id, [Role.CLERK])


def triangle(case: Case) -> Iterable[Person]:
    """The driehoek: griffier, gemeentesecretaris and burgemeester (handreiking, spelregel 3)."""
    return with_role(case.municipality_id, TRIANGLE)


def handler(case: Case) -> list[Person]:
    return [case.handler] if case.handler_id is not None else []


def handler_or_griffie(case: Case) -> Iterable[Person]:
    """The griffie's handler of the case, or the whole griffie while nobody handles it."""
    return handler(case) or griffie(case)


def assignees(case: Case) -> list[Person]:
    return [assignment.civil_servant for assignment in case.assignments.all()]


def routing_officer(case: Case) -> list[Person]:
    return [case.routing_officer] if case.routing_officer_id is not None else []


def college_contacts(case: Case) -> Iterable[Person]:
    return with_role(case.municipality_id, [Role.COLLEGE_CONTACT])


def council_members(case: Case) -> Iterable[Person]:
    return with_role(case.municipality_id, [Role.COUNCIL_MEMBER])


def college_contacts_if_registered(case: Case) -> Iterable[Person]:
    """A registered written question sat in the college's inbox; it must hear it is gone."""
    return college_contacts(case) if case.registered_at is not None else []


def council_if_secret(case: Case) -> Iterable[Person]:
    """Art. 25 Gemeentewet: a secret answer is for the whole council, so all of it is told."""
    return council_members(case) if case.secret else []


def contact_author(case: Case) -> list[Person]:
    """The civil servant who logged a direct contact."""
    return [case.filed_by] if case.filed_by_id is not None else []


def contact_confirmers(case: Case) -> list[Person]:
    """Who confirms a logged direct contact: the member or the griffie, as the access layer
    reads the profile (access.cases.confirms_contact)."""
    candidates = [case.requester, *griffie(case)]
    return [person for person in candidates if confirms_contact(viewer_for(person), case)]


# Schriftelijke vragen waiting for the college's answer (cases/written_question.py).
AWAITING_COLLEGE = frozenset({"registered", "postponed"})


def who_must_act(case: Case) -> Iterable[Person]:
    """Whose move it is while a term runs (ARCHITECTURE.md core idea 5: reminders before)."""
    if case.state in (State.SUBMITTED, State.INTAKE):
        return handler_or_griffie(case)
    if case.state == State.FORWARDED:
        # Model-verordening: the secretaris (or kabinetschef) assigns or refuses.
        return routing_officer(case)
    if case.state in (State.ASSIGNED, State.KICKOFF_PLANNED, State.IN_PROGRESS, State.MEDIATION):
        return [*assignees(case), *handler(case)]
    if case.state in AWAITING_COLLEGE:
        return [*college_contacts(case), *handler_or_griffie(case)]
    return []


def together(*groups: Recipients) -> Recipients:
    """Everyone of several groups, in order (duplicates are dropped when delivering)."""

    def everyone(case: Case) -> Iterator[Person]:
        for group in groups:
            yield from group(case)

    return everyone
