# SPDX-License-Identifier: EUPL-1.2
"""Start pages as work queues: every count is the number of rows of the list it links to, and
no count or row tells anyone what the bubble hides (SECURITY.md, "the bubble")."""

import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.assistance.models import HoursEntry
from raadsloket.cases.models import Case
from raadsloket.demo.budgets import invoice_pdf
from raadsloket.demo.lifecycle import act, new_case, new_written_question, run_to, run_written_to
from raadsloket.demo.people import World, build_municipality
from raadsloket.fractie_support.expenses import record_expense
from raadsloket.fractie_support.statement import submit
from raadsloket.organisation.models import Fractie
from raadsloket.training.models import TrainingRequest
from raadsloket.training.services import decide, request_training
from tests.cases.test_cases_query_counts import add_cases, count_queries
from tests.support.pages import page

pytestmark = pytest.mark.django_db

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECRET_TITLE = "Vertrouwelijk onderzoek naar de haven"


@dataclass
class Scene:
    world: World
    cases: dict[str, Case]

    def client(self, username: str) -> Client:
        client = Client()
        client.force_login(self.world[username])
        return client


def _written(world: World, state: str, member: str = "raadslid1", **dates) -> Case:
    case = run_written_to(world, new_written_question(world, member), state, member)
    if dates:
        Case.objects.filter(pk=case.pk).update(**dates)
    return case


def _budget_work(world: World) -> None:
    """A spending question waiting for the griffie, a statement to review, training requests
    waiting and decided."""
    vvd = Fractie.objects.get(municipality=world.municipality, name="VVD")
    treasurer = world["raadslid8"]
    record_expense(
        viewer_for(treasurer),
        treasurer,
        vvd,
        on=timezone.localdate().replace(month=5, day=1),
        amount=Decimal("99.95"),
        category="overig",
        description="Zaalhuur voor een bijeenkomst",
        proof=SimpleUploadedFile("bon.pdf", invoice_pdf("Bon", ["Voldaan."])),
        question="Mogen wij deze kosten uit de fractieondersteuning betalen?",
    )
    lokaal = Fractie.objects.get(municipality=world.municipality, name="Lokaal Belang")
    submit(
        viewer_for(world["raadslid2"]), world["raadslid2"], lokaal, timezone.localdate().year - 1
    )
    for username, decision in (("raadslid3", None), ("raadslid9", None), ("raadslid12", True)):
        request = request_training(
            viewer_for(world[username]),
            world[username],
            kind=TrainingRequest.Kind.PERSONAL,
            title="Begroten voor raadsleden",
            provider="Raadslid.Nu",
            start_date=timezone.localdate() + timedelta(days=30),
            cost=Decimal("250.00"),
            purpose="Beter raadswerk door scholing.",
            not_party_political=True,
        )
        if decision is not None:
            griffier = world["griffier"]
            decide(viewer_for(griffier), griffier, request, approve=decision, reason="Akkoord.")


def _fill(world: World) -> dict[str, Case]:
    """Cases in every state a queue looks at, and some just beside it."""
    past = timezone.localdate() - timedelta(days=3)
    cases = {
        "draft": new_case(world),
        "submitted": run_to(world, new_case(world), "submitted"),
        "intake": run_to(world, new_case(world), "intake"),
        "deferred": run_to(world, new_case(world, "raadslid3"), "deferred", member="raadslid3"),
        "forwarded": run_to(world, new_case(world), "forwarded"),
        "assigned": run_to(
            world, new_case(world, title=SECRET_TITLE, confidential=True), "assigned"
        ),
        "assigned_other": run_to(
            world, new_case(world, "raadslid3"), "assigned", member="raadslid3"
        ),
        "kickoff_planned": run_to(world, new_case(world), "kickoff_planned"),
        "in_progress": run_to(world, new_case(world), "in_progress"),
        "delivered": run_to(world, new_case(world), "delivered"),
        "wq_submitted": _written(world, "submitted"),
        "wq_submitted_other": _written(world, "submitted", "raadslid4"),
        "wq_overdue": _written(world, "registered", answer_due=past),
        "wq_registered": _written(world, "registered"),
        "wq_postponed": _written(world, "postponed"),
        "wq_published": _written(world, "published"),
    }
    # Hours on the running trajectory (12 agreed): 5 logged, then corrected by -1.5.
    servant = world["ambtenaar1"]
    case = act(
        world,
        cases["in_progress"],
        "log_hours",
        "ambtenaar1",
        {"worked_on": timezone.localdate().isoformat(), "hours": "5"},
    )
    entry = HoursEntry.objects.get(case=case, civil_servant=servant)
    act(
        world,
        case,
        "correct_hours",
        "ambtenaar1",
        {"entry": entry.pk, "hours": "-1,5", "reason": "Een uur te veel geschreven."},
    )
    _budget_work(world)
    return cases


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, tmp_path_factory):
    """One municipality with its work, built once and rolled back after the module."""
    media_root = tmp_path_factory.mktemp("queue-files")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media_root),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_municipality(
                "Gemeente Werkvoorraad",
                "werkvoorraad",
                overrides={"openness": {"college_notified_of_start": True}},
            )
            yield Scene(world, _fill(world))
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _tiles(client: Client, *keys: str) -> dict:
    response = client.get("/")
    assert response.status_code == 200
    return {tile.title: tile for key in keys for tile in response.context[key]}


