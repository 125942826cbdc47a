# SPDX-License-Identifier: EUPL-1.2
"""The access matrix of the bubble: role × relation × state × confidentiality × profile × surface.

For every cell the expected sections come from `expected_sections` (tests/support/scenarios.py),
a plain restatement of SECURITY.md's bubble; no cell asks raadsloket.access what to expect. Each case
holds unique marker words in its title, question, background, routing notes, startgesprek, hours
note, mediation, answer, attachment and evaluations, so a response body shows exactly which
parts of which case reached its reader. Every check asserts both directions: what is allowed is
shown, and what is not is absent (or 404).
"""

import json
import os
import re
from collections import Counter
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.test import Client
from django.urls import NoReverseMatch, reverse

from raadsloket.access.case_filters import FIELD_NAMES, FIELD_SECTIONS, offered_fields
from raadsloket.access.cases import sections, showing_cases, visible_cases
from raadsloket.access.sections import Section
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.filters import PARAMETER_FIELDS, FilterRefused, filtered_cases, read_filter
from raadsloket.cases.models import TimelineEvent
from raadsloket.cases.search import search_cases
from tests.support.scenarios import (
    ANSWERED,
    CONFIDENTIALITIES,
    MARKER_SECTION,
    PROFILES,
    ROLES,
    SEARCH_WORDS,
    STATES,
    Scenario,
    username_for,
)

pytestmark = pytest.mark.django_db

CASE_KEYS = [
    (profile, confidentiality, state)
    for profile in PROFILES
    for confidentiality in CONFIDENTIALITIES
    for state in STATES
    if confidentiality != "secret" or state in ANSWERED
]
WORLD_KEYS = [
    (profile, openness) for profile in PROFILES for openness in ("requester_only", "every_member")
]

# Which marker kinds each surface prints when their section is visible (the rest it never
# prints; absence is still checked for every marker on every surface).
API_DETAIL_PRINTS = {
    "TITEL",
    "VRAAG",
    "ACHTERGROND",
    "AANHOUDING",
    "WEIGERING",
    "BEZWAAR",
    "DOEL",
    "STARTGESPREK",
    "LOYALITEIT",
    "URENNOTITIE",
    "BEMIDDELING",
    "ANTWOORD",
    "EVALLID",
    "EVALAMBT",
    "EVALGRIF",
}
API_LIST_PRINTS = {"TITEL", "VRAAG", "ACHTERGROND", "AANHOUDING", "WEIGERING", "BEZWAAR"}
TIMELINE_PRINTS = {"DOORGELEID", "AANHOUDING", "WEIGERING", "BEZWAAR", "BEMIDDELING", "INTREKKING"}
WEB_CASE_PRINTS = {
    "TITEL",
    "VRAAG",
    "WEIGERING",
    "DOEL",
    "ANTWOORD",
    "EVALLID",
    "EVALAMBT",
    "EVALGRIF",
}

# The HTTP surfaces of one case (API detail and timeline, web page and file) only consume what
# sections() decides, which the domain tests above check for every profile and role. To keep the
# run near a minute they cover every role under the VNG model, and under the other profiles the
# roles whose rules depend on the profile plus an insider and an outsider.
# RAADSLOKET_ACCESS_FULL=1 runs every role under every profile (about twice as long).
FULL_HTTP_MATRIX = os.environ.get("RAADSLOKET_ACCESS_FULL") == "1"
PROFILE_SENSITIVE_ROLES = (
    "requester",
    "member of another fractie",
    "routing officer",
    "non-routing officer",
    "mayor",
    "alderman",
    "member of another municipality",
)


def http_roles(profile: str) -> tuple[str, ...]:
    if FULL_HTTP_MATRIX or profile == "vng-model":
        return tuple(ROLES)
    return PROFILE_SENSITIVE_ROLES


# Cells asserted, per surface: reported at the end of the run (conftest.py).
CELLS: Counter = Counter()


def web_ui_present() -> bool:
    try:
        reverse("home")
        reverse("case_detail", args=[1])
        reverse("case_file", args=[1, "x"])
        get_template("web/home.html")
        get_template("cases/detail.html")
    except (NoReverseMatch, TemplateDoesNotExist):
        return False
    return True


def scenario_for(bubble, profile: str, confidentiality: str, state: str) -> Scenario:
    for scenario in bubble.scenarios:
        if (scenario.profile, scenario.confidentiality, scenario.state) == (
            profile,
            confidentiality,
            state,
        ):
            return scenario
    raise LookupError((profile, confidentiality, state))


