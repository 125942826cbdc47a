# SPDX-License-Identifier: EUPL-1.2
"""Who sees and records vergoedingen (toolkit, "Vergoeding en politiek verlof").

The rules in plain words: a raadslid sees their own figures (the vergoeding of their
municipality's inwonersklasse, the extra toelagen of the seats they hold, the
onkostenvergoeding) and makes their own politiek-verlof letter; nobody sees another member's
figures through raadsloket. The griffie records the amounts of a new year when BZK indexes them
and who holds a seat with an extra toelage. The college, the civil service and a functional
administrator see nothing here (the council's own rechtspositie is not the college's business
in this tool), and nobody sees anything of another municipality.
"""

from raadsloket.access.viewer import Viewer, in_council_side
from raadsloket.organisation.roles import Role


def sees_own_allowance(viewer: Viewer) -> bool:
    return in_council_side(viewer, viewer.municipality_id) and Role.COUNCIL_MEMBER in viewer.roles


def manages_allowances(viewer: Viewer) -> bool:
    return in_council_side(viewer, viewer.municipality_id) and viewer.is_griffie


def sees_allowance_pages(viewer: Viewer) -> bool:
    return sees_own_allowance(viewer) or manages_allowances(viewer)
