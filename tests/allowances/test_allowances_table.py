# SPDX-License-Identifier: EUPL-1.2
"""The vergoeding per inwonersklasse against the toolkit's table ("Vergoeding en politiek
verlof", "Maandelijkse vergoeding"), and a municipality's class at the boundaries."""

from decimal import Decimal

import pytest

from raadsloket.allowances.table import check_classes, legal_texts, shipped_table
from raadsloket.lib.errors import InvalidInput

# The seed's table, as printed: class, inhabitants, amount.
SEED = [
    ("1-4", "tot en met 40.000", "1018.29"),
    ("5", "40.001 – 60.000", "1324.40"),
    ("6", "60.001 – 100.000", "1549.75"),
    ("7", "100.001 – 150.000", "1759.46"),
    ("8", "150.001 – 375.000", "2049.73"),
    ("9", "375.001 of meer", "2495.45"),
]


def test_the_shipped_table_is_the_seeds_table_with_its_year_and_source():
    table = shipped_table()
    assert [(c.label, c.inhabitants_text, str(c.amount)) for c in table.classes] == SEED
    assert table.year == 2020
    assert "Toolkit ondersteuning en toerusting raadsleden" in table.source
    assert table.source_url.startswith("https://www.politiekeambtsdragers.nl/")


@pytest.mark.parametrize(
    ("inhabitants", "label"),
    [
        (0, "1-4"),
        (40_000, "1-4"),
        (40_001, "5"),
        (60_000, "5"),
        (60_001, "6"),
        (100_000, "6"),
        (100_001, "7"),
        (150_000, "7"),
        (150_001, "8"),
        (375_000, "8"),
        (375_001, "9"),
        (950_000, "9"),
    ],
)
def test_a_municipality_falls_in_its_class_at_each_boundary(inhabitants, label):
    assert shipped_table().class_for(inhabitants).label == label


def _rows(**change):
    rows = [
        {"label": "a", "min_inhabitants": 0, "max_inhabitants": 10, "amount": "1.00"},
        {"label": "b", "min_inhabitants": 11, "amount": "2.00"},
    ]
    rows[1].update(change)
    return rows


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"min_inhabitants": 12}, "begint bij 12 inwoners, verwacht 11"),
        ({"max_inhabitants": 20}, "alleen de laatste klasse heeft geen bovengrens"),
        ({"amount": "0"}, "positief"),
        ({"amount": "1.234"}, "twee decimalen"),
        ({"amount": "veel"}, "geen bedrag"),
        ({"label": "a"}, "eigen naam"),
    ],
)
def test_a_broken_table_is_refused_in_dutch(change, message):
    with pytest.raises(InvalidInput) as refused:
        check_classes(_rows(**change))
    assert message in refused.value.message


def test_the_onkosten_lists_are_the_seeds():
    expenses = legal_texts()["expenses"]
    assert expenses["covers"] == [
        "Representatie",
        "Vakliteratuur",
        "Excursies",
        "Bureaukosten",
        "Contributies en lidmaatschappen",
        "Zakelijke giften",
    ]
    assert len(expenses["private"]) == 7
    assert "Fooi in Nederland" in expenses["private"]
    assert legal_texts()["leave"]["legal_basis"] == "artikel 7:643 lid 1 van het Burgerlijk Wetboek"


def test_an_indexed_year_keeps_the_classes():
    table = shipped_table().with_amounts(
        2027, "Circulaire BZK", {c.label: Decimal("1500.00") for c in shipped_table().classes}
    )
    assert table.year == 2027
    assert table.class_for(60_000).amount == Decimal("1500.00")