def world_scenarios(bubble, profile: str, openness: str) -> list[Scenario]:
    wanted = {"requester_only": {"confidential", "secret"}, "every_member": {"shared"}}[openness]
    return [s for s in bubble.scenarios if s.profile == profile and s.confidentiality in wanted]


def who(bubble, scenario: Scenario, role: str) -> str:
    return f"the {role} ({bubble.person(scenario, role).username})"


def check_markers(
    problems: list[str],
    text: str,
    scenario: Scenario,
    expected,
    prints: set,
    reader: str,
    surface: str,
) -> None:
    """Every marker appears exactly where its section is visible (and the surface prints it)."""
    for kind, section in MARKER_SECTION.items():
        marker = scenario.marker(kind)
        shown = marker in text
        allowed = section in expected and kind in scenario.written
        if shown and not allowed:
            problems.append(
                f"{surface} shows {reader} the {kind} ({section}) of the "
                f"{scenario.label}, which they may not see"
            )
        elif allowed and kind in prints and not shown:
            problems.append(
                f"{surface} withholds the {kind} ({section}) of the "
                f"{scenario.label} from {reader}, who may see it"
            )


def assert_no_problems(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} cells disagree with the rules:\n" + "\n".join(problems)


# --- domain -------------------------------------------------------------------------------


@pytest.mark.parametrize(("profile", "confidentiality", "state"), CASE_KEYS)
def test_each_reader_is_given_exactly_the_sections_the_rules_allow(
    bubble, profile, confidentiality, state
):
    scenario = scenario_for(bubble, profile, confidentiality, state)
    case = scenario.world.municipality.cases.get(pk=scenario.case_id)
    problems = []
    for role in ROLES:
        person = bubble.person(scenario, role)
        actual = {str(s) for s in sections(viewer_for(person), case)}
        expected = scenario.expected(role)
        CELLS["domain sections"] += 1
        if actual != expected:
            problems.append(
                f"{who(bubble, scenario, role)} should see {sorted(expected)} of the "
                f"{scenario.label}, but sections() gives {sorted(actual)}"
            )
    assert_no_problems(problems)


@pytest.mark.parametrize(("profile", "openness"), WORLD_KEYS)
def test_visible_cases_lists_exactly_the_cases_with_a_visible_section(bubble, profile, openness):
    scenarios = world_scenarios(bubble, profile, openness)
    problems = []
    for role in ROLES:
        person = bubble.person(scenarios[0], role)
        listed = set(visible_cases(viewer_for(person)).values_list("pk", flat=True))
        expected = {s.case_id for s in scenarios if s.expected(role)}
        own_world = {s.case_id for s in scenarios}
        CELLS["visible_cases list"] += len(scenarios)
        if listed & own_world != expected:
            problems.append(
                f"{who(bubble, scenarios[0], role)} in the {openness} {profile} municipality "
                f"lists {sorted(listed & own_world)}, expected {sorted(expected)} "
                f"(states: { {s.case_id: s.state for s in scenarios} })"
            )
        strangers = (
            listed
            - own_world
            - {s.case_id for s in bubble.scenarios if s.world is scenarios[0].world}
        )
        if person.municipality_id == scenarios[0].world.municipality.pk and strangers:
            problems.append(
                f"{who(bubble, scenarios[0], role)} lists cases of another "
                f"municipality: {sorted(strangers)}"
            )
    assert_no_problems(problems)


@pytest.mark.parametrize(("profile", "openness"), WORLD_KEYS)
def test_cases_showing_agrees_with_sections_for_every_section(bubble, profile, openness):
    """The query behind filters and search gives exactly the cases sections() shows each part of."""
    scenarios = world_scenarios(bubble, profile, openness)
    cases = list(scenarios[0].world.municipality.cases.all())
    problems = []
    for role in ROLES:
        viewer = viewer_for(bubble.person(scenarios[0], role))
        given = {case.pk: sections(viewer, case) for case in cases}
        for section in Section:
            showing = set(showing_cases(viewer, section).values_list("pk", flat=True))
            CELLS["cases_showing"] += len(cases)
            expected = {pk for pk, seen in given.items() if section in seen}
            if showing != expected:
                problems.append(
                    f"cases_showing({section}) for {who(bubble, scenarios[0], role)} gives "
                    f"{sorted(showing)}, sections() {sorted(expected)}"
                )
    assert_no_problems(problems)


