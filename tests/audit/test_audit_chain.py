# SPDX-License-Identifier: EUPL-1.2
"""The audit log: every transition and every read of confidential content leaves an event, the
chain is append-only, and `audit-verify` reports any changed, inserted or removed event
(SECURITY.md, the audit log)."""

import pytest
from django.core.management import CommandError, call_command

from raadsloket.api.tokens import issue
from raadsloket.audit import chain
from raadsloket.audit.models import AppendOnlyError, AuditEvent, AuditHead
from raadsloket.cases.errors import InvalidInput
from raadsloket.demo.lifecycle import act, main_path, new_case, run_to
from tests.support.tamper import past_the_trigger, sql


def bearer(person) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue(person)}"}


def messages() -> list[str]:
    return [finding.message for finding in chain.verify()]


@pytest.fixture
def filled(world):
    """A chain of some dozens of events: one full lifecycle."""
    run_to(world, new_case(world), "closed")
    assert AuditEvent.objects.count() > 10
    return world


def test_every_transition_writes_one_event(world):
    case = new_case(world)
    created = AuditEvent.objects.get(action="case.create")
    assert (created.case_ref, created.actor_ref) == (case.pk, "raadslid1")
    for action, username, data in main_path(world):
        before = AuditEvent.objects.count()
        case = act(world, case, action, username, data)
        assert AuditEvent.objects.count() == before + 1, action
        event = AuditEvent.objects.last()
        assert (event.action, event.actor_ref, event.case_ref) == (
            f"case.{action}",
            world[username].username,
            case.pk,
        )
        assert event.municipality_id_ref == world.municipality.pk
        assert event.detail["to"] == case.state and event.detail["version"] == case.version
    assert messages() == []


def test_side_branches_are_audited_too(world):
    case = run_to(world, new_case(world), "objected")
    case = act(
        world,
        case,
        "mediate",
        "burgemeester",
        {"outcome": "refusal_upheld", "notes": "De weigering blijft in stand."},
    )
    actions = list(AuditEvent.objects.filter(case_ref=case.pk).values_list("action", flat=True))
    assert actions[-3:] == ["case.refuse", "case.object", "case.mediate"]


def test_a_refused_action_writes_no_event(world):
    case = run_to(world, new_case(world), "intake")
    before = AuditEvent.objects.count()
    with pytest.raises(InvalidInput):
        act(world, case, "defer", "griffier", {})
    assert AuditEvent.objects.count() == before


def test_every_api_detail_read_of_content_is_audited(client, world):
    case = run_to(world, new_case(world), "delivered")
    for username in ("raadslid1", "griffier", "ambtenaar1", "secretaris"):
        headers = bearer(world[username])
        before = AuditEvent.objects.count()
        assert client.get(f"/api/v1/cases/{case.pk}", **headers).status_code == 200
        event = AuditEvent.objects.last()
        assert AuditEvent.objects.count() == before + 1
        assert (event.action, event.actor_ref, event.case_ref) == ("case.read", username, case.pk)
        assert "request" in event.detail["sections"]
    # Metadata or hours only is no confidential content: no read event.
    for username in ("beheerder", "manager1"):
        headers = bearer(world[username])
        before = AuditEvent.objects.count()
        assert client.get(f"/api/v1/cases/{case.pk}", **headers).status_code == 200
        assert AuditEvent.objects.count() == before
    # A 404 reads nothing.
    headers = bearer(world["raadslid2"])
    before = AuditEvent.objects.count()
    assert client.get(f"/api/v1/cases/{case.pk}", **headers).status_code == 404
    assert AuditEvent.objects.count() == before
    assert messages() == []


def test_reading_confidential_content_in_the_timeline_is_audited(client, world):
    """The timeline shows refusal reasoning and objections: confidential content (item 6)."""
    case = run_to(world, new_case(world), "objected")
    headers = bearer(world["raadslid1"])
    before = AuditEvent.objects.last().pk
    response = client.get(f"/api/v1/cases/{case.pk}/timeline", **headers)
    assert response.status_code == 200
    assert "amendement op de begroting" in response.content.decode()
    reads = AuditEvent.objects.filter(action="case.read", pk__gt=before)
    assert reads.count() == 1


def test_listing_confidential_content_is_audited(client, world):
    """The case list carries title and question: every read of them leaves a trace (item 6)."""
    case = run_to(world, new_case(world), "intake")
    headers = bearer(world["griffier"])
    before = AuditEvent.objects.last().pk
    response = client.get("/api/v1/cases", **headers)
    assert response.json()["items"][0]["question"] == case.question
    # One event per list page, naming every case whose content it showed.
    event = AuditEvent.objects.get(action="case.list_read", pk__gt=before)
    assert str(case.pk) in event.detail["cases"]
    assert "request" in event.detail["cases"][str(case.pk)]


