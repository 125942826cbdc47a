# SPDX-License-Identifier: EUPL-1.2
"""One version per municipality for everything its reflection report is counted from.

raadsloket.reflection.stored keeps built reports in the shared cache under the version current
when they were built; any change to a row the report reads (signals in reflection.stored, and
`changed` called by the few bulk updates that send no signal) gives the municipality a new
version, so a stored report is never shown after a change, a late change to a closed period
included (docs/scaling.md, "The year report").

The version is set at the first change in a transaction (and at the first after a report was
read in it) and again after the commit: a report built meanwhile from the old rows is stored
under a version nobody asks for any more.
"""

import uuid

from django.core.cache import caches
from django.db import transaction


def key(municipality_id: int) -> str:
    return f"reflection-version:{municipality_id}"


READ_FLAG = "_raadsloket_reports_read"


def changed(municipality_id: int | None) -> None:
    if municipality_id is None:
        return
    connection = transaction.get_connection()

    def publish() -> None:
        caches["default"].set(key(municipality_id), uuid.uuid4().hex, None)

    pending = any(
        getattr(waiting, "report_municipality", None) == municipality_id
        for _savepoints, waiting, _robust in connection.run_on_commit
    )
    # Once per transaction (a transition saves several rows), unless a report was read since:
    # now, for reads later in this transaction (and on the database cache, which commits or
    # rolls back with the change), and again after the commit, for a report built from the old
    # rows in between.
    if pending and not getattr(connection, READ_FLAG, False):
        return
    publish()
    setattr(connection, READ_FLAG, False)
    if not pending:
        publish.report_municipality = municipality_id  # type: ignore[attr-defined]
        transaction.on_commit(publish, robust=True)


def read() -> None:
    """Called by reflection.stored when it serves or stores a report."""
    setattr(transaction.get_connection(), READ_FLAG, True)


def current(municipality_id: int) -> str:
    """The version key to ask for together with a stored report (cache.get_many)."""
    return key(municipality_id)
