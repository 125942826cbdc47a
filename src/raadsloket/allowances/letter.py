# SPDX-License-Identifier: EUPL-1.2
"""The politiek-verlof letter to the employer, as PDF (toolkit, "Vergoeding en politiek verlof":
"Een brief aan je werkgever kan je hierbij helpen"). The legal basis is that of the law the
toolkit refers to: Burgerlijk Wetboek art. 7:643 lid 1 (politiek verlof for the meetings of
the raad and its committees)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from raadsloket.access.allowances import sees_own_allowance
from raadsloket.access.viewer import Viewer
from raadsloket.allowances.table import legal_texts
from raadsloket.audit.chain import record
from raadsloket.lib import pdf
from raadsloket.lib.errors import Forbidden

STYLESHEET = Path(__file__).with_name("letter.css")


@dataclass(frozen=True)
class LeaveLetter:
    member: str
    municipality: str
    fractie: str
    employer_name: str
    employer_address: str
    hours: Decimal
    legal_basis: str
    dated: date


def leave_letter(viewer: Viewer, person, *, employer_name, employer_address, hours) -> LeaveLetter:
    if not sees_own_allowance(viewer) or person.pk != viewer.person_id:
        raise Forbidden("Alleen een raadslid maakt een brief voor de eigen werkgever.")
    return LeaveLetter(
        member=person.display_name,
        municipality=person.municipality.name,
        fractie=person.fractie.name if person.fractie_id else "",
        employer_name=employer_name.strip(),
        employer_address=employer_address.strip(),
        hours=hours,
        legal_basis=legal_texts()["leave"]["legal_basis"],
        dated=timezone.localdate(),
    )


def leave_letter_pdf(viewer: Viewer, person, letter: LeaveLetter) -> bytes:
    html = render_to_string("allowances/leave_letter_pdf.html", {"letter": letter})
    content = pdf.write_pdf(html, STYLESHEET)
    # Who made which document; not its text (the employer is the member's own business).
    record("allowances.leave_letter", actor=person, municipality_id=viewer.municipality_id)
    return content
