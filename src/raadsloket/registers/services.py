# SPDX-License-Identifier: EUPL-1.2
"""The domain functions of the registers: record an item and change its status.

Every change is one function that checks the access layer (raadsloket.access.registers), locks
the row, refuses a wrong transition with a Dutch message, saves and writes the audit chain, all in
one transaction (ARCHITECTURE.md core idea 2): nothing is half-written.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from raadsloket.access import registers as access
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.follow import alerts as follow
from raadsloket.lib.errors import Conflict, Forbidden, InvalidInput
from raadsloket.lib.uploads import PDF, Allowed, check_upload, stored_name
from raadsloket.organisation.models import Fractie, Person
from raadsloket.organisation.roles import COLLEGE, Role
from raadsloket.registers.models import (
    Amendment,
    Commitment,
    InitiativeProposal,
    Motion,
    Outcome,
    RegisterItem,
    Vote,
)

Execution = Motion.Execution
CStatus = Commitment.Status
IStatus = InitiativeProposal.Status
# An initiatiefvoorstel's outcome is one of these (the council votes, or the submitters withdraw).
INITIATIVE_OUTCOMES = {IStatus.ADOPTED, IStatus.REJECTED}
# The college's letter that a motie is executed (Reglement van Orde: the college informs the council).
LETTERS = Allowed((PDF,), wrong_type="De collegebrief is een PDF-bestand; '{name}' is dat niet.")
INITIATIVE_OPEN = {IStatus.CONCEPT, IStatus.SUBMITTED, IStatus.COLLEGE_VIEWS, IStatus.SCHEDULED}


@dataclass(frozen=True)
class ProposalInput:
    """A motie or amendement as the griffie records it (form, API or import)."""

    number: str
    title: str
    meeting_date: date
    outcome: str
    text: str = ""
    agenda_item: str = ""
    submitters: tuple[Person, ...] = ()
    co_signers: tuple[Person, ...] = ()
    votes: tuple[tuple[Fractie, str], ...] = ()
    # A motie only.
    portfolio_holder: Person | None = None
    due_date: date | None = None
    # An amendement only: the proposal it changes.
    amends: str = ""


@dataclass(frozen=True)
class CommitmentInput:
    title: str
    portfolio_holder: Person
    meeting_name: str
    meeting_date: date
    made_to: str
    text: str
    due_date: date
    number: str = ""


def _audit(viewer: Viewer, action: str, item: RegisterItem, **detail) -> None:
    record(
        f"register_{item.KIND}_{action}",
        actor=Person.objects.filter(pk=viewer.person_id).first(),
        municipality_id=item.municipality_id,
        detail={"kind": item.KIND, "id": item.pk, "number": item.number, **detail},
    )


def _locked(item: Model):
    return type(item).objects.select_for_update().get(pk=item.pk)


def _wrong_state(item: RegisterItem, what: str) -> Conflict:
    return Conflict(f"{what} kan niet: {item.LABEL} {item.number} is {item.status_label}.")


def portfolio_holders(municipality_id: int):
    """The college: burgemeester and wethouders of the municipality."""
    return Person.objects.filter(
        municipality_id=municipality_id, role_assignments__role__in=COLLEGE, is_active=True
    ).distinct()


def council_members(municipality_id: int):
    return Person.objects.filter(
        municipality_id=municipality_id,
        role_assignments__role=Role.COUNCIL_MEMBER,
        is_active=True,
    ).distinct()


def next_number(model: type[RegisterItem], municipality_id: int, prefix: str, year: int) -> str:
    """The next free number of the year, e.g. T-2026-014 (the griffie may give its own)."""
    stem = f"{prefix}-{year}-"
    taken = model.objects.filter(municipality_id=municipality_id, number__startswith=stem)
    count = taken.count() + 1
    while taken.filter(number=f"{stem}{count:03d}").exists():
        count += 1
    return f"{stem}{count:03d}"


@dataclass(frozen=True)
class Known:
    """What the checks look up, read once for a whole import instead of once per row."""

    members: frozenset[int]
    holders: frozenset[int]
    numbers: frozenset[str]


def known_for(model: type[RegisterItem], municipality_id: int) -> Known:
    return Known(
        members=frozenset(council_members(municipality_id).values_list("pk", flat=True)),
        holders=frozenset(portfolio_holders(municipality_id).values_list("pk", flat=True)),
        numbers=frozenset(
            model.objects.filter(municipality_id=municipality_id).values_list("number", flat=True)
        ),
    )


def check_proposal(
    model: type[Motion] | type[Amendment],
    municipality_id: int,
    data: ProposalInput,
    known: Known | None = None,
):
    """Every Dutch error of a motie or amendement, by field (empty: it may be recorded)."""
    errors: dict[str, list[str]] = {}
    known = known or known_for(model, municipality_id)

    def bad(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not data.number.strip():
        bad("number", "Vul het nummer in.")
    elif data.number.strip() in known.numbers:
        bad("number", f"Er is al een {model.LABEL} met nummer {data.number.strip()}.")
    if not data.title.strip():
        bad("title", "Vul de titel in.")
    if data.outcome not in Outcome.values:
        bad("outcome", "Kies een uitkomst: aangenomen, verworpen, ingetrokken of aangehouden.")
    if not data.submitters:
        bad("submitters", "Noem ten minste één indiener (een raadslid).")
    _check_people_and_votes(municipality_id, data, bad, known.members)
    if model is Amendment and not data.amends.strip():
        bad("amends", "Noem het voorstel dat het amendement wijzigt.")
    if model is Motion and data.outcome == Outcome.ADOPTED:
        errors.update(
            check_execution(municipality_id, data.portfolio_holder, data.due_date, known.holders)
        )
    return errors


def _check_people_and_votes(
    municipality_id: int, data: ProposalInput, bad, members: frozenset[int]
) -> None:
    for person in (*data.submitters, *data.co_signers):
        if person.pk not in members:
            bad("submitters", f"{person.display_name} is geen raadslid van deze gemeente.")
    fracties = set()
    for fractie, choice in data.votes:
        if fractie.municipality_id != municipality_id:
            bad("votes", f"Fractie {fractie} hoort niet bij deze gemeente.")
        if choice not in Vote.Choice.values:
            bad("votes", f"Stem van {fractie}: kies voor of tegen.")
        if fractie.pk in fracties:
            bad("votes", f"Fractie {fractie} staat twee keer bij de stemmen.")
        fracties.add(fractie.pk)


def check_execution(
    municipality_id: int,
    holder: Person | None,
    due: date | None,
    holders: frozenset[int] | None = None,
):
    errors: dict[str, list[str]] = {}
    if holders is None:
        holders = frozenset(portfolio_holders(municipality_id).values_list("pk", flat=True))
    if holder is None:
        errors["portfolio_holder"] = [
            "Een aangenomen motie krijgt een uitvoerend portefeuillehouder."
        ]
    elif holder.pk not in holders:
        errors["portfolio_holder"] = [f"{holder.display_name} is geen lid van het college."]
    if due is None:
        errors["due_date"] = ["Een aangenomen motie krijgt een datum waarop zij is uitgevoerd."]
    return errors


def _require_recorder(viewer: Viewer) -> None:
    if not access.records_registers(viewer):
        raise Forbidden("Alleen de griffie legt moties, amendementen en toezeggingen vast.")


def new_proposal(model, municipality_id: int, data: ProposalInput, viewer: Viewer):
    """The unsaved item (checked already); `store_proposals` saves it with its people."""
    fields = {
        "municipality_id": municipality_id,
        "number": data.number.strip(),
        "title": data.title.strip(),
        "text": data.text,
        "meeting_date": data.meeting_date,
        "agenda_item": data.agenda_item,
        "outcome": data.outcome,
        "recorded_by_id": viewer.person_id,
    }
    if model is Motion:
        adopted = data.outcome == Outcome.ADOPTED
        fields.update(
            portfolio_holder=data.portfolio_holder if adopted else None,
            due_date=data.due_date if adopted else None,
            execution=Execution.IN_PROGRESS if adopted else Execution.NONE,
        )
    else:
        fields["amends"] = data.amends.strip()
    return model(**fields)


def store_proposals(model, pairs: list[tuple[RegisterItem, ProposalInput]]) -> None:
    """Save items with their submitters, co-signers and votes in a few queries whatever their
    number (an import of a council term's register; inside the caller's transaction)."""
    model.objects.bulk_create([item for item, _ in pairs])
    key = model._meta.model_name
    for relation, people in (("submitters", "submitters"), ("co_signers", "co_signers")):
        through = getattr(model, relation).through
        through.objects.bulk_create(
            [
                through(**{f"{key}_id": item.pk, "person_id": person.pk})
                for item, data in pairs
                for person in dict.fromkeys(getattr(data, people))
            ]
        )
    Vote.objects.bulk_create(
        [
            Vote(fractie=fractie, choice=choice, **{key: item})
            for item, data in pairs
            for fractie, choice in data.votes
        ]
    )


def record_proposal(viewer: Viewer, model, data: ProposalInput):
    """The griffie records a motie or amendement with its outcome and votes."""
    _require_recorder(viewer)
    errors = check_proposal(model, viewer.tenant, data)
    if errors:
        raise InvalidInput("Controleer de invoer.", errors=errors)
    with transaction.atomic():
        item = new_proposal(model, viewer.tenant, data, viewer)
        store_proposals(model, [(item, data)])
        _audit(viewer, "recorded", item, outcome=item.outcome)
        follow.register_item_created(item, actor_id=viewer.person_id)
    return item


def decide_held(
    viewer: Viewer,
    item: Motion | Amendment,
    outcome: str,
    *,
    votes: Iterable[tuple[Fractie, str]] = (),
    portfolio_holder: Person | None = None,
    due_date: date | None = None,
):
    """A held (aangehouden) motie or amendement comes back to the vote."""
    _require_recorder(viewer)
    if outcome not in Outcome.values or outcome == Outcome.HELD:
        raise InvalidInput(
            "Kies de uitkomst van de stemming.",
            field="outcome",
        )
    with transaction.atomic():
        item = _locked(item)
        if item.municipality_id != viewer.tenant:
            raise Forbidden("Dit hoort niet bij uw gemeente.")
        if item.outcome != Outcome.HELD:
            raise _wrong_state(item, "Een nieuwe uitkomst vastleggen")
        if isinstance(item, Motion) and outcome == Outcome.ADOPTED:
            errors = check_execution(item.municipality_id, portfolio_holder, due_date)
            if errors:
                raise InvalidInput("Controleer de invoer.", errors=errors)
            item.portfolio_holder = portfolio_holder
            item.due_date = due_date
            item.execution = Execution.IN_PROGRESS
        item.outcome = outcome
        item.save()
        key = "motion" if isinstance(item, Motion) else "amendment"
        for fractie, choice in votes:
            Vote.objects.update_or_create(
                fractie=fractie, **{key: item}, defaults={"choice": choice}
            )
        _audit(viewer, "outcome", item, outcome=outcome)
        follow.register_item_changed(item, actor_id=viewer.person_id)
    return item


def complete_motion(viewer: Viewer, motion: Motion, *, letter=None, reference: str = "") -> Motion:
    """The college's letter says the motie is executed: afgedaan (Reglement van Orde)."""
    if not access.registers_execution(viewer, motion):
        raise Forbidden(
            "Alleen de contactpersoon van het college, de portefeuillehouder of de griffie "
            "registreert de collegebrief."
        )
    if letter is not None:
        check_upload(letter, LETTERS, field="letter")
    if letter is None and not reference.strip():
        raise InvalidInput(
            "Voeg de collegebrief toe of noem het kenmerk ervan.", field="letter_reference"
        )
    with transaction.atomic():
        motion = _locked(motion)
        if motion.execution != Execution.IN_PROGRESS:
            raise _wrong_state(motion, "Afdoen")
        motion.execution = Execution.DONE
        motion.done_at = timezone.now()
        motion.letter_reference = reference.strip()
        if letter is not None:
            # Stored under a random name (lib/uploads.py); the page offers it as a download.
            motion.letter.save(f"{stored_name()}.pdf", letter, save=False)
        motion.save()
        _audit(viewer, "done", motion, reference=motion.letter_reference)
        follow.register_item_changed(motion, actor_id=viewer.person_id)
    return motion


