# SPDX-License-Identifier: EUPL-1.2
"""Reading the credentials decision (geloofsbrievenonderzoek, Gemeentewet art. 7) as a CSV.

The file lists the whole new council, one member a row, with a header row:

    naam,e-mail,fractie,rol,ingangsdatum
    Anna de Vries,anna@voorbeeld.nl,VVD,fractievoorzitter,14-04-2026

- naam: as the member is known (for a new account); e-mail: unique, the key by which a member
  who stays is recognised; fractie: the name (a new name is a new fractie); rol: raadslid,
  burgerraadslid (commissielid) or fractievoorzitter (a raadslid who chairs the fractie, one
  per fractie); ingangsdatum: dd-mm-jjjj, empty for the installation day.
- UTF-8 (Excel: "CSV UTF-8"), comma or semicolon. No password: new members get an invitation.

Every row is checked before anything changes; each bad row is reported in Dutch (row, column,
what is wrong). An Excel file is refused with the advice to save it as CSV.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from raadsloket.organisation.roles import Role

COLUMNS = ("naam", "e-mail", "fractie", "rol", "ingangsdatum")
REQUIRED = ("naam", "e-mail", "fractie", "rol")
ROLES = {
    "raadslid": (Role.COUNCIL_MEMBER,),
    "burgerraadslid": (Role.COMMITTEE_MEMBER,),
    "fractievoorzitter": (Role.COUNCIL_MEMBER, Role.FRACTIE_CHAIR),
}
# The roles the credentials decision decides; other roles a person holds stay as they are.
COUNCIL_ROLES = frozenset({Role.COUNCIL_MEMBER, Role.COMMITTEE_MEMBER, Role.FRACTIE_CHAIR})
# A seat in the council (Gemeentewet art. 8): a raadslid, not a burgerraadslid.
SEAT_ROLES = frozenset({Role.COUNCIL_MEMBER})
# Larger than any council (the largest has 45 seats) with its burgerraadsleden.
MAX_ROWS = 500
TEMPLATE = (
    "naam,e-mail,fractie,rol,ingangsdatum\r\n"
    "Anna de Vries,anna.devries@example.org,Voorbeeldpartij,fractievoorzitter,\r\n"
    "Bram Jansen,bram.jansen@example.org,Voorbeeldpartij,raadslid,\r\n"
    "Chris Bakker,chris.bakker@example.org,Voorbeeldpartij,burgerraadslid,\r\n"
)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Rij {self.row}" if self.row else "Bestand"
        column = f", kolom '{self.column}'" if self.column else ""
        return f"{where}{column}: {self.message}"


@dataclass(frozen=True)
class MemberRow:
    row: int
    name: str
    email: str
    fractie: str
    role: str  # a key of ROLES
    starts_on: date | None

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(ROLES[self.role])

    @property
    def has_seat(self) -> bool:
        return bool(self.roles & SEAT_ROLES)


@dataclass
class Parsed:
    rows: list[MemberRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


class FileRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _lines(name: str, content: bytes) -> list[list[str]]:
    if content.startswith(b"PK\x03\x04") or name.lower().endswith((".xlsx", ".xls")):
        raise FileRefused(
            f"'{name}' is een Excel-bestand. Sla het op als 'CSV UTF-8 (door komma's gescheiden)' "
            "en upload dat bestand."
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(f"'{name}' is geen UTF-8-tekst; sla het op als 'CSV UTF-8'.") from None
    if "\x00" in text:
        raise FileRefused(f"'{name}' is geen tekstbestand; kies een CSV-bestand.")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _date(raw: str) -> date:
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{raw[:40]}' is geen datum; gebruik dd-mm-jjjj, bijvoorbeeld 14-04-2026.")


def _header(table: list[list[str]], parsed: Parsed) -> list[str] | None:
    if not table or all(not "".join(row).strip() for row in table):
        parsed.errors.append(RowError(0, "", "het bestand is leeg; het mist de kopregel en rijen."))
        return None
    header = [cell.strip().lower() for cell in table[0]]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        parsed.errors.append(
            RowError(
                1,
                "",
                f"de kopregel mist de kolom(men) {', '.join(missing)}; "
                f"verwacht: {', '.join(COLUMNS)}.",
            )
        )
        return None
    unknown = [column for column in header if column and column not in COLUMNS]
    if unknown:
        parsed.errors.append(
            RowError(
                1,
                "",
                f"onbekende kolom(men) {', '.join(unknown)}; toegestaan: {', '.join(COLUMNS)}.",
            )
        )
        return None
    return header


def _row(number: int, cells: dict[str, str], errors: list[RowError]) -> MemberRow | None:
    found = len(errors)
    errors.extend(
        RowError(number, column, "is leeg; vul deze kolom in.")
        for column in REQUIRED
        if not cells.get(column)
    )
    email = cells.get("e-mail", "").lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(RowError(number, "e-mail", f"'{email[:80]}' is geen e-mailadres."))
    role = cells.get("rol", "").lower()
    if role and role not in ROLES:
        errors.append(
            RowError(number, "rol", f"'{role[:40]}' is geen rol; kies uit: {', '.join(ROLES)}.")
        )
    starts_on = None
    if cells.get("ingangsdatum"):
        try:
            starts_on = _date(cells["ingangsdatum"])
        except ValueError as error:
            errors.append(RowError(number, "ingangsdatum", str(error)))
    errors.extend(
        RowError(number, column, "is langer dan 120 tekens.")
        for column in ("naam", "fractie")
        if len(cells.get(column, "")) > 120
    )
    if len(errors) > found:
        return None
    return MemberRow(number, cells["naam"], email, cells["fractie"], role, starts_on)


def _across_rows(rows: list[MemberRow], errors: list[RowError]) -> None:
    """What one row cannot show: the same e-mail twice, two chairs of one fractie."""
    seen: dict[str, int] = {}
    chairs: dict[str, int] = {}
    for row in rows:
        if row.email in seen:
            errors.append(
                RowError(row.row, "e-mail", f"{row.email} staat ook in rij {seen[row.email]}.")
            )
        seen.setdefault(row.email, row.row)
        if row.role == "fractievoorzitter":
            key = row.fractie.lower()
            if key in chairs:
                errors.append(
                    RowError(
                        row.row,
                        "rol",
                        f"{row.fractie} heeft al een fractievoorzitter in rij {chairs[key]}.",
                    )
                )
            chairs.setdefault(key, row.row)


def parse(name: str, content: bytes) -> Parsed:
    """Every row checked; `errors` empty means every row is good."""
    parsed = Parsed()
    table = _lines(name, content)
    header = _header(table, parsed)
    if header is None:
        return parsed
    body = table[1:]
    if len(body) > MAX_ROWS:
        parsed.errors.append(
            RowError(0, "", f"meer dan {MAX_ROWS} rijen; is dit het goede bestand?")
        )
        return parsed
    for number, cells in enumerate(body, start=2):
        if not "".join(cells).strip():
            continue
        values = {
            column: (value or "").strip() for column, value in zip(header, cells, strict=False)
        }
        row = _row(number, values, parsed.errors)
        if row is not None:
            parsed.rows.append(row)
    if not parsed.rows and not parsed.errors:
        parsed.errors.append(RowError(0, "", "het bestand heeft een kopregel maar geen rijen."))
    _across_rows(parsed.rows, parsed.errors)
    parsed.errors.sort(key=lambda error: error.row)
    return parsed
