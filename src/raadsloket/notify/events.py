# SPDX-License-Identifier: EUPL-1.2
"""Which action of a transition table tells whom what: one row per event.

Every action of every transition table has a rule here (tests/notify/test_notify_rules.py walks
the tables): an Event in EVENTS, or an entry in NOBODY that says why nobody is told. An action
whose rows mean different things (the griffie's mediation and the driehoek's decision are both
"mediate") is refined by where the case came from and went to in BY_ROW; `rule_for` finds it.

Legally required notices go by e-mail at once whatever a person chose (NotificationSetting):
- refuse, and the driehoek's decision that keeps the refusal: the model-verordening says a
  refusal is reasoned ("met redenen omkleed") and sent to the griffier and the member;
- answer and postpone (schriftelijke vragen): the Reglement van Orde says the college answers
  the member through the griffier, and when it is late informs the member with reasons and a new
  date; that notice counts as the answer for the term;
- a term that has passed, to the griffie (raadsloket.notify.reminders): the griffier watches the
  council's terms (Gemeentewet art. 107a; the verordening's and the Reglement's terms).
Everything else respects the person's choice: direct, dagelijkse samenvatting or uit.
"""

from dataclasses import dataclass

from raadsloket.cases.states import State
from raadsloket.notify import recipients as r
from raadsloket.notify.recipients import Recipients

REFUSAL_RULE = (
    "een weigering wordt met redenen omkleed aan de griffier en het raadslid gezonden "
    "(verordening ambtelijke bijstand)"
)
COLLEGE_ANSWER_RULE = (
    "het college beantwoordt schriftelijke vragen via de griffier aan het raadslid "
    "(Reglement van Orde)"
)
POSTPONEMENT_RULE = (
    "het college meldt het raadslid met redenen en een nieuwe datum dat het antwoord later komt; "
    "dat uitstelbericht geldt als antwoord binnen de termijn (Reglement van Orde)"
)
REFUSAL_UPHELD_RULE = (
    "een weigering wordt met redenen omkleed aan de griffier en het raadslid gezonden; het "
    "besluit van de driehoek dat de weigering in stand laat ook (verordening ambtelijke bijstand)"
)
TERM_PASSED_RULE = (
    "de griffier bewaakt de termijnen van de raad (Gemeentewet art. 107a, verordening en "
    "Reglement van Orde)"
)


@dataclass(frozen=True)
class Event:
    """One kind of notification.

    `message` is Dutch and may use {reference}, {instrument} and the event's own fields (such as
    {when} for the startgesprek); it must never contain the case's content.
    """

    label: str
    recipients: Recipients
    message: str
    legally_required: bool = False
    # The rule that makes it required, quoted in the e-mail.
    rule: str = ""
    # Attach the startgesprek as an iCalendar invitation (raadsloket.notify.calendar).
    invitation: bool = False


