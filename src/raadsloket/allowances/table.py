# SPDX-License-Identifier: EUPL-1.2
"""The vergoeding per inwonersklasse as data (toolkit, "Vergoeding en politiek verlof": "De
vergoeding is afhankelijk van de grootte van de gemeente"), and what the toolkit says about the
onkostenvergoeding, the extra toelagen and politiek verlof.

The shipped table (`data/vergoedingen.toml`) is read once and checked: the classes start at 0
inhabitants, follow each other without gap or overlap, the last has no upper bound, every amount
is positive with at most two decimals. A table the griffie records for a later year
(`allowances.models.AllowanceAmount`) goes before it (`allowances.services.table_for`).
"""

import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from raadsloket.lib.errors import InvalidInput

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class PopulationClass:
    """One inwonersklasse: its label ("1-4", "5", …), the inhabitants it covers, the amount."""

    label: str
    min_inhabitants: int
    max_inhabitants: int | None
    amount: Decimal

    @property
    def inhabitants_text(self) -> str:
        low, high = f"{self.min_inhabitants:,}".replace(",", "."), self.max_inhabitants
        if high is None:
            return f"{low} of meer"
        high_text = f"{high:,}".replace(",", ".")
        return f"tot en met {high_text}" if self.min_inhabitants == 0 else f"{low} – {high_text}"

    def covers(self, inhabitants: int) -> bool:
        return self.min_inhabitants <= inhabitants and (
            self.max_inhabitants is None or inhabitants <= self.max_inhabitants
        )


@dataclass(frozen=True)
class AllowanceTable:
    year: int
    source: str
    source_url: str
    classes: tuple[PopulationClass, ...]
    shipped: bool = True

    def class_for(self, inhabitants: int) -> PopulationClass:
        """The inwonersklasse of a municipality with this many inhabitants."""
        for population_class in self.classes:
            if population_class.covers(inhabitants):
                return population_class
        raise InvalidInput(f"Geen inwonersklasse voor {inhabitants} inwoners.")

    def with_amounts(self, year: int, source: str, amounts: dict[str, Decimal]) -> "AllowanceTable":
        """The same classes with the amounts of another year (the griffie's indexed table)."""
        classes = tuple(
            PopulationClass(c.label, c.min_inhabitants, c.max_inhabitants, amounts[c.label])
            for c in self.classes
        )
        return AllowanceTable(year, source, "", classes, shipped=False)


def _amount(raw, where: str) -> Decimal:
    try:
        amount = Decimal(str(raw))
    except InvalidOperation:
        raise InvalidInput(f"{where}: '{raw}' is geen bedrag.") from None
    if amount <= 0 or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise InvalidInput(f"{where}: het bedrag moet positief zijn, met hoogstens twee decimalen.")
    return amount


def check_classes(rows: list[dict]) -> tuple[PopulationClass, ...]:
    """The classes of a table, checked; a Dutch InvalidInput naming the first fault."""
    if not rows:
        raise InvalidInput("De tabel heeft geen inwonersklassen.")
    classes, expected_min, labels = [], 0, set()
    for index, row in enumerate(rows, start=1):
        where = f"inwonersklasse {row.get('label', index)}"
        label = str(row.get("label", "")).strip()
        if not label or label in labels:
            raise InvalidInput(f"{where}: elke klasse heeft een eigen naam.")
        labels.add(label)
        low, high = row.get("min_inhabitants"), row.get("max_inhabitants")
        if low != expected_min:
            raise InvalidInput(f"{where}: begint bij {low} inwoners, verwacht {expected_min}.")
        last = index == len(rows)
        if (high is None) != last or (high is not None and high < low):
            raise InvalidInput(f"{where}: alleen de laatste klasse heeft geen bovengrens.")
        classes.append(PopulationClass(label, low, high, _amount(row.get("amount"), where)))
        expected_min = (high or 0) + 1
    return tuple(classes)


@cache
def shipped_table() -> AllowanceTable:
    data = tomllib.loads((DATA / "vergoedingen.toml").read_text(encoding="utf-8"))
    return AllowanceTable(
        year=int(data["year"]),
        source=data["source"],
        source_url=data["source_url"],
        classes=check_classes(data["classes"]),
    )


@cache
def legal_texts() -> dict:
    """The onkostenvergoeding (what it covers, what stays private), the extra toelagen, politiek
    verlof and the pensioenvergoeding, as the toolkit words them."""
    return tomllib.loads((DATA / "rechtspositie.toml").read_text(encoding="utf-8"))
