# SPDX-License-Identifier: EUPL-1.2
"""Import of an existing register (what a griffie keeps in Excel today) from CSV or XLSX.

All or nothing: every row is checked first and every bad row is reported in Dutch (row number,
column, what is wrong); only when all rows are good are they stored, in one transaction with
one audit event. A dry run checks and stores nothing. The command `raadsloket register-import`
and the griffie's upload page both call `run_import`.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from raadsloket.access.registers import records_registers
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.lib.errors import Forbidden, InvalidInput
from raadsloket.organisation.models import Fractie, Person
from raadsloket.registers import services
from raadsloket.registers.models import Amendment, Commitment, Motion, Outcome, Vote

# More rows than a register of a council term holds; a larger file is a mistake.
MAX_ROWS = 20_000
KINDS = {"motie": Motion, "amendement": Amendment, "toezegging": Commitment}

# Per kind: the columns, required ones first; the header row names them (case does not matter).
COLUMNS = {
    "motie": (
        "nummer",
        "titel",
        "vergaderdatum",
        "uitkomst",
        "indieners",
        "tekst",
        "agendapunt",
        "mede-indieners",
        "stemmen",
        "portefeuillehouder",
        "uiterlijk",
        "uitvoering",
        "kenmerk collegebrief",
        "afgedaan op",
    ),
    "amendement": (
        "nummer",
        "titel",
        "vergaderdatum",
        "uitkomst",
        "indieners",
        "wijzigt",
        "tekst",
        "agendapunt",
        "mede-indieners",
        "stemmen",
    ),
    "toezegging": (
        "titel",
        "portefeuillehouder",
        "vergadering",
        "vergaderdatum",
        "toegezegd aan",
        "toezegging",
        "uiterlijk",
        "nummer",
        "status",
        "besluit",
        "afgedaan op",
    ),
}
REQUIRED = {
    "motie": {"nummer", "titel", "vergaderdatum", "uitkomst", "indieners"},
    "amendement": {"nummer", "titel", "vergaderdatum", "uitkomst", "indieners", "wijzigt"},
    "toezegging": {
        "titel",
        "portefeuillehouder",
        "vergadering",
        "vergaderdatum",
        "toegezegd aan",
        "toezegging",
        "uiterlijk",
    },
}
# The domain's field names as the file's columns (services.check_* name fields).
FIELD_COLUMNS = {
    "number": "nummer",
    "title": "titel",
    "outcome": "uitkomst",
    "submitters": "indieners",
    "votes": "stemmen",
    "amends": "wijzigt",
    "portfolio_holder": "portefeuillehouder",
    "due_date": "uiterlijk",
    "meeting_name": "vergadering",
    "made_to": "toegezegd aan",
    "text": "toezegging",
}
OUTCOMES = {label: value for value, label in Outcome.choices} | {v: v for v in Outcome.values}
EXECUTIONS = {"in uitvoering": Motion.Execution.IN_PROGRESS, "afgedaan": Motion.Execution.DONE}
COMMITMENT_STATUSES = {"open": Commitment.Status.OPEN, "afgedaan": Commitment.Status.DONE}
CHOICES = {label: value for value, label in Vote.Choice.choices}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"rij {self.row}" if self.row else "bestand"
        column = f", kolom '{self.column}'" if self.column else ""
        return f"{where[0].upper()}{where[1:]}{column}: {self.message}"


@dataclass
class ImportReport:
    kind: str
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    stored: int = 0
    dry_run: bool = True

    @property
    def ok(self) -> bool:
        return not self.errors


# --- reading the file -----------------------------------------------------------------------------


def read_table(name: str, content: bytes) -> list[list[Any]]:
    """The rows of a CSV (UTF-8, comma or semicolon) or XLSX file, header first."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:
            raise InvalidInput(f"'{name}' is geen leesbaar Excel-bestand.", field="file") from None
        sheet = book.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        book.close()
        return rows
    if not name.lower().endswith(".csv"):
        raise InvalidInput("Kies een CSV- of XLSX-bestand.", field="file")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            f"'{name}' is geen UTF-8-tekst; sla het op als 'CSV UTF-8'.", field="file"
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


# --- reading one cell -----------------------------------------------------------------------------


class CellError(Exception):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = _text(value)
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError(f"'{raw[:40]}' is geen datum; gebruik dd-mm-jjjj, bijvoorbeeld 14-03-2026.")


