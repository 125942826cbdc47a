# SPDX-License-Identifier: EUPL-1.2
"""A privileged person's first second factor needs a one-time enrolment code, not only the password.

Whoever has only the griffier's password must not be able to link their own app (ASVS 2.8).
"""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadsloket.audit.models import AuditEvent
from raadsloket.demo.enrolment import DEMO_CODE, hand_out_codes
from raadsloket.security.enrolment import VALID_DAYS, issue_code
from raadsloket.security.models import EnrolmentCode
from raadsloket.security.two_factor import reset_two_factor
from tests.security.two_factor_support import SETUP, app_code, logged_in

pytestmark = pytest.mark.django_db

ISSUE = "/beveiliging/inschrijfcode"
MISSING = "Vul de inschrijfcode in die u van de functioneel beheerder of de griffier kreeg."


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


def enrol(client: Client, enrolment_code: str | None):
    data = {"code": app_code(client), "next": "/"}
    if enrolment_code is not None:
        data["enrolment_code"] = enrolment_code
    return client.post(SETUP, data)


def refused(response, message: str) -> bool:
    return response.status_code == 422 and message in response.content.decode()


def has_device(person) -> bool:
    return TOTPDevice.objects.filter(user=person, confirmed=True).exists()


def test_the_password_alone_does_not_link_an_app(world):
    client = logged_in("griffier")
    page = client.get(SETUP).content.decode()
    assert "Inschrijfcode" in page
    assert refused(enrol(client, None), MISSING)
    assert refused(enrol(client, "ABCD-EFGH-JKMN"), "Deze inschrijfcode klopt niet.")
    assert not has_device(world["griffier"])
    assert client.get("/verzoeken/").status_code == 302


def test_the_code_handed_over_links_the_app_once(world):
    code, _ = issue_code(world["griffier"], actor=world["beheerder"])
    client = logged_in("griffier")
    # Case, spaces and dashes do not matter when typing it over.
    response = enrol(client, code.lower().replace("-", " "))
    assert response.status_code == 302
    assert has_device(world["griffier"])
    assert client.get("/verzoeken/").status_code == 200
    used = AuditEvent.objects.get(action="security.enrolment_code_used")
    assert used.actor_ref == "griffier"
    assert used.detail == {"person": "griffier", "issued_by": "beheerder"}
    issued = AuditEvent.objects.get(action="security.enrolment_code_issued")
    assert issued.actor_ref == "beheerder"


def test_only_a_hash_is_stored(world):
    code, _ = issue_code(world["griffier"], actor="beheerder")
    stored = EnrolmentCode.objects.get(person=world["griffier"])
    assert code.replace("-", "") not in stored.code_hash.upper()
    assert len(stored.code_hash) == 64


def test_a_used_code_is_refused_after_a_reset(world):
    code, _ = issue_code(world["griffier"], actor="beheerder")
    assert enrol(logged_in("griffier"), code).status_code == 302
    reset_two_factor(world["griffier"], actor="beheerder", reason="telefoon kwijt")
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        client = logged_in("griffier")
        assert refused(enrol(client, code), "Deze inschrijfcode is al gebruikt.")
        assert not has_device(world["griffier"])


def test_a_reset_withdraws_a_code_not_yet_used(world):
    code, _ = issue_code(world["griffier"], actor="beheerder")
    reset_two_factor(world["griffier"], actor="beheerder", reason="telefoon kwijt")
    assert refused(enrol(logged_in("griffier"), code), "Deze inschrijfcode klopt niet.")


def test_an_expired_code_is_refused(world):
    code, _ = issue_code(world["griffier"], actor="beheerder")
    with time_machine.travel(timezone.now() + timedelta(days=VALID_DAYS, minutes=1)):
        client = logged_in("griffier")
        assert refused(enrol(client, code), "Deze inschrijfcode is verlopen.")
        assert not has_device(world["griffier"])