def filter_params(world) -> list[dict[str, str]]:
    """Every list filter with a value that matches some case of the world (cases.filters)."""
    params: list[dict[str, str]] = [{"status": state} for state in STATES if state != "draft"]
    params += [
        {"instrument": "assistance"},
        {"termijn": "verlopen"},
        {"terrein": "sociaal_domein"},
        {"fractie": str(world["raadslid1"].fractie_id)},
        {"portefeuille": str(world["wethouder1"].pk)},
    ]
    return params


@pytest.mark.parametrize(("profile", "openness"), WORLD_KEYS)
def test_every_list_filter_passes_only_cases_whose_field_the_reader_may_know(
    bubble, profile, openness
):
    scenarios = world_scenarios(bubble, profile, openness)
    by_id = {s.case_id: s for s in scenarios}
    problems = []
    for role in ROLES:
        person = bubble.person(scenarios[0], role)
        viewer = viewer_for(person)
        for params in filter_params(scenarios[0].world):
            (name, value), known = next(iter(params.items())), None
            known = PARAMETER_FIELDS[name]
            try:
                case_filter = read_filter(viewer, QueryDict(urlencode(params)))
            except FilterRefused:
                CELLS["list filters refused"] += 1
                continue
            passed = set(filtered_cases(viewer, case_filter).values_list("pk", flat=True))
            for pk in passed & set(by_id):
                CELLS["list filters"] += 1
                # What the reader may see, from the rules (scenarios.py), never the access layer.
                seen = by_id[pk].expected(role)
                if not {str(s) for s in FIELD_SECTIONS[known]} & seen:
                    problems.append(
                        f"filter {name}={value} gives {who(bubble, scenarios[0], role)} the "
                        f"{by_id[pk].label}, whose {known} they may not know ({sorted(seen)})"
                    )
            if name == "status":
                knowable = {
                    s.case_id
                    for s in scenarios
                    if s.state == value and "metadata" in s.expected(role)
                }
                if not knowable <= passed:
                    problems.append(
                        f"filter status={value} hides from {who(bubble, scenarios[0], role)} "
                        f"cases whose state they know: {sorted(knowable - passed)}"
                    )
    assert_no_problems(problems)


@pytest.mark.parametrize("profile", PROFILES)
def test_api_and_page_filters_show_no_case_whose_field_the_reader_may_not_know(bubble, profile):
    scenarios = world_scenarios(bubble, profile, "requester_only")
    world = scenarios[0].world
    by_id = {s.case_id: s for s in scenarios}
    problems = []
    for role in http_roles(profile):
        person = bubble.person(scenarios[0], role)
        offered = offered_fields(viewer_for(person))
        client = bubble.web(person)
        for params in filter_params(world):
            name, value = next(iter(params.items()))
            known = PARAMETER_FIELDS[name]
            api_params = {"state" if name == "status" else name: value, "limit": 100}
            response = client.get("/api/v1/cases", api_params)
            html = client.get("/verzoeken/", params).content.decode()
            CELLS["api and page list filters"] += 2
            if known not in offered:
                if response.status_code != 400 or FIELD_NAMES[known] not in str(response.json()):
                    problems.append(f"{role} filters the API on {name}: {response.status_code}")
                if "Dit filter is niet toegepast." not in html:
                    problems.append(f"{role} is not told the page ignores {name}")
                continue
            if person.municipality_id != world.municipality.pk:
                # Another municipality's fractie or portefeuillehouder is unknown here.
                assert response.status_code in (200, 400), (role, params)
                assert response.status_code == 200 or "Onbekende" in response.json()["detail"]
            listed = {item["id"] for item in response.json().get("items", [])}
            listed |= {int(pk) for pk in re.findall(r'href="/verzoeken/(\d+)"', html)}
            allowed = {str(section) for section in FIELD_SECTIONS[known]}
            problems += [
                f"{name}={value} shows {role} the {by_id[pk].label}"
                for pk in listed & set(by_id)
                if not allowed & by_id[pk].expected(role)
            ]
    assert_no_problems(problems)


