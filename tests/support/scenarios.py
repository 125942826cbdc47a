# SPDX-License-Identifier: EUPL-1.2
"""Scenario data for the access tests of the bubble (SECURITY.md).

Each case carries unique marker words in every piece of content, so a test can tell from a
response body exactly which parts of which case reached the reader. The rules the tests check
against (`expected_sections`) are written here from the issue text, independently of
raadsloket.access: if the two disagree, one of them is wrong and a test says which cell.
"""

import itertools
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from raadsloket.cases.services import create_case
from raadsloket.cases.transitions import perform
from raadsloket.demo.people import World, build_municipality

PROFILES = ("vng-model", "utrecht", "echt-susteren")

# Every state run_to reaches, in the order a case meets them.
STATES = (
    "draft",
    "submitted",
    "intake",
    "deferred",
    "forwarded",
    "assigned",
    "refused",
    "objected",
    "kickoff_planned",
    "in_progress",
    "mediation",
    "delivered",
    "evaluated",
    "closed",
    "withdrawn",
)
ANSWERED = frozenset({"delivered", "evaluated", "closed"})
# From the appointment of a civil servant on (issue: "the case from assignment on").
FROM_ASSIGNMENT = frozenset(
    {"assigned", "kickoff_planned", "in_progress", "mediation", "delivered", "evaluated", "closed"}
)
# The griffie has forwarded the request to the routing officer.
FROM_FORWARDING = FROM_ASSIGNMENT | {"forwarded", "refused", "objected"}

# confidential: openness "requester_only"; shared: openness "every_member";
# secret: a confidential case whose answer was delivered under art. 25 geheimhouding.
CONFIDENTIALITIES = ("confidential", "shared", "secret")

ALL = frozenset(
    {
        "trajectory",
        "hours",
        "metadata",
        "request",
        "routing",
        "kickoff",
        "answer",
        "evaluation",
        "mediation",
    }
)
ROUTING_OFFICER_SEES = frozenset({"metadata", "request", "routing", "trajectory"})
TRIANGLE_SEES = frozenset({"metadata", "request", "routing"})
SHARED_ANSWER = frozenset({"metadata", "request", "answer"})

# role -> username in the world of the case (None: decided per profile).
ROLES = {
    "requester": "raadslid1",
    "co-requester": "raadslid2",
    "fractie employee who filed": "fractiemedewerker1",
    "member of the same fractie": "raadslid3",
    "member of another fractie": "raadslid7",
    "committee member": "commissielid1",
    "griffier": "griffier",
    "council advisor": "raadsadviseur",
    "routing officer": None,
    "non-routing officer": None,
    "assigned civil servant": "ambtenaar1",
    "unassigned civil servant": "ambtenaar2",
    "manager of the assigned servant": "manager1",
    "another manager": "manager2",
    "mayor": "burgemeester",
    "alderman": "wethouder1",
    "functional administrator": "beheerder",
    # The college's inbox for written questions: nothing of ambtelijke bijstand, ever.
    "college contact": "collegecontact",
    "griffier of another municipality": "other:griffier",
    "member of another municipality": "other:raadslid1",
}
REQUESTERS = {"requester", "co-requester", "fractie employee who filed"}
GRIFFIE = {"griffier", "council advisor"}
COUNCIL_MEMBERS = {
    "requester",
    "co-requester",
    "member of the same fractie",
    "member of another fractie",
}
# Who may ask the council's shared answers: council and committee members, fractie employees.
MEMBER_SIDE = COUNCIL_MEMBERS | {"committee member", "fractie employee who filed"}


def routing_username(profile: str) -> str:
    # Echt-Susteren: the kabinetschef routes; elsewhere the gemeentesecretaris.
    return "kabinetschef" if profile == "echt-susteren" else "secretaris"


def non_routing_username(profile: str) -> str:
    return "secretaris" if profile == "echt-susteren" else "kabinetschef"


def username_for(role: str, profile: str) -> str:
    if role == "routing officer":
        return routing_username(profile)
    if role == "non-routing officer":
        return non_routing_username(profile)
    return ROLES[role]


def is_secretary(role: str, profile: str) -> bool:
    return username_for(role, profile) == "secretaris"


