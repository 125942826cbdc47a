# SPDX-License-Identifier: EUPL-1.2
"""The per-request access context: who is looking, in which municipality, with which roles."""

from dataclasses import dataclass

from django.utils import timezone

from raadsloket.access.session_cache import session_roles
from raadsloket.lib.errors import Forbidden
from raadsloket.organisation.roles import CLERK_OFFICE, COLLEGE, REQUESTER_ROLES, Role
from raadsloket.policy.schema import PolicyProfile

_CACHE_ATTR = "_raadsloket_viewer"


@dataclass(frozen=True)
class Viewer:
    person_id: int | None
    municipality_id: int | None
    roles: frozenset[str]
    profile: PolicyProfile | None
    # Cases an administrator holds an unexpired break-glass grant for (one query per request).
    break_glass_cases: frozenset[int] = frozenset()
    fractie_id: int | None = None

    @property
    def authenticated(self) -> bool:
        return self.person_id is not None and self.municipality_id is not None

    @property
    def tenant(self) -> int:
        """The viewer's municipality. Pages and domain functions that act for a person of a
        municipality read it here; someone of none is refused in Dutch."""
        if self.municipality_id is None:
            raise Forbidden("U hoort bij geen gemeente.")
        return self.municipality_id

    @property
    def me(self) -> int:
        """The viewer's own person id (refused in Dutch when nobody is logged in)."""
        if self.person_id is None:
            raise Forbidden("Log in om verder te gaan.")
        return self.person_id

    @property
    def policy(self) -> PolicyProfile:
        """The verordening of the viewer's municipality (refused in Dutch when there is none)."""
        if self.profile is None:
            raise Forbidden("U hoort bij geen gemeente.")
        return self.profile

    def has(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    @property
    def is_griffie(self) -> bool:
        return bool(self.roles & CLERK_OFFICE)

    @property
    def is_routing_officer(self) -> bool:
        # Model-verordening: the secretaris; Echt-Susteren: the kabinetschef (profile).
        return self.profile is not None and self.profile.routing.officer in self.roles

    @property
    def is_college(self) -> bool:
        return bool(self.roles & COLLEGE)

    @property
    def is_member(self) -> bool:
        """Someone of the council side who may see answers shared with every member."""
        return bool(self.roles & (REQUESTER_ROLES | {Role.FRACTIE_CHAIR}))

    @property
    def is_council_member(self) -> bool:
        return Role.COUNCIL_MEMBER in self.roles

    @property
    def in_triangle(self) -> bool:
        return self.has(Role.CLERK, Role.MUNICIPAL_SECRETARY, Role.MAYOR)


ANONYMOUS = Viewer(person_id=None, municipality_id=None, roles=frozenset(), profile=None)


def in_council_side(viewer: Viewer, municipality_id: int | None) -> bool:
    """Signed in, of this municipality and not of the college: the council's own tools
    (fractieondersteuning, opleidingsbudget) are the council's, Gemeentewet art. 33 lid 2."""
    return (
        viewer.authenticated
        and municipality_id is not None
        and viewer.municipality_id == municipality_id
        and not viewer.is_college
    )


def viewer_for(user) -> Viewer:
    """Build the access context once per user object (i.e. once per request)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    municipality = user.municipality if user.municipality_id else None
    if municipality is None or not user.is_active:
        viewer = Viewer(person_id=user.pk, municipality_id=None, roles=frozenset(), profile=None)
    else:
        # The session's copy when it is current (access.session_cache), else the database.
        roles = session_roles(user)
        if roles is None:
            roles = frozenset(user.role_assignments.values_list("role", flat=True))
        viewer = Viewer(
            person_id=user.pk,
            municipality_id=municipality.pk,
            roles=roles,
            profile=municipality.policy,
            fractie_id=user.fractie_id,
            break_glass_cases=_break_glass_cases(user)
            if Role.ADMINISTRATOR in roles
            else frozenset(),
        )
    setattr(user, _CACHE_ATTR, viewer)
    return viewer


def _break_glass_cases(user) -> frozenset[int]:
    from raadsloket.access.models import BreakGlass

    return frozenset(
        BreakGlass.objects.filter(person=user, expires_at__gt=timezone.now()).values_list(
            "case_id", flat=True
        )
    )


def forget_viewer(user) -> None:
    """Drop the cached context (after a role change within one request or test)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
