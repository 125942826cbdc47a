# SPDX-License-Identifier: EUPL-1.2
"""The world of the attack tests: two municipalities with confidential cases.

The crawler is tests/support/crawl.py, shared with the access tests.

Every text of a case carries a unique marker word (tests/support/scenarios.py), so a
response body shows exactly which part of which case reached its reader. Who may see what is
asked of `raadsloket.access.cases.sections()` per reader and case: the attack tests do not
restate the rules (tests/access does that), they check that no surface gives away more than
the access layer allows.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from raadsloket.access.cases import sections
from raadsloket.access.fractie_support import precedent_rows, visible_expenses, visible_questions
from raadsloket.access.training import visible_training_requests
from raadsloket.access.viewer import forget_viewer, viewer_for
from raadsloket.api.tokens import issue
from raadsloket.demo.people import World
from raadsloket.fractie_support.expenses import (
    answer_question,
    record_expense,
    review_expense,
)
from raadsloket.fractie_support.models import Expense, SpendingQuestion
from raadsloket.notify.models import Delivery, Notification
from raadsloket.training.models import TrainingRequest
from raadsloket.training.services import decide, request_training
from tests.support.scenarios import MARKER_SECTION, Scenario, new_scenario
from tests.support.world import build_domstede, build_voorbeeld

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The roles the brief names, each as one person of Gemeente Voorbeeld (VNG model).
ROLE_PEOPLE = {
    "member": "raadslid1",
    "griffier": "griffier",
    "secretaris": "secretaris",
    "ambtenaar": "ambtenaar2",
    "manager": "manager1",
    "wethouder": "wethouder1",
    "collegecontact": "collegecontact",
    "beheerder": "beheerder",
}

# Each case: municipality, confidentiality, state, member, co-requesters and civil servant.
CASES = [
    ("voorbeeld", "confidential", "closed", "raadslid1", ("raadslid2",), "ambtenaar1"),
    ("voorbeeld", "confidential", "in_progress", "raadslid8", (), "ambtenaar6"),
    ("voorbeeld", "confidential", "draft", "raadslid1", (), "ambtenaar1"),
    ("voorbeeld", "confidential", "draft", "raadslid8", (), "ambtenaar1"),
    ("voorbeeld", "confidential", "objected", "raadslid8", (), "ambtenaar1"),
    ("voorbeeld", "confidential", "mediation", "raadslid3", (), "ambtenaar1"),
    ("voorbeeld", "secret", "delivered", "raadslid8", (), "ambtenaar6"),
    ("voorbeeld", "confidential", "submitted", "raadslid12", (), "ambtenaar1"),
    ("domstede", "confidential", "closed", "raadslid1", (), "ambtenaar1"),
    ("domstede", "confidential", "in_progress", "raadslid1", (), "ambtenaar1"),
]


@dataclass(frozen=True)
class BudgetMark:
    """A marker word in one text of the budget data: an expense's description (and its proof
    file), a question to the griffie, or a course request's purpose."""

    marker: str
    kind: str  # "expense", "question" or "training"
    pk: int
    label: str


