# SPDX-License-Identifier: EUPL-1.2
"""'Is dit al eerder gevraagd?': similar answered questions, within what the member may see."""

import pytest

from raadsloket.access.viewer import viewer_for
from raadsloket.cases.knowledge import similar_questions
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, new_written_question, run_to, run_written_to

pytestmark = pytest.mark.django_db


def answered_technical(world, member, title, question, *, confidential=False, secret=False):
    case = new_case(
        world,
        member,
        instrument="technical_question",
        title=title,
        question=question,
        confidential=confidential,
    )
    case = run_to(world, case, State.INTAKE, member=member)
    data = {"answer": f"Antwoord op: {title}"}
    if secret:
        data["secret"] = "on"
    return act(world, case, "deliver", "griffier", data)


def titles(found):
    return [item.case.title for item in found]


def test_the_most_similar_earlier_answer_comes_first(world):
    answered_technical(
        world,
        "raadslid1",
        "Leerlingenvervoer kosten",
        "Hoeveel kinderen maken gebruik van het collectief leerlingenvervoer en wat "
        "kost dat de gemeente per jaar?",
    )
    answered_technical(
        world, "raadslid2", "Afvalinzameling", "Hoeveel ton restafval is vorig jaar ingezameld?"
    )
    found = similar_questions(
        viewer_for(world["raadslid8"]), "Wat zijn de kosten van het leerlingenvervoer per kind?"
    )
    assert titles(found)[0] == "Leerlingenvervoer kosten"
    assert "Afvalinzameling" not in titles(found)


def test_published_written_questions_are_found_too(world):
    run_written_to(
        world, new_written_question(world, title="Wachttijden jeugdzorg"), State.PUBLISHED
    )
    found = similar_questions(
        viewer_for(world["raadslid8"]), "Waarom zijn de wachttijden in de jeugdzorg zo lang?"
    )
    assert titles(found) == ["Wachttijden jeugdzorg"]


def test_confidential_secret_and_unpublished_answers_are_never_suggested(world):
    answered_technical(
        world,
        "raadslid1",
        "Vertrouwelijk leerlingenvervoer",
        "Welke vervoerder rijdt het leerlingenvervoer en tegen welk tarief?",
        confidential=True,
    )
    answered_technical(
        world,
        "raadslid1",
        "Geheim leerlingenvervoer",
        "Welke vervoerder rijdt het leerlingenvervoer, onder geheimhouding?",
        secret=True,
    )
    run_written_to(
        world,
        new_written_question(
            world,
            title="Leerlingenvervoer onbeantwoord",
            question="Welke vervoerder rijdt het leerlingenvervoer en waarom die?",
        ),
        State.ANSWERED,
    )
    for reader in ("raadslid8", "raadslid1", "griffier"):
        found = similar_questions(
            viewer_for(world[reader]), "Welke vervoerder rijdt het leerlingenvervoer?"
        )
        assert found == [], reader


def test_nothing_crosses_municipalities_or_reaches_outsiders(world, other_world):
    answered_technical(
        world,
        "raadslid1",
        "Leerlingenvervoer kosten",
        "Hoeveel kost het collectief leerlingenvervoer de gemeente per jaar?",
    )
    text = "Wat kost het leerlingenvervoer de gemeente?"
    assert similar_questions(viewer_for(other_world["raadslid1"]), text) == []
    assert similar_questions(viewer_for(world["ambtenaar2"]), text) == []
    assert similar_questions(viewer_for(world["wethouder1"]), text) == []


def test_the_index_notices_a_new_answer(world):
    viewer = viewer_for(world["raadslid8"])
    text = "Hoeveel bomen zijn er dit jaar gekapt in het centrum?"
    assert similar_questions(viewer, text) == []
    answered_technical(
        world,
        "raadslid1",
        "Bomenkap centrum",
        "Hoeveel bomen zijn er gekapt in het centrum en hoeveel herplant?",
    )
    assert titles(similar_questions(viewer, text)) == ["Bomenkap centrum"]
