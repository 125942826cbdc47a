# SPDX-License-Identifier: EUPL-1.2
"""A municipality where raadslid1 has a case of their own and raadslid7 a confidential one.

Every piece of raadslid7's case carries a marker word, so a test can tell from an export which
parts of that case reached its reader.
"""

from dataclasses import dataclass

import pytest

from raadsloket.cases.models import Case
from raadsloket.demo.lifecycle import new_case, run_to
from tests.privacy.privacy_helpers import OWN_MARKER, SHARED_MARKER, mark_confidential_case


@dataclass
class Scene:
    world: object
    own: Case
    confidential: Case
    shared: Case

    def __getitem__(self, username: str):
        return self.world[username]


@pytest.fixture
def scene(world):
    own = run_to(
        world,
        new_case(world, "raadslid1", title=f"Vraag {OWN_MARKER}", confidential=True),
        "intake",
    )
    confidential = run_to(
        world, new_case(world, "raadslid7", confidential=True), "closed", member="raadslid7"
    )
    mark_confidential_case(confidential)
    shared = run_to(
        world, new_case(world, "raadslid7", confidential=False), "closed", member="raadslid7"
    )
    # Openness "every member" for this one: each member sees its answer in raadsloket.
    Case.objects.filter(pk=shared.pk).update(confidential=False, answer=f"Gedeeld: {SHARED_MARKER}")
    return Scene(world, own, Case.objects.get(pk=confidential.pk), Case.objects.get(pk=shared.pk))
