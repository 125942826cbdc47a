# SPDX-License-Identifier: EUPL-1.2
"""Who may see and do what with the registers of moties, amendementen, toezeggingen and
initiatiefvoorstellen.

The rules in plain words:
- Nobody sees anything of another municipality, and someone not signed in sees nothing here
  (the public reaches public items through the publication app, by `public()`).
- Moties, amendementen and toezeggingen are public within the municipality: they were made in a
  public meeting of the council or a committee. Everyone of the municipality sees them.
- An initiatiefvoorstel is the submitters' own work while it is a concept (it may be drafted
  with ambtelijke bijstand): only its submitters and the griffie see it until it is submitted;
  from then on it is public like the rest (art. 147a Gemeentewet).
- The griffie records items, their outcome and votes, and imports a register.
- The college contact (bestuurssecretariaat) or the item's own portefeuillehouder proposes a
  toezegging done and registers the college's letter that a motie was executed; the griffie may
  register that letter too, since the college's letters reach the council through the griffier.
- Only the griffie decides, on the council's or committee's decision, that a toezegging is done.
- A council member starts an initiatiefvoorstel; its submitters work on it, submit or withdraw it.
"""

from django.db.models import Q, QuerySet

from raadsloket.access.overviews import sees_written_overview
from raadsloket.access.viewer import Viewer
from raadsloket.organisation.roles import Role


def _of_municipality(viewer: Viewer, municipality_id: int | None) -> bool:
    return (
        viewer.authenticated
        and municipality_id is not None
        and viewer.municipality_id == municipality_id
    )


def sees_registers(viewer: Viewer) -> bool:
    """Whether the menu shows the registers: anyone signed in of a municipality."""
    return viewer.authenticated


def visible_items(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """Register items of the viewer's municipality; concept initiatives only to their
    submitters and the griffie."""
    from raadsloket.registers.models import InitiativeProposal

    if not viewer.authenticated:
        return queryset.none()
    queryset = queryset.filter(municipality_id=viewer.municipality_id)
    if queryset.model is InitiativeProposal and not viewer.is_griffie:
        queryset = queryset.filter(
            ~Q(status=InitiativeProposal.Status.CONCEPT) | Q(submitters=viewer.person_id)
        ).distinct()
    return queryset


def sees_item(viewer: Viewer, item) -> bool:
    if not _of_municipality(viewer, item.municipality_id):
        return False
    if item.is_public() or viewer.is_griffie:
        return True
    return is_submitter(viewer, item)


def is_submitter(viewer: Viewer, item) -> bool:
    if viewer.person_id is None or item.pk is None:
        return False
    return item.submitters.filter(pk=viewer.person_id).exists()


def records_registers(viewer: Viewer) -> bool:
    """Record moties, amendementen and toezeggingen, outcomes and votes; import: the griffie."""
    return viewer.authenticated and viewer.is_griffie


def speaks_for_college(viewer: Viewer, item) -> bool:
    """The college contact of the municipality, or the item's own portefeuillehouder."""
    if not _of_municipality(viewer, item.municipality_id):
        return False
    holder = getattr(item, "portfolio_holder_id", None)
    return Role.COLLEGE_CONTACT in viewer.roles or (
        holder is not None and holder == viewer.person_id
    )


def proposes_done(viewer: Viewer, commitment) -> bool:
    return speaks_for_college(viewer, commitment)


def decides_done(viewer: Viewer, commitment) -> bool:
    return _of_municipality(viewer, commitment.municipality_id) and viewer.is_griffie


def registers_execution(viewer: Viewer, motion) -> bool:
    """The college's letter that a motie is executed: the college side, or the griffie."""
    return speaks_for_college(viewer, motion) or (
        _of_municipality(viewer, motion.municipality_id) and viewer.is_griffie
    )


def starts_initiative(viewer: Viewer) -> bool:
    # Art. 147a Gemeentewet: "elk lid van de raad".
    return viewer.authenticated and viewer.is_council_member


def works_on_initiative(viewer: Viewer, initiative) -> bool:
    """Change, submit or withdraw: its submitters."""
    return _of_municipality(viewer, initiative.municipality_id) and is_submitter(viewer, initiative)


def steers_initiative(viewer: Viewer, initiative) -> bool:
    """Record the college's wensen en bedenkingen, put it on the agenda, record the outcome."""
    return _of_municipality(viewer, initiative.municipality_id) and viewer.is_griffie


def sees_register_figures(viewer: Viewer) -> bool:
    """On-time figures per portefeuillehouder judge the college: as for the written questions,
    the griffie, the presidium and the mayor (access.overviews.sees_written_overview)."""
    return viewer.authenticated and sees_written_overview(viewer)


def uses_registers(viewer: Viewer) -> bool:
    """Whether the menu links the registers: the council side, the griffie and the college side
    work with them; anyone else of the municipality may still open the public pages."""
    return viewer.authenticated and (
        viewer.is_member
        or viewer.is_griffie
        or viewer.is_college
        or Role.COLLEGE_CONTACT in viewer.roles
    )
