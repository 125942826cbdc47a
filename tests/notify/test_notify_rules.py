# SPDX-License-Identifier: EUPL-1.2
"""Every transition of every instrument names who is told of it; the objection to a refusal
reaches the driehoek and the driehoek's decision reaches the member (RULES.md "Disputes")."""

import pytest

from raadsloket.audit.models import AuditEvent
from raadsloket.cases import workflow
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.states import State
from raadsloket.demo.people import build_municipality
from raadsloket.notify.events import BY_ROW, EVENTS, NOBODY, rule_for
from raadsloket.notify.models import Notification
from tests.notify.notify_helpers import mailed, recipients

pytestmark = pytest.mark.django_db

GRIFFIE = {"griffier", "raadsadviseur", "raadsadviseur2"}
UPHOLD = {"outcome": "refusal_upheld", "notes": "De weigering is goed gemotiveerd."}


def every_transition():
    """(instrument, action, from, to) of every row of every registered table."""
    for instrument in Instrument.values:
        for row in workflow.table(instrument):
            for source in sorted(row.sources):
                yield instrument, row.action, source, row.target or source


def test_every_instrument_has_a_table_to_check():
    assert all(workflow.table(instrument) for instrument in Instrument.values)


@pytest.mark.parametrize(("instrument", "action", "source", "target"), list(every_transition()))
def test_every_transition_names_who_is_told(instrument, action, source, target):
    # A new row without a rule in notify/events.py fails here, so telling nobody is a choice
    # written down in NOBODY with its reason, never an omission.
    rule = rule_for(action, source, target)
    assert rule is not None, f"{instrument}: '{action}' from {source} has no notification rule"
    if isinstance(rule, str):
        assert len(rule) > 20, f"'{action}' tells nobody without saying why"


def test_a_missing_rule_is_noticed_and_every_refined_row_has_its_event():
    assert rule_for("no_such_action", State.DRAFT, State.DRAFT) is None
    assert set(BY_ROW.values()) <= set(EVENTS)
    assert not set(NOBODY) & set(EVENTS)


def test_the_driehoek_decision_has_its_own_rule_for_each_outcome():
    decided = {
        to: rule_for("mediate", State.OBJECTED, to)[0]
        for to in (State.OBJECTED, State.ASSIGNED, State.CLOSED)
    }
    assert decided == {
        State.OBJECTED: "triangle_vote",
        State.ASSIGNED: "objection_granted",
        State.CLOSED: "objection_rejected",
    }
    # The griffie's mediation during the work is another event.
    assert rule_for("mediate", State.MEDIATION, State.IN_PROGRESS)[0] == "mediate"


def test_an_objection_reaches_griffier_secretaris_and_burgemeester(desk, world, mailoutbox):
    case = desk.new(co_requesters=[world["raadslid2"].pk])
    case = desk.run_to(case, State.OBJECTED)
    # Handreiking, spelregel 3: the driehoek; the secretaris refused as routing officer.
    assert recipients("object", case) == {"griffier", "secretaris", "burgemeester", "raadslid2"}
    mails = mailed(mailoutbox, world)
    subject = mails["burgemeester"][-1].subject
    assert subject == f"[raadsloket] {case.reference} (ambtelijke bijstand): bezwaar gemaakt"
    assert "bezwaar" in mails["secretaris"][-1].body
    # The objection's reason and the request's subject stay out of the mail.
    assert case.objection not in mails["burgemeester"][-1].body
    assert case.title not in subject
    # The college beyond the mayor hears nothing of it.
    assert "wethouder1" not in mails


def test_an_objection_under_a_kabinetschef_reaches_the_router_and_the_driehoek(
    db, desk_for, mailoutbox
):
    world = build_municipality("Gemeente Echt", "echt", preset="echt-susteren")
    desk = desk_for(world)
    case = desk.run_to(desk.new(), State.OBJECTED)
    assert recipients("object", case) == {"griffier", "secretaris", "burgemeester", "kabinetschef"}


def test_the_decision_that_keeps_the_refusal_reaches_the_member_as_a_legal_notice(
    desk, world, mailoutbox
):
    case = desk.new(co_requesters=[world["raadslid2"].pk])
    case = desk.run_to(case, State.OBJECTED)
    case = desk.act(case, "mediate", "burgemeester", UPHOLD)
    assert case.state == State.CLOSED
    # The members, the griffie and the secretaris who refused; the mayor decided and the case
    # is out of the college's sight again.
    told = recipients("objection_rejected", case)
    assert told == {"raadslid1", "raadslid2", "secretaris"} | GRIFFIE
    rows = Notification.objects.filter(event="objection_rejected")
    assert all(row.legally_required for row in rows)
    body = mailed(mailoutbox, world)["raadslid1"][-1].body
    assert "de weigering blijft in stand" in body
    assert UPHOLD["notes"] not in body


def test_the_decision_to_assign_after_all_reaches_member_griffie_and_the_civil_servant(desk, world):
    case = desk.run_to(desk.new(), State.OBJECTED)
    case = desk.act(
        case,
        "mediate",
        "burgemeester",
        {
            "outcome": "assign",
            "notes": "De driehoek ziet raadswerk: bijstand wordt verleend.",
            "civil_servants": [world["ambtenaar2"].pk],
            "hours_estimate": "8",
        },
    )
    assert case.state == State.ASSIGNED
    told = recipients("objection_granted", case)
    assert told == {"raadslid1", "secretaris", "ambtenaar2"} | GRIFFIE


def test_a_vote_of_the_driehoek_deciding_together_tells_the_other_two_not_the_member(db, desk_for):
    world = build_municipality("Gemeente Echt", "echt", preset="echt-susteren")
    desk = desk_for(world)
    case = desk.run_to(desk.new(), State.OBJECTED)
    case = desk.act(case, "mediate", "griffier", UPHOLD)
    assert case.state == State.OBJECTED
    assert recipients("triangle_vote", case) == {"secretaris", "burgemeester"}
    assert AuditEvent.objects.filter(action="case.triangle_vote", case_ref=case.pk).exists()
    assert not Notification.objects.filter(event="objection_rejected").exists()
