# SPDX-License-Identifier: EUPL-1.2
"""The standard dates of the accountant cycle of a begrotingsjaar, as data.

Only the last row is law: the council adopts the jaarrekening in the year after the
begrotingsjaar (Gemeentewet art. 198 lid 1), and the college sends it to gedeputeerde staten
within two weeks after adoption and at the latest on 15 July (art. 200); the seed says it
plainly: "De gemeenteraad moet uiterlijk op 15 juli in het jaar volgend op het boekjaar de
jaarrekening vaststellen." The other rows are the usual planning (VNG handleiding
opdrachtgeverschap accountantscontrole, named in the seed); the griffie moves them to the
municipality's own planning and adds the auditcommissie's meetings.
"""

from dataclasses import dataclass
from datetime import date

from raadsloket.audit_office.models import CycleKind


@dataclass(frozen=True)
class StandardDate:
    kind: CycleKind
    # Years after the begrotingsjaar (0: in it, 1: the next year), month and day.
    years_after: int
    month: int
    day: int
    title: str
    note: str
    legal: bool = False


STANDARD_DATES = (
    StandardDate(
        CycleKind.PROTOCOL,
        0,
        10,
        1,
        "Raad stelt het controleprotocol vast",
        "Het controleprotocol zegt de accountant waarop en hoe nauwkeurig hij controleert.",
    ),
    StandardDate(
        CycleKind.INTERIM,
        0,
        11,
        15,
        "Interim-controle van de accountant",
        "De accountant controleert de processen; zijn bevindingen (boardletter) gaan naar de "
        "auditcommissie.",
    ),
    StandardDate(
        CycleKind.TO_COUNCIL,
        1,
        5,
        15,
        "College biedt de jaarrekening aan de raad aan",
        "Met het jaarverslag; daarna bespreekt de auditcommissie ze met de accountant.",
    ),
    StandardDate(
        CycleKind.AUDIT_REPORT,
        1,
        6,
        1,
        "Accountantsverslag en controleverklaring naar de raad",
        "Nodig de accountant uit om zijn belangrijkste bevindingen met de raad te delen.",
    ),
    StandardDate(
        CycleKind.ADOPTION,
        1,
        7,
        15,
        "Uiterste datum: de raad stelt de jaarrekening vast",
        "Gemeentewet art. 198 lid 1 en art. 200: de raad stelt de jaarrekening vast in het jaar "
        "na het begrotingsjaar; het college zendt haar binnen twee weken na vaststelling, en "
        "uiterlijk 15 juli, aan gedeputeerde staten.",
        legal=True,
    ),
)


def standard_date(row: StandardDate, budget_year: int) -> date:
    return date(budget_year + row.years_after, row.month, row.day)


def adoption_deadline(budget_year: int) -> date:
    """The last day on which the council adopts the jaarrekening of `budget_year` (art. 200)."""
    legal = next(row for row in STANDARD_DATES if row.legal)
    return standard_date(legal, budget_year)
