# SPDX-License-Identifier: EUPL-1.2
"""Who may see and do what in the registers (raadsloket.access.registers), per role.

Moties, amendementen and toezeggingen are public within the municipality; a concept
initiatiefvoorstel only to its submitters and the griffie; the griffie records and decides, the
college contact or the own portefeuillehouder proposes a toezegging done. Another municipality
and an anonymous visitor see and do nothing.
"""

import pytest

from raadsloket.access import registers as access
from raadsloket.access.viewer import ANONYMOUS, viewer_for
from raadsloket.registers.models import Commitment, InitiativeProposal, Motion
from tests.registers.scene import build_scene

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, tmp_path_factory):
    """The register world, built once per module and rolled back after it."""
    yield from build_scene(django_db_blocker, tmp_path_factory.mktemp("register-files"))


# (sees motion, sees concept initiative, records, proposes the wethouder1 commitment done,
#  decides it done, registers the motion's letter, starts an initiative)
EXPECTED = {
    "griffier": (True, True, True, False, True, True, False),
    "raadsadviseur": (True, True, True, False, True, True, False),
    "raadslid1": (True, True, False, False, False, False, True),  # submitter of the concept
    "raadslid2": (True, True, False, False, False, False, True),  # co-submitter
    "raadslid5": (True, False, False, False, False, False, True),
    "fractiemedewerker1": (True, False, False, False, False, False, False),
    "wethouder1": (True, False, False, True, False, True, False),  # the portefeuillehouder
    "wethouder2": (True, False, False, False, False, False, False),
    "collegecontact": (True, False, False, True, False, True, False),
    "burgemeester": (True, False, False, False, False, False, False),
    "ambtenaar1": (True, False, False, False, False, False, False),
    "beheerder": (True, False, False, False, False, False, False),
}


def answers(viewer, scene):
    motion, commitment, concept = scene["late_motion"], scene["late_commitment"], scene["concept"]
    return (
        access.sees_item(viewer, motion),
        access.sees_item(viewer, concept),
        access.records_registers(viewer),
        access.proposes_done(viewer, commitment),
        access.decides_done(viewer, commitment),
        access.registers_execution(viewer, motion),
        access.starts_initiative(viewer),
    )


@pytest.mark.parametrize("username", list(EXPECTED))
def test_every_role_gets_its_answers(scene, username):
    assert answers(viewer_for(scene.main[username]), scene) == EXPECTED[username]


@pytest.mark.parametrize("username", ["griffier", "raadslid1", "wethouder1", "collegecontact"])
def test_another_municipality_sees_and_does_nothing(scene, username):
    viewer = viewer_for(scene.other[username])
    assert answers(viewer, scene) == (
        False,
        False,
        access.records_registers(viewer),
        False,
        False,
        False,
        access.starts_initiative(viewer),
    )
    for model in (Motion, Commitment, InitiativeProposal):
        shown = access.visible_items(viewer, model.objects.all())
        assert not shown.filter(municipality=scene.main.municipality).exists()


def test_an_anonymous_visitor_sees_and_does_nothing(scene):
    assert answers(ANONYMOUS, scene) == (False,) * 7
    for model in (Motion, Commitment, InitiativeProposal):
        assert not access.visible_items(ANONYMOUS, model.objects.all()).exists()
    assert not access.sees_registers(ANONYMOUS)


def test_lists_hide_a_concept_initiative_from_everyone_but_its_submitters_and_the_griffie(scene):
    def titles(username):
        viewer = viewer_for(scene.main[username])
        return set(
            access.visible_items(viewer, InitiativeProposal.objects.all()).values_list(
                "title", flat=True
            )
        )

    concept, submitted = scene["concept"].title, scene["submitted"].title
    assert titles("griffier") == {concept, submitted}
    assert titles("raadslid2") == {concept, submitted}
    assert titles("raadslid5") == {submitted}
    assert titles("wethouder1") == {submitted}


def test_public_is_what_the_publication_app_may_show(scene):
    public = InitiativeProposal.objects.filter(municipality=scene.main.municipality).public()
    assert list(public) == [scene["submitted"]]
    assert not scene["concept"].is_public()
    assert Motion.objects.public().filter(pk=scene["late_motion"].pk).exists()