# --- toezeggingen ---------------------------------------------------------------------------------


def check_commitment(
    municipality_id: int, data: CommitmentInput, known: Known | None = None
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    known = known or known_for(Commitment, municipality_id)
    if data.number and data.number.strip() in known.numbers:
        errors["number"] = [f"Er is al een toezegging met nummer {data.number.strip()}."]
    for field, label in (
        ("title", "de titel"),
        ("meeting_name", "de vergadering"),
        ("made_to", "aan wie is toegezegd"),
        ("text", "wat is toegezegd"),
    ):
        if not str(getattr(data, field)).strip():
            errors[field] = [f"Vul {label} in."]
    holder = data.portfolio_holder
    if holder is None or holder.pk not in known.holders:
        errors["portfolio_holder"] = ["Kies een portefeuillehouder (burgemeester of wethouder)."]
    if data.due_date < data.meeting_date:
        errors["due_date"] = ["De uiterste datum ligt vóór de vergadering."]
    return errors


def build_commitment(municipality_id: int, data: CommitmentInput, viewer: Viewer) -> Commitment:
    number = data.number.strip() or next_number(
        Commitment, municipality_id, "T", data.meeting_date.year
    )
    return Commitment.objects.create(
        municipality_id=municipality_id,
        number=number,
        title=data.title.strip(),
        portfolio_holder=data.portfolio_holder,
        meeting_name=data.meeting_name.strip(),
        meeting_date=data.meeting_date,
        made_to=data.made_to.strip(),
        text=data.text.strip(),
        due_date=data.due_date,
        recorded_by_id=viewer.person_id,
    )


def record_commitment(viewer: Viewer, data: CommitmentInput) -> Commitment:
    """The griffie records a toezegging made in a meeting."""
    _require_recorder(viewer)
    errors = check_commitment(viewer.tenant, data)
    if errors:
        raise InvalidInput("Controleer de invoer.", errors=errors)
    with transaction.atomic():
        commitment = build_commitment(viewer.tenant, data, viewer)
        _audit(viewer, "recorded", commitment, due=commitment.due_date)
        follow.register_item_created(commitment, actor_id=viewer.person_id)
    return commitment


def propose_done(viewer: Viewer, commitment: Commitment, note: str) -> Commitment:
    """The college contact or the portefeuillehouder proposes the toezegging done."""
    if not access.proposes_done(viewer, commitment):
        raise Forbidden(
            "Alleen de contactpersoon van het college of de portefeuillehouder stelt voor een "
            "toezegging af te doen."
        )
    if len(note.strip()) < 10:
        raise InvalidInput(
            "Licht toe hoe de toezegging is nagekomen (ten minste 10 tekens).", field="note"
        )
    with transaction.atomic():
        commitment = _locked(commitment)
        if commitment.status != CStatus.OPEN:
            raise _wrong_state(commitment, "Voorstellen af te doen")
        commitment.status = CStatus.PROPOSED_DONE
        commitment.proposed_by_id = viewer.person_id
        commitment.proposed_at = timezone.now()
        commitment.proposal_note = note.strip()
        commitment.save()
        _audit(viewer, "proposed_done", commitment)
        follow.register_item_changed(commitment, actor_id=viewer.person_id)
    return commitment


def decide_done(
    viewer: Viewer, commitment: Commitment, *, accept: bool, reference: str = "", reason: str = ""
) -> Commitment:
    """The griffie decides on the proposal: afgedaan with the council's or committee's decision,
    or back to open with the reason."""
    if not access.decides_done(viewer, commitment):
        raise Forbidden("Alleen de griffie besluit dat een toezegging is afgedaan.")
    if accept and not reference.strip():
        raise InvalidInput(
            "Noem het besluit van de raad of commissie dat de toezegging afdoet.",
            field="reference",
        )
    if not accept and len(reason.strip()) < 10:
        raise InvalidInput(
            "Geef de reden waarom de toezegging niet is afgedaan (ten minste 10 tekens).",
            field="reason",
        )
    with transaction.atomic():
        commitment = _locked(commitment)
        if commitment.status != CStatus.PROPOSED_DONE:
            raise _wrong_state(commitment, "Besluiten over afdoen")
        commitment.decided_by_id = viewer.person_id
        commitment.decided_at = timezone.now()
        if accept:
            commitment.status = CStatus.DONE
            commitment.decision_reference = reference.strip()
            commitment.rejection_reason = ""
        else:
            commitment.status = CStatus.OPEN
            commitment.rejection_reason = reason.strip()
        commitment.save()
        _audit(viewer, "decided", commitment, accepted=accept)
        follow.register_item_changed(commitment, actor_id=viewer.person_id)
    return commitment


# --- initiatiefvoorstellen ------------------------------------------------------------------------


def start_initiative(
    viewer: Viewer, *, title: str, text: str, co_submitters: Iterable[Person] = ()
) -> InitiativeProposal:
    """A council member starts a concept initiatiefvoorstel (art. 147a Gemeentewet)."""
    if not access.starts_initiative(viewer):
        raise Forbidden("Een initiatiefvoorstel dient een raadslid in (art. 147a Gemeentewet).")
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = ["Vul de titel in."]
    if len(text.strip()) < 20:
        errors["text"] = ["Beschrijf het voorstel (ten minste 20 tekens)."]
    members = set(council_members(viewer.tenant).values_list("pk", flat=True))
    others = [person for person in co_submitters if person.pk != viewer.person_id]
    for person in others:
        if person.pk not in members:
            errors.setdefault("co_submitters", []).append(
                f"{person.display_name} is geen raadslid van deze gemeente."
            )
    if errors:
        raise InvalidInput("Controleer de invoer.", errors=errors)
    with transaction.atomic():
        initiative = InitiativeProposal.objects.create(
            municipality_id=viewer.tenant,
            number=next_number(InitiativeProposal, viewer.tenant, "I", timezone.localdate().year),
            title=title.strip(),
            text=text.strip(),
            recorded_by_id=viewer.person_id,
        )
        initiative.submitters.set([viewer.me, *[person.pk for person in others]])
        _audit(viewer, "started", initiative)
        follow.register_item_created(initiative, actor_id=viewer.person_id)
    return initiative


def _initiative_step(
    viewer: Viewer,
    initiative: InitiativeProposal,
    *,
    allowed: bool,
    refusal: str,
    from_states: set,
    to: str,
    what: str,
    **changes,
) -> InitiativeProposal:
    if not allowed:
        raise Forbidden(refusal)
    with transaction.atomic():
        initiative = _locked(initiative)
        if initiative.status not in from_states:
            raise _wrong_state(initiative, what)
        initiative.status = to
        for field, value in changes.items():
            setattr(initiative, field, value)
        initiative.save()
        _audit(viewer, to, initiative)
        follow.register_item_changed(initiative, actor_id=viewer.person_id)
    return initiative


def revise_initiative(
    viewer: Viewer, initiative: InitiativeProposal, *, title: str, text: str
) -> InitiativeProposal:
    """The submitters work on their concept (with ambtelijke bijstand where they asked for it)."""
    if not title.strip() or len(text.strip()) < 20:
        raise InvalidInput(
            "Controleer de invoer.",
            errors={"text": ["Vul de titel in en beschrijf het voorstel (ten minste 20 tekens)."]},
        )
    return _initiative_step(
        viewer,
        initiative,
        allowed=access.works_on_initiative(viewer, initiative),
        refusal="Alleen de indieners werken aan het concept.",
        from_states={IStatus.CONCEPT},
        to=IStatus.CONCEPT,
        what="Het concept bewerken",
        title=title.strip(),
        text=text.strip(),
    )


def submit_initiative(viewer: Viewer, initiative: InitiativeProposal) -> InitiativeProposal:
    return _initiative_step(
        viewer,
        initiative,
        allowed=access.works_on_initiative(viewer, initiative),
        refusal="Alleen de indieners dienen het initiatiefvoorstel in.",
        from_states={IStatus.CONCEPT},
        to=IStatus.SUBMITTED,
        what="Indienen",
        submitted_at=timezone.now(),
    )


def record_college_views(
    viewer: Viewer, initiative: InitiativeProposal, views: str
) -> InitiativeProposal:
    """The college's wensen en bedenkingen (art. 147a lid 3 Gemeentewet), as the griffie got them."""
    if len(views.strip()) < 10:
        raise InvalidInput(
            "Neem de wensen en bedenkingen van het college over (ten minste 10 tekens).",
            field="college_views",
        )
    return _initiative_step(
        viewer,
        initiative,
        allowed=access.steers_initiative(viewer, initiative),
        refusal="Alleen de griffie legt de wensen en bedenkingen van het college vast.",
        from_states={IStatus.SUBMITTED},
        to=IStatus.COLLEGE_VIEWS,
        what="Wensen en bedenkingen vastleggen",
        college_views=views.strip(),
    )


def schedule_initiative(
    viewer: Viewer, initiative: InitiativeProposal, meeting_date: date, agenda_item: str = ""
) -> InitiativeProposal:
    return _initiative_step(
        viewer,
        initiative,
        allowed=access.steers_initiative(viewer, initiative),
        refusal="Alleen de griffie agendeert een initiatiefvoorstel.",
        from_states={IStatus.SUBMITTED, IStatus.COLLEGE_VIEWS},
        to=IStatus.SCHEDULED,
        what="Agenderen",
        meeting_date=meeting_date,
        agenda_item=agenda_item.strip(),
    )


def decide_initiative(
    viewer: Viewer, initiative: InitiativeProposal, outcome: str
) -> InitiativeProposal:
    if outcome not in INITIATIVE_OUTCOMES:
        raise InvalidInput("Kies aangenomen of verworpen.", field="outcome")
    return _initiative_step(
        viewer,
        initiative,
        allowed=access.steers_initiative(viewer, initiative),
        refusal="Alleen de griffie legt de uitkomst van de stemming vast.",
        from_states={IStatus.SCHEDULED},
        to=outcome,
        what="De uitkomst vastleggen",
        decided_at=timezone.now(),
    )


def withdraw_initiative(viewer: Viewer, initiative: InitiativeProposal) -> InitiativeProposal:
    return _initiative_step(
        viewer,
        initiative,
        allowed=access.works_on_initiative(viewer, initiative),
        refusal="Alleen de indieners trekken het initiatiefvoorstel in.",
        from_states=INITIATIVE_OPEN,
        to=IStatus.WITHDRAWN,
        what="Intrekken",
        decided_at=timezone.now(),
    )
