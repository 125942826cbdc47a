# SPDX-License-Identifier: EUPL-1.2
"""The opleidingen pages (toolkit seed, "Opleidingsbudget"): budgets, requests, the griffie's decisions.

Toolkit seed, "Leren en ontwikkelen": a collective and a personal training budget set by the
council, for functional schooling and never for party-political training.
"""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadsloket.audit.models import AuditEvent
from raadsloket.lib.money import parse_amount
from raadsloket.training.models import TrainingRequest, TrainingYear

pytestmark = pytest.mark.django_db

INDEX = reverse("training:index")
NEW = reverse("training:new")
RULE = (
    "Het opleidingsbudget is bestemd voor de functionele scholing van raadsleden; het "
    "mag niet worden uitgegeven aan partijpolitieke scholing."
)


def action_url(pk: int, action: str) -> str:
    return reverse("training:action", args=[pk, action])


def year_url(year: int) -> str:
    return reverse("training:year_budget", args=[year])


@pytest.fixture
def login(client):
    def as_(person):
        client.logout()
        client.force_login(person)
        return client

    return as_


@pytest.fixture
def today():
    return timezone.localdate()


def course(**overrides) -> dict:
    data = {
        "kind": "personal",
        "title": "Debattraining voor raadsleden",
        "provider": "Nederlandse Vereniging voor Raadsleden",
        "start_date": timezone.localdate().isoformat(),
        "cost": "450,50",
        "purpose": "Beter debatteren in de raadsvergadering en de commissie.",
        "not_party_political": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_request(world, person, *, cost="100.00", status="submitted", kind="personal", **extra):
    return TrainingRequest.objects.create(
        municipality=world.municipality,
        person=person,
        year=extra.pop("year", timezone.localdate().year),
        kind=kind,
        title=extra.pop("title", f"Cursus van {person.username}"),
        provider="Academie",
        start_date=extra.pop("start_date", timezone.localdate()),
        cost=Decimal(cost),
        purpose="Voor het raadswerk: begroting lezen.",
        status=status,
        **extra,
    )


def text(response) -> str:
    return response.content.decode()


def money_in_row(html: str, row_id: str) -> list[str]:
    row = re.search(rf'id="{row_id}">(.*?)</tr>', html, re.S)
    assert row, f"geen rij {row_id}"
    return re.findall(r"€ [\d.]+,\d\d", row.group(1))


# --- a member asks, the griffie approves ---------------------------------------------------


def test_member_requests_a_course_and_the_remaining_budget_drops_after_approval(world, login):
    member = world["raadslid1"]
    client = login(member)
    page = text(client.get(INDEX))
    assert "Uw persoonlijke opleidingsbudget" in page
    assert RULE in page
    assert "minstens eens per jaar" in page
    assert "€ 1.000,00" in page  # the profile's personal amount (vng-model)

    response = client.post(NEW, course())
    stored = TrainingRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(f"{INDEX}?jaar={stored.year}")
    assert (stored.person, stored.status, stored.cost) == (member, "submitted", Decimal("450.50"))
    assert AuditEvent.objects.filter(action="budgets.training_requested").count() == 1
    page = text(client.get(INDEX))
    assert "is ingediend" in page
    assert "Debattraining voor raadsleden" in page
    assert "Intrekken" in page
    assert "€ 450,50" in page  # pending
    assert "€ 549,50" not in page  # not spent until approved

    griffie = login(world["griffier"])
    response = griffie.post(action_url(stored.pk, "goedkeuren"), {"reden": ""})
    assert response.status_code == 302
    stored.refresh_from_db()
    assert (stored.status, stored.decided_by) == ("approved", world["griffier"])
    assert AuditEvent.objects.filter(action="budgets.training_decided").count() == 1

    page = text(login(member).get(INDEX))
    assert "€ 549,50" in page
    assert "goedgekeurd" in page


def test_over_budget_shows_the_remaining_amount_and_stores_nothing(world, login):
    client = login(world["raadslid2"])
    response = client.post(NEW, course(cost="1.500,00"))
    page = text(response)
    assert response.status_code == 400
    assert "hoger dan wat van het persoonlijke budget" in page
    assert "over is (€ 1.000,00)" in page
    assert 'value="1.500,00"' in page
    assert "Beter debatteren in de raadsvergadering" in page  # input kept
    assert not TrainingRequest.objects.exists()


def test_collective_request_is_checked_against_the_collective_budget(world, login):
    client = login(world["raadslid3"])
    response = client.post(NEW, course(kind="collective", cost="10.000,01"))
    assert response.status_code == 400
    assert "collectieve budget" in text(response)
    assert "€ 10.000,00" in text(response)
    response = client.post(NEW, course(kind="collective", cost="2500"))
    assert response.status_code == 302
    assert TrainingRequest.objects.get().kind == "collective"


def test_unticked_party_political_box_shows_the_rule_and_stores_nothing(world, login):
    client = login(world["raadslid1"])
    response = client.post(NEW, course(not_party_political=None))
    assert response.status_code == 400
    assert f'<p class="rl-error">{RULE}</p>' in text(response)
    assert 'value="Debattraining voor raadsleden"' in text(response)
    assert not TrainingRequest.objects.exists()


@pytest.mark.parametrize("cost", ["veel", "12,3,4", "1.2.3", "-50", "€", "1e3"])
def test_a_malformed_cost_is_a_dutch_error_with_the_input_kept(world, login, cost):
    client = login(world["raadslid1"])
    response = client.post(NEW, course(cost=cost))
    page = text(response)
    assert response.status_code == 400
    assert "Vul een bedrag in zoals 1.234,56 of 1234.56." in page
    assert 'value="Debattraining voor raadsleden"' in page
    assert "Nederlandse Vereniging voor Raadsleden" in page
    assert not TrainingRequest.objects.exists()


def test_three_decimals_and_a_bad_date_are_dutch_errors(world, login):
    client = login(world["raadslid1"])
    response = client.post(NEW, course(cost="12,345", start_date="31-02-2026"))
    page = text(response)
    assert response.status_code == 400
    assert "hoogstens twee cijfers achter de komma" in page
    assert "Vul een geldige datum in" in page
    assert not TrainingRequest.objects.exists()


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("€ 1.234", "1234.00"),
        ("1.234.567,8", "1234567.80"),
        ("0,5", "0.50"),
        (" 75 ", "75.00"),
    ],
)
def test_amounts_are_read_the_dutch_and_the_international_way(raw, value):
    assert parse_amount(raw) == Decimal(value)