@pytest.mark.parametrize(("profile", "openness"), WORLD_KEYS)
def test_search_finds_a_case_only_through_sections_the_reader_may_see(bubble, profile, openness):
    scenarios = world_scenarios(bubble, profile, openness)
    problems = []
    for role in ROLES:
        viewer = viewer_for(bubble.person(scenarios[0], role))
        reader = who(bubble, scenarios[0], role)
        # The startgesprek is not searchable: its words must never find a case.
        for section in ("request", "answer", "kickoff"):
            hits = {
                case.pk: {str(s) for s in visible}
                for case, visible in search_cases(viewer, SEARCH_WORDS[section])
            }
            for scenario in scenarios:
                CELLS["domain search"] += 1
                expected = scenario.expected(role)
                must_find = (
                    section in expected
                    and section != "kickoff"
                    and (section == "request" or "ANTWOORD" in scenario.written)
                )
                if (scenario.case_id in hits) != must_find:
                    verb = "misses" if must_find else "finds"
                    problems.append(
                        f"searching a word of its {section} {verb} the "
                        f"{scenario.label} for {reader}"
                    )
                elif must_find and hits[scenario.case_id] != expected:
                    problems.append(
                        f"search gives {reader} sections "
                        f"{sorted(hits[scenario.case_id])} of the {scenario.label}, "
                        f"expected {sorted(expected)}"
                    )
    assert_no_problems(problems)


# --- API ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("profile", "openness"), WORLD_KEYS)
def test_api_list_shows_each_reader_exactly_their_cases_and_sections(bubble, profile, openness):
    scenarios = world_scenarios(bubble, profile, openness)
    by_id = {s.case_id: s for s in scenarios}
    problems = []
    for role in ROLES:
        person = bubble.person(scenarios[0], role)
        reader = who(bubble, scenarios[0], role)
        response = bubble.web(person).get("/api/v1/cases?limit=100", **bubble.api(person))
        assert response.status_code == 200, response.content
        text = response.content.decode()
        items = {item["id"]: item for item in response.json()["items"]}
        expected_ids = {s.case_id for s in scenarios if s.expected(role)}
        if set(items) & set(by_id) != expected_ids:
            problems.append(
                f"API list for {reader} holds {sorted(set(items) & set(by_id))}, "
                f"expected {sorted(expected_ids)}"
            )
        if set(items) - set(by_id) and person.municipality_id == scenarios[0].world.municipality.pk:
            problems.append(f"API list for {reader} holds cases of other municipalities")
        for scenario in scenarios:
            expected = scenario.expected(role)
            CELLS["API list"] += 1
            item = items.get(scenario.case_id)
            if item is not None and set(item["sections"]) != expected:
                problems.append(
                    f"API list gives {reader} sections {item['sections']} of the "
                    f"{scenario.label}, expected {sorted(expected)}"
                )
            check_markers(problems, text, scenario, expected, API_LIST_PRINTS, reader, "API list")
        # Search through the API: words every title and every answer of this world share.
        for section in ("request", "answer"):
            word = SEARCH_WORDS[section]
            found = bubble.web(person).get(
                f"/api/v1/cases?q={word}&limit=100", **bubble.api(person)
            )
            assert found.status_code == 200, found.content
            hit_ids = {item["id"] for item in found.json()["items"]}
            must = {
                s.case_id
                for s in scenarios
                if section in s.expected(role) and (section == "request" or "ANTWOORD" in s.written)
            }
            CELLS["API search"] += len(scenarios)
            if hit_ids & set(by_id) != must:
                problems.append(
                    f"API search '{word}' for {reader} finds "
                    f"{sorted(hit_ids & set(by_id))}, expected {sorted(must)}"
                )
            for scenario in scenarios:
                check_markers(
                    problems,
                    found.content.decode(),
                    scenario,
                    scenario.expected(role),
                    set(),
                    reader,
                    f"API search '{word}'",
                )
    assert_no_problems(problems)


