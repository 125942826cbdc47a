# SPDX-License-Identifier: EUPL-1.2
"""The conversation agenda that ends the report: the handreiking's themes, filled with figures.

Handreiking, "Voer het gesprek": the presidium, the fractievoorzittersoverleg or the
werkgeverscommissie reflects on how the instruments are used; then the driehoek. "Voorbeeld van
gespreksthema's": the usefulness of the verordening, the working out of the spelregels, and the
openness of the information given. "Periodieke reflectie": do this regularly.

Only figures the reader may see in the report itself are used, and never a hidden cell.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from raadsloket.policy.schema import PolicyProfile
from raadsloket.reflection.tables import format_number

if TYPE_CHECKING:
    from raadsloket.reflection.figures import Report


@dataclass
class Theme:
    title: str
    source: str  # the handreiking's wording
    facts: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


def _value(report: "Report", table: str, row: str, column: int = 0):
    try:
        table_obj = report.table(table)
    except StopIteration:
        return None
    for item in table_obj.rows:
        if item.label == row:
            return item.cells[column].number
    return None


def _trend(now, before) -> str:
    if now is None or before is None:
        return ""
    if now == before:
        return "evenveel als"
    return "meer dan" if now > before else "minder dan"


def _days(value) -> str:
    return "–" if value is None else format_number(value, "dagen")


def _hours(value) -> str:
    return format_number(value, "uur")


def agenda(report: "Report", profile: PolicyProfile) -> list[Theme]:
    period, previous = report.period.label, report.previous.label
    assistance = _value(report, "kerncijfers", "waarvan ambtelijke bijstand")
    assistance_before = _value(report, "kerncijfers", "waarvan ambtelijke bijstand", 1)
    refusals = _value(report, "kerncijfers", "Weigeringen") or 0
    deferrals = _value(report, "kerncijfers", "Aanhoudingen") or 0
    mediations = _value(report, "kerncijfers", "Bemiddelingen") or 0
    hours = _value(report, "kerncijfers", "Bestede uren ambtelijke bijstand") or 0
    lead = report.table("doorlooptijden")
    decision_row = next((row for row in lead.rows if "toegewezen" in row.label), None)
    decision_median = decision_row.cells[1].number if decision_row else None
    verordening = Theme(
        "Reflectie op de bruikbaarheid van de actuele verordening",
        "Reflectie op de bruikbaarheid van de actuele verordening.",
        facts=[
            f"In {period} vroegen raadsleden {assistance or 0} keer ambtelijke bijstand "
            f"({_trend(assistance, assistance_before)} in {previous}: {assistance_before or 0}).",
            f"De {profile.routing_officer_label} weigerde {refusals} keer; de griffie hield "
            f"{deferrals} keer een verzoek aan; er werd {mediations} keer bemiddeld.",
            f"Ambtenaren besteedden {_hours(hours)} uur aan ambtelijke bijstand.",
            f"Van indiening tot toewijzing van een ambtenaar duurde het in de helft van de "
            f"gevallen hoogstens {_days(decision_median)} "
            f"{'werkdagen' if profile.terms.decision.kind == 'working' else 'kalenderdagen'} "
            f"(streeftermijn besluit: {profile.terms.decision.days}).",
        ],
        questions=[
            "Weten raadsleden het instrument te vinden, en past het aantal verzoeken bij wat de "
            "raad nodig heeft?",
            "Zijn de weigeringsgronden en de termijnen van de verordening bruikbaar, of moeten ze "
            "worden aangepast?",
        ],
    )
    mediation_facts = []
    evaluations = report.table("evaluaties")
    for row in evaluations.rows:
        score = row.cells[1]
        if score.number is not None:
            mediation_facts.append(f"Gemiddeld evaluatiecijfer ({row.label}): {score.shown}.")
    fairness = _fairness_facts(report)
    spelregels = Theme(
        "De uitwerking en concretisering van de spelregels",
        "De uitwerking en concretisering van de spelregels, zoals die in de handreiking zijn "
        "gepresenteerd.",
        facts=[
            f"Bemiddelingen in {period}: {mediations}; de uitkomsten staan in de tabel "
            '"Bemiddelingen en hun uitkomst".',
            *mediation_facts,
            *fairness,
        ],
        questions=[
            "Komen ambtenaren in de spagaat tussen college en raad, en helpen de afspraken uit "
            "het startgesprek daarbij?",
            "Bedient het instrument kleine en grote fracties, coalitie en oppositie even goed "
            '(zie "Gebruik per fractie")?'
            if report.audience == "full"
            else "Bedient het instrument alle fracties even goed?",
        ],
    )
    openness_text = (
        "Alleen de vrager krijgt het antwoord (vertrouwelijkheid in een bubbel)."
        if profile.openness.answers == "requester_only"
        else "Elk raadslid krijgt dezelfde informatie als de vrager."
    )
    answers = report.table("openbaarheid")
    answer_counts = {row.label: row.cells[0].number for row in answers.rows}
    on_time = report.table("schriftelijke_vragen_op_tijd")
    registered = sum(row.cells[0].number or 0 for row in on_time.rows)
    in_time = sum(row.cells[1].number or 0 for row in on_time.rows)
    openness = Theme(
        "De mate van openbaarheid van de verstrekte informatie",
        "De mate van openbaarheid van de verstrekte informatie.",
        facts=[
            f"De verordening: {openness_text}",
            "Het college hoort dat een traject start (niet de inhoud)."
            if profile.openness.college_notified_of_start
            else "Het college hoort niet dat een traject loopt.",
            f"Schriftelijke vragen geregistreerd in {period}: {registered}, waarvan {in_time} "
            "binnen de termijn beantwoord of met een uitstelbericht.",
            f"Antwoorden in {period}: "
            + "; ".join(
                f"{label} {count}" for label, count in answer_counts.items() if label != "Totaal"
            )
            + ".",
        ],
        questions=[
            "Is de gekozen openbaarheid de goede, of zouden alle raadsleden antwoorden moeten "
            "krijgen?",
            "Beantwoordt het college schriftelijke vragen op tijd?",
        ],
    )
    return [verordening, spelregels, openness]


def _fairness_facts(report: "Report") -> list[str]:
    """Use per 10 seats of coalition and opposition, small and large, where the report shows it."""
    facts = []
    for key in ("coalitie_oppositie", "klein_groot"):
        try:
            table = report.table(key)
        except StopIteration:
            continue  # the aggregate report has no figures per fractie
        column = table.columns.index("bijstand per 10 zetels")
        parts = [
            f"{row.label} {row.cells[column].shown}"
            for row in table.rows
            if row.cells[column].number is not None
        ]
        if len(parts) == len(table.rows) and len(parts) > 1:
            facts.append(
                "Verzoeken om ambtelijke bijstand per 10 zetels: " + ", ".join(parts) + "."
            )
    return facts
