# SPDX-License-Identifier: EUPL-1.2
"""Does the instrument serve every fractie? Use per fractie, coalition against opposition and
small against large (handreiking, "Voer het gesprek"), with small cells hidden (`suppression`).

A request counts for the fractie of its requester. A fractie counts as coalition when it was in
the coalition (organisation.CoalitionMembership) for most days of the period; "small" is at most
the profile's `small_fractie_max_seats` seats.
"""

from collections.abc import Hashable
from dataclasses import dataclass

from raadsloket.cases.instruments import Instrument
from raadsloket.policy.schema import Reporting
from raadsloket.reflection.data import ReportData
from raadsloket.reflection.periods import Period
from raadsloket.reflection.suppression import Protection, protect, protect_amounts
from raadsloket.reflection.tables import Cell, Hidden, Row, Section, Table

NO_FRACTIE = "zonder fractie"
SECTION_TITLE = "Gebruik per fractie"
# The columns whose cells count trajectories that may be confidential. Schriftelijke vragen are
# public once registered (Reglement van Orde: they go to every member) and are not hidden.
PROTECTED_COUNTS = ("assistance", "technical", "refusals")


@dataclass
class FractieUse:
    key: Hashable  # fractie pk, or None for requesters without a fractie
    name: str
    seats: int
    coalition: bool
    small: bool
    assistance: int = 0
    technical: int = 0
    written: int = 0
    hours: float = 0.0
    refusals: int = 0


def in_coalition(data: ReportData, fractie_id: int, period: Period) -> bool:
    """In the coalition for more than half of the period's days (up to today: the days to come
    of a running period do not count)."""
    last = min(period.end, data.today)
    if last < period.start:
        return False
    days = 0
    for membership in data.coalition:
        if membership.fractie_id != fractie_id:
            continue
        start = max(membership.start, period.start)
        end = min(membership.end or last, last)
        if end >= start:
            days += (end - start).days + 1
    return days * 2 > (last - period.start).days + 1


def usage(data: ReportData, reporting: Reporting) -> list[FractieUse]:
    period = data.period
    rows = {
        fractie.pk: FractieUse(
            key=fractie.pk,
            name=fractie.name,
            seats=fractie.seats,
            coalition=in_coalition(data, fractie.pk, period),
            small=fractie.seats <= reporting.small_fractie_max_seats,
        )
        for fractie in data.fracties
    }
    extra = FractieUse(key=None, name=NO_FRACTIE, seats=0, coalition=False, small=False)

    def row_for(fractie_id):
        return rows.get(fractie_id, extra)

    for case in data.cases:
        # Schriftelijke vragen count once registered: from then on every member sees them
        # (Reglement van Orde); one withdrawn before registration stays the member's own.
        day = case.registered if case.instrument == Instrument.WRITTEN_QUESTION else case.submitted
        if not (day and period.contains(day)):
            continue
        use = row_for(case.fractie_id)
        if case.instrument == Instrument.ASSISTANCE:
            use.assistance += 1
        elif case.instrument == Instrument.TECHNICAL_QUESTION:
            use.technical += 1
        else:
            use.written += 1
    for _, day, amount, fractie_id in data.hours:
        if period.contains(day):
            row_for(fractie_id).hours += amount
    for action, day, _, _, fractie_id in data.events:
        if action == "refuse" and period.contains(day):
            row_for(fractie_id).refusals += 1
    result = sorted(rows.values(), key=lambda use: (-use.seats, use.name))
    if extra.assistance or extra.technical or extra.written or extra.hours or extra.refusals:
        result.append(extra)
    return result


@dataclass
class _Group:
    key: str
    label: str
    members: frozenset

    def total(self, uses: list[FractieUse], attribute: str):
        return sum(getattr(use, attribute) for use in uses if use.key in self.members)


def _groups(uses: list[FractieUse]) -> tuple[list[_Group], list[_Group]]:
    """Coalition/opposition and small/large; a side without fracties (no coalition recorded)
    is left out rather than shown as an empty row."""
    fracties = [use for use in uses if use.key is not None]
    sides = [
        _Group("coalition", "coalitie", frozenset(u.key for u in fracties if u.coalition)),
        _Group("opposition", "oppositie", frozenset(u.key for u in fracties if not u.coalition)),
    ]
    sizes = [
        _Group("small", "kleine fracties", frozenset(u.key for u in fracties if u.small)),
        _Group("large", "grote fracties", frozenset(u.key for u in fracties if not u.small)),
    ]
    return [g for g in sides if g.members], [g for g in sizes if g.members]


