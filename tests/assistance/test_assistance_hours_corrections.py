# SPDX-License-Identifier: EUPL-1.2
"""Correcting logged hours: a new entry that names the one it corrects, never an edit in place.

The totals of the civil servant, the manager and the case page include the corrections; the
audit chain records each one; no correction makes a total negative; only the assigned civil
servant who logged the hours corrects them.
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.cases import CaseNotFound
from raadsloket.assistance.models import HoursEntry
from raadsloket.audit.chain import verify
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.errors import ActionForbidden, InvalidInput
from raadsloket.cases.transitions import perform
from raadsloket.demo.lifecycle import act, new_case, run_to
from raadsloket.reflection.data import load
from raadsloket.reflection.periods import parse
from tests.support.pages import page

pytestmark = pytest.mark.django_db

REASON = "Dubbel geteld: de middag zat al in de vorige registratie"


@pytest.fixture
def logged(world):
    """A case in progress where ambtenaar1 logged 3,5 hours."""
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    hours = {"worked_on": timezone.localdate().isoformat(), "hours": "3,5", "note": ""}
    return act(world, case, "log_hours", "ambtenaar1", hours)


def original(case) -> HoursEntry:
    return HoursEntry.objects.get(case=case, corrects__isnull=True)


def correction_url(case):
    return reverse("case_action", args=[case.pk, "correct_hours"])


def correct(client, case, hours: str, reason: str = REASON):
    data = {"entry": original(case).pk, "hours": hours, "reason": reason, "version": case.version}
    return client.post(correction_url(case), data)


def test_a_correction_is_a_new_entry_and_every_total_includes_it(world, login, logged):
    client = login(world["ambtenaar1"])
    form = page(client, correction_url(logged))
    assert f"{timezone.localdate():%d-%m-%Y}: 3,5 uur" in form and 'inputmode="decimal"' in form
    assert correct(client, logged, "-1,5").status_code == 302
    entry = original(logged)
    assert entry.hours == Decimal("3.5")  # never edited in place
    fix = entry.corrections.get()
    assert (fix.hours, fix.reason, fix.civil_servant, fix.worked_on) == (
        Decimal("-1.5"),
        REASON,
        entry.civil_servant,
        entry.worked_on,
    )
    servant_home = page(client, "/")
    assert "Totaal geregistreerd: 2,0 uur." in servant_home and "\u22121,5" in servant_home
    servant_case = page(client, reverse("case_detail", args=[logged.pk]))
    assert "Geschreven: 2,0 uur." in servant_case and f"Correctie: {REASON}" in servant_case
    manager = login(world["manager1"])
    assert ">2,0<" in page(manager, "/")
    manager_case = page(manager, reverse("case_detail", args=[logged.pk]))
    # The manager sees the corrected total and the figures, never the reason (the bubble).
    assert "Geschreven: 2,0 uur." in manager_case and "Correctie van \u22121,5 uur" in manager_case
    assert REASON not in manager_case and "Dubbel geteld" not in page(manager, "/")
    # The other department's manager sees none of it.
    assert logged.reference not in page(login(world["manager2"]), "/")


def test_a_correction_is_in_the_audit_chain(world, login, logged):
    correct(login(world["ambtenaar1"]), logged, "-1,5")
    fix = original(logged).corrections.get()
    event = AuditEvent.objects.get(action="hours.correct")
    assert event.case_ref == logged.pk and event.actor_ref == world["ambtenaar1"].username
    assert event.detail == {"entry": fix.pk, "corrects": original(logged).pk, "hours": "-1.5"}
    assert REASON not in str(event.detail)
    assert AuditEvent.objects.filter(action="case.correct_hours", case_ref=logged.pk).exists()
    assert not verify()


def test_hours_may_also_be_added_and_the_api_reads_a_json_number(world, logged):
    data = {"entry": original(logged).pk, "hours": 1.5, "reason": "De avondsessie vergeten"}
    perform(world["ambtenaar1"], logged.pk, "correct_hours", data)
    assert original(logged).corrections.get().hours == Decimal("1.5")
    with pytest.raises(InvalidInput) as refused:
        perform(world["ambtenaar1"], logged.pk, "correct_hours", {**data, "hours": 1.125})
    assert "hours" in refused.value.errors


@pytest.mark.parametrize("taken_off", ["-4", "-3,6"])
def test_a_correction_that_makes_the_total_negative_is_refused(world, login, logged, taken_off):
    response = correct(login(world["ambtenaar1"]), logged, taken_off)
    html = response.content.decode()
    assert response.status_code == 422
    assert "u kunt er hoogstens 3,5 uur aftrekken, anders wordt het totaal negatief" in html
    assert f'value="{taken_off}"' in html and REASON in html  # the input is kept
    assert HoursEntry.objects.filter(case=logged).count() == 1
    assert not AuditEvent.objects.filter(action="hours.correct").exists()


def test_two_corrections_cannot_together_make_the_total_negative(world, login, logged):
    client = login(world["ambtenaar1"])
    assert correct(client, logged, "-3").status_code == 302
    logged.refresh_from_db()
    response = correct(client, logged, "-1")
    assert (
        response.status_code == 422 and "hoogstens 0,5 uur aftrekken" in response.content.decode()
    )
    assert correct(client, logged, "-0,5").status_code == 302
    assert "Totaal geregistreerd: 0,0 uur." in page(client, "/")


@pytest.mark.parametrize(
    ("hours", "reason", "message"),
    [
        ("0", REASON, "Een correctie van 0 uur verandert niets."),
        ("-1,25", REASON, "Vul hoogstens één cijfer achter de komma in."),
        ("-1,5", "", "Dit veld is verplicht."),
    ],
)
def test_a_correction_without_effect_or_reason_is_refused(
    world, login, logged, hours, reason, message
):
    response = correct(login(world["ambtenaar1"]), logged, hours, reason)
    assert response.status_code == 422 and message in response.content.decode()
    assert HoursEntry.objects.filter(case=logged).count() == 1


def test_only_the_assigned_civil_servant_who_logged_hours_corrects_them(world, logged):
    data = {"entry": original(logged).pk, "hours": "-1", "reason": REASON}
    with pytest.raises(CaseNotFound):
        perform(world["ambtenaar2"], logged.pk, "correct_hours", data)  # not assigned
    for username in ("manager1", "raadslid1", "griffier"):
        with pytest.raises(ActionForbidden):
            perform(world[username], logged.pk, "correct_hours", data)
    with pytest.raises(InvalidInput) as refused:
        perform(world["ambtenaar1"], logged.pk, "correct_hours", {**data, "entry": 10**6})
    assert refused.value.errors["entry"] == ["Kies een registratie van uzelf bij dit verzoek."]
    assert HoursEntry.objects.filter(case=logged).count() == 1


def test_nothing_to_correct_offers_no_correction(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    html = page(login(world["ambtenaar1"]), reverse("case_detail", args=[case.pk]))
    assert "Uren registreren" in html and "Uren corrigeren" not in html


def test_the_reflection_report_counts_the_corrected_hours(world, login, logged):
    correct(login(world["ambtenaar1"]), logged, "-1,5")
    today = timezone.localdate()
    data = load(world.municipality, parse(str(today.year)), today)
    assert sum(hours for _, _, hours, _ in data.hours) == pytest.approx(2.0)
