# SPDX-License-Identifier: EUPL-1.2
"""Installing a new council after an election: a bad file changes nothing, a dry run changes
nothing, the real run installs the new members, ends the leaving members' access on the day,
passes or ends their requests, closes the SP's seats, and a second run changes nothing."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

from raadsloket.access.viewer import viewer_for
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.cases.states import State
from raadsloket.council_term.models import Departure, Installation, Invitation, Newcomer
from raadsloket.council_term.services import RETENTION_DAYS, install, run_due
from raadsloket.fractie_support.models import SeatPeriod
from raadsloket.organisation.models import Fractie, Person, RoleAssignment
from raadsloket.organisation.roles import Role
from tests.council_term.scene import HEADER, LEAVING, NEW, csv_bytes, open_requests

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY = date(2026, 4, 14)


def at(day: date, hour: int = 10):
    return time_machine.travel(
        datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM), tick=False
    )


def counts() -> dict[str, int]:
    return {
        "people": Person.objects.count(),
        "active": Person.objects.filter(is_active=True).count(),
        "roles": RoleAssignment.objects.count(),
        "fracties": Fractie.objects.count(),
        "seats": SeatPeriod.objects.count(),
        "audit": AuditEvent.objects.count(),
        "open": Case.objects.exclude(state__in=[State.CLOSED, State.WITHDRAWN]).count(),
        "installations": Installation.objects.count(),
    }


def signs_in(client, username: str) -> bool:
    """The login page accepts the person's password (inactive accounts are refused)."""
    client.logout()
    response = client.post(reverse("login"), {"username": username, "password": "demo"})
    return response.status_code == 302


def run(world, content: bytes, *, dry_run: bool, name: str = "geloofsbrieven.csv", on=DAY):
    clerk = world["griffier"]
    return install(viewer_for(clerk), clerk, name, content, on=on, dry_run=dry_run)


def _xlsx() -> bytes:
    import io

    book = Workbook()
    book.active.append(HEADER.split(","))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BAD = {
    "wrong e-mail": (
        ["Iris Bos,iris-at-example.org,VVD,raadslid,"],
        "kolom 'e-mail': 'iris-at-example.org' is geen e-mailadres",
    ),
    "unknown role": (
        ["Iris Bos,iris@example.org,VVD,wethouder,"],
        "kolom 'rol': 'wethouder' is geen rol; kies uit: raadslid, burgerraadslid, fractievoorzitter",
    ),
    "duplicate": (
        ["Iris Bos,iris@example.org,VVD,raadslid,", "Iris Bos,IRIS@example.org,VVD,raadslid,"],
        "kolom 'e-mail': iris@example.org staat ook in rij",
    ),
    "wrong date": (
        ["Iris Bos,iris@example.org,VVD,raadslid,31-02-2026"],
        "kolom 'ingangsdatum': '31-02-2026' is geen datum",
    ),
    "empty name": ([",iris@example.org,VVD,raadslid,"], "kolom 'naam': is leeg"),
    "second chair": (
        ["Iris Bos,iris@example.org,VVD,fractievoorzitter,"],
        "VVD heeft al een fractievoorzitter in rij",
    ),
}


@pytest.mark.parametrize("fault", sorted(BAD))
def test_a_bad_row_is_named_in_dutch_and_nothing_changes(world, fault):
    extra, expected = BAD[fault]
    content = csv_bytes(world, extra)
    before = counts()
    for dry_run in (True, False):
        plan = run(world, content, dry_run=dry_run)
        assert not plan.ok and not plan.applied
        messages = [str(error) for error in plan.errors]
        assert any(expected in message for message in messages), messages
        # The row number of the faulty line (header is row 1, the members follow).
        assert all(message.startswith("Rij ") for message in messages)
    assert counts() == before


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"", "leeg.csv", "het bestand is leeg"),
        (HEADER.encode(), "kop.csv", "kopregel maar geen rijen"),
        (
            b"naam,e-mail,rol\nIris,iris@example.org,raadslid",
            "kort.csv",
            "mist de kolom(men) fractie",
        ),
    ],
)
def test_an_empty_file_or_a_missing_column_changes_nothing(world, content, name, expected):
    before = counts()
    plan = run(world, content, dry_run=False, name=name)
    assert any(expected in str(error) for error in plan.errors), plan.errors
    assert counts() == before