def withheld_section(reason: str) -> Section:
    """What the full report says instead where figures per fractie are not published
    (raadsloket.reflection.fractie_periods)."""
    return Section(SECTION_TITLE, [], intro=reason)


def section(data: ReportData, reporting: Reporting) -> Section:
    uses = usage(data, reporting)
    threshold = reporting.small_cell_threshold
    sides, sizes = _groups(uses)
    group_hidden, protections = _protect_counts(uses, (sides, sizes), threshold)
    group_tables = []
    # Hours subtotals the group tables show: the fractie table's hours must not follow from them.
    published_hours: list[frozenset] = []
    for (key, title, groups), hidden in zip(
        (
            ("coalitie_oppositie", "Coalitie en oppositie", sides),
            ("klein_groot", "Kleine en grote fracties", sizes),
        ),
        group_hidden,
        strict=True,
    ):
        table, shown_hours = _group_table(key, title, groups, uses, threshold, hidden)
        group_tables.append(table)
        published_hours.extend(shown_hours)
    return Section(
        SECTION_TITLE,
        [_fractie_table(uses, threshold, published_hours, protections)] + group_tables,
        intro="Bedient het instrument elke fractie? Per fractie, coalitie tegenover oppositie "
        f"en kleine (tot en met {reporting.small_fractie_max_seats} zetels) tegenover grote "
        f"fracties. Een cel die minder dan {threshold} trajecten van een fractie telt, staat er "
        f'als "<{threshold}"; een cel "≥{threshold}" of "afgeschermd" is verborgen zodat zo\'n '
        "kleine cel niet uit een totaal is af te leiden.",
    )


def _protect_counts(uses, group_sets, threshold) -> tuple[list[dict], dict[str, Protection]]:
    """Per protected count: the hidden cells of the group tables and of the fractie table,
    decided together.

    The group tables publish subtotals over fracties, and where they overlap one subtotal minus
    another pins fracties down: "grote fracties" minus "coalitie" is what the large opposition
    fracties had, and two such fracties with "<3" each and 3 together both had a trajectory.
    A small subtotal is shown "<3" (it tells its bound); any other hidden subtotal is shown
    "afgeschermd", without a bound, because "≥3" over two fracties that are each "<3" proves that
    both had a trajectory. When the fractie table cannot be protected by hiding its own cells, a
    subtotal is hidden too, the smallest first.
    """
    group_hidden: list[dict] = [{} for _ in group_sets]
    protections: dict[str, Protection] = {}
    for attribute in PROTECTED_COUNTS:
        values = {use.key: getattr(use, attribute) for use in uses}
        totals = [
            {group.key: group.total(uses, attribute) for group in groups} for groups in group_sets
        ]
        hidden = [_withheld(protect(group_totals, (), threshold).hidden) for group_totals in totals]
        while True:
            exact, ranges = [], []
            for groups, kinds in zip(group_sets, hidden, strict=True):
                for group in groups:
                    kind = kinds.get(group.key)
                    if kind is None:
                        exact.append(group.members)
                    elif kind is Hidden.SMALL:
                        ranges.append((group.members, 0, threshold - 1))
            protection = protect(values, exact, threshold, ranges)
            # Subtotals that still tell something: shown exactly, or "<3" (a bound).
            shown = [
                (totals[index][group.key], index, group.key)
                for index, groups in enumerate(group_sets)
                for group in groups
                if hidden[index].get(group.key) is not Hidden.WITHHELD
            ]
            if not protection.hide_totals or not shown:
                break
            _, index, key = min(shown)
            hidden[index][key] = Hidden.WITHHELD
        if protection.hide_totals:
            # The last resort (see _fractie_table): no bound anywhere in this column.
            hidden = [{group.key: Hidden.WITHHELD for group in groups} for groups in group_sets]
        protections[attribute] = protection
        for index, kinds in enumerate(hidden):
            group_hidden[index][attribute] = kinds
    return group_hidden, protections


def _withheld(hidden: dict) -> dict:
    return {
        key: Hidden.SMALL if kind is Hidden.SMALL else Hidden.WITHHELD
        for key, kind in hidden.items()
    }


def _as_amounts(hidden: dict) -> dict:
    """Hours hidden beside a small count are shown "afgeschermd", not "<3": 20 hours of one
    trajectory are not "fewer than 3"."""
    return {key: Hidden.COMPLEMENT for key in hidden}


FRACTIE_COLUMNS = [
    ("seats", "zetels"),
    ("assistance", "ambtelijke bijstand"),
    ("technical", "technische vragen"),
    ("written", "schriftelijke vragen"),
    ("hours", "uren ontvangen"),
    ("refusals", "weigeringen"),
]