def test_the_international_notation_is_stored_exactly(world, login):
    response = login(world["raadslid1"]).post(NEW, course(cost="999.99"))
    assert response.status_code == 302
    assert TrainingRequest.objects.get().cost == Decimal("999.99")


def test_a_member_withdraws_a_pending_request(world, login):
    stored = make_request(world, world["raadslid1"])
    response = login(world["raadslid1"]).post(action_url(stored.pk, "intrekken"))
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.status == "withdrawn"
    response = login(world["raadslid1"]).post(action_url(stored.pk, "intrekken"))
    assert response.status_code == 409
    assert "nog niet is beslist" in text(response)


# --- who sees what ------------------------------------------------------------------------


def test_another_member_can_neither_see_nor_withdraw_someone_elses_request(world, login):
    stored = make_request(world, world["raadslid1"], title="Persoonlijke cursus begroting")
    other = login(world["raadslid2"])
    assert "Persoonlijke cursus begroting" not in text(other.get(INDEX))
    for action in ("intrekken", "goedkeuren", "afwijzen"):
        assert other.post(action_url(stored.pk, action), {"reden": "x" * 20}).status_code == 404
    stored.refresh_from_db()
    assert stored.status == "submitted"


def test_every_member_sees_the_approved_collective_courses_but_cannot_touch_them(world, login):
    shared = make_request(
        world,
        world["raadslid1"],
        kind="collective",
        status="approved",
        title="Raadsdag integriteit",
    )
    hidden = make_request(world, world["raadslid1"], kind="collective", title="Nog te beslissen")
    other = login(world["raadslid2"])
    page = text(other.get(INDEX))
    assert "Raadsdag integriteit" in page
    assert "Nog te beslissen" not in page
    assert other.post(action_url(shared.pk, "intrekken")).status_code == 404
    assert other.post(action_url(hidden.pk, "intrekken")).status_code == 404


def test_a_member_cannot_decide_on_their_own_request(world, login):
    stored = make_request(world, world["raadslid1"])
    response = login(world["raadslid1"]).post(action_url(stored.pk, "goedkeuren"))
    assert response.status_code == 403
    stored.refresh_from_db()
    assert stored.status == "submitted"


