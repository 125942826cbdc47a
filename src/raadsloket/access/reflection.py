# SPDX-License-Identifier: EUPL-1.2
"""Who may see which reflection report (handreiking, "Periodieke reflectie").

The rules in plain words:
- A report holds counts and durations, never content, and small cells about fracties are hidden
  (raadsloket.reflection.suppression). Still, the figures per fractie are for the council's
  steering bodies only.
- The full report (with "Gebruik per fractie"): the griffie, the presidium (the
  fractievoorzitters) and the members of the driehoek (griffier, gemeentesecretaris,
  burgemeester), of their own municipality.
- The aggregate report (without figures per fractie): the members of the council (raadsleden,
  commissieleden, fractiemedewerkers) when the profile's `reporting.members_see_aggregate`
  says so; the wethouders when `reporting.college_sees_aggregate` says so.
- Everyone else — civil servants, managers, the college contact, the functional administrator —
  sees no report. Nobody sees another municipality's report.
- Recording which fracties form the coalition is the griffie's (organisation data).
"""

from raadsloket.access.viewer import Viewer
from raadsloket.organisation.roles import PRESIDIUM, REQUESTER_ROLES, TRIANGLE, Role

FULL = "full"
AGGREGATE = "aggregate"


def report_audience(viewer: Viewer) -> str | None:
    """ "full", "aggregate" or None (no report at all), for the viewer's own municipality."""
    if not viewer.authenticated or viewer.profile is None:
        return None
    if viewer.is_griffie or viewer.roles & PRESIDIUM or viewer.roles & TRIANGLE:
        return FULL
    reporting = viewer.profile.reporting
    if reporting.members_see_aggregate and viewer.roles & REQUESTER_ROLES:
        return AGGREGATE
    if reporting.college_sees_aggregate and Role.ALDERMAN in viewer.roles:
        return AGGREGATE
    return None


def manages_coalition(viewer: Viewer) -> bool:
    return viewer.authenticated and viewer.is_griffie
