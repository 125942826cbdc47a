# SPDX-License-Identifier: EUPL-1.2
"""A report's figures as tables of cells: what the page, the charts and the files all show.

A cell keeps its true value for the computation and says how it is shown. A hidden cell's value
never leaves this module's users except through `shown`: the page, the CSV, the XLSX, the PDF
and the charts read `shown` and `number`, and `number` is None for a hidden cell.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

Number = int | Decimal | float


class Hidden(StrEnum):
    # Primary: the cell counts fewer than the threshold (zero included, so "<3" does not reveal
    # that a trajectory exists).
    SMALL = "small"
    # Complementary: hidden so that a small cell cannot be found by subtracting from a total.
    COMPLEMENT = "complement"
    # Hidden without telling even a bound ("afgeschermd"): a subtotal over fracties, where "≥3"
    # over two fracties that are each "<3" would prove both had a trajectory; an average.
    WITHHELD = "withheld"


@dataclass
class Cell:
    value: Number | None
    # "" (a count), "uur", "dagen", "%", "cijfer" (a score 1–5) or "ratio" (per seat).
    unit: str = ""
    hidden: Hidden | None = None
    threshold: int = 3

    @property
    def number(self) -> Number | None:
        """The value as it may be shown, or None when hidden or unknown."""
        return None if self.hidden else self.value

    @property
    def shown(self) -> str:
        if self.hidden is Hidden.SMALL:
            return f"<{self.threshold}"
        if self.hidden is Hidden.COMPLEMENT and not self.unit:
            return f"≥{self.threshold}"
        if self.hidden:
            return "afgeschermd"
        if self.value is None:
            return "–"
        return format_number(self.value, self.unit)


def format_number(value: Number, unit: str = "") -> str:
    """Dutch notation: counts as whole numbers, percentages rounded, the rest to one decimal."""
    if unit == "%":
        return f"{Decimal(str(value)).quantize(Decimal('1'), rounding=ROUND_HALF_UP)}%"
    if isinstance(value, int) and not unit:
        return str(value)
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}".replace(".", ",")
    if unit == "dagen" and text.endswith(",0"):
        text = text[:-2]
    return text


@dataclass
class Row:
    label: str
    cells: list[Cell]
    # A row that sums the rows above it (shown in bold, never charted).
    is_total: bool = False


@dataclass
class Table:
    key: str  # stable identifier: file names, anchors, CSV
    title: str
    columns: list[str]
    rows: list[Row]
    # How the figure was counted, in Dutch: shown under the table and in the files.
    note: str = ""
    # The column drawn in the chart (index into `columns`); None: no chart.
    chart_column: int | None = 0
    # Second column drawn beside the first (e.g. the previous period), or None.
    compare_column: int | None = None

    @property
    def data_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.is_total]

    @property
    def has_hidden(self) -> bool:
        return any(cell.hidden for row in self.rows for cell in row.cells)

    def cell(self, row_label: str, column: str) -> Cell:
        index = self.columns.index(column)
        for row in self.rows:
            if row.label == row_label:
                return row.cells[index]
        raise KeyError(row_label)


@dataclass
class Section:
    title: str
    tables: list[Table] = field(default_factory=list)
    intro: str = ""
