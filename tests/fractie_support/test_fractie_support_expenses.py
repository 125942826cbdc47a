# SPDX-License-Identifier: EUPL-1.2
"""The treasurer records expenses; the rules of the verordening decide what counts.

Gemeentewet art. 33 lid 3 and the toolkit seed: a not-allowed expense is refused with the rule
that forbids it, and nothing is kept of it. A doubtful one ("overig") goes to the griffie first
and counts only once the griffie says it may; the answer is a precedent. The griffie reviews
each line. Named people (Gemeente Voorbeeld): raadslid2 keeps Lokaal Belang's books, raadslid1
chairs it, raadslid3 is a member; raadslid8 keeps the VVD's books; u-raadslid2 keeps Lokaal
Belang's books in Domstede.
"""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.fractie_support.expenses import (
    Counting,
    answer_question,
    counting,
    record_expense,
    remove_expense,
    review_expense,
)
from raadsloket.fractie_support.models import Expense, SpendingQuestion
from raadsloket.fractie_support.statement import approve, figures, return_statement, submit
from raadsloket.lib.errors import Conflict, DomainError, Forbidden
from raadsloket.policy.loader import build_profile, load_preset

pytestmark = pytest.mark.django_db

D = Decimal
TODAY = date(2026, 11, 23)
NOT_ALLOWED = [
    c for c in load_preset("vng-model").fractie_support.categories if c.status == "not_allowed"
]


@pytest.fixture
def lokaal(fractie):
    return fractie("Lokaal Belang")


@pytest.fixture
def spend(world, lokaal, as_viewer, pdf):
    """raadslid2 (Lokaal Belang's treasurer) records an expense; any field can be changed."""

    def record(person=None, target=None, **changes):
        person = person or world["raadslid2"]
        data = {
            "on": date(2026, 3, 10),
            "amount": D("125.50"),
            "category": "achterban",
            "description": "Drukwerk: flyers wijkavond",
            "proof": pdf("factuur-drukkerij.pdf"),
            "question": "",
            "today": TODAY,
        }
        data.update(changes)
        return record_expense(as_viewer(person), person, target or lokaal, **data)

    return record


@pytest.fixture
def griffie(world, as_viewer):
    return as_viewer(world["griffier"]), world["griffier"]


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def nothing_stored(settings, events_before: int) -> bool:
    return (
        not Expense.objects.exists()
        and not SpendingQuestion.objects.exists()
        and AuditEvent.objects.count() == events_before
        and stored_files(settings) == []
    )


# --- recording ----------------------------------------------------------------------------------


def test_the_treasurer_records_an_allowed_expense_with_its_proof(
    world, lokaal, spend, support, settings
):
    before = AuditEvent.objects.count()

    expense = spend()

    assert (expense.fractie, expense.year, expense.date) == (lokaal, 2026, date(2026, 3, 10))
    assert (expense.amount, expense.category, expense.recorded_by) == (
        D("125.50"),
        "achterban",
        world["raadslid2"],
    )
    assert (expense.proof_name, expense.proof_content_type) == (
        "factuur-drukkerij.pdf",
        "application/pdf",
    )
    # The stored name is the server's token, never the uploader's file name.
    assert (
        expense.proof.name == f"budgets/{world.municipality.pk}/{lokaal.pk}/{expense.proof_token}"
    )
    assert stored_files(settings) == [Path(settings.MEDIA_ROOT) / expense.proof.name]
    assert counting(expense, support).counts
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.last()
    assert (event.action, event.actor_ref) == ("budgets.expense_recorded", "raadslid2")
    assert event.detail == {
        "fractie": lokaal.pk,
        "expense": expense.pk,
        "year": 2026,
        "amount": "125.50",
        "category": "achterban",
        "question": None,
    }
    assert chain.verify() == []


@pytest.mark.parametrize("category", NOT_ALLOWED, ids=lambda c: c.code)
def test_a_not_allowed_expense_is_refused_with_the_rule_and_nothing_is_kept(
    spend, settings, category
):
    before = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        spend(category=category.code, description="Iets wat niet mag")

    # The seed's rule, word for word, e.g. "Budget voor fractieondersteuning mag niet worden
    # uitgegeven aan giften."
    assert refused.value.message == f"Deze uitgave is niet toegestaan. {category.rule}"
    assert refused.value.field == "category" and refused.value.status == 400
    assert nothing_stored(settings, before)


