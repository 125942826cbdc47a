# SPDX-License-Identifier: EUPL-1.2
"""AVG art. 15 inzage: each person gets their own data, and never more than the bubble shows."""

import json

from raadsloket.access.cases import sections
from raadsloket.access.viewer import viewer_for
from raadsloket.api.models import ApiToken
from raadsloket.api.tokens import issue
from raadsloket.audit import chain
from raadsloket.cases.models import TimelineEvent
from raadsloket.cases.services import break_glass
from raadsloket.notify.models import Notification
from raadsloket.privacy.inzage import export
from tests.privacy.privacy_helpers import MARKERS, OWN_MARKER, SHARED_MARKER, export_text, leaked

ALL_MARKERS = set(MARKERS)
REQUEST = {"PRIVTITEL", "PRIVVRAAG", "PRIVACHTERGROND"}
# What the requester's export holds of their case: the case's own sections, and their own
# evaluation; not the griffie's forwarding note (not their action) nor the servant's hours note.
REQUESTER_SEES = REQUEST | {"PRIVDOEL", "PRIVANTWOORD", "PRIVEVALUATIE"}


def test_a_member_gets_their_own_case_and_nothing_of_a_colleagues_confidential_case(scene):
    text = export_text(scene["raadslid1"])
    assert OWN_MARKER in text
    assert leaked(text, ALL_MARKERS) == set()
    # raadslid1 may read the shared answer in raadsloket, but is not named on that case: it is
    # not data about them, so not in their export.
    assert "answer" in sections(viewer_for(scene["raadslid1"]), scene.shared)
    assert SHARED_MARKER not in text
    assert scene.confidential.reference not in text


def test_the_profile_holds_name_email_roles_and_fractie(scene):
    person = scene["raadslid1"]
    data = export(person)["persoon"]
    assert data["Voornaam"] == person.first_name and data["Achternaam"] == person.last_name
    assert data["E-mailadres"] == person.email
    assert data["Rollen"] == ["fractievoorzitter", "raadslid"]
    assert data["Fractie"] == "Lokaal Belang"


def test_the_requester_sees_every_section_of_their_own_case(scene):
    rows = {row["Verzoek"]: row for row in export(scene["raadslid7"])["verzoeken"]}
    mine = rows[scene.confidential.reference]
    assert mine["Uw rol"] == ["indiener"]
    assert mine["Gegevens"]["Vraag of verzoek"] == "Wat weet het college van PRIVVRAAG?"
    assert leaked(export_text(scene["raadslid7"]), ALL_MARKERS) == REQUESTER_SEES


def test_a_manager_gets_their_own_data_not_their_staffs_cases(scene):
    manager = scene["manager1"]  # manager of ambtenaar1, who worked on the confidential case
    data = export(manager)
    assert data["verzoeken"] == [] and data["uren"] == []
    text = export_text(manager)
    assert leaked(text, ALL_MARKERS) == set()
    assert scene.confidential.reference not in text
    assert data["persoon"]["Leidinggevende van"] == ["Sociaal Domein"]


def test_the_assigned_civil_servant_gets_the_case_they_worked_on(scene):
    data = export(scene["ambtenaar1"])
    text = export_text(scene["ambtenaar1"])
    assert leaked(text, ALL_MARKERS) == REQUESTER_SEES | {"PRIVURENNOTITIE"}
    assert "toegewezen ambtenaar" in {r for row in data["verzoeken"] for r in row["Uw rol"]}
    hours = [row for row in data["uren"] if row["Verzoek"] == scene.confidential.reference]
    assert [(row["Uren"], row["Toelichting"]) for row in hours] == [
        ("3.5", "Notitie PRIVURENNOTITIE")
    ]
    assert {row["Als"] for row in data["evaluaties"]} == {"ambtenaar"}


def test_the_routing_officer_gets_the_request_never_the_work_inside_the_bubble(scene):
    text = export_text(scene["secretaris"])
    assert leaked(text, ALL_MARKERS) == REQUEST
    rows = {row["Verzoek"]: row for row in export(scene["secretaris"])["verzoeken"]}
    assert rows[scene.confidential.reference]["Wat u mag zien"] == [
        "kenmerken",
        "traject",
        "verzoek",
        "behandeling",
    ]


def test_the_griffie_handler_gets_the_case_and_their_forwarding_note(scene):
    assert leaked(export_text(scene["griffier"]), ALL_MARKERS) == ALL_MARKERS - {"PRIVURENNOTITIE"}


