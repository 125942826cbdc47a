# SPDX-License-Identifier: EUPL-1.2
"""Two-factor authentication: who must use it, set-up, verification, the API, and recovery."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadsloket.api.tokens import issue
from raadsloket.audit.models import AuditEvent
from raadsloket.demo.people import build_municipality
from raadsloket.security.enrolment import issue_code
from raadsloket.security.two_factor import PENDING_KEY, TWO_FACTOR_ROLES
from tests.security.two_factor_support import SETUP, VERIFY, code_for, logged_in, set_up

pytestmark = pytest.mark.django_db

REQUIRED = [
    "griffier",
    "raadsadviseur",
    "secretaris",
    "kabinetschef",
    "burgemeester",
    "wethouder1",
    "beheerder",
]
OPTIONAL = ["raadslid1", "ambtenaar1", "manager1", "collegecontact", "fractiemedewerker1"]


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


def test_the_roles_that_need_it_are_griffie_routing_college_and_administrator():
    assert {str(role) for role in TWO_FACTOR_ROLES} == {
        "clerk",
        "council_advisor",
        "municipal_secretary",
        "cabinet_chief",
        "mayor",
        "alderman",
        "administrator",
    }


@pytest.mark.parametrize("username", REQUIRED)
def test_a_privileged_role_is_sent_to_set_up_after_the_password(world, username):
    client = logged_in(username)
    response = client.get("/verzoeken/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{SETUP}?next=")


@pytest.mark.parametrize("username", OPTIONAL)
def test_other_roles_are_not_asked(world, username):
    assert logged_in(username).get("/verzoeken/").status_code == 200


def test_the_profile_can_ask_it_of_everyone(db):
    everyone = build_municipality(
        "Gemeente Streng",
        "streng",
        password="demo",
        overrides={"security": {"two_factor_for_everyone": True}},
    )
    client = logged_in(everyone["raadslid1"].username)
    assert client.get("/").headers["Location"].startswith(SETUP)


def test_the_demo_switch_turns_it_off(world, settings):
    settings.TWO_FACTOR_REQUIRED = False
    assert logged_in("griffier").get("/verzoeken/").status_code == 200


def test_a_device_chosen_in_the_demo_is_still_asked_for(world, settings):
    device = set_up(logged_in("raadslid1"), world["raadslid1"])
    settings.TWO_FACTOR_REQUIRED = False
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        client = logged_in("raadslid1")
        assert client.get("/").headers["Location"].startswith(VERIFY)
        client.post(VERIFY, {"code": code_for(device)})
        assert client.get("/").status_code == 200


def test_set_up_shows_a_qr_code_and_key_and_saves_nothing_until_confirmed(world):
    client = logged_in("griffier")
    response = client.get(SETUP)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tweestapsverificatie instellen" in page
    assert 'src="data:image/svg+xml' in page
    assert "<script" not in page.split("</head>")[1]
    assert response["Cache-Control"].startswith("max-age=0")
    assert not TOTPDevice.objects.filter(user=world["griffier"]).exists()
    # A reload shows the same key: the app the person just scanned keeps working.
    key = client.session[PENDING_KEY]
    client.get(SETUP)
    assert client.session[PENDING_KEY] == key


def test_set_up_confirms_with_a_code_and_opens_the_site(world):
    client = logged_in("griffier")
    device = set_up(client, world["griffier"])
    assert device.name == "raadsloket"
    assert client.get("/verzoeken/").status_code == 200
    assert (
        AuditEvent.objects.filter(
            action="security.two_factor_enabled", actor_ref="griffier"
        ).count()
        == 1
    )


def test_a_wrong_set_up_code_is_refused_in_dutch(world):
    client = logged_in("griffier")
    client.get(SETUP)
    enrolment_code, _ = issue_code(world["griffier"], actor="beheerder")
    response = client.post(SETUP, {"code": "000000", "enrolment_code": enrolment_code})
    assert response.status_code == 422
    assert "Deze code klopt niet" in response.content.decode()
    response = client.post(SETUP, {"code": "12ab", "enrolment_code": enrolment_code})
    assert "De code bestaat uit zes cijfers." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=world["griffier"]).exists()


def test_next_login_asks_for_a_code_and_accepts_it_once(world):
    device = set_up(logged_in("griffier"), world["griffier"])
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        client = logged_in("griffier")
        response = client.get("/verzoeken/")
        assert response["Location"].startswith(f"{VERIFY}?next=")
        page = client.get(response["Location"])
        assert "Code invullen" in page.content.decode()
        code = code_for(device)
        response = client.post(VERIFY, {"code": code, "next": "/verzoeken/"})
        assert response.status_code == 302
        assert response["Location"] == "/verzoeken/"
        assert client.get("/verzoeken/").status_code == 200
        # The same code again, in another browser, is refused (ASVS 2.8.4: one use).
        other = logged_in("griffier")
        assert other.post(VERIFY, {"code": code}).status_code == 422


def test_verification_makes_a_new_session_id(world):
    device = set_up(logged_in("griffier"), world["griffier"])
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        client = logged_in("griffier")
        before = client.session.session_key
        client.post(VERIFY, {"code": code_for(device)})
        assert client.session.session_key != before


def test_a_wrong_code_is_refused_and_then_throttled(world):
    set_up(logged_in("griffier"), world["griffier"])
    with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=False):
        client = logged_in("griffier")
        response = client.post(VERIFY, {"code": "000000"})
        assert response.status_code == 422
        assert "Deze code klopt niet of is verlopen" in response.content.decode()
        response = client.post(VERIFY, {"code": "000000"})
        assert "Te veel onjuiste codes" in response.content.decode()
        assert client.get("/verzoeken/").status_code == 302


def test_the_next_parameter_cannot_leave_the_site(world):
    device = set_up(logged_in("griffier"), world["griffier"])
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        client = logged_in("griffier")
        response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
        assert response["Location"] == "/"


def test_an_optional_role_that_chose_it_is_asked_too(world):
    device = set_up(logged_in("raadslid1"), world["raadslid1"])
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        client = logged_in("raadslid1")
        assert client.get("/").headers["Location"].startswith(VERIFY)
        client.post(VERIFY, {"code": code_for(device)})
        assert client.get("/").status_code == 200


def test_login_logout_and_two_factor_pages_stay_reachable(world):
    client = logged_in("griffier")
    assert client.get(SETUP).status_code == 200
    assert client.get(VERIFY).status_code == 302  # no device yet: on to set-up
    assert client.post("/uitloggen/").status_code == 302
    assert Client().get("/inloggen/").status_code == 200


def test_htmx_requests_are_sent_by_a_client_redirect(world):
    client = logged_in("griffier")
    response = client.get("/verzoeken/", headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"].startswith(SETUP)


def test_the_api_refuses_a_password_only_session_but_takes_a_token(world):
    client = logged_in("griffier")
    assert client.get("/api/v1/cases").status_code == 401
    token = issue(world["griffier"])
    response = Client().get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_the_administrator_resets_a_device_in_their_municipality(world, other_world, settings):
    settings.TWO_FACTOR_REQUIRED = False  # the beheerder's own factor is not the subject here
    set_up(logged_in("griffier"), world["griffier"])
    admin = Client()
    admin.force_login(world["beheerder"])
    page = admin.get("/beveiliging/").content.decode()
    assert "Tweestapsverificatie van een collega herstellen" in page
    response = admin.post(
        "/beveiliging/tweestapsverificatie/herstellen",
        {"username": "u-griffier", "reason": "telefoon kwijt"},
    )
    assert response.status_code == 422
    assert "geen gebruiker met deze gebruikersnaam in uw gemeente" in response.content.decode()
    response = admin.post(
        "/beveiliging/tweestapsverificatie/herstellen",
        {"username": "griffier", "reason": "telefoon kwijt"},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=world["griffier"]).exists()
    event = AuditEvent.objects.get(action="security.two_factor_reset")
    assert event.actor_ref == "beheerder"
    assert event.detail == {"person": "griffier", "devices": 1, "reason": "telefoon kwijt"}


def test_only_the_administrator_may_reset(world):
    client = Client()
    client.force_login(world["griffier"])
    client.get("/")  # the griffier is not verified, but the page is not there for her anyway
    settings_page = client.post(
        "/beveiliging/tweestapsverificatie/herstellen", {"username": "raadslid1", "reason": "x"}
    )
    assert settings_page.status_code == 302  # first her own second factor
    raadslid = Client()
    raadslid.force_login(world["raadslid1"])
    response = raadslid.post(
        "/beveiliging/tweestapsverificatie/herstellen", {"username": "griffier", "reason": "x"}
    )
    assert response.status_code == 404


def test_reset_command(world):
    set_up(logged_in("griffier"), world["griffier"])
    out = io.StringIO()
    call_command("reset_two_factor", "griffier", "--reden", "nieuwe telefoon", stdout=out)
    assert "Tweestapsverificatie van 'griffier' hersteld (1 koppeling verwijderd)" in (
        out.getvalue()
    )
    assert not TOTPDevice.objects.filter(user=world["griffier"]).exists()
    event = AuditEvent.objects.get(action="security.two_factor_reset")
    assert event.detail["reason"] == "nieuwe telefoon"
    with pytest.raises(CommandError, match="Gebruiker 'niemand' bestaat niet."):
        call_command("reset_two_factor", "niemand")


def test_the_overview_page_says_what_holds_for_me(world):
    client = Client()
    client.force_login(world["raadslid1"])
    page = client.get("/beveiliging/").content.decode()
    assert "Voor uw rol is zij niet verplicht" in page
    assert "na 30 minuten zonder activiteit" in page
    assert "Tweestapsverificatie van een collega herstellen" not in page
    assert 'href="/beveiliging/"' in page  # the header link
