# SPDX-License-Identifier: EUPL-1.2
"""Retention (Archiefwet, selectielijst): due dates, the vernietigingslijst, its approval by the
griffier, destruction and its log in the audit chain."""

import io
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.management import CommandError, call_command

from raadsloket.assistance.models import HoursEntry
from raadsloket.audit.chain import verify
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.models import Assignment, Case, CaseFile, TimelineEvent
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import new_case, new_written_question, run_to, run_written_to
from raadsloket.notify.models import Notification
from raadsloket.records.models import DestructionItem, DestructionList
from raadsloket.records.retention import add_years, retention_for
from tests.records.records_world import technical_question

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def on(year: int, month: int, day: int):
    return time_machine.travel(datetime(year, month, day, 10, 0, tzinfo=AMSTERDAM), tick=False)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def refused(*args: str) -> str:
    with pytest.raises(CommandError) as caught:
        call_command("retention", *args, stdout=io.StringIO())
    return str(caught.value)


@pytest.fixture
def archive(world, other_world):
    """Cases that ended on Monday 2 March 2020, one still open, one of another municipality."""
    with on(2020, 3, 2):
        return {
            "assistance": run_to(world, new_case(world, title="Geheim bouwplan"), State.CLOSED),
            "withdrawn": run_to(
                world, new_case(world, "raadslid2"), State.WITHDRAWN, member="raadslid2"
            ),
            "technical": technical_question(world, file=b"wijk;laadpalen\nnoord;12\n"),
            "written": run_written_to(world, new_written_question(world), State.PUBLISHED),
            "open": run_to(
                world, new_case(world, "raadslid3"), State.IN_PROGRESS, member="raadslid3"
            ),
            "other": run_to(other_world, new_case(other_world), State.CLOSED),
        }


def test_retention_date_per_instrument_from_the_profile(archive, world):
    profile = world.municipality.policy
    dates = {key: retention_for(archive[key], profile) for key in archive if key != "other"}
    assert dates["open"] is None
    assert dates["assistance"].retention_date == date(2030, 3, 2)
    assert dates["withdrawn"].retention_date == date(2030, 3, 2)
    assert dates["technical"].retention_date == date(2025, 3, 2)
    assert dates["written"].retention_date == date(2030, 3, 2)
    # The municipality's own selectielijst overrides the default.
    world.municipality.policy_overrides = {
        "records": {"retention_years": {"technical_question": 7}}
    }
    world.municipality.save()
    assert retention_for(archive["technical"], world.municipality.policy).retention_date == date(
        2027, 3, 2
    )


def test_leap_day_retention_falls_on_28_february():
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_the_list_shows_what_is_due_and_no_content(archive):
    with on(2025, 3, 1):
        assert "Gemeente Voorbeeld: 0 verzoeken voorbij" in run()
    with on(2025, 3, 2):
        out = run("--gemeente", "voorbeeld")
    technical = archive["technical"]
    assert "Gemeente Voorbeeld: 1 verzoek voorbij de bewaartermijn" in out
    assert technical.reference in out and "technische vraag" in out
    assert "afgesloten 02-03-2020" in out and "vernietigbaar vanaf 02-03-2025 (5 jaar)" in out
    assert technical.title not in out and "212" not in out
    with on(2030, 3, 2):
        out = run()
    for key in ("assistance", "withdrawn", "written", "technical"):
        assert archive[key].reference in out
    assert archive["open"].reference not in out
    assert "Geheim bouwplan" not in out
    assert "Gemeente Domstede: 1 verzoek voorbij" in out
    assert "bestaat niet" in refused("--gemeente", "nergens")


def proposed_list(slug: str = "voorbeeld") -> DestructionList:
    run("--propose", "--gemeente", slug)
    return DestructionList.objects.filter(municipality__slug=slug).latest("pk")


