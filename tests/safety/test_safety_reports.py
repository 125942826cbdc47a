# SPDX-License-Identifier: EUPL-1.2
"""Reporting an incident, as a member and the handlers notice it (toolkit seed, NVvR "Advies
bij bedreiging en intimidatie"): 112 first, small to the griffier, larger to the burgemeester,
notifications without content, evidence checked by content, readers added by the burgemeester,
and a count that no report shows below the small-cell threshold."""

import inspect
import re
from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from raadsloket.audit.models import AuditEvent
from raadsloket.lib.errors import DomainError
from raadsloket.notify.models import Notification
from raadsloket.reflection.suppression import protect
from raadsloket.safety import services
from raadsloket.safety.models import Evidence, Incident, Severity

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
# An executable (MZ header of a Windows .exe) under a PDF's name.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _mail_inline(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default"],
        }
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _form(severity="klein", **extra):
    return {
        "happened_on": "2026-11-30",
        "place": "Bij de fietsenstalling van het gemeentehuis",
        "channel": "in_persoon",
        "description": "Een man riep GEHEIMWOORD dat hij mij wel zou vinden.",
        "severity": severity,
        **extra,
    }


def _report(person, severity=Severity.SMALL, files=()):
    return services.report_incident(
        person,
        {
            "happened_on": date(2026, 11, 30),
            "place": "Markt",
            "channel": "telefoon",
            "description": "Dreigend telefoontje GEHEIMWOORD.",
            "severity": severity,
        },
        files,
    )


def test_the_112_notice_is_the_first_thing_on_the_page(world, login):
    text = login(world["raadslid1"]).get("/veiligheid/").content.decode()
    main = text[text.index("<main") :]
    first_text = re.sub(r"<[^>]+>", " ", main[main.index(">") + 1 :]).split()
    assert " ".join(first_text[:8]) == "Bij acute dreiging: bel 112 / de politie."
    assert main.index("112") < main.index("<h1") < main.index("<form")


def test_the_member_start_page_links_to_the_safety_page(world, login):
    assert 'href="/veiligheid/"' in login(world["raadslid1"]).get("/").content.decode()