def _fractie_table(uses, threshold, published_hours, protections) -> Table:
    hidden: dict[str, dict] = {}
    for attribute in PROTECTED_COUNTS:
        protection = protections[attribute]
        hidden[attribute] = protection.hidden
        if protection.hide_totals:
            # The last resort: even with every cell hidden, "<3" in each cell and the total
            # (public in the per-instrument and per-ground tables) prove trajectories — two
            # fracties, 3 requests. So every cell of the column is withheld without a bound.
            hidden[attribute] = {use.key: Hidden.WITHHELD for use in uses}
    hidden["hours"] = _as_amounts(
        protect_amounts({use.key: use.hours for use in uses}, hidden["assistance"], published_hours)
    )
    rows = []
    for use in uses:
        label = (
            use.name
            if use.key is None
            else (f"{use.name} ({'coalitie' if use.coalition else 'oppositie'})")
        )
        cells = []
        for attribute, _ in FRACTIE_COLUMNS:
            unit = "uur" if attribute == "hours" else ""
            cell = Cell(getattr(use, attribute), unit, threshold=threshold)
            cell.hidden = hidden.get(attribute, {}).get(use.key)
            cells.append(cell)
        rows.append(Row(label, cells))
    totals = []
    for attribute, _ in FRACTIE_COLUMNS:
        unit = "uur" if attribute == "hours" else ""
        totals.append(Cell(sum(getattr(use, attribute) for use in uses), unit, threshold=threshold))
    rows.append(Row("Totaal", totals, is_total=True))
    return Table(
        key="per_fractie",
        title="Gebruik per fractie",
        columns=[label for _, label in FRACTIE_COLUMNS],
        rows=rows,
        note="Verzoeken ingediend in de periode, per fractie van de indiener; uren die "
        "ambtenaren in de periode voor de fractie werkten; weigeringen in de periode. "
        "Coalitie of oppositie: de kant waar de fractie de meeste dagen van de periode stond.",
        chart_column=1,
    )


GROUP_COLUMNS = [
    ("fracties", "fracties", ""),
    ("seats", "zetels", ""),
    ("assistance", "ambtelijke bijstand", ""),
    ("assistance_per_seat", "bijstand per 10 zetels", "ratio"),
    ("technical", "technische vragen", ""),
    ("hours", "uren ontvangen", "uur"),
    ("hours_per_seat", "uren per zetel", "uur"),
    ("refusals", "weigeringen", ""),
]


def _group_table(key, title, groups, uses, threshold, hidden_counts) -> tuple[Table, list]:
    counts = {
        attribute: {group.key: group.total(uses, attribute) for group in groups}
        for attribute in (*PROTECTED_COUNTS, "seats")
    }
    hours = {group.key: group.total(uses, "hours") for group in groups}
    hidden = dict(hidden_counts)
    hidden["hours"] = _as_amounts(protect_amounts(hours, hidden["assistance"]))
    shown_hours = [group.members for group in groups if group.key not in hidden["hours"]]
    rows = []
    for group in groups:
        seats = counts["seats"][group.key]
        values = {
            "fracties": Cell(len(group.members)),
            "seats": Cell(seats),
            "assistance": Cell(counts["assistance"][group.key], threshold=threshold),
            "assistance_per_seat": Cell(
                round(10 * counts["assistance"][group.key] / seats, 1) if seats else None, "ratio"
            ),
            "technical": Cell(counts["technical"][group.key], threshold=threshold),
            "hours": Cell(hours[group.key], "uur", threshold=threshold),
            "hours_per_seat": Cell(round(hours[group.key] / seats, 1) if seats else None, "uur"),
            "refusals": Cell(counts["refusals"][group.key], threshold=threshold),
        }
        for attribute in ("assistance", "technical", "hours", "refusals"):
            values[attribute].hidden = hidden[attribute].get(group.key)
        if values["assistance"].hidden:
            values["assistance_per_seat"].hidden = Hidden.COMPLEMENT
        if values["hours"].hidden:
            values["hours_per_seat"].hidden = Hidden.COMPLEMENT
        rows.append(Row(group.label, [values[attribute] for attribute, _, _ in GROUP_COLUMNS]))
    return Table(
        key=key,
        title=title,
        columns=[label for _, label, _ in GROUP_COLUMNS],
        rows=rows,
        note="Per 10 zetels en per zetel maken groepen van verschillende grootte vergelijkbaar.",
        chart_column=3,
    ), shown_hours
