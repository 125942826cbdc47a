# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket demo`: the demo municipality, loaded only on purpose and only once."""

import io

import pytest
from django.core.management import CommandError, call_command

from raadsloket.audit.models import AuditEvent
from raadsloket.cases.instruments import Channel
from raadsloket.cases.models import Case
from raadsloket.cases.states import UNCONFIRMED_CONTACT_STATES, State
from raadsloket.organisation.models import Department, Fractie, Municipality, Person
from raadsloket.organisation.roles import Role


def test_demo_refuses_without_debug_or_force(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=true of --force"):
        call_command("demo", stdout=io.StringIO())
    assert not Municipality.objects.exists()


def test_demo_loads_once_with_force(db, settings):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("demo", "--force", stdout=out)
    assert "wachtwoord voor iedereen: demo" in out.getvalue()

    town = Municipality.objects.get(name="Gemeente Voorbeeld")
    assert town.policy_preset == "vng-model"
    assert 50_000 <= town.inhabitants <= 70_000
    people = Person.objects.filter(municipality=town)
    members = people.filter(role_assignments__role=Role.COUNCIL_MEMBER)
    assert members.count() == 29
    # 8 fracties, and Groep Van Dam that split off Lokaal Belang (demo/budgets.py).
    assert Fractie.objects.filter(municipality=town).count() == 9
    assert sum(Fractie.objects.filter(municipality=town).values_list("seats", flat=True)) == 29
    assert members.filter(fractie__isnull=True).count() == 0
    servants = people.filter(role_assignments__role=Role.CIVIL_SERVANT)
    assert servants.count() == 30
    departments = Department.objects.filter(municipality=town)
    assert departments.count() == 6
    assert departments.filter(manager__isnull=True).count() == 0
    assert servants.filter(department__isnull=True).count() == 0
    for role, count in (
        (Role.CLERK, 1),
        (Role.MUNICIPAL_SECRETARY, 1),
        (Role.CABINET_CHIEF, 1),
        (Role.MAYOR, 1),
        (Role.ALDERMAN, 4),
        (Role.ADMINISTRATOR, 1),
    ):
        assert people.filter(role_assignments__role=role).count() == count, role
    assert people.filter(role_assignments__role__in=[Role.CLERK, Role.COUNCIL_ADVISOR]).count() >= 3
    for username in (
        "griffier",
        "raadsadviseur",
        "secretaris",
        "kabinetschef",
        "burgemeester",
        "wethouder4",
        "beheerder",
        "raadslid29",
        "ambtenaar30",
        "manager6",
    ):
        assert people.filter(username=username).exists(), username
    assert people.get(username="raadslid1").check_password("demo")

    cases = Case.objects.filter(municipality=town)
    assert cases.count() >= 20
    # Direct contacts exist only where the verordening allows them (Utrecht profile).
    every_state = set(State.values) - UNCONFIRMED_CONTACT_STATES
    assert set(cases.values_list("state", flat=True)) == every_state
    assert Municipality.objects.filter(policy_preset="utrecht").exists()
    direct = Case.objects.filter(municipality__slug="domstede", channel=Channel.DIRECT_CONTACT)
    assert set(direct.values_list("state", flat=True)) == {
        State.CONTACT_LOGGED,
        State.CONTACT_REJECTED,
        State.DELIVERED,
    }
    assert Person.objects.filter(username="u-griffier").exists()

    counts = (
        Municipality.objects.count(),
        Person.objects.count(),
        Case.objects.count(),
        AuditEvent.objects.count(),
    )
    again = io.StringIO()
    call_command("demo", "--force", stdout=again)
    assert "al geladen" in again.getvalue()
    assert (
        Municipality.objects.count(),
        Person.objects.count(),
        Case.objects.count(),
        AuditEvent.objects.count(),
    ) == counts
    call_command("audit_verify", stdout=io.StringIO())
