# SPDX-License-Identifier: EUPL-1.2
"""Small-cell suppression: "<3" cannot be undone by subtracting from totals.

The checks do not trust the implementation: an attacker's view is built from what a table shows
(shown cells exact, "<3" cells 0, 1 or 2, "≥3" cells 3 or more, every published sum exact, a
hidden subtotal still "<3" or "≥3") and every filling-in consistent with it is enumerated by
brute force here. Protected means: every "<3" cell is 0 in at least one of them, so no published
figure proves that a fractie had a trajectory.
"""

from datetime import date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raadsloket.demo.lifecycle import act, new_case
from raadsloket.organisation.models import CoalitionMembership, Fractie
from raadsloket.policy.schema import Reporting
from raadsloket.reflection import fairness
from raadsloket.reflection.data import CaseRow, ReportData
from raadsloket.reflection.figures import build_report
from raadsloket.reflection.periods import parse
from raadsloket.reflection.suppression import protect, protect_amounts
from raadsloket.reflection.tables import Hidden
from tests.support.examples import examples

SMALL, COMPLEMENT = Hidden.SMALL, Hidden.COMPLEMENT
T = 3  # the threshold of the VNG profile
AMS = ZoneInfo("Europe/Amsterdam")


# --- The attacker: brute force over every filling-in ----------------------------------------


def possible_values(domains, constraints):
    """Per cell, every value it takes in some assignment within `domains` ({key: (low, high)})
    that meets every constraint (members, low, high) — high None meaning unbounded — on sums.

    Plain enumeration; interval pruning only skips branches where a sum can no longer fit.
    """
    keys = sorted(domains, key=lambda key: domains[key][1] - domains[key][0])
    found = {key: set() for key in keys}
    # For each constraint, the bounds of what the cells after position i can still add.
    rest_low, rest_high = [], []
    for members, _, _ in constraints:
        lows, highs = [0] * (len(keys) + 1), [0] * (len(keys) + 1)
        for index in range(len(keys) - 1, -1, -1):
            key = keys[index]
            inside = key in members
            lows[index] = lows[index + 1] + (domains[key][0] if inside else 0)
            highs[index] = highs[index + 1] + (domains[key][1] if inside else 0)
        rest_low.append(lows)
        rest_high.append(highs)
    chosen = {}

    def fits(index) -> bool:
        for c, (members, low, high) in enumerate(constraints):
            partial = sum(value for key, value in chosen.items() if key in members)
            if high is not None and partial + rest_low[c][index] > high:
                return False
            if partial + rest_high[c][index] < low:
                return False
        return True

    def walk(index):
        if not fits(index):
            return
        if index == len(keys):
            for key, value in chosen.items():
                found[key].add(value)
            return
        key = keys[index]
        low, high = domains[key]
        for value in range(low, high + 1):
            chosen[key] = value
            walk(index + 1)
        del chosen[key]

    walk(0)
    return found


def attacker_view(values, hidden, known_sums, threshold=T, known_ranges=()):
    """Domains and constraints of what a reader of the protected table knows."""
    ceiling = sum(values.values())
    domains = {}
    for key, value in values.items():
        kind = hidden.get(key)
        if kind is None:
            domains[key] = (value, value)
        elif kind is SMALL:
            domains[key] = (0, threshold - 1)
        else:
            domains[key] = (threshold, max(ceiling, threshold))
    constraints = [(frozenset(values), ceiling, ceiling)]
    for group in known_sums:
        total = sum(values[key] for key in group)
        constraints.append((frozenset(group), total, total))
    constraints += [(frozenset(group), low, high) for group, low, high in known_ranges]
    return domains, constraints


def assert_protected(values, protection, known_sums=(), threshold=T, known_ranges=()):
    hidden = protection.hidden
    # The rule of the cells themselves.
    for key, value in values.items():
        if value < threshold:
            assert hidden.get(key) is SMALL, (key, value)
        else:
            assert hidden.get(key) is not SMALL, (key, value)
    possible = possible_values(*attacker_view(values, hidden, known_sums, threshold, known_ranges))
    # The truth is one of the fillings-in (the view is right about the table)...
    for key, value in values.items():
        assert value in possible[key]
    # ...and every "<3" cell can be 0: nothing published proves a trajectory.
    for key, kind in hidden.items():
        if kind is SMALL:
            assert 0 in possible[key], (key, values, hidden, known_sums)


