# SPDX-License-Identifier: EUPL-1.2
"""Why a transition did not happen: the engine's names for the shared domain errors."""

from raadsloket.lib.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound

__all__ = [
    "ActionForbidden",
    "ActionNotAvailable",
    "DomainError",
    "GuardFailed",
    "InvalidInput",
    "UnknownAction",
    "VersionConflict",
]


class UnknownAction(NotFound):
    pass


class ActionForbidden(Forbidden):
    pass


class ActionNotAvailable(Conflict):
    """The action exists but not in the case's present state (or someone was first)."""


class VersionConflict(Conflict):
    pass


class GuardFailed(Conflict):
    pass