@pytest.mark.parametrize(("profile", "confidentiality", "state"), CASE_KEYS)
def test_api_detail_and_timeline_show_exactly_the_allowed_sections(
    bubble, profile, confidentiality, state
):
    scenario = scenario_for(bubble, profile, confidentiality, state)
    problems = []
    for role in http_roles(profile):
        person = bubble.person(scenario, role)
        reader = who(bubble, scenario, role)
        expected = scenario.expected(role)
        client, auth = bubble.web(person), bubble.api(person)
        detail = client.get(f"/api/v1/cases/{scenario.case_id}", **auth)
        timeline = client.get(f"/api/v1/cases/{scenario.case_id}/timeline", **auth)
        CELLS["API detail"] += 1
        CELLS["API timeline"] += 1
        if not expected:
            for name, response in (("detail", detail), ("timeline", timeline)):
                if response.status_code != 404:
                    problems.append(
                        f"API {name} of the {scenario.label} answers "
                        f"{response.status_code} to {reader}; expected 404"
                    )
            continue
        if detail.status_code != 200 or timeline.status_code != 200:
            problems.append(
                f"API detail/timeline of the {scenario.label} answer "
                f"{detail.status_code}/{timeline.status_code} to {reader}; "
                "expected 200"
            )
            continue
        body = detail.json()
        if set(body["sections"]) != expected:
            problems.append(
                f"API detail gives {reader} sections {body['sections']} of the "
                f"{scenario.label}, expected {sorted(expected)}"
            )
        check_markers(
            problems,
            detail.content.decode(),
            scenario,
            expected,
            API_DETAIL_PRINTS,
            reader,
            "API detail",
        )
        check_markers(
            problems,
            timeline.content.decode(),
            scenario,
            expected,
            TIMELINE_PRINTS,
            reader,
            "API timeline",
        )
        check_timeline(problems, scenario, expected, timeline.json(), reader)
        if scenario.secret and state in ANSWERED:
            # Told so: whoever sees the request or its metadata but not the answer itself.
            withheld = "answer" not in expected and bool(expected & {"metadata", "request"})
            if withheld != bool(body.get("notice")):
                problems.append(
                    f"API detail of the {scenario.label} for {reader}: the art. 25 "
                    f"notice should {'' if withheld else 'not '}be there"
                )
            if "answer" in expected and body.get("secret") is not True:
                problems.append(
                    f"API detail gives {reader} the secret answer of the "
                    f"{scenario.label} without marking it secret"
                )
    assert_no_problems(problems)


# The section each timeline action is written under (the workflow tables' `section` column).
TIMELINE_SECTION = {
    "create": "metadata",
    "submit": "metadata",
    "accept": "metadata",
    "defer": "routing",
    "forward": "routing",
    "assign": "routing",
    "refuse": "routing",
    "object": "routing",
    "plan_kickoff": "kickoff",
    "record_kickoff": "kickoff",
    "log_hours": "hours",
    "correct_hours": "hours",
    "request_mediation": "mediation",
    "deliver": "answer",
    "evaluate": "evaluation",
    "withdraw": "request",
}


def event_section(scenario: Scenario, event: dict) -> str | None:
    if event["action"] == "close":
        return "answer" if event["from_state"] in {"delivered", "evaluated"} else "routing"
    return TIMELINE_SECTION.get(event["action"])


def check_timeline(
    problems: list[str], scenario: Scenario, expected, events: list[dict], reader: str
) -> None:
    """Per section: exactly the events of the visible sections (the only assignee's hours are
    the manager's staff's), states only with the metadata, who acted only with the routing or on
    an hours event (SECURITY.md, "Tijdlijn")."""
    stored = TimelineEvent.objects.filter(case_id=scenario.case_id).values(
        "action", "from_state", "detail"
    )
    want = Counter(
        (e["action"], e["detail"]) for e in stored if event_section(scenario, e) in expected
    )
    got = Counter((e["action"], e["detail"]) for e in events)
    CELLS["API timeline events"] += len(want)
    if got != want:
        problems.append(
            f"API timeline gives {reader} the events {sorted(got - want)} too many and "
            f"{sorted(want - got)} too few of the {scenario.label}"
        )
    for event in events:
        states = event["from_state"] is not None or event["to_state"] is not None
        if states and "metadata" not in expected:
            problems.append(
                f"API timeline tells {reader}, who may not see the metadata, the state of "
                f"the {scenario.label} ({event['action']})"
            )
        named = "routing" in expected or TIMELINE_SECTION.get(event["action"]) == "hours"
        if event["actor"] is not None and not named:
            problems.append(
                f"API timeline tells {reader} who did {event['action']} in the {scenario.label}"
            )