# --- protect: examples by hand ---------------------------------------------------------------


def test_nothing_small_hides_nothing():
    assert protect({"a": 3, "b": 7, "c": 12}).hidden == {}


def test_one_small_cell_with_a_published_total_forces_a_complement():
    # 13 - 5 - 7 = 1 would give "a" away; hiding the smallest other cell, b, leaves a + b = 6
    # with b ≥ 3: a may be 0 (b = 6).
    values = {"a": 1, "b": 5, "c": 7}
    protection = protect(values)
    assert protection.hidden == {"a": SMALL, "b": COMPLEMENT}
    assert not protection.hide_totals
    assert_protected(values, protection)


def test_zero_is_small_too():
    # "<3" also for 0, so "<3" never tells that a fractie used the instrument. Working out
    # that a cell is 0 proves no trajectory, so no complement is needed.
    values = {"a": 0, "b": 4, "c": 4}
    assert protect(values).hidden == {"a": SMALL}


def test_two_small_cells_that_add_up_to_three_are_covered_by_a_complement():
    # a + b = 12 - 9 = 3 with both at most 2: each is at least 1. Hiding c breaks that.
    values = {"a": 1, "b": 2, "c": 9}
    protection = protect(values)
    assert protection.hidden == {"a": SMALL, "b": SMALL, "c": COMPLEMENT}
    assert_protected(values, protection)


def test_two_small_cells_that_add_up_to_two_need_no_complement():
    # a + b = 2: a = 0, b = 2 and a = 2, b = 0 both fit; neither is proven to be above 0.
    values = {"a": 1, "b": 1, "c": 9}
    protection = protect(values)
    assert protection.hidden == {"a": SMALL, "b": SMALL}
    assert_protected(values, protection)


def test_published_subtotals_are_taken_into_account():
    # Subtotals a + b and c + d are published elsewhere (say coalition and opposition).
    values = {"a": 1, "b": 6, "c": 1, "d": 6}
    sums = [frozenset("ab"), frozenset("cd")]
    assert protect(values).hidden == {"a": SMALL, "c": SMALL}
    protection = protect(values, sums)
    assert protection.hidden == {"a": SMALL, "b": COMPLEMENT, "c": SMALL, "d": COMPLEMENT}
    assert_protected(values, protection, sums)


def test_a_table_of_one_fractie_hides_its_total():
    protection = protect({"a": 2})
    assert protection.hidden == {"a": SMALL} and protection.hide_totals


def test_a_subtotal_shown_as_at_least_three_bounds_its_cells():
    # Without the range, hiding c suffices. With "a + b ≥ 3" published elsewhere, a and b (each
    # at most 2) are both proven to be at least 1, whatever is hidden here.
    values = {"a": 2, "b": 1, "c": 8}
    assert not protect(values).hide_totals
    protection = protect(values, known_ranges=[(frozenset("ab"), 3, None)])
    assert protection.hide_totals
    # And a range that allows a zero needs nothing more than without it.
    loose = protect(values, known_ranges=[(frozenset("ab"), 0, 2 + 1)])
    assert loose.hidden == protect(values).hidden


def test_the_attacker_catches_an_unprotected_table():
    # The check itself: publishing c with the total gives a + b = 3 away.
    values = {"a": 1, "b": 2, "c": 9}
    naive = type(protect(values))({"a": SMALL, "b": SMALL})
    with pytest.raises(AssertionError):
        assert_protected(values, naive)


# --- protect: properties ---------------------------------------------------------------------


@st.composite
def tables(draw):
    size = draw(st.integers(min_value=2, max_value=7))
    keys = "abcdefg"[:size]
    values = {key: draw(st.integers(min_value=0, max_value=8)) for key in keys}
    sums = []
    # Up to two partitions into subtotals (coalition/opposition, small/large), overlapping.
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        blocks = {key: draw(st.integers(min_value=0, max_value=2)) for key in keys}
        for block in set(blocks.values()):
            members = frozenset(key for key in keys if blocks[key] == block)
            if len(members) > 1:
                sums.append(members)
    return values, sums


