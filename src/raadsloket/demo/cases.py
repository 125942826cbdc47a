# SPDX-License-Identifier: EUPL-1.2
"""Demo requests in every state, made through the real workflow."""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.cases.services import log_direct_contact
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, new_written_question, run_to
from raadsloket.demo.people import World
from raadsloket.policy.deadlines import add_term

A, T = Instrument.ASSISTANCE, Instrument.TECHNICAL_QUESTION

# (target state, member, civil servant, instrument, policy area, title, question)
ASSISTANCE_CASES = [
    (
        State.DRAFT,
        "raadslid3",
        "ambtenaar1",
        A,
        "sociaal_domein",
        "Initiatiefvoorstel schuldhulp jongeren",
        "Welke gemeenten hebben een vroegsignaleringsaanpak voor jongeren met schulden en wat "
        "kost die? Ik wil een initiatiefvoorstel schrijven.",
    ),
    (
        State.SUBMITTED,
        "raadslid7",
        "ambtenaar6",
        A,
        "ruimtelijke_ontwikkeling",
        "Amendement woningbouwprogramma",
        "Kunt u mij helpen een amendement op te stellen dat het aandeel sociale huur in het "
        "woningbouwprogramma naar 35% brengt, met de financiële gevolgen?",
    ),
    (
        State.INTAKE,
        "raadslid12",
        "ambtenaar11",
        A,
        "mobiliteit",
        "Motie fietsveiligheid schoolroutes",
        "Ik wil een motie indienen over veilige schoolroutes. Welke routes hebben de meeste "
        "ongevallen en welke maatregelen zijn technisch mogelijk?",
    ),
    (
        State.DEFERRED,
        "raadslid15",
        "ambtenaar16",
        A,
        "financien",
        "Doorrekening alternatieve OZB-verhoging",
        "Kan een ambtenaar doorrekenen wat een OZB-stijging van 2% in plaats van 4% betekent "
        "voor de begroting, zodat ik een amendement kan schrijven?",
    ),
    (
        State.FORWARDED,
        "raadslid18",
        "ambtenaar21",
        A,
        "veiligheid",
        "Initiatiefvoorstel cameratoezicht uitgaansgebied",
        "Ik wil een initiatiefvoorstel voor tijdelijk cameratoezicht. Welke juridische en "
        "financiële randvoorwaarden gelden?",
    ),
    (
        State.ASSIGNED,
        "raadslid20",
        "ambtenaar26",
        A,
        "bedrijfsvoering",
        "Amendement inhuur externen",
        "Graag ondersteuning bij een amendement dat de inhuur van externen begrenst; welke "
        "cijfers over de afgelopen drie jaar zijn er?",
    ),
    (
        State.REFUSED,
        "raadslid22",
        "ambtenaar2",
        A,
        "sociaal_domein",
        "Standpunt wethouder over jeugdzorgaanbesteding",
        "Ik wil weten wat de wethouder werkelijk vindt van de aanbesteding jeugdzorg en wat er "
        "intern over gezegd wordt.",
    ),
    (
        State.OBJECTED,
        "raadslid24",
        "ambtenaar3",
        A,
        "duurzaamheid",
        "Motie warmtenet Noord",
        "Ondersteuning bij een motie over een warmtenet in Noord: welke varianten zijn "
        "technisch haalbaar en wat kosten ze?",
    ),
    (
        State.KICKOFF_PLANNED,
        "raadslid2",
        "ambtenaar12",
        A,
        "mobiliteit",
        "Initiatiefvoorstel parkeernormen binnenstad",
        "Kunt u mij helpen een initiatiefvoorstel uit te werken voor lagere parkeernormen bij "
        "woningbouw in de binnenstad?",
    ),
    (
        State.IN_PROGRESS,
        "raadslid1",
        "ambtenaar1",
        A,
        "sociaal_domein",
        "Leerlingenvervoer met vrijwilligers",
        "Als we ouders en vrijwilligers uit de wijk willen inschakelen bij het collectieve "
        "leerlingenvervoer, hoe regelen we dat? Welke afspraken moeten worden opgezegd en "
        "welke nieuwe gemaakt? Kan er een conceptregeling worden opgesteld?",
    ),
    (
        State.MEDIATION,
        "raadslid8",
        "ambtenaar7",
        A,
        "ruimtelijke_ontwikkeling",
        "Amendement omgevingsvisie groen",
        "Ondersteuning bij een amendement op de omgevingsvisie om meer groen in wijken vast "
        "te leggen, met kaarten en normen.",
    ),
    (
        State.DELIVERED,
        "raadslid10",
        "ambtenaar17",
        A,
        "financien",
        "Amendement reserve sociaal domein",
        "Kan een ambtenaar helpen bij een amendement dat een deel van de reserve sociaal "
        "domein inzet voor armoedebestrijding?",
    ),
    (
        State.EVALUATED,
        "raadslid13",
        "ambtenaar22",
        A,
        "economie",
        "Initiatiefvoorstel evenementenfonds",
        "Ik wil een initiatiefvoorstel voor een evenementenfonds uitwerken. Hoe is dat in "
        "vergelijkbare gemeenten geregeld?",
    ),
    (
        State.CLOSED,
        "raadslid16",
        "ambtenaar27",
        A,
        "bedrijfsvoering",
        "Motie digitale toegankelijkheid",
        "Ondersteuning bij een motie over digitale toegankelijkheid van de gemeentelijke "
        "website: wat is de stand van zaken en wat kost verbetering?",
    ),
    (
        State.WITHDRAWN,
        "raadslid25",
        "ambtenaar4",
        A,
        "onderwijs",
        "Huisvesting basisscholen",
        "Ondersteuning bij een motie over het integraal huisvestingsplan onderwijs.",
    ),
]


