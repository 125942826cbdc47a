# SPDX-License-Identifier: EUPL-1.2
"""Who may see the overviews across cases (besides the cases themselves, see access.cases)."""

from raadsloket.access.viewer import Viewer
from raadsloket.organisation.roles import PRESIDIUM, Role


def sees_written_overview(viewer: Viewer) -> bool:
    """The overdue list and on-time rates of written questions: the griffie and the presidium.

    The list holds metadata only (reference, subject, dates, portefeuillehouder)
    of registered questions, which every member may see anyway. The rates judge the college, so
    they are for the council's steering body: the griffie, the fractievoorzitters and the mayor,
    who chairs the council and its presidium; not for the wethouders.
    """
    return viewer.is_griffie or bool(viewer.roles & PRESIDIUM) or Role.MAYOR in viewer.roles