# One branch per rule of SECURITY.md's bubble, in its order, so the two can be read side by side.
def expected_sections(  # noqa: C901
    role: str, state: str, confidential: bool, secret: bool, profile: str
) -> frozenset[str]:
    """The bubble's rules (SECURITY.md; access/cases.py) in plain code. Empty: the case does not
    exist for this reader."""
    if role.endswith("of another municipality"):
        return frozenset()  # "another municipality: nothing, ever"
    if state == "draft":
        # A draft is not yet a request; only the people who wrote it know it.
        return ALL if role in REQUESTERS else frozenset()
    seen: set[str] = set()
    if role in REQUESTERS or role in GRIFFIE:
        seen |= ALL  # "requester and co-requesters: their whole case"; griffie: every case
    if role == "assigned civil servant" and state in FROM_ASSIGNMENT:
        seen |= ALL  # "the case from assignment on"
    if role == "routing officer" and state in FROM_FORWARDING:
        # "the request and what is needed to assign or refuse" (and that a trajectory exists)
        seen |= ROUTING_OFFICER_SEES
    if role == "manager of the assigned servant" and state in FROM_ASSIGNMENT:
        seen.add("hours")  # "the hours claimed and the period, never the subject or content"
    if role in {"mayor", "alderman"} and profile == "utrecht" and state in FROM_ASSIGNMENT:
        seen.add("trajectory")  # college: "a trajectory started" only when the profile says so
    if state == "objected" and (role == "mayor" or is_secretary(role, profile)):
        seen |= TRIANGLE_SEES  # the driehoek mediates on the refusal
    if role in MEMBER_SIDE and state in ANSWERED and not confidential:
        seen |= SHARED_ANSWER  # "every member" openness: the delivered answer
    if role in COUNCIL_MEMBERS and state in ANSWERED and secret:
        seen |= SHARED_ANSWER  # art. 25: the whole council receives a secret answer
    if role == "functional administrator":
        seen.add("metadata")
    if (
        secret
        and "answer" in seen
        and not (role in COUNCIL_MEMBERS or role in GRIFFIE or role == "assigned civil servant")
    ):
        seen.discard("answer")  # art. 25: never to someone who is not a council member
    return frozenset(seen)


# Marker kinds and the section whose readers may see them.
MARKER_SECTION = {
    "TITEL": "request",
    "VRAAG": "request",
    "ACHTERGROND": "request",
    "INTREKKING": "request",
    "DOORGELEID": "routing",
    "AANHOUDING": "routing",
    "WEIGERING": "routing",
    "BEZWAAR": "routing",
    "DOEL": "kickoff",
    "STARTGESPREK": "kickoff",
    "LOYALITEIT": "kickoff",
    "URENNOTITIE": "kickoff",
    "BEMIDDELING": "mediation",
    "ANTWOORD": "answer",
    "BIJLAGE": "answer",
    "EVALLID": "evaluation",
    "EVALAMBT": "evaluation",
    "EVALGRIF": "evaluation",
}
_serial = itertools.count(1)
# Words every case of the matrix shares, per section, to search for.
SEARCH_WORDS = {
    "request": "zoekwoordtitel",
    "answer": "zoekwoordantwoord",
    "kickoff": "zoekwoorddoel",
}


@dataclass
class Scenario:
    """One case in a known state, with the markers written into it so far."""

    profile: str
    confidentiality: str
    state: str
    world: World
    case_id: int
    tag: str
    written: set[str] = field(default_factory=set)
    file_token: str | None = None

    @property
    def confidential(self) -> bool:
        return self.confidentiality != "shared"

    @property
    def secret(self) -> bool:
        return self.confidentiality == "secret"

    def marker(self, kind: str) -> str:
        return f"GEHEIM-{kind}-{self.tag}"

    def markers(self) -> dict[str, str]:
        """Every marker this case could hold -> its section (written or not)."""
        return {self.marker(kind): section for kind, section in MARKER_SECTION.items()}

    def written_markers(self) -> dict[str, str]:
        return {self.marker(kind): MARKER_SECTION[kind] for kind in self.written}

    def expected(self, role: str) -> frozenset[str]:
        return expected_sections(role, self.state, self.confidential, self.secret, self.profile)

    @property
    def label(self) -> str:
        return f"{self.confidentiality} {self.profile} case #{self.case_id} in state '{self.state}'"