def _technical_cases(world: World) -> None:
    """Technische vragen: answered by the griffie, by a civil servant, one kept confidential."""
    case = new_case(
        world,
        "raadslid4",
        instrument=T,
        policy_area="sociaal_domein",
        title="Aantal kinderen in leerlingenvervoer",
        question="Hoeveel kinderen in onze gemeente maken gebruik van collectief "
        "leerlingenvervoer, en hoe ontwikkelden de kosten zich in vijf jaar?",
    )
    act(world, case, "submit", "raadslid4")
    act(world, case, "accept", "raadsadviseur")
    act(
        world,
        case,
        "deliver",
        "raadsadviseur",
        {
            "answer": "In 2025 maakten 214 kinderen gebruik van collectief leerlingenvervoer. De "
            "kosten stegen van € 1,1 mln (2021) naar € 1,6 mln (2025)."
        },
    )

    case = new_case(
        world,
        "raadslid9",
        instrument=T,
        policy_area="mobiliteit",
        title="Laadpalen per wijk",
        question="Hoeveel openbare laadpalen staan er per wijk, en hoeveel "
        "aanvragen liggen er nog?",
    )
    act(world, case, "submit", "raadslid9")
    act(world, case, "accept", "griffier")
    act(world, case, "forward", "griffier", {"note": "Graag een ambtenaar van Mobiliteit."})
    officer = (
        "secretaris"
        if world.municipality.policy.routing.officer == "municipal_secretary"
        else "kabinetschef"
    )
    act(
        world,
        case,
        "assign",
        officer,
        {"civil_servants": [world["ambtenaar11"].pk], "hours_estimate": "2"},
    )

    case = new_case(
        world,
        "raadslid11",
        instrument=T,
        policy_area="veiligheid",
        confidential=True,
        title="Meldingen overlast station",
        question="Hoeveel meldingen van overlast rond het station kwamen er in 2025 "
        "binnen, per maand?",
    )
    act(world, case, "submit", "raadslid11")

    # The glijdende schaal: a technical question that turns out to need assistance.
    case = new_case(
        world,
        "raadslid14",
        instrument=T,
        policy_area="duurzaamheid",
        title="Zonnepanelen op gemeentelijk vastgoed",
        question="Welke gemeentelijke gebouwen zijn geschikt voor zonnepanelen? "
        "Ik wil daarna een initiatiefvoorstel schrijven met een plan.",
    )
    act(world, case, "submit", "raadslid14")
    act(world, case, "accept", "griffier")
    act(
        world,
        case,
        "convert",
        "griffier",
        {"note": "Dit vraagt uitwerking van een eigen voorstel: ambtelijke bijstand."},
    )


