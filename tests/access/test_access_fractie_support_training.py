# SPDX-License-Identifier: EUPL-1.2
"""Who sees and does what with fractieondersteuning and the opleidingsbudget (Gemeentewet art. 33 lid 2).

Every demo role is asked every access question about Lokaal Belang's budget in Gemeente
Voorbeeld. The rules (raadsloket.access.fractie_support): a fractie sees its own; only its treasurer
keeps the books; the griffie sees all of its municipality and reviews; the presidium (the chairs)
sees the overview and what was put to it; every member sees precedents and asks for training;
the college and the civil service see nothing; nothing crosses municipalities. The queryset
helpers must give the same answers as the per-object functions.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings

from raadsloket.access import fractie_support as access
from raadsloket.access import training as training_access
from raadsloket.access.viewer import ANONYMOUS, viewer_for
from raadsloket.demo.budgets import invoice_pdf
from raadsloket.demo.people import World, build_municipality
from raadsloket.fractie_support.expenses import answer_question, record_expense, review_expense
from raadsloket.fractie_support.models import Expense, SpendingQuestion
from raadsloket.organisation.models import Fractie, Municipality, Person
from raadsloket.training.models import TrainingRequest
from raadsloket.training.services import decide, request_training

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The questions asked of every person, in this order.
QUESTIONS = (
    "sees Lokaal Belang's budget",
    "belongs to Lokaal Belang",
    "keeps Lokaal Belang's books",
    "sees the overview",
    "sees the budget pages",
    "reviews budgets",
    "sees precedents",
    "may ask for training",
    "decides on training",
    "sees the training pages",
    "sees raadslid3's training request",
)
NOTHING = (False,) * len(QUESTIONS)
T, F = True, False

# (label, municipality, username): expected answers to QUESTIONS.
EXPECTED = {
    ("griffier", "main", "griffier"): (T, F, F, T, T, T, T, F, T, T, T),
    ("raadsadviseur", "main", "raadsadviseur"): (T, F, F, T, T, T, T, F, T, T, T),
    ("chair of Lokaal Belang", "main", "raadslid1"): (T, T, F, T, T, F, T, T, F, T, F),
    ("chair of the VVD", "main", "raadslid7"): (F, F, F, T, T, F, T, T, F, T, F),
    ("treasurer of Lokaal Belang", "main", "raadslid2"): (T, T, T, F, T, F, T, T, F, T, F),
    ("treasurer of the VVD", "main", "raadslid8"): (F, F, F, F, T, F, T, T, F, T, F),
    ("member of Lokaal Belang", "main", "raadslid3"): (T, T, F, F, T, F, T, T, F, T, T),
    ("member of the VVD", "main", "raadslid9"): (F, F, F, F, T, F, T, T, F, T, F),
    ("commissielid of Lokaal Belang", "main", "commissielid1"): (T, T, F, F, T, F, T, T, F, T, F),
    ("fractiemedewerker of Lokaal Belang", "main", "fractiemedewerker1"): (
        T, T, F, F, T, F, T, F, F, F, F,
    ),
    ("secretaris", "main", "secretaris"): NOTHING,
    ("kabinetschef", "main", "kabinetschef"): NOTHING,
    ("burgemeester", "main", "burgemeester"): NOTHING,
    ("wethouder", "main", "wethouder1"): NOTHING,
    ("collegecontact", "main", "collegecontact"): NOTHING,
    ("ambtenaar", "main", "ambtenaar1"): NOTHING,
    ("manager", "main", "manager1"): NOTHING,
    ("beheerder", "main", "beheerder"): NOTHING,
    # Domstede: their own municipality's pages, nothing of Voorbeeld.
    ("griffier of Domstede", "other", "griffier"): (F, F, F, T, T, T, T, F, T, T, F),
    ("treasurer of Lokaal Belang in Domstede", "other", "raadslid2"): (
        F, F, F, F, T, F, T, T, F, T, F,
    ),
    ("chair of Lokaal Belang in Domstede", "other", "raadslid1"): (
        F, F, F, T, T, F, T, T, F, T, F,
    ),
}  # fmt: skip
COLLEGE_AND_CIVIL_SERVICE = [key for key, answers in EXPECTED.items() if answers == NOTHING]


@dataclass
class Scene:
    main: World
    other: World
    lokaal: Fractie
    own_request: TrainingRequest
    media_root: object

    def person(self, key: tuple[str, str, str]) -> Person:
        _, town, username = key
        world = self.main if town == "main" else self.other
        return Person.objects.select_related("municipality").get(pk=world[username].pk)


def _spend(world, treasurer, fractie_name, category="achterban", question="", review=""):
    person = world[treasurer]
    fractie = Fractie.objects.get(municipality=world.municipality, name=fractie_name)
    expense = record_expense(
        viewer_for(person),
        person,
        fractie,
        on=date(2026, 5, 1),
        amount=Decimal("99.95"),
        category=category,
        description="Uitgave voor de toegangstest",
        proof=SimpleUploadedFile("bon.pdf", invoice_pdf("Bon", ["Voldaan."])),
        question=question,
        today=TODAY,
    )
    griffier = world["griffier"]
    if review:
        review_expense(
            viewer_for(griffier), griffier, expense, review=review, remark="Zie notitie."
        )
    return expense


def _answer(world, expense, answer):
    griffier = world["griffier"]
    answer_question(
        viewer_for(griffier), griffier, expense.question, answer=answer, reasoning="Zo besloten."
    )


def _train(world, username, kind, decision=None):
    person = world[username]
    request = request_training(
        viewer_for(person),
        person,
        kind=kind,
        title="Cursus voor de toegangstest",
        provider="Raadslid.Nu",
        start_date=date(2026, 12, 1),
        cost=Decimal("250.00"),
        purpose="Beter raadswerk door scholing.",
        not_party_political=True,
        today=TODAY,
    )
    if decision is not None:
        griffier = world["griffier"]
        decide(
            viewer_for(griffier),
            griffier,
            request,
            approve=decision,
            reason="Besluit van de griffie.",
        )
    return request


def _fill(world: World) -> TrainingRequest:
    """Spending, questions and training requests in every state, in one municipality."""
    ask = "Mogen wij deze kosten uit de fractieondersteuning betalen?"
    _spend(world, "raadslid2", "Lokaal Belang")
    _spend(world, "raadslid2", "Lokaal Belang", "overig", question=ask)  # pending
    _answer(world, _spend(world, "raadslid2", "Lokaal Belang", "overig", question=ask), "allowed")
    _spend(world, "raadslid8", "VVD", review="unclear")  # put to the presidium
    _spend(world, "raadslid8", "VVD", review="ok")
    _answer(world, _spend(world, "raadslid8", "VVD", "overig", question=ask), "presidium")
    _answer(world, _spend(world, "raadslid18", "CDA", "overig", question=ask), "not_allowed")
    own = _train(world, "raadslid3", TrainingRequest.Kind.PERSONAL)
    _train(world, "raadslid12", TrainingRequest.Kind.PERSONAL, decision=True)
    _train(world, "raadslid9", TrainingRequest.Kind.PERSONAL, decision=False)
    _train(world, "raadslid9", TrainingRequest.Kind.COLLECTIVE, decision=True)
    _train(world, "raadslid14", TrainingRequest.Kind.COLLECTIVE)  # pending collective
    return own


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, tmp_path_factory):
    """Both municipalities with their records, built once and rolled back after the module."""
    media_root = tmp_path_factory.mktemp("budget-access-files")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media_root),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            main = build_municipality("Gemeente Voorbeeld", "voorbeeld", password="demo")
            other = build_municipality(
                "Gemeente Domstede", "domstede", preset="utrecht", prefix="u-", password="demo"
            )
            own = _fill(main)
            _fill(other)
            lokaal = Fractie.objects.get(municipality=main.municipality, name="Lokaal Belang")
            yield Scene(main, other, lokaal, own, media_root)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def answers(viewer, scene: Scene) -> tuple[bool, ...]:
    lokaal = scene.lokaal
    return (
        access.sees_fractie_budget(viewer, lokaal),
        access.is_own_fractie(viewer, lokaal),
        access.keeps_books(viewer, lokaal),
        access.sees_budget_overview(viewer),
        access.sees_budget_pages(viewer),
        access.reviews_budgets(viewer),
        access.sees_precedents(viewer),
        training_access.may_request_training(viewer),
        training_access.decides_training(viewer),
        training_access.sees_training_pages(viewer),
        training_access.sees_training_request(viewer, scene.own_request),
    )


def explain(got: tuple[bool, ...], expected: tuple[bool, ...]) -> str:
    return "; ".join(
        f"{question}: {'yes' if found else 'no'}, expected {'yes' if wanted else 'no'}"
        for question, found, wanted in zip(QUESTIONS, got, expected, strict=True)
        if found != wanted
    )


# --- each person, each question ------------------------------------------------------------------


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda key: key[0])
def test_every_role_gets_its_answers(scene, key):
    got = answers(viewer_for(scene.person(key)), scene)

    assert got == EXPECTED[key], explain(got, EXPECTED[key])


@pytest.mark.parametrize("key", COLLEGE_AND_CIVIL_SERVICE, ids=lambda key: key[0])
def test_the_college_and_the_civil_service_see_nothing(scene, key):
    viewer = viewer_for(scene.person(key))

    assert not access.visible_fracties(viewer, Fractie.objects.all()).exists()
    assert not access.visible_expenses(viewer, Expense.objects.all()).exists()
    assert not access.visible_questions(viewer, SpendingQuestion.objects.all()).exists()
    assert access.precedent_rows(viewer, SpendingQuestion.objects.all()) == []
    assert not training_access.visible_training_requests(
        viewer, TrainingRequest.objects.all()
    ).exists()
    for fractie in Fractie.objects.all():
        assert not access.sees_fractie_budget(viewer, fractie)


# --- the querysets agree with the per-object answers ------------------------------------------------


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda key: key[0])
def test_the_querysets_agree_with_the_per_object_answers(scene, key):
    viewer = viewer_for(scene.person(key))
    presidium_sees = access.sees_budget_overview(viewer)

    fracties = set(access.visible_fracties(viewer, Fractie.objects.all()))
    assert fracties == {f for f in Fractie.objects.all() if access.sees_fractie_budget(viewer, f)}

    expenses = set(access.visible_expenses(viewer, Expense.objects.all()))
    assert expenses == {
        e
        for e in Expense.objects.select_related("fractie")
        if access.sees_fractie_budget(viewer, e.fractie)
        or (
            presidium_sees
            and e.review == Expense.Review.UNCLEAR
            and e.municipality_id == viewer.municipality_id
        )
    }

    questions = set(access.visible_questions(viewer, SpendingQuestion.objects.all()))
    assert questions == {
        q
        for q in SpendingQuestion.objects.select_related("fractie")
        if access.sees_fractie_budget(viewer, q.fractie)
        or (
            presidium_sees
            and q.answer == SpendingQuestion.Answer.PRESIDIUM
            and q.municipality_id == viewer.municipality_id
        )
    }

    requests = set(training_access.visible_training_requests(viewer, TrainingRequest.objects.all()))
    assert requests == {
        r
        for r in TrainingRequest.objects.all()
        if training_access.sees_training_request(viewer, r)
        or (
            # What the council's collective budget is spent on is every member's business.
            training_access.sees_training_pages(viewer)
            and r.municipality_id == viewer.municipality_id
            and r.kind == TrainingRequest.Kind.COLLECTIVE
            and r.status == TrainingRequest.Status.APPROVED
        )
    }


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda key: key[0])
def test_nothing_crosses_municipalities(scene, key):
    person = scene.person(key)
    viewer = viewer_for(person)
    town = person.municipality_id

    for model, helper in (
        (Fractie, access.visible_fracties),
        (Expense, access.visible_expenses),
        (SpendingQuestion, access.visible_questions),
        (TrainingRequest, training_access.visible_training_requests),
    ):
        assert set(
            helper(viewer, model.objects.all()).values_list("municipality_id", flat=True)
        ) <= {town}, model.__name__
    own_questions = set(
        SpendingQuestion.objects.filter(municipality_id=town).values_list("pk", flat=True)
    )
    rows = access.precedent_rows(viewer, SpendingQuestion.objects.all())
    assert {row["id"] for row in rows} <= own_questions
    for fractie in Fractie.objects.exclude(municipality_id=town):
        assert not access.sees_fractie_budget(viewer, fractie)
        assert not access.keeps_books(viewer, fractie)


# --- sentences ----------------------------------------------------------------------------------------


def test_the_griffie_sees_every_fractie_of_its_municipality(scene):
    viewer = viewer_for(scene.person(("griffier", "main", "griffier")))

    assert set(access.visible_fracties(viewer, Fractie.objects.all())) == set(
        Fractie.objects.filter(municipality=scene.main.municipality)
    )
    assert access.visible_expenses(viewer, Expense.objects.all()).count() == 7


def test_a_treasurer_sees_only_the_own_fracties_spending(scene):
    viewer = viewer_for(scene.person(("treasurer of Lokaal Belang", "main", "raadslid2")))

    seen = access.visible_expenses(viewer, Expense.objects.all())
    assert {e.fractie for e in seen} == {scene.lokaal}
    assert seen.count() == 3


def test_the_presidium_sees_what_was_put_to_it_but_not_other_fracties_lines(scene):
    viewer = viewer_for(scene.person(("chair of Lokaal Belang", "main", "raadslid1")))
    vvd = Fractie.objects.get(municipality=scene.main.municipality, name="VVD")

    seen = access.visible_expenses(viewer, Expense.objects.filter(fractie=vvd))
    assert [e.review for e in seen] == [Expense.Review.UNCLEAR]
    questions = access.visible_questions(viewer, SpendingQuestion.objects.filter(fractie=vvd))
    assert [q.answer for q in questions] == [SpendingQuestion.Answer.PRESIDIUM]
    assert not access.sees_fractie_budget(viewer, vvd)


def test_precedents_show_question_and_answer_without_fractie_or_amount(scene):
    viewer = viewer_for(scene.person(("member of the VVD", "main", "raadslid9")))

    rows = access.precedent_rows(viewer, SpendingQuestion.objects.all())

    assert sorted(row["answer"] for row in rows) == ["allowed", "not_allowed"]
    for row in rows:
        assert set(row) == {"id", "category", "question", "answer", "reasoning", "answered_on"}
    assert [
        r["category"]
        for r in access.precedent_rows(viewer, SpendingQuestion.objects.all(), "kantoor")
    ] == []


def test_a_member_sees_own_requests_and_the_councils_courses(scene):
    viewer = viewer_for(scene.person(("member of Lokaal Belang", "main", "raadslid3")))

    seen = training_access.visible_training_requests(viewer, TrainingRequest.objects.all())

    assert {(r.person.username, r.kind, r.status) for r in seen} == {
        ("raadslid3", "personal", "submitted"),
        ("raadslid9", "collective", "approved"),
    }


def test_a_profile_without_fractieondersteuning_shows_nothing_of_it(scene):
    town = Municipality.objects.get(pk=scene.main.municipality.pk)
    town.policy_overrides = {"fractie_support": {"enabled": False}}
    town.save()

    for key in EXPECTED:
        if key[1] != "main":
            continue
        viewer = viewer_for(scene.person(key))
        got = answers(viewer, scene)
        # Belonging to a fractie is a fact, not a permission; everything else is off.
        assert got[0] is False and got[2:7] == (False,) * 5, key[0]
        assert not access.visible_expenses(viewer, Expense.objects.all()).exists()
        assert access.precedent_rows(viewer, SpendingQuestion.objects.all()) == []
        # The opleidingsbudget is a separate choice of the council.
        assert answers(viewer, scene)[7:] == EXPECTED[key][7:], key[0]


def test_a_profile_without_opleidingsbudget_shows_nothing_of_it(scene):
    town = Municipality.objects.get(pk=scene.main.municipality.pk)
    town.policy_overrides = {"training_budget": {"enabled": False}}
    town.save()

    for key in EXPECTED:
        if key[1] != "main":
            continue
        viewer = viewer_for(scene.person(key))
        assert answers(viewer, scene)[7:] == (False,) * 4, key[0]
        assert not training_access.visible_training_requests(
            viewer, TrainingRequest.objects.all()
        ).exists()
        assert answers(viewer, scene)[:7] == EXPECTED[key][:7], key[0]


def test_nobody_signed_out_or_inactive_sees_anything(scene):
    inactive = scene.person(("treasurer of Lokaal Belang", "main", "raadslid2"))
    inactive.is_active = False

    for viewer in (ANONYMOUS, viewer_for(inactive)):
        assert answers(viewer, scene) == NOTHING
        assert not access.visible_fracties(viewer, Fractie.objects.all()).exists()
        assert not training_access.visible_training_requests(
            viewer, TrainingRequest.objects.all()
        ).exists()
