# SPDX-License-Identifier: EUPL-1.2
"""The management commands a beheerder uses: token, demo, audit-verify, and the console script."""

import io
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from raadsloket.api.models import ApiToken
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import new_case
from raadsloket.organisation.models import Department, Fractie, Municipality, Person
from raadsloket.organisation.roles import Role

CONSOLE_SCRIPT = Path(sys.executable).parent / "raadsloket"


def token_for(username: str, *args: str) -> str:
    out = io.StringIO()
    call_command("token", username, *args, stdout=out)
    return out.getvalue().strip()


def me(client, token: str):
    return client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")


def test_token_authenticates_and_only_its_hash_is_stored(client, world):
    token = token_for("raadslid1", "--label", "koppeling")
    assert token.startswith("rl_")
    response = me(client, token)
    assert response.status_code == 200
    assert response.json()["username"] == "raadslid1"
    assert response.json()["municipality"] == "Gemeente Voorbeeld"
    _, prefix, secret = token.split("_", 2)
    stored = ApiToken.objects.get(prefix=prefix)
    assert stored.person == world["raadslid1"] and stored.label == "koppeling"
    for row in ApiToken.objects.values():
        assert not any(token in str(value) or secret in str(value) for value in row.values())
    assert stored.key_hash != secret and len(stored.key_hash) == 64
    # The secret is not in the audit log either.
    assert not any(secret in str(e.detail) for e in AuditEvent.objects.all())


def test_an_expired_or_revoked_token_is_refused(client, world):
    expired, revoked = token_for("griffier"), token_for("griffier")
    ApiToken.objects.filter(prefix=expired.split("_")[1]).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    ApiToken.objects.filter(prefix=revoked.split("_")[1]).update(revoked_at=timezone.now())
    tampered = token_for("griffier")[:-2] + "xx"
    for token in (expired, revoked, tampered, "rl_bestaatniet_geheim", "zomaar-iets"):
        response = me(client, token)
        assert response.status_code == 401, token
        assert response.json()["detail"] == "Niet ingelogd of ongeldige API-sleutel."
    assert client.get("/api/v1/me").status_code == 401


def test_a_token_for_an_inactive_person_is_refused(client, world):
    token = token_for("raadslid3")
    Person.objects.filter(username="raadslid3").update(is_active=False)
    assert me(client, token).status_code == 401


def test_token_for_an_unknown_user_is_a_dutch_error(world):
    with pytest.raises(CommandError, match="Gebruiker 'niemand' bestaat niet"):
        token_for("niemand")
    with pytest.raises(CommandError, match="--days moet tussen 1 en 365 liggen"):
        token_for("griffier", "--days", "0")
    assert not ApiToken.objects.exists()


def test_token_days_sets_the_expiry(world):
    token = token_for("griffier", "--days", "7")
    stored = ApiToken.objects.get(prefix=token.split("_")[1])
    assert timedelta(days=6) < stored.expires_at - timezone.now() <= timedelta(days=7)


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
    assert set(cases.values_list("state", flat=True)) == set(State.values)
    assert Municipality.objects.filter(policy_preset="utrecht").exists()
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


def test_console_script_maps_audit_verify(world, monkeypatch, capsys):
    from raadsloket.__main__ import main

    new_case(world)
    # run_from_argv closes every connection when done; on PostgreSQL that would end the
    # test's transaction under it.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    monkeypatch.setattr(sys, "argv", ["raadsloket", "audit-verify"])
    main()
    assert "Auditketen intact" in capsys.readouterr().out
    AuditEvent.objects.filter(pk=AuditEvent.objects.first().pk).update(actor_ref="iemand")
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code != 0
    assert "NIET intact" in capsys.readouterr().err


def test_console_script_shows_a_policy():
    # A subprocess uses the real settings database: only commands that need none.
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "policy", "show", "vng-model"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "municipal_secretary" in result.stdout
    assert "capacity_confirmation_hours" in result.stdout