def new_scenario(
    world: World,
    profile: str,
    confidentiality: str,
    state: str,
    *,
    filer: str = "fractiemedewerker1",
    member: str = "raadslid1",
    co_requesters: tuple[str, ...] = ("raadslid2",),
    servant: str = "ambtenaar1",
    title_words: str = "",
) -> Scenario:
    """A case filed by a fractie employee for `member`, driven to `state` with markers."""
    tag = f"{next(_serial):05d}x"
    scenario = Scenario(profile, confidentiality, state, world, 0, tag)
    m = scenario.marker
    data = {
        "instrument": "assistance",
        "title": f"Onderwerp {m('TITEL')} {SEARCH_WORDS['request']} {title_words}".strip(),
        "question": f"Graag hulp bij een amendement. {m('VRAAG')}",
        "background": f"Voor de begrotingsraad. {m('ACHTERGROND')}",
        "policy_area": "sociaal_domein",
        "co_requesters": [world[name].pk for name in co_requesters],
    }
    if filer != member:
        data["on_behalf_of"] = world[member].pk
    case = create_case(world[filer], data)
    scenario.case_id = case.pk
    scenario.written |= {"TITEL", "VRAAG", "ACHTERGROND"}
    drive(scenario, state, member=member, servant=servant)
    return scenario


def _act(scenario: Scenario, username: str, action: str, data=None, files=None, kind=None):
    perform(scenario.world[username], scenario.case_id, action, data or {}, files)
    if kind:
        scenario.written.add(kind)