def test_a_colleagues_code_does_not_fit(world):
    code, _ = issue_code(world["raadsadviseur"], actor="beheerder")
    assert refused(enrol(logged_in("griffier"), code), "Deze inschrijfcode klopt niet.")
    assert not EnrolmentCode.objects.filter(used_at__isnull=False).exists()


def test_a_new_code_replaces_the_old_one(world):
    old, _ = issue_code(world["griffier"], actor="beheerder")
    new, _ = issue_code(world["griffier"], actor="beheerder")
    client = logged_in("griffier")
    assert refused(enrol(client, old), "Deze inschrijfcode klopt niet.")
    assert enrol(client, new).status_code == 302


def test_a_council_member_and_the_demo_need_no_code(world, settings):
    assert enrol(logged_in("raadslid1"), None).status_code == 302
    settings.TWO_FACTOR_REQUIRED = False
    client = logged_in("griffier")
    assert "Inschrijfcode" not in client.get(SETUP).content.decode()
    assert enrol(client, None).status_code == 302


def test_the_beheerder_makes_a_code_on_the_security_page(world, settings):
    settings.TWO_FACTOR_REQUIRED = False  # the beheerder's own factor is not the subject here
    admin = Client()
    admin.force_login(world["beheerder"])
    assert "Inschrijfcode maken" in admin.get("/beveiliging/").content.decode()
    response = admin.post(ISSUE, {"username": "griffier"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Inschrijfcode voor" in page
    assert response["Cache-Control"].startswith("max-age=0")
    code = page.split('<code class="utrecht-code">', 1)[1].split("</code>", 1)[0]
    settings.TWO_FACTOR_REQUIRED = True
    assert enrol(logged_in("griffier"), code).status_code == 302


def test_the_griffier_makes_one_too_but_not_for_herself_or_elsewhere(world, other_world, settings):
    settings.TWO_FACTOR_REQUIRED = False
    griffier = Client()
    griffier.force_login(world["griffier"])
    assert griffier.post(ISSUE, {"username": "beheerder"}).status_code == 200
    response = griffier.post(ISSUE, {"username": "griffier"})
    assert refused(response, "U kunt geen inschrijfcode voor uzelf maken.")
    response = griffier.post(ISSUE, {"username": "u-griffier"})
    assert refused(response, "Er is geen gebruiker met deze gebruikersnaam in uw gemeente.")
    assert not EnrolmentCode.objects.filter(person=other_world["griffier"]).exists()


def test_others_cannot_make_codes(world, settings):
    settings.TWO_FACTOR_REQUIRED = False
    for username in ["raadslid1", "secretaris"]:
        client = Client()
        client.force_login(world[username])
        assert "Inschrijfcode maken" not in client.get("/beveiliging/").content.decode()
        assert client.post(ISSUE, {"username": "griffier"}).status_code == 404
    assert not EnrolmentCode.objects.exists()


def test_the_command_prints_a_code_that_works(world):
    out = io.StringIO()
    call_command("enrolment_code", "griffier", stdout=out)
    printed = out.getvalue()
    assert "Inschrijfcode voor 'griffier': " in printed
    assert "voor één keer" in printed
    code = printed.split(": ", 1)[1].split("\n", 1)[0]
    assert enrol(logged_in("griffier"), code).status_code == 302
    with pytest.raises(CommandError, match="Gebruiker 'niemand' bestaat niet."):
        call_command("enrolment_code", "niemand")


def test_the_demo_accounts_enrol_with_the_demo_code(world):
    handed = hand_out_codes(("voorbeeld",))
    assert handed >= 7  # griffie, routing, college, beheerder
    assert not EnrolmentCode.objects.filter(person=world["raadslid1"]).exists()
    assert enrol(logged_in("griffier"), DEMO_CODE).status_code == 302
    # A second start leaves the codes that still work, and the app linked, alone.
    assert hand_out_codes(("voorbeeld",)) == 0