# --- web ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("profile", "confidentiality", "state"), CASE_KEYS)
def test_web_case_page_and_answer_file_follow_the_same_rules(
    bubble_files, profile, confidentiality, state
):
    if not web_ui_present():
        pytest.skip("the web UI (home, case_detail, case_file) is not there yet")
    bubble = bubble_files
    scenario = scenario_for(bubble, profile, confidentiality, state)
    problems = []
    for role in http_roles(profile):
        person = bubble.person(scenario, role)
        reader = who(bubble, scenario, role)
        expected = scenario.expected(role)
        page = bubble.web(person).get(reverse("case_detail", args=[scenario.case_id]))
        CELLS["web case page"] += 1
        if not expected:
            if page.status_code != 404:
                problems.append(
                    f"web page of the {scenario.label} answers {page.status_code} "
                    f"to {reader}; expected 404"
                )
        elif page.status_code != 200:
            problems.append(
                f"web page of the {scenario.label} answers {page.status_code} to "
                f"{reader}; expected 200"
            )
        else:
            check_markers(
                problems,
                page.content.decode(),
                scenario,
                expected,
                WEB_CASE_PRINTS,
                reader,
                "web case page",
            )
        if scenario.file_token:
            url = reverse("case_file", args=[scenario.case_id, scenario.file_token])
            download = bubble.web(person).get(url)
            CELLS["web answer file"] += 1
            want = 200 if "answer" in expected else 404
            if download.status_code != want:
                problems.append(
                    f"answer file of the {scenario.label} answers "
                    f"{download.status_code} to {reader}; expected {want}"
                )
            elif want == 200:
                content = b"".join(download.streaming_content).decode()
                if scenario.marker("BIJLAGE") not in content:
                    problems.append(
                        f"answer file of the {scenario.label} for {reader} is not the uploaded file"
                    )
    assert_no_problems(problems)


@pytest.mark.parametrize(("profile", "openness"), WORLD_KEYS)
def test_web_start_page_and_case_list_show_no_content_beyond_the_rules(bubble, profile, openness):
    if not web_ui_present():
        pytest.skip("the web UI (home, case_detail, case_file) is not there yet")
    scenarios = world_scenarios(bubble, profile, openness)
    problems = []
    for role in ROLES:
        person = bubble.person(scenarios[0], role)
        reader = who(bubble, scenarios[0], role)
        for name in ("home", "case_list"):
            response = bubble.web(person).get(reverse(name))
            if response.status_code != 200:
                problems.append(f"{name} answers {response.status_code} to {reader}")
                continue
            text = response.content.decode()
            for scenario in scenarios:
                CELLS[f"web {name}"] += 1
                check_markers(
                    problems, text, scenario, scenario.expected(role), set(), reader, f"web {name}"
                )
    assert_no_problems(problems)


# --- the rules that matter most, one sentence each -----------------------------------------


def detail(bubble, person, case_id):
    return bubble.web(person).get(f"/api/v1/cases/{case_id}", **bubble.api(person))


@pytest.mark.parametrize("profile", PROFILES)
def test_a_secret_answer_goes_to_every_council_member_marked_secret(bubble, profile):
    scenario = scenario_for(bubble, profile, "secret", "delivered")
    for username in ("raadslid1", "raadslid3", "raadslid7", "raadslid29"):
        body = detail(bubble, scenario.world[username], scenario.case_id).json()
        assert scenario.marker("ANTWOORD") in body["answer"], username
        assert body["secret"] is True, username
        assert not body.get("notice"), username


@pytest.mark.parametrize("profile", PROFILES)
def test_the_fractie_employee_who_filed_is_told_the_answer_is_secret_but_not_given_it(
    bubble, profile
):
    scenario = scenario_for(bubble, profile, "secret", "delivered")
    response = detail(bubble, scenario.world["fractiemedewerker1"], scenario.case_id)
    body = response.json()
    assert response.status_code == 200
    assert body.get("answer") is None and not body.get("files")
    assert scenario.marker("ANTWOORD") not in response.content.decode()
    assert "geheimhouding" in body["notice"]
    assert body["secret"] is True


def test_a_committee_member_requester_does_not_receive_a_secret_answer(client, world):
    world.municipality.policy_overrides = {"requesters": {"committee_member": True}}
    world.municipality.save()
    from raadsloket.demo.people import World
    from raadsloket.organisation.models import Person

    fresh = World(
        world.municipality,
        {p.username: p for p in Person.objects.filter(municipality=world.municipality)},
    )
    scenario = new_secret_case(fresh, filer="commissielid1", member="commissielid1")
    member = fresh["commissielid1"]
    client.force_login(member)
    response = client.get(f"/api/v1/cases/{scenario.case_id}")
    body = response.json()
    assert response.status_code == 200
    assert scenario.marker("VRAAG") in body["question"]
    assert body.get("answer") is None
    assert "geheimhouding" in body["notice"]
    client.force_login(fresh["raadslid9"])
    assert (
        scenario.marker("ANTWOORD")
        in client.get(f"/api/v1/cases/{scenario.case_id}").json()["answer"]
    )