@dataclass
class AttackWorld:
    """Two municipalities, their marked cases, a notification per case, logins and tokens."""

    voorbeeld: World
    domstede: World
    scenarios: list[Scenario]
    media_root: Path
    notifications: dict[int, int] = field(default_factory=dict)  # case id -> notification id
    tokens: dict[int, str] = field(default_factory=dict)
    # Fractieondersteuning and opleidingsbudget data of both municipalities, marked.
    budget_marks: list[BudgetMark] = field(default_factory=list)

    def role(self, name: str):
        return self.voorbeeld[ROLE_PEOPLE[name]]

    def token(self, person) -> str:
        """The token made with the world (the roles), else a new one: a token issued inside a
        test is rolled back with it, so it must not be remembered for the next test."""
        return self.tokens.get(person.pk) or issue(person)

    def bearer(self, person) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token(person)}"}

    def web(self, person) -> Client:
        client = Client()
        client.force_login(person)
        return client

    def forbidden_markers(self, person) -> dict[str, str]:
        """marker -> what it is, for every marker `person` may not read (by the access layer)."""
        forget_viewer(person)
        viewer = viewer_for(person)
        from raadsloket.cases.models import Case

        forbidden = {}
        for scenario in self.scenarios:
            visible = {str(s) for s in sections(viewer, Case.objects.get(pk=scenario.case_id))}
            for kind in scenario.written:
                if MARKER_SECTION[kind] not in visible:
                    forbidden[scenario.marker(kind)] = f"{kind} of the {scenario.label}"
        for mark in self.budget_marks:
            if not sees_budget_mark(viewer, mark):
                forbidden[mark.marker] = mark.label
        return forbidden

    def budget_ids(self, kind: str) -> list[int]:
        return sorted({mark.pk for mark in self.budget_marks if mark.kind == kind})

    def fractie_ids(self) -> list[int]:
        return sorted(
            set(
                Expense.objects.filter(pk__in=self.budget_ids("expense")).values_list(
                    "fractie_id", flat=True
                )
            )
        )

    def people(self):
        return [*self.voorbeeld.people.values(), *self.domstede.people.values()]


def _notify_requester(scenario: Scenario) -> int:
    """A notification for the requester naming the subject (what the requester may read)."""
    from raadsloket.cases.models import Case

    case = Case.objects.get(pk=scenario.case_id)
    return Notification.objects.create(
        municipality_id=case.municipality_id,
        recipient_id=case.requester_id,
        event="submit",
        case=case,
        title=f"{case.reference}: {case.title}",
        headline=case.reference,
        body=f"Uw verzoek {case.reference} is bijgewerkt.",
        link=f"/verzoeken/{case.pk}",
        delivery=Delivery.OFF,
    ).pk


def sees_budget_mark(viewer, mark: BudgetMark) -> bool:
    """Whether the access layer (raadsloket.access.fractie_support) lets `viewer` read the marked text."""
    if mark.kind == "expense":
        return visible_expenses(viewer, Expense.objects.filter(pk=mark.pk)).exists()
    if mark.kind == "question":
        # The asking fractie, the griffie, the presidium when put to it; and, once answered,
        # everyone on the council side as a precedent (without fractie or amount).
        return visible_questions(viewer, SpendingQuestion.objects.filter(pk=mark.pk)).exists() or (
            bool(precedent_rows(viewer, SpendingQuestion.objects.filter(pk=mark.pk)))
        )
    return visible_training_requests(viewer, TrainingRequest.objects.filter(pk=mark.pk)).exists()


def _proof(marker: str) -> SimpleUploadedFile:
    # The proof carries the expense's marker too, so a download that leaks shows it.
    return SimpleUploadedFile(
        "bon.pdf", f"%PDF-1.4\n% {marker}\n".encode(), content_type="application/pdf"
    )