class People:
    """The municipality's people by username and by full name (lower case)."""

    def __init__(self, municipality_id: int):
        self.by_key: dict[str, Person] = {}
        for person in Person.objects.filter(municipality_id=municipality_id, is_active=True):
            self.by_key[person.username.lower()] = person
            self.by_key.setdefault(person.display_name.lower(), person)
        self.fracties = {
            fractie.name.lower(): fractie
            for fractie in Fractie.objects.filter(municipality_id=municipality_id)
        }

    def one(self, value) -> Person:
        raw = _text(value)
        found = self.by_key.get(raw.lower())
        if found is None:
            raise CellError(f"'{raw[:60]}' is geen bekende persoon van deze gemeente.")
        return found

    def many(self, value) -> tuple[Person, ...]:
        return tuple(self.one(part) for part in _text(value).split(";") if part.strip())

    def votes(self, value) -> tuple[tuple[Fractie, str], ...]:
        """'VVD: voor; CDA: tegen'."""
        found = []
        for part in _text(value).split(";"):
            if not part.strip():
                continue
            name, _, choice = part.rpartition(":")
            fractie = self.fracties.get(name.strip().lower())
            if fractie is None:
                raise CellError(f"'{name.strip()[:60]}' is geen fractie van deze gemeente.")
            if choice.strip().lower() not in CHOICES:
                raise CellError(f"stem van {fractie}: schrijf 'voor' of 'tegen'.")
            found.append((fractie, CHOICES[choice.strip().lower()]))
        return tuple(found)


# --- checking the rows ----------------------------------------------------------------------------


@dataclass
class Row:
    number: int
    cells: dict[str, Any]
    errors: list[RowError]

    def get(self, column: str, read: Callable[[Any], Any] = _text, default=None):
        value = self.cells.get(column)
        if _text(value) == "":
            if column in self.required:
                self.errors.append(RowError(self.number, column, "is leeg; vul deze kolom in."))
            return default
        try:
            return read(value)
        except CellError as error:
            self.errors.append(RowError(self.number, column, str(error)))
            return default

    required: frozenset[str] = frozenset()


def _choice(options: dict[str, str], what: str, labels: list[str]) -> Callable[[Any], str]:
    def read(value) -> str:
        raw = _text(value).lower()
        if raw not in options:
            raise CellError(f"'{raw[:40]}' is geen {what}; kies uit: {', '.join(labels)}.")
        return options[raw]

    return read


def _domain_errors(row: Row, errors: dict[str, list[str]], default_column: str = "") -> None:
    for name, messages in errors.items():
        for message in messages:
            row.errors.append(
                RowError(row.number, FIELD_COLUMNS.get(name, default_column), message)
            )


def _proposal(kind: str, row: Row, people: People, municipality_id: int, known):
    model = KINDS[kind]
    data = services.ProposalInput(
        number=row.get("nummer", default=""),
        title=row.get("titel", default=""),
        meeting_date=row.get("vergaderdatum", _date),
        outcome=row.get("uitkomst", _choice(OUTCOMES, "uitkomst", Outcome.labels), default=""),
        text=row.get("tekst", default=""),
        agenda_item=row.get("agendapunt", default=""),
        submitters=row.get("indieners", people.many, default=()),
        co_signers=row.get("mede-indieners", people.many, default=()),
        votes=row.get("stemmen", people.votes, default=()),
        portfolio_holder=row.get("portefeuillehouder", people.one),
        due_date=row.get("uiterlijk", _date),
        amends=row.get("wijzigt", default=""),
    )
    extra = {}
    if kind == "motie":
        execution = row.get(
            "uitvoering", _choice(EXECUTIONS, "uitvoering", list(EXECUTIONS)), default=""
        )
        reference = row.get("kenmerk collegebrief", default="")
        done_on = row.get("afgedaan op", _date)
        if execution == Motion.Execution.DONE:
            if data.outcome != Outcome.ADOPTED:
                row.errors.append(
                    RowError(row.number, "uitvoering", "alleen een aangenomen motie is afgedaan.")
                )
            if not reference:
                row.errors.append(
                    RowError(
                        row.number,
                        "kenmerk collegebrief",
                        "een afgedane motie noemt het kenmerk van de collegebrief.",
                    )
                )
        extra = {"execution": execution, "reference": reference, "done_on": done_on}
    if row.errors:
        return None
    _domain_errors(row, services.check_proposal(model, municipality_id, data, known))
    return (data, extra)


