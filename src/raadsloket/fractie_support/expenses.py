# SPDX-License-Identifier: EUPL-1.2
"""Recording expenses of the fractieondersteuning, questions to the griffie and their review.

Gemeentewet art. 33 lid 3: the verordening sets rules on spending; the profile holds them as
spending categories. A not-allowed category is refused with the rule that forbids it; a doubtful
one counts only once the griffie has said it may. Every change is in the audit chain.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from raadsloket.access.fractie_support import keeps_books, reviews_budgets
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.fractie_support import notices
from raadsloket.fractie_support.models import Expense, SpendingQuestion, Statement, proof_path
from raadsloket.lib import uploads
from raadsloket.lib.errors import Conflict, DomainError, Forbidden
from raadsloket.lib.idempotency import insert_once
from raadsloket.organisation.models import Fractie

MAX_AMOUNT = Decimal("1000000.00")
# Proofs are receipts and invoices: a PDF or a photo, checked by content (lib.uploads), so a
# renamed executable or HTML page is not stored as "bon.pdf".
PROOFS = uploads.Allowed(
    (uploads.PDF, uploads.PNG, uploads.JPEG),
    wrong_type="Een bewijsstuk is een PDF of een foto (.pdf, .png, .jpg).",
)
EDITABLE = (Statement.Status.OPEN, Statement.Status.RETURNED)


@dataclass(frozen=True)
class Counting:
    """Whether an expense counts towards the statement, and if not, why (Dutch)."""

    counts: bool
    reason: str = ""
    # Waits for the griffie (or the presidium): the statement cannot be submitted yet.
    waiting: bool = False


def counting(expense: Expense, support) -> Counting:
    """The rule an expense falls under now: category, the griffie's answer, the review."""
    category = support.category(expense.category)
    if category is None:
        return Counting(False, "onbekende categorie: de verordening kent haar niet (meer)")
    if category.status == "not_allowed":
        return Counting(False, f"niet toegestaan: {category.rule}")
    if expense.review == Expense.Review.REJECTED:
        return Counting(False, "niet geaccepteerd door de griffie")
    question = expense.question
    if question is not None:
        if question.answer == SpendingQuestion.Answer.NOT_ALLOWED:
            return Counting(False, "niet toegestaan volgens het antwoord van de griffie")
        if question.answer != SpendingQuestion.Answer.ALLOWED:
            return Counting(False, "wacht op het antwoord van de griffie", waiting=True)
    elif category.status == "ask_griffie":
        return Counting(False, "eerst voorleggen aan de griffie")
    return Counting(True)


def _statement_open(fractie: Fractie, year: int) -> None:
    # The fractie row serialises recording against submitting (statement._statement_for_update
    # takes the same lock), so no expense slips into a year while its statement is submitted.
    Fractie.objects.select_for_update().filter(pk=fractie.pk).first()
    _check_year_open(fractie, year)


def _check_year_open(fractie: Fractie, year: int) -> None:
    status = (
        Statement.objects.filter(fractie=fractie, year=year)
        .values_list("status", flat=True)
        .first()
    )
    if status is not None and status not in EDITABLE:
        label = Statement.Status(status).label
        raise Conflict(
            f"De verantwoording over {year} is {label}; uitgaven over dat jaar liggen vast."
        )


def _check_amount(amount: Decimal) -> Decimal:
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise DomainError("Vul een bedrag in, bijvoorbeeld 125,50.", field="amount")
    if amount <= 0 or amount > MAX_AMOUNT:
        raise DomainError("Het bedrag ligt tussen € 0,01 en € 1.000.000,00.", field="amount")
    if amount != amount.quantize(Decimal("0.01")):
        raise DomainError(
            "Een bedrag heeft hoogstens twee cijfers achter de komma.", field="amount"
        )
    return amount


def _check_text(value: str, label: str, field: str, *, low: int, high: int) -> str:
    value = (value or "").strip()
    if len(value) < low or len(value) > high:
        raise DomainError(f"{label} is {low} tot {high} tekens lang.", field=field)
    return value