def test_an_excel_file_is_refused_with_the_advice_to_save_it_as_csv(world, tmp_path):
    before = counts()
    path = tmp_path / "geloofsbrieven.xlsx"
    path.write_bytes(_xlsx())
    with pytest.raises(CommandError, match="Excel-bestand. Sla het op als 'CSV UTF-8"):
        call_command(
            "council_term_install", str(path), "--date", "2026-04-14", "--gemeente", "voorbeeld"
        )
    assert counts() == before


def test_an_e_mail_of_another_municipality_or_of_a_wethouder_is_refused(world, other_world):
    extra = [
        f"X,{other_world['raadslid1'].email},VVD,raadslid,",
        f"Y,{world['wethouder1'].email},VVD,raadslid,",
    ]
    before = counts()
    plan = run(world, csv_bytes(world, extra), dry_run=False)
    text = " | ".join(str(error) for error in plan.errors)
    assert "hoort bij iemand van een andere gemeente" in text
    assert "Gemeentewet art. 13 en 36b" in text
    assert counts() == before


def test_the_dry_run_shows_the_whole_change_and_changes_nothing(world):
    ids = open_requests(world)
    before = counts()
    plan = run(world, csv_bytes(world), dry_run=True)
    assert plan.ok and not plan.applied
    assert counts() == before
    assert [row.email for row in plan.new] == [email for _, email, _, _ in NEW]
    assert {leaving.person.username for leaving in plan.leaving} == set(LEAVING)
    moved = {stay.person.username: stay.changes for stay in plan.changed_staying}
    assert moved == {"raadslid8": ["fractie VVD → D66"]}
    steps = {step.case.pk: step for leaving in plan.leaving for step in leaving.cases}
    assert steps[ids["passed"]].action == "pass"
    assert steps[ids["passed"]].successor == world["raadslid1"]
    assert steps[ids["closed"]].action == "close"
    assert steps[ids["withdrawn"]].action == "withdraw"
    seats = {
        change.fractie: (change.before, change.after, change.new, change.ends)
        for change in plan.seats
    }
    assert seats == {
        "Nieuwe Partij": (0, 2, True, False),
        "Lokaal Belang": (6, 5, False, False),
        "D66": (3, 4, False, False),
        "SP": (2, 0, False, True),
    }
    assert any("SP eindigt op 14-04-2026" in note for note in plan.budgets)


def test_the_real_run_installs_the_new_council_in_one_audited_transaction(world, client):
    ids = open_requests(world)
    with at(DAY):
        plan = run(world, csv_bytes(world), dry_run=False)
    assert plan.applied
    new = Person.objects.get(email="fatima.elamrani@example.org")
    assert new.fractie.name == "Nieuwe Partij" and not new.has_usable_password()
    assert set(new.role_assignments.values_list("role", flat=True)) == {
        Role.COUNCIL_MEMBER,
        Role.FRACTIE_CHAIR,
    }
    assert Newcomer.objects.filter(person=new).exists()
    assert Invitation.objects.filter(person=new, used_at__isnull=True).count() == 1
    assert Person.objects.get(username="raadslid8").fractie.name == "D66"
    # Leaving: account closed, roles kept for the records (privacy.anonymise names them).
    for username in LEAVING:
        person = Person.objects.get(username=username)
        assert not person.is_active
        assert viewer_for(person).roles == frozenset()
        assert not signs_in(client, username)
    assert signs_in(client, "raadslid1")
    passed = Case.objects.get(pk=ids["passed"])
    assert passed.requester == world["raadslid1"] and passed.state == State.SUBMITTED
    closed = Case.objects.get(pk=ids["closed"])
    assert closed.state == State.CLOSED
    withdrawn = Case.objects.get(pk=ids["withdrawn"])
    assert withdrawn.state == State.WITHDRAWN
    for case in (closed, withdrawn):
        assert (
            "raadsperiode van de indiener is op 14-04-2026"
            in TimelineEvent.objects.get(case=case, action__in=["close", "withdraw"]).detail
        )
    sp = Fractie.objects.get(name="SP")
    assert SeatPeriod.objects.get(fractie=sp, end__isnull=False).end == DAY - timedelta(days=1)
    assert Fractie.objects.get(name="Lokaal Belang").seats == 5
    event = AuditEvent.objects.filter(action="council_term.installed").get()
    assert event.detail["new"] == 3 and event.detail["leaving"] == 3


