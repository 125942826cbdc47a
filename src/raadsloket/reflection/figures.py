# SPDX-License-Identifier: EUPL-1.2
"""The reflection report's figures for a municipality and a period (handreiking, "Periodieke reflectie").

How each figure is counted is written in its table's note, in Dutch, so the presidium can check
it. The rules in short: a request counts in the period it was submitted in; a lead time, a
refusal, a deferral, a mediation, an evaluation and logged hours count in the period they
happened in; "overdue" is the state of today, whatever period is chosen.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from raadsloket.access.reflection import FULL, report_audience
from raadsloket.access.time_planner import planner_users_count
from raadsloket.assistance.models import Evaluation, Mediation
from raadsloket.cases.instruments import Channel, Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.organisation.models import Municipality
from raadsloket.organisation.roles import PolicyArea
from raadsloket.reflection import fairness, fractie_periods, stored
from raadsloket.reflection.data import ReportData, load
from raadsloket.reflection.leadtimes import DAY_UNITS, days_between, median, percentile_90
from raadsloket.reflection.periods import Period, parse_past
from raadsloket.reflection.suppression import single_count
from raadsloket.reflection.tables import Cell, Hidden, Row, Section, Table
from raadsloket.reflection.themes import Theme, agenda
from raadsloket.safety.services import incidents_per_year
from raadsloket.written_questions.overview import on_time_rows, overdue_filter

NO_DEPARTMENT = "(geen afdeling of nog niet toegewezen)"
TOOLKIT = "Toolkit voor raadsleden"


@dataclass
class Report:
    municipality: str
    period: Period
    previous: Period
    today: date
    # "full": with the figures per fractie (griffie, presidium, driehoek); "aggregate": without.
    audience: str
    key_figures: Table
    sections: list[Section]
    themes: list[Theme] = field(default_factory=list)
    threshold: int = 3
    # Why the full report has no figures per fractie over this period ("" when it has them, and
    # in the aggregate report, which never has them): raadsloket.reflection.fractie_periods.
    withheld: str = ""

    @property
    def tables(self) -> list[Table]:
        return [self.key_figures] + [table for section in self.sections for table in section.tables]

    def table(self, key: str) -> Table:
        return next(table for table in self.tables if table.key == key)

    @property
    def title(self) -> str:
        return (
            f"Jaarverslag ambtelijke bijstand en informatievoorziening {self.period.label}"
            if (self.period.kind == "year")
            else f"Reflectie ambtelijke bijstand en informatievoorziening, {self.period.label}"
        )


def build_report(
    municipality: Municipality, period: Period, today: date, *, full: bool = True
) -> Report:
    data = load(municipality, period, today)
    profile = municipality.policy
    # Per period once: the lead-time table and the key figures both read them.
    times = (lead_times(data, data.period), lead_times(data, data.previous))
    sections = [
        Section(
            "Verzoeken",
            [
                _by_dimension(
                    data,
                    "instrument",
                    "Verzoeken per instrument",
                    "instrument",
                    dict(Instrument.choices),
                ),
                _by_dimension(
                    data,
                    "policy_area",
                    "Verzoeken per beleidsterrein",
                    "beleidsterrein",
                    dict(PolicyArea.choices),
                ),
                _by_dimension(
                    data, "channel", "Verzoeken per kanaal", "kanaal", dict(Channel.choices)
                ),
                _by_department(data),
            ],
        ),
        Section("Doorlooptijden", [_lead_times(data, times), _written_on_time(data)]),
        Section(
            "Inzet en uitkomsten",
            [
                _hours_by_department(data),
                _refusals(data),
                _deferrals(data),
                _mediations(data),
                _evaluations(data, profile.reporting.small_cell_threshold),
                _overdue(municipality, today),
            ],
        ),
        Section("Openbaarheid", [_openness(data)]),
        Section(
            TOOLKIT,
            [_toolkit_use(municipality, period, today, profile.reporting.small_cell_threshold)],
        ),
    ]
    withheld = fractie_periods.reason(period, today) if full else ""
    if full:
        sections.append(
            fairness.withheld_section(withheld)
            if withheld
            else fairness.section(data, profile.reporting)
        )
    key = _key_figures(data, times)
    report = Report(
        municipality=municipality.name,
        period=period,
        previous=data.previous,
        today=today,
        audience="full" if full else "aggregate",
        key_figures=key,
        sections=sections,
        withheld=withheld,
    )
    report.threshold = profile.reporting.small_cell_threshold
    report.themes = agenda(report, profile)
    return report


class NoReport(LookupError):
    """The viewer sees no report (raadsloket.access.reflection)."""


def report_for(viewer, period_text: str | None, today: date) -> Report:
    """The report this viewer may see for the period asked: full or aggregate.

    Raises NoReport when the viewer sees none, periods.PeriodError for a bad period.
    """
    audience = report_audience(viewer)
    if audience is None:
        raise NoReport
    period = parse_past(period_text, today)
    municipality = Municipality.objects.get(pk=viewer.municipality_id)
    # Stored per municipality, audience, period and day until a counted row changes.
    return stored.report(
        municipality,
        period,
        today,
        audience,
        lambda: build_report(municipality, period, today, full=audience == FULL),
    )


def _in(period: Period, day: date | None) -> bool:
    return day is not None and period.contains(day)


def _trend_columns(data: ReportData) -> list[str]:
    return [data.period.label, data.previous.label, "verschil"]


def _trend_row(label: str, now: int, before: int) -> Row:
    return Row(label, [Cell(now), Cell(before), Cell(now - before)])


def _by_dimension(data, attribute, title, key, labels) -> Table:
    now = Counter(getattr(row, attribute) for row in data.cases if _in(data.period, row.submitted))
    before = Counter(
        getattr(row, attribute) for row in data.cases if _in(data.previous, row.submitted)
    )
    order = list(labels) + sorted((set(now) | set(before)) - set(labels))
    rows = [_trend_row(labels.get(code, code), now[code], before[code]) for code in order]
    rows.append(_trend_row("Totaal", sum(now.values()), sum(before.values())))
    rows[-1].is_total = True
    return Table(
        key=f"per_{key}",
        title=title,
        columns=_trend_columns(data),
        rows=rows,
        note="Verzoeken geteld in de periode waarin ze zijn ingediend (concepten tellen niet "
        "mee); een omgezet verzoek telt bij zijn huidige instrument.",
        compare_column=1,
    )


def _departments_of(data: ReportData, case_pk: int) -> set[str]:
    ids = data.case_departments.get(case_pk)
    if not ids:
        return {NO_DEPARTMENT}
    return {data.departments.get(pk, NO_DEPARTMENT) if pk else NO_DEPARTMENT for pk in ids}


def _by_department(data: ReportData) -> Table:
    now: Counter = Counter()
    before: Counter = Counter()
    for row in data.cases:
        if row.instrument == Instrument.WRITTEN_QUESTION:
            continue
        for name in _departments_of(data, row.pk):
            if _in(data.period, row.submitted):
                now[name] += 1
            if _in(data.previous, row.submitted):
                before[name] += 1
    names = sorted(data.departments.values()) + [NO_DEPARTMENT]
    rows = [
        _trend_row(name, now[name], before[name]) for name in names if now[name] or before[name]
    ]
    return Table(
        key="per_afdeling",
        title="Ambtelijke bijstand en technische vragen per afdeling",
        columns=_trend_columns(data),
        rows=rows,
        note="Een verzoek telt bij de afdeling van elke toegewezen ambtenaar (een verzoek met "
        "ambtenaren van twee afdelingen telt bij beide); schriftelijke vragen beantwoordt het "
        "college en tellen hier niet.",
        compare_column=1,
    )


# (instrument, label, attribute where the step ends, profile term whose day kind counts)
LEAD_TIME_STEPS = [
    (Instrument.ASSISTANCE, "Ambtelijke bijstand: indiening → intake griffie", "intake", "intake"),
    (
        Instrument.ASSISTANCE,
        "Ambtelijke bijstand: indiening → ambtenaar toegewezen",
        "assigned",
        "decision",
    ),
    (Instrument.ASSISTANCE, "Ambtelijke bijstand: indiening → opgeleverd", "delivered", "delivery"),
    (
        Instrument.TECHNICAL_QUESTION,
        "Technische vragen: indiening → intake griffie",
        "intake",
        "intake",
    ),
    (
        Instrument.TECHNICAL_QUESTION,
        "Technische vragen: indiening → beantwoord",
        "delivered",
        "technical_question",
    ),
]


def lead_times(data: ReportData, period: Period) -> dict[str, list[int]]:
    """Per step label: the lead times of the steps that ended in `period`."""
    terms = data.municipality.policy.terms
    result: dict[str, list[int]] = {}
    for instrument, label, end_attribute, term_name in LEAD_TIME_STEPS:
        kind = getattr(terms, term_name).kind
        result[label] = [
            days_between(row.submitted, getattr(row, end_attribute), kind, terms.local_holidays)
            for row in data.cases
            if row.instrument == instrument
            and _in(period, getattr(row, end_attribute))
            and row.submitted is not None
        ]
    written_kind = terms.written_question.kind
    result["Schriftelijke vragen: registratie → antwoord college"] = [
        days_between(row.registered, row.answered, written_kind, terms.local_holidays)
        for row in data.cases
        if row.instrument == Instrument.WRITTEN_QUESTION
        and _in(period, row.answered)
        and row.registered is not None
    ]
    return result


def _lead_times(data: ReportData, times: tuple[dict, dict]) -> Table:
    terms = data.municipality.policy.terms
    kinds = {label: getattr(terms, term).kind for _, label, _, term in LEAD_TIME_STEPS}
    kinds["Schriftelijke vragen: registratie → antwoord college"] = terms.written_question.kind
    now, before = times
    rows = []
    for label, values in now.items():
        unit = DAY_UNITS[kinds[label]]
        rows.append(
            Row(
                f"{label} ({unit})",
                [
                    Cell(len(values)),
                    Cell(median(values), "dagen"),
                    Cell(percentile_90(values), "dagen"),
                    Cell(median(before[label]), "dagen"),
                ],
            )
        )
    return Table(
        key="doorlooptijden",
        title="Doorlooptijden",
        columns=["aantal", "mediaan", "90e percentiel", f"mediaan {data.previous.label}"],
        rows=rows,
        note="Van de stappen die in de periode zijn afgerond; gerekend in de soort dagen waarin "
        "het profiel de termijn telt (werkdagen: zonder za, zo en feestdagen). Het 90e "
        "percentiel is de waarde waar 90% van de verzoeken onder of op blijft.",
        chart_column=1,
        compare_column=2,
    )


def _written_on_time(data: ReportData) -> Table:
    questions = Case.objects.filter(municipality=data.municipality)
    rows = [
        Row(
            item.holder,
            [
                Cell(item.registered),
                Cell(item.on_time),
                Cell(item.late),
                Cell(item.open_in_term),
                Cell(item.open_overdue),
                Cell(item.rate, "%") if item.rate is not None else Cell(None),
            ],
        )
        for item in on_time_rows(questions, data.period.start, data.period.end, data.today)
    ]
    return Table(
        key="schriftelijke_vragen_op_tijd",
        title="Schriftelijke vragen binnen de termijn, per portefeuillehouder",
        columns=[
            "geregistreerd",
            "op tijd",
            "te laat",
            "open, binnen termijn",
            "open, termijn verstreken",
            "% op tijd",
        ],
        rows=rows,
        note="Vragen geregistreerd in de periode. Reglement van Orde: een antwoord of een "
        "uitstelbericht binnen de termijn telt als op tijd; het percentage is van de vragen "
        "waarvan de termijn voorbij is of die zijn beantwoord.",
        chart_column=5,
    )


def _hours_by_department(data: ReportData) -> Table:
    estimated: defaultdict = defaultdict(float)
    spent: defaultdict = defaultdict(float)
    for department_id, day, amount in data.estimates:
        if _in(data.period, day):
            estimated[data.departments.get(department_id, NO_DEPARTMENT)] += amount
    for department_id, day, amount, _ in data.hours:
        if _in(data.period, day):
            spent[data.departments.get(department_id, NO_DEPARTMENT)] += amount
    names = sorted(set(estimated) | set(spent), key=lambda name: (name == NO_DEPARTMENT, name))
    rows = [
        Row(
            name,
            [
                Cell(estimated[name], "uur"),
                Cell(spent[name], "uur"),
                Cell(spent[name] - estimated[name], "uur"),
            ],
        )
        for name in names
    ]
    rows.append(
        Row(
            "Totaal",
            [
                Cell(sum(estimated.values()), "uur"),
                Cell(sum(spent.values()), "uur"),
                Cell(sum(spent.values()) - sum(estimated.values()), "uur"),
            ],
            is_total=True,
        )
    )
    return Table(
        key="uren_per_afdeling",
        title="Geschatte en bestede uren per afdeling",
        columns=["geschat", "besteed", "verschil"],
        rows=rows,
        note="Geschat: de uren bij toewijzingen in de periode. Besteed: de uren die ambtenaren "
        "in de periode registreerden. Per afdeling van de ambtenaar.",
        compare_column=1,
    )


def _refusals(data: ReportData) -> Table:
    grounds = {ground.code: ground.label for ground in data.municipality.policy.refusal_grounds}
    now = Counter(
        g for action, day, _, g, _ in data.events if action == "refuse" and _in(data.period, day)
    )
    before = Counter(
        g for action, day, _, g, _ in data.events if action == "refuse" and _in(data.previous, day)
    )
    order = list(grounds) + sorted((set(now) | set(before)) - set(grounds))
    rows = [
        _trend_row(
            grounds.get(
                code, f"{code} (niet meer in het profiel)" if code else "grond niet vastgelegd"
            ),
            now[code],
            before[code],
        )
        for code in order
    ]
    rows.append(_trend_row("Totaal", sum(now.values()), sum(before.values())))
    rows[-1].is_total = True
    return Table(
        key="weigeringen",
        title="Weigeringen per grond",
        columns=_trend_columns(data),
        rows=rows,
        note=f"Weigeringen door de {data.municipality.policy.routing_officer_label} in de "
        "periode, per weigeringsgrond van de verordening.",
        compare_column=1,
    )


def _deferrals(data: ReportData) -> Table:
    labels = dict(Instrument.choices)
    now = Counter(
        i for action, day, i, _, _ in data.events if action == "defer" and _in(data.period, day)
    )
    before = Counter(
        i for action, day, i, _, _ in data.events if action == "defer" and _in(data.previous, day)
    )
    rows = [
        _trend_row(label, now[code], before[code])
        for code, label in labels.items()
        if code != Instrument.WRITTEN_QUESTION
    ]
    return Table(
        key="aanhoudingen",
        title="Aangehouden verzoeken",
        columns=_trend_columns(data),
        rows=rows,
        note="Keren dat de griffie een verzoek aanhield (bijvoorbeeld wegens drukte bij de "
        "afdeling), in de periode.",
        compare_column=1,
    )


def _mediations(data: ReportData) -> Table:
    forums = list(Mediation.Forum)
    outcomes = [(code, label) for code, label in Mediation.Outcome.choices] + [
        ("", "nog geen uitkomst")
    ]
    counts = Counter(
        (forum, outcome) for forum, outcome, day in data.mediations if _in(data.period, day)
    )
    rows = [
        Row(
            label,
            [Cell(counts[(forum, code)]) for forum in forums]
            + [Cell(sum(counts[(forum, code)] for forum in forums))],
        )
        for code, label in outcomes
    ]
    rows.append(
        Row(
            "Totaal",
            [Cell(sum(counts[(forum, code)] for code, _ in outcomes)) for forum in forums]
            + [Cell(sum(counts.values()))],
            is_total=True,
        )
    )
    return Table(
        key="bemiddelingen",
        title="Bemiddelingen en hun uitkomst",
        columns=["griffie", "driehoek", "totaal"],
        rows=rows,
        note="Bemiddelingen gevraagd in de periode: door de griffie tijdens het werk, of door de "
        "driehoek (griffier, gemeentesecretaris, burgemeester) na een weigering.",
        chart_column=2,
    )


def _evaluations(data: ReportData, threshold: int) -> Table:
    rows = []
    for perspective, label in Evaluation.Perspective.choices:
        now = [s for p, s, day in data.evaluations if p == perspective and _in(data.period, day)]
        before = [
            s for p, s, day in data.evaluations if p == perspective and _in(data.previous, day)
        ]
        rows.append(
            Row(label, [Cell(len(now)), _average(now, threshold), _average(before, threshold)])
        )
    return Table(
        key="evaluaties",
        title="Evaluaties: gemiddeld cijfer per rol",
        columns=["aantal", "gemiddeld cijfer (1–5)", f"gemiddeld {data.previous.label}"],
        rows=rows,
        note=f"Evaluaties na afloop van een traject, in de periode. Een gemiddelde over minder dan "
        f"{threshold} evaluaties wordt niet getoond: het zou naar één traject wijzen.",
        chart_column=1,
        compare_column=2,
    )


def _average(scores: list[int], threshold: int) -> Cell:
    if not scores:
        return Cell(None, "cijfer")
    cell = Cell(round(sum(scores) / len(scores), 1), "cijfer", threshold=threshold)
    if len(scores) < threshold:
        # Not "<3": that would read as an average below 3.
        cell.hidden = Hidden.WITHHELD
    return cell


def _openness(data: ReportData) -> Table:
    """How open the answers were: the handreiking's third conversation theme."""

    def kind(row) -> str:
        # Art. 25 Gemeentewet: secret information goes to the whole council, never to one member.
        if row.secret:
            return "geheim (art. 25 Gemeentewet): naar de hele raad"
        if row.instrument == Instrument.WRITTEN_QUESTION:
            return "openbaar: schriftelijke vragen (ingekomen stuk)"
        if row.confidential:
            return "vertrouwelijk: alleen voor de vrager"
        return "gedeeld met alle raadsleden"

    def answered(row) -> date | None:
        return row.answered if row.instrument == Instrument.WRITTEN_QUESTION else row.delivered

    labels = [
        "vertrouwelijk: alleen voor de vrager",
        "gedeeld met alle raadsleden",
        "geheim (art. 25 Gemeentewet): naar de hele raad",
        "openbaar: schriftelijke vragen (ingekomen stuk)",
    ]
    now = Counter(kind(row) for row in data.cases if _in(data.period, answered(row)))
    before = Counter(kind(row) for row in data.cases if _in(data.previous, answered(row)))
    rows = [_trend_row(label, now[label], before[label]) for label in labels]
    rows.append(_trend_row("Totaal", sum(now.values()), sum(before.values())))
    rows[-1].is_total = True
    return Table(
        key="openbaarheid",
        title="Antwoorden naar openbaarheid",
        columns=_trend_columns(data),
        rows=rows,
        note="Antwoorden opgeleverd (of door het college gegeven) in de periode, naar wie ze "
        "kregen. De verordening bepaalt of een antwoord alleen naar de vrager gaat of naar "
        "alle raadsleden; geheime informatie gaat altijd naar de hele raad.",
        compare_column=1,
    )


