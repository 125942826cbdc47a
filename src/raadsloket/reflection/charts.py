# SPDX-License-Identifier: EUPL-1.2
"""A report table as a horizontal bar chart: an SVG made on the server, the same on the page and
in the PDF, always shown with the table it was drawn from (no JavaScript).

The chart reads only `Cell.number` and `Cell.shown`, so a hidden cell gets no bar: its "<3",
"≥3" or "afgeschermd" is written where the bar would start. Text stays text in the SVG (readable
by a screen reader, findable in the PDF), and the SVG carries a <title> and a <desc> with the
Dutch text alternative that the page also uses as alt text.
"""

import hashlib
import re
import textwrap
import threading
from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape, quoteattr

import matplotlib
from django.core.cache import cache
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from raadsloket.reflection.tables import Cell, Row, Table

# Rijkshuisstijl-like blues: the dark one has 6:1 contrast on white; the light compare bar gets a
# dark edge so its shape still stands out (WCAG 1.4.11), and the legend names both.
DARK = "#01689B"
LIGHT = "#B2D7EE"
TEXT = "#1A1A1A"
HIDDEN_TEXT = "#4D4D4D"
WIDTH_INCHES = 7.0
ROW_INCHES = 0.34
COMPARE_ROW_INCHES = 0.52
FRAME_INCHES = 1.1
LABEL_WIDTH = 38  # characters per line of a row label

RC = {
    # Text as <text> elements, not paths: selectable, searchable and read aloud.
    "svg.fonttype": "none",
    # Fixed ids (clip paths): the same table gives the same bytes, so charts can be compared.
    "svg.hashsalt": "raadsloket-reflectie",
    # A fractie called "D$66$" must not be typeset as a formula.
    "text.parse_math": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
    "font.size": 9,
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
}
# rc_context changes matplotlib's global settings for as long as it lasts; two requests drawing
# at once would otherwise restore each other's settings halfway through a drawing.
_DRAWING = threading.Lock()
# Characters XML 1.0 does not allow (a pasted name could hold one): the SVG must stay parseable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SVG_ROOT = re.compile(r"<svg\b[^>]*>")
CACHE_SECONDS = 60 * 60


def cached_chart_svg(table: Table) -> str | None:
    """`chart_svg`, kept in the cache: a chart depends only on its table's shown content, and
    drawing one takes about a tenth of a second (a report has fifteen)."""
    digest = hashlib.sha256(
        repr(
            (
                table.title,
                table.columns,
                table.chart_column,
                table.compare_column,
                # The numbers too: bars are drawn to them, not to the rounded text.
                [
                    (row.label, row.is_total, [(cell.shown, cell.number) for cell in row.cells])
                    for row in table.rows
                ],
            )
        ).encode("utf-8")
    ).hexdigest()
    key = f"reflection-chart:{digest}"
    svg = cache.get(key)
    if svg is None:
        svg = chart_svg(table) or ""
        cache.set(key, svg, CACHE_SECONDS)
    return svg or None


def chart_svg(table: Table) -> str | None:
    """The table's chart column (and compare column) as SVG text, or None when not charted."""
    rows = table.data_rows
    if table.chart_column is None or not rows:
        return None
    with _DRAWING, matplotlib.rc_context(RC):
        figure = _draw(table, rows)
        buffer = BytesIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return _with_text_alternative(buffer.getvalue().decode("utf-8"), table)


def chart_description(table: Table) -> str:
    """The chart in words (Dutch): its text alternative, one phrase per bar group."""
    columns = _charted_columns(table)
    parts = []
    for row in table.data_rows:
        values = ", ".join(
            f"{_spoken(row.cells[index])} ({table.columns[index]})" for index in columns
        )
        parts.append(f"{_clean(row.label)}: {values}")
    text = f"Staafdiagram: {_clean(table.title)}."
    if parts:
        text += " " + "; ".join(parts) + "."
    if any(row.cells[index].hidden for row in table.data_rows for index in columns):
        text += " Een afgeschermde waarde heeft geen staaf."
    return text


