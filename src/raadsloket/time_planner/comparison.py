# SPDX-License-Identifier: EUPL-1.2
"""The difference between the ideal and a real week as a table and its chart (matplotlib SVG,
the table beside it: reflection's chart helpers)."""

import base64

from raadsloket.reflection.charts import chart_description, chart_svg
from raadsloket.reflection.tables import Cell, Row, Table
from raadsloket.time_planner.planner import Grid, differences, week_total


def comparison_table(ideal: Grid, real: Grid) -> Table:
    rows = [
        Row(d.label, [Cell(d.ideal, "uur"), Cell(d.real, "uur"), Cell(d.difference, "uur")])
        for d in differences(ideal, real)
    ]
    ideal_total, real_total = week_total(ideal), week_total(real)
    rows.append(
        Row(
            "Totaal",
            [
                Cell(ideal_total, "uur"),
                Cell(real_total, "uur"),
                Cell(real_total - ideal_total, "uur"),
            ],
            is_total=True,
        )
    )
    return Table(
        key="tijdsbesteding-verschil",
        title="Verschil tussen werkelijke en ideale week, uren per activiteit",
        columns=["Ideale situatie", "Werkelijk", "Verschil"],
        rows=rows,
        note="Verschil = werkelijk min ideaal: positief is meer tijd dan u wilde besteden.",
        chart_column=2,
    )


def comparison_chart(table: Table) -> tuple[str, str] | None:
    """The chart as a data: URL for an <img>, with its text alternative."""
    svg = chart_svg(table)
    if svg is None:
        return None
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}", chart_description(table)