def _rows_behind(client: Client, url: str) -> int:
    """How many items the page a tile links to lists."""
    response = client.get(url)
    assert response.status_code == 200, url
    context = response.context
    if url.startswith(reverse("case_list")):
        assert not context["page"].older, "the list must show every counted case on one page"
        return len(context["page"].cases)
    if url.startswith(reverse("training:index")):
        return sum(
            1 for r in context["all_requests"] if r.status == TrainingRequest.Status.SUBMITTED
        )
    if "#kop-vragen" in url:
        return len(context["open_questions"])
    return sum(1 for row in context["rows"] if row.status == "submitted")


def _row(html: str, case: Case, heading: str) -> str:
    """The table row that shows `case` under the start page's heading with id `heading`."""
    part = html.split(f'id="{heading}"')[1].split("<h2")[0]
    found = [row for row in re.findall(r"<tr .*?</tr>", part, re.S) if case.reference in row]
    assert len(found) == 1, case.reference
    return found[0]


def test_each_griffie_queue_counts_the_rows_of_the_list_it_links_to(scene):
    client = scene.client("griffier")
    tiles = _tiles(client, "griffie_tiles", "budget_tiles")

    counts = {title: tile.count for title, tile in tiles.items()}
    assert counts == {
        # Ingediend includes the written questions the griffie has yet to register.
        "Intake": 5,
        "Startgesprekken te plannen": 2,
        "Schriftelijke vragen te registreren": 2,
        "Collegeantwoorden over termijn": 1,
        "Uitgaven te beoordelen": 1,
        "Verantwoordingen te beoordelen": 1,
        "Scholingsaanvragen te beoordelen": 2,
    }
    for title, tile in tiles.items():
        assert _rows_behind(client, tile.url) == tile.count, title


def test_the_routing_officer_counts_what_waits_for_a_decision(scene):
    client = scene.client("secretaris")
    tile = _tiles(client, "routing_tiles")["Te routeren / toe te wijzen"]

    assert tile.count == 1 == _rows_behind(client, tile.url)


def test_the_routing_officer_sees_an_overdue_decision_marked(scene):
    client = scene.client("secretaris")
    Case.objects.filter(pk=scene.cases["forwarded"].pk).update(
        decision_due=timezone.localdate() - timedelta(days=1)
    )
    forwarded = page(client, "/").split('id="kop-toewijzen"')[1]
    assert scene.cases["forwarded"].reference in forwarded
    assert "besluit uiterlijk" in forwarded and "te laat" in forwarded


def test_member_sees_who_is_at_turn_and_the_running_term(scene):
    html = page(scene.client("raadslid1"), "/")

    assert "Mijn lopende verzoeken" in html and "Aan zet" in html
    submitted = _row(html, scene.cases["submitted"], "kop-mijn")
    assert "de griffie" in submitted and "intake door de griffie" in submitted
    assert "de ambtenaar" in _row(html, scene.cases["in_progress"], "kop-mijn")
    assert "het raadslid (u)" in _row(html, scene.cases["draft"], "kop-mijn")
    # Done work is not running: the delivered case is under the new answers instead.
    assert scene.cases["delivered"].reference not in html.split('id="kop-nieuw"')[0]


def test_member_sees_a_new_answer_until_opening_it(scene):
    client = scene.client("raadslid1")
    delivered = scene.cases["delivered"]
    new = page(client, "/").split('id="kop-nieuw"')[1].split("</section>")[0]
    assert delivered.reference in new
    # The college's published answer to the member's written question is new too.
    assert scene.cases["wq_published"].reference in new

    page(client, reverse("case_detail", args=[delivered.pk]))

    seen = page(client, "/").split('id="kop-nieuw"')[1].split("</section>")[0]
    assert delivered.reference not in seen


def test_civil_servant_sees_hours_left_after_a_correction_and_the_delivery_term(scene):
    html = page(scene.client("ambtenaar1"), "/")

    row = _row(html, scene.cases["in_progress"], "kop-toewijzingen")
    # 12 agreed in the startgesprek, 5 logged, corrected by -1,5: 8,5 left.
    assert "12,0" in row and "8,5" in row and "oplevering" in row
    assert "Uren over" in html


def test_manager_sees_hours_per_staff_member_and_no_subject(scene):
    html = page(scene.client("manager1"), "/")

    assert "Uren per medewerker" in html and "3,5" in html
    for case in scene.cases.values():
        assert case.title not in html
    assert "in uitvoering" not in html and "rl-tile" not in html


def test_college_gets_no_counts_and_no_subject(scene):
    html = page(scene.client("wethouder1"), "/")

    assert scene.cases["assigned"].reference in html  # told that a trajectory started
    assert SECRET_TITLE not in html and "rl-tile" not in html
    assert "per status" not in html


def _five_of_each_kind(world: World) -> None:
    add_cases(world, 8)
    for _ in range(2):
        _written(world, "submitted")
        _written(world, "registered", answer_due=timezone.localdate() - timedelta(days=1))


# What each start page shows of its queues, so that the comparison means something.
QUEUE_MARKS = {
    "griffier": "rl-tile__count",
    "secretaris": "rl-tile__count",
    "raadslid1": "Aan zet",
    "ambtenaar1": "Uren over",
    "manager1": "Uren per medewerker",
}


@pytest.mark.parametrize("username", list(QUEUE_MARKS))
def test_start_page_queries_do_not_grow_with_the_cases(username):
    world = build_municipality("Gemeente Teller", "teller", prefix="t-")
    _five_of_each_kind(world)
    client = Client()
    client.force_login(world[username])
    few = count_queries(client, "/")
    for _ in range(3):
        _five_of_each_kind(world)
    assert count_queries(client, "/") == few
    assert QUEUE_MARKS[username] in page(client, "/")
