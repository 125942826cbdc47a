# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket generate`: a national benchmark set that looks like the workflow made it.

The set is written in bulk, not through `perform`; these tests hold it to what the workflow
would have left behind (people of the case's own municipality, a timeline ending in the case's
state, an intact audit chain) and to the command's promises (exact counts, the same set for the
same seed, refusing a database with real municipalities and saying so in Dutch).
"""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F
from django.test import Client

from raadsloket.assistance.models import HoursEntry
from raadsloket.audit import chain
from raadsloket.audit.models import NATIONAL, AuditEvent, AuditHead
from raadsloket.cases.models import Assignment, Case, TimelineEvent
from raadsloket.organisation.models import Municipality, Person, RoleAssignment
from raadsloket.organisation.roles import Role
from tests.support.world import build_voorbeeld

pytestmark = pytest.mark.django_db
# --replace flushes the database; on PostgreSQL TRUNCATE refuses tables with deferred foreign
# key checks still pending, which a test wrapped in one transaction always has.
committed = pytest.mark.django_db(transaction=True)

STATES_IN_2000_CASES = {
    "draft",
    "submitted",
    "intake",
    "deferred",
    "forwarded",
    "assigned",
    "kickoff_planned",
    "in_progress",
    "delivered",
    "evaluated",
    "closed",
    "refused",
    "withdrawn",
    "registered",
    "postponed",
    "answered",
    "published",
}


def generate(*args: str) -> str:
    out = io.StringIO()
    call_command("generate", *args, stdout=out)
    return out.getvalue()


def small_set(*extra: str) -> str:
    return generate("--municipalities", "3", "--cases", "300", "--years", "1", *extra)


def row_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Municipality, Person, Case, TimelineEvent, AuditEvent, Assignment)
    }


def titles() -> list[tuple[str, str, str, str]]:
    return list(
        Case.objects.order_by("pk").values_list(
            "municipality__slug", "instrument", "state", "title"
        )
    )


def test_three_municipalities_share_exactly_300_cases_the_largest_getting_the_most():
    output = small_set()
    assert "Klaar in" in output and "3 gemeenten" in output and "300 verzoeken" in output
    municipalities = list(Municipality.objects.order_by("-inhabitants"))
    assert len(municipalities) == 3
    assert all(m.slug.startswith("gen-") and m.name.startswith("Gemeente ") for m in municipalities)
    per_municipality = [Case.objects.filter(municipality=m).count() for m in municipalities]
    assert sum(per_municipality) == Case.objects.count() == 300
    assert per_municipality[0] > per_municipality[1] >= per_municipality[2] > 0
    assert set(Case.objects.values_list("instrument", flat=True)) == {
        "assistance",
        "technical_question",
        "written_question",
    }


def test_every_municipality_has_people_in_every_role():
    small_set()
    for municipality in Municipality.objects.all():
        roles = set(
            RoleAssignment.objects.filter(person__municipality=municipality).values_list(
                "role", flat=True
            )
        )
        assert {
            Role.COUNCIL_MEMBER,
            Role.FRACTIE_CHAIR,
            Role.CLERK,
            Role.COUNCIL_ADVISOR,
            Role.MUNICIPAL_SECRETARY,
            Role.CABINET_CHIEF,
            Role.MAYOR,
            Role.ALDERMAN,
            Role.ADMINISTRATOR,
            Role.COLLEGE_CONTACT,
            Role.MANAGER,
            Role.CIVIL_SERVANT,
        } <= roles, municipality.slug
        # Usernames carry the municipality's slug: unique across the whole country.
        assert (
            not Person.objects.filter(municipality=municipality)
            .exclude(username__startswith=f"{municipality.slug}.")
            .exists()
        )
    # Without --password nobody can log in with one.
    assert not any(person.has_usable_password() for person in Person.objects.all())


def test_two_thousand_cases_cover_every_instrument_and_a_wide_set_of_states():
    # Written the Dutch way, with a thousands separator.
    generate("--municipalities", "3", "--verzoeken", "2.000", "--jaren", "1")
    assert Case.objects.count() == 2000
    states = Counter(Case.objects.values_list("state", flat=True))
    assert set(states) >= STATES_IN_2000_CASES, sorted(states)
    # Years of history: most cases are finished, but not all.
    assert states["closed"] + states["published"] > 1000
    by_instrument = Counter(Case.objects.values_list("instrument", flat=True))
    assert min(by_instrument.values()) > 300 and len(by_instrument) == 3


def test_a_case_belongs_to_the_municipality_of_everyone_on_it():
    small_set()
    assert not Case.objects.exclude(municipality=F("requester__municipality")).exists()
    for role in ("handler", "routing_officer", "portfolio_holder"):
        on_case = Case.objects.filter(**{f"{role}__isnull": False})
        assert on_case.exists(), role
        assert not on_case.exclude(municipality=F(f"{role}__municipality")).exists(), role
    co_requesters = Case.co_requesters.through.objects
    assert not co_requesters.exclude(case__municipality=F("person__municipality")).exists()
    assignments = Assignment.objects.all()
    assert assignments.exists()
    assert not assignments.exclude(civil_servant__municipality=F("case__municipality")).exists()
    servants = set(
        RoleAssignment.objects.filter(role=Role.CIVIL_SERVANT).values_list("person_id", flat=True)
    )
    assert set(assignments.values_list("civil_servant_id", flat=True)) <= servants
    assert not HoursEntry.objects.exclude(
        civil_servant__municipality=F("case__municipality")
    ).exists()


def test_every_submitted_case_has_a_timeline_ending_in_its_state():
    small_set()
    events: dict[int, list[TimelineEvent]] = {}
    for event in TimelineEvent.objects.order_by("at", "pk"):
        events.setdefault(event.case_id, []).append(event)
    cases = list(Case.objects.all())
    assert any(case.state == "draft" for case in cases)
    for case in cases:
        timeline = events.get(case.pk, [])
        assert timeline and timeline[0].action == "create", case.pk
        assert all(event.at >= case.created_at for event in timeline), case.pk
        if case.state == "draft":
            assert len(timeline) == 1, case.pk
            continue
        assert len(timeline) > 1, case.pk
        assert timeline[-1].to_state == case.state, (case.pk, case.state)
        # Each step starts where the one before ended.
        for before, after in zip(timeline[1:], timeline[2:], strict=False):
            assert after.from_state == before.to_state, case.pk


def test_the_audit_chain_verifies_and_records_every_step():
    small_set()
    assert chain.verify() == []
    assert AuditEvent.objects.count() == TimelineEvent.objects.count()
    # One chain per municipality, each ending at its head; the national chain is untouched.
    for municipality in Municipality.objects.all():
        events = AuditEvent.objects.filter(chain=municipality.pk)
        assert events.exclude(municipality_id_ref=municipality.pk).count() == 0
        assert AuditHead.objects.get(chain=municipality.pk).seq == events.count() > 0
    assert not AuditEvent.objects.filter(chain=NATIONAL).exists()
    assert chain.verify(Municipality.objects.first().pk) == []
    # The workflow's own writer continues the chain where the generator left it.
    case = Case.objects.order_by("pk").last()
    chain.record("case.read", municipality_id=case.municipality_id, case_id=case.pk)
    assert chain.verify() == []


def test_case_numbers_follow_creation_time_within_a_municipality():
    small_set()
    for municipality in Municipality.objects.all():
        created = list(
            Case.objects.filter(municipality=municipality)
            .order_by("pk")
            .values_list("created_at", flat=True)
        )
        assert len(created) > 1
        assert created == sorted(created), municipality.slug


@committed
def test_the_same_seed_gives_the_same_set_and_another_seed_another():
    small_set("--seed", "7")
    first = titles()
    small_set("--seed", "7", "--replace")
    assert titles() == first
    assert Case.objects.count() == 300 and Municipality.objects.count() == 3
    assert chain.verify() == []
    small_set("--seed", "8", "--replace")
    assert titles() != first and Case.objects.count() == 300


def test_a_database_with_a_real_municipality_is_refused_in_dutch_and_left_alone():
    build_voorbeeld()
    before = row_counts()
    for replace in ([], ["--replace"]):
        with pytest.raises(CommandError) as refused:
            small_set(*replace)
        message = str(refused.value)
        assert "niet gegenereerd" in message and "voorbeeld" in message
        assert "er is niets veranderd" in message
        assert refused.value.returncode == 2
        assert row_counts() == before
    assert Municipality.objects.get().slug == "voorbeeld"


def test_a_second_run_without_replace_is_refused_in_dutch():
    small_set()
    before = row_counts()
    with pytest.raises(CommandError, match="--replace") as refused:
        small_set("--seed", "2")
    assert "Er staat al een gegenereerde set" in str(refused.value)
    assert "er is niets veranderd" in str(refused.value)
    assert refused.value.returncode == 2
    assert row_counts() == before


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["--cases", "abc"], "'abc' is geen geheel getal"),
        (["--cases", "-5"], "-5 ligt niet tussen 0 en 5000000"),
        (["--municipalities", "0"], "0 ligt niet tussen 1 en 342"),
        (["--municipalities", "343"], "343 ligt niet tussen 1 en 342"),
        (["--gemeenten", "twee"], "'twee' is geen geheel getal"),
        (["--years", "31"], "31 ligt niet tussen 1 en 30"),
    ],
)
def test_a_bad_number_is_a_dutch_error_and_writes_nothing(args, dutch):
    with pytest.raises(CommandError, match=dutch):
        generate(*args)
    assert all(count == 0 for count in row_counts().values())


def test_people_get_the_password_given():
    generate("--municipalities", "1", "--cases", "10", "--password", "meten")
    griffier = Person.objects.get(username__endswith=".griffier")
    assert griffier.check_password("meten") and not griffier.check_password("demo")


def test_a_generated_member_and_griffier_see_their_start_page_and_list():
    small_set()
    largest = Municipality.objects.order_by("-inhabitants").first()
    member = (
        Person.objects.filter(municipality=largest, role_assignments__role=Role.COUNCIL_MEMBER)
        .filter(requested_cases__isnull=False)
        .distinct()
        .order_by("pk")
        .first()
    )
    newest = Case.objects.filter(requester=member).order_by("-created_at", "-pk").first()
    client = Client()
    client.force_login(member)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert largest.name in html and newest.title in html
    griffier = Person.objects.get(username=f"{largest.slug}.griffier")
    client.force_login(griffier)
    assert client.get("/").status_code == 200
    response = client.get("/verzoeken/")
    assert response.status_code == 200
    newest_submitted = (
        Case.objects.filter(municipality=largest).exclude(state="draft").order_by("-pk").first()
    )
    assert newest_submitted.title in response.content.decode()
    assert client.get(f"/verzoeken/{newest_submitted.pk}").status_code == 200
