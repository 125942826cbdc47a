# SPDX-License-Identifier: EUPL-1.2
"""Prepare the load run: a municipality with its people, some open cases, an API token each.

Run with the project's settings (DATABASE_URL pointing at the load database):
    .venv/bin/python bench/load/prepare.py var/load/people.json
"""

import json
import os
import sys

import django


def main(out: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsloket.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from raadsloket.api.tokens import issue
    from raadsloket.demo.lifecycle import new_case, run_to
    from raadsloket.demo.people import build_municipality

    # This empties the database: never anything but the load database.
    name = str(connection.settings_dict["NAME"])
    if "load" not in name:
        sys.exit(
            f"Weigering: '{name}' is geen belastingtestdatabase (de naam moet 'load' bevatten)."
        )
    call_command("flush", interactive=False, verbosity=0)
    world = build_municipality("Gemeente Belasting", "belasting", password="load")
    for number in range(1, 30):
        case = new_case(
            world,
            f"raadslid{number}",
            instrument="technical_question",
            title=f"Startvraag {number}",
            question="Hoeveel woningen zijn er vorig jaar in de wijk gebouwd?",
        )
        run_to(world, case, "submitted", member=f"raadslid{number}")

    def tokens(prefix: str, count: int) -> list[dict]:
        people = [world[f"{prefix}{n}"] for n in range(1, count + 1)]
        return [{"username": p.username, "pk": p.pk, "token": issue(p, days=2)} for p in people]

    people = {
        "members": tokens("raadslid", 29),
        "griffie": [
            {"username": u, "pk": world[u].pk, "token": issue(world[u], days=2)}
            for u in ("griffier", "raadsadviseur", "raadsadviseur2")
        ],
        "routing": [
            {
                "username": "secretaris",
                "pk": world["secretaris"].pk,
                "token": issue(world["secretaris"], days=2),
            }
        ],
        "servants": tokens("ambtenaar", 30),
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(people, handle)
    print(f"Belastingtest voorbereid: {sum(len(v) for v in people.values())} sleutels in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
