# SPDX-License-Identifier: EUPL-1.2
"""The pages of "Wat ik volg" (/volgen/), the support directory (/ondersteuning/) and the council
term (/raadsperiode/), per role: the status each person gets, and that nothing of Voorbeeld
reaches a person of Domstede.

The expected statuses restate the rules in plain words, not the access layer:
- raadsloket.access.follow: anyone signed in of a municipality opens "Wat ik volg"; a case of
  another municipality cannot be followed and answers as if it did not exist (404).
- raadsloket.access.directory: everyone with a role reads their own municipality's directory;
  only the griffie (griffier, raadsadviseurs) edits it and sees a hidden entry; another
  municipality's entry is 404.
- raadsloket.access.council_term: only the griffier installs a council (403 for everyone else,
  Gemeentewet art. 107a); a newcomer's checklist is seen and ticked by the newcomer and the
  griffie of their municipality, for everyone else it does not exist (404).
Signed out, every page sends to the login.
"""

from datetime import date

import pytest
from django.db import transaction
from django.test import Client

from raadsloket.cases.services import create_case
from raadsloket.council_term.models import Installation, Newcomer
from raadsloket.directory.models import Entry
from tests.support.world import build_domstede, build_voorbeeld

pytestmark = pytest.mark.django_db

# Unique texts of Voorbeeld: they may show to nobody of Domstede.
INSTALLATION_FILE = "geloofsbrieven-VOORBEELDKIEVIT.csv"
ENTRY_NAME = "Ondersteuner VOORBEELDZWALUW"
CASE_TITLE = "Verzoek VOORBEELDMEREL over de haven"
NEWCOMER = "raadslid5"
GRIFFIE = {"griffier", "raadsadviseur"}

# username (Voorbeeld unless prefixed "u-") -> what they are, for the test ids.
PEOPLE = {
    "griffier": "griffier",
    "raadsadviseur": "council advisor (griffie, not the griffier)",
    "raadslid1": "fractie chair",
    "raadslid2": "council member",
    NEWCOMER: "newcomer of the last installation",
    "commissielid1": "committee member",
    "fractiemedewerker1": "fractie employee",
    "secretaris": "secretary",
    "kabinetschef": "cabinet chief",
    "burgemeester": "mayor",
    "wethouder1": "alderman",
    "collegecontact": "college contact",
    "ambtenaar1": "civil servant",
    "manager1": "manager",
    "beheerder": "functional administrator",
    "u-griffier": "griffier of another municipality",
    "u-raadslid1": "member of another municipality",
    None: "signed out",
}