@pytest.mark.parametrize(
    "username",
    [
        "wethouder1",
        "burgemeester",
        "ambtenaar1",
        "manager1",
        "secretaris",
        "beheerder",
        "kabinetschef",
        "collegecontact",
        "fractiemedewerker1",
    ],
)
def test_college_and_civil_service_get_404_and_no_menu_item(world, login, username, today):
    stored = make_request(world, world["raadslid1"])
    client = login(world[username])
    assert client.get(INDEX).status_code == 404
    assert client.get(NEW).status_code == 404
    assert client.post(NEW, course()).status_code == 404
    assert client.get(year_url(today.year)).status_code == 404
    assert (
        client.post(year_url(today.year), {"collective": "1", "personal": "1"}).status_code == 404
    )
    for action in ("goedkeuren", "afwijzen", "intrekken"):
        assert client.post(action_url(stored.pk, action), {"reden": "x" * 20}).status_code == 404
    home = text(client.get(reverse("home")))
    assert f'href="{INDEX}"' not in home
    assert ">Opleidingen<" not in home
    stored.refresh_from_db()
    assert stored.status == "submitted"
    assert TrainingRequest.objects.count() == 1
    assert not TrainingYear.objects.exists()


@pytest.mark.parametrize("username", ["raadslid1", "commissielid1", "griffier", "raadsadviseur"])
def test_members_and_the_griffie_have_the_menu_item(world, login, username):
    client = login(world[username])
    assert f'href="{INDEX}"' in text(client.get(reverse("home")))
    assert client.get(INDEX).status_code == 200


def test_the_griffie_does_not_request_courses(world, login):
    client = login(world["griffier"])
    assert client.get(NEW).status_code == 404
    assert "Opleiding aanvragen" not in text(client.get(INDEX))


def test_the_other_municipality_gets_404_on_these_request_ids(world, other_world, login):
    stored = make_request(world, world["raadslid1"], title="Voorbeeldse cursus")
    for username in ("u-griffier", "u-raadslid1"):
        person = other_world[username.removeprefix("u-")]
        client = login(person)
        for action in ("goedkeuren", "afwijzen", "intrekken"):
            response = client.post(action_url(stored.pk, action), {"reden": "x" * 20})
            assert response.status_code == 404
        assert "Voorbeeldse cursus" not in text(client.get(INDEX))
    stored.refresh_from_db()
    assert stored.status == "submitted"


def test_an_unknown_action_or_request_is_404_and_get_is_not_allowed(world, login):
    stored = make_request(world, world["raadslid1"])
    griffie = login(world["griffier"])
    assert griffie.post(action_url(stored.pk, "verwijderen")).status_code == 404
    assert griffie.post(action_url(stored.pk + 999, "goedkeuren")).status_code == 404
    assert griffie.get(action_url(stored.pk, "goedkeuren")).status_code == 405


# --- the griffie ----------------------------------------------------------------------------


def test_a_refusal_needs_a_motivering_and_keeps_what_was_typed(world, login):
    stored = make_request(world, world["raadslid4"], title="Campagnetraining")
    griffie = login(world["griffier"])
    response = griffie.post(action_url(stored.pk, "afwijzen"), {"reden": "Nee."})
    page = text(response)
    assert response.status_code == 400
    assert "Een afwijzing is gemotiveerd" in page
    assert ">Nee.</textarea>" in page
    stored.refresh_from_db()
    assert stored.status == "submitted"

    reason = "Dit is partijpolitieke scholing; daarvoor is het budget niet bedoeld."
    response = griffie.post(action_url(stored.pk, "afwijzen"), {"reden": reason})
    assert response.status_code == 302
    stored.refresh_from_db()
    assert (stored.status, stored.decision_reason) == ("refused", reason)
    page = text(login(world["raadslid4"]).get(INDEX))
    assert "afgewezen" in page
    assert reason in page


def test_an_approval_beyond_the_budget_is_a_conflict(world, login):
    member = world["raadslid5"]
    make_request(world, member, cost="800.00", status="approved")
    stored = make_request(world, member, cost="300.00")
    response = login(world["griffier"]).post(action_url(stored.pk, "goedkeuren"))
    assert response.status_code == 409
    assert "er is nog € 200,00 over" in text(response)
    stored.refresh_from_db()
    assert stored.status == "submitted"