def _secret_case(world: World) -> None:
    """Art. 25: a secret answer goes to the whole council, not to the requester alone."""
    case = new_case(
        world,
        "raadslid5",
        policy_area="ruimtelijke_ontwikkeling",
        title="Grondexploitatie bedrijventerrein",
        question="Ondersteuning bij een amendement op de grondexploitatie van het "
        "bedrijventerrein, met de onderhandelingsruimte.",
    )
    case = run_to(world, case, State.IN_PROGRESS, servant="ambtenaar8", member="raadslid5")
    act(
        world,
        case,
        "deliver",
        "ambtenaar8",
        {
            "answer": "De onderhandelingsruimte in de grondexploitatie is vertrouwelijk "
            "(geheimhouding opgelegd door het college).",
            "secret": True,
        },
    )


def _advised_case(world: World) -> None:
    case = new_case(
        world,
        "raadslid19",
        policy_area="sociaal_domein",
        title="Waarom stijgt het leerlingenvervoer?",
        question="Hoe verklaart het college dat het aantal kinderen in het "
        "leerlingenvervoer in vijf jaar verdubbelde?",
    )
    act(world, case, "submit", "raadslid19")
    act(world, case, "accept", "griffier")
    act(
        world,
        case,
        "close",
        "griffier",
        {
            "advised_instrument": "written_question",
            "note": "U vraagt naar de verklaring van het college: dat zijn schriftelijke vragen "
            "(art. 169 Gemeentewet), geen ambtelijke bijstand.",
        },
    )


# (state, member, wethouder, days ago registered, subject, question)
WRITTEN_QUESTIONS = [
    (
        "published",
        "raadslid3",
        "wethouder1",
        40,
        "Wachttijden jeugdzorg",
        "Hoe verklaart het college dat de wachttijden voor jeugdhulp in het afgelopen jaar zijn "
        "opgelopen tot twaalf weken? Welke maatregelen neemt het college om dit terug te dringen?",
    ),
    (
        "answered",
        "raadslid9",
        "wethouder2",
        20,
        "Onderhoud fietspaden Noord",
        "Is het college bekend met de slechte staat van de fietspaden in Noord? Wanneer is het "
        "groot onderhoud gepland?",
    ),
    (
        "registered",
        "raadslid12",
        "wethouder3",
        5,
        "Sluiting bibliotheekfiliaal",
        "Klopt het dat het filiaal in De Hoven sluit? Hoe weegt het college de bereikbaarheid "
        "voor ouderen?",
    ),
    (
        "registered",
        "raadslid15",
        "wethouder2",
        41,
        "Handhaving parkeren rond scholen",
        "Hoe vaak is er dit schooljaar gehandhaafd op parkeren bij de basisscholen, en is het "
        "college bereid de handhaving te verdubbelen?",
    ),
    (
        "postponed",
        "raadslid20",
        "wethouder4",
        28,
        "Warmtenet Oost",
        "Wat is de stand van de onderhandelingen over het warmtenet in Oost, en welke risico's ziet "
        "het college voor de gemeente?",
    ),
    (
        "submitted",
        "raadslid22",
        None,
        0,
        "Zwerfafval winkelcentrum",
        "Wat vindt het college van de toename van zwerfafval rond het winkelcentrum?",
    ),
    (
        "draft",
        "raadslid25",
        None,
        0,
        "Evenementenvergunning Koningsdag",
        "Waarom is de vergunning voor het buurtfeest op Koningsdag geweigerd?",
    ),
]


