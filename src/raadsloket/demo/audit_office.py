# SPDX-License-Identifier: EUPL-1.2
"""The rekenkamer and the accountant cycle for the demo (toolkit seed, "Rekenkamer" and
"Accountant"): a request the rekenkamer took up and reported on, one still waiting for its
decision, this year's programme and this year's cycle with an auditcommissie meeting. Made
through raadsloket.audit_office.services as the griffie would, so the audit chain holds each
step."""

from datetime import timedelta

from django.utils import timezone

from raadsloket.audit_office import services
from raadsloket.audit_office.models import CycleKind, StudyRequest
from raadsloket.demo.people import World
from raadsloket.registers.models import Motion


def load_audit_office(world: World) -> str:
    griffier = world["griffier"]
    today = timezone.localdate()
    motion = Motion.objects.filter(municipality=world.municipality).order_by("pk").first()
    reported = services.file_request(
        griffier,
        {
            "subject": "Effect van het armoedebeleid",
            "question": (
                "Bereikt het armoedebeleid de inwoners voor wie het bedoeld is, en wat kost "
                "het per bereikt huishouden?"
            ),
            "reason": (
                "De raad wil bij de evaluatie van het armoedebeleid weten of de regelingen hun "
                "doelgroep bereiken."
            ),
            "council_decision": "Raadsbesluit 2026-031",
            "motion_number": motion.number if motion else "",
        },
    )
    # The demo's request was made months ago: the dates of its steps follow it.
    filed = today - timedelta(days=240)
    StudyRequest.objects.filter(pk=reported.pk).update(filed_on=filed)
    reported.refresh_from_db()
    reported = services.act(
        griffier,
        reported,
        "in_behandeling",
        {"decided_on": filed + timedelta(days=21), "reasons": "Past in het programma."},
    )
    reported = services.act(griffier, reported, "starten", {})
    services.act(
        griffier,
        reported,
        "rapport",
        {
            "report_title": "Bereik en kosten van het armoedebeleid",
            "report_date": today - timedelta(days=10),
            "report_url": "https://www.example.org/rekenkamer/armoedebeleid.pdf",
        },
    )
    services.file_request(
        griffier,
        {
            "subject": "Sturing op verbonden partijen",
            "question": "Hoe stuurt het college op de gemeenschappelijke regelingen?",
            "reason": "De raad ziet de bijdragen aan verbonden partijen elk jaar stijgen.",
        },
    )
    for quarter, title in (
        (1, "Bereik en kosten van het armoedebeleid"),
        (2, "Onderhoud van de openbare ruimte"),
        (4, "Doorwerking van eerdere aanbevelingen"),
    ):
        services.add_programme_study(
            griffier, {"year": today.year, "quarter": quarter, "title": title}
        )
    made = services.generate_cycle(griffier, today.year)
    services.add_cycle_date(
        griffier,
        {
            "budget_year": today.year,
            "kind": CycleKind.COMMITTEE,
            "date": today + timedelta(days=10),
            "title": "Auditcommissie bespreekt de boardletter met de accountant",
        },
    )
    return (
        "Rekenkamer: 2 verzoeken (1 met rapport), programma met 3 onderzoeken, "
        f"accountantscyclus {today.year} met {len(made)} data en een auditcommissie."
    )
