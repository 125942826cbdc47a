# SPDX-License-Identifier: EUPL-1.2
"""Who may see and make the links between cases and register items (the "samenhang").

The rules in plain words:
- A link is seen only together with the item at its other end, and that item is decided on its
  own, by its own rules: a register item as its register says (access/registers.py), a case only
  if the viewer may see what it is about (its request: subject and question) — the case is in
  their lists (`visible_cases`) and shows them its subject. A manager who sees only the hours of
  a case, or the college that is told a trajectory started, does not see where it led.
- A link whose other end the viewer may not see does not exist for them: not its title, not its
  number, not that there is one. Nothing counts or mentions hidden links; the links are chosen
  in the database (one query for the visible ones), so the work does not grow with hidden ones.
- The chain is followed only through items the viewer may see: a hidden item is no stepping
  stone to what lies behind it (what lies behind it may still be reached another way).
- Who may link two items: the griffie (griffier, raadsadviseur) of the municipality, and a
  member (council member, committee member, fractie employee) when one of the two items is
  theirs (a case they asked, a motie, amendement or initiatiefvoorstel they submitted); in both
  cases only items they may see, of their own municipality.
- Who may remove a link: the griffie, whoever made it, and the owner of one of its ends; again
  only while they see both ends.
"""

from django.db.models import Q, QuerySet

from raadsloket.access.cases import Relations, cases_showing
from raadsloket.access.registers import is_submitter, visible_items
from raadsloket.access.sections import Section
from raadsloket.access.viewer import Viewer
from raadsloket.cases.models import Case
from raadsloket.registers.models import CASE_KIND, MODELS, Link


def visible_ids(viewer: Viewer, kind: str) -> QuerySet:
    """The ids of the items of `kind` the viewer may see at the end of a link (a subquery)."""
    if kind == CASE_KIND:
        return Case.objects.filter(cases_showing(viewer, Section.REQUEST)).values("pk")
    return visible_items(viewer, MODELS[kind].objects.all()).values("pk")


def _end_visible(viewer: Viewer, end: str) -> Q:
    """The links whose `end` ("from" or "to") the viewer may see, decided in the database."""
    q = Q(pk__isnull=True)
    for kind in (CASE_KIND, *MODELS):
        q |= Q(**{f"{end}_kind": kind, f"{end}_id__in": visible_ids(viewer, kind)})
    return q


def visible_links(viewer: Viewer, items: list[tuple[str, int]]) -> QuerySet[Link]:
    """The links of `items` (which the caller has shown the viewer may see) whose other end the
    viewer may see. One query however many links there are, hidden or not."""
    if not viewer.authenticated or not items:
        return Link.objects.none()
    from_here = Q(pk__isnull=True)
    to_here = Q(pk__isnull=True)
    for kind, pk in items:
        from_here |= Q(from_kind=kind, from_id=pk)
        to_here |= Q(to_kind=kind, to_id=pk)
    return Link.objects.filter(
        (from_here & _end_visible(viewer, "to")) | (to_here & _end_visible(viewer, "from")),
        municipality_id=viewer.tenant,
    )


def sees_end(viewer: Viewer, kind: str, pk: int) -> bool:
    """Whether the viewer may see the item (kind, pk) as the end of a link."""
    if not viewer.authenticated or kind not in (CASE_KIND, *MODELS):
        return False
    return visible_ids(viewer, kind).filter(pk=pk).exists()


def sees_link(viewer: Viewer, link: Link) -> bool:
    return (
        viewer.authenticated
        and link.municipality_id == viewer.tenant
        and sees_end(viewer, link.from_kind, link.from_id)
        and sees_end(viewer, link.to_kind, link.to_id)
    )


def owns(viewer: Viewer, item) -> bool:
    """A case the viewer asked (or filed), or a register item they submitted."""
    if viewer.person_id is None or item.municipality_id != viewer.tenant:
        return False
    if isinstance(item, Case):
        return Relations(viewer, item).requester
    return hasattr(item, "submitters") and is_submitter(viewer, item)


def links_items(viewer: Viewer, first, second) -> bool:
    """May the viewer link these two items (both already seen by them)?"""
    if not viewer.authenticated:
        return False
    if viewer.is_griffie:
        return True
    return viewer.is_member and (owns(viewer, first) or owns(viewer, second))


def offers_linking(viewer: Viewer, item) -> bool:
    """Whether the item's page shows the form to add a link: the griffie, or its owner."""
    return viewer.authenticated and (viewer.is_griffie or (viewer.is_member and owns(viewer, item)))


def removes_link(viewer: Viewer, link: Link, first, second) -> bool:
    if not viewer.authenticated:
        return False
    return (
        viewer.is_griffie
        or link.created_by_id == viewer.person_id
        or (viewer.is_member and (owns(viewer, first) or owns(viewer, second)))
    )