def _overdue(municipality: Municipality, today: date) -> Table:
    cases = Case.objects.filter(municipality=municipality)
    intake = cases.filter(state__in=(State.SUBMITTED, State.INTAKE), intake_due__lt=today).count()
    decision = cases.filter(state=State.FORWARDED, decision_due__lt=today).count()
    delivery = cases.filter(
        state__in=(State.ASSIGNED, State.KICKOFF_PLANNED, State.IN_PROGRESS),
        delivery_due__lt=today,
    ).count()
    written = (
        cases.filter(instrument=Instrument.WRITTEN_QUESTION).filter(overdue_filter(today)).count()
    )
    rows = [
        Row("Intake door de griffie", [Cell(intake)]),
        Row(f"Besluit van de {municipality.policy.routing_officer_label}", [Cell(decision)]),
        Row("Oplevering door de ambtenaar", [Cell(delivery)]),
        Row("Antwoord van het college op schriftelijke vragen", [Cell(written)]),
    ]
    return Table(
        key="termijn_verstreken",
        title=f"Nu over de termijn (stand {today:%d-%m-%Y})",
        columns=["aantal"],
        rows=rows,
        note="De stand van vandaag, los van de gekozen periode: open verzoeken waarvan de "
        "termijn van het profiel voorbij is.",
    )


