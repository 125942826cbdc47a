# SPDX-License-Identifier: EUPL-1.2
"""Demo data for Mijn vergoeding and the tijdsbesteding (toolkit, "Vergoeding en politiek
verlof", "Format voor tijdsbesteding"): the newest member of Gemeente Voorbeeld (raadslid29),
with a seat on an onderzoekscommissie, an ideal week and last week's real week."""

from datetime import timedelta

from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.allowances.models import ExtraRole
from raadsloket.allowances.services import assign_extra_role
from raadsloket.demo.people import World
from raadsloket.time_planner.planner import grid_from_json
from raadsloket.time_planner.services import save_week

USERNAME = "raadslid29"
IDEAL = {
    "reading": ["2", "1,5", "2", "1", "1", "1", "0"],
    "meetings": ["0", "3", "0", "3", "0", "0", "0"],
    "writing": ["0", "0", "1", "0", "1", "0", "0"],
    "visits": ["0", "0", "0", "0", "2", "0", "0"],
    "residents": ["1", "0", "1", "0", "0", "2", "0"],
    "reflecting": ["0", "0", "0", "0", "0.5", "0", "0.5"],
    "training": ["0", "0", "1", "0", "0", "0", "0"],
    "social_media": ["0.5", "0.5", "0.5", "0.5", "0.5", "0", "0"],
    "party": ["0", "0", "0", "1", "0", "0", "0"],
}
REAL = {
    "reading": ["3", "2.5", "3", "2", "1", "2", "1"],
    "meetings": ["0", "4", "0", "3.5", "0", "0", "0"],
    "writing": ["0", "0", "0.5", "0", "0", "0", "0"],
    "residents": ["0", "0", "1", "0", "0", "0", "0"],
    "social_media": ["1", "1", "1", "1", "1", "1.5", "1"],
    "media": ["0", "0", "0.5", "0", "0", "0", "0"],
    "party": ["0", "0", "0", "2", "0", "0", "0"],
    "other": ["0", "0", "0", "0", "1", "0", "0"],
}


def _grid(data: dict):
    return grid_from_json({code: [v.replace(",", ".") for v in row] for code, row in data.items()})


def load_toolkit(world: World) -> str:
    # The council's 29 seats are all taken (demo/people.py): the newest member holds the last.
    member = world[USERNAME]
    today = timezone.localdate()
    griffier = world["griffier"]
    assign_extra_role(
        viewer_for(griffier),
        griffier,
        member,
        ExtraRole.Kind.INQUIRY_COMMITTEE,
        since=today.replace(month=1, day=1),
        description="Onderzoekscommissie jeugdzorg",
    )
    viewer = viewer_for(member)
    save_week(viewer, member, monday=None, hours=_grid(IDEAL))
    last_monday = today - timedelta(days=today.weekday() + 7)
    save_week(
        viewer,
        member,
        monday=last_monday,
        hours=_grid(REAL),
        answers={
            "noticed": "Ik lees veel meer stukken dan ik wilde, en in het weekend.",
            "difference": "Minder tijd voor inwoners en werkbezoeken dan in mijn ideale week.",
        },
    )
    return (
        f"Toolkit: nieuw raadslid {USERNAME} (vergoeding, onderzoekscommissie, een ideale en een "
        "werkelijke week)."
    )
