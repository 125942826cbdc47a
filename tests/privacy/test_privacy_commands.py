# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket inzage` and `raadsloket anonymise`, for the griffie or the administrator."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.organisation.models import Person
from tests.privacy.privacy_helpers import MARKERS, OWN_MARKER


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_inzage_prints_the_json_and_writes_the_pdf(scene, tmp_path):
    pdf = tmp_path / "inzage.pdf"
    out, err = run("inzage", "raadslid1", "--pdf", str(pdf))
    data = json.loads(out)
    assert data["persoon"]["Gebruikersnaam"] == "raadslid1"
    assert OWN_MARKER in out and not any(marker in out for marker in MARKERS)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "PDF geschreven" in err
    events = AuditEvent.objects.filter(action="privacy.export").order_by("seq")
    assert [(e.actor_ref, e.detail["format"]) for e in events] == [
        ("opdrachtregel", "pdf"),
        ("opdrachtregel", "json"),
    ]
    assert all(e.detail["person"] == scene["raadslid1"].pk for e in events)


def test_inzage_of_an_unknown_user_is_a_dutch_error(db):
    with pytest.raises(CommandError, match="bestaat niet"):
        run("inzage", "niemand")


def test_anonymise_refuses_everyone_when_one_is_still_active(scene):
    Person.objects.filter(username="raadslid7").update(is_active=False)
    with pytest.raises(CommandError, match="Niets geanonimiseerd"):
        run("anonymise", "raadslid7", "raadslid1", "niemand")
    assert Person.objects.filter(username__in=["raadslid7", "raadslid1"]).count() == 2
    assert not AuditEvent.objects.filter(action="privacy.anonymised").exists()


def test_anonymise_several_in_one_go_and_the_dry_run(scene):
    Person.objects.filter(username__in=["raadslid7", "ambtenaar1"]).update(is_active=False)
    out, _ = run("anonymise", "raadslid7", "ambtenaar1", "--dry-run")
    assert "Zou anonimiseren: raadslid7 → oud-raadslid-" in out and "Proefdraai" in out
    assert Person.objects.filter(username="raadslid7").exists()
    out, _ = run("anonymise", "raadslid7", "ambtenaar1")
    assert "Geanonimiseerd: ambtenaar1 → oud-medewerker-" in out
    assert not Person.objects.filter(username__in=["raadslid7", "ambtenaar1"]).exists()
    events = AuditEvent.objects.filter(action="privacy.anonymised")
    assert events.count() == 2 and {e.actor_ref for e in events} == {"opdrachtregel"}
    assert chain.verify() == []
