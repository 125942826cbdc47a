# SPDX-License-Identifier: EUPL-1.2
"""An election in Gemeente Voorbeeld, as the credentials decision's CSV.

The old council is the demo's (29 raadsleden in 8 fracties, one burgerraadslid). The new one:
- raadslid2 (Lokaal Belang) leaves; the fractievoorzitter raadslid1 takes over the requests;
- the SP (raadslid26, raadslid27) is not re-elected: no successor, requests end with a reason;
- raadslid8 moves from the VVD to D66; a new VVD member takes the seat;
- a new fractie "Nieuwe Partij" with two new members.
"""

from raadsloket.cases.services import create_case
from raadsloket.cases.transitions import perform
from raadsloket.council_term.imports import COUNCIL_ROLES
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role

HEADER = "naam,e-mail,fractie,rol,ingangsdatum"
LEAVING = ("raadslid2", "raadslid26", "raadslid27")
NEW = [
    ("Fatima El Amrani", "fatima.elamrani@example.org", "Nieuwe Partij", "fractievoorzitter"),
    ("Gerrit Mulder", "gerrit.mulder@example.org", "Nieuwe Partij", "raadslid"),
    ("Hanna Visser", "hanna.visser@example.org", "VVD", "raadslid"),
]
GOOD_CASE = {
    "instrument": "technical_question",
    "title": "Parkeren in de binnenstad",
    "policy_area": "mobiliteit",
    "question": "Hoeveel parkeervergunningen zijn er in 2025 uitgegeven?",
}


def _role(person: Person) -> str:
    roles = set(person.role_assignments.values_list("role", flat=True))
    if Role.FRACTIE_CHAIR in roles:
        return "fractievoorzitter"
    if Role.COUNCIL_MEMBER in roles:
        return "raadslid"
    return "burgerraadslid"


def rows(world) -> list[str]:
    """The new council's rows, from the people of the world."""
    council = (
        Person.objects.filter(
            municipality=world.municipality, role_assignments__role__in=COUNCIL_ROLES
        )
        .distinct()
        .order_by("pk")
    )
    found = []
    for person in council:
        if person.username in LEAVING:
            continue
        fractie = "D66" if person.username == "raadslid8" else person.fractie.name
        found.append(f"{person.display_name},{person.email},{fractie},{_role(person)},")
    found += [f"{name},{email},{fractie},{role}," for name, email, fractie, role in NEW]
    return found


def csv_bytes(world, extra: list[str] | None = None, header: str = HEADER) -> bytes:
    return "\n".join([header, *rows(world), *(extra or [])]).encode()


def open_requests(world) -> dict[str, int]:
    """raadslid2 and raadslid26 each put a submitted request; raadslid27 a draft."""
    passed = create_case(world["raadslid2"], GOOD_CASE, submit=True)
    at_intake = create_case(world["raadslid26"], GOOD_CASE, submit=True)
    perform(world["griffier"], at_intake.pk, "accept")
    draft = create_case(world["raadslid27"], GOOD_CASE)
    return {"passed": passed.pk, "closed": at_intake.pk, "withdrawn": draft.pk}