def new_secret_case(world, *, filer, member):
    from tests.support.scenarios import new_scenario

    return new_scenario(
        world, "vng-model", "secret", "delivered", filer=filer, member=member, co_requesters=()
    )


@pytest.mark.parametrize("profile", PROFILES)
def test_the_administrator_sees_metadata_only_until_an_audited_break_glass(bubble, profile):
    from raadsloket.audit.models import AuditEvent
    from raadsloket.cases.services import break_glass

    scenario = scenario_for(bubble, profile, "confidential", "in_progress")
    admin = scenario.world["beheerder"]
    before = detail(bubble, admin, scenario.case_id)
    assert before.json()["sections"] == ["metadata"]
    assert scenario.marker("VRAAG") not in before.content.decode()

    break_glass(admin, scenario.case_id, "Storing in de koppeling met het zaaksysteem")

    event = AuditEvent.objects.filter(action="case.break_glass", case_ref=scenario.case_id).get()
    assert event.actor_ref == admin.username
    assert "Storing" in event.detail["reason"]
    after = detail(bubble, admin, scenario.case_id)
    assert set(after.json()["sections"]) == set(MARKER_SECTION.values()) | {
        "metadata",
        "trajectory",
        "hours",
    }
    assert scenario.marker("VRAAG") in after.content.decode()
    assert scenario.marker("DOEL") in after.content.decode()
    # The read itself is audited too.
    assert AuditEvent.objects.filter(
        action="case.read", case_ref=scenario.case_id, actor_ref=admin.username
    ).exists()


def test_break_glass_asks_a_reason_and_is_only_for_the_administrator(bubble):
    from raadsloket.cases.errors import ActionForbidden, InvalidInput
    from raadsloket.cases.services import break_glass

    scenario = scenario_for(bubble, "vng-model", "confidential", "in_progress")
    with pytest.raises(InvalidInput):
        break_glass(scenario.world["beheerder"], scenario.case_id, "kort")
    with pytest.raises(ActionForbidden):
        break_glass(scenario.world["wethouder1"], scenario.case_id, "Ik wil het graag weten.")


@pytest.mark.parametrize("profile", PROFILES)
def test_the_mayor_sees_request_and_refusal_reasoning_only_while_the_triangle_mediates(
    bubble, profile
):
    mayor_sees = {}
    for state in STATES:
        scenario = scenario_for(bubble, profile, "confidential", state)
        response = detail(bubble, scenario.world["burgemeester"], scenario.case_id)
        text = response.content.decode()
        mayor_sees[state] = (scenario.marker("VRAAG") in text, scenario.marker("WEIGERING") in text)
    assert mayor_sees.pop("objected") == (True, True)
    assert set(mayor_sees.values()) == {(False, False)}


@pytest.mark.parametrize("profile", PROFILES)
def test_the_manager_sees_hours_from_assignment_on_and_never_the_title(bubble, profile):
    for state in STATES:
        scenario = scenario_for(bubble, profile, "confidential", state)
        response = detail(bubble, scenario.world["manager1"], scenario.case_id)
        if state in {
            "assigned",
            "kickoff_planned",
            "in_progress",
            "mediation",
            "delivered",
            "evaluated",
            "closed",
        }:
            body = response.json()
            assert body["sections"] == ["hours"], state
            assert body.get("title") is None and body.get("question") is None, state
            assert body["assignments"][0]["hours_estimate"] == 12.0
            if "URENNOTITIE" in scenario.written:
                assert body["hours"][0]["hours"] == 3.5 and body["hours"][0]["note"] is None
        else:
            assert response.status_code == 404, state
        assert scenario.marker("TITEL") not in response.content.decode()


