# SPDX-License-Identifier: EUPL-1.2
"""The fractieondersteuning pages: who sees what, recording, review and seats."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadsloket.audit.models import AuditEvent
from raadsloket.fractie_support.models import Expense, SpendingQuestion, Statement
from raadsloket.lib.money import parse_amount
from raadsloket.lib.numbers import NumberError
from raadsloket.organisation.models import Fractie

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 een bon\n%%EOF"


def last_year() -> int:
    return timezone.localdate().year - 1


def fractie_of(world, name: str) -> Fractie:
    return Fractie.objects.get(municipality=world.municipality, name=name)


def year_url(fractie_obj, year: int) -> str:
    return reverse("fractie_support:fractie_year", args=[fractie_obj.pk, year])


def action_url(fractie_obj, year: int, action: str) -> str:
    return reverse("fractie_support:fractie_action", args=[fractie_obj.pk, year, action])


def page(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.content[:800]
    return response.content.decode()


def bon(name="bon.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def record(client, lb, **fields):
    data = {
        "on": date(last_year(), 3, 14).isoformat(),
        "amount": "125,50",
        "category": "vergaderkosten",
        "description": "Zaalhuur fractievergadering maart",
        "proof": bon(),
        **fields,
    }
    return client.post(action_url(lb, last_year(), "registreren"), data)


def add_expenses(lb, count: int, year: int) -> None:
    Expense.objects.bulk_create(
        Expense(
            municipality_id=lb.municipality_id,
            fractie=lb,
            year=year,
            date=date(year, 1 + index % 12, 1 + index % 28),
            amount=Decimal("10.00") + index,
            category="kantoor" if index % 3 else "overig",
            description=f"Uitgave {index}",
        )
        for index in range(count)
    )


# --- recording expenses --------------------------------------------------------------------


def test_treasurer_records_an_expense_with_a_proof_and_sees_it(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    response = record(client, lb)
    assert response.status_code == 302
    assert response.url == year_url(lb, last_year()) + "#uitgaven"
    expense = Expense.objects.get(fractie=lb)
    assert expense.amount == Decimal("125.50") and expense.proof_name == "bon.pdf"
    html = page(client, response.url)
    assert "Zaalhuur fractievergadering maart" in html and "€ 125,50" in html
    assert reverse("fractie_support:proof", args=[expense.pk]) in html
    assert "is vastgelegd in" in html
    # The treasurer may remove a line the griffie has not reviewed yet.
    assert reverse("fractie_support:expense_action", args=[expense.pk, "verwijderen"]) in html


def test_a_not_allowed_category_is_refused_with_the_rule_and_nothing_is_stored(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    response = record(client, lb, category="giften", description="Gift aan de voedselbank")
    assert response.status_code == 400
    html = response.content.decode()
    assert "mag niet worden uitgegeven aan giften" in html
    # The user's input is kept.
    assert 'value="Gift aan de voedselbank"' in html and 'value="125,50"' in html
    assert not Expense.objects.exists() and not SpendingQuestion.objects.exists()


def test_an_executable_renamed_pdf_is_refused_as_a_proof_and_nothing_is_stored(
    client, world, settings
):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    executable = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\0\0"
    fake = SimpleUploadedFile("nep.pdf", executable, content_type="application/pdf")
    response = record(client, lb, proof=fake)
    assert response.status_code == 400
    html = response.content.decode()
    assert "&#x27;nep.pdf&#x27; is geen geldig PDF-bestand." in html
    assert 'value="Zaalhuur fractievergadering maart"' in html
    assert not Expense.objects.exists()


@pytest.mark.parametrize("amount", ["12,3,4", "twaalf", "1.2.3", "12,345", "-5"])
def test_a_malformed_amount_gives_a_dutch_error_and_keeps_the_input(client, world, amount):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    response = record(client, lb, amount=amount)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is niets opgeslagen" in html
    assert "bedrag" in html.lower() and "aria-invalid" in html
    assert f'value="{amount}"' in html and 'value="Zaalhuur fractievergadering maart"' in html
    assert not Expense.objects.exists()


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1.234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("€ 12", "12.00"),
        ("1.234", "1234.00"),
        ("0,5", "0.50"),
        ("1.234.567,8", "1234567.80"),
    ],
)
def test_amounts_are_read_the_dutch_and_the_english_way(typed, amount):
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["1,2,3", "12.345,6.7", "1.23.456", "abc", "1,234", ",", "1e5"])
def test_nonsense_amounts_are_refused(typed):
    with pytest.raises(NumberError):
        parse_amount(typed)


def test_an_ask_griffie_category_needs_a_question(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    response = record(client, lb, category="overig", description="Bloemen voor de bode")
    assert response.status_code == 400
    assert "vraagt u eerst de griffie" in response.content.decode()
    assert not Expense.objects.exists()


def test_going_below_zero_is_a_warning_not_a_refusal(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    response = record(client, lb, amount="9.999,00", category="onderzoek")
    assert response.status_code == 302
    html = page(client, response.url)
    assert "Let op: het saldo over" in html and Expense.objects.count() == 1


def test_a_member_who_is_not_the_treasurer_sees_but_cannot_record(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid3"])
    html = page(client, year_url(lb, last_year()))
    assert "Berekening van de bijdrage" in html and "Uitgave vastleggen" not in html
    response = record(client, lb)
    assert response.status_code == 403 and not Expense.objects.exists()
    assert "penningmeester" in response.content.decode()


# --- who sees what -------------------------------------------------------------------------


def test_another_fractie_gets_404_on_this_fracties_pages(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid8"])  # VVD treasurer
    page(client, year_url(lb, last_year()), status=404)
    assert record(client, lb).status_code == 404
    assert not Expense.objects.exists()


@pytest.mark.parametrize("username", ["wethouder1", "burgemeester", "ambtenaar1", "secretaris"])
def test_college_and_civil_service_see_nothing(client, world, username):
    lb = fractie_of(world, "Lokaal Belang")
    add_expenses(lb, 1, last_year())
    question = SpendingQuestion.objects.create(
        municipality=world.municipality, fractie=lb, category="overig", question="Mag dit? " * 3
    )
    client.force_login(world[username])
    for url in [
        reverse("fractie_support:index"),
        year_url(lb, last_year()),
        reverse("fractie_support:seats"),
        reverse("fractie_support:precedents"),
        reverse("fractie_support:question", args=[question.pk]),
    ]:
        page(client, url, status=404)
    assert "Fractieondersteuning" not in page(client, "/")


def test_ids_of_another_municipality_are_404(client, world, other_world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(other_world["griffier"])
    page(client, year_url(lb, last_year()), status=404)
    response = client.post(action_url(lb, last_year(), "indienen"))
    assert response.status_code == 404


def test_the_presidium_sees_totals_of_all_fracties_but_no_lines_of_others(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    vvd = fractie_of(world, "VVD")
    add_expenses(lb, 3, timezone.localdate().year)
    client.force_login(world["raadslid7"])  # VVD chair
    html = page(client, reverse("fractie_support:index"))
    assert "Alle fracties in" in html and "Lokaal Belang" in html
    # Counted: 11 + 12 (the first is "overig" without a question to the griffie).
    assert "€ 23,00" in html
    assert year_url(lb, timezone.localdate().year) not in html
    assert year_url(vvd, timezone.localdate().year) in html  # own fractie
    assert "Uitgave 1" not in html
    page(client, year_url(lb, timezone.localdate().year), status=404)
    # The presidium does not get the griffie's questions to answer.
    assert "Vragen van fracties om te beantwoorden" not in html


def test_a_member_gets_their_own_fractie_on_the_index(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid3"])
    html = page(client, reverse("fractie_support:index"))
    assert "Lokaal Belang" in html and "Alle fracties" not in html
    assert year_url(lb, timezone.localdate().year) in html
    assert "VVD" not in html


def test_unknown_actions_and_wrong_methods(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    assert client.post(action_url(lb, last_year(), "opblazen")).status_code == 404
    assert client.get(action_url(lb, last_year(), "indienen")).status_code == 405
    assert (
        client.post(
            reverse("fractie_support:expense_action", args=[10**30, "verwijderen"])
        ).status_code
        == 404
    )
    page(client, year_url(lb, 1900), status=404)
    html = page(client, reverse("fractie_support:index") + "?jaar=abc")
    assert "Lokaal Belang" in html


# --- questions and precedents --------------------------------------------------------------


def test_the_griffie_answers_and_other_fracties_see_the_precedent_without_amount(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    response = record(
        client,
        lb,
        category="overig",
        amount="777,77",
        description="Koffie en broodjes voor een inwonersavond",
        question="Mogen wij de catering van een inwonersavond hieruit betalen?",
    )
    assert response.status_code == 302
    question = SpendingQuestion.objects.get()
    assert "wacht op het antwoord van de griffie" in page(client, response.url)

    client.force_login(world["griffier"])
    index = page(client, reverse("fractie_support:index"))
    assert reverse("fractie_support:question", args=[question.pk]) in index
    detail = page(client, reverse("fractie_support:question", args=[question.pk]))
    assert "€ 777,77" in detail and "Beantwoorden" in detail
    response = client.post(
        reverse("fractie_support:question", args=[question.pk]),
        {"answer": "allowed", "reasoning": "Een inwonersavond is achterbanraadpleging."},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == "allowed"

    client.force_login(world["raadslid8"])  # VVD treasurer
    url = reverse("fractie_support:precedents") + "?categorie=overig"
    for html in (page(client, url), client.get(url, HTTP_HX_REQUEST="true").content.decode()):
        assert "catering van een inwonersavond" in html
        assert "Een inwonersavond is achterbanraadpleging." in html
        assert "777" not in html and "Lokaal Belang" not in html
    everything = page(client, reverse("fractie_support:precedents"))
    assert "catering van een inwonersavond" in everything and "777" not in everything
    year_page = page(client, year_url(fractie_of(world, "VVD"), timezone.localdate().year))
    assert "catering van een inwonersavond" in year_page and "777" not in year_page
    # The question itself, with its fractie, stays with Lokaal Belang and the griffie.
    page(client, reverse("fractie_support:question", args=[question.pk]), status=404)


def test_the_answer_form_refuses_without_reasoning(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    question = SpendingQuestion.objects.create(
        municipality=world.municipality, fractie=lb, category="overig", question="Mag dit? " * 3
    )
    client.force_login(world["griffier"])
    response = client.post(
        reverse("fractie_support:question", args=[question.pk]), {"answer": "allowed"}
    )
    assert response.status_code == 400 and "Dit veld is verplicht" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == ""
    client.force_login(world["raadslid1"])  # own fractie sees the question, cannot answer
    response = client.post(
        reverse("fractie_support:question", args=[question.pk]),
        {"answer": "allowed", "reasoning": "Ik vind van wel, dus het mag."},
    )
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.answer == ""


# --- the statement's course ----------------------------------------------------------------


def test_review_return_resubmit_and_approve(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    year = last_year()
    client.force_login(world["raadslid2"])
    assert record(client, lb).status_code == 302
    expense = Expense.objects.get()
    response = client.post(action_url(lb, year, "indienen"))
    assert response.status_code == 302
    assert Statement.objects.get(fractie=lb, year=year).status == "submitted"

    client.force_login(world["griffier"])
    review = reverse("fractie_support:expense_action", args=[expense.pk, "beoordelen"])
    response = client.post(review, {"review": "remark", "remark": ""})
    assert response.status_code == 400  # a remark needs text
    response = client.post(review, {"review": "remark", "remark": "Bon is slecht leesbaar."})
    assert response.status_code == 302
    response = client.post(action_url(lb, year, "terugsturen"), {"remark": "Graag een betere bon."})
    assert response.status_code == 302
    html = page(client, year_url(lb, year))
    assert "teruggestuurd voor correctie" in html and "Graag een betere bon." in html
    assert "Bon is slecht leesbaar." in html

    client.force_login(world["raadslid2"])
    html = page(client, year_url(lb, year))
    assert "Verantwoording opnieuw indienen" in html
    # Reviewed lines are no longer the treasurer's to remove.
    assert reverse("fractie_support:expense_action", args=[expense.pk, "verwijderen"]) not in html
    assert client.post(action_url(lb, year, "indienen")).status_code == 302

    client.force_login(world["griffier"])
    response = client.post(action_url(lb, year, "vaststellen"), {"remark": ""})
    assert response.status_code == 302
    statement = Statement.objects.get(fractie=lb, year=year)
    assert statement.status == "approved" and statement.snapshot["spent"] == "125.50"
    html = page(client, year_url(lb, year))
    assert "vastgesteld" in html and "Terugbetaling vastleggen" in html
    # Approving twice is a conflict, shown on the page.
    response = client.post(action_url(lb, year, "vaststellen"), {"remark": ""})
    assert response.status_code == 409
    assert "Alleen een ingediende verantwoording" in response.content.decode()
    response = client.post(action_url(lb, year, "terugbetaald"), {"on": "gisteren"})
    assert response.status_code == 400 and 'value="gisteren"' in response.content.decode()
    on = timezone.localdate().isoformat()
    assert client.post(action_url(lb, year, "terugbetaald"), {"on": on}).status_code == 302
    assert Statement.objects.get(fractie=lb, year=year).repaid_on == timezone.localdate()


def test_the_statement_cannot_be_submitted_during_the_year(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    this_year = timezone.localdate().year
    client.force_login(world["raadslid2"])
    assert "Verantwoording indienen" not in page(client, year_url(lb, this_year))
    response = client.post(action_url(lb, this_year, "indienen"))
    assert response.status_code == 400
    assert "na afloop van het jaar" in response.content.decode()


def test_the_griffie_sets_an_opening_reserve(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["griffier"])
    url = action_url(lb, last_year(), "beginreserve")
    response = client.post(url, {"amount": "1,2,3"})
    assert response.status_code == 400 and 'value="1,2,3"' in response.content.decode()
    assert client.post(url, {"amount": "1.500,00"}).status_code == 302
    html = page(client, year_url(lb, last_year()))
    assert "€ 1.500,00" in html and "vastgesteld door de griffie" in html


# --- seats ---------------------------------------------------------------------------------


def test_a_seat_change_on_the_seats_page_changes_the_allocation_shown(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    year = last_year()
    client.force_login(world["griffier"])
    before = page(client, year_url(lb, year))
    assert before.count("t/m") >= 1 and f"1-7-{year}" not in before
    response = client.post(
        reverse("fractie_support:seats"),
        {
            "action": "zetels",
            "fractie": lb.pk,
            "on": f"{year}-07-01",
            "seats": "5",
            "note": "raadslid stapt over",
        },
    )
    assert response.status_code == 302
    html = page(client, year_url(lb, year))
    assert f"1-1-{year} t/m 30-6-{year}" in html and f"1-7-{year} t/m 31-12-{year}" in html
    lb.refresh_from_db()
    assert lb.seats == 5
    # A second change before the first is refused with the service's reason, input kept.
    response = client.post(
        reverse("fractie_support:seats"),
        {"action": "zetels", "fractie": lb.pk, "on": f"{year}-03-01", "seats": "4"},
    )
    assert response.status_code == 409 and "op volgorde van datum" in response.content.decode()


def test_a_split_on_the_seats_page_makes_a_new_fractie_with_its_members(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    year = last_year()
    client.force_login(world["griffier"])
    html = page(client, reverse("fractie_support:seats") + f"?splitsen={lb.pk}")
    leaving = world["raadslid6"]
    assert f'value="{leaving.pk}"' in html
    response = client.post(
        reverse("fractie_support:seats") + f"?splitsen={lb.pk}",
        {
            "action": "afsplitsen",
            "fractie": lb.pk,
            "on": f"{year}-10-01",
            "name": "Groep Onafhankelijk",
            "seats": "1",
            "members": [leaving.pk],
        },
    )
    assert response.status_code == 302
    new = Fractie.objects.get(municipality=world.municipality, name="Groep Onafhankelijk")
    leaving.refresh_from_db()
    assert leaving.fractie_id == new.pk
    messages = page(client, reverse("fractie_support:seats"))
    assert "penningmeester" in messages
    html = page(client, year_url(new, year))
    assert f"1-10-{year} t/m 31-12-{year}" in html
    assert f"1-10-{year} t/m 31-12-{year}" in page(client, year_url(lb, year))


def test_the_seats_page_is_for_the_griffie_only(client, world):
    client.force_login(world["raadslid1"])
    page(client, reverse("fractie_support:seats"), status=404)
    response = client.post(reverse("fractie_support:seats"), {"action": "zetels"})
    assert response.status_code == 404


# --- queries -------------------------------------------------------------------------------


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("username", ["raadslid2", "griffier"])
def test_the_year_page_needs_the_same_queries_for_2_and_20_expenses(
    client, world, username, django_assert_max_num_queries
):
    lb = fractie_of(world, "Lokaal Belang")
    year = last_year()
    add_expenses(lb, 2, year)
    client.force_login(world[username])
    few = count_queries(client, year_url(lb, year))
    add_expenses(lb, 18, year)
    assert count_queries(client, year_url(lb, year)) == few
    with django_assert_max_num_queries(20):
        client.get(year_url(lb, year))


def test_the_overview_does_not_grow_with_the_expenses(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    year = timezone.localdate().year
    add_expenses(lb, 2, year)
    client.force_login(world["griffier"])
    few = count_queries(client, reverse("fractie_support:index"))
    add_expenses(lb, 40, year)
    Expense.objects.filter(pk__in=Expense.objects.values("pk")[:5]).update(review="unclear")
    assert count_queries(client, reverse("fractie_support:index")) == few


def test_a_future_date_is_refused_with_the_input_kept(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = record(client, lb, on=tomorrow.isoformat())
    html = response.content.decode()
    assert response.status_code == 400 and "toekomst" in html
    assert f'value="{tomorrow.isoformat()}"' in html and not Expense.objects.exists()


def test_a_merge_on_the_seats_page_ends_the_old_fracties(client, world):
    cu, sp = fractie_of(world, "ChristenUnie"), fractie_of(world, "SP")
    year = last_year()
    client.force_login(world["griffier"])
    response = client.post(
        reverse("fractie_support:seats"),
        {"action": "samenvoegen", "fracties": [cu.pk], "on": f"{year}-05-01", "name": "Samen"},
    )
    assert response.status_code == 400 and "minstens twee fracties" in response.content.decode()
    response = client.post(
        reverse("fractie_support:seats"),
        {
            "action": "samenvoegen",
            "fracties": [cu.pk, sp.pk],
            "on": f"{year}-05-01",
            "name": "Samen",
        },
    )
    assert response.status_code == 302
    new = Fractie.objects.get(municipality=world.municipality, name="Samen")
    assert new.seats == 4
    assert f"1-1-{year} t/m 30-4-{year}" in page(client, year_url(cu, year))
    assert f"1-5-{year} t/m 31-12-{year}" in page(client, year_url(new, year))


def test_the_category_box_comes_as_a_fragment_for_htmx(client, world):
    client.force_login(world["raadslid2"])
    url = reverse("fractie_support:precedents") + "?category=giften"
    response = client.get(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "mag niet worden uitgegeven aan giften" in html and "niet toegestaan" in html


def test_the_griffie_of_another_municipality_cannot_review(client, world, other_world):
    lb = fractie_of(world, "Lokaal Belang")
    add_expenses(lb, 1, last_year())
    expense = Expense.objects.get()
    client.force_login(other_world["griffier"])
    url = reverse("fractie_support:expense_action", args=[expense.pk, "beoordelen"])
    assert client.post(url, {"review": "ok"}).status_code == 404
    expense.refresh_from_db()
    assert expense.review == ""


def test_an_approved_statement_shows_its_frozen_figures_after_the_rules_change(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    year = last_year()
    client.force_login(world["raadslid2"])
    assert client.post(action_url(lb, year, "indienen")).status_code == 302
    client.force_login(world["griffier"])
    assert client.post(action_url(lb, year, "vaststellen"), {"remark": ""}).status_code == 302
    approved = Statement.objects.get(fractie=lb, year=year).snapshot["allocation"]
    municipality = world.municipality
    municipality.policy_overrides = {"fractie_support": {"per_seat": "1000.00"}}
    municipality.save(update_fields=["policy_overrides"])
    world["griffier"].refresh_from_db()
    client.force_login(world["griffier"])
    html = page(client, year_url(lb, year))
    shown = "€ " + f"{Decimal(approved):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert shown in html and "zijn vastgesteld" in html
    assert "€ 1.000,00 per zetel" not in html
    # The new rule does apply to the year still open.
    assert "€ 1.000,00 per zetel" in page(client, year_url(lb, year + 1))


def test_the_treasurer_removes_an_unreviewed_expense(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    assert record(client, lb).status_code == 302
    expense = Expense.objects.get()
    url = reverse("fractie_support:expense_action", args=[expense.pk, "verwijderen"])
    client.force_login(world["raadslid3"])  # a member, not the treasurer
    assert client.post(url).status_code == 403 and Expense.objects.exists()
    assert client.post(url, {"bevestigd": "ja"}).status_code == 403 and Expense.objects.exists()
    client.force_login(world["raadslid2"])
    response = client.post(url, {"bevestigd": "ja"})
    assert response.status_code == 302 and not Expense.objects.exists()
    assert "is verwijderd" in page(client, response.url)


def test_the_waiting_notice_says_1_uitgave_wacht_and_2_uitgaven_wachten(client, world):
    # Dutch agreement instead of "1 uitgave(n) wachten".
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    question = "Mogen wij de catering van een inwonersavond hieruit betalen?"
    response = record(client, lb, category="overig", question=question)
    assert response.status_code == 302

    html = page(client, response.url)
    assert "1 uitgave wacht op het antwoord van de griffie; de fractie kan" in html
    assert "uitgave(n)" not in html

    response = record(client, lb, category="overig", question=question, description="Zaalhuur")
    assert "2 uitgaven wachten op het antwoord van de griffie" in page(client, response.url)


def test_the_deadline_note_says_1_dag_and_2_dagen():
    from raadsloket.fractie_support.pages import deadline_note

    deadline, status = date(2027, 2, 15), Statement.Status.OPEN
    assert deadline_note(deadline, status, date(2027, 2, 14)) == "nog 1 dag"
    assert deadline_note(deadline, status, date(2027, 2, 13)) == "nog 2 dagen"
    assert deadline_note(deadline, status, date(2027, 2, 16)) == "de termijn is 1 dag verstreken"
    assert deadline_note(deadline, status, date(2027, 2, 25)) == "de termijn is 10 dagen verstreken"


def test_back_and_record_again_stores_one_expense_and_links_to_it(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    html = page(client, year_url(lb, last_year()))
    token = re.search(r'name="submission_token" value="([^"]+)"', html).group(1)
    assert record(client, lb, submission_token=token).status_code == 302
    expense = Expense.objects.get(fractie=lb)
    again = record(client, lb, submission_token=token)
    assert Expense.objects.filter(fractie=lb).count() == 1
    assert again.url == year_url(lb, last_year()) + f"#uitgave-{expense.pk}"
    html = page(client, again.url)
    assert "Deze uitgave is al vastgelegd." in html
    assert f'href="{year_url(lb, last_year())}#uitgave-{expense.pk}"' in html


def test_removing_an_expense_first_shows_what_will_be_removed_and_removes_nothing(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    assert record(client, lb).status_code == 302
    expense = Expense.objects.get()
    url = reverse("fractie_support:expense_action", args=[expense.pk, "verwijderen"])
    before = AuditEvent.objects.count()

    response = client.post(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Uitgave verwijderen?" in html
    for shown in ["Zaalhuur fractievergadering maart", "€ 125,50", "14-3-", "bon.pdf"]:
        assert shown in html, shown
    assert 'name="bevestigd" value="ja"' in html and f'action="{url}"' in html
    assert f'href="{year_url(lb, last_year())}#uitgave-{expense.pk}"' in html
    assert Expense.objects.filter(pk=expense.pk).exists()
    assert AuditEvent.objects.count() == before


def test_the_confirmed_removal_is_audited(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    assert record(client, lb).status_code == 302
    expense = Expense.objects.get()
    url = reverse("fractie_support:expense_action", args=[expense.pk, "verwijderen"])

    response = client.post(url, {"bevestigd": "ja"})

    assert response.status_code == 302 and not Expense.objects.exists()
    event = AuditEvent.objects.order_by("-pk").first()
    assert event.action == "budgets.expense_removed" and event.detail["expense"] == expense.pk
    # Asked again (from a second tab): the line is gone, so the Dutch 404 page.
    assert client.post(url).status_code == 404


def test_a_reviewed_expense_gets_no_confirmation_but_the_reason(client, world):
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    assert record(client, lb).status_code == 302
    expense = Expense.objects.get()
    Expense.objects.filter(pk=expense.pk).update(review=Expense.Review.OK)
    url = reverse("fractie_support:expense_action", args=[expense.pk, "verwijderen"])

    response = client.post(url)

    assert response.status_code == 409
    html = response.content.decode()
    assert "al beoordeeld" in html and "Uitgave verwijderen?" not in html
    assert Expense.objects.filter(pk=expense.pk).exists()


def test_the_long_texts_of_a_fractie_page_carry_no_maxlength_that_would_cut_a_paste(client, world):
    # A browser cuts a pasted text at maxlength without a word (lib.forms.LongTextField): the
    # question to the griffie is refused with its length instead, and kept whole.
    lb = fractie_of(world, "Lokaal Belang")
    client.force_login(world["raadslid2"])
    html = page(client, year_url(lb, last_year()))
    question = re.search(r"<textarea[^>]*name=\"question\"[^>]*>", html).group(0)
    assert "maxlength" not in question and 'data-limit="4000"' in question

    response = record(client, lb, category="overig", question="Mag dit? " + "x" * 4000)

    assert response.status_code == 400 and not Expense.objects.filter(fractie=lb).exists()
    html = response.content.decode()
    assert "De vraag aan de griffie is 4.009 tekens; het maximum is 4.000." in html
    assert "x" * 4000 in html
