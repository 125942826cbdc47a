# SPDX-License-Identifier: EUPL-1.2
"""The fractieondersteuning and opleidingsbudget API (raadsloket.fractie_support.api), per role.

A fractie sees its own budget; the griffie all of its municipality; the presidium totals and
the unclear cases; the college, the civil service, the administrator and another municipality
nothing. Objects one may not see answer 404 like a missing id; amounts are exact strings.
"""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from raadsloket.access.viewer import viewer_for
from raadsloket.api.tokens import issue
from raadsloket.fractie_support.expenses import answer_question, record_expense, review_expense
from raadsloket.fractie_support.models import Expense, SpendingQuestion, Statement
from raadsloket.fractie_support.statement import approve, submit
from raadsloket.organisation.models import Fractie
from raadsloket.training.models import TrainingRequest
from raadsloket.training.services import decide, request_training

pytestmark = pytest.mark.django_db

YEAR = 2025  # before the profile's base year: the base amounts, whatever today is
T_YEAR = date.today().year  # courses are asked for this year or later
PDF = b"%PDF-1.4\n% bon\n"
MISSING = 987_654_321
HUGE = [2**63, 2**63 - 1, 2**70, 0, -1]
# Words that appear in exactly one text of the budget data: a response showing one shows it.
LB_LINE = "GEHEIM-LB-UITGAVE"
LB_QUESTION = "GEHEIM-LB-VRAAG"
LB_QUESTION_LINE = "GEHEIM-LB-VRAAGREGEL"
VVD_LINE = "GEHEIM-VVD-UITGAVE"
VVD_UNCLEAR = "GEHEIM-VVD-ONDUIDELIJK"
VVD_PRECEDENT = "GEHEIM-VVD-PRECEDENT"
VVD_PRECEDENT_LINE = "GEHEIM-VVD-PRECEDENTREGEL"
TRAINING_1 = "GEHEIM-OPLEIDING-RAADSLID1"
TRAINING_8 = "GEHEIM-OPLEIDING-RAADSLID8"
COLLECTIVE = "GEHEIM-COLLECTIEF"
DOMSTEDE = "GEHEIM-DOMSTEDE-UITGAVE"
ALL_MARKERS = [
    LB_LINE,
    LB_QUESTION,
    LB_QUESTION_LINE,
    VVD_LINE,
    VVD_UNCLEAR,
    VVD_PRECEDENT,
    VVD_PRECEDENT_LINE,
    TRAINING_1,
    TRAINING_8,
    COLLECTIVE,
    DOMSTEDE,
]
# Who may see nothing of Voorbeeld's budgets at all.
OUTSIDERS = [
    "wethouder1",
    "burgemeester",
    "ambtenaar1",
    "manager1",
    "secretaris",
    "beheerder",
    "collegecontact",
    "kabinetschef",
    "u-griffier",
    "u-raadslid1",
    "u-raadslid2",
]