def build_budgets(voorbeeld: World, domstede: World) -> list[BudgetMark]:
    """Expenses, questions and course requests with a marker each, in both municipalities.

    Voorbeeld: Lokaal Belang (treasurer raadslid2) has a counted expense and one waiting for the
    griffie's answer; the VVD (treasurer raadslid8) has an expense, an unclear one (the
    presidium sees it), one whose question became a precedent, and a question put to the
    presidium. Course requests: raadslid1's and raadslid8's own, and an approved collective one.
    Domstede: an expense with a question and a course request.
    """
    # No tag is the start of another, so one marker is never found inside another.
    marks: list[BudgetMark] = []
    today = timezone.localdate()
    on = date(today.year, 1, 1)

    def spend(world, username, label, tag, category="kantoor", question_tag=None):
        person = world[username]
        marker = f"GEHEIM-UITGAVE-{tag}"
        question = (
            f"Mag dit uit de fractieondersteuning? GEHEIM-BUDGETVRAAG-{question_tag}"
            if question_tag
            else ""
        )
        expense = record_expense(
            viewer_for(person),
            person,
            person.fractie,
            on=on,
            amount=Decimal("123.45"),
            category=category,
            description=f"Uitgave {marker}",
            proof=_proof(marker),
            question=question,
        )
        marks.append(BudgetMark(marker, "expense", expense.pk, f"expense line of {label}"))
        if question_tag:
            marks.append(
                BudgetMark(
                    f"GEHEIM-BUDGETVRAAG-{question_tag}",
                    "question",
                    expense.question_id,
                    f"question of {label}",
                )
            )
        return expense

    def ask(world, username, kind, tag):
        person = world[username]
        marker = f"GEHEIM-OPLEIDING-{tag}"
        made = request_training(
            viewer_for(person),
            person,
            kind=kind,
            title="Cursus",
            provider="Academie",
            start_date=date(today.year, 12, 1),
            cost=Decimal("100.00"),
            purpose=f"Voor het raadswerk {marker}",
            not_party_political=True,
        )
        marks.append(BudgetMark(marker, "training", made.pk, f"{kind} course of {username}"))
        return made

    griffier = voorbeeld["griffier"]
    by_griffie = viewer_for(griffier)
    spend(voorbeeld, "raadslid2", "Lokaal Belang", "LBEIGEN")
    spend(voorbeeld, "raadslid2", "Lokaal Belang (waiting)", "LBWACHT", "overig", "LBWACHT")
    spend(voorbeeld, "raadslid8", "the VVD", "VVDEIGEN")
    unclear = spend(voorbeeld, "raadslid8", "the VVD (unclear)", "VVDONDUIDELIJK")
    review_expense(
        by_griffie, griffier, unclear, review=Expense.Review.UNCLEAR, remark="Voor het presidium."
    )
    precedent = spend(
        voorbeeld, "raadslid8", "the VVD (precedent)", "VVDPRECEDENT", "overig", "VVDPRECEDENT"
    )
    answer_question(
        by_griffie,
        griffier,
        precedent.question,
        answer="allowed",
        reasoning="Dit valt onder communicatie over het raadswerk.",
    )
    put = spend(
        voorbeeld, "raadslid8", "the VVD (presidium)", "VVDPRESIDIUM", "overig", "VVDPRESIDIUM"
    )
    answer_question(
        by_griffie,
        griffier,
        put.question,
        answer="presidium",
        reasoning="Het presidium beslist over dit geval.",
    )
    ask(voorbeeld, "raadslid1", "personal", "RAADSLID1")
    ask(voorbeeld, "raadslid8", "personal", "RAADSLID8")
    collective = ask(voorbeeld, "raadslid3", "collective", "COLLECTIEF")
    decide(by_griffie, griffier, collective, approve=True, reason="")
    spend(domstede, "raadslid2", "Domstede", "DOMSTEDE", "overig", "DOMSTEDE")
    ask(domstede, "raadslid1", "personal", "DOMSTEDE")
    return marks


def budget_urls(world: AttackWorld) -> list[str]:
    """The budget pages by id: each fractie's year, question and proof of the world."""
    year = timezone.localdate().year
    urls = ["/fractieondersteuning/", "/fractieondersteuning/precedenten/", "/opleidingen/"]
    urls += [f"/fractieondersteuning/{pk}/{year}/" for pk in world.fractie_ids()]
    urls += [f"/fractieondersteuning/vragen/{pk}/" for pk in world.budget_ids("question")]
    urls += [
        f"/fractieondersteuning/uitgaven/{pk}/bewijsstuk" for pk in world.budget_ids("expense")
    ]
    return urls


def build_world(media_root: Path) -> AttackWorld:
    voorbeeld, domstede = build_voorbeeld(), build_domstede()
    worlds = {"voorbeeld": (voorbeeld, "vng-model"), "domstede": (domstede, "utrecht")}
    scenarios = []
    for where, confidentiality, state, member, co, servant in CASES:
        world, profile = worlds[where]
        scenarios.append(
            new_scenario(
                world,
                profile,
                confidentiality,
                state,
                filer=member,
                member=member,
                co_requesters=co,
                servant=servant,
            )
        )
    built = AttackWorld(voorbeeld, domstede, scenarios, media_root)
    for scenario in scenarios:
        built.notifications[scenario.case_id] = _notify_requester(scenario)
    built.budget_marks = build_budgets(voorbeeld, domstede)
    return built