@settings(max_examples=examples(200), deadline=None)
@given(tables())
def test_protect_never_lets_a_small_cell_be_worked_out(table):
    values, sums = table
    protection = protect(values, sums)
    if protection.hide_totals:
        # Only when even hiding every cell cannot help: then with the published subtotals some
        # small cell is proven above 0 however the table is shown.
        assert set(protection.hidden) == set(values)
        everything = {key: SMALL if value < T else COMPLEMENT for key, value in values.items()}
        possible = possible_values(*attacker_view(values, everything, sums))
        assert any(0 not in possible[key] for key, value in values.items() if value < T)
        return
    assert_protected(values, protection, sums)
    # Complements are cells of at least the threshold: "≥3" is true.
    assert all(values[key] >= T for key, kind in protection.hidden.items() if kind is COMPLEMENT)


@settings(max_examples=examples(150), deadline=None)
@given(tables(), st.data())
def test_protect_honours_bounded_subtotals(table, data):
    values, sums = table
    # Subtotals published elsewhere as "<3" or "≥3" (true statements about the real values).
    ranges = []
    for group in sums:
        total = sum(values[key] for key in group)
        ranges.append((group, 0, T - 1) if total < T else (group, T, None))
    exact = [group for group in sums if data.draw(st.booleans())]
    bounded = [item for item in ranges if item[0] not in exact]
    protection = protect(values, exact, known_ranges=bounded)
    if protection.hide_totals:
        return
    assert_protected(values, protection, exact, known_ranges=bounded)


# --- protect_amounts: hours beside hidden counts ---------------------------------------------


def derivable(keys, hidden_keys, groups, key) -> bool:
    """Whether the amount of `key` follows from the published sums (exact rational algebra):
    its unit vector lies in the row space of the groups' sums over the hidden cells."""
    variables = [k for k in keys if k in hidden_keys]
    rows = [[Fraction(1 if k in group else 0) for k in variables] for group in groups]
    rows = [row for row in rows if any(row)]

    def rank(matrix):
        matrix = [list(row) for row in matrix]
        rank, column = 0, 0
        width = len(variables)
        while rank < len(matrix) and column < width:
            pivot = next((r for r in range(rank, len(matrix)) if matrix[r][column]), None)
            if pivot is None:
                column += 1
                continue
            matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
            for r in range(len(matrix)):
                if r != rank and matrix[r][column]:
                    factor = matrix[r][column] / matrix[rank][column]
                    matrix[r] = [
                        a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)
                    ]
            rank += 1
            column += 1
        return rank

    unit = [Fraction(1 if k == key else 0) for k in variables]
    return rank(rows + [unit]) == rank(rows)


def another_filling(values, hidden_keys, groups, key):
    """A second nonnegative filling-in of the hidden amounts with every published sum equal
    and a different amount for `key`, or None."""
    variables = [k for k in values if k in hidden_keys]
    if len(variables) < 2:
        return None
    # Move amount from `key` to another hidden cell that shares all of key's groups.
    for other in variables:
        if other == key:
            continue
        if all((key in group) == (other in group) for group in groups):
            shift = Fraction(values[key]) / 2 if values[key] else Fraction(1, 2)
            sign = 1 if values[key] == 0 else -1
            if sign == 1 and values[other] < shift:
                continue
            filling = {k: Fraction(v) for k, v in values.items()}
            filling[key] += sign * shift
            filling[other] -= sign * shift
            return filling
    return None


@st.composite
def amount_tables(draw):
    size = draw(st.integers(min_value=2, max_value=7))
    keys = "abcdefg"[:size]
    values = {key: Fraction(draw(st.integers(min_value=1, max_value=200)), 10) for key in keys}
    hidden = {key: SMALL for key in keys if draw(st.booleans())} or {keys[0]: SMALL}
    sums = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        blocks = {key: draw(st.integers(min_value=0, max_value=2)) for key in keys}
        for block in set(blocks.values()):
            members = frozenset(key for key in keys if blocks[key] == block)
            if len(members) > 1:
                sums.append(members)
    return values, hidden, sums


@settings(max_examples=examples(200), deadline=None)
@given(amount_tables())
def test_protect_amounts_never_leaves_a_protected_amount_derivable(table):
    values, hidden, sums = table
    result = protect_amounts({k: float(v) for k, v in values.items()}, hidden, sums)
    assert set(hidden) <= set(result)
    assert all(result[key] is COMPLEMENT for key in set(result) - set(hidden))
    groups = [frozenset(values)] + [frozenset(group) for group in sums]
    if set(result) == set(values) and any(
        derivable(list(values), set(result), groups, key) for key in hidden
    ):
        # Everything hidden and still fixed by the published subtotals (a subtotal of one
        # protected cell, say): nothing in this table can help.
        return
    for key in hidden:
        assert not derivable(list(values), set(result), groups, key), (key, values, result)


