# SPDX-License-Identifier: EUPL-1.2
"""Who hears what of the fractieondersteuning and the opleidingsbudget, and the reminders.

Lokaal Belang: raadslid1 chair, raadslid2 treasurer, raadslid3 member. VVD: raadslid7 chair,
raadslid8 treasurer. The griffie: griffier, raadsadviseur, raadsadviseur2. Domstede (u-) is
another municipality.
"""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from raadsloket.access.viewer import viewer_for
from raadsloket.fractie_support.expenses import answer_question, record_expense, review_expense
from raadsloket.fractie_support.models import BudgetReminderLog
from raadsloket.fractie_support.reminders import remind_statements
from raadsloket.fractie_support.statement import approve, return_statement, submit
from raadsloket.notify.delivery import choose_delivery
from raadsloket.notify.models import Delivery, Notification
from raadsloket.organisation.models import Fractie, Person
from raadsloket.organisation.roles import Role
from raadsloket.training.services import decide, request_training, withdraw

SITE_URL = "https://raadsloket.voorbeeld.nl"
DURING = date(2025, 12, 20)
AFTER = date(2026, 1, 10)
GRIFFIE = {"griffier", "raadsadviseur", "raadsadviseur2"}
# Lokaal Belang's treasurer and chair.
BOOKKEEPERS = {"raadslid1", "raadslid2"}


@pytest.fixture(autouse=True)
def _mail_inline(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default"],
        }
    }
    settings.SITE_URL = SITE_URL
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def fractie(world, name="Lokaal Belang") -> Fractie:
    return Fractie.objects.get(municipality=world.municipality, name=name)


def told(event: str) -> set[str]:
    return set(
        Notification.objects.filter(event=event).values_list("recipient__username", flat=True)
    )


def spend(world, *, category="kantoor", question="", on=date(2025, 3, 1)):
    treasurer = world["raadslid2"]
    return record_expense(
        viewer_for(treasurer),
        treasurer,
        fractie(world),
        on=on,
        amount=Decimal("1234.56"),
        category=category,
        description="Laptop voor de fractie",
        proof=SimpleUploadedFile("bon.pdf", b"%PDF-1.4\n%%EOF\n"),
        question=question,
        today=DURING,
    )


def ask(world):
    return spend(
        world, category="overig", question="Mogen wij een jubileumcadeau uit het budget betalen?"
    ).question


def answer(world, question, verdict):
    griffier = world["griffier"]
    return answer_question(
        viewer_for(griffier),
        griffier,
        question,
        answer=verdict,
        reasoning="Dit hangt af van de verordening, artikel 4.",
    )


# --- questions and expenses -----------------------------------------------------------------


def test_a_question_goes_to_the_griffie_only_and_is_mailed_on_commit(world, other_world, committed):
    with committed():
        question = ask(world)
    assert told("budget_question_asked") == GRIFFIE
    row = Notification.objects.filter(event="budget_question_asked").first()
    assert row.case is None and row.link == reverse("fractie_support:question", args=[question.pk])
    assert "Lokaal Belang" in row.title and "€" not in row.title + row.body
    # The e-mail subject names neither the fractie nor an amount; the link is absolute.
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {world[name].email for name in GRIFFIE}
    message = sent[world["griffier"].email]
    assert message.subject == "[raadsloket] Fractieondersteuning: nieuwe vraag over een uitgave"
    assert f"Bekijk het in raadsloket:\n{SITE_URL}{row.link}" in message.body
    assert "1.234" not in message.body and "geen bedragen" in message.body


def test_an_answer_goes_to_the_asking_treasurer_and_nobody_else(world, committed):
    question = ask(world)
    with committed():
        answer(world, question, "allowed")
    assert told("budget_question_answered") == {"raadslid2"}
    assert told("budget_question_presidium") == set()
    row = Notification.objects.get(event="budget_question_answered")
    assert "toegestaan" in row.title and "€" not in row.body


