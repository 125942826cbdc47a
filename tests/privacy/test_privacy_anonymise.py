# SPDX-License-Identifier: EUPL-1.2
"""Anonymising people who left: their personal data goes, the municipality's records stay."""

import pytest
from axes.models import AccessLog
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadsloket.api.models import ApiToken
from raadsloket.api.tokens import issue
from raadsloket.assistance.models import Evaluation, HoursEntry
from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.notify.delivery import choose_delivery
from raadsloket.notify.models import Notification, NotificationSetting
from raadsloket.organisation.models import Expertise, Person, RoleAssignment
from raadsloket.privacy.anonymise import AnonymisationRefused, anonymise


def close_account(person: Person) -> Person:
    person.is_active = False
    person.save(update_fields=["is_active"])
    return Person.objects.get(pk=person.pk)


def traces(person: Person) -> dict[str, str]:
    return {
        "username": person.username,
        "name": person.get_full_name(),
        "first": person.first_name,
        "last": person.last_name,
        "email": person.email,
    }


def person_row(pk: int) -> str:
    """The person's database row as stored, every column as text.

    Without the password column: an unusable password is random letters, in which a short
    first name could turn up by chance.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Person._meta.db_table} WHERE id = %s", [pk])
        names = [column[0] for column in cursor.description]
        return " ".join(
            str(value)
            for name, value in zip(names, cursor.fetchone(), strict=True)
            if name != "password"
        )


def test_an_active_person_is_refused_in_dutch_and_nothing_changes(scene):
    person = scene["raadslid7"]
    with pytest.raises(AnonymisationRefused, match="nog actief"):
        anonymise(person)
    assert Person.objects.get(pk=person.pk).username == "raadslid7"
    assert not AuditEvent.objects.filter(action="privacy.anonymised").exists()


def test_a_former_member_is_anonymised_and_their_cases_stay(scene, client):
    member = scene["raadslid7"]
    old = traces(member)
    issue(member)
    choose_delivery(member, "daily_digest")
    TOTPDevice.objects.create(user=member, name="telefoon", confirmed=True)
    AccessLog.objects.create(
        username=old["username"],
        ip_address="192.0.2.7",
        user_agent="test",
        http_accept="*/*",
        path_info="/inloggen/",
    )
    assert Notification.objects.filter(recipient=member).exists()
    cases = set(Case.objects.filter(requester=member).values_list("pk", flat=True))
    evaluations = Evaluation.objects.filter(person=member).count()

    result = anonymise(close_account(member))

    pseudonym = f"oud-raadslid-{member.pk}"
    assert result.pseudonym == pseudonym and not result.dry_run
    member = Person.objects.get(pk=member.pk)
    assert member.username == pseudonym and member.display_name == pseudonym
    assert (member.first_name, member.last_name, member.email) == ("", "", "")
    assert not member.has_usable_password() and member.last_login is None
    row = person_row(member.pk)
    for value in old.values():
        assert value not in row
    assert not ApiToken.objects.filter(person=member).exists()
    assert not Notification.objects.filter(recipient=member).exists()
    assert not NotificationSetting.objects.filter(person=member).exists()
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not AccessLog.objects.filter(username=old["username"]).exists()
    assert AccessLog.objects.filter(username=pseudonym).count() == 1
    # The roles held stay: the records are read by them.
    assert set(RoleAssignment.objects.filter(person=member).values_list("role", flat=True)) == {
        "council_member",
        "fractie_chair",
    }
    # The municipality's records stay intact and point at the anonymised person.
    assert set(Case.objects.filter(requester=member).values_list("pk", flat=True)) == cases
    assert Evaluation.objects.filter(person=member).count() == evaluations
    client.force_login(scene["griffier"])
    html = client.get(f"/verzoeken/{scene.confidential.pk}").content.decode()
    assert pseudonym in html and old["name"] not in html and old["email"] not in html


def test_names_written_into_the_timeline_are_replaced_records_stay(scene):
    servant = scene["ambtenaar1"]
    name = servant.display_name
    assert TimelineEvent.objects.filter(detail__contains=name).exists()  # "Toegewezen aan ..."
    hours = HoursEntry.objects.filter(civil_servant=servant).count()
    events = TimelineEvent.objects.count()

    result = anonymise(close_account(servant))

    assert result.pseudonym == f"oud-medewerker-{servant.pk}"
    assert not TimelineEvent.objects.filter(detail__contains=name).exists()
    assert TimelineEvent.objects.filter(detail__contains=result.pseudonym).exists()
    assert TimelineEvent.objects.count() == events
    assert HoursEntry.objects.filter(civil_servant_id=servant.pk).count() == hours
    assert not Expertise.objects.filter(person_id=servant.pk).exists()


def test_the_audit_chain_gets_the_person_id_never_the_old_name_and_still_verifies(scene):
    member = scene["raadslid7"]
    old = traces(member)
    anonymise(close_account(member))
    event = AuditEvent.objects.get(action="privacy.anonymised")
    assert event.detail["person"] == member.pk
    recorded = f"{event.actor_ref} {event.detail}"
    assert all(value not in recorded for value in old.values())
    assert chain.verify() == []


def test_a_dry_run_changes_nothing(scene):
    member = close_account(scene["raadslid7"])
    issue(member)
    result = anonymise(member, dry_run=True)
    assert result.dry_run and result.counts["API-sleutels"] == 1
    assert Person.objects.get(pk=member.pk).username == "raadslid7"
    assert ApiToken.objects.filter(person=member).exists()
    assert not AuditEvent.objects.filter(action="privacy.anonymised").exists()


def test_anonymising_twice_is_refused(scene):
    member = close_account(scene["raadslid7"])
    anonymise(member)
    with pytest.raises(AnonymisationRefused, match="al geanonimiseerd"):
        anonymise(Person.objects.get(pk=member.pk))


def test_a_former_members_inzage_after_anonymisation_has_no_old_name(scene):
    from tests.privacy.privacy_helpers import export_text

    member = scene["raadslid7"]
    old = traces(member)
    anonymise(close_account(member))
    text = export_text(Person.objects.get(pk=member.pk))
    assert old["email"] not in text and old["name"] not in text
    assert scene.confidential.reference in text
