# SPDX-License-Identifier: EUPL-1.2
"""The timeline of a case is read by the bubble's rules (SECURITY.md, "Tijdlijn").

One case of ambtelijke bijstand in a municipality whose college is told that a trajectory
started, worked on by ambtenaar1 (department of manager1) and ambtenaar6 (department of
manager2). Each reader's expected events are written here in plain words, from the events in
the database, never by asking raadsloket.access.
"""

import re
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from raadsloket.access.actors import Actor
from raadsloket.access.sections import Section
from raadsloket.assistance.models import HoursEntry
from raadsloket.cases import workflow
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.demo.lifecycle import act, main_path, new_case
from tests.access.conftest import FAST_HASHERS
from tests.support.pages import page
from tests.support.world import build_college_told_of_start

pytestmark = pytest.mark.django_db

A_SERVANT, B_SERVANT = "ambtenaar1", "ambtenaar6"
INSIDERS = ("raadslid1", "griffier", A_SERVANT, B_SERVANT)
ROUTING_OFFICER_SECTIONS = {"metadata", "request", "routing", "trajectory"}


@dataclass
class Scene:
    world: object
    case: Case
    # (action, detail) -> the event: what the page's anchors and the API's rows are matched by.
    events: dict[tuple[str, str], TimelineEvent]

    def hours_of(self, username: str) -> set[tuple[str, str]]:
        return {
            key
            for key, e in self.events.items()
            if e.section == "hours" and e.actor == self.world[username]
        }

    def of_sections(self, names: set[str]) -> set[tuple[str, str]]:
        return {key for key, e in self.events.items() if e.section in names}


