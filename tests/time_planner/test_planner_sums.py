# SPDX-License-Identifier: EUPL-1.2
"""The planner's sums (toolkit, "Format voor tijdsbesteding": "Tel de uren bij elkaar op en zet
deze neer onder het kopje 'Totaal'"): per row, per day, per week, and the difference."""

from decimal import Decimal as D

import pytest

from raadsloket.lib.errors import InvalidInput
from raadsloket.time_planner.comparison import comparison_chart, comparison_table
from raadsloket.time_planner.planner import (
    ACTIVITIES,
    QUESTIONS,
    check_grid,
    column_totals,
    differences,
    empty_grid,
    monday_of,
    row_totals,
    week_total,
)


def grid(**rows):
    result = empty_grid()
    for code, values in rows.items():
        result[code] = [D(v) for v in values]
    return result


IDEAL = grid(
    reading=["2", "2", "1.5", "0", "0", "0", "0"], meetings=["0", "3", "0", "3", "0", "0", "0"]
)
REAL = grid(
    reading=["3", "2.25", "1", "0", "0", "1", "0"], social_media=["1", "1", "1", "1", "1", "0", "0"]
)


def test_the_twelve_activities_and_the_questions_are_the_toolkits():
    assert list(ACTIVITIES.values()) == [
        "Lezen van stukken",
        "Vergaderen",
        "Schrijven van moties/amendementen/bijdragen",
        "Campagne voeren",
        "Werkbezoeken",
        "In gesprek met inwoners",
        "Reflecteren",
        "Scholing",
        "Social media",
        "Media",
        "Partijgerelateerd",
        "Overig",
    ]
    assert "Wat valt je op als je naar deze tijdsverdeling kijkt?" in QUESTIONS.values()


def test_rows_days_and_the_week_add_up():
    assert row_totals(REAL)["reading"] == D("7.25")
    assert row_totals(REAL)["social_media"] == D("5")
    assert column_totals(REAL) == [D("4"), D("3.25"), D("2"), D("1"), D("1"), D("1"), D("0")]
    assert week_total(REAL) == D("12.25") == sum(column_totals(REAL))


def test_the_difference_is_real_minus_ideal_per_activity_and_for_the_week():
    by_code = {d.code: d.difference for d in differences(IDEAL, REAL)}
    assert by_code["reading"] == D("1.75")
    assert by_code["meetings"] == D("-6")
    assert by_code["social_media"] == D("5")
    table = comparison_table(IDEAL, REAL)
    assert table.rows[-1].label == "Totaal"
    assert [cell.shown for cell in table.rows[-1].cells] == ["11,5", "12,3", "0,8"]
    assert table.cell("Vergaderen", "Verschil").shown == "-6,0"


def test_the_chart_is_an_svg_with_a_dutch_text_alternative():
    url, alt = comparison_chart(comparison_table(IDEAL, REAL))
    assert url.startswith("data:image/svg+xml;base64,")
    assert "Vergaderen" in alt


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reading": ["25", "0", "0", "0", "0", "0", "0"]}, "0 tot en met 24 uur"),
        ({"reading": ["-1", "0", "0", "0", "0", "0", "0"]}, "0 tot en met 24 uur"),
        (
            {
                "reading": ["20", "0", "0", "0", "0", "0", "0"],
                "media": ["5", "0", "0", "0", "0", "0", "0"],
            },
            "Op maandag staat 25 uur",
        ),
    ],
)
def test_an_impossible_week_is_refused_in_dutch(change, message):
    with pytest.raises(InvalidInput) as refused:
        check_grid(grid(**change))
    assert message in " ".join(m for msgs in refused.value.errors.values() for m in msgs)


def test_an_iso_week_has_a_monday_and_a_week_that_is_none_is_refused():
    assert monday_of(2026, 1).isoformat() == "2025-12-29"
    assert monday_of(2026, 53).isoformat() == "2026-12-28"
    with pytest.raises(InvalidInput, match="Week 54 van 2026 bestaat niet"):
        monday_of(2026, 54)