def test_the_griffie_sees_pending_requests_first(world, login):
    make_request(world, world["raadslid1"], status="approved", title="Al besloten")
    make_request(world, world["raadslid2"], title="Wacht nog")
    page = text(login(world["griffier"]).get(INDEX))
    assert page.index("Wacht nog") < page.index("Al besloten")
    assert "1 aanvraag wacht op een besluit" in page


def test_the_griffie_overview_lists_every_member_with_correct_totals(world, login, today):
    make_request(world, world["raadslid1"], cost="400.00", status="approved")
    make_request(world, world["raadslid1"], cost="150.25", status="submitted")
    make_request(world, world["raadslid1"], cost="999.00", status="refused")
    make_request(world, world["raadslid2"], cost="1000.00", status="approved")
    make_request(world, world["raadslid3"], cost="50.00", status="withdrawn")
    make_request(world, world["commissielid1"], cost="75.00", status="submitted")
    make_request(world, world["raadslid9"], cost="120.00", kind="collective", status="approved")
    make_request(
        world,
        world["raadslid9"],
        cost="300.00",
        year=today.year - 1,
        status="approved",
        start_date=today.replace(year=today.year - 1, day=1),
    )
    page = text(login(world["griffier"]).get(INDEX))

    rows = re.findall(r'id="lid-(\d+)"', page)
    members = [f"raadslid{n}" for n in range(1, 30)] + ["commissielid1"]
    assert sorted(int(pk) for pk in rows) == sorted(world[name].pk for name in members)
    assert money_in_row(page, f"lid-{world['raadslid1'].pk}") == [
        "€ 1.000,00",
        "€ 400,00",
        "€ 150,25",
        "€ 600,00",
    ]
    assert money_in_row(page, f"lid-{world['raadslid2'].pk}") == [
        "€ 1.000,00",
        "€ 1.000,00",
        "€ 0,00",
        "€ 0,00",
    ]
    assert money_in_row(page, f"lid-{world['raadslid9'].pk}") == [
        "€ 1.000,00",
        "€ 0,00",
        "€ 0,00",
        "€ 1.000,00",
    ]
    assert money_in_row(page, "totaal") == ["€ 30.000,00", "€ 1.400,00", "€ 225,25", "€ 28.600,00"]
    assert "Totaal (30 leden)" in page
    # The collective budget, with what it was spent on.
    assert "€ 9.880,00" in page


def test_the_griffie_overview_costs_the_same_queries_with_many_requests(world, login):
    client = login(world["griffier"])
    client.get(INDEX)  # warm the session and the profile cache
    with CaptureQueriesContext(connection) as few:
        assert client.get(INDEX).status_code == 200
    members = [world[f"raadslid{n}"] for n in range(1, 30)] + [world["commissielid1"]]
    for index, member in enumerate(members):
        make_request(world, member, cost="10.00", status="approved")
        make_request(world, member, cost="20.00", status=["submitted", "refused"][index % 2])
        make_request(world, member, kind="collective", cost="5.00", status="approved")
    with CaptureQueriesContext(connection) as many:
        assert client.get(INDEX).status_code == 200
    assert len(many) == len(few)


def test_the_griffie_overview_stays_within_a_fixed_number_of_queries(
    world, login, django_assert_max_num_queries
):
    for number in range(1, 30):
        make_request(world, world[f"raadslid{number}"], cost="10.00")
    client = login(world["griffier"])
    client.get(INDEX)
    with django_assert_max_num_queries(25):
        assert client.get(INDEX).status_code == 200


def test_the_year_budget_form_changes_the_amounts_shown(world, login, today):
    griffie = login(world["griffier"])
    form = text(griffie.get(year_url(today.year)))
    assert 'value="10.000,00"' in form
    assert 'value="1.000,00"' in form

    response = griffie.post(
        year_url(today.year),
        {"collective": "12.500", "personal": "1.500,50", "decision": "Programmabegroting, p. 16"},
    )
    assert response.status_code == 302
    setting = TrainingYear.objects.get(municipality=world.municipality, year=today.year)
    assert (setting.collective_amount, setting.personal_amount) == (
        Decimal("12500.00"),
        Decimal("1500.50"),
    )
    assert AuditEvent.objects.filter(action="budgets.training_year_set").count() == 1
    page = text(griffie.get(INDEX))
    assert "€ 12.500,00" in page
    assert "Programmabegroting, p. 16" in page
    assert money_in_row(page, "totaal")[0] == "€ 45.015,00"  # 30 members × € 1.500,50
    assert "€ 1.500,50" in text(login(world["raadslid1"]).get(INDEX))


