# SPDX-License-Identifier: EUPL-1.2
"""What each person sees on a case's pages and forms, and what they must not see."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from raadsloket.cases.models import Case
from raadsloket.demo.lifecycle import act, new_case, run_to
from raadsloket.demo.people import build_municipality
from tests.support.pages import page
from tests.support.world import build_college_told_of_start

pytestmark = pytest.mark.django_db

TITLE = "Leerlingenvervoer met vrijwilligers"


def detail(case):
    return reverse("case_detail", args=[case.pk])


def test_routing_officer_sees_case_to_assign_with_ranked_civil_servants(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "forwarded")
    client = login(world["secretaris"])
    assert TITLE in page(client, "/")
    html = page(client, detail(case))
    assert "Ambtenaren op volgorde" in html and "Ambtenaar toewijzen" in html
    assert "leerlingenvervoer" in html  # ambtenaar1's keyword matched the title


def test_manager_sees_hours_and_period_never_the_subject(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    act(
        world,
        case,
        "log_hours",
        "ambtenaar1",
        {"worked_on": timezone.localdate().isoformat(), "hours": "2.5"},
    )
    client = login(world["manager1"])
    html = page(client, "/")
    assert case.reference in html and "2,5" in html and "12,0" in html
    assert TITLE not in html and "vrijwilligers" not in html and "Sociaal domein" not in html
    html = page(client, detail(case))
    assert TITLE not in html and "vrijwilligers" not in html and "2,5" in html
    # Another department's manager sees nothing.
    assert case.reference not in page(login(world["manager2"]), "/")


def test_college_is_told_nothing_under_the_model_verordening(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "assigned")
    html = page(login(world["wethouder1"]), "/")
    assert "informeert het college niet" in html and case.reference not in html
    page(login(world["wethouder1"]), detail(case), status=404)


def test_college_sees_started_trajectory_without_content(db, client):
    world = build_college_told_of_start()
    case = run_to(world, new_case(world, "raadslid1"), "assigned")
    client.force_login(world["wethouder1"])
    html = page(client, "/")
    assert case.reference in html and "Sociaal domein" in html
    assert TITLE not in html
    html = page(client, detail(case))
    assert TITLE not in html and "vrijwilligers" not in html


def test_outsider_gets_404_on_a_confidential_case(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    for username in ("raadslid2", "ambtenaar2", "wethouder1", "kabinetschef"):
        html = page(login(world[username]), detail(case), status=404)
        assert TITLE not in html
    other = build_municipality("Gemeente Elders", "elders", prefix="e-")
    assert TITLE not in page(login(other["griffier"]), detail(case), status=404)


def test_case_page_shows_deadline_rule_and_only_available_actions(world, login):
    case = new_case(world, "raadslid1")
    act(world, case, "submit", "raadslid1")
    html = page(login(world["griffier"]), detail(case))
    assert "Termijnen" in html and "werkdagen" in html
    assert "In behandeling nemen" in html and "Ambtenaar toewijzen" not in html
    html = page(login(world["raadslid1"]), detail(case))
    assert "Intrekken" in html and "In behandeling nemen" not in html


def test_new_request_shows_rules_and_dutch_errors(world, login):
    client = login(world["raadslid1"])
    html = page(client, reverse("case_new_instrument", args=["ambtelijke-bijstand"]))
    assert "gemeentesecretaris" in html and "alleen voor u" in html
    response = client.post(reverse("case_new"), {"title": "Parkeren", "indienen": "1"})
    html = response.content.decode()
    assert response.status_code == 422 and "Dit veld is verplicht" in html
    assert 'value="Parkeren"' in html
    response = client.post(
        reverse("case_new"),
        {
            "instrument": "assistance",
            "title": "Parkeren bij scholen",
            "question": "Welke regels gelden er rond basisscholen?",
            "policy_area": "mobiliteit",
            "indienen": "1",
        },
    )
    case = Case.objects.get(title="Parkeren bij scholen")
    assert response.status_code == 302 and case.state == "submitted"
    assert "is ingediend" in page(client, detail(case))


def test_portfolio_holder_reporting_is_said_up_front(db, client):
    world = build_municipality(
        "Gemeente Oud", "oud", overrides={"channel": {"report_to_portfolio_holder": True}}
    )
    client.force_login(world["raadslid1"])
    assert "portefeuillehouder" in page(
        client, reverse("case_new_instrument", args=["ambtelijke-bijstand"])
    )


def test_action_form_keeps_input_and_shows_dutch_errors(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "forwarded")
    client = login(world["secretaris"])
    url = reverse("case_action", args=[case.pk, "refuse"])
    assert "Motivering" in page(client, url)
    response = client.post(url, {"reasoning": "Te kort", "version": case.version})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Te kort" in html and "Dit veld is verplicht" in html and "ten minste 20 tekens" in html
    assert Case.objects.get(pk=case.pk).state == "forwarded"


def test_stale_version_gives_conflict_message_and_keeps_input(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "intake")
    client = login(world["griffier"])
    url = reverse("case_action", args=[case.pk, "forward"])
    response = client.post(url, {"note": "Mijn toelichting", "version": case.version - 1})
    html = response.content.decode()
    assert response.status_code == 409
    assert "intussen door iemand anders gewijzigd" in html and "Mijn toelichting" in html
    assert Case.objects.get(pk=case.pk).state == "intake"


def test_action_without_form_works_without_javascript(world, login):
    case = new_case(world, "raadslid1")
    act(world, case, "submit", "raadslid1")
    client = login(world["griffier"])
    response = client.post(
        reverse("case_action", args=[case.pk, "accept"]),
        {"version": Case.objects.get(pk=case.pk).version},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).state == "intake"
    assert "gelukt" in page(client, detail(case))


def test_forbidden_action_is_a_dutch_403(world, login):
    case = new_case(world, "raadslid1")
    act(world, case, "submit", "raadslid1")
    client = login(world["raadslid1"])
    html = page(client, reverse("case_action", args=[case.pk, "accept"]), status=403)
    assert "Geen toegang" in html
    page(client, reverse("case_action", args=[case.pk, "nonsense"]), status=404)


def test_answer_file_download_and_404_for_routing_officer(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    client = login(world["ambtenaar1"])
    upload = SimpleUploadedFile('Notitie "x".pdf', b"%PDF-1.4 demo", "application/pdf")
    response = client.post(
        reverse("case_action", args=[case.pk, "deliver"]),
        {"answer": "Zie de notitie.", "version": case.version, "files": upload},
    )
    assert response.status_code == 302, response.content[:800]
    stored = case.files.get()
    url = reverse("case_file", args=[case.pk, stored.token])
    response = login(world["raadslid1"]).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 demo"
    page(login(world["secretaris"]), url, status=404)
    page(login(world["raadslid2"]), url, status=404)


def test_secret_answer_shows_banner(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    act(world, case, "deliver", "ambtenaar1", {"answer": "Geheime cijfers.", "secret": "on"})
    html = page(login(world["raadslid1"]), detail(case))
    assert "GEHEIM — ter kennisname van de gehele raad (art. 25 Gemeentewet)" in html
    assert "Geheime cijfers." in html
    # Every council member may take note of it; a committee member may not.
    assert "Geheime cijfers." in page(login(world["raadslid7"]), detail(case))
    page(login(world["commissielid1"]), detail(case), status=404)


def test_requester_without_answer_right_is_told_it_went_to_the_council(db, client):
    world = build_municipality(
        "Gemeente Breed", "breed", overrides={"requesters": {"committee_member": True}}
    )
    case = run_to(world, new_case(world, "commissielid1"), "in_progress", member="commissielid1")
    act(world, case, "deliver", "ambtenaar1", {"answer": "Geheime cijfers.", "secret": "on"})
    client.force_login(world["commissielid1"])
    html = page(client, detail(case))
    assert "gehele raad" in html and "Geheime cijfers." not in html


def test_administrator_sees_metadata_and_break_glass_is_audited(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "intake")
    client = login(world["beheerder"])
    html = page(client, "/")
    assert case.reference in html and TITLE not in html
    assert TITLE not in page(client, detail(case))
    url = reverse("case_break_glass", args=[case.pk])
    response = client.post(url, {"reason": "kort"})
    assert response.status_code == 302
    assert "minstens 10 tekens" in page(client, "/")
    response = client.post(url, {"reason": "Storing in de weergave, melding 4711"})
    assert response.status_code == 302 and response.url == detail(case)
    assert TITLE in page(client, detail(case))
    html = page(login(world["griffier"]), "/")
    assert "melding 4711" in html
    assert login(world["raadslid1"]).post(url, {"reason": "x" * 20}).status_code == 403


def test_case_list_shows_titles_only_with_request_section(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "intake")
    assert TITLE in page(login(world["griffier"]), reverse("case_list"))
    html = page(login(world["beheerder"]), reverse("case_list"))
    assert case.reference in html and TITLE not in html


def test_a_confidential_case_names_one_indiener_or_several_indieners(world, login):
    # Dutch singular and plural instead of "indiener(s)".
    alone = new_case(world, "raadslid1", confidential=True)
    together = new_case(
        world, "raadslid1", confidential=True, co_requesters=[world["raadslid2"].pk]
    )
    client = login(world["raadslid1"])

    assert "vertrouwelijk: alleen de indiener</dd>" in page(client, detail(alone))
    html = page(client, detail(together))
    assert "vertrouwelijk: alleen de indieners</dd>" in html
    assert "indiener(s)" not in html