# fmt: off
EVENTS: dict[str, Event] = {
    "submit": Event("ingediend", r.together(r.griffie, r.requesters),
                    "Verzoek {reference} ({instrument}) is ingediend bij de griffie."),
    "forward": Event("doorgeleid", r.routing_officer,
                     "Verzoek {reference} ({instrument}) is aan u doorgeleid: wijs een ambtenaar "
                     "toe of weiger met redenen."),
    "convert": Event("omgezet", r.requesters,
                     "De griffie heeft verzoek {reference} omgezet; het loopt nu als "
                     "{instrument}."),
    "withdraw": Event("ingetrokken", r.together(r.handler, r.college_contacts_if_registered),
                      "Verzoek {reference} ({instrument}) is ingetrokken door de indiener."),
    "assign": Event("toegewezen", r.together(r.assignees, r.requesters),
                    "Voor verzoek {reference} ({instrument}) is een ambtenaar aangewezen."),
    "refuse": Event("geweigerd", r.together(r.requesters, r.handler, r.griffier),
                    "Verzoek {reference} ({instrument}) is geweigerd. De weigeringsgrond en de "
                    "motivering leest u in raadsloket.",
                    legally_required=True, rule=REFUSAL_RULE),
    "plan_kickoff": Event("startgesprek gepland",
                          r.together(r.requesters, r.assignees, r.handler),
                          "Voor verzoek {reference} ({instrument}) is een startgesprek "
                          "gepland{when}.", invitation=True),
    "deliver": Event("opgeleverd", r.together(r.requesters, r.council_if_secret),
                     "Het antwoord op verzoek {reference} ({instrument}) is opgeleverd."),
    # The griffier may ask to hold a request (handreiking, spelregel 2); the routing officer's
    # term to decide pauses with it.
    "defer": Event("aangehouden", r.together(r.requesters, r.routing_officer),
                   "Verzoek {reference} ({instrument}) is aangehouden. De reden en de datum tot "
                   "wanneer leest u in raadsloket."),
    "resume": Event("hervat", r.together(r.requesters, r.routing_officer),
                    "Verzoek {reference} ({instrument}) is hervat; de termijn loopt opnieuw."),
    "close": Event("afgesloten", r.together(r.requesters, r.handler, r.assignees),
                   "Verzoek {reference} ({instrument}) is afgesloten. Een toelichting of advies "
                   "leest u in raadsloket."),
    # RULES.md "Disputes" (handreiking, spelregel 3): an objection to a refusal goes to the
    # driehoek, and the routing officer who refused hears of it.
    "object": Event("bezwaar gemaakt", r.together(r.triangle, r.routing_officer, r.requesters),
                    "Tegen de weigering van verzoek {reference} ({instrument}) is bezwaar "
                    "gemaakt. Het bezwaar ligt bij de driehoek (griffier, gemeentesecretaris en "
                    "burgemeester); de toelichting leest u in raadsloket."),
    "triangle_vote": Event("stem driehoek", r.triangle,
                           "Een lid van de driehoek heeft gestemd over het bezwaar bij verzoek "
                           "{reference} ({instrument}). Het besluit valt als griffier, "
                           "gemeentesecretaris en burgemeester het eens zijn."),
    "objection_granted": Event("bezwaar toegekend",
                               r.together(r.requesters, r.griffie, r.routing_officer,
                                          r.assignees),
                               "De driehoek heeft besloten over het bezwaar bij verzoek "
                               "{reference} ({instrument}): de bijstand wordt alsnog verleend en "
                               "er is een ambtenaar aangewezen."),
    "objection_rejected": Event("weigering blijft", r.together(r.requesters, r.griffie,
                                                               r.routing_officer),
                                "De driehoek heeft besloten over het bezwaar bij verzoek "
                                "{reference} ({instrument}): de weigering blijft in stand. De "
                                "motivering leest u in raadsloket.",
                                legally_required=True, rule=REFUSAL_UPHELD_RULE),
    "request_mediation": Event("bemiddeling gevraagd",
                               r.together(r.handler_or_griffie, r.requesters, r.assignees),
                               "Voor verzoek {reference} ({instrument}) is bemiddeling door de "
                               "griffie gevraagd."),
    "mediate": Event("bemiddeld", r.together(r.requesters, r.assignees),
                     "De griffie heeft bemiddeld bij verzoek {reference} ({instrument}); het werk "
                     "gaat verder met nieuwe afspraken."),
    "evaluate": Event("geëvalueerd", r.handler_or_griffie,
                      "Voor verzoek {reference} ({instrument}) is een evaluatie vastgelegd."),
    # Schriftelijke vragen (Reglement van Orde; cases/written_question.py).
    "register": Event("geregistreerd", r.together(r.college_contacts, r.council_members),
                      "Schriftelijke vragen {reference} zijn geregistreerd en doorgezonden aan "
                      "het college en de raadsleden."),
    "answer": Event("beantwoord", r.together(r.requesters, r.handler_or_griffie),
                    "Het college heeft schriftelijke vragen {reference} beantwoord.",
                    legally_required=True, rule=COLLEGE_ANSWER_RULE),
    "postpone": Event("uitgesteld", r.together(r.requesters, r.handler_or_griffie),
                      "Het college heeft voor schriftelijke vragen {reference} een "
                      "uitstelbericht gestuurd. De reden en de nieuwe datum leest u in "
                      "raadsloket.",
                      legally_required=True, rule=POSTPONEMENT_RULE),
    "publish": Event("gepubliceerd", r.council_members,
                     "Schriftelijke vragen {reference} en het antwoord van het college zijn "
                     "gepubliceerd."),
    # Rechtstreeks contact (profile channel direct_small_facts): the member confirms (or the
    # griffie, per profile) before the contact counts or anyone else sees it.
    "log_contact": Event("rechtstreeks contact vastgelegd", r.contact_confirmers,
                         "Een ambtenaar heeft een rechtstreeks contact vastgelegd als verzoek "
                         "{reference} ({instrument}). Bevestig in raadsloket dat het contact zo "
                         "heeft plaatsgevonden, of wijs het af. Tot dan telt het niet mee en ziet "
                         "niemand anders dan de ambtenaar, het raadslid en de griffie het."),
    "confirm_contact": Event("contact bevestigd", r.together(r.contact_author, r.requesters),
                             "Het rechtstreekse contact van verzoek {reference} ({instrument}) "
                             "is bevestigd en telt nu mee."),
    "reject_contact": Event("contact afgewezen",
                            r.together(r.contact_author, r.requesters, r.griffier),
                            "Het rechtstreekse contact van verzoek {reference} ({instrument}) "
                            "is afgewezen: het telt niet mee en wordt met niemand gedeeld. Een "
                            "toelichting leest u in raadsloket."),
    "send_back": Event("teruggegeven", r.requesters,
                       "De griffie heeft schriftelijke vragen {reference} teruggegeven om aan te "
                       "passen. De opmerking van de griffie leest u in raadsloket."),
}
# fmt: on