def test_the_gift_rule_is_the_seeds_text(spend):
    with pytest.raises(DomainError) as refused:
        spend(category="giften", description="Bos bloemen voor de wethouder")

    assert refused.value.message == (
        "Deze uitgave is niet toegestaan. Budget voor fractieondersteuning mag niet worden "
        "uitgegeven aan giften."
    )


def test_an_unknown_category_is_refused(spend, settings):
    with pytest.raises(DomainError, match="Kies een categorie"):
        spend(category="feestjes")
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (D("0"), "tussen € 0,01 en € 1.000.000,00"),
        (D("0.00"), "tussen € 0,01 en € 1.000.000,00"),
        (D("-12.50"), "tussen € 0,01 en € 1.000.000,00"),
        (D("1000000.01"), "tussen € 0,01 en € 1.000.000,00"),
        (D("12.345"), "hoogstens twee cijfers achter de komma"),
        (D("NaN"), "Vul een bedrag in"),
        (D("Infinity"), "Vul een bedrag in"),
        ("12.50", "Vul een bedrag in"),
        (12.5, "Vul een bedrag in"),
    ],
)
def test_an_amount_is_positive_with_at_most_two_decimals(spend, settings, amount, message):
    before = AuditEvent.objects.count()

    with pytest.raises(DomainError, match=message) as refused:
        spend(amount=amount)

    assert refused.value.field == "amount"
    assert nothing_stored(settings, before)


def test_the_largest_amount_is_allowed(spend):
    assert spend(amount=D("1000000.00")).amount == D("1000000.00")


def test_an_expense_is_not_dated_in_the_future(spend, settings):
    with pytest.raises(DomainError, match="niet in de toekomst") as refused:
        spend(on=TODAY + timedelta(days=1))
    assert refused.value.field == "on"
    # Today itself is fine.
    assert spend(on=TODAY).date == TODAY


def test_an_expense_is_not_dated_too_far_back(spend):
    with pytest.raises(DomainError, match="te ver terug"):
        spend(on=date(2015, 12, 31))


@pytest.mark.parametrize("description", ["", "ab", "x" * 501])
def test_a_description_is_3_to_500_characters(spend, description):
    with pytest.raises(DomainError, match="De omschrijving is 3 tot 500 tekens lang"):
        spend(description=description)


# --- proofs -------------------------------------------------------------------------------------


def test_a_fake_pdf_is_refused(spend, settings):
    before = AuditEvent.objects.count()
    fake = SimpleUploadedFile("bon.pdf", b"<html><script>alert(1)</script></html>")

    with pytest.raises(DomainError) as refused:
        spend(proof=fake)

    assert refused.value.message == "'bon.pdf' is geen geldig PDF-bestand."
    assert refused.value.field == "proof"
    assert nothing_stored(settings, before)


@pytest.mark.parametrize("name", ["bon.exe", "bon.html", "bon", "bon.pdf.exe", "bon.svg"])
def test_a_proof_is_a_pdf_or_a_photo(spend, name):
    with pytest.raises(DomainError, match=r"PDF of een foto \(.pdf, .png, .jpg\)"):
        spend(proof=SimpleUploadedFile(name, b"%PDF-1.4 zogenaamd"))


def test_a_photo_of_a_receipt_is_accepted(spend):
    png = SimpleUploadedFile("bon.PNG", b"\x89PNG\r\n\x1a\n" + b"\0" * 32)

    expense = spend(proof=png)

    assert (expense.proof_name, expense.proof_content_type) == ("bon.PNG", "image/png")


