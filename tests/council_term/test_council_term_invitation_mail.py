# SPDX-License-Identifier: EUPL-1.2
"""A new member gets their invitation by e-mail (council_term/notices.py): once, after the
installation commits, through notify.send; with what to do and never a password. The dry run
mails nothing, nor does a second run of the same file."""

import re
from datetime import date

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from raadsloket.access.viewer import viewer_for
from raadsloket.council_term.services import install
from raadsloket.notify.models import Notification
from raadsloket.organisation.models import Person
from tests.council_term.scene import NEW, csv_bytes
from tests.support.mail import mail_inline

pytestmark = pytest.mark.django_db
SITE = "https://raadsloket.example.org"
NEW_EMAILS = {email for _, email, _, _ in NEW}


@pytest.fixture(autouse=True)
def _mail_inline(settings):
    mail_inline(settings, SITE)


def run(world, capture, *, dry_run: bool):
    clerk = world["griffier"]
    with capture(execute=True) as callbacks:
        plan = install(
            viewer_for(clerk),
            clerk,
            "raad.csv",
            csv_bytes(world),
            on=date(2026, 4, 14),
            dry_run=dry_run,
        )
    return plan, callbacks


def test_each_new_member_gets_one_invitation_mail_after_the_commit(
    world, django_capture_on_commit_callbacks
):
    plan, _ = run(world, django_capture_on_commit_callbacks, dry_run=False)
    assert plan.applied
    assert sorted(m.to[0] for m in mail.outbox) == sorted(NEW_EMAILS)
    tokens = {person.email: token for person, token in plan.invitations}
    for message in mail.outbox:
        (address,) = message.to
        person = Person.objects.get(email=address)
        assert message.subject == "[raadsloket] Uitnodiging voor uw account in raadsloket"
        body = message.body
        assert f"Beste {person.display_name}," in body
        assert f"gebruikersnaam {person.username}" in body
        assert "kies zelf een wachtwoord" in body and "tweestapsverificatie" in body
        assert "vanaf 14-04-2026" in body
        # The link in the mail is this member's own one-time link, and it works.
        link = f"{SITE}{reverse('council_term:invitation', args=[tokens[address]])}"
        assert link in body
        assert "nooit een wachtwoord per e-mail" in body
        # No password: none exists yet, and nothing that looks like one is in the text.
        assert not person.has_usable_password()
        assert not re.search(r"wachtwoord\s*:", body, re.IGNORECASE)


def test_the_link_from_the_mail_sets_the_password(
    world, client, django_capture_on_commit_callbacks
):
    run(world, django_capture_on_commit_callbacks, dry_run=False)
    message = next(m for m in mail.outbox if m.to == ["hanna.visser@example.org"])
    path = re.search(rf"{re.escape(SITE)}(/\S+)", message.body).group(1)
    strong = "Raad-2026-installatie!"
    response = client.post(path, {"new_password1": strong, "new_password2": strong})
    assert response.status_code == 302
    person = Person.objects.get(email="hanna.visser@example.org")
    assert person.check_password(strong)


def _dump() -> str:
    return "\n".join(connection.connection.iterdump())


@pytest.mark.parametrize("queued", [False, True], ids=["inline", "database-queue"])
def test_no_table_holds_the_token_and_the_notice_points_to_the_mail(
    world, client, settings, django_capture_on_commit_callbacks, queued
):
    if queued:
        # Production queues mails in the database (django-tasks-db): its rows must not hold it.
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    plan, _ = run(world, django_capture_on_commit_callbacks, dry_run=False)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(NEW_EMAILS)
    dump = _dump()
    for person, token in plan.invitations:
        assert token not in dump
        (notice,) = Notification.objects.filter(recipient=person, event="council_term_invited")
        assert notice.link == reverse("council_term:own_checklist")
        assert "per e-mail" in notice.body and notice.emailed_at is not None
    # The in-app notice opens the checklist, which says nothing about a token.
    client.force_login(plan.invitations[0][0])
    assert client.get(reverse("council_term:own_checklist")).status_code == 200


def test_the_dry_run_and_a_second_run_mail_nothing(world, django_capture_on_commit_callbacks):
    plan, callbacks = run(world, django_capture_on_commit_callbacks, dry_run=True)
    assert not plan.applied and mail.outbox == [] and callbacks == []
    assert not Notification.objects.filter(event="council_term_invited").exists()
    run(world, django_capture_on_commit_callbacks, dry_run=False)
    assert len(mail.outbox) == len(NEW)
    again, _ = run(world, django_capture_on_commit_callbacks, dry_run=False)
    assert again.is_empty and len(mail.outbox) == len(NEW)


def test_nothing_is_mailed_when_the_installation_rolls_back(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    from raadsloket.council_term import services

    def fail(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(services, "_apply_leaving", fail)
    with pytest.raises(RuntimeError):
        run(world, django_capture_on_commit_callbacks, dry_run=False)
    assert mail.outbox == []
    assert not Person.objects.filter(email__in=NEW_EMAILS).exists()