# Actions after which nobody is told, and why (an explicit entry, not a missing one).
NOBODY: dict[str, str] = {
    "accept": (
        "de griffie neemt het ingediende verzoek in behandeling; het raadslid kreeg al bericht "
        "dat het is ingediend en hoort van de stap die voor hem iets verandert (omzetten, "
        "aanhouden, antwoord, afsluiten)"
    ),
    "record_kickoff": (
        "raadslid en ambtenaar spraken doel, uren en opleverdatum zelf af in het startgesprek, "
        "waarvoor zij een uitnodiging kregen; de griffie legt alleen vast wat zij afspraken"
    ),
    "log_hours": (
        "uren registreert de ambtenaar voor zichzelf terwijl het werk doorgaat; niemand hoeft "
        "erop te handelen, en de leidinggevende ziet alleen de uren op het verzoek"
    ),
    "correct_hours": (
        "een correctie van eigen uren is een boeking als het registreren zelf: niemand hoeft "
        "erop te handelen; de leidinggevende ziet de gecorrigeerde totalen op het verzoek"
    ),
}

# (action, state it came from, state it went to) → the event, where one action means several
# things. The driehoek's "mediate": a vote while the three do not agree yet, or the decision.
BY_ROW: dict[tuple[str, str, str], str] = {
    ("mediate", State.OBJECTED, State.OBJECTED): "triangle_vote",
    ("mediate", State.OBJECTED, State.ASSIGNED): "objection_granted",
    ("mediate", State.OBJECTED, State.CLOSED): "objection_rejected",
    # A civil servant's "deliver" of a direct contact asks for its confirmation.
    ("deliver", State.DRAFT, State.CONTACT_LOGGED): "log_contact",
}


def rule_for(action: str, from_state: str, to_state: str) -> tuple[str, Event] | str | None:
    """(event code, Event) for who is told of this transition; the reason why nobody is as a
    string; None when the action has no rule (tests/notify/test_notify_rules.py refuses that)."""
    code = BY_ROW.get((action, from_state, to_state), action)
    if code in EVENTS:
        return code, EVENTS[code]
    return NOBODY.get(action)


# Notices that ask someone to act, and whom (None: everyone told). Once the case takes its next
# step the action was taken, by them or a colleague, or is moot, and these notices are settled
# (delivery.settle): the griffie is told of what needs its action, and a notice of a step already
# taken is noise in its inbox.
TURN: dict[str, Recipients | None] = {
    # Model-verordening: a request is asked of the griffier; one of the griffie takes it in
    # intake, registers or converts it, and the others need not act on it any more.
    "submit": r.griffie,
    # Model-verordening: the secretaris (or kabinetschef) assigns or refuses.
    "forward": r.routing_officer,
    # RULES.md "Disputes": the griffie mediates first, then the driehoek decides; each vote is
    # announced to the others anew, so the previous notice has been overtaken.
    "request_mediation": r.handler_or_griffie,
    "object": r.triangle,
    "triangle_vote": r.triangle,
    # Reglement van Orde: the college answers registered questions or sends a postponement.
    "register": r.college_contacts,
    # The griffie closes the case after the evaluations (handreiking, evaluatie).
    "evaluate": r.handler_or_griffie,
    # The startgesprek's invitation is moot once the startgesprek has been recorded.
    "plan_kickoff": None,
    # A reminder before a term warns of the step due; once a step is taken the term moved on.
    "deadline_near": None,
}

# Notices without a case that ask the griffie to act on one page, by the notice that reports
# the griffie's decision on that same page (raadsloket.notify.send settles them): the question
# about an expense is answered, the yearly statement approved or sent back (RULES.md
# "Fractieondersteuning": accounting, unclear cases go to the presidium).
ANSWERED_BY: dict[str, str] = {
    "budget_question_answered": "budget_question_asked",
    "budget_statement_approved": "budget_statement_submitted",
    "budget_statement_returned": "budget_statement_submitted",
}

# Reminders (raadsloket.notify.reminders); recipients depend on the state, not on an action.
DEADLINE_NEAR = "deadline_near"
DEADLINE_OVERDUE = "deadline_overdue"
REMINDERS: dict[str, Event] = {
    DEADLINE_NEAR: Event(
        "termijn nadert",
        r.who_must_act,
        "De termijn voor {deadline} van verzoek {reference} ({instrument}) loopt af op {due}. "
        "Termijn: {rule}.",
    ),
    # Escalation after (ARCHITECTURE.md core idea 5): whoever must act, and the griffie, for
    # whom it is required (reminders.py adds the griffie with `rule`).
    DEADLINE_OVERDUE: Event(
        "termijn verlopen",
        r.who_must_act,
        "De termijn voor {deadline} van verzoek {reference} ({instrument}) is verlopen op {due}. "
        "Termijn: {rule}.",
        rule=TERM_PASSED_RULE,
    ),
}


def event_for(code: str) -> Event | None:
    return EVENTS.get(code) or REMINDERS.get(code)
