# SPDX-License-Identifier: EUPL-1.2
import pytest

from tests.support.publication import add_written_questions


@pytest.fixture
def published(world):
    """Gemeente Voorbeeld with its CBS code and written questions in every state that matters."""
    world.municipality.cbs_code = "9999"
    world.municipality.save()
    return add_written_questions(world, "v")
