# SPDX-License-Identifier: EUPL-1.2
"""The JSON feed for harvesters (Open Raadsinformatie shape): it validates against the schema
in ori_feed.schema.json, round-trips, pages with `next`, and holds only what is public."""

import json
from datetime import timedelta
from pathlib import Path

import jsonschema_rs
import pytest
import time_machine
from django.utils import timezone

from raadsloket.organisation.models import Person
from raadsloket.publication import ori
from tests.support.publication import EMBARGO_DAYS

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(Path(__file__).with_name("ori_feed.schema.json").read_text())
VALIDATOR = jsonschema_rs.validator_for(SCHEMA)
FEED = "/api/v1/public/voorbeeld/feed"


def feed(client, url=FEED):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response


def all_pages(client):
    pages, url = [], FEED
    while url:
        data = feed(client, url.removeprefix("http://testserver")).json()
        pages.append(data)
        url = data["next"]
    return pages


def test_the_feed_validates_against_the_schema_and_round_trips(client, published):
    response = feed(client)
    data = response.json()
    errors = [error.message for error in VALIDATOR.iter_errors(data)]
    assert not errors, errors
    # Round trip: what a harvester stores and serves again is the same document.
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again == data and VALIDATOR.is_valid(again)
    types = {item["@type"] for item in data["items"]}
    assert types == {"Report"}
    assert (
        data["organization"]["identifier"]
        == "https://identifier.overheid.nl/tooi/id/gemeente/gm9999"
    )


def test_the_schema_test_would_notice_a_wrong_shape(client, published):
    data = feed(client).json()
    broken = json.loads(json.dumps(data))
    broken["items"][0]["@type"] = "Zaak"
    del broken["items"][1]["dateModified"]
    broken["organization"]["identifier"] = "gm9999"
    assert len(list(VALIDATOR.iter_errors(broken))) == 3


def test_the_feed_pages_with_next_until_it_ends(client, published, monkeypatch):
    monkeypatch.setattr(ori, "PAGE_SIZE", 2)
    pages = all_pages(client)
    total = pages[0]["total"]
    assert total == 6 and len(pages) == 3
    ids = [item["@id"] for page in pages for item in page["items"]]
    assert len(ids) == len(set(ids)) == total
    assert pages[-1]["next"] is None
    assert all(VALIDATOR.is_valid(page) for page in pages)


def test_the_feed_names_the_askers_with_their_fractie(client, published):
    case = published.cases["published"]
    item = next(i for i in feed(client).json()["items"] if i["identifier"].endswith(case.reference))
    asker = next(p for p in item["creator"] if p["role"] == "indiener")
    assert asker["name"] == case.requester.get_full_name()
    assert asker["memberOf"]["name"] == case.requester.fractie.name
    assert any("OPENBAAR-SV-ANTWOORD-v" in part["text"] for part in item["hasPart"])


def test_the_feed_holds_nothing_that_is_not_public(client, published):
    text = "".join(json.dumps(page) for page in all_pages(client))
    assert not [m for m in published.secret if m in text]
    usernames = Person.objects.filter(municipality=published.world.municipality)
    assert not [
        name for name in usernames.values_list("username", flat=True) if f'"{name}"' in text
    ]


def test_an_embargoed_answer_enters_the_feed_on_its_day(client, published):
    day_before = timezone.now() + timedelta(days=EMBARGO_DAYS - 1)
    with time_machine.travel(day_before, tick=False):
        assert "GEHEIM-SV-EMBARGO-v" not in feed(client).content.decode()
    with time_machine.travel(day_before + timedelta(days=1), tick=False):
        assert "GEHEIM-SV-EMBARGO-v" in feed(client).content.decode()


def test_the_feed_needs_no_key_sets_no_cookie_and_may_be_cached(client, published):
    response = feed(client)
    assert not response.cookies
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]


def test_an_unknown_municipality_or_a_bad_page_is_a_dutch_error(client, published):
    response = client.get("/api/v1/public/nergens/feed")
    assert (
        response.status_code == 404 and response.json()["detail"] == "Deze gemeente bestaat niet."
    )
    assert client.get(FEED + "?page=0").status_code == 422
    assert feed(client, FEED + "?page=99").json()["items"] == []


def test_the_feed_is_in_the_openapi_schema_with_its_types(client, published):
    client.force_login(published.world["griffier"])
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/public/{slug}/feed"]["get"]
    assert operation["operationId"] == "public_feed"
    assert "security" not in operation  # no key needed
    item = schema["components"]["schemas"]["PublicItemOut"]
    assert "@type" in item["properties"] and "dateModified" in item["properties"]
