# SPDX-License-Identifier: EUPL-1.2
import pytest

from raadsloket.demo.people import build_municipality


@pytest.fixture
def world(db):
    return build_municipality("Gemeente Voorbeeld", "voorbeeld")