def _charted_columns(table: Table) -> list[int]:
    if table.chart_column is None:
        return []
    if table.compare_column is None:
        return [table.chart_column]
    return [table.chart_column, table.compare_column]


def _spoken(cell: Cell) -> str:
    return f"{cell.shown} uur" if cell.unit == "uur" and not cell.hidden else cell.shown


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _as_float(value) -> float | None:
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal) else value


def _draw(table: Table, rows: list[Row]) -> Figure:
    columns = _charted_columns(table)
    per_row = COMPARE_ROW_INCHES if len(columns) > 1 else ROW_INCHES
    figure = Figure(figsize=(WIDTH_INCHES, FRAME_INCHES + per_row * len(rows)))
    axes = figure.add_subplot()
    # One bar per column, side by side within the row's slot; the first column on top.
    height = 0.8 / len(columns)
    offsets = [(i - (len(columns) - 1) / 2) * height for i in range(len(columns))]
    styles = [
        {"color": DARK, "edgecolor": DARK},
        {"color": LIGHT, "edgecolor": DARK, "linewidth": 0.8},
    ]
    values = [_as_float(row.cells[index].number) for row in rows for index in columns]
    known = [value for value in values if value is not None]
    low, high = min(known + [0.0]), max(known + [0.0])
    span = (high - low) or 1.0
    for index, offset, style in zip(columns, offsets, styles, strict=False):
        positions = [slot + offset for slot in range(len(rows))]
        cells = [row.cells[index] for row in rows]
        numbers = [_as_float(cell.number) for cell in cells]
        axes.barh(
            positions,
            [number or 0 for number in numbers],
            height=height * 0.92,
            label=_clean(table.columns[index]),
            **style,
        )
        for position, cell, number in zip(positions, cells, numbers, strict=True):
            _value_label(axes, position, cell, number)
    axes.set_yticks(
        range(len(rows)), [textwrap.fill(_clean(row.label), LABEL_WIDTH) for row in rows]
    )
    axes.invert_yaxis()
    # Room beside the longest bars for their value labels; an axis of zeros still runs to 1.
    axes.set_xlim(low - 0.12 * span if low < 0 else 0, high + 0.15 * span if high > 0 else 1)
    axes.xaxis.set_major_formatter(FuncFormatter(_dutch_tick))
    if all(isinstance(row.cells[index].value, int) for row in rows for index in columns):
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="x", color="#D0D0D0", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if len(columns) > 1:
        axes.legend(loc="lower right", frameon=False, ncols=2, bbox_to_anchor=(1.0, 1.0))
    else:
        axes.set_xlabel(_clean(table.columns[columns[0]]))
    return figure


def _value_label(axes, position: float, cell: Cell, number: float | None) -> None:
    """The value as the table shows it, at the end of its bar; for a bar not drawn, at its base."""
    negative = number is not None and number < 0
    axes.annotate(
        cell.shown,
        xy=(number or 0, position),
        xytext=(-3 if negative else 3, 0),
        textcoords="offset points",
        ha="right" if negative else "left",
        va="center",
        fontsize=8,
        color=TEXT if number is not None else HIDDEN_TEXT,
        fontstyle="normal" if number is not None else "italic",
    )


def _dutch_tick(value: float, _position) -> str:
    text = f"{value:g}"
    return text.replace("-", "−").replace(".", ",")


def _with_text_alternative(svg: str, table: Table) -> str:
    """Add <title>, <desc>, role and aria-label to the root element (escaped here, by us)."""
    description = chart_description(table)
    match = _SVG_ROOT.search(svg)
    if match is None:  # pragma: no cover - matplotlib always writes one
        raise ValueError("matplotlib wrote no <svg> element")
    root = match.group(0)
    opened = root[:-1] + f' role="img" aria-label={quoteattr(description)}>'
    inserted = (
        f"{opened}\n <title>{escape(_clean(table.title))}</title>\n"
        f" <desc>{escape(description)}</desc>"
    )
    return svg[: match.start()] + inserted + svg[match.end() :]
