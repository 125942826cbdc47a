# SPDX-License-Identifier: EUPL-1.2
"""The rules a new request falls under, per instrument, from the municipality's profile.

One source for what happens and for what the member is told: `create_case` stores the
openness that `is_confidential` gives, and the new-request form explains the same rules
(`rules_for`), in the words the case page uses once the case exists.
"""

from raadsloket.cases.instruments import SLUGS, Instrument
from raadsloket.policy.deadlines import describe_term
from raadsloket.policy.schema import PolicyProfile

# Art. 25 Gemeentewet: secret information goes to the council as a whole, whatever else holds.
SECRET_RULE = (
    "Informatie waarop geheimhouding rust (art. 25 Gemeentewet) gaat altijd naar de gehele raad."
)
# The case page's "Openbaarheid" of a written question (templates/cases/detail.html).
WRITTEN_PUBLIC = (
    "openbaar: vragen en antwoord gaan naar alle raadsleden en het college (Reglement van Orde)"
)


def is_confidential(instrument: str, profile: PolicyProfile, *, asked: bool) -> bool:
    """Whether only the requesters receive the answer; `asked`: the member ticked it."""
    if instrument == Instrument.ASSISTANCE:
        # Profile openness: only the requester, or every member receives the answer.
        return profile.openness.answers == "requester_only"
    if instrument == Instrument.WRITTEN_QUESTION:
        # Reglement van Orde: the griffier passes the questions to every member and the college.
        return False
    # Technische vragen are public unless the member objects (RULES.md).
    return asked or not profile.openness.technical_questions_public


def _assistance(profile: PolicyProfile) -> list[str]:
    channel = "Uw verzoek gaat naar de griffie"
    if profile.channel.mode == "direct_small_facts":
        channel += (
            "; voor kleine feitelijke informatie mag u een ambtenaar ook rechtstreeks benaderen "
            "(dat wordt vastgelegd)"
        )
    rules = [
        f"{channel}. De griffie doet de intake en geleidt een verzoek om ambtelijke bijstand door "
        f"naar de {profile.routing_officer_label}, die een ambtenaar toewijst of het verzoek met "
        "redenen weigert.",
        (
            "Het antwoord op een verzoek om ambtelijke bijstand is alleen voor u en uw "
            "mede-indieners."
            if is_confidential(Instrument.ASSISTANCE, profile, asked=False)
            else "Het antwoord op een verzoek om ambtelijke bijstand krijgen alle raadsleden "
            "(gelijke informatie)."
        )
        + " "
        + SECRET_RULE,
        "Het college hoort dat een traject is gestart (beleidsterrein en periode), nooit waarover "
        "het gaat."
        if profile.openness.college_notified_of_start
        else "Het college wordt niet over uw verzoek geïnformeerd.",
    ]
    if profile.channel.report_to_portfolio_holder:
        rules.append(
            "Let op: volgens de verordening meldt de ambtenaar uw vraag en het antwoord aan de "
            "portefeuillehouder."
        )
    return rules


def _technical_question(profile: PolicyProfile) -> list[str]:
    openness = (
        "Het antwoord is openbaar: alle raadsleden krijgen het (gelijke informatie), tenzij u "
        "'Vertrouwelijk behandelen' aanzet; dan is het alleen voor u en uw mede-indieners."
        if profile.openness.technical_questions_public
        else "Het antwoord is alleen voor u en uw mede-indieners."
    )
    agenda = profile.agenda_questions
    return [
        "Een technische vraag is feitelijk en niet politiek. Uw vraag gaat naar de griffie, die "
        "haar uitzet bij de ambtenaar die het antwoord kent.",
        f"{openness} {SECRET_RULE}",
        f"Over een agendapunt: dien uw vraag in vóór {agenda.submit_by} vóór de vergadering; het "
        f"antwoord komt uiterlijk {agenda.answer_by} vóór de vergadering. Anders: "
        f"{describe_term(profile.terms.technical_question)}.",
    ]


def _written_question(profile: PolicyProfile) -> list[str]:
    return [
        "Schriftelijke vragen (art. 155 Gemeentewet) stelt u aan het college of de burgemeester. "
        "U dient ze in bij de griffie; die controleert de vorm en geeft ze zo spoedig mogelijk "
        "door aan alle raadsleden en aan het college.",
        f"Uw vragen zijn {WRITTEN_PUBLIC}. 'Vertrouwelijk behandelen' geldt niet voor "
        f"schriftelijke vragen. {SECRET_RULE}",
        f"Het college antwoordt binnen {describe_term(profile.terms.written_question)} na de "
        "registratie door de griffie. Lukt dat niet, dan krijgt u een uitstelbericht met de reden "
        "en een nieuwe datum.",
        "Vragen en antwoord komen als ingekomen stuk op de agenda van de raadsvergadering; daar "
        "kunt u nadere vragen stellen.",
    ]


_RULES = {
    Instrument.ASSISTANCE: _assistance,
    Instrument.TECHNICAL_QUESTION: _technical_question,
    Instrument.WRITTEN_QUESTION: _written_question,
}


def chosen_instrument(value: object) -> Instrument:
    """The instrument a form names; anything else is the form's default, ambtelijke bijstand."""
    return Instrument(str(value)) if value in Instrument.values else Instrument.ASSISTANCE


def rules_for(instrument: Instrument, profile: PolicyProfile) -> dict:
    """The heading and the sentences the new-request form shows beside an instrument."""
    return {
        "instrument": instrument,
        "label": instrument.label,
        "rules": _RULES[instrument](profile),
        "slug": SLUGS[instrument],
        "others": [
            {"label": other.label, "slug": SLUGS[other]}
            for other in Instrument
            if other != instrument
        ],
    }
