# SPDX-License-Identifier: EUPL-1.2
"""Who may see and change the support directory (raadsloket.access.directory), per role.

Everyone of the municipality reads its directory and the griffie's "helpt met"; only the
griffie edits and sees a hidden entry. Another municipality and an anonymous visitor see and
change nothing of it.
"""

import pytest
from django.db import transaction

from raadsloket.access import directory as access
from raadsloket.access.viewer import ANONYMOUS, viewer_for
from raadsloket.directory.models import Entry
from raadsloket.organisation.models import Person
from tests.support.world import build_domstede, build_voorbeeld

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def towns(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            main, other = build_voorbeeld(), build_domstede()
            hidden = Entry.objects.get(municipality=main.municipality, national_key="leefbarometer")
            hidden.hidden = True
            hidden.save()
            yield main, other, hidden
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


# (sees the directory, sees a hidden entry, edits, sees the three people of the griffie)
EXPECTED = {
    "griffier": (True, True, True, 3),
    "raadsadviseur": (True, True, True, 3),
    "raadslid1": (True, False, False, 3),
    "fractiemedewerker1": (True, False, False, 3),
    "wethouder1": (True, False, False, 3),
    "burgemeester": (True, False, False, 3),
    "ambtenaar1": (True, False, False, 3),
    "beheerder": (True, False, False, 3),
}


def answers(viewer, hidden):
    return (
        access.sees_directory(viewer),
        access.sees_entry(viewer, hidden),
        access.edits_directory(viewer, hidden.municipality_id),
        access.griffie_people(
            viewer, Person.objects.filter(municipality_id=hidden.municipality_id)
        ).count(),
    )


@pytest.mark.parametrize("username", list(EXPECTED))
def test_every_role_gets_its_answers(towns, username):
    main, _, hidden = towns
    viewer = viewer_for(main[username])
    assert answers(viewer, hidden) == EXPECTED[username]
    listed = access.visible_entries(viewer, Entry.objects.all())
    assert (hidden in listed) == EXPECTED[username][1]


@pytest.mark.parametrize("username", ["griffier", "raadslid1", "burgemeester"])
def test_another_municipality_sees_and_changes_nothing(towns, username):
    main, other, hidden = towns
    viewer = viewer_for(other[username])
    visible = Entry.objects.get(municipality=main.municipality, national_key="rekenkamer")
    assert not access.sees_entry(viewer, visible)
    assert not access.sees_entry(viewer, hidden)
    assert not access.edits_directory(viewer, main.municipality.pk)
    listed = access.visible_entries(viewer, Entry.objects.all())
    assert not listed.filter(municipality=main.municipality).exists()
    assert not access.griffie_people(
        viewer, Person.objects.filter(municipality=main.municipality)
    ).exists()


def test_an_anonymous_visitor_sees_and_changes_nothing(towns):
    _, _, hidden = towns
    assert answers(ANONYMOUS, hidden) == (False, False, False, 0)
    assert not access.visible_entries(ANONYMOUS, Entry.objects.all()).exists()
