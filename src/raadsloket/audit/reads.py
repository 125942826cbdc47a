# SPDX-License-Identifier: EUPL-1.2
"""Reads of confidential case content, in the audit chain (BIO 12.4.1, 12.4.2; SECURITY.md).

Every page, download or API answer that shows content of a case leaves one event: one per
case page, one per list or search page for all the cases it shows.
"""

from raadsloket.access.sections import CONTENT_SECTIONS
from raadsloket.audit import chain


def record_list_read(user, shown) -> None:
    """One audit event for a list or search page that shows content of several cases."""
    read = {case.pk: sorted(str(s) for s in visible & CONTENT_SECTIONS) for case, visible in shown}
    read = {pk: names for pk, names in read.items() if names}
    if read:
        chain.record(
            "case.list_read",
            actor=user,
            municipality_id=user.municipality_id,
            detail={"cases": read},
        )


def record_read(user, case, sections) -> None:
    """One case's content sections read by `user`."""
    chain.record(
        "case.read",
        actor=user,
        municipality_id=case.municipality_id,
        case_id=case.pk,
        detail={"sections": sorted(str(s) for s in sections)},
    )