def proof(name="bon.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def spend(world, username, fractie, amount, category, description, question=""):
    person = world[username]
    return record_expense(
        viewer_for(person),
        person,
        fractie,
        on=date(YEAR, 3, 1),
        amount=Decimal(amount),
        category=category,
        description=description,
        proof=proof(),
        question=question,
    )


class Budgets:
    def __init__(self, world, other_world):
        self.world, self.other = world, other_world
        self.lb = Fractie.objects.get(municipality=world.municipality, name="Lokaal Belang")
        self.vvd = Fractie.objects.get(municipality=world.municipality, name="VVD")
        self.people = {**world.people, **{f"u-{k}": v for k, v in other_world.people.items()}}
        self.tokens: dict[str, str] = {}

    def person(self, username):
        return self.people[username]

    def auth(self, username):
        if username not in self.tokens:
            self.tokens[username] = issue(self.person(username))
        return {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[username]}"}

    def get(self, username, url, **params):
        return Client().get(url, params, **self.auth(username))

    def post(self, username, url, data=None):
        return Client().post(
            url, json.dumps(data or {}), content_type="application/json", **self.auth(username)
        )


@pytest.fixture
def budgets(world, other_world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    b = Budgets(world, other_world)
    griffier = world["griffier"]
    b.lb_line = spend(world, "raadslid2", b.lb, "123.45", "kantoor", f"Printerpapier {LB_LINE}")
    b.lb_question_line = spend(
        world,
        "raadslid2",
        b.lb,
        "80.00",
        "overig",
        f"Lunch vrijwilligers {LB_QUESTION_LINE}",
        question=f"Mogen wij een lunch betalen? {LB_QUESTION}",
    )
    b.lb_question = b.lb_question_line.question
    b.vvd_line = spend(
        world, "raadslid8", b.vvd, "250.10", "vergaderkosten", f"Zaalhuur {VVD_LINE}"
    )
    b.vvd_unclear = spend(world, "raadslid8", b.vvd, "99.99", "kantoor", f"Tablet {VVD_UNCLEAR}")
    review_expense(
        viewer_for(griffier),
        griffier,
        b.vvd_unclear,
        review="unclear",
        remark="Privégebruik is niet uit te sluiten.",
    )
    b.vvd_precedent_line = spend(
        world,
        "raadslid8",
        b.vvd,
        "40.00",
        "overig",
        f"Nieuwsbrief {VVD_PRECEDENT_LINE}",
        question=f"Mag een digitale nieuwsbrief? {VVD_PRECEDENT}",
    )
    b.vvd_question = b.vvd_precedent_line.question
    answer_question(
        viewer_for(griffier),
        griffier,
        b.vvd_question,
        answer="allowed",
        reasoning="Communicatie over het raadswerk valt onder achterban.",
    )

    def ask(username, kind, purpose, cost="250.00", world_=world):
        person = world_[username]
        return request_training(
            viewer_for(person),
            person,
            kind=kind,
            title="Cursus begroting lezen",
            provider="Academie",
            start_date=date(T_YEAR, 5, 1),
            cost=Decimal(cost),
            purpose=purpose,
            not_party_political=True,
        )

    b.training_1 = ask("raadslid1", "personal", f"Beter de begroting lezen. {TRAINING_1}")
    b.training_8 = ask("raadslid8", "personal", f"Beter de jaarrekening lezen. {TRAINING_8}")
    b.collective = ask("raadslid3", "collective", f"Voor de hele raad. {COLLECTIVE}", "900.00")
    decide(viewer_for(griffier), griffier, b.collective, approve=True, reason="")
    u_fractie = other_world["raadslid2"].fractie
    b.domstede_line = spend(
        other_world, "raadslid2", u_fractie, "10.00", "kantoor", f"Pennen {DOMSTEDE}"
    )
    b.domstede_training = ask(
        "raadslid1", "personal", "Domstede opleiding voor het raadswerk.", world_=other_world
    )
    return b


def markers_in(response) -> list[str]:
    text = response.content.decode()
    return [marker for marker in ALL_MARKERS if marker in text]


# --- the fracties and their statements ------------------------------------------------------


def test_griffie_sees_every_fractie_with_all_figures(budgets):
    body = budgets.get("griffier", "/api/v1/budgets/fracties", year=YEAR).json()
    assert body["year"] == YEAR
    rows = {row["name"]: row for row in body["items"]}
    assert len(rows) == 8 and all(row["detail"] for row in rows.values())
    lb = rows["Lokaal Belang"]
    # 1314.30 + 6 × 199.77; only the counted line (the question waits for the griffie).
    assert lb["allocation"] == "2512.92"
    assert lb["spent"] == "123.45"
    assert lb["not_counted"] == "80.00"
    assert lb["balance"] == "2389.47"
    # Reserve up to 25 % of the allocation (628.23); the rest is repaid.
    assert lb["closing_reserve"] == "628.23"
    assert lb["to_repay"] == "1761.24"
    assert lb["deficit"] == "0.00"
    assert lb["waiting"] == 1
    assert lb["deadline"] == f"{YEAR + 1}-02-15"
    vvd = rows["VVD"]
    # 1314.30 + 5 × 199.77 = 2313.15; zaalhuur 250.10, tablet 99.99 and the allowed 40.00.
    assert (vvd["allocation"], vvd["spent"], vvd["unclear"]) == ("2313.15", "390.09", 1)


def test_a_member_sees_only_the_own_fractie(budgets):
    for username in ("raadslid3", "fractiemedewerker1", "commissielid1", "raadslid2"):
        rows = budgets.get(username, "/api/v1/budgets/fracties", year=YEAR).json()["items"]
        assert [(row["name"], row["detail"]) for row in rows] == [("Lokaal Belang", True)]


def test_the_presidium_sees_every_fractie_but_only_totals(budgets):
    rows = budgets.get("raadslid7", "/api/v1/budgets/fracties", year=YEAR).json()["items"]
    by_name = {row["name"]: row for row in rows}
    assert len(by_name) == 8
    lb = by_name["Lokaal Belang"]
    assert lb["detail"] is False
    assert (lb["status"], lb["allocation"], lb["spent"], lb["balance"]) == (
        "open",
        "2512.92",
        "123.45",
        "2389.47",
    )
    for hidden in ("opening_reserve", "not_counted", "closing_reserve", "to_repay", "waiting"):
        assert lb[hidden] is None, hidden
    assert by_name["VVD"]["detail"] is True  # the chair's own fractie
    # No lines: neither statement nor expenses of another fractie.
    for path in ("statement", "expenses"):
        url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/{path}"
        assert budgets.get("raadslid7", url, year=YEAR).status_code == 404


@pytest.mark.parametrize("username", OUTSIDERS)
def test_outsiders_get_no_voorbeeld_fractie(budgets, username):
    rows = budgets.get(username, "/api/v1/budgets/fracties", year=YEAR).json()["items"]
    voorbeeld = set(
        Fractie.objects.filter(municipality=budgets.world.municipality).values_list("pk", flat=True)
    )
    assert not {row["id"] for row in rows} & voorbeeld


def test_the_statement_with_allocation_lines_and_categories(budgets):
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/statement"
    for username in ("raadslid3", "griffier", "raadsadviseur"):
        response = budgets.get(username, url, year=YEAR)
        assert response.status_code == 200, username
        body = response.json()
        assert body["fractie"] == {"id": budgets.lb.pk, "name": "Lokaal Belang"}
        assert body["allocation"]["lines"] == [
            {
                "start": f"{YEAR}-01-01",
                "end": f"{YEAR}-12-31",
                "days": 365,
                "seats": 6,
                "fixed_part": "1314.30",
                "seat_part": "1198.62",
                "total": "2512.92",
            }
        ]
        assert body["by_category"] == [
            {
                "code": "kantoor",
                "label": "Kantoor, ICT en abonnementen",
                "amount": "123.45",
                "count": 1,
            }
        ]
        assert (body["opening_reserve"], body["available"], body["reserve_cap"]) == (
            "0.00",
            "2512.92",
            "628.23",
        )
        assert (body["status"], body["frozen"], body["waiting"]) == ("open", False, 1)


@pytest.mark.parametrize("username", [*OUTSIDERS, "raadslid7", "raadslid8", "raadslid9"])
def test_statement_and_expenses_of_an_invisible_fractie_are_404_like_a_missing_one(
    budgets, username
):
    for path in ("statement", "expenses"):
        missing = budgets.get(username, f"/api/v1/budgets/fracties/{MISSING}/{path}")
        hidden = budgets.get(username, f"/api/v1/budgets/fracties/{budgets.lb.pk}/{path}")
        assert hidden.status_code == missing.status_code == 404
        assert hidden.json() == missing.json() == {"detail": "Fractie niet gevonden.", "errors": {}}


@pytest.mark.parametrize("fractie_id", HUGE)
def test_huge_and_impossible_ids_are_404(budgets, fractie_id):
    for path in ("statement", "expenses"):
        url = f"/api/v1/budgets/fracties/{fractie_id}/{path}"
        assert budgets.get("griffier", url).status_code == 404, url
    response = budgets.post(
        "raadslid2",
        f"/api/v1/budgets/fracties/{fractie_id}/expenses",
        {"date": f"{YEAR}-03-01", "amount": "1.00", "category": "kantoor", "description": "Papier"},
    )
    assert response.status_code == 404
    assert (
        budgets.post(
            "griffier",
            f"/api/v1/budgets/questions/{fractie_id}/answer",
            {"answer": "allowed", "reasoning": "x" * 20},
        ).status_code
        == 404
    )
    for action in ("decision", "withdraw"):
        assert (
            budgets.post(
                "griffier", f"/api/v1/training/requests/{fractie_id}/{action}", {"approve": True}
            ).status_code
            == 404
        )


def test_year_out_of_range_is_422_not_500(budgets):
    for year in (1, 99999, 2**63):
        response = budgets.get("griffier", "/api/v1/budgets/fracties", year=year)
        assert response.status_code == 422
        assert "year" in response.json()["errors"]


# --- expenses ------------------------------------------------------------------------------


def test_the_own_fractie_reads_its_lines_with_amounts_exact(budgets):
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses"
    body = budgets.get("raadslid3", url, year=YEAR).json()
    lines = {line["id"]: line for line in body["items"]}
    assert set(lines) == {budgets.lb_line.pk, budgets.lb_question_line.pk}
    first = lines[budgets.lb_line.pk]
    assert (first["amount"], first["counts"], first["category"]) == ("123.45", True, "kantoor")
    assert (
        first["proof"]["url"] == f"/fractieondersteuning/uitgaven/{budgets.lb_line.pk}/bewijsstuk"
    )
    waiting = lines[budgets.lb_question_line.pk]
    assert (waiting["counts"], waiting["waiting"]) == (False, True)
    assert waiting["question"]["answer"] == ""
    assert LB_QUESTION in waiting["question"]["question"]
    assert VVD_LINE not in json.dumps(body)


def test_expenses_paginate(budgets):
    url = f"/api/v1/budgets/fracties/{budgets.vvd.pk}/expenses"
    first = budgets.get("griffier", url, year=YEAR, limit=2).json()
    assert len(first["items"]) == 2 and first["next_after"]
    rest = budgets.get("griffier", url, year=YEAR, limit=2, after=first["next_after"]).json()
    assert len(rest["items"]) == 1 and rest["next_after"] is None
    ids = [e["id"] for e in first["items"] + rest["items"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 3


def expense_body(**changes):
    return {
        "date": f"{YEAR}-06-01",
        "amount": "1234.50",
        "category": "kantoor",
        "description": "Laptop voor de fractie",
        **changes,
    }


def test_json_without_proof_says_to_use_multipart(budgets):
    before = Expense.objects.count()
    response = budgets.post(
        "raadslid2", f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses", expense_body()
    )
    assert response.status_code == 400
    body = response.json()
    assert "multipart/form-data" in body["detail"] and "proof" in body["errors"]
    assert f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses/upload" in body["detail"]
    assert Expense.objects.count() == before


def test_json_records_an_expense_when_the_profile_needs_no_proof(budgets):
    municipality = budgets.world.municipality
    municipality.policy_overrides = {"fractie_support": {"proof_required": False}}
    municipality.save()
    response = budgets.post(
        "raadslid2",
        f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses",
        expense_body(amount="0.10"),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["amount"], body["proof"], body["counts"]) == ("0.10", None, True)


def test_multipart_with_a_proof_records_the_expense_exactly(budgets):
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses/upload"
    response = Client().post(
        url,
        {**expense_body(amount="1234.5"), "proof": proof("factuur.pdf")},
        **budgets.auth("raadslid2"),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["amount"], body["date"], body["proof"]["name"]) == (
        "1234.50",
        f"{YEAR}-06-01",
        "factuur.pdf",
    )
    stored = Expense.objects.get(pk=body["id"])
    assert stored.amount == Decimal("1234.50") and stored.fractie == budgets.lb
    statement = budgets.get(
        "raadslid2", f"/api/v1/budgets/fracties/{budgets.lb.pk}/statement", year=YEAR
    ).json()
    assert statement["spent"] == "1357.95"  # 123.45 + 1234.50


def test_a_proof_that_is_not_a_pdf_is_refused_and_nothing_stays(budgets, settings):
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses/upload"
    before = Expense.objects.count()
    response = Client().post(
        url, {**expense_body(), "proof": proof("bon.pdf", b"<html>")}, **budgets.auth("raadslid2")
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"proof": ["'bon.pdf' is geen geldig PDF-bestand."]}
    assert Expense.objects.count() == before
    missing = Client().post(url, expense_body(), **budgets.auth("raadslid2"))
    assert missing.status_code == 422 and "proof" in missing.json()["errors"]


def test_an_executable_renamed_pdf_is_refused_as_a_proof(budgets):
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses/upload"
    before = Expense.objects.count()
    executable = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\0\0"
    response = Client().post(
        url, {**expense_body(), "proof": proof("nep.pdf", executable)}, **budgets.auth("raadslid2")
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"proof": ["'nep.pdf' is geen geldig PDF-bestand."]}
    assert Expense.objects.count() == before


def test_a_not_allowed_category_is_refused_with_the_rule(budgets):
    rule = budgets.world.municipality.policy.fractie_support.category("giften").rule
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses/upload"
    before = Expense.objects.count()
    response = Client().post(
        url, {**expense_body(category="giften"), "proof": proof()}, **budgets.auth("raadslid2")
    )
    assert response.status_code == 400
    body = response.json()
    assert rule in body["detail"] and body["detail"].startswith("Deze uitgave is niet toegestaan")
    assert body["errors"] == {"category": [body["detail"]]}
    json_response = budgets.post(
        "raadslid2",
        f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses",
        expense_body(category="giften"),
    )
    assert json_response.status_code == 400 and rule in json_response.json()["detail"]
    assert Expense.objects.count() == before


@pytest.mark.parametrize(
    ("changes", "status", "field"),
    [
        ({"amount": "12,3456"}, 400, "amount"),
        ({"amount": "0.001"}, 400, "amount"),
        ({"amount": "abc"}, 400, "amount"),
        ({"amount": "-5"}, 400, "amount"),
        ({"amount": "NaN"}, 400, "amount"),
        ({"amount": "1e3"}, 400, "amount"),
        ({"amount": " 12.50"}, 400, "amount"),
        ({"amount": 12.5}, 422, "amount"),
        ({"amount": "2000000.00"}, 400, "amount"),
        ({"date": "2999-01-01"}, 400, "date"),
        ({"date": "niet-een-datum"}, 422, "date"),
        ({"category": "bestaat-niet"}, 400, "category"),
        ({"category": "overig"}, 400, "question"),
        ({"description": "x"}, 400, "description"),
    ],
)
def test_bad_input_is_a_dutch_error_on_the_field(budgets, changes, status, field):
    before = Expense.objects.count()
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses/upload"
    data = {**expense_body(**changes), "proof": proof()}
    if not isinstance(data["amount"], str):
        response = budgets.post("raadslid2", url.removesuffix("/upload"), expense_body(**changes))
    else:
        response = Client().post(url, data, **budgets.auth("raadslid2"))
    assert response.status_code == status, response.content
    assert field in response.json()["errors"], response.json()
    assert Expense.objects.count() == before


def test_only_the_treasurer_records_and_others_see_nothing(budgets):
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses"
    before = Expense.objects.count()
    for username in ("raadslid3", "raadslid1", "fractiemedewerker1", "griffier"):
        response = budgets.post(username, url, expense_body())
        assert response.status_code == 403, username
        assert response.json()["detail"] == (
            "Alleen de penningmeester van de fractie legt uitgaven vast."
        )
    for username in ("raadslid8", "raadslid7", *OUTSIDERS):
        assert budgets.post(username, url, expense_body()).status_code == 404, username
        upload = Client().post(
            f"{url}/upload", {**expense_body(), "proof": proof()}, **budgets.auth(username)
        )
        assert upload.status_code == 404, username
    assert Expense.objects.count() == before


def test_a_session_without_csrf_token_cannot_post(budgets):
    client = Client(enforce_csrf_checks=True)
    client.force_login(budgets.person("raadslid2"))
    response = client.post(
        f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses",
        json.dumps(expense_body()),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_body_over_the_limit_is_413_and_json_that_is_not_json_400(budgets):
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/expenses"
    before = Expense.objects.count()
    huge = Client().post(
        url,
        json.dumps(expense_body(description="x" * 6_000_000)),
        content_type="application/json",
        **budgets.auth("raadslid2"),
    )
    assert huge.status_code == 413 and huge.json()["detail"].startswith("Het verzoek is te groot")
    broken = Client().post(
        url, "{niet: json", content_type="application/json", **budgets.auth("raadslid2")
    )
    assert broken.status_code == 400 and "JSON" in broken.json()["detail"]
    assert Expense.objects.count() == before


def test_an_approved_statement_keeps_its_figures(budgets):
    griffier, treasurer = budgets.person("griffier"), budgets.person("raadslid2")
    answer_question(
        viewer_for(griffier),
        griffier,
        budgets.lb_question,
        answer="allowed",
        reasoning="Een lunch voor vrijwilligers mag.",
    )
    submit(viewer_for(treasurer), treasurer, budgets.lb, YEAR)
    approve(viewer_for(griffier), griffier, budgets.lb, YEAR)
    url = f"/api/v1/budgets/fracties/{budgets.lb.pk}/statement"
    before = budgets.get("raadslid3", url, year=YEAR).json()
    assert (before["status"], before["frozen"], before["spent"], before["balance"]) == (
        "approved",
        True,
        "203.45",
        "2309.47",
    )
    # The council raises the amounts afterwards: the approved account does not change.
    municipality = budgets.world.municipality
    municipality.policy_overrides = {"fractie_support": {"per_seat": "500.00"}}
    municipality.save()
    after = budgets.get("raadslid3", url, year=YEAR).json()
    for key in ("spent", "balance", "closing_reserve", "to_repay", "opening_reserve"):
        assert after[key] == before[key], key
    assert after["allocation"]["total"] == "2512.92"
    assert after["allocation"]["lines"] == before["allocation"]["lines"]
    row = next(
        r
        for r in budgets.get("raadslid7", "/api/v1/budgets/fracties", year=YEAR).json()["items"]
        if r["id"] == budgets.lb.pk
    )
    assert (row["status"], row["allocation"], row["spent"]) == ("approved", "2512.92", "203.45")
    # Nothing more is booked on an approved year.
    late = Client().post(
        f"{url.removesuffix('/statement')}/expenses/upload",
        {**expense_body(), "proof": proof()},
        **budgets.auth("raadslid2"),
    )
    assert late.status_code == 409
    assert Statement.objects.get(fractie=budgets.lb, year=YEAR).status == "approved"


# --- unclear cases, questions and precedents ------------------------------------------------


def test_the_presidium_sees_the_unclear_cases(budgets):
    rows = budgets.get("raadslid1", "/api/v1/budgets/unclear").json()
    assert [(row["id"], row["amount"], row["fractie"]["name"]) for row in rows] == [
        (budgets.vvd_unclear.pk, "99.99", "VVD")
    ]
    assert budgets.get("griffier", "/api/v1/budgets/unclear").json()[0]["id"] == rows[0]["id"]
    # A member who is no fractievoorzitter, and any outsider: none of another fractie's.
    for username in ("raadslid3", "raadslid2", *OUTSIDERS):
        assert budgets.get(username, "/api/v1/budgets/unclear").json() == [], username


def test_questions_per_role(budgets):
    def ids(username, **params):
        body = budgets.get(username, "/api/v1/budgets/questions", **params).json()
        return {row["id"] for row in body["items"]}

    lb, vvd = budgets.lb_question.pk, budgets.vvd_question.pk
    assert ids("griffier") == {lb, vvd}
    assert ids("griffier", state="open") == {lb}
    assert ids("griffier", state="answered") == {vvd}
    assert ids("raadslid3") == {lb}
    assert ids("raadslid8") == {vvd}
    # The presidium sees only what is put to it; nothing is yet.
    assert ids("raadslid1") == {lb}  # its own fractie's
    for username in OUTSIDERS:
        assert ids(username) == set(), username
    row = budgets.get("raadslid3", "/api/v1/budgets/questions").json()["items"][0]
    assert row["fractie"] == {"id": budgets.lb.pk, "name": "Lokaal Belang"}
    assert [(e["amount"], e["id"]) for e in row["expenses"]] == [
        ("80.00", budgets.lb_question_line.pk)
    ]


def test_the_griffie_answers_and_the_answer_becomes_a_precedent(budgets):
    url = f"/api/v1/budgets/questions/{budgets.lb_question.pk}/answer"
    # The fractie sees its question but does not answer it.
    forbidden = budgets.post("raadslid2", url, {"answer": "allowed", "reasoning": "x" * 20})
    assert forbidden.status_code == 403
    for username in ("raadslid8", "raadslid7", *OUTSIDERS):
        response = budgets.post(username, url, {"answer": "allowed", "reasoning": "x" * 20})
        assert response.status_code == 404, username
        assert response.json() == {"detail": "Vraag niet gevonden.", "errors": {}}
    assert (
        budgets.post("griffier", url, {"answer": "misschien", "reasoning": "x" * 20}).status_code
        == 422
    )
    short = budgets.post("griffier", url, {"answer": "allowed", "reasoning": "kort"})
    assert short.status_code == 400 and "reasoning" in short.json()["errors"]
    # Unclear: to the presidium, who then sees the question but not the amount.
    response = budgets.post(
        "griffier", url, {"answer": "presidium", "reasoning": "Het presidium beslist hierover."}
    )
    assert response.status_code == 200 and response.json()["answer"] == "presidium"
    seen = budgets.get("raadslid7", "/api/v1/budgets/questions").json()["items"]
    put = next(row for row in seen if row["id"] == budgets.lb_question.pk)
    assert put["expenses"] == [] and put["asked_by"] is None
    assert "80.00" not in json.dumps(put)
    final = budgets.post(
        "griffier", url, {"answer": "not_allowed", "reasoning": "Een lunch is geen fractiekosten."}
    )
    assert final.status_code == 200
    again = budgets.post(
        "griffier",
        url,
        {"answer": "allowed", "reasoning": "Toch wel toegestaan, bij nader inzien."},
    )
    assert again.status_code == 409
    assert SpendingQuestion.objects.get(pk=budgets.lb_question.pk).answer == "not_allowed"
    precedents = budgets.get("raadslid8", "/api/v1/budgets/precedents").json()
    assert {row["id"] for row in precedents} == {budgets.lb_question.pk, budgets.vvd_question.pk}


def test_precedents_show_neither_fractie_nor_amounts(budgets):
    for username in ("raadslid3", "raadslid9", "commissielid1", "griffier", "raadslid7"):
        rows = budgets.get(username, "/api/v1/budgets/precedents").json()
        assert len(rows) == 1, username
        row = rows[0]
        assert set(row) == {
            "id",
            "category",
            "category_label",
            "question",
            "answer",
            "answer_label",
            "reasoning",
            "answered_on",
        }
        assert VVD_PRECEDENT in row["question"] and row["answer"] == "allowed"
        text = json.dumps(rows)
        assert '"VVD"' not in text and "40.00" not in text and VVD_PRECEDENT_LINE not in text
    assert budgets.get("raadslid3", "/api/v1/budgets/precedents", category="overig").json()
    assert budgets.get("raadslid3", "/api/v1/budgets/precedents", category="kantoor").json() == []
    for username in OUTSIDERS:
        assert budgets.get(username, "/api/v1/budgets/precedents").json() == [], username


def test_categories_are_for_the_council_side(budgets):
    rows = budgets.get("raadslid3", "/api/v1/budgets/categories").json()
    giften = next(row for row in rows if row["code"] == "giften")
    assert giften["status"] == "not_allowed" and "giften" in giften["rule"]
    for username in ("wethouder1", "ambtenaar1", "beheerder"):
        assert budgets.get(username, "/api/v1/budgets/categories").status_code == 403


# --- opleidingsbudget ------------------------------------------------------------------------


def test_training_requests_per_role(budgets):
    def rows(username):
        return {
            row["id"]: row
            for row in budgets.get(username, "/api/v1/training/requests").json()["items"]
        }

    one, eight, collective = budgets.training_1.pk, budgets.training_8.pk, budgets.collective.pk
    assert set(rows("griffier")) == {one, eight, collective}
    mine = rows("raadslid1")
    assert set(mine) == {one, collective}
    assert mine[one]["mine"] and mine[one]["cost"] == "250.00"
    # Someone else's collective course: what it is, not who asked or why it was decided.
    assert (mine[collective]["person"], mine[collective]["decision_reason"]) == (None, None)
    assert set(rows("raadslid8")) == {eight, collective}
    assert set(rows("u-raadslid1")) == {budgets.domstede_training.pk}
    for username in (
        "wethouder1",
        "burgemeester",
        "ambtenaar1",
        "manager1",
        "secretaris",
        "beheerder",
        "collegecontact",
        "fractiemedewerker1",
        "u-griffier",
    ):
        assert not set(rows(username)) & {one, eight, collective}, username


def training_body(**changes):
    return {
        "kind": "personal",
        "title": "Cursus omgevingswet",
        "provider": "VNG Academie",
        "start_date": f"{T_YEAR}-09-01",
        "cost": "350.25",
        "purpose": "Beter de omgevingsvisie kunnen beoordelen.",
        "not_party_political": True,
        **changes,
    }


def test_a_member_requests_a_course_within_the_rules(budgets):
    before = TrainingRequest.objects.count()
    party = budgets.post(
        "raadslid3", "/api/v1/training/requests", training_body(not_party_political=False)
    )
    assert party.status_code == 400
    assert "partijpolitieke scholing" in party.json()["detail"]
    too_much = budgets.post("raadslid3", "/api/v1/training/requests", training_body(cost="1000.01"))
    assert too_much.status_code == 400 and "cost" in too_much.json()["errors"]
    assert (
        budgets.post(
            "raadslid3", "/api/v1/training/requests", training_body(kind="iets")
        ).status_code
        == 422
    )
    assert TrainingRequest.objects.count() == before
    for username in ("fractiemedewerker1", "griffier", "wethouder1", "ambtenaar1", "beheerder"):
        response = budgets.post(username, "/api/v1/training/requests", training_body())
        assert response.status_code == 403, username
    created = budgets.post("raadslid3", "/api/v1/training/requests", training_body())
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["cost"], body["status"], body["year"], body["mine"]) == (
        "350.25",
        "submitted",
        T_YEAR,
        True,
    )
    budget = budgets.get("raadslid3", "/api/v1/training/budget", year=T_YEAR).json()
    assert budget["personal"] == {
        "kind": "personal",
        "year": T_YEAR,
        "amount": "1000.00",
        "approved": "0.00",
        "pending": "350.25",
        "remaining": "1000.00",
    }


def test_the_griffie_decides_and_others_cannot(budgets):
    url = f"/api/v1/training/requests/{budgets.training_1.pk}/decision"
    assert budgets.post("raadslid1", url, {"approve": True}).status_code == 403
    for username in ("raadslid8", "raadslid3", "u-griffier", *OUTSIDERS):
        response = budgets.post(username, url, {"approve": True})
        assert response.status_code == 404, username
        assert response.json() == {"detail": "Aanvraag niet gevonden.", "errors": {}}
    refused = budgets.post("griffier", url, {"approve": False, "reason": "kort"})
    assert refused.status_code == 400 and "reason" in refused.json()["errors"]
    approved = budgets.post("griffier", url, {"approve": True})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert budgets.post("griffier", url, {"approve": True}).status_code == 409
    budget = budgets.get("raadslid1", "/api/v1/training/budget", year=T_YEAR).json()
    assert (budget["personal"]["approved"], budget["personal"]["remaining"]) == ("250.00", "750.00")
    assert (budget["collective"]["approved"], budget["collective"]["remaining"]) == (
        "900.00",
        "9100.00",
    )


def test_only_the_requester_withdraws(budgets):
    url = f"/api/v1/training/requests/{budgets.training_8.pk}/withdraw"
    assert budgets.post("raadslid1", url).status_code == 404
    assert budgets.post("griffier", url).status_code == 403
    response = budgets.post("raadslid8", url)
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"
    assert budgets.post("raadslid8", url).status_code == 409


def test_the_training_budget_per_role(budgets):
    member = budgets.get("raadslid1", "/api/v1/training/budget", year=T_YEAR).json()
    assert member["personal"]["pending"] == "250.00"
    assert member["collective"]["amount"] == "10000.00"
    assert "partijpolitieke" in member["rule"]
    griffie = budgets.get("griffier", "/api/v1/training/budget", year=T_YEAR).json()
    assert griffie["personal"] is None and griffie["collective"]["approved"] == "900.00"
    for username in (
        "wethouder1",
        "burgemeester",
        "ambtenaar1",
        "manager1",
        "secretaris",
        "beheerder",
        "collegecontact",
        "fractiemedewerker1",
    ):
        assert budgets.get(username, "/api/v1/training/budget").status_code == 403, username


# --- nothing of it reaches an outsider ---------------------------------------------------------


def every_url(budgets) -> list[str]:
    ids = {
        "fractie": list(Fractie.objects.values_list("pk", flat=True)),
    }
    urls = [
        "/api/v1/budgets/fracties",
        f"/api/v1/budgets/fracties?year={YEAR}",
        "/api/v1/budgets/unclear",
        "/api/v1/budgets/questions",
        "/api/v1/budgets/precedents",
        "/api/v1/budgets/categories",
        "/api/v1/training/requests",
        "/api/v1/training/budget",
        f"/api/v1/training/budget?year={T_YEAR}",
    ]
    for fractie_id in ids["fractie"]:
        urls += [
            f"/api/v1/budgets/fracties/{fractie_id}/statement?year={YEAR}",
            f"/api/v1/budgets/fracties/{fractie_id}/expenses?year={YEAR}",
        ]
    return urls


# What each reader may see of the markers (the rules of raadsloket.access.fractie_support, restated).
MAY_SEE = {
    "raadslid3": {LB_LINE, LB_QUESTION, LB_QUESTION_LINE, VVD_PRECEDENT, COLLECTIVE},
    "raadslid7": {VVD_LINE, VVD_UNCLEAR, VVD_PRECEDENT, VVD_PRECEDENT_LINE, COLLECTIVE},
    "raadslid1": {
        LB_LINE,
        LB_QUESTION,
        LB_QUESTION_LINE,
        VVD_UNCLEAR,
        VVD_PRECEDENT,
        TRAINING_1,
        COLLECTIVE,
    },
    "fractiemedewerker1": {LB_LINE, LB_QUESTION, LB_QUESTION_LINE, VVD_PRECEDENT},
    **{username: set() for username in OUTSIDERS},
    "u-raadslid1": {DOMSTEDE},
    "u-griffier": {DOMSTEDE},
    "u-raadslid2": {DOMSTEDE},
}


@pytest.mark.parametrize("username", sorted(MAY_SEE))
def test_no_response_shows_a_reader_what_is_not_theirs(budgets, username):
    seen: set[str] = set()
    for url in every_url(budgets):
        response = budgets.get(username, url)
        assert response.status_code < 500, url
        found = set(markers_in(response))
        leaked = found - MAY_SEE[username]
        assert not leaked, f"{url} shows {username} {sorted(leaked)}"
        seen |= found
    # Not blind: what the reader may see does show up somewhere.
    assert seen == MAY_SEE[username]