def test_a_proof_is_at_most_10_mb(spend, settings):
    big = SimpleUploadedFile("bon.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024))

    with pytest.raises(DomainError, match="hoogstens 10 MB"):
        spend(proof=big)
    assert stored_files(settings) == []


def test_the_uploaders_file_name_is_cleaned(spend):
    expense = spend(proof=SimpleUploadedFile("../../etc/\u202egnp.pdf", b"%PDF-1.4\n%%EOF"))

    assert expense.proof_name == "gnp.pdf"


def test_a_proof_is_required_when_the_profile_says_so(world, spend, fresh):
    with pytest.raises(DomainError, match="Voeg een bewijsstuk toe"):
        spend(proof=None)

    world.municipality.policy_overrides = {"fractie_support": {"proof_required": False}}
    world.municipality.save()
    expense = spend(person=fresh(world["raadslid2"]), proof=None)
    assert not expense.proof and expense.proof_token == ""


# --- who keeps the books --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "username",
    [
        "raadslid1",  # chair of Lokaal Belang, not its treasurer
        "raadslid3",  # member of Lokaal Belang
        "fractiemedewerker1",
        "commissielid1",
        "raadslid8",  # the VVD's treasurer
        "griffier",
        "wethouder1",
        "burgemeester",
        "ambtenaar1",
        "beheerder",
    ],
)
def test_only_the_fracties_own_treasurer_records_expenses(world, spend, settings, username):
    before = AuditEvent.objects.count()

    with pytest.raises(Forbidden) as refused:
        spend(person=world[username])

    assert refused.value.status == 403
    assert nothing_stored(settings, before)


def test_a_treasurer_of_another_municipality_cannot_record(other_world, spend, settings):
    with pytest.raises(Forbidden):
        spend(person=other_world["raadslid2"])
    assert stored_files(settings) == []


def test_the_vvd_treasurer_records_for_the_vvd(world, spend, fractie):
    assert spend(person=world["raadslid8"], target=fractie("VVD")).fractie.name == "VVD"


# --- questions to the griffie -----------------------------------------------------------------------


def test_overig_without_a_question_is_refused(spend, settings):
    before = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        spend(category="overig", description="Contributie vereniging")

    assert refused.value.message == (
        "Voor 'Overige kosten (eerst voorleggen aan de griffie)' vraagt u eerst de griffie of "
        "de uitgave is toegestaan: schrijf uw vraag erbij."
    )
    assert refused.value.field == "question"
    assert nothing_stored(settings, before)


def test_a_question_is_at_least_10_characters(spend):
    with pytest.raises(DomainError, match="De vraag aan de griffie is 10 tot 4000 tekens lang"):
        spend(category="overig", question="Mag dit?")


def asked(spend, amount="350.00"):
    return spend(
        category="overig",
        amount=D(amount),
        description="Contributie vereniging van lokale partijen",
        question="Mogen wij de contributie van de vereniging van lokale partijen betalen?",
    )


def test_a_question_waits_for_the_griffie_and_does_not_count(world, lokaal, spend, support):
    before = AuditEvent.objects.count()

    expense = asked(spend)

    question = expense.question
    assert (question.fractie, question.category, question.answer) == (lokaal, "overig", "")
    assert question.asked_by == world["raadslid2"]
    assert counting(expense, support) == Counting(
        False, "wacht op het antwoord van de griffie", waiting=True
    )
    now = figures(lokaal, 2026, support)
    assert (now.spent, now.not_counted) == (D("0.00"), D("350.00"))
    # One event for the expense with its question.
    assert AuditEvent.objects.count() == before + 1
    assert AuditEvent.objects.last().detail["question"] == question.pk


def test_allowed_by_the_griffie_it_counts(lokaal, spend, support, griffie):
    expense = asked(spend)
    before = AuditEvent.objects.count()

    answered = answer_question(
        *griffie,
        expense.question,
        answer="allowed",
        reasoning="Scholing en advies voor het raadswerk.",
    )

    assert answered.answer == "allowed" and answered.is_final
    assert answered.answered_by == griffie[1]
    expense.refresh_from_db()
    assert counting(expense, support).counts
    now = figures(lokaal, 2026, support)
    assert now.spent == D("350.00")
    assert [(c.code, c.amount, c.count) for c in now.by_category] == [("overig", D("350.00"), 1)]
    assert AuditEvent.objects.count() == before + 1
    assert AuditEvent.objects.last().detail == {
        "question": answered.pk,
        "fractie": lokaal.pk,
        "answer": "allowed",
    }


