# SPDX-License-Identifier: EUPL-1.2
"""The planner's grid and sums (toolkit, "Format voor tijdsbesteding": "Vul in de onderstaande
tabel het aantal uren per week in die je tijdens een standaardweek zou willen besteden aan
genoemde activiteiten. Tel de uren bij elkaar op en zet deze neer onder het kopje 'Totaal'.")."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from raadsloket.lib.errors import InvalidInput

# The toolkit's twelve activities, in its order.
ACTIVITIES: dict[str, str] = {
    "reading": "Lezen van stukken",
    "meetings": "Vergaderen",
    "writing": "Schrijven van moties/amendementen/bijdragen",
    "campaigning": "Campagne voeren",
    "visits": "Werkbezoeken",
    "residents": "In gesprek met inwoners",
    "reflecting": "Reflecteren",
    "training": "Scholing",
    "social_media": "Social media",
    "media": "Media",
    "party": "Partijgerelateerd",
    "other": "Overig",
}
DAYS = ("Ma", "Di", "Wo", "Do", "Vr", "Za", "Zo")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# The toolkit's reflection questions, beside the table.
QUESTIONS: dict[str, str] = {
    "noticed": "Wat valt je op als je naar deze tijdsverdeling kijkt?",
    "difference": (
        "Op welke punten zie jij een verschil met de huidige manier waarop jij de tijd verdeelt?"
    ),
}
MAX_ANSWER = 4000
ZERO = Decimal("0")
HOURS_PER_DAY = Decimal("24")

Grid = dict[str, list[Decimal]]


def empty_grid() -> Grid:
    return {code: [ZERO] * 7 for code in ACTIVITIES}


def grid_from_json(data: dict) -> Grid:
    grid = empty_grid()
    for code in ACTIVITIES:
        values = data.get(code) or []
        grid[code] = [Decimal(str(v)) for v in values[:7]] + [ZERO] * (7 - len(values[:7]))
    return grid


def grid_to_json(grid: Grid) -> dict:
    return {code: [str(v) for v in grid[code]] for code in ACTIVITIES}


def check_grid(grid: Grid) -> None:
    """Every cell 0 to 24 hours; no day holds more than 24 hours. A Dutch InvalidInput else."""
    errors: dict[str, list[str]] = {}
    if set(grid) != set(ACTIVITIES) or any(len(v) != 7 for v in grid.values()):
        raise InvalidInput("Elke activiteit heeft zeven dagen uren.")
    for code, values in grid.items():
        for day, value in enumerate(values):
            if not (ZERO <= value <= HOURS_PER_DAY) or value != value.quantize(Decimal("0.01")):
                errors[f"h_{code}_{day}"] = ["Vul 0 tot en met 24 uur in, bijvoorbeeld 1,5."]
    for day, total in enumerate(column_totals(grid)):
        if total > HOURS_PER_DAY:
            errors[f"dag_{day}"] = [
                f"Op {DAY_NAMES[day]} staat {f'{total.normalize():f}'.replace('.', ',')} uur: een dag heeft "
                "hoogstens 24 uur."
            ]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)


def row_totals(grid: Grid) -> dict[str, Decimal]:
    return {code: sum(grid[code], ZERO) for code in ACTIVITIES}


def column_totals(grid: Grid) -> list[Decimal]:
    return [sum((grid[code][day] for code in ACTIVITIES), ZERO) for day in range(7)]


def week_total(grid: Grid) -> Decimal:
    return sum(row_totals(grid).values(), ZERO)


@dataclass(frozen=True)
class Difference:
    code: str
    label: str
    ideal: Decimal
    real: Decimal

    @property
    def difference(self) -> Decimal:
        """Real minus ideal: positive is more time than planned."""
        return self.real - self.ideal


def differences(ideal: Grid, real: Grid) -> list[Difference]:
    ideal_rows, real_rows = row_totals(ideal), row_totals(real)
    return [
        Difference(code, label, ideal_rows[code], real_rows[code])
        for code, label in ACTIVITIES.items()
    ]


def monday_of(year: int, week: int) -> date:
    """The Monday of ISO week `week` of `year`; a Dutch InvalidInput for a week that is none."""
    try:
        return date.fromisocalendar(year, week, 1)
    except (ValueError, OverflowError):
        raise InvalidInput(f"Week {week} van {year} bestaat niet.") from None


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    sunday = monday + timedelta(days=6)
    return f"week {week} van {year} ({monday:%d-%m} t/m {sunday:%d-%m-%Y})"
