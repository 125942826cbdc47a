# SPDX-License-Identifier: EUPL-1.2
"""Database ids as they arrive from a URL, a form or an API call.

Every key is a 64-bit signed integer (BigAutoField), so nothing above 2**63-1 can exist: such
an id is "not found", exactly like a missing one, and never reaches the database, where it
would overflow the column instead of matching nothing.
"""

MAX_ID = 2**63 - 1


def valid_id(value: int) -> bool:
    """Whether `value` can be the id of a stored row at all."""
    return 0 < value <= MAX_ID
