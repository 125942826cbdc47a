# SPDX-License-Identifier: EUPL-1.2
"""Why a transition did not happen, in Dutch, with the HTTP status the API and views use."""


class WorkflowError(Exception):
    status = 400

    def __init__(self, message: str, *, errors: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class UnknownAction(WorkflowError):
    status = 404


class ActionForbidden(WorkflowError):
    status = 403


class ActionNotAvailable(WorkflowError):
    """The action exists but not in the case's present state (or someone was first)."""

    status = 409


class VersionConflict(WorkflowError):
    status = 409


class GuardFailed(WorkflowError):
    status = 409


class InvalidInput(WorkflowError):
    status = 422
