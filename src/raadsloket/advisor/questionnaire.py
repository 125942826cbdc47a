# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer as a choice: "wat hebt u nodig?" -> the instrument and why.

The first seven needs are the column "Behoefte raadslid/fractie" of the handreiking's table
"Praktijkvoorbeeld: wanneer gebruik je welk instrument?" and the toolkit's "Ken je instrumenten"
(motie, amendement, interpellatie, raadsonderzoek, rekenkamer, budgetrecht). A choice needs no
guessing, so its advice carries no confidence signal and no warnings.
"""

from dataclasses import dataclass

from raadsloket.advisor import catalogue
from raadsloket.advisor.advisor import Advice


@dataclass(frozen=True)
class Need:
    code: str
    label: str
    instrument: str
    alternatives: tuple[str, ...]
    # Completes the sentence after "<instrument name> past, want ...".
    why: str


NEEDS: tuple[Need, ...] = (
    Need(
        "facts",
        "(Beperkte) feitelijke informatie",
        "technical_question",
        ("written_question",),
        "feitelijke informatie die de ambtelijke organisatie eenvoudig kan geven, vraagt u via de "
        "griffie als technische vraag (handreiking, tabel 'Praktijkvoorbeeld')",
    ),
    Need(
        "college_view",
        "Informatie en opvattingen of een verklaring van het college",
        "written_question",
        ("interpellation",),
        "wat het college vindt of hoe het iets verklaart, vraagt u het college zelf; het college "
        "antwoordt aan de hele raad",
    ),
    Need(
        "explore_own_input",
        "Mogelijkheden verkennen voor eigen politieke inbreng",
        "fractie_support",
        ("assistance",),
        "onder eigen regie verkennen wat uw inbreng kan zijn, doet de fractie met het budget "
        "voor fractieondersteuning",
    ),
    Need(
        "work_out_own_proposal",
        "Een eigen voorstel, amendement of motie uitwerken",
        "assistance",
        ("motion", "amendment", "initiative_proposal"),
        "een ambtenaar met inhoudelijke kennis helpt u uw eigen voorstel, amendement of motie "
        "uit te werken; het instrument zelf dient u daarna in",
    ),
    Need(
        "change_draft_decision",
        "Een conceptbesluit dat op de agenda staat wijzigen",
        "amendment",
        ("motion", "assistance"),
        "een voorstel tot wijziging van een conceptbesluit of conceptverordening dat de raad "
        "behandelt, is een amendement",
    ),
    Need(
        "debate_off_agenda",
        "Debatteren over iets dat niet op de agenda staat",
        "interpellation",
        ("written_question",),
        "met verlof van de raad debatteert u met het college over een onderwerp dat niet op de "
        "agenda staat",
    ),
    Need(
        "investigate_policy",
        "Het gevoerde beleid van het college onderzoeken",
        "council_inquiry",
        ("audit_office",),
        "de raad kan zelf onderzoek doen naar het gevoerde bestuur, zo nodig met openbare "
        "verhoren; lichter is een verzoek aan de rekenkamer",
    ),
    Need(
        "direct_college",
        "Het college een richting opdragen",
        "motion",
        ("amendment", "initiative_proposal"),
        "met een motie spreekt de raad uit welke richting het college op moet",
    ),
    Need(
        "set_budget",
        "Bepalen waaraan geld wordt besteed (begroting)",
        "budget_right",
        ("amendment", "motion"),
        "de raad bepaalt elk jaar voor welke doelen en tot welke bedragen geld beschikbaar komt",
    ),
)

_BY_CODE: dict[str, Need] = {need.code: need for need in NEEDS}


def need(code: str) -> Need:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise KeyError(f"onbekende behoefte '{code}'; kies uit: {', '.join(_BY_CODE)}") from None


def advise_need(code: str) -> Advice:
    """The instrument for a need chosen from NEEDS, with the reason and its legal basis."""
    chosen = need(code)
    instrument = catalogue.get(chosen.instrument)
    signals = (
        f"U koos: {chosen.label.lower()}.",
        f"{instrument.name} past, want {chosen.why}.",
        f"Grondslag: {instrument.legal_basis}.",
        f"Uitvoering: {instrument.executed_by}.",
    )
    return Advice(
        instrument=chosen.instrument,
        alternatives=chosen.alternatives,
        signals=signals,
        warnings=(),
        confidence="hoog",
    )