def main_path(scenario: Scenario, member: str, servant: str):
    """The main path of ambtelijke bijstand, as (action, username, data, marker kind)."""
    world, m = scenario.world, scenario.marker
    today = timezone.localdate()
    router = routing_username(scenario.profile)
    return [
        ("submit", member, {}, None),
        ("accept", "griffier", {}, None),
        ("forward", "griffier", {"note": f"Graag een deskundige. {m('DOORGELEID')}"}, "DOORGELEID"),
        ("assign", router, {"civil_servants": [world[servant].pk], "hours_estimate": "12"}, None),
        (
            "plan_kickoff",
            "raadsadviseur",
            {
                "planned_for": (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
                "participants": "raadslid, ambtenaar, raadsadviseur",
            },
            None,
        ),
        (
            "record_kickoff",
            "raadsadviseur",
            {
                "held_on": today.isoformat(),
                "participants": "raadslid, ambtenaar, raadsadviseur",
                "background": f"Een amendement voorbereiden. {m('STARTGESPREK')}",
                "goal": f"Een uitgewerkt voorstel. {m('DOEL')} {SEARCH_WORDS['kickoff']}",
                "agreed_hours": "12",
                "due_date": (today + timedelta(days=21)).isoformat(),
                "loyalty_concerns": f"Geen. {m('LOYALITEIT')}",
                "member_acknowledged_rules": "on",
                "civil_servant_acknowledged_rules": "on",
            },
            "DOEL",
        ),
        (
            "log_hours",
            servant,
            {
                "worked_on": today.isoformat(),
                "hours": "3.5",
                "note": f"Cijfers verzameld. {m('URENNOTITIE')}",
            },
            "URENNOTITIE",
        ),
        ("deliver", servant, None, "ANTWOORD"),
        ("evaluate", member, {"score": "4", "remarks": f"Snel. {m('EVALLID')}"}, "EVALLID"),
        ("evaluate", servant, {"score": "5", "remarks": f"Helder. {m('EVALAMBT')}"}, "EVALAMBT"),
        ("evaluate", "griffier", {"score": "4", "remarks": f"Goed. {m('EVALGRIF')}"}, "EVALGRIF"),
        ("close", "griffier", {"note": ""}, None),
    ]


def _deliver(scenario: Scenario, servant: str) -> None:
    m = scenario.marker
    data = {
        "answer": f"Conceptamendement met doorrekening. {m('ANTWOORD')} {SEARCH_WORDS['answer']}"
    }
    if scenario.secret:
        data["secret"] = True
    upload = SimpleUploadedFile(
        "doorrekening.txt", f"Bijlage {m('BIJLAGE')}".encode(), content_type="text/plain"
    )
    _act(scenario, servant, "deliver", data, MultiValueDict({"files": [upload]}), "ANTWOORD")
    scenario.written.add("BIJLAGE")
    from raadsloket.cases.models import CaseFile

    scenario.file_token = CaseFile.objects.get(case_id=scenario.case_id).token


def _case_state(scenario: Scenario) -> str:
    from raadsloket.cases.models import Case

    return Case.objects.values_list("state", flat=True).get(pk=scenario.case_id)


def run_until(scenario: Scenario, state: str, member: str, servant: str) -> None:
    for action, username, data, kind in main_path(scenario, member, servant):
        if _case_state(scenario) == state:
            return
        if action == "deliver":
            _deliver(scenario, servant)
        else:
            _act(scenario, username, action, data, kind=kind)
        if kind == "DOEL":
            scenario.written |= {"STARTGESPREK", "LOYALITEIT"}
    if _case_state(scenario) != state:
        raise ValueError(f"{state} is not on the main path")


def drive(
    scenario: Scenario, state: str, *, member: str = "raadslid1", servant: str = "ambtenaar1"
) -> None:
    """Like demo.lifecycle.run_to, taking the side branch a state needs, with marker texts."""
    m = scenario.marker
    router = routing_username(scenario.profile)
    ground = scenario.world.municipality.policy.refusal_grounds[0].code
    refuse = (
        "refuse",
        router,
        {"ground": ground, "reasoning": f"Dit gaat over uitvoering. {m('WEIGERING')}"},
        "WEIGERING",
    )
    side = {
        "deferred": (
            "intake",
            [
                (
                    "defer",
                    "griffier",
                    {
                        "until": (timezone.localdate() + timedelta(days=14)).isoformat(),
                        "reason": f"De afdeling is druk. {m('AANHOUDING')}",
                    },
                    "AANHOUDING",
                )
            ],
        ),
        "refused": ("forwarded", [refuse]),
        "objected": (
            "forwarded",
            [
                refuse,
                (
                    "object",
                    member,
                    {"reason": f"Het gaat om een amendement. {m('BEZWAAR')}"},
                    "BEZWAAR",
                ),
            ],
        ),
        "mediation": (
            "in_progress",
            [
                (
                    "request_mediation",
                    servant,
                    {"reason": f"Vraag naar het standpunt van de wethouder. {m('BEMIDDELING')}"},
                    "BEMIDDELING",
                )
            ],
        ),
        "withdrawn": (
            "submitted",
            [("withdraw", member, {"note": f"Niet meer nodig. {m('INTREKKING')}"}, "INTREKKING")],
        ),
    }
    if state in side:
        before, steps = side[state]
        run_until(scenario, before, member, servant)
        for action, username, data, kind in steps:
            _act(scenario, username, action, data, kind=kind)
    else:
        run_until(scenario, state, member, servant)
    assert _case_state(scenario) == state


def build_worlds(
    profile: str,
    index: int,
    opennesses=("requester_only", "every_member"),
) -> dict[str, World]:
    """Municipalities on one preset: answers for the requester only, or for every member."""
    base = {"requesters": {"fractie_employee": True}}
    worlds = {}
    for openness in opennesses:
        slug = f"{profile}-{openness}".replace("_", "-")
        worlds[openness] = build_municipality(
            f"Gemeente {slug}",
            slug,
            preset=profile,
            prefix=f"m{index}{openness[0]}-",
            overrides={**base, "openness": {"answers": openness}},
        )
    return worlds


def build_matrix(
    profiles=PROFILES,
    confidentialities=CONFIDENTIALITIES,
) -> tuple[list[Scenario], World]:
    """Every (profile, confidentiality, state) once, and a municipality that must see none."""
    scenarios = []
    opennesses = ["requester_only"] + (["every_member"] if "shared" in confidentialities else [])
    for profile in profiles:
        worlds = build_worlds(profile, PROFILES.index(profile), opennesses)
        for state in STATES:
            if "confidential" in confidentialities:
                scenarios.append(
                    new_scenario(worlds["requester_only"], profile, "confidential", state)
                )
            if "shared" in confidentialities:
                scenarios.append(new_scenario(worlds["every_member"], profile, "shared", state))
            if "secret" in confidentialities and state in ANSWERED:
                scenarios.append(new_scenario(worlds["requester_only"], profile, "secret", state))
    other = build_municipality("Gemeente Elders", "elders", preset="utrecht", prefix="x-")
    return scenarios, other


def person_for(scenario: Scenario, role: str, other: World):
    name = username_for(role, scenario.profile)
    if name.startswith("other:"):
        return other[name.removeprefix("other:")]
    return scenario.world[name]
