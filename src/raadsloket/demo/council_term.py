# SPDX-License-Identifier: EUPL-1.2
"""An election to try in the demo: the credentials decision of a new council for Gemeente
Voorbeeld, as a CSV in the council_term app's data folder.

The demo load does not install it: the demo's council stays the one of the README. The
griffier does the dry run and the real one on the page "Raadsperiode" (where the file can be
downloaded) or with the command `demo_line` prints. The new council, against the demo's:
- raadslid2 (Lokaal Belang) is not re-elected: the fractievoorzitter takes over the requests;
- the SP (raadslid26, raadslid27) loses its seats: the fractie ends, the requests end with a
  reason (Kieswet: every four years an election; Gemeentewet art. 7: the credentials);
- raadslid8 moves from the VVD to D66; a new VVD member, and a new fractie "Nieuwe Partij".
"""

from pathlib import Path

from raadsloket.council_term.imports import COLUMNS, COUNCIL_ROLES
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role

SAMPLE = (
    Path(__file__).resolve().parent.parent / "council_term" / "data" / "voorbeeld-verkiezing.csv"
)
LEAVING = ("raadslid2", "raadslid26", "raadslid27")
MOVES = {"raadslid8": "D66"}
NEW = [
    ("Fatima El Amrani", "fatima.elamrani@voorbeeld.example", "Nieuwe Partij", "fractievoorzitter"),
    ("Gerrit Mulder", "gerrit.mulder@voorbeeld.example", "Nieuwe Partij", "raadslid"),
    ("Hanna Visser", "hanna.visser@voorbeeld.example", "VVD", "raadslid"),
]


def _role(roles: set[str]) -> str:
    if Role.FRACTIE_CHAIR in roles:
        return "fractievoorzitter"
    return "raadslid" if Role.COUNCIL_MEMBER in roles else "burgerraadslid"


def sample_csv(municipality) -> str:
    """The new council of the demo's municipality, as the sample file holds it."""
    lines = [",".join(COLUMNS)]
    council = (
        Person.objects.filter(municipality=municipality, role_assignments__role__in=COUNCIL_ROLES)
        .select_related("fractie")
        .distinct()
        .order_by("pk")
    )
    for person in council:
        if person.username in LEAVING:
            continue
        roles = set(person.role_assignments.values_list("role", flat=True))
        fractie = MOVES.get(person.username, person.fractie.name)
        lines.append(f"{person.display_name},{person.email},{fractie},{_role(roles)},")
    lines += [f"{name},{email},{fractie},{role}," for name, email, fractie, role in NEW]
    return "\n".join(lines) + "\n"


def demo_line() -> str:
    return (
        "Verkiezing proberen (niet geladen): als griffier op /raadsperiode/ of met "
        f"raadsloket council-term-install {SAMPLE} --gemeente voorbeeld --date JJJJ-MM-DD --dry-run"
    )