def test_an_intact_chain_verifies(filled):
    assert messages() == []
    # Every event of the lifecycle is on the municipality's own chain.
    head = AuditHead.objects.get(chain=filled.municipality.pk)
    assert head.seq == AuditEvent.objects.filter(chain=filled.municipality.pk).count() > 10
    assert head.hash == AuditEvent.objects.last().hash


def test_a_changed_detail_is_reported(filled):
    target = AuditEvent.objects.filter(action="case.assign").get()
    with past_the_trigger():
        AuditEvent.objects.filter(pk=target.pk).update(detail={"to": "refused"})
    assert messages() == [f"regel {target.seq} is gewijzigd (hash klopt niet)"]


def test_a_changed_actor_by_raw_sql_is_reported(filled):
    target = AuditEvent.objects.filter(action="case.deliver").get()
    sql("UPDATE {table} SET actor_ref = %s WHERE seq = %s", ["griffier", target.seq])
    assert f"regel {target.seq} is gewijzigd (hash klopt niet)" in messages()


def test_a_deleted_middle_row_is_reported(filled):
    middle = AuditEvent.objects.count() // 2
    sql("DELETE FROM {table} WHERE seq = %s", [middle])
    found = messages()
    assert any(f"regel {middle} t/m {middle} ontbreekt" in m for m in found), found
    assert any(f"regel {middle + 1} sluit niet aan" in m for m in found), found


def test_deleted_last_rows_are_reported(filled):
    last = AuditEvent.objects.count()
    sql("DELETE FROM {table} WHERE seq > %s", [last - 3])
    found = messages()
    assert len(found) == 1
    assert f"eindigt bij regel {last - 3}" in found[0]
    assert f"hoort te eindigen bij regel {last}" in found[0]


def test_a_forged_row_is_reported(filled):
    """Even with a correctly computed hash: the head row no longer matches the chain's end."""
    last = AuditEvent.objects.last()
    forged = AuditEvent(
        chain=last.chain,
        seq=last.seq + 1,
        at=last.at,
        municipality_id_ref=last.municipality_id_ref,
        actor_ref="griffier",
        action="case.read",
        case_ref=last.case_ref,
        detail={"sections": ["answer"]},
        prev_hash=last.hash,
    )
    forged.hash = chain._event_digest(forged)
    forged.save()
    found = messages()
    assert len(found) == 1 and "hoort te eindigen bij regel" in found[0], found


def test_a_row_forged_into_the_middle_is_reported(filled):
    middle = AuditEvent.objects.get(seq=5)
    # Make room by moving the rest one up, as a careful forger would, then slip one in.
    sql("UPDATE {table} SET seq = seq + 1000000 WHERE seq > 5")
    sql("UPDATE {table} SET seq = seq - 999999 WHERE seq > 1000000")
    sql(
        "INSERT INTO {table} (chain, seq, at, municipality_id_ref, actor_ref, action, case_ref, "
        "detail, prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        [
            middle.chain,
            6,
            middle.at,
            middle.municipality_id_ref,
            "griffier",
            "case.read",
            middle.case_ref,
            '{"sections": ["answer"]}',
            middle.hash,
            "f" * 64,
        ],
    )
    found = messages()
    assert "regel 6 is gewijzigd (hash klopt niet)" in found
    assert any("regel 7 sluit niet aan" in m for m in found), found


def test_swapped_hashes_are_reported(filled):
    first, second = AuditEvent.objects.filter(seq__in=[3, 4]).order_by("seq")
    sql("UPDATE {table} SET hash = %s WHERE seq = 3", [second.hash])
    sql("UPDATE {table} SET hash = %s WHERE seq = 4", [first.hash])
    found = messages()
    assert "regel 3 is gewijzigd (hash klopt niet)" in found
    assert "regel 4 is gewijzigd (hash klopt niet)" in found


def test_events_cannot_be_changed_or_deleted_through_the_model(filled):
    event = AuditEvent.objects.first()
    event.actor_ref = "iemand"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.first().actor_ref != "iemand"
    assert messages() == []


def test_audit_verify_command_reports_intact(filled, capsys):
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "Auditketen intact" in out
    assert f"{AuditEvent.objects.count()} regels" in out


def test_audit_verify_command_fails_on_tampering(filled, capsys):
    sql("DELETE FROM {table} WHERE seq = 4")
    with pytest.raises(CommandError) as raised:
        call_command("audit_verify")
    assert "NIET intact" in str(raised.value)
    assert "FOUT: regel 4 t/m 4 ontbreekt" in capsys.readouterr().err