@pytest.mark.parametrize(
    ("severity", "told", "not_told"),
    [("klein", "griffier", "burgemeester"), ("ernstig", "burgemeester", "griffier")],
)
def test_severity_decides_who_is_told_first(
    world, login, django_capture_on_commit_callbacks, severity, told, not_told
):
    client = login(world["raadslid1"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/veiligheid/", _form(severity))
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/veiligheid/meldingen/{incident.pk}"
    assert incident.handler == told
    notices = list(Notification.objects.filter(event="safety_incident_reported"))
    assert [n.recipient.username for n in notices] == [told]
    assert not Notification.objects.filter(recipient=world[not_told]).exists()
    # The one who is not told first still sees it on the handlers' list.
    listing = login(world[not_told]).get("/veiligheid/behandeling").content.decode()
    assert f"/veiligheid/meldingen/{incident.pk}" in listing


def test_the_notification_tells_that_there_is_a_report_and_nothing_more(
    world, login, django_capture_on_commit_callbacks
):
    reporter = world["raadslid1"]
    with django_capture_on_commit_callbacks(execute=True):
        login(reporter).post("/veiligheid/", _form("acuut"))
    notice = Notification.objects.get(event="safety_incident_reported")
    assert (notice.title, notice.headline, notice.body) == (
        "Veiligheid: er is een melding",
        "Er is een melding; open raadsloket",
        "Er is een melding; open raadsloket.",
    )
    sent = [m for m in mail.outbox if world["burgemeester"].email in m.to]
    assert len(sent) == 1
    words = ("GEHEIMWOORD", "fietsenstalling", reporter.last_name, "acuut", "acute")
    for text in (notice.title, notice.headline, notice.body, sent[0].subject, sent[0].body):
        for word in words:
            assert word not in text
    assert "open raadsloket" in sent[0].body


def test_an_executable_renamed_pdf_is_refused_in_dutch_and_nothing_is_kept(world, login):
    client = login(world["raadslid1"])
    fake = SimpleUploadedFile("bewijs.pdf", EXE, content_type="application/pdf")
    response = client.post("/veiligheid/", {**_form(), "evidence": fake})
    assert response.status_code == 400
    assert "&#x27;bewijs.pdf&#x27; is geen geldig PDF-bestand." in response.content.decode()
    assert not Incident.objects.exists() and not Evidence.objects.exists()
    # What was typed stays on the form.
    assert "fietsenstalling" in response.content.decode()


def test_a_wrong_kind_of_file_is_refused_naming_what_is_allowed(world):
    with pytest.raises(DomainError) as refused:
        _report(world["raadslid1"], files=[SimpleUploadedFile("virus.exe", EXE)])
    assert refused.value.message == (
        "'virus.exe' kan niet als bewijs worden toegevoegd; toegestaan zijn PDF, foto's en "
        "schermafdrukken (.jpeg, .jpg, .pdf, .png)."
    )


def test_bad_input_gets_dutch_errors_and_loses_nothing(world, login):
    response = login(world["raadslid1"]).post(
        "/veiligheid/", _form(happened_on="gisteren", severity="")
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "Vul een geldige datum in" in text and "Kies hoe ernstig het is." in text
    assert "GEHEIMWOORD" in text
    assert not Incident.objects.exists()


def test_who_is_no_member_cannot_report(world, login):
    for username in ("wethouder1", "beheerder", "griffier"):
        response = login(world[username]).post("/veiligheid/", _form())
        assert response.status_code == 404
    with pytest.raises(DomainError):
        _report(world["ambtenaar1"])
    assert not Incident.objects.exists()


def test_the_burgemeester_adds_a_reader_in_the_audit_log_and_can_take_them_off(world, login):
    incident = _report(world["raadslid1"], Severity.SERIOUS)
    url = f"/veiligheid/meldingen/{incident.pk}"
    chief = world["kabinetschef"]
    assert login(chief).get(url).status_code == 404
    # The griffier handles, but only the burgemeester adds readers.
    assert (
        login(world["griffier"]).post(f"{url}/lezers", {"username": "kabinetschef"}).status_code
        == 404
    )
    response = login(world["burgemeester"]).post(f"{url}/lezers", {"username": "kabinetschef"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="safety.reader_added")
    assert event.actor_ref == "burgemeester"
    assert event.detail == {"incident": incident.pk, "reader": "kabinetschef"}
    assert "GEHEIMWOORD" in login(chief).get(url).content.decode()
    login(world["burgemeester"]).post(f"{url}/lezers/{chief.pk}/verwijderen")
    assert login(chief).get(url).status_code == 404
    assert AuditEvent.objects.filter(action="safety.reader_removed").count() == 1


def test_the_burgemeester_cannot_add_someone_of_another_municipality(world, other_world):
    incident = _report(world["raadslid1"], Severity.SERIOUS)
    with pytest.raises(DomainError) as refused:
        services.add_reader(world["burgemeester"], incident, other_world["griffier"].username)
    assert refused.value.message == "Er is in uw gemeente niemand met die gebruikersnaam."


def test_the_handler_notes_and_closes_and_the_reporter_sees_it(world, login):
    incident = _report(world["raadslid1"])
    url = f"/veiligheid/meldingen/{incident.pk}"
    griffier = login(world["griffier"])
    griffier.post(f"{url}/notitie", {"text": "Gesproken met het raadslid."})
    griffier.post(f"{url}/status", {"status": "afgehandeld"})
    incident.refresh_from_db()
    assert incident.status == "afgehandeld"
    page = login(world["raadslid1"]).get(url).content.decode()
    assert "Gesproken met het raadslid." in page and "afgehandeld" in page
    # The reporter reads, but does not handle.
    assert login(world["raadslid1"]).post(f"{url}/status", {"status": "gemeld"}).status_code == 404


def test_the_reporter_adds_evidence_later_and_nobody_else_can(world, login):
    incident = _report(world["raadslid1"])
    url = f"/veiligheid/meldingen/{incident.pk}/bewijs"
    photo = SimpleUploadedFile("foto.png", PNG, content_type="image/png")
    assert login(world["raadslid1"]).post(url, {"evidence": photo}).status_code == 302
    other = SimpleUploadedFile("foto2.png", PNG, content_type="image/png")
    assert login(world["griffier"]).post(url, {"evidence": other}).status_code == 404
    assert [e.name for e in incident.evidence.all()] == ["foto.png"]


def test_the_yearly_count_is_suppressed_below_the_reflections_threshold(world):
    municipality = world.municipality
    year = date.today().year
    assert services.incident_count(municipality, year) is None  # zero is hidden too
    for _ in range(2):
        _report(world["raadslid1"])
    assert services.incident_count(municipality, year) is None
    assert services.shown_count(services.incident_count(municipality, year)) == "afgeschermd"
    _report(world["raadslid2"])
    assert services.incident_count(municipality, year) == 3
    assert services.incidents_per_year(municipality, [year - 1, year]) == {year - 1: None, year: 3}


def test_the_threshold_is_the_reflections_own(world, other_world):
    assert services.small_cell_threshold(world.municipality) == 3
    assert inspect.signature(protect).parameters["threshold"].default == 3
    municipality = other_world.municipality
    municipality.policy_overrides = {"reporting": {"small_cell_threshold": 5}}
    municipality.save()
    municipality.refresh_from_db()
    assert services.small_cell_threshold(municipality) == 5


def test_the_checklist_answers_are_the_members_own(world, login):
    member = login(world["raadslid1"])
    response = member.post(
        "/veiligheid/checklist",
        {"adresgegevens": "gedaan", "adresgegevens_notitie": "Afgeschermd bij BRP PRIVENOTITIE"},
    )
    assert response.status_code == 302
    assert "PRIVENOTITIE" in member.get("/veiligheid/checklist").content.decode()
    assert "1 van de 3 punten gedaan" in member.get("/veiligheid/checklist").content.decode()
    colleague = login(world["raadslid2"]).get("/veiligheid/checklist").content.decode()
    assert "PRIVENOTITIE" not in colleague and "0 van de 3 punten gedaan" in colleague
    for username in ("griffier", "burgemeester", "beheerder"):
        assert login(world[username]).get("/veiligheid/checklist").status_code == 404
    event = AuditEvent.objects.get(action="safety.checklist_saved")
    assert "PRIVENOTITIE" not in str(event.detail)


def test_the_checklist_holds_the_seeds_three_preventive_points(world, login):
    text = login(world["raadslid1"]).get("/veiligheid/checklist").content.decode()
    for point in (
        "Houd bij waar en bij wie uw adresgegevens bekend zijn.",
        "Denk na over welke persoonlijke informatie u op sociale media plaatst.",
        "Beveilig uw digitale informatie adequaat en voer regelmatig updates uit.",
    ):
        assert point in text