def _build() -> Scene:
    world = build_college_told_of_start()
    case = new_case(world, "raadslid1")
    for action, username, data in main_path(world):
        if action == "assign":
            data = {**data, "civil_servants": [world[A_SERVANT].pk, world[B_SERVANT].pk]}
        case = act(world, case, action, username, data)
        if action == "log_hours":
            break
    day = case.assignments.get(civil_servant=world[B_SERVANT]).assigned_at.date().isoformat()
    act(world, case, "log_hours", B_SERVANT, {"worked_on": day, "hours": "1.5", "note": "Nota."})
    entry = HoursEntry.objects.get(case=case, civil_servant=world[B_SERVANT])
    act(
        world,
        case,
        "correct_hours",
        B_SERVANT,
        {"entry": entry.pk, "hours": "-0.5", "reason": "Een half uur te veel geschreven."},
    )
    events = {(e.action, e.detail): e for e in case.timeline.select_related("actor")}
    assert len(events) == case.timeline.count(), "events must be told apart by action and detail"
    return Scene(world, Case.objects.get(pk=case.pk), events)


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    """Built once for the module and rolled back after it; the tests only read (or write inside
    their own savepoint)."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS),
        transaction.atomic(),
    ):
        yield _build()
        transaction.set_rollback(True)


def client_for(scene: Scene, username: str) -> Client:
    client = Client()
    client.force_login(scene.world[username])
    return client


def api_timeline(scene: Scene, username: str) -> list[dict]:
    response = client_for(scene, username).get(f"/api/v1/cases/{scene.case.pk}/timeline")
    assert response.status_code == 200, response.content[:300]
    return response.json()


def api_keys(rows: list[dict]) -> set[tuple[str, str]]:
    return {(row["action"], row["detail"]) for row in rows}


def page_html(scene: Scene, username: str) -> str:
    return page(client_for(scene, username), reverse("case_detail", args=[scene.case.pk]))


def page_keys(scene: Scene, html: str) -> set[tuple[str, str]]:
    by_pk = {e.pk: key for key, e in scene.events.items()}
    return {by_pk[int(pk)] for pk in re.findall(r'id="tijdlijn-(\d+)"', html)}


def timeline_html(html: str) -> str:
    match = re.search(r'<ol class="rl-timeline"[^>]*>.*?</ol>', html, re.S)
    return match.group(0) if match else ""


def expected_events(scene: Scene, username: str) -> set[tuple[str, str]]:
    """Who reads which events, in plain words."""
    if username in INSIDERS:
        return set(scene.events)  # the bubble: the whole timeline
    if username == "manager1":
        return scene.hours_of(A_SERVANT)  # hours of their own staff only
    if username == "manager2":
        return scene.hours_of(B_SERVANT)
    if username == "secretaris":
        return scene.of_sections(ROUTING_OFFICER_SECTIONS)
    if username == "beheerder":
        return scene.of_sections({"metadata"})
    return set()  # the college: that a trajectory started, no step of it


READERS = (*INSIDERS, "manager1", "manager2", "secretaris", "beheerder", "wethouder1")


def test_the_scene_is_what_the_docstring_says(scene):
    world = scene.world
    assert scene.case.state == "in_progress"
    assert world[A_SERVANT].department.manager == world["manager1"]
    assert world[B_SERVANT].department.manager == world["manager2"]
    assert len(scene.hours_of(A_SERVANT)) == 1 and len(scene.hours_of(B_SERVANT)) == 2


@pytest.mark.parametrize("username", READERS)
def test_page_and_api_show_each_reader_the_same_events_the_rules_allow(scene, username):
    expected = expected_events(scene, username)
    assert page_keys(scene, page_html(scene, username)) == expected
    assert api_keys(api_timeline(scene, username)) == expected


def test_a_manager_reads_their_own_staffs_hours_events_by_name_and_nothing_of_the_other(scene):
    own, other = scene.world[A_SERVANT], scene.world[B_SERVANT]
    html = page_html(scene, "manager1")
    assert f"{own.display_name}: Uren registreren" in timeline_html(html)
    assert other.display_name not in html
    assert "1,5 uur" not in html and "Correctie" not in html
    assert [row["actor"] for row in api_timeline(scene, "manager1")] == [own.display_name]


@pytest.mark.parametrize("username", ["manager1", "manager2"])
def test_a_manager_learns_no_state_from_the_timeline(scene, username):
    rows = api_timeline(scene, username)
    assert rows
    assert {(row["from_state"], row["to_state"]) for row in rows} == {(None, None)}
    assert "→" not in timeline_html(page_html(scene, username))


def test_the_college_reads_an_event_of_the_trajectory_without_state_or_actor(scene):
    TimelineEvent.objects.create(
        case=scene.case,
        actor=scene.world["secretaris"],
        action="assign",
        from_state="forwarded",
        to_state="assigned",
        section=Section.TRAJECTORY,
        detail="",
    )
    [row] = api_timeline(scene, "wethouder1")
    assert (row["action"], row["from_state"], row["to_state"], row["actor"]) == (
        "assign",
        None,
        None,
        None,
    )
    text = timeline_html(page_html(scene, "wethouder1"))
    assert "Ambtenaar toewijzen" in text
    assert "→" not in text and scene.world["secretaris"].display_name not in text


def test_the_administrator_reads_the_metadata_events_but_not_who_acted(scene):
    rows = api_timeline(scene, "beheerder")
    assert {row["action"] for row in rows} == {"create", "submit", "accept"}
    assert {row["actor"] for row in rows} == {None}
    assert ("submit", "draft", "submitted") in {
        (row["action"], row["from_state"], row["to_state"]) for row in rows
    }
    html = timeline_html(page_html(scene, "beheerder"))
    assert scene.world["raadslid1"].display_name not in html
    assert "Indienen → ingediend" in html


@pytest.mark.parametrize("username", INSIDERS)
def test_inside_the_bubble_the_timeline_is_whole(scene, username):
    rows = {(row["action"], row["detail"]): row for row in api_timeline(scene, username)}
    for key, event in scene.events.items():
        row = rows[key]
        assert (row["from_state"], row["to_state"]) == (event.from_state, event.to_state)
        assert row["actor"] == event.actor.display_name


def test_only_the_assignee_writes_hours_events_so_the_actor_is_whose_hours_they_are():
    # access/timeline.py reads whose hours an event is from its actor: that holds while only the
    # assigned civil servant registers and corrects hours (their own, assistance.workflow).
    hours_rows = [
        row
        for instrument in Instrument
        for row in workflow.table(instrument)
        if row.section == Section.HOURS
    ]
    assert {row.action for row in hours_rows} == {"log_hours", "correct_hours"}
    assert all(row.actors == {Actor.ASSIGNEE} for row in hours_rows)