def test_not_allowed_by_the_griffie_it_does_not_count(lokaal, spend, support, griffie):
    expense = asked(spend)

    answer_question(
        *griffie,
        expense.question,
        answer="not_allowed",
        reasoning="Dit is een betaling aan de partij.",
    )

    expense.refresh_from_db()
    assert (
        counting(expense, support).reason == "niet toegestaan volgens het antwoord van de griffie"
    )
    assert figures(lokaal, 2026, support).spent == D("0.00")


def test_put_to_the_presidium_it_waits_until_the_griffie_answers(spend, support, griffie):
    expense = asked(spend)

    answer_question(
        *griffie, expense.question, answer="presidium", reasoning="Het presidium beslist hierover."
    )
    expense.refresh_from_db()
    assert counting(expense, support).waiting

    # The presidium decided; the griffie records the final answer.
    answer_question(
        *griffie, expense.question, answer="allowed", reasoning="Het presidium vond dit toegestaan."
    )
    expense.refresh_from_db()
    assert counting(expense, support).counts


def test_a_final_answer_stands(spend, griffie):
    expense = asked(spend)
    answer_question(*griffie, expense.question, answer="allowed", reasoning="Dit is toegestaan.")

    with pytest.raises(Conflict, match="al beantwoord") as refused:
        answer_question(
            *griffie, expense.question, answer="not_allowed", reasoning="Toch maar niet."
        )
    assert refused.value.status == 409


@pytest.mark.parametrize(
    ("answer", "reasoning", "message"),
    [
        ("", "Een motivering van genoeg tekens.", "Kies: toegestaan"),
        ("maybe", "Een motivering van genoeg tekens.", "Kies: toegestaan"),
        ("allowed", "Mag.", "De motivering is 10 tot 4000 tekens lang"),
    ],
)
def test_an_answer_is_one_of_three_with_reasons(spend, griffie, answer, reasoning, message):
    expense = asked(spend)

    with pytest.raises(DomainError, match=message):
        answer_question(*griffie, expense.question, answer=answer, reasoning=reasoning)


@pytest.mark.parametrize("username", ["raadslid2", "raadslid1", "secretaris", "burgemeester"])
def test_only_the_griffie_answers_questions(world, spend, as_viewer, username):
    expense = asked(spend)
    person = world[username]

    with pytest.raises(Forbidden):
        answer_question(
            as_viewer(person),
            person,
            expense.question,
            answer="allowed",
            reasoning="Dit mag van mij.",
        )


def test_the_griffie_of_another_municipality_cannot_answer(other_world, spend, as_viewer):
    expense = asked(spend)
    griffier = other_world["griffier"]

    with pytest.raises(Forbidden):
        answer_question(
            as_viewer(griffier),
            griffier,
            expense.question,
            answer="allowed",
            reasoning="Dit mag van mij.",
        )


# --- the griffie's review --------------------------------------------------------------------------


def test_a_rejected_line_does_not_count(lokaal, spend, support, griffie):
    kept, rejected = spend(), spend(amount=D("80.00"), description="Diner na de vergadering")
    before = AuditEvent.objects.count()

    review_expense(*griffie, rejected, review="rejected", remark="Een diner is geen vergaderkost.")
    review_expense(*griffie, kept, review="ok")

    rejected.refresh_from_db()
    assert (rejected.review, rejected.review_remark) == (
        "rejected",
        "Een diner is geen vergaderkost.",
    )
    assert counting(rejected, support).reason == "niet geaccepteerd door de griffie"
    now = figures(lokaal, 2026, support)
    assert (now.spent, now.not_counted) == (D("125.50"), D("80.00"))
    assert AuditEvent.objects.count() == before + 2


def test_a_remark_or_unclear_still_counts(spend, support, griffie):
    remarked, unclear = spend(), spend(amount=D("86.50"), description="Lunch met bewoners")

    review_expense(*griffie, remarked, review="remark", remark="Factuur op naam van de fractie.")
    review_expense(*griffie, unclear, review="unclear", remark="Voorgelegd aan het presidium.")

    for expense in (remarked, unclear):
        expense.refresh_from_db()
        assert counting(expense, support).counts