def test_a_question_put_to_the_presidium_tells_the_chairs_without_fractie_or_amount(world):
    question = ask(world)
    answer(world, question, "presidium")
    chairs = set(
        Person.objects.filter(
            municipality=world.municipality, role_assignments__role=Role.FRACTIE_CHAIR
        ).values_list("username", flat=True)
    )
    assert len(chairs) == 8 and "raadslid7" in chairs
    assert told("budget_question_presidium") == chairs
    assert told("budget_question_answered") == {"raadslid2"}
    for row in Notification.objects.filter(event="budget_question_presidium"):
        text = row.title + row.headline + row.body
        assert "Lokaal Belang" not in text and "€" not in text and "1234" not in text


def test_an_unclear_expense_goes_to_the_presidium_without_whose_or_how_much(world):
    expense = spend(world)
    griffier = world["griffier"]
    review_expense(viewer_for(griffier), griffier, expense, review="ok")
    assert Notification.objects.filter(event="budget_expense_unclear").count() == 0
    review_expense(
        viewer_for(griffier), griffier, expense, review="unclear", remark="Is dit fractiewerk?"
    )
    assert "raadslid7" in told("budget_expense_unclear")
    assert not told("budget_expense_unclear") & (GRIFFIE | {"raadslid2", "raadslid8"})
    for row in Notification.objects.filter(event="budget_expense_unclear"):
        assert "Lokaal Belang" not in row.title + row.body and "€" not in row.body


# --- the statement --------------------------------------------------------------------------


def test_the_statement_course_tells_griffie_then_treasurer_and_chair(world, committed):
    spend(world)
    treasurer, griffier = world["raadslid2"], world["griffier"]
    with committed():
        submit(viewer_for(treasurer), treasurer, fractie(world), 2025, today=AFTER)
    assert told("budget_statement_submitted") == GRIFFIE
    return_statement(viewer_for(griffier), griffier, fractie(world), 2025, remark="Bon mist.")
    # Not the griffier who acted, not another member, not another fractie.
    assert told("budget_statement_returned") == BOOKKEEPERS
    submit(viewer_for(treasurer), treasurer, fractie(world), 2025, today=AFTER)
    approve(viewer_for(griffier), griffier, fractie(world), 2025)
    assert told("budget_statement_approved") == BOOKKEEPERS
    row = Notification.objects.get(event="budget_statement_approved", recipient=treasurer)
    assert row.link == reverse("fractie_support:fractie_year", args=[fractie(world).pk, 2025])
    assert "€" not in row.title + row.body


def test_the_delivery_choice_is_respected(world, committed):
    choose_delivery(world["griffier"], Delivery.DAILY_DIGEST)
    choose_delivery(world["raadsadviseur"], Delivery.OFF)
    with committed():
        ask(world)
    rows = {
        row.recipient.username: row.delivery
        for row in Notification.objects.filter(event="budget_question_asked")
    }
    assert rows == {
        "griffier": Delivery.DAILY_DIGEST,
        "raadsadviseur": Delivery.OFF,
        "raadsadviseur2": Delivery.IMMEDIATELY,
    }
    assert [message.to for message in mail.outbox] == [[world["raadsadviseur2"].email]]


# --- opleidingsbudget -----------------------------------------------------------------------


def _training(member, title):
    return request_training(
        viewer_for(member),
        member,
        kind="personal",
        title=title,
        provider="Academie",
        start_date=date(2026, 12, 10),
        cost=Decimal("250.00"),
        purpose="Beter debatteren in de raad.",
        not_party_political=True,
    )