def _written_questions(world: World) -> None:
    """Schriftelijke vragen in every state; some registered long ago, so one is past its term."""
    for state, member, holder, days_ago, title, question in WRITTEN_QUESTIONS:
        case = new_written_question(world, member, title=title, question=question)
        if state == State.DRAFT:
            continue
        case = act(world, case, "submit", member)
        if state == State.SUBMITTED:
            continue
        case = act(world, case, "register", "griffier", {"portfolio_holder": world[holder].pk})
        _backdate(case, days_ago)
        case.refresh_from_db()
        if state == State.POSTPONED:
            new_date = (timezone.localdate() + timedelta(days=10)).isoformat()
            act(
                world,
                case,
                "postpone",
                "collegecontact",
                {
                    "reason": "Het college wacht op de uitkomst van het overleg met de netbeheerder.",
                    "new_date": new_date,
                },
            )
            continue
        if state in (State.ANSWERED, State.PUBLISHED):
            case = act(
                world,
                case,
                "answer",
                "collegecontact",
                {"answer": f"Antwoord van het college op de vragen over {title.lower()}."},
            )
        if state == State.PUBLISHED:
            meeting = (timezone.localdate() + timedelta(days=12)).isoformat()
            act(world, case, "publish", "griffier", {"meeting_date": meeting})


def _backdate(case, days: int) -> None:
    """Move a demo question's history `days` back, so the demo shows terms that have run."""
    if not days:
        return
    shift = timedelta(days=days)
    registered = case.registered_at - shift
    terms = case.municipality.policy.terms
    Case.objects.filter(pk=case.pk).update(
        created_at=F("created_at") - shift,
        submitted_at=F("submitted_at") - shift,
        registered_at=registered,
        answer_due=add_term(registered, terms.written_question, terms.local_holidays),
        intake_due=F("intake_due") - shift,
    )
    TimelineEvent.objects.filter(case=case).update(at=F("at") - shift)


def load_cases(world: World, *, small: bool = False) -> int:
    rows = ASSISTANCE_CASES[::3] if small else ASSISTANCE_CASES
    for state, member, servant, instrument, area, title, question in rows:
        case = new_case(
            world, member, instrument=instrument, policy_area=area, title=title, question=question
        )
        run_to(world, case, state, servant=servant, member=member)
    _technical_cases(world)
    _secret_case(world)
    _advised_case(world)
    _written_questions(world)
    _direct_contacts(world)
    return world.municipality.cases.count()


# (what the member did, member, title, question, answer) of logged direct contacts.
DIRECT_CONTACTS = [
    (
        None,
        "raadslid2",
        "Openingstijden milieustraat",
        "Wat zijn de openingstijden van de milieustraat op zaterdag?",
        "Op zaterdag van 9.00 tot 16.00 uur.",
    ),
    (
        "confirm_contact",
        "raadslid4",
        "Aantal laadpalen in de wijk",
        "Hoeveel openbare laadpalen staan er nu in de wijk Noord?",
        "In Noord staan 42 openbare laadpalen.",
    ),
    (
        "reject_contact",
        "raadslid6",
        "Stand aanbesteding groenonderhoud",
        "Is de aanbesteding voor het groenonderhoud al gegund?",
        "De gunning volgt volgende maand.",
    ),
]


def _direct_contacts(world: World) -> None:
    """Where the verordening allows direct contact (Utrecht profile): one waiting for the
    member's confirmation, one confirmed and one rejected."""
    if world.municipality.policy.channel.mode != "direct_small_facts":
        return
    for action, member, title, question, answer in DIRECT_CONTACTS:
        data = {
            "member": world[member].pk,
            "title": title,
            "question": question,
            "answer": answer,
            "policy_area": "duurzaamheid",
        }
        case = log_direct_contact(world["ambtenaar1"], data)
        if action is not None:
            act(world, case, action, member)