def _commitment(row: Row, people: People, municipality_id: int, known):
    status = row.get(
        "status",
        _choice(COMMITMENT_STATUSES, "status", list(COMMITMENT_STATUSES)),
        default=Commitment.Status.OPEN,
    )
    decision = row.get("besluit", default="")
    done_on = row.get("afgedaan op", _date)
    data = services.CommitmentInput(
        number=row.get("nummer", default=""),
        title=row.get("titel", default=""),
        portfolio_holder=row.get("portefeuillehouder", people.one),
        meeting_name=row.get("vergadering", default=""),
        meeting_date=row.get("vergaderdatum", _date),
        made_to=row.get("toegezegd aan", default=""),
        text=row.get("toezegging", default=""),
        due_date=row.get("uiterlijk", _date),
    )
    if status == Commitment.Status.DONE and not decision:
        row.errors.append(
            RowError(
                row.number,
                "besluit",
                "een afgedane toezegging noemt het besluit van raad of commissie.",
            )
        )
    if row.errors:
        return None
    _domain_errors(row, services.check_commitment(municipality_id, data, known))
    return (data, {"status": status, "decision": decision, "done_on": done_on})


def check_rows(kind: str, table: list[list[Any]], municipality_id: int, report: ImportReport):
    """Every row checked; the good ones returned in order (stored only if there are no errors)."""
    if not table:
        report.errors.append(RowError(0, "", "het bestand is leeg."))
        return []
    header = [_text(cell).lower() for cell in table[0]]
    missing = [
        column for column in COLUMNS[kind] if column in REQUIRED[kind] and column not in header
    ]
    if missing:
        report.errors.append(
            RowError(1, "", f"de kopregel mist de kolom(men): {', '.join(missing)}.")
        )
        return []
    unknown = [column for column in header if column and column not in COLUMNS[kind]]
    if unknown:
        report.errors.append(
            RowError(
                1,
                "",
                f"onbekende kolom(men): {', '.join(unknown)}; toegestaan: {', '.join(COLUMNS[kind])}.",
            )
        )
        return []
    people = People(municipality_id)
    known = services.known_for(KINDS[kind], municipality_id)
    good = []
    numbers: dict[str, int] = {}
    body = table[1:]
    if len(body) > MAX_ROWS:
        report.errors.append(RowError(0, "", f"meer dan {MAX_ROWS} rijen; splits het bestand."))
        return []
    for offset, cells in enumerate(body, start=2):
        if all(_text(cell) == "" for cell in cells):
            continue
        report.rows += 1
        row = Row(offset, dict(zip(header, cells, strict=False)), [])
        row.required = frozenset(REQUIRED[kind])
        parsed = (
            _commitment(row, people, municipality_id, known)
            if kind == "toezegging"
            else _proposal(kind, row, people, municipality_id, known)
        )
        number = _text(row.cells.get("nummer"))
        if number:
            if number in numbers:
                row.errors.append(
                    RowError(
                        offset, "nummer", f"nummer {number} staat ook in rij {numbers[number]}."
                    )
                )
            numbers.setdefault(number, offset)
        report.errors.extend(row.errors)
        if parsed is not None and not row.errors:
            good.append(parsed)
    return good


def _done_at(day: date | None) -> datetime:
    if day is None:
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=12)))


def _store(kind: str, good: list, viewer: Viewer) -> list[str]:
    if kind == "toezegging":
        numbers = []
        for data, extra in good:
            item = services.build_commitment(viewer.tenant, data, viewer)
            if extra["status"] == Commitment.Status.DONE:
                at = _done_at(extra["done_on"])
                item.status = Commitment.Status.DONE
                item.decision_reference = extra["decision"]
                item.proposed_at = at
                item.decided_at = at
                item.save()
            numbers.append(item.number)
        return numbers
    model = KINDS[kind]
    pairs = []
    for data, extra in good:
        item = services.new_proposal(model, viewer.tenant, data, viewer)
        if extra.get("execution") == Motion.Execution.DONE:
            item.execution = Motion.Execution.DONE
            item.letter_reference = extra["reference"]
            item.done_at = _done_at(extra["done_on"])
        pairs.append((item, data))
    services.store_proposals(model, pairs)
    return [item.number for item, _ in pairs]


def run_import(
    viewer: Viewer, kind: str, name: str, content: bytes, *, dry_run: bool, actor=None
) -> ImportReport:
    """Check the file; store every row in one transaction only if all are good and not dry_run."""
    if not records_registers(viewer):
        raise Forbidden("Alleen de griffie importeert een register.")
    if kind not in KINDS:
        raise InvalidInput(f"Onbekende soort '{kind}'; kies uit: {', '.join(KINDS)}.", field="kind")
    report = ImportReport(kind=kind, dry_run=dry_run)
    table = read_table(name, content)
    good = check_rows(kind, table, viewer.tenant, report)
    if report.errors or dry_run:
        return report
    with transaction.atomic():
        numbers = _store(kind, good, viewer)
        record(
            "register_import",
            actor=actor,
            municipality_id=viewer.tenant,
            detail={"kind": KINDS[kind].KIND, "file": name[:200], "rows": len(numbers)},
        )
    report.stored = len(numbers)
    return report
