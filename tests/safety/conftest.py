# SPDX-License-Identifier: EUPL-1.2
import pytest

from tests.support.safety import build_safety_scene


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, tmp_path_factory):
    """The safety world, built once per module and rolled back after it."""
    yield from build_safety_scene(django_db_blocker, tmp_path_factory.mktemp("safety-files"))


@pytest.fixture
def scene_files(scene, settings, _fast_hashing):
    """Read the scene's evidence files where they were stored."""
    settings.MEDIA_ROOT = scene.media_root
    return scene