@pytest.fixture(scope="module")
def town(django_db_setup, django_db_blocker):
    """Voorbeeld with a hidden and a marked directory entry, an installation with a newcomer
    and a marked case; Domstede beside it. Built once: the tests only read (a POST that would
    change something is refused, and its test says so)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            main, other = build_voorbeeld(), build_domstede()
            entries = Entry.objects.filter(municipality=main.municipality).order_by("pk")
            shown, hidden = entries[0], entries[1]
            shown.name = ENTRY_NAME
            shown.save()
            hidden.hidden = True
            hidden.save()
            installation = Installation.objects.create(
                municipality=main.municipality,
                on=date(2026, 3, 26),
                file_name=INSTALLATION_FILE,
                installed_by=main["griffier"],
            )
            Newcomer.objects.create(
                installation=installation, person=main[NEWCOMER], starts_on=date(2026, 3, 26)
            )
            case = create_case(
                main["raadslid1"],
                {
                    "instrument": "technical_question",
                    "title": CASE_TITLE,
                    "policy_area": "mobiliteit",
                    "question": "Hoeveel schepen legden aan?",
                },
                submit=True,
            )
            people = {**main.people, **{f"u-{k}": v for k, v in other.people.items()}}
            yield {
                "people": people,
                "shown": shown,
                "hidden": hidden,
                "newcomer": main[NEWCOMER],
                "case": case,
            }
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def client_for(town, username) -> Client:
    client = Client()
    if username is not None:
        client.force_login(town["people"][username])
    return client


def voorbeeld(username) -> bool:
    return username is not None and not username.startswith("u-")


def expected_get(town, username) -> dict[str, int]:
    """The status of each page for `username`, from the rules in the module docstring."""
    if username is None:
        return {}
    shown, hidden, newcomer = town["shown"].pk, town["hidden"].pk, town["newcomer"].pk
    griffie = username in GRIFFIE
    own_griffie = griffie or username == "u-griffier"
    clerk = username in {"griffier", "u-griffier"}
    sees_checklist = griffie or username == NEWCOMER
    return {
        "/volgen/": 200,
        "/ondersteuning/": 200,
        f"/ondersteuning/{shown}": 200 if voorbeeld(username) else 404,
        f"/ondersteuning/{hidden}": 200 if griffie else 404,
        "/ondersteuning/nieuw": 200 if own_griffie else 404,
        f"/ondersteuning/{shown}/bewerken": 200 if griffie else 404,
        "/raadsperiode/": 200 if clerk else 403,
        "/raadsperiode/sjabloon.csv": 200 if clerk else 403,
        "/raadsperiode/voorbeeld-verkiezing.csv": 200 if clerk else 403,
        "/raadsperiode/inwerken/": 200 if username == NEWCOMER else 404,
        f"/raadsperiode/inwerken/{newcomer}/": 200 if sees_checklist else 404,
    }


@pytest.mark.parametrize("username", list(PEOPLE), ids=lambda u: PEOPLE[u])
def test_every_role_gets_the_status_its_rules_give_on_every_page(town, username):
    client = client_for(town, username)
    expected = expected_get(town, username)
    urls = expected or expected_get(town, "griffier")
    got = {url: client.get(url).status_code for url in urls}
    if username is None:
        # Signed out: every page sends to the login.
        assert set(got.values()) == {302}, got
        return
    assert got == expected


@pytest.mark.parametrize("username", list(PEOPLE), ids=lambda u: PEOPLE[u])
def test_only_the_griffie_runs_council_term_and_directory_actions(town, username):
    """Each POST is one the person may not make, or one that changes nothing (an empty form):
    the status tells who is let through."""
    client = client_for(town, username)
    shown, newcomer = town["shown"].pk, town["newcomer"].pk
    got = {
        "install": client.post("/raadsperiode/", {}).status_code,
        "tick": client.post(f"/raadsperiode/inwerken/{newcomer}/afvinken", {}).status_code,
        "hide": client.post(f"/ondersteuning/{shown}/onbekend", {}).status_code,
    }
    if username is None:
        assert set(got.values()) == {302}, got
        return
    griffie = username in GRIFFIE
    assert got == {
        # The griffier gets the form back with its errors; everyone else a Dutch refusal.
        "install": 422 if username in {"griffier", "u-griffier"} else 403,
        # An empty tick comes back to the checklist with a message; outsiders find no checklist.
        "tick": 302 if griffie or username == NEWCOMER else 404,
        # An unknown action is 404 for the griffie too: it proves the griffie passes the editor
        # check and everyone else stops there (also 404, as a page that does not exist).
        "hide": 404,
    }


def test_only_the_griffie_of_the_municipality_hides_a_directory_entry(town):
    shown = town["shown"]
    for username in ("u-griffier", "raadslid1", "wethouder1", "ambtenaar1"):
        response = client_for(town, username).post(f"/ondersteuning/{shown.pk}/verbergen")
        assert response.status_code == 404, username
    shown.refresh_from_db()
    assert not shown.hidden


@pytest.mark.parametrize("username", ["u-griffier", "u-raadslid1"])
def test_another_municipality_reads_nothing_of_voorbeeld_and_cannot_follow_its_case(town, username):
    client = client_for(town, username)
    text = "".join(
        client.get(url).content.decode()
        for url in ("/volgen/", "/ondersteuning/", "/raadsperiode/")
    )
    for marker in (INSTALLATION_FILE, ENTRY_NAME, CASE_TITLE):
        assert marker not in text
    response = client.post("/volgen/volg", {"kind": "case", "item_id": town["case"].pk})
    assert response.status_code == 404


def test_the_markers_would_show_to_the_griffier(town):
    """The checks above are not blind: Voorbeeld's griffier reads each marker on these pages."""
    client = client_for(town, "griffier")
    text = client.get("/raadsperiode/").content.decode()
    text += client.get("/ondersteuning/").content.decode()
    assert INSTALLATION_FILE in text
    assert ENTRY_NAME in text


def test_a_member_of_voorbeeld_follows_the_case_the_outsider_could_not(town):
    """The refused follow above is refused for the municipality, not for a malformed form."""
    client = client_for(town, "raadslid1")
    with transaction.atomic():
        response = client.post("/volgen/volg", {"kind": "case", "item_id": town["case"].pk})
        assert response.status_code == 302
        assert CASE_TITLE in client.get("/volgen/").content.decode()
        transaction.set_rollback(True)
