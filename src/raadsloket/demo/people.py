# SPDX-License-Identifier: EUPL-1.2
"""A demo municipality with every role (the README's demo logins). Also the world the tests use."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction

from raadsloket.organisation.models import (
    Department,
    Expertise,
    Fractie,
    Municipality,
    Person,
    RoleAssignment,
)
from raadsloket.organisation.roles import PolicyArea, Role

FRACTIES = [  # name, seats: 29 seats in 8 fracties
    ("Lokaal Belang", 6),
    ("VVD", 5),
    ("GroenLinks-PvdA", 5),
    ("CDA", 4),
    ("D66", 3),
    ("ChristenUnie", 2),
    ("SP", 2),
    ("Partij voor de Dieren", 2),
]
DEPARTMENTS = [  # name, policy areas, keywords
    (
        "Sociaal Domein",
        [PolicyArea.SOCIAL, PolicyArea.EDUCATION],
        "jeugdzorg, wmo, participatiewet, leerlingenvervoer, armoede, schuldhulp",
    ),
    (
        "Ruimte en Wonen",
        [PolicyArea.SPATIAL],
        "omgevingsvisie, bestemmingsplan, woningbouw, huisvesting, grondbeleid",
    ),
    (
        "Mobiliteit en Openbare Ruimte",
        [PolicyArea.MOBILITY, PolicyArea.ENVIRONMENT],
        "parkeren, fietspaden, verkeersveiligheid, groen, afval, riolering",
    ),
    (
        "Financiën",
        [PolicyArea.FINANCE],
        "begroting, jaarrekening, ozb, belastingen, reserves, subsidies",
    ),
    (
        "Veiligheid en Dienstverlening",
        [PolicyArea.SAFETY, PolicyArea.ECONOMY],
        "handhaving, evenementen, horeca, ondermijning, burgerzaken",
    ),
    (
        "Bedrijfsvoering",
        [PolicyArea.ORGANISATION, PolicyArea.ENVIRONMENT],
        "personeel, ict, inkoop, huisvesting gemeentehuis, duurzaamheid",
    ),
]
FIRST = [
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Eva",
    "Floor",
    "Gijs",
    "Hanna",
    "Iris",
    "Joost",
    "Kim",
    "Lars",
    "Marieke",
    "Noor",
    "Olaf",
    "Petra",
    "Quinten",
    "Roos",
    "Sem",
    "Tess",
]
LAST = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
]


@dataclass
class World:
    municipality: Municipality
    people: dict[str, Person] = field(default_factory=dict)

    def __getitem__(self, username: str) -> Person:
        return self.people[username]


def _name(index: int) -> tuple[str, str]:
    return FIRST[index % len(FIRST)], LAST[(index * 7) % len(LAST)]


@transaction.atomic
def build_municipality(
    name: str,
    slug: str,
    *,
    preset: str = "vng-model",
    prefix: str = "",
    inhabitants: int = 60_000,
    password: str = "demo",
    overrides: dict | None = None,
) -> World:
    """Create a municipality with every role; usernames as in the README's demo logins."""
    municipality = Municipality.objects.create(
        name=name,
        slug=slug,
        inhabitants=inhabitants,
        policy_preset=preset,
        policy_overrides=overrides or {},
    )
    world = World(municipality)
    hashed = make_password(password)
    counter = iter(range(10_000))

    def person(username: str, roles: list[str], **extra) -> Person:
        first, last = _name(next(counter) + len(slug))
        created = Person.objects.create(
            username=f"{prefix}{username}",
            password=hashed,
            first_name=first,
            last_name=last,
            email=f"{prefix}{username}@{slug}.example",
            municipality=municipality,
            **extra,
        )
        RoleAssignment.objects.bulk_create(
            [RoleAssignment(person=created, role=role) for role in roles]
        )
        world.people[username] = created
        return created

    person("griffier", [Role.CLERK])
    person("raadsadviseur", [Role.COUNCIL_ADVISOR])
    person("raadsadviseur2", [Role.COUNCIL_ADVISOR])
    person("secretaris", [Role.MUNICIPAL_SECRETARY])
    person("kabinetschef", [Role.CABINET_CHIEF])
    person("burgemeester", [Role.MAYOR])
    for number in range(1, 5):
        person(f"wethouder{number}", [Role.ALDERMAN])
    person("beheerder", [Role.ADMINISTRATOR])
    person("collegecontact", [Role.COLLEGE_CONTACT])

    member_number = 0
    for fractie_name, seats in FRACTIES:
        fractie = Fractie.objects.create(municipality=municipality, name=fractie_name, seats=seats)
        for seat in range(seats):
            member_number += 1
            roles = [Role.COUNCIL_MEMBER] + ([Role.FRACTIE_CHAIR] if seat == 0 else [])
            # The treasurer is the second member; a fractie of one keeps its own books.
            if seat == min(1, seats - 1):
                roles.append(Role.FRACTIE_TREASURER)
            person(f"raadslid{member_number}", roles, fractie=fractie)
        if fractie_name == "Lokaal Belang":
            person("fractiemedewerker1", [Role.FRACTIE_EMPLOYEE], fractie=fractie)
            person("commissielid1", [Role.COMMITTEE_MEMBER], fractie=fractie)

    servant_number = 0
    for index, (dept_name, areas, keywords) in enumerate(DEPARTMENTS, start=1):
        manager = person(f"manager{index}", [Role.MANAGER])
        department = Department.objects.create(
            municipality=municipality, name=dept_name, manager=manager
        )
        manager.department = department
        manager.save(update_fields=["department"])
        for slot in range(5):
            servant_number += 1
            servant = person(
                f"ambtenaar{servant_number}", [Role.CIVIL_SERVANT], department=department
            )
            Expertise.objects.create(
                person=servant,
                policy_areas=[str(areas[slot % len(areas)])],
                keywords=", ".join(keywords.split(", ")[slot : slot + 3]),
                weekly_hours=Decimal(2 + (slot * 2) % 7),
            )
    return world
