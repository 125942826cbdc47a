# SPDX-License-Identifier: EUPL-1.2
"""Choose the benchmark's personas and pages, log them in and count each page's queries.

Run with the project's settings (DATABASE_URL pointing at the benchmark database):
    .venv/bin/python bench/perf/personas.py var/bench/10000/endpoints.json

Personas are chosen by role in the municipality with the most cases, never by username, so the
same choice works on the demo data and on `raadsloket generate` data. Each is logged in without a
password (force_login); the session cookie goes to wrk. The file written lists every endpoint
with its URL, cookie and queries per request (after one warm-up request).
"""

import json
import os
import re
import sys
from collections import Counter

import django


def choose() -> tuple[dict, list[tuple[str, str, object, str]]]:
    """The municipality's figures and the endpoints: (name, kind, person or None, url).

    Also used by bench/perf/cpuprofile.py, which profiles the same pages as the same people.
    """
    from django.conf import settings
    from django.db.models import Count
    from django.utils import timezone

    from raadsloket.cases.models import Case
    from raadsloket.cases.states import State
    from raadsloket.organisation.models import Department, Municipality, Person
    from raadsloket.organisation.roles import Role
    from raadsloket.policy.schema import ROUTING_OFFICER_LABELS

    municipality = Municipality.objects.annotate(n=Count("cases")).order_by("-n", "pk").first()
    if municipality is None or municipality.n == 0:
        sys.exit("Geen verzoeken in de benchmarkdatabase: er valt niets te meten.")

    people = Person.objects.filter(municipality=municipality, is_active=True)

    def with_role(role: str, **counts) -> Person:
        chosen = people.filter(role_assignments__role=role)
        if counts:
            chosen = chosen.annotate(**counts).order_by(f"-{next(iter(counts))}", "pk")
        else:
            chosen = chosen.order_by("pk")
        person = chosen.first()
        if person is None:
            sys.exit(f"Geen persoon met de rol '{role}' in {municipality}.")
        return person

    routing_role = municipality.policy.routing.officer
    member = with_role(Role.COUNCIL_MEMBER, n=Count("requested_cases"))
    griffie = with_role(Role.CLERK)
    department = (
        Department.objects.filter(municipality=municipality, manager__isnull=False)
        .annotate(n=Count("staff__assignments"))
        .order_by("-n", "pk")
        .first()
    )
    if department is None:
        sys.exit(f"Geen afdeling met een leidinggevende in {municipality}.")
    case = (
        Case.objects.filter(requester=member)
        .exclude(state=State.DRAFT)
        .order_by("-submitted_at", "-pk")
        .first()
    )
    if case is None:
        sys.exit(f"Raadslid {member} heeft geen ingediend verzoek.")
    titles = (
        Case.objects.filter(municipality=municipality)
        .exclude(state=State.DRAFT)
        .order_by("-created_at", "-pk")
        .values_list("title", flat=True)[:200]
    )
    words = Counter(w for title in titles for w in re.findall(r"[^\W\d_]{6,}", title.lower()))
    if not words:
        sys.exit("Geen zoekwoord van 6 of meer letters in de laatste onderwerpen.")
    word = words.most_common(1)[0][0]
    last_year = timezone.localdate().year - 1

    # (name, kind, person, url); kind "start" and "case" are held to the targets.
    start = [
        ("start raadslid", member),
        ("start griffie", griffie),
        (f"start {ROUTING_OFFICER_LABELS[routing_role]}", with_role(routing_role)),
        ("start ambtenaar", with_role(Role.CIVIL_SERVANT, n=Count("assignments"))),
        ("start leidinggevende", department.manager),
        ("start burgemeester", with_role(Role.MAYOR)),
        ("start collegecontact", with_role(Role.COLLEGE_CONTACT)),
        ("start beheerder", with_role(Role.ADMINISTRATOR)),
    ]
    endpoints = [(name, "start", person, "/") for name, person in start] + [
        ("verzoek", "case", member, f"/verzoeken/{case.pk}"),
        ("zoeken", "search", griffie, f"/api/v1/cases?q={word}"),
        ("API-lijst", "list", griffie, "/api/v1/cases?limit=50"),
        ("jaarverslag", "report", griffie, f"/reflectie/?periode={last_year}"),
        ("vloer", "floor", None, "/gezond"),
    ]
    if getattr(settings, "BENCH_FLOOR", False):
        # The bare-Django floor: session, auth, 20 rows and a template (web/bench_floor.py).
        endpoints.append(("vloer Django", "floor_django", griffie, "/bench/vloer"))
    about = {
        "municipality": municipality.name,
        "municipality_cases": municipality.n,
        "all_cases": Case.objects.count(),
        "search_word": word,
        "last_year": last_year,
    }
    return about, endpoints


def main(out: str) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    about, endpoints = choose()
    rows = []
    for name, kind, person, url in endpoints:
        client = Client()
        if person is not None:
            client.force_login(person)
        client.get(url)  # warm-up: caches, lazily built indexes
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            sys.exit(
                f"{name}: {url} gaf {response.status_code} in plaats van 200 (persoon: {person})."
            )
        rows.append(
            {
                "name": name,
                "kind": kind,
                "url": url,
                "queries": len(queries.captured_queries),
                "person": person.username if person else "",
                "cookie": client.cookies["sessionid"].value if person else "",
            }
        )
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({**about, "endpoints": rows}, handle, indent=1)
    print(
        f"Personen gekozen in {about['municipality']} ({about['municipality_cases']} verzoeken); "
        f"zoekwoord '{about['search_word']}'; jaarverslag {about['last_year']}."
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsloket.settings")
    django.setup()
    main(sys.argv[1])
