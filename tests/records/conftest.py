# SPDX-License-Identifier: EUPL-1.2
import pytest

from tests.records.records_world import populate


@pytest.fixture
def populated(world, other_world):
    return populate(world, other_world)