def record_expense(
    viewer: Viewer,
    actor,
    fractie: Fractie,
    *,
    on: date,
    amount: Decimal,
    category: str,
    description: str,
    proof: UploadedFile | None,
    question: str = "",
    today: date | None = None,
    submission_token: str = "",
) -> Expense:
    """The treasurer records one expense; a question makes it wait for the griffie's answer.

    `submission_token` is the form's (lib/idempotency.py): the same form twice records once.
    """
    if not keeps_books(viewer, fractie):
        raise Forbidden("Alleen de penningmeester van de fractie legt uitgaven vast.")
    support = viewer.profile.fractie_support
    today = today or timezone.localdate()
    if not isinstance(on, date) or on > today:
        raise DomainError("De datum van een uitgave ligt niet in de toekomst.", field="on")
    if on.year < today.year - 10:
        raise DomainError("Die datum ligt te ver terug.", field="on")
    _check_amount(amount)
    description = _check_text(description, "De omschrijving", "description", low=3, high=500)
    chosen = support.category(category or "")
    if chosen is None:
        raise DomainError("Kies een categorie.", field="category")
    if chosen.status == "not_allowed":
        # Gemeentewet art. 33 lid 3 and the verordening: refused with the rule that forbids it.
        raise DomainError(f"Deze uitgave is niet toegestaan. {chosen.rule}", field="category")
    question = (question or "").strip()
    if chosen.status == "ask_griffie" and not question:
        raise DomainError(
            f"Voor '{chosen.label}' vraagt u eerst de griffie of de uitgave is toegestaan: "
            "schrijf uw vraag erbij.",
            field="question",
        )
    if question:
        question = _check_text(question, "De vraag aan de griffie", "question", low=10, high=4000)
    if proof is None and support.proof_required:
        raise DomainError("Voeg een bewijsstuk toe (factuur of bon).", field="proof")
    shown = uploads.check_upload(proof, PROOFS, field="proof") if proof is not None else None
    token = uploads.stored_name()
    try:
        return _store_expense(
            actor,
            fractie,
            Expense(
                municipality_id=fractie.municipality_id,
                fractie=fractie,
                year=on.year,
                date=on,
                amount=amount,
                category=chosen.code,
                description=description,
                recorded_by=actor,
                submission_token=submission_token,
            ),
            question,
            shown,
            token,
        )
    except BaseException:
        # The row is gone with the transaction; its proof file must not stay behind.
        storage = Expense.proof.field.storage
        stored = proof_path(fractie, token)
        if shown is not None and storage.exists(stored):
            storage.delete(stored)
        raise


def _store_expense(actor, fractie, expense, question, shown, token):
    with transaction.atomic():
        _statement_open(fractie, expense.year)
        asked = None
        if question:
            asked = SpendingQuestion.objects.create(
                municipality_id=fractie.municipality_id,
                fractie=fractie,
                category=expense.category,
                question=question,
                asked_by=actor,
            )
        expense.question = asked
        if shown is not None:
            expense.proof_token = token
            expense.proof_name, expense.proof_content_type = shown.name, shown.content_type
            expense.proof_size = shown.size
            expense.proof.save(token, shown.file, save=False)
        insert_once(
            expense.save,
            token=expense.submission_token,
            existing=lambda: Expense.objects.filter(
                municipality_id=fractie.municipality_id,
                submission_token=expense.submission_token,
            ).first(),
            owned=lambda found: found.fractie_id == fractie.pk,
            message="Deze uitgave is al vastgelegd.",
        )
        amount, code = expense.amount, expense.category
        record(
            "budgets.expense_recorded",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={
                "fractie": fractie.pk,
                "expense": expense.pk,
                "year": expense.year,
                "amount": amount,
                "category": code,
                "question": asked.pk if asked else None,
            },
        )
        if asked is not None:
            notices.question_asked(asked, actor=actor)
    return expense


def check_removable(viewer: Viewer, expense: Expense) -> None:
    """Why `expense` may not be removed now (Forbidden or Conflict, in Dutch); the page asks
    before it shows the confirmation, remove_expense again on the locked row."""
    if not keeps_books(viewer, expense.fractie):
        raise Forbidden("Alleen de penningmeester van de fractie verwijdert uitgaven.")
    _check_year_open(expense.fractie, expense.year)
    if expense.review:
        raise Conflict(
            "De griffie heeft deze uitgave al beoordeeld; vraag de griffie om een correctie."
        )


