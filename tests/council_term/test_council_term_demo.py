# SPDX-License-Identifier: EUPL-1.2
"""The election of the demo: the sample file fits the demo's council, the demo load does not
run it, and the griffier's dry run and real run install the new council."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from raadsloket.audit.models import AuditEvent
from raadsloket.council_term.models import Departure, Installation
from raadsloket.demo.council_term import SAMPLE, sample_csv
from raadsloket.organisation.models import Municipality, Person

pytestmark = pytest.mark.django_db


def test_the_demo_election_dry_run_then_real_run(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert "raadsloket council-term-install" in out.getvalue()
    town = Municipality.objects.get(slug="voorbeeld")
    assert SAMPLE.read_text(encoding="utf-8") == sample_csv(town)
    assert not Installation.objects.exists()
    day = date.today().isoformat()
    people, events = Person.objects.count(), AuditEvent.objects.count()
    dry = io.StringIO()
    call_command(
        "council_term_install",
        str(SAMPLE),
        "--date",
        day,
        "--gemeente",
        "voorbeeld",
        "--dry-run",
        stdout=dry,
    )
    assert "fractie SP: houdt op" in dry.getvalue()
    assert (Person.objects.count(), AuditEvent.objects.count()) == (people, events)
    real = io.StringIO()
    call_command(
        "council_term_install", str(SAMPLE), "--date", day, "--gemeente", "voorbeeld", stdout=real
    )
    assert "De nieuwe raad is geïnstalleerd." in real.getvalue()
    assert Person.objects.count() == people + 3
    assert Departure.objects.filter(access_ended_at__isnull=False).count() == 3