def test_a_training_request_goes_to_the_griffie_and_the_decision_to_the_requester(world):
    member = world["raadslid3"]
    request = _training(member, "Debattraining")
    other = _training(member, "Speechschrijven")
    assert told("training_requested") == GRIFFIE
    griffier = world["griffier"]
    decide(viewer_for(griffier), griffier, request, approve=False, reason="Het budget is op.")
    assert told("training_decided") == {"raadslid3"}
    row = Notification.objects.get(event="training_decided")
    link = f"{reverse('training:index')}#aanvraag-{request.pk}"
    assert "afgewezen" in row.title and row.link == link

    # The decision settles the "new request" notice of every griffie member (the step it asked
    # for is taken); the notices about the request not yet decided stay unread.
    def unread_requests(pk):
        return set(
            Notification.objects.filter(
                event="training_requested",
                read_at__isnull=True,
                link=f"{reverse('training:index')}#aanvraag-{pk}",
            ).values_list("recipient__username", flat=True)
        )

    assert unread_requests(request.pk) == set()
    assert unread_requests(other.pk) == GRIFFIE
    withdraw(viewer_for(member), member, other)
    assert unread_requests(other.pk) == set()


# --- reminders before and after the deadline (15 February) ----------------------------------


def reminded(kind: str, world) -> set[str]:
    return set(
        Notification.objects.filter(
            event=f"budget_statement_{kind}", municipality=world.municipality
        ).values_list("recipient__username", flat=True)
    )


def test_reminders_go_once_at_30_and_7_days_and_once_after_the_deadline(world, other_world):
    treasurer = world["raadslid2"]
    spend(world)
    # VVD submitted already: it hears nothing.
    vvd_treasurer = world["raadslid8"]
    submit(viewer_for(vvd_treasurer), vvd_treasurer, fractie(world, "VVD"), 2025, today=AFTER)

    assert remind_statements(date(2026, 1, 15)).notifications == 0  # 31 days before
    first = remind_statements(date(2026, 1, 16))  # 30 days before
    # Every fractie but the VVD, at Voorbeeld and at Domstede (which also pays support).
    assert first.near == 7 + 8 and first.overdue == 0
    assert len(reminded("near", world)) == 7 * 2
    near = reminded("near", world)
    assert near >= BOOKKEEPERS and not near & {"raadslid7", "raadslid8", "raadslid3"}
    assert not near & GRIFFIE
    row = Notification.objects.filter(event="budget_statement_near", recipient=treasurer).get()
    assert "15-02-2026" in row.body and "over 30 dagen" in row.body

    count = Notification.objects.count()
    assert remind_statements(date(2026, 1, 16)).notifications == 0  # the same day again
    assert remind_statements(date(2026, 1, 20)).notifications == 0  # still the 30-day reminder
    assert Notification.objects.count() == count

    assert remind_statements(date(2026, 2, 8)).near == 7 + 8  # 7 days before
    assert remind_statements(date(2026, 2, 8)).notifications == 0
    assert remind_statements(date(2026, 2, 15)).notifications == 0  # the deadline itself
    assert (
        Notification.objects.filter(event="budget_statement_near", recipient=treasurer).count() == 2
    )

    after = remind_statements(date(2026, 2, 16))
    assert after.overdue == 7 + 8 and after.near == 0
    overdue = reminded("overdue", world)
    assert overdue >= BOOKKEEPERS | GRIFFIE and "raadslid8" not in overdue
    assert remind_statements(date(2026, 2, 17)).notifications == 0
    assert remind_statements(date(2026, 3, 30)).notifications == 0
    assert (
        BudgetReminderLog.objects.filter(fractie=fractie(world), year=2025, kind="overdue").count()
        == 1
    )


def test_the_daily_command_runs_the_statement_reminders(world):
    out = io.StringIO()
    call_command("reminders", "--date", "2026-01-16", stdout=out)
    assert "Verantwoordingen fractieondersteuning: 8 herinneringen voor de termijn" in (
        out.getvalue()
    )
    out = io.StringIO()
    call_command("reminders", "--date", "2026-01-16", stdout=out)
    assert "Verantwoordingen fractieondersteuning: 0 herinneringen voor" in out.getvalue()


def test_no_reminders_where_the_municipality_pays_no_fractieondersteuning(world):
    world.municipality.policy_overrides = {"fractie_support": {"enabled": False}}
    world.municipality.save(update_fields=["policy_overrides"])
    assert remind_statements(date(2026, 1, 16)).notifications == 0