@pytest.mark.parametrize("profile", PROFILES)
def test_the_college_sees_that_a_trajectory_started_only_under_the_utrecht_profile(bubble, profile):
    scenario = scenario_for(bubble, profile, "confidential", "in_progress")
    response = detail(bubble, scenario.world["wethouder2"], scenario.case_id)
    if profile == "utrecht":
        body = response.json()
        assert body["sections"] == ["trajectory"]
        assert body["policy_area"] == "sociaal_domein"
        assert scenario.marker("TITEL") not in response.content.decode()
    else:
        assert response.status_code == 404


def test_another_municipality_never_sees_anything(bubble):
    answered = [s for s in bubble.scenarios if s.state == "closed"]
    for person in (
        bubble.other["griffier"],
        bubble.other["beheerder"],
        bubble.other["secretaris"],
        bubble.other["burgemeester"],
    ):
        listed = bubble.web(person).get("/api/v1/cases?limit=100", **bubble.api(person)).json()
        assert listed["items"] == []
        assert not visible_cases(viewer_for(person)).exists()
        for scenario in answered:
            assert detail(bubble, person, scenario.case_id).status_code == 404
            assert not sections(
                viewer_for(person), scenario.world.municipality.cases.get(pk=scenario.case_id)
            )


def _sent_to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_anonymous_visitor_gets_no_case_anywhere(bubble_files, settings):
    """Not signed in: every case page, action page and answer file sends to the login (or is
    404), the API answers 401, and the public pages (raadsloket.publication) of every
    municipality show no marker of any case of the matrix: none is a public written question."""
    # Hundreds of calls from one address in a minute: the anonymous limit (api/throttling.py,
    # tested in tests/api/test_api_rate_limits.py) would answer 429 before the 401 checked here.
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 1_000_000
    bubble = bubble_files
    anonymous = Client()
    problems = []
    for scenario in bubble.scenarios:
        urls = [reverse("case_detail", args=[scenario.case_id])]
        if scenario.file_token:
            urls.append(reverse("case_file", args=[scenario.case_id, scenario.file_token]))
        for url in urls:
            CELLS["anonymous web"] += 1
            response = anonymous.get(url)
            if not (_sent_to_login(response) or response.status_code == 404):
                problems.append(f"{url} answers {response.status_code} to the anonymous visitor")
        for url in (
            f"/api/v1/cases/{scenario.case_id}",
            f"/api/v1/cases/{scenario.case_id}/timeline",
        ):
            CELLS["anonymous API"] += 1
            if (status := anonymous.get(url).status_code) != 401:
                problems.append(f"{url} answers {status} to the anonymous visitor; expected 401")
    for slug, scenarios in bubble.worlds().items():
        text = "".join(
            anonymous.get(url).content.decode()
            for url in (f"/openbaar/{slug}/", f"/api/v1/public/{slug}/feed")
        )
        for scenario in scenarios:
            CELLS["anonymous public pages"] += 1
            check_markers(
                problems,
                text,
                scenario,
                frozenset(),
                set(),
                "the anonymous visitor",
                "public pages",
            )
    assert_no_problems(problems)


def test_the_roles_of_the_matrix_are_real_people_with_the_right_roles(bubble):
    """Guards the matrix itself: each named role is who the rules are about."""
    from raadsloket.organisation.roles import Role

    scenario = scenario_for(bubble, "echt-susteren", "confidential", "forwarded")
    roles = {
        role: set(bubble.person(scenario, role).role_assignments.values_list("role", flat=True))
        for role in ROLES
    }
    assert roles["routing officer"] == {Role.CABINET_CHIEF}
    assert roles["non-routing officer"] == {Role.MUNICIPAL_SECRETARY}
    assert roles["fractie employee who filed"] == {Role.FRACTIE_EMPLOYEE}
    case = scenario.world.municipality.cases.get(pk=scenario.case_id)
    assert case.requester == scenario.world["raadslid1"]
    assert case.filed_by == scenario.world["fractiemedewerker1"]
    assert list(case.co_requesters.all()) == [scenario.world["raadslid2"]]
    assert scenario.world["raadslid3"].fractie == scenario.world["raadslid1"].fractie
    assert scenario.world["raadslid7"].fractie != scenario.world["raadslid1"].fractie
    assert scenario.world["ambtenaar1"].department.manager == scenario.world["manager1"]
    assert scenario.world["ambtenaar2"].department == scenario.world["ambtenaar1"].department
    assert username_for("routing officer", "vng-model") == "secretaris"
    assert json.dumps(sorted(case.assignments.values_list("civil_servant__username", flat=True)))