@pytest.mark.parametrize(
    ("review", "remark"), [("", ""), ("great", ""), ("rejected", ""), ("remark", "kort")]
)
def test_a_review_other_than_akkoord_needs_a_remark(spend, griffie, review, remark):
    with pytest.raises(DomainError):
        review_expense(*griffie, spend(), review=review, remark=remark)


@pytest.mark.parametrize("username", ["raadslid2", "raadslid1", "wethouder1"])
def test_only_the_griffie_reviews(world, spend, as_viewer, username):
    with pytest.raises(Forbidden):
        review_expense(as_viewer(world[username]), world[username], spend(), review="ok")


def test_a_category_the_profile_no_longer_knows_does_not_count(world, spend, fresh):
    expense = spend(category="kantoor")
    categories = [
        c.model_dump(mode="json")
        for c in load_preset("vng-model").fractie_support.categories
        if c.code != "kantoor"
    ]
    support = build_profile(
        "vng-model", {"fractie_support": {"categories": categories}}
    ).fractie_support

    assert counting(expense, support).reason.startswith("onbekende categorie")


# --- removing, and the lock after submission --------------------------------------------------------


def test_the_treasurer_removes_a_wrong_entry_and_its_proof(
    world, spend, as_viewer, settings, django_capture_on_commit_callbacks
):
    expense = spend()
    before = AuditEvent.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        remove_expense(as_viewer(world["raadslid2"]), world["raadslid2"], expense)

    assert not Expense.objects.exists()
    assert stored_files(settings) == []
    assert AuditEvent.objects.count() == before + 1
    assert AuditEvent.objects.last().action == "budgets.expense_removed"
    with pytest.raises(Conflict, match="al verwijderd"):
        remove_expense(as_viewer(world["raadslid2"]), world["raadslid2"], expense)


def test_a_reviewed_entry_is_not_removed(world, spend, as_viewer, griffie):
    expense = spend()
    review_expense(*griffie, expense, review="ok")

    with pytest.raises(Conflict, match="al beoordeeld"):
        remove_expense(as_viewer(world["raadslid2"]), world["raadslid2"], expense)


@pytest.mark.parametrize("username", ["raadslid1", "raadslid3", "griffier", "raadslid8"])
def test_only_the_treasurer_removes(world, spend, as_viewer, username):
    expense = spend()

    with pytest.raises(Forbidden):
        remove_expense(as_viewer(world[username]), world[username], expense)
    assert Expense.objects.filter(pk=expense.pk).exists()


def test_after_approval_the_years_expenses_are_locked(
    world, lokaal, spend, as_viewer, griffie, settings
):
    treasurer = world["raadslid2"]
    old = spend(on=date(2025, 5, 1))
    submit(as_viewer(treasurer), treasurer, lokaal, 2025, today=TODAY)
    approve(*griffie, lokaal, 2025)
    files = stored_files(settings)
    before = AuditEvent.objects.count()

    with pytest.raises(Conflict) as refused:
        spend(on=date(2025, 6, 1))
    assert refused.value.status == 409
    assert refused.value.message == (
        "De verantwoording over 2025 is vastgesteld; uitgaven over dat jaar liggen vast."
    )
    # The proof of the refused entry is not left behind; nothing else changed.
    assert stored_files(settings) == files
    assert Expense.objects.count() == 1 and AuditEvent.objects.count() == before
    with pytest.raises(Conflict):
        remove_expense(as_viewer(treasurer), treasurer, old)
    with pytest.raises(Conflict, match="al vastgesteld"):
        review_expense(*griffie, old, review="rejected", remark="Te laat gezien.")
    # The next year is open as ever.
    assert spend(on=date(2026, 1, 5)).year == 2026


def test_a_submitted_year_is_locked_until_returned(world, lokaal, spend, as_viewer, griffie):
    treasurer = world["raadslid2"]
    spend(on=date(2025, 5, 1))
    submit(as_viewer(treasurer), treasurer, lokaal, 2025, today=TODAY)

    with pytest.raises(Conflict, match="2025 is ingediend"):
        spend(on=date(2025, 6, 1))

    return_statement(*griffie, lokaal, 2025, remark="De factuur van mei ontbreekt.")
    assert spend(on=date(2025, 6, 1)).year == 2025
