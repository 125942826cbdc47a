# SPDX-License-Identifier: EUPL-1.2
"""Why a budget action did not happen, in Dutch, with the HTTP status the API and views use."""


class BudgetError(Exception):
    status = 400

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class BudgetForbidden(BudgetError):
    status = 403


class BudgetConflict(BudgetError):
    """The action is not possible in the present state (or someone else was first)."""

    status = 409