def test_protect_amounts_by_hand():
    # One protected row and a published total: 20 - 12 - 6 = 2 gives its hours away, so the
    # smallest other amount is hidden too; then two nonnegative fillings differ for "a".
    values = {"a": 2.0, "b": 12.0, "c": 6.0}
    result = protect_amounts(values, {"a": SMALL})
    assert result == {"a": SMALL, "c": COMPLEMENT}
    groups = [frozenset(values)]
    assert not derivable(list(values), set(result), groups, "a")
    second = another_filling(values, set(result), groups, "a")
    assert second is not None and second["a"] != values["a"] and min(second.values()) >= 0
    assert sum(second.values()) == sum(Fraction(v) for v in values.values())
    # A subtotal that isolates the row leaves nothing to protect it with.
    assert derivable(["a", "b"], {"a", "b"}, [frozenset("ab"), frozenset("a")], "a")


# --- The fairness tables: the whole section against the attacker ----------------------------

FRACTIE_NAMES = ["Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
COUNT_COLUMNS = ("ambtelijke bijstand", "technische vragen", "weigeringen")


def attack_section(section, max_small_seats=2):
    """For each protected count column of the per-fractie table: the attacker's possible values
    per fractie, using the column's total (public in other tables) and the group tables' cells
    (shown: exact; "<3": 0–2; "≥3": 3 or more; "afgeschermd": anything)."""
    per_fractie, *group_tables = section.tables
    rows = per_fractie.data_rows
    seats = {row.label: row.cells[0].value for row in rows}
    members = {
        "coalitie": {label for label in seats if label.endswith("(coalitie)")},
        "oppositie": {label for label in seats if label.endswith("(oppositie)")},
        "kleine fracties": {
            label for label in seats if "(" in label and seats[label] <= max_small_seats
        },
        "grote fracties": {
            label for label in seats if "(" in label and seats[label] > max_small_seats
        },
    }
    results = {}
    for column in COUNT_COLUMNS:
        index = per_fractie.columns.index(column)
        cells = {row.label: row.cells[index] for row in rows}
        everything = sum(cell.value for cell in cells.values())
        domains = {
            label: (cell.value, cell.value)
            if not cell.hidden
            else (0, T - 1)
            if cell.hidden is SMALL
            else (T, max(everything, T))
            if cell.hidden is COMPLEMENT
            else (0, everything)  # "afgeschermd": no bound
            for label, cell in cells.items()
        }
        # The total is known even when hidden here: the per-instrument and per-ground tables
        # publish it.
        constraints = [(frozenset(cells), everything, everything)]
        for table in group_tables:
            if column not in table.columns:
                continue
            group_index = table.columns.index(column)
            for row in table.rows:
                cell = row.cells[group_index]
                group = frozenset(members[row.label])
                if not cell.hidden:
                    constraints.append((group, cell.value, cell.value))
                elif cell.hidden is SMALL:
                    constraints.append((group, 0, T - 1))
                elif cell.hidden is COMPLEMENT:
                    constraints.append((group, T, None))
                # "afgeschermd" (withheld) tells no bound.
        results[column] = (cells, possible_values(domains, constraints))
    return results


def assert_section_protected(section):
    for column, (cells, possible) in attack_section(section).items():
        for label, cell in cells.items():
            assert cell.value in possible[label], (column, label)
            if cell.hidden in (SMALL, Hidden.WITHHELD) and len(cells) > 1:
                assert 0 in possible[label], (column, label, {k: c.shown for k, c in cells.items()})
            if cell.value is not None and cell.value < T:
                assert cell.hidden in (SMALL, Hidden.WITHHELD)


def synthetic(fracties, counts, coalition, hours, refusals, technical):
    period = parse("2026")
    day = date(2026, 5, 4)
    rows, pk = [], 0
    for fractie_pk, number in counts.items():
        for instrument, amount in (
            ("assistance", number),
            ("technical_question", technical[fractie_pk]),
        ):
            for _ in range(amount):
                pk += 1
                rows.append(
                    CaseRow(
                        pk,
                        instrument,
                        "sociaal_domein",
                        "via_griffie",
                        "submitted",
                        fractie_pk,
                        False,
                        False,
                        day,
                        None,
                        None,
                        None,
                        None,
                        None,
                    )
                )
    return ReportData(
        municipality=None,
        period=period,
        previous=period.previous(),
        today=date(2027, 1, 4),
        cases=rows,
        case_departments={},
        departments={},
        hours=[(None, day, amount, fractie_pk) for fractie_pk, amount in hours.items() if amount],
        estimates=[],
        events=[
            ("refuse", day, "assistance", "niet_raadswerk", fractie_pk)
            for fractie_pk, number in refusals.items()
            for _ in range(number)
        ],
        mediations=[],
        evaluations=[],
        fracties=fracties,
        coalition=[CoalitionMembership(fractie_id=pk, start=date(2022, 4, 1)) for pk in coalition],
    )


@st.composite
def councils(draw):
    size = draw(st.integers(min_value=2, max_value=7))
    fracties = [
        Fractie(
            pk=index + 1,
            name=FRACTIE_NAMES[index],
            seats=draw(st.integers(min_value=1, max_value=6)),
        )
        for index in range(size)
    ]
    keys = [fractie.pk for fractie in fracties]
    counts = {key: draw(st.integers(min_value=0, max_value=4)) for key in keys}
    technical = {key: draw(st.integers(min_value=0, max_value=2)) for key in keys}
    refusals = {key: draw(st.integers(min_value=0, max_value=min(2, counts[key]))) for key in keys}
    hours = {
        key: draw(st.sampled_from([0.0, 1.5, 4.0, 12.5])) if counts[key] else 0.0 for key in keys
    }
    coalition = {key for key in keys if draw(st.booleans())}
    return fracties, counts, coalition, hours, refusals, technical


@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(councils())
def test_the_fairness_section_never_proves_a_fractie_had_a_trajectory(council):
    section = fairness.section(synthetic(*council), Reporting())
    assert_section_protected(section)
    # Hours beside a hidden count never follow from the published hours (total, groups).
    per_fractie, *group_tables = section.tables
    index = per_fractie.columns.index("uren ontvangen")
    rows = per_fractie.data_rows
    values = {row.label: row.cells[index].value for row in rows}
    hidden = {row.label for row in rows if row.cells[index].hidden}
    for row in rows:
        if row.cells[per_fractie.columns.index("ambtelijke bijstand")].hidden:
            assert row.label in hidden
            assert row.cells[index].shown == "afgeschermd"
    groups = [frozenset(values)] if not per_fractie.rows[-1].cells[index].hidden else []
    seats = {row.label: row.cells[0].value for row in rows}
    for table in group_tables:
        group_index = table.columns.index("uren ontvangen")
        for row in table.rows:
            if row.cells[group_index].hidden:
                continue
            side = {"coalitie": "(coalitie)", "oppositie": "(oppositie)"}.get(row.label)
            if side:
                groups.append(frozenset(label for label in values if label.endswith(side)))
            elif row.label == "kleine fracties":
                groups.append(frozenset(label for label in values if seats[label] <= 2))
            else:
                groups.append(frozenset(label for label in values if seats[label] > 2))
    protected = [
        row.label
        for row in rows
        if row.cells[per_fractie.columns.index("ambtelijke bijstand")].hidden
    ]
    if hidden == set(values):
        return
    for label in protected:
        assert not derivable(list(values), hidden, groups, label), (label, values, hidden)


def test_overlapping_subtotals_are_protected_together():
    # Coalition Alfa, Bravo, Delta; small fracties (≤ 2 seats) Foxtrot, Golf, Hotel.
    # Large minus coalition = Charlie + Echo = 6 - 3 = 3, both "<3": each would be proven to have
    # had a trajectory if both group tables showed every subtotal.
    seats = [6, 5, 5, 4, 3, 2, 2, 2]
    fracties = [Fractie(pk=i + 1, name=FRACTIE_NAMES[i], seats=s) for i, s in enumerate(seats)]
    counts = {1: 0, 2: 0, 3: 1, 4: 3, 5: 2, 6: 3, 7: 1, 8: 1}
    zero = dict.fromkeys(counts, 0)
    section = fairness.section(
        synthetic(fracties, counts, {1, 2, 4}, dict.fromkeys(counts, 0.0), zero, zero),
        Reporting(),
    )
    assert_section_protected(section)
    hidden_groups = [
        row.label
        for table in section.tables[1:]
        for row in table.rows
        if row.cells[table.columns.index("ambtelijke bijstand")].hidden
    ]
    assert hidden_groups, "a subtotal must be hidden"


def test_a_two_party_coalition_shown_as_at_least_three_gives_both_away():
    # Coalition Alfa (2 requests) and Bravo (1): 3 together. Whatever the tables hide, the
    # coalition row says "3" or "≥3", and each of the two is "<3": both had at least one.
    seats = [6, 5, 5, 4, 3, 2, 2, 2]
    fracties = [Fractie(pk=i + 1, name=FRACTIE_NAMES[i], seats=s) for i, s in enumerate(seats)]
    counts = {1: 2, 2: 1, 3: 4, 4: 3, 5: 3, 6: 0, 7: 0, 8: 0}
    zero = dict.fromkeys(counts, 0)
    section = fairness.section(
        synthetic(fracties, counts, {1, 2}, dict.fromkeys(counts, 0.0), zero, zero), Reporting()
    )
    cells, possible = attack_section(section)["ambtelijke bijstand"]
    assert 0 in possible["Alfa (coalitie)"] and 0 in possible["Bravo (coalitie)"]


# --- And on a report built from the database -------------------------------------------------


@pytest.mark.django_db
def test_a_built_report_cannot_be_undone_by_subtracting(world):
    """Gemeente Voorbeeld with the counts of the example above: LB 0, VVD 0, GroenLinks-PvdA 1,
    CDA 3, D66 2, ChristenUnie 3, SP 1, PvdD 1; coalition LB, VVD, CDA."""
    members = {  # raadslid numbers per fractie (demo/people.py FRACTIES)
        "GroenLinks-PvdA": [12],
        "CDA": [17, 18, 19],
        "D66": [21, 22],
        "ChristenUnie": [24, 24, 25],
        "SP": [26],
        "Partij voor de Dieren": [28],
    }
    with time_machine.travel(datetime(2026, 5, 4, 10, tzinfo=AMS), tick=False):
        for numbers in members.values():
            for number in numbers:
                case = new_case(
                    world, f"raadslid{number}", title="Onderwerp", policy_area="financien"
                )
                act(world, case, "submit", f"raadslid{number}")
    fracties = {f.name: f for f in Fractie.objects.filter(municipality=world.municipality)}
    for name in ("Lokaal Belang", "VVD", "CDA"):
        CoalitionMembership.objects.create(fractie=fracties[name], start=date(2022, 4, 1))
    # Figures per fractie come only with a closed year.
    report = build_report(world.municipality, parse("2026"), date(2027, 1, 4))
    section = next(s for s in report.sections if s.title == "Gebruik per fractie")
    table = report.table("per_fractie")
    column = table.columns.index("ambtelijke bijstand")
    true = {row.label: row.cells[column].value for row in table.data_rows}
    assert true == {
        "Lokaal Belang (coalitie)": 0,
        "GroenLinks-PvdA (oppositie)": 1,
        "VVD (coalitie)": 0,
        "CDA (coalitie)": 3,
        "D66 (oppositie)": 2,
        "ChristenUnie (oppositie)": 3,
        "Partij voor de Dieren (oppositie)": 1,
        "SP (oppositie)": 1,
    }
    # The naive attack: total minus the shown cells is the sum of the hidden ones, not any one.
    shown_sum = sum(row.cells[column].number or 0 for row in table.data_rows)
    hidden = [row.label for row in table.data_rows if row.cells[column].hidden]
    assert len(hidden) >= 2 and table.rows[-1].cells[column].number - shown_sum == sum(
        true[label] for label in hidden
    )
    # Grote fracties minus coalitie = GroenLinks-PvdA + D66 = 6 - 3 = 3, both "<3": a subtotal
    # had to be hidden as well.
    assert any(
        row.cells[group.columns.index("ambtelijke bijstand")].hidden
        for group in section.tables[1:]
        for row in group.rows
    )
    # The full attack, with the group tables: every "<3" may be 0.
    assert_section_protected(section)
    cells, possible = attack_section(section)["ambtelijke bijstand"]
    for label in hidden:
        if cells[label].hidden is SMALL:
            assert 0 in possible[label] and len(possible[label]) > 1 or true[label] == 0
