# SPDX-License-Identifier: EUPL-1.2
"""Who sees which reflection report (access.reflection), by role and profile, and the pages and
downloads that follow from it: a person without a report gets a 404, never figures."""

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.reflection import report_audience
from raadsloket.access.viewer import viewer_for
from raadsloket.audit.models import AuditEvent
from raadsloket.demo.lifecycle import act, new_case
from raadsloket.organisation.models import CoalitionMembership, Fractie, Person
from raadsloket.reflection import periods
from raadsloket.reflection.figures import build_report

# VNG model profile: members see the aggregate report, the college does not.
VNG_AUDIENCE = {
    "griffier": "full",
    "raadsadviseur": "full",
    "secretaris": "full",
    "burgemeester": "full",
    "raadslid1": "full",  # fractievoorzitter: presidium
    "raadslid2": "aggregate",  # raadslid and penningmeester
    "raadslid3": "aggregate",
    "commissielid1": "aggregate",
    "fractiemedewerker1": "aggregate",
    "wethouder1": None,
    "kabinetschef": None,
    "ambtenaar1": None,
    "manager1": None,
    "collegecontact": None,
    "beheerder": None,
}


def fresh(username: str) -> Person:
    return Person.objects.select_related("municipality").get(username=username)


@pytest.mark.parametrize(("username", "audience"), VNG_AUDIENCE.items())
def test_each_role_gets_the_report_the_vng_profile_gives_it(world, username, audience):
    viewer = viewer_for(fresh(username))
    assert report_audience(viewer) == audience


@pytest.mark.parametrize(
    ("username", "audience"),
    [
        ("u-wethouder1", "aggregate"),
        ("u-raadslid3", "aggregate"),
        ("u-ambtenaar1", None),
        ("u-griffier", "full"),
        ("u-burgemeester", "full"),
    ],
)
def test_utrecht_profile_shows_the_college_the_aggregate_report(other_world, username, audience):
    assert report_audience(viewer_for(fresh(username))) == audience


def test_members_see_nothing_when_the_profile_says_no(world):
    world.municipality.policy_overrides = {"reporting": {"members_see_aggregate": False}}
    world.municipality.save()
    assert report_audience(viewer_for(fresh("raadslid3"))) is None
    assert report_audience(viewer_for(fresh("raadslid1"))) == "full"


@pytest.mark.parametrize(("username", "audience"), VNG_AUDIENCE.items())
def test_the_page_follows_the_access_rule(client, world, username, audience):
    client.force_login(fresh(username))
    response = client.get(reverse("reflection:index"), {"periode": "2026"})
    if audience is None:
        assert response.status_code == 404
        assert b"Gebruik per fractie" not in response.content
        return
    assert response.status_code == 200
    text = response.content.decode()
    assert "Verzoeken per instrument" in text
    assert ("Gebruik per fractie" in text) == (audience == "full")
    assert 'href="/reflectie/"' in text  # the menu item


@pytest.mark.parametrize("username", [u for u, a in VNG_AUDIENCE.items() if a is None])
@pytest.mark.parametrize("file_format", ["pdf", "xlsx", "csv"])
def test_downloads_are_404_without_a_report(client, world, username, file_format):
    client.force_login(fresh(username))
    response = client.get(reverse("reflection:download", args=["2026", file_format]))
    assert response.status_code == 404


def test_an_aggregate_download_has_no_figures_per_fractie(client, world):
    client.force_login(fresh("raadslid3"))
    response = client.get(reverse("reflection:download", args=["2026", "csv"]))
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "Verzoeken per instrument" in text
    assert "Gebruik per fractie" not in text
    assert "geaggregeerd" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action="reflection.report_downloaded").count() == 1