def test_a_second_run_changes_nothing(world, tmp_path, capsys):
    open_requests(world)
    content = csv_bytes(world)
    with at(DAY):
        run(world, content, dry_run=False)
        before = counts()
        again = run(world, content, dry_run=False)
        path = tmp_path / "geloofsbrieven.csv"
        path.write_bytes(content)
        call_command(
            "council_term_install", str(path), "--date", "2026-04-14", "--gemeente", "voorbeeld"
        )
    assert again.is_empty and not again.applied
    assert counts() == before
    assert "Er verandert niets" in capsys.readouterr().out


def test_access_ends_on_the_day_and_data_is_anonymised_after_the_retention_period(world, client):
    with at(DAY - timedelta(days=3)):
        run(world, csv_bytes(world), dry_run=False)
        run_due()
        # Before the day: still a member, still signs in.
        assert signs_in(client, "raadslid2")
        assert Role.COUNCIL_MEMBER in viewer_for(Person.objects.get(username="raadslid2")).roles
    client.logout()
    with at(DAY, hour=1):
        assert run_due().ended == 3
        assert not signs_in(client, "raadslid2")
        assert viewer_for(Person.objects.get(username="raadslid2")).roles == frozenset()
        assert run_due().ended == 0
    departure = Departure.objects.get(person=world["raadslid2"])
    assert departure.anonymise_on == DAY + timedelta(days=RETENTION_DAYS)
    with at(departure.anonymise_on - timedelta(days=1)):
        assert run_due().anonymised == 0
    with at(departure.anonymise_on):
        assert run_due().anonymised == 3
    person = Person.objects.get(pk=world["raadslid2"].pk)
    assert person.username == f"oud-raadslid-{person.pk}" and person.email == ""


def test_a_signed_in_leaving_member_loses_the_session_on_the_day(world, client):
    client.force_login(world["raadslid2"])
    assert client.get(reverse("home")).status_code == 200
    with at(DAY):
        run(world, csv_bytes(world), dry_run=False)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_command_prints_the_dry_run_and_changes_nothing(world, tmp_path, capsys):
    path = tmp_path / "geloofsbrieven.csv"
    path.write_bytes(csv_bytes(world))
    before = counts()
    call_command(
        "council_term_install",
        str(path),
        "--date",
        "2026-04-14",
        "--gemeente",
        "voorbeeld",
        "--dry-run",
    )
    out = capsys.readouterr().out
    assert "nieuw: Fatima El Amrani" in out and "fractie SP: houdt op, 2 → 0" in out
    assert "Proefrun: er is niets veranderd." in out
    assert counts() == before
    with pytest.raises(CommandError, match="--date"):
        call_command(
            "council_term_install", str(path), "--date", "14 april", "--gemeente", "voorbeeld"
        )


def test_a_failure_halfway_leaves_nothing_half_written(world, monkeypatch):
    """One transaction: when the last step fails, the accounts, roles, fracties, seats, passed
    requests and audit events of the steps before it are gone too."""
    from raadsloket.council_term import services

    open_requests(world)
    before = counts()
    requesters = dict(Case.objects.values_list("pk", "requester_id"))

    def broken(departure):
        raise RuntimeError("stroomstoring")

    monkeypatch.setattr(services, "end_access", broken)
    with at(DAY), pytest.raises(RuntimeError):
        run(world, csv_bytes(world), dry_run=False)
    assert counts() == before
    assert dict(Case.objects.values_list("pk", "requester_id")) == requesters
    assert not Person.objects.filter(email="fatima.elamrani@example.org").exists()
