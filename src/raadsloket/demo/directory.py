# SPDX-License-Identifier: EUPL-1.2
"""The demo's "Wie helpt mij?": what each person of Voorbeeld's griffie helps with, and one
entry of the municipality's own (toolkit seed, "Kennis en data": many municipalities have a
team that does research and gathers data). Through raadsloket.directory.services, as the
griffier would, so the audit chain holds each step. The national entries are already there
(the municipality got them when it was made)."""

from raadsloket.access.viewer import viewer_for
from raadsloket.demo.people import World
from raadsloket.directory import services
from raadsloket.directory.models import Category

HELPS_WITH = {
    "griffier": "Uw rechten als raadslid, het Reglement van Orde, de agenda van de raad, "
    "integriteit en kleine incidenten van bedreiging of intimidatie.",
    "raadsadviseur": "Moties, amendementen en initiatiefvoorstellen schrijven; de begroting en "
    "de jaarrekening lezen; contact met de rekenkamercommissie en de accountant.",
    "raadsadviseur2": "Technische vragen aan de ambtelijke organisatie, de opleidingen en het "
    "opleidingsbudget, en uw inwerkprogramma.",
}


def load_directory(world: World) -> str:
    viewer = viewer_for(world["griffier"])
    for username, text in HELPS_WITH.items():
        services.set_help(viewer, world[username], text)
    services.create_entry(
        viewer,
        services.EntryInput(
            name="Team Onderzoek en Statistiek van de gemeente",
            category=Category.KNOWLEDGE,
            purpose="Cijfers en onderzoek over onze eigen gemeente: de monitor sociaal domein, "
            "de bevolkingsprognose en de wijkcijfers. Vraag de griffie om contact.",
        ),
    )
    return f"Ondersteuning: 'helpt met' van {len(HELPS_WITH)} griffiemedewerkers, 1 eigen ingang."