def remove_expense(viewer: Viewer, actor, expense: Expense) -> None:
    """The treasurer removes a wrong entry while the year's statement is still open."""
    if not keeps_books(viewer, expense.fractie):
        raise Forbidden("Alleen de penningmeester van de fractie verwijdert uitgaven.")
    with transaction.atomic():
        _statement_open(expense.fractie, expense.year)
        locked = Expense.objects.select_for_update().filter(pk=expense.pk).first()
        if locked is None:
            raise Conflict("Deze uitgave is al verwijderd.")
        check_removable(viewer, locked)
        stored = locked.proof.name if locked.proof else ""
        record(
            "budgets.expense_removed",
            actor=actor,
            municipality_id=locked.municipality_id,
            detail={
                "fractie": locked.fractie_id,
                "expense": locked.pk,
                "year": locked.year,
                "amount": locked.amount,
                "category": locked.category,
            },
        )
        locked.delete()
        if stored:
            storage = locked.proof.storage
            transaction.on_commit(lambda: storage.delete(stored))


def answer_question(
    viewer: Viewer, actor, question: SpendingQuestion, *, answer: str, reasoning: str
) -> SpendingQuestion:
    """The griffie answers (or puts the question to the presidium); the answer is a precedent."""
    if not reviews_budgets(viewer) or question.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie beantwoordt vragen over uitgaven.")
    if answer not in SpendingQuestion.Answer.values or answer == SpendingQuestion.Answer.PENDING:
        raise DomainError(
            "Kies: toegestaan, niet toegestaan of voorleggen aan het presidium.", field="answer"
        )
    reasoning = _check_text(reasoning, "De motivering", "reasoning", low=10, high=4000)
    with transaction.atomic():
        locked = SpendingQuestion.objects.select_for_update().get(pk=question.pk)
        if locked.is_final:
            raise Conflict("Deze vraag is al beantwoord.")
        locked.answer = answer
        locked.reasoning = reasoning
        locked.answered_by = actor
        locked.answered_at = timezone.now()
        locked.save(update_fields=["answer", "reasoning", "answered_by", "answered_at"])
        record(
            "budgets.question_answered",
            actor=actor,
            municipality_id=locked.municipality_id,
            detail={"question": locked.pk, "fractie": locked.fractie_id, "answer": answer},
        )
        notices.question_answered(locked, actor=actor)
    return locked


def review_expense(
    viewer: Viewer, actor, expense: Expense, *, review: str, remark: str = ""
) -> Expense:
    """The griffie's judgement of one line: akkoord, a remark, not accepted, or unclear."""
    if not reviews_budgets(viewer) or expense.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie beoordeelt uitgaven.")
    if review not in Expense.Review.values or review == Expense.Review.NONE:
        raise DomainError("Kies een beoordeling.", field="review")
    remark = (remark or "").strip()
    if review != Expense.Review.OK:
        remark = _check_text(remark, "De opmerking", "remark", low=5, high=4000)
    elif len(remark) > 4000:
        raise DomainError("De opmerking is hoogstens 4000 tekens.", field="remark")
    with transaction.atomic():
        status = (
            Statement.objects.filter(fractie_id=expense.fractie_id, year=expense.year)
            .values_list("status", flat=True)
            .first()
        )
        if status == Statement.Status.APPROVED:
            raise Conflict(f"De verantwoording over {expense.year} is al vastgesteld.")
        locked = Expense.objects.select_for_update().get(pk=expense.pk)
        locked.review, locked.review_remark = review, remark
        locked.reviewed_by, locked.reviewed_at = actor, timezone.now()
        locked.save(update_fields=["review", "review_remark", "reviewed_by", "reviewed_at"])
        record(
            "budgets.expense_reviewed",
            actor=actor,
            municipality_id=locked.municipality_id,
            detail={"expense": locked.pk, "fractie": locked.fractie_id, "review": review},
        )
        if review == Expense.Review.UNCLEAR:
            notices.expense_unclear(locked, actor=actor)
    return locked