def test_break_glass_does_not_widen_the_administrators_export(scene):
    admin = scene["beheerder"]
    break_glass(admin, scene.confidential.pk, "Storing in de koppeling, melding 2024-17")
    # The administrator is not named on the case, and the grant is no export right.
    TimelineEvent.objects.create(
        case=scene.confidential,
        actor=admin,
        action="close",
        section="answer",
        detail="Sluiting PRIVANTWOORD",
    )
    data = export(admin)
    assert leaked(export_text(admin), ALL_MARKERS) == set()
    assert [row["Reden"] for row in data["noodtoegang"]] == [
        "Storing in de koppeling, melding 2024-17"
    ]
    assert data["handelingen"][0]["Toelichting"] is None


def test_an_action_in_a_section_the_person_no_longer_sees_keeps_only_kind_and_moment(scene):
    manager = scene["manager1"]
    TimelineEvent.objects.create(
        case=scene.confidential,
        actor=manager,
        action="record_kickoff",
        from_state="kickoff_planned",
        to_state="in_progress",
        section="kickoff",
        detail="Verslag PRIVDOEL",
    )
    [row] = export(manager)["handelingen"]
    assert row["Verzoek"] == scene.confidential.reference
    assert row["Handeling"] == "Startgesprek vastleggen" and row["Tijdstip"]
    # The state is metadata, which a manager does not see (access/timeline.py).
    assert row["Toelichting"] is None and row["Nieuwe status"] is None
    assert "PRIVDOEL" not in export_text(manager)


def test_audit_events_show_kind_time_and_case_never_their_detail(scene):
    person = scene["raadslid1"]
    chain.record(
        "case.list_read",
        actor=person,
        municipality_id=person.municipality_id,
        detail={"cases": {scene.confidential.pk: ["PRIVVRAAG"]}},
    )
    rows = export(person)["auditregels"]
    assert {"verzoek aangemaakt", "lijst met verzoeken ingezien"} <= {r["Soort"] for r in rows}
    assert all(set(r) == {"Volgnummer", "Soort", "Code", "Tijdstip", "Verzoek"} for r in rows)
    assert leaked(export_text(person), ALL_MARKERS) == set()


def test_api_tokens_show_prefix_and_dates_never_the_hash(scene):
    person = scene["raadslid1"]
    raw = issue(person, label="koppeling fractie")
    stored = ApiToken.objects.get(person=person)
    [row] = export(person)["api_sleutels"]
    assert row["Kenmerk"] == stored.prefix and row["Omschrijving"] == "koppeling fractie"
    text = export_text(person)
    assert stored.key_hash not in text and raw.split("_", 2)[2] not in text


def test_notifications_name_the_subject_only_while_the_request_is_visible(scene):
    rows = export(scene["raadslid7"])["meldingen"]
    assigned = [
        row
        for row in rows
        if row["Verzoek"] == scene.confidential.reference and "toegewezen" in row["Melding"]
    ]
    assert assigned and " — " in assigned[0]["Melding"] and assigned[0]["Gemaakt"]
    manager = scene["manager1"]
    Notification.objects.create(
        municipality=manager.municipality,
        recipient=manager,
        event="assign",
        case=scene.confidential,
        title="RL-x: toegewezen — PRIVTITEL",
        headline="RL-x: toegewezen",
        body="Er is een ambtenaar aangewezen.",
        delivery="off",
    )
    [row] = export(manager)["meldingen"]
    assert row["Melding"] == "RL-x: toegewezen"
    assert "PRIVTITEL" not in export_text(manager)


def test_a_former_member_keeps_their_own_case_but_a_former_griffier_loses_the_content(scene):
    member, griffier = scene["raadslid7"], scene["griffier"]
    member.is_active = griffier.is_active = False
    member.save()
    griffier.save()
    assert leaked(export_text(member), ALL_MARKERS) == REQUESTER_SEES
    rows = {row["Verzoek"]: row for row in export(griffier)["verzoeken"]}
    assert rows[scene.confidential.reference]["Uw rol"] == ["behandelaar griffie"]
    assert rows[scene.confidential.reference]["Gegevens"] == {}
    assert leaked(export_text(griffier), ALL_MARKERS) == set()


def test_another_municipality_is_never_in_the_export(scene, other_world):
    other = other_world["raadslid1"]
    assert export(other)["verzoeken"] == []
    assert leaked(export_text(other), ALL_MARKERS | {OWN_MARKER}) == set()


def test_the_export_is_plain_json(scene):
    data = export(scene["raadslid7"])
    assert json.loads(json.dumps(data)) == data