def test_a_bad_year_budget_is_a_dutch_error_and_stores_nothing(world, login, today):
    griffie = login(world["griffier"])
    response = griffie.post(year_url(today.year), {"collective": "veel", "personal": "-5"})
    page = text(response)
    assert response.status_code == 400
    assert page.count("Vul een bedrag in zoals 1.234,56 of 1234.56.") == 2
    assert 'value="veel"' in page
    assert not TrainingYear.objects.exists()
    response = griffie.post(year_url(today.year), {"collective": "20.000.000", "personal": "0"})
    assert response.status_code == 400
    assert "Vul een bedrag van € 0,00 of meer in." in text(response)
    assert not TrainingYear.objects.exists()
    assert griffie.get(year_url(1900)).status_code == 404


def test_a_member_cannot_set_the_year_budget(world, login, today):
    client = login(world["raadslid1"])
    assert client.get(year_url(today.year)).status_code == 404
    response = client.post(year_url(today.year), {"collective": "1", "personal": "99999"})
    assert response.status_code == 404
    assert not TrainingYear.objects.exists()


def test_a_year_that_is_no_year_shows_this_year_with_a_notice(world, login, today):
    client = login(world["raadslid1"])
    response = client.get(INDEX, {"jaar": "abc"})
    assert response.status_code == 200
    assert "is geen jaar" in text(response)
    assert f"Opleidingen {today.year}" in text(response)
    make_request(
        world,
        world["raadslid1"],
        year=2020,
        start_date=today.replace(year=2020, day=1),
        title="Oude cursus",
    )
    assert "Oude cursus" in text(client.get(INDEX, {"jaar": "2020"}))
    assert "Oude cursus" not in text(client.get(INDEX))


def test_the_pages_have_no_inline_styles_or_scripts(world, login, today):
    make_request(world, world["raadslid1"])
    for username, url in (
        ("raadslid1", INDEX),
        ("raadslid1", NEW),
        ("griffier", INDEX),
        ("griffier", year_url(today.year)),
    ):
        page = text(login(world[username]).get(url))
        assert " style=" not in page
        assert "<script>" not in page


def test_back_and_submit_again_asks_for_one_course_and_links_to_it(world, login):
    client = login(world["raadslid1"])
    html = text(client.get(NEW))
    token = re.search(r'name="submission_token" value="([^"]+)"', html).group(1)
    assert client.post(NEW, course(submission_token=token)).status_code == 302
    stored = TrainingRequest.objects.get()
    again = client.post(NEW, course(submission_token=token), follow=True)
    assert again.status_code == 200 and TrainingRequest.objects.count() == 1
    page = text(again)
    assert "Deze aanvraag is al ingediend." in page
    assert f'href="{INDEX}?jaar={stored.year}#aanvraag-{stored.pk}"' in page


def test_a_purpose_over_the_limit_is_refused_with_its_length_and_kept(world, login):
    client = login(world["raadslid1"])
    purpose = "Beter debatteren. " + "d" * 3_990
    response = client.post(NEW, course(purpose=purpose))
    page = text(response)
    assert response.status_code == 400 and not TrainingRequest.objects.exists()
    assert "Het doel voor uw raadswerk is 4.008 tekens; het maximum is 4.000." in page
    assert purpose in page and "maximaal 4.000 tekens" in page


def test_an_over_long_motivering_is_refused_and_kept_whole(world, login):
    stored = make_request(world, world["raadslid1"])
    client = login(world["griffier"])
    reason = "Past niet bij het raadswerk. " + "m" * 3_979
    response = client.post(action_url(stored.pk, "afwijzen"), {"reden": reason})
    page = text(response)
    stored.refresh_from_db()
    assert stored.status == "submitted" and stored.decision_reason == ""
    assert "De motivering is 4.008 tekens; het maximum is 4.000." in page
    assert reason in page and "maximaal 4.000 tekens" in page
