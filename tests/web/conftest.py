# SPDX-License-Identifier: EUPL-1.2
import pytest

from raadsloket.demo.people import build_municipality


@pytest.fixture
def world(db):
    return build_municipality("Gemeente Voorbeeld", "voorbeeld")


@pytest.fixture
def login(client):
    """Log a person in by username of the world and return the client."""

    def as_(person):
        client.logout()
        client.force_login(person)
        return client

    return as_