def test_destruction_only_after_the_griffiers_approval(
    archive, world, django_capture_on_commit_callbacks
):
    destroyed = [archive[key] for key in ("assistance", "withdrawn", "technical", "written")]
    file_paths = [
        Path(settings.MEDIA_ROOT) / f.file.name
        for f in CaseFile.objects.filter(case=archive["technical"])
    ]
    assert file_paths and all(path.exists() for path in file_paths)
    with on(2030, 3, 3):
        out = run("--propose", "--gemeente", "voorbeeld")
        destruction_list = DestructionList.objects.get()
        assert f"vernietigingslijst {destruction_list.pk} met 4 verzoeken." in out
        assert {i.case_ref for i in destruction_list.items.all()} == {c.pk for c in destroyed}

        message = refused("--destroy", str(destruction_list.pk))
        assert "alleen na goedkeuring door de griffier" in message
        assert "niet de griffier" in refused(
            "--approve", str(destruction_list.pk), "--as", "raadslid1"
        )
        assert "niet de griffier" in refused(
            "--approve", str(destruction_list.pk), "--as", "raadsadviseur"
        )
        # The griffier of another municipality approves only that municipality's lists.
        assert "niet de griffier" in refused(
            "--approve", str(destruction_list.pk), "--as", "u-griffier"
        )
        assert "bestaat niet" in refused("--approve", str(destruction_list.pk), "--as", "niemand")
        assert Case.objects.filter(pk__in=[c.pk for c in destroyed]).count() == 4

        out = run("--approve", str(destruction_list.pk), "--as", "griffier")
        assert "is goedgekeurd door" in out
        events_before = list(AuditEvent.objects.values_list("seq", "case_ref", "action"))
        with django_capture_on_commit_callbacks(execute=True):
            out = run("--destroy", str(destruction_list.pk))
    assert "4 verzoeken vernietigd" in out

    ids = [case.pk for case in destroyed]
    assert not Case.objects.filter(pk__in=ids).exists()
    for model in (TimelineEvent, Assignment, CaseFile, Notification, HoursEntry):
        assert not model.objects.filter(case_id__in=ids).exists(), model
    assert not any(path.exists() for path in file_paths)
    assert Case.objects.filter(pk=archive["open"].pk).exists()
    assert Case.objects.filter(pk=archive["other"].pk).exists()

    # Every earlier audit event is still there; one `records.destroyed` per case was added.
    after = list(AuditEvent.objects.values_list("seq", "case_ref", "action"))
    assert after[: len(events_before)] == events_before
    logged = AuditEvent.objects.filter(action="records.destroyed").order_by("case_ref")
    assert [event.case_ref for event in logged] == sorted(ids)
    for event, case in zip(logged, sorted(destroyed, key=lambda c: c.pk), strict=True):
        assert event.detail == {
            "reference": case.reference,
            "instrument": case.instrument,
            "closed": "2020-03-02",
            "retention_date": add_years(
                date(2020, 3, 2), 5 if case.instrument == "technical_question" else 10
            ).isoformat(),
            "list": destruction_list.pk,
            "approved_by": "griffier",
        }
        assert case.title not in str(event.detail)
    assert verify() == []

    # The list stays as the record of destruction.
    destruction_list.refresh_from_db()
    assert destruction_list.status == DestructionList.Status.DESTROYED
    assert destruction_list.approved_by == world["griffier"]
    assert (
        DestructionItem.objects.filter(
            destruction_list=destruction_list, destroyed_at__isnull=False
        ).count()
        == 4
    )
    shown = run("--show", str(destruction_list.pk))
    assert "vernietigd" in shown and archive["assistance"].reference in shown
    assert "vernietigd" in refused("--destroy", str(destruction_list.pk))


def test_cases_no_longer_due_are_not_destroyed(archive, world):
    with on(2030, 3, 3):
        destruction_list = proposed_list()
        run("--approve", str(destruction_list.pk), "--as", "griffier")
        # The selectielijst was changed after the approval: assistance is now kept 15 years.
        world.municipality.policy_overrides = {"records": {"retention_years": {"assistance": 15}}}
        world.municipality.save()
        message = refused("--destroy", str(destruction_list.pk))
    assert "er is niets vernietigd" in message
    assert (
        f"{archive['assistance'].reference}: de bewaartermijn loopt nog tot 02-03-2035" in message
    )
    assert f"{archive['withdrawn'].reference}: de bewaartermijn" in message
    assert Case.objects.filter(pk=archive["technical"].pk).exists()
    assert not AuditEvent.objects.filter(action="records.destroyed").exists()


def test_a_reopened_case_is_not_destroyed(archive):
    with on(2030, 3, 3):
        destruction_list = proposed_list()
        run("--approve", str(destruction_list.pk), "--as", "griffier")
        Case.objects.filter(pk=archive["assistance"].pk).update(state=State.IN_PROGRESS)
        Case.objects.filter(pk=archive["withdrawn"].pk).update(
            closed_at=datetime(2029, 1, 10, 12, tzinfo=AMSTERDAM)
        )
        message = refused("--destroy", str(destruction_list.pk))
    assert f"{archive['assistance'].reference}: het verzoek is heropend" in message
    assert (
        f"{archive['withdrawn'].reference}: het verzoek is heropend en op 10-01-2029 "
        "opnieuw afgesloten"
    ) in message
    assert Case.objects.filter(pk=archive["written"].pk).exists()


def test_a_case_is_on_one_open_list_at_a_time(archive):
    with on(2030, 3, 3):
        first = proposed_list()
        assert "niets voor te stellen" in run("--propose", "--gemeente", "voorbeeld")
        run("--cancel", str(first.pk))
        assert "ingetrokken" in refused("--approve", str(first.pk), "--as", "griffier")
        second = proposed_list()
    assert second.pk != first.pk and second.items.count() == first.items.count() == 4
    assert AuditEvent.objects.filter(action="records.list_cancelled").count() == 1
    assert "bestaat niet" in refused("--destroy", "999")