def _toolkit_use(municipality: Municipality, period: Period, today: date, threshold: int) -> Table:
    """Only counts, and only at or above the small-cell threshold (reflection.suppression).

    The planner is the member's own (access.time_planner): the report counts how many keep one,
    never whose or what. Safety incidents appear in no report except as a count per year
    (safety.services, NVvR advice). Both hide 0 too: the zero rule of `protect`, so "<3" never
    tells that a member keeps a planner or that an incident was reported. No total is shown:
    with none, no hidden count can be worked out by subtraction.
    """
    years = [year for year in range(period.start.year, period.end.year + 1) if year <= today.year]
    incidents = incidents_per_year(municipality, years)
    rows = [
        Row(
            "Raadsleden en commissieleden die de tijdsbesteding bijhouden",
            [single_count(planner_users_count(municipality.pk, threshold), threshold)],
        )
    ]
    rows += [
        Row(
            f"Meldingen van bedreiging of intimidatie in {year}",
            [single_count(incidents[year], threshold)],
        )
        for year in years
    ]
    return Table(
        key="toolkit",
        title="Gebruik van de toolkit",
        columns=["aantal"],
        rows=rows,
        note=f"Alleen aantallen: wie de tijdsbesteding bijhoudt en wat erin staat blijft van het "
        f"raadslid zelf; over meldingen staat hier niets dan het aantal per kalenderjaar. Een "
        f"aantal onder {threshold} (ook 0) wordt niet getoond. De tijdsbesteding is de stand van "
        f"vandaag ({today:%d-%m-%Y}).",
        chart_column=None,
    )


