# SPDX-License-Identifier: EUPL-1.2
"""Small cells: hide counts that could point to a confidential trajectory of a fractie.

The rule, in plain words:
- A cell that counts fewer than the threshold (3) trajectories of an identifiable fractie is
  shown as "<3" — zero included, so "<3" never tells that a fractie used the instrument.
- Totals are published as they are (the same totals appear in the other tables, so changing them
  here would protect nothing). Instead more cells are hidden ("≥3", complementary suppression)
  until no hidden small cell can be worked out from the totals: for every "<3" cell there must be
  a way to fill in all hidden cells, consistent with every published total and subtotal, in which
  that cell is 0. Then subtracting shown cells from totals never proves that a fractie had a
  trajectory, let alone how many.
- What a reader knows is taken into account: a "<3" cell holds 0, 1 or 2; a "≥3" cell holds 3 or
  more; every published (sub)total is exact; a subtotal hidden elsewhere as "<3" or "≥3" still
  bounds its cells (`known_ranges`).
- When even hiding every cell cannot protect a small cell (two fracties with 3 requests between
  them, and the total public elsewhere), `hide_totals` says so; the caller then withholds every
  cell without a bound ("afgeschermd"; raadsloket.reflection.fairness).
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from raadsloket.reflection.tables import Cell, Hidden

# The search below is exact; this bound only stops a pathological table from taking long, and a
# table that hits it is treated as not yet safe (more cells are hidden).
_SEARCH_LIMIT = 200_000


@dataclass(frozen=True)
class Protection:
    hidden: dict[Hashable, Hidden]
    # Hiding every cell was not enough: no cell of this column may show even a bound.
    hide_totals: bool = False


def protect(
    values: dict[Hashable, int],
    known_sums: Iterable[frozenset] = (),
    threshold: int = 3,
    known_ranges: Iterable[tuple[frozenset, int, int | None]] = (),
) -> Protection:
    """Which cells of `values` to hide, given the subtotals published elsewhere.

    `known_sums` are sets of keys whose sum a reader can see (a coalition subtotal, a "small
    fracties" row); the sum of all cells always counts as known. `known_ranges` are sets of keys
    whose sum a reader knows to lie between a low and a high bound (None: no upper bound), such
    as a subtotal shown elsewhere as "<3" or "≥3".
    """
    keys = list(values)
    groups = [frozenset(keys)] + [frozenset(group) & frozenset(keys) for group in known_sums]
    groups = [group for group in dict.fromkeys(groups) if group]
    ranges = [(frozenset(group) & frozenset(keys), low, high) for group, low, high in known_ranges]
    hidden: dict[Hashable, Hidden] = {key: Hidden.SMALL for key in keys if values[key] < threshold}
    if not hidden:
        return Protection({})
    while not _safe(values, hidden, groups, threshold, ranges):
        candidates = sorted(
            (key for key in keys if key not in hidden),
            key=lambda key: (values[key], keys.index(key)),
        )
        if not candidates:
            return Protection(hidden, hide_totals=True)
        hidden[candidates[0]] = Hidden.COMPLEMENT
    return Protection(hidden)


def _safe(values, hidden, groups, threshold, ranges=()) -> bool:
    """True when every small cell can be 0 in some filling-in consistent with the totals."""
    small = [key for key, kind in hidden.items() if kind is Hidden.SMALL]
    return all(_feasible_with_zero(values, hidden, groups, threshold, key, ranges) for key in small)


# A backtracking search with its bounds: it reads best as one piece, so its branches stay together.
def _feasible_with_zero(  # noqa: C901
    values, hidden, groups, threshold, zero_key, ranges=()
) -> bool:
    variables = list(hidden)
    ceiling = sum(values.values())
    bounds = {
        key: (0, 0)
        if key == zero_key
        else (0, threshold - 1)
        if hidden[key] is Hidden.SMALL
        else (threshold, ceiling)
        for key in variables
    }
    # What the hidden cells of each group must add up to: the published sum minus shown cells.
    targets = []
    for group in groups:
        members = [key for key in variables if key in group]
        if not members:
            continue
        target = sum(values[key] for key in group if key in hidden)
        targets.append((members, target))
    membership = {
        key: [i for i, (members, _) in enumerate(targets) if key in members] for key in variables
    }
    # Ranges on the hidden part of a bounded subtotal: its bounds minus its shown cells.
    limits = []
    for group, low, high in ranges:
        shown = sum(values[key] for key in group if key not in hidden)
        limits.append(
            (
                frozenset(key for key in variables if key in group),
                low - shown,
                None if high is None else high - shown,
            )
        )
    in_limits = {
        key: [i for i, (members, _, _) in enumerate(limits) if key in members] for key in variables
    }
    limit_sums = [0] * len(limits)
    # Tight variables (small cells) first: they branch least.
    variables.sort(key=lambda key: bounds[key][1] - bounds[key][0])
    sums = [0] * len(targets)
    remaining_min = [sum(bounds[key][0] for key in members) for members, _ in targets]
    remaining_max = [sum(bounds[key][1] for key in members) for members, _ in targets]
    budget = [_SEARCH_LIMIT]

    def search(index: int) -> bool:  # noqa: C901
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if index == len(variables):
            return all(sums[i] == target for i, (_, target) in enumerate(targets)) and all(
                low <= limit_sums[i] and (high is None or limit_sums[i] <= high)
                for i, (_, low, high) in enumerate(limits)
            )
        key = variables[index]
        low, high = bounds[key]
        # The value is bounded by what every group it belongs to still needs.
        for i in membership[key]:
            need = targets[i][1] - sums[i]
            others_min = remaining_min[i] - low
            others_max = remaining_max[i] - high
            high = min(high, need - others_min)
            low = max(low, need - others_max)
        if low > high:
            return False
        for i in membership[key]:
            remaining_min[i] -= bounds[key][0]
            remaining_max[i] -= bounds[key][1]
        found = False
        for value in range(low, high + 1):
            if any(
                limits[i][2] is not None and limit_sums[i] + value > limits[i][2]
                for i in in_limits[key]
            ):
                break
            for i in membership[key]:
                sums[i] += value
            for i in in_limits[key]:
                limit_sums[i] += value
            found = search(index + 1)
            for i in membership[key]:
                sums[i] -= value
            for i in in_limits[key]:
                limit_sums[i] -= value
            if found:
                break
        for i in membership[key]:
            remaining_min[i] += bounds[key][0]
            remaining_max[i] += bounds[key][1]
        return found

    return search(0)


def protect_amounts(
    values: dict[Hashable, float],
    hidden: dict[Hashable, Hidden],
    known_sums: Iterable[frozenset] = (),
) -> dict[Hashable, Hidden]:
    """Hide amounts (hours) of the rows hidden in the count beside them, and enough others that
    none of those rows' amounts follows from the published totals.

    An amount can be worked out exactly when it is fixed by the published sums (linear algebra:
    the row's unit vector lies in the row space of the sums over the hidden rows). More rows,
    smallest amounts first, are hidden until none of the protected rows is fixed.
    """
    import numpy

    keys = list(values)
    protected = set(hidden)
    result = dict(hidden)
    groups = [frozenset(keys)] + [frozenset(group) & frozenset(keys) for group in known_sums]

    def fixed(key) -> bool:
        variables = [k for k in keys if k in result]
        matrix = numpy.array(
            [
                [1.0 if k in group else 0.0 for k in variables]
                for group in groups
                if group & set(variables)
            ]
            or [[0.0] * len(variables)]
        )
        unit = numpy.array([[1.0 if k == key else 0.0 for k in variables]])
        rank = numpy.linalg.matrix_rank(matrix)
        return numpy.linalg.matrix_rank(numpy.vstack([matrix, unit])) == rank

    while any(fixed(key) for key in protected):
        candidates = sorted(
            (key for key in keys if key not in result),
            key=lambda key: (values[key], keys.index(key)),
        )
        if not candidates:
            break
        result[candidates[0]] = Hidden.COMPLEMENT
    return result


def single_count(count: int | None, threshold: int = 3, *, zero_shown: bool = False) -> Cell:
    """One count that stands alone in a report (no total or other cell to subtract it from).

    Below the threshold the cell is hidden as "<3". `zero_shown` is the zero rule: False hides
    0 as well (the rule of `protect`: if 0 were shown, "<3" would tell that there was one or
    two), True shows 0 as 0 for a figure where "one or two" points at nobody. `count` None
    means the module that owns the figure has already withheld it (raadsloket.access,
    raadsloket.safety): it stays hidden, and its value never reaches the cell.
    """
    if count is None:
        return Cell(None, hidden=Hidden.SMALL, threshold=threshold)
    if count >= threshold or (zero_shown and count == 0):
        return Cell(count, threshold=threshold)
    return Cell(None, hidden=Hidden.SMALL, threshold=threshold)