def test_the_page_and_the_download_over_a_term_say_why_no_figures_per_fractie(client, world):
    # The fractievoorzitter (presidium) reads the full report; over a council term the figures
    # per fractie are withheld (reflection.fractie_periods), with the reason, not left out silently.
    client.force_login(fresh("raadslid1"))
    page = client.get(reverse("reflection:index"), {"periode": "raadsperiode-2022"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Gebruik per fractie" in text and "overlapt dus vijf kalenderjaren" in text
    assert 'id="tabel-per_fractie"' not in text
    download = client.get(reverse("reflection:download", args=["raadsperiode-2022", "csv"]))
    lines = download.content.decode("utf-8-sig").strip().splitlines()
    assert lines[-1].startswith("Gebruik per fractie;niet gepubliceerd;;Cijfers per fractie ")


def test_a_bad_period_is_a_dutch_error_not_a_crash(client, world):
    client.force_login(fresh("griffier"))
    response = client.get(reverse("reflection:index"), {"periode": "2026-k5"})
    assert response.status_code == 400
    assert "is geen periode" in response.content.decode()
    future = client.get(reverse("reflection:index"), {"periode": "2099"})
    assert future.status_code == 400
    assert "De periode 2099 is nog niet begonnen" in future.content.decode()
    download = client.get(reverse("reflection:download", args=["morgen", "csv"]))
    assert download.status_code == 400
    assert "is geen periode" in download.content.decode()
    assert client.get(reverse("reflection:download", args=["2026", "exe"])).status_code == 404


def test_only_the_griffie_records_the_coalition(client, world):
    vvd = Fractie.objects.get(municipality=world.municipality, name="VVD")
    for username in ("raadslid1", "secretaris", "burgemeester", "wethouder1", "beheerder"):
        client.force_login(fresh(username))
        assert client.get(reverse("reflection:coalition")).status_code == 404
        response = client.post(
            reverse("reflection:coalition"), {"fractie": vvd.pk, "start": "2026-04-01"}
        )
        assert response.status_code == 404
    assert not CoalitionMembership.objects.exists()
    client.force_login(fresh("griffier"))
    response = client.post(
        reverse("reflection:coalition"), {"fractie": vvd.pk, "start": "2026-04-01", "end": ""}
    )
    assert response.status_code == 302
    membership = CoalitionMembership.objects.get()
    assert (membership.fractie, membership.end) == (vvd, None)
    assert AuditEvent.objects.filter(action="organisation.coalition_added").count() == 1


def test_overlapping_or_reversed_coalition_periods_are_refused_in_dutch(client, world):
    vvd = Fractie.objects.get(municipality=world.municipality, name="VVD")
    CoalitionMembership.objects.create(fractie=vvd, start="2026-04-01")
    client.force_login(fresh("griffier"))
    response = client.post(
        reverse("reflection:coalition"), {"fractie": vvd.pk, "start": "2026-06-01"}
    )
    assert response.status_code == 400
    assert "zit in die tijd al in de coalitie" in response.content.decode()
    response = client.post(
        reverse("reflection:coalition"),
        {"fractie": vvd.pk, "start": "2022-06-01", "end": "2022-01-01"},
    )
    assert response.status_code == 400
    assert "vóór de begindatum" in response.content.decode()
    assert CoalitionMembership.objects.count() == 1


def test_the_griffie_cannot_touch_another_municipalitys_coalition(client, world, other_world):
    theirs = Fractie.objects.filter(municipality=other_world.municipality).first()
    membership = CoalitionMembership.objects.create(fractie=theirs, start="2026-04-01")
    client.force_login(fresh("griffier"))
    for action in ("beeindigen", "verwijderen"):
        response = client.post(
            reverse("reflection:coalition_action", args=[membership.pk, action]),
            {"on": "2026-06-30"},
        )
        assert response.status_code == 404
    response = client.post(
        reverse("reflection:coalition"), {"fractie": theirs.pk, "start": "2026-05-01"}
    )
    assert response.status_code == 400  # not a choice on this page
    membership.refresh_from_db()
    assert membership.end is None
    assert CoalitionMembership.objects.count() == 1


def test_ending_a_coalition_period(client, world):
    vvd = Fractie.objects.get(municipality=world.municipality, name="VVD")
    membership = CoalitionMembership.objects.create(fractie=vvd, start="2026-04-01")
    client.force_login(fresh("griffier"))
    response = client.post(
        reverse("reflection:coalition_action", args=[membership.pk, "beeindigen"]),
        {"on": "2026-09-30"},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert str(membership.end) == "2026-09-30"


def test_one_municipality_never_sees_anothers_figures(client, world, other_world):
    case = new_case(other_world, "raadslid3", title="Domstede")
    act(other_world, case, "submit", "raadslid3")
    today = timezone.localdate()
    ours = build_report(world.municipality, periods.year(today.year), today)
    theirs = build_report(other_world.municipality, periods.year(today.year), today)
    assert ours.table("per_instrument").cell("Totaal", str(today.year)).value == 0
    assert theirs.table("per_instrument").cell("Totaal", str(today.year)).value == 1


def test_an_end_date_cannot_run_into_a_later_coalition_period(client, world):
    vvd = Fractie.objects.get(municipality=world.municipality, name="VVD")
    earlier = CoalitionMembership.objects.create(fractie=vvd, start="2022-04-01", end="2024-01-01")
    CoalitionMembership.objects.create(fractie=vvd, start="2025-01-01")
    client.force_login(fresh("griffier"))
    response = client.post(
        reverse("reflection:coalition_action", args=[earlier.pk, "beeindigen"]),
        {"on": "2025-06-30"},
        follow=True,
    )
    assert "zit in die tijd al in de coalitie" in response.content.decode()
    earlier.refresh_from_db()
    assert str(earlier.end) == "2024-01-01"