def _key_figures(data: ReportData, times: tuple[dict, dict]) -> Table:
    def submitted(period, instrument=None):
        return sum(
            1
            for row in data.cases
            if _in(period, row.submitted) and (instrument is None or row.instrument == instrument)
        )

    def event_count(period, action):
        return sum(1 for a, day, *_ in data.events if a == action and _in(period, day))

    def hours(period):
        return round(sum(amount for _, day, amount, _ in data.hours if _in(period, day)), 1)

    delivered_label = LEAD_TIME_STEPS[2][1]
    delivered_now = median(times[0][delivered_label])
    delivered_before = median(times[1][delivered_label])
    p, q = data.period, data.previous
    rows = [
        _trend_row("Verzoeken ingediend", submitted(p), submitted(q)),
        _trend_row(
            "waarvan ambtelijke bijstand",
            submitted(p, Instrument.ASSISTANCE),
            submitted(q, Instrument.ASSISTANCE),
        ),
        _trend_row(
            "waarvan technische vragen",
            submitted(p, Instrument.TECHNICAL_QUESTION),
            submitted(q, Instrument.TECHNICAL_QUESTION),
        ),
        _trend_row(
            "waarvan schriftelijke vragen",
            submitted(p, Instrument.WRITTEN_QUESTION),
            submitted(q, Instrument.WRITTEN_QUESTION),
        ),
        _trend_row("Weigeringen", event_count(p, "refuse"), event_count(q, "refuse")),
        _trend_row("Aanhoudingen", event_count(p, "defer"), event_count(q, "defer")),
        _trend_row(
            "Bemiddelingen",
            sum(1 for *_, d in data.mediations if _in(p, d)),
            sum(1 for *_, d in data.mediations if _in(q, d)),
        ),
        Row(
            "Bestede uren ambtelijke bijstand",
            [
                Cell(hours(p), "uur"),
                Cell(hours(q), "uur"),
                Cell(round(hours(p) - hours(q), 1), "uur"),
            ],
        ),
        Row(
            "Mediaan doorlooptijd tot oplevering bijstand (dagen)",
            [
                Cell(delivered_now, "dagen"),
                Cell(delivered_before, "dagen"),
                Cell(delivered_now - delivered_before, "dagen")
                if delivered_now is not None and delivered_before is not None
                else Cell(None),
            ],
        ),
    ]
    return Table(
        key="kerncijfers",
        title="Kerncijfers en trend",
        columns=_trend_columns(data),
        rows=rows,
        note=f"Vergeleken met de vorige periode ({data.previous.label})."
        + (
            f" Let op: {data.period.label} loopt nog (stand {data.today:%d-%m-%Y}); de vorige "
            "periode is compleet."
            if data.period.is_running(data.today)
            else ""
        ),
        chart_column=None,
    )
