# SPDX-License-Identifier: EUPL-1.2
import pytest

from tests.registers.links_scene import build_link_scene
from tests.registers.scene import build_scene


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, tmp_path_factory):
    """The register world, built once per module and rolled back after it."""
    yield from build_scene(django_db_blocker, tmp_path_factory.mktemp("register-files"))


@pytest.fixture(scope="module")
def chain(django_db_setup, django_db_blocker):
    """The demo chain (motie → toezegging → schriftelijke vragen → bijstand → amendement)."""
    yield from build_link_scene(django_db_blocker)
