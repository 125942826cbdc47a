# SPDX-License-Identifier: EUPL-1.2
"""The inzage export's case part: the cases a person is named on, and what they did in them.

AVG art. 15 gives the person their own data; the bubble (raadsloket.access.cases) still decides
which parts of a case they see. Every value of a case below is read only when `sections()` lets
this person see the section it belongs to, exactly as on the case page; a case they are named on
but may not see shows its reference and their relation, nothing else. Details written into the
timeline, hours notes, evaluation remarks and mediation reasons follow the same rule.
"""

from django.db.models import Q

from raadsloket.access.cases import Relations, sections, with_relations
from raadsloket.access.sections import Section
from raadsloket.access.timeline import readable_event
from raadsloket.access.viewer import Viewer
from raadsloket.assistance.models import Evaluation, HoursEntry, Kickoff, Mediation
from raadsloket.cases.models import Case, CaseFile, TimelineEvent
from raadsloket.cases.states import State
from raadsloket.cases.workflow import ACTION_LABELS
from raadsloket.organisation.roles import PolicyArea
from raadsloket.privacy.labels import (
    NOT_VISIBLE,
    RELATION_LABELS,
    SECTION_LABELS,
    day,
    reference,
    when,
)

STATE_LABELS = dict(State.choices)
AREA_LABELS = dict(PolicyArea.choices)
TIMELINE_LABELS = {**ACTION_LABELS, "create": "Verzoek aangemaakt"}


class CaseSections:
    """Per case id, the sections the export's viewer sees (one access check per case)."""

    def __init__(self, viewer: Viewer):
        self.viewer = viewer
        self._seen: dict[int, frozenset[Section]] = {}

    def of(self, case: Case) -> frozenset[Section]:
        if case.pk not in self._seen:
            self._seen[case.pk] = sections(self.viewer, case, Relations(self.viewer, case))
        return self._seen[case.pk]

    def load(self, case_ids) -> None:
        missing = set(case_ids) - set(self._seen)
        if missing:
            for case in with_relations(Case.objects.filter(pk__in=missing)):
                self.of(case)

    def of_id(self, case_id: int) -> frozenset[Section]:
        """The sections of a case `load` read (none of a case it did not)."""
        return self._seen.get(case_id, frozenset())

    def sees(self, case_id: int, section: str) -> bool:
        return section in self._seen.get(case_id, frozenset())


def named_cases(person) -> list[Case]:
    pid = person.pk
    named = (
        Q(requester_id=pid)
        | Q(co_requesters__id=pid)
        | Q(filed_by_id=pid)
        | Q(handler_id=pid)
        | Q(routing_officer_id=pid)
        | Q(portfolio_holder_id=pid)
        | Q(assignments__civil_servant_id=pid)
    )
    ids = Case.objects.filter(named).values("pk")
    return list(with_relations(Case.objects.filter(pk__in=ids)).order_by("pk"))


def relations_of(person, case: Case) -> list[str]:
    pid = person.pk
    found = [
        ("requester", case.requester_id == pid),
        ("co_requester", any(p.pk == pid for p in case.co_requesters.all())),
        ("filed_by", case.filed_by_id == pid),
        ("handler", case.handler_id == pid),
        ("assignee", any(a.civil_servant_id == pid for a in case.assignments.all())),
        ("routing_officer", case.routing_officer_id == pid),
        ("portfolio_holder", case.portfolio_holder_id == pid),
    ]
    return [RELATION_LABELS[name] for name, holds in found if holds]


def case_content(case: Case, visible: frozenset[Section], viewer: Viewer) -> dict:
    """The case's values per visible section, as on the case page; empty values left out."""
    content: dict = {}
    if Section.METADATA in visible or Section.TRAJECTORY in visible:
        content.update(
            {
                "Instrument": case.get_instrument_display(),
                "Beleidsterrein": AREA_LABELS.get(case.policy_area, case.policy_area),
            }
        )
    if Section.METADATA in visible:
        content.update(
            {
                "Status": STATE_LABELS.get(case.state, case.state),
                "Vertrouwelijk": "ja" if case.confidential else "nee",
                "Geheimhouding (art. 25 Gemeentewet)": "ja" if case.secret else "nee",
                "Aangemaakt": when(case.created_at),
                "Ingediend": when(case.submitted_at),
                "Opgeleverd": when(case.delivered_at),
                "Afgesloten": when(case.closed_at),
            }
        )
    if Section.TRAJECTORY in visible:
        content["Ambtenaar toegewezen op"] = when(case.assigned_at)
    if Section.REQUEST in visible:
        content.update(
            {
                "Onderwerp": case.title,
                "Vraag of verzoek": case.question,
                "Achtergrond": case.background,
                "Agendapunt": case.agenda_item,
            }
        )
    if Section.ROUTING in visible:
        ground = viewer.profile.refusal_ground(case.refusal_ground) if viewer.profile else None
        content.update(
            {
                "Geschatte uren": str(case.hours_estimate) if case.hours_estimate else "",
                "Weigeringsgrond": ground.label if ground else case.refusal_ground,
                "Motivering weigering": case.refusal_reasoning,
                "Bezwaar": case.objection,
                "Aangehouden tot": day(case.deferred_until),
                "Reden aanhouden": case.defer_reason,
                "Reden uitstel": case.postponement_reason,
                "Toelichting bij afsluiten": case.closing_note,
            }
        )
    if Section.KICKOFF in visible:
        kickoff = Kickoff.objects.filter(case=case).first()
        if kickoff is not None:
            content.update(
                {
                    "Startgesprek gehouden op": day(kickoff.held_on),
                    "Doel": kickoff.goal,
                    "Achtergrond startgesprek": kickoff.background,
                    "Afgesproken uren": str(kickoff.agreed_hours) if kickoff.agreed_hours else "",
                    "Opleverdatum": day(kickoff.due_date),
                }
            )
    if Section.ANSWER in visible:
        content["Antwoord"] = case.answer
    return {label: value for label, value in content.items() if value}


def case_rows(person, viewer: Viewer, seen: CaseSections) -> list[dict]:
    rows = []
    for case in named_cases(person):
        visible = seen.of(case)
        rows.append(
            {
                "Verzoek": case.reference,
                "Uw rol": relations_of(person, case),
                "Wat u mag zien": [label for s, label in SECTION_LABELS.items() if s in visible],
                "Gegevens": case_content(case, visible, viewer) if visible else {},
            }
        )
    return rows


def timeline_rows(person, seen: CaseSections) -> list[dict]:
    """What the person did in a case: action and moment (their own data, AVG art. 15); the new
    state and the detail only as far as the timeline rule lets them read the event
    (access.timeline), as on the case page."""
    events = list(
        TimelineEvent.objects.filter(actor=person)
        .select_related("actor__department")
        .order_by("at", "pk")
    )
    seen.load(event.case_id for event in events)
    rows = []
    for event in events:
        readable = readable_event(seen.viewer, seen.of_id(event.case_id), event)
        rows.append(
            {
                "Verzoek": reference(event.case_id),
                "Handeling": TIMELINE_LABELS.get(event.action, event.action),
                "Tijdstip": when(event.at),
                "Nieuwe status": _state_label(readable.to_state) if readable else NOT_VISIBLE,
                "Toelichting": (readable.detail or None) if readable else NOT_VISIBLE,
            }
        )
    return rows


def _state_label(state: str | None) -> str | None:
    return STATE_LABELS.get(state, state) if state else None


def hours_rows(person, seen: CaseSections) -> list[dict]:
    entries = list(HoursEntry.objects.filter(civil_servant=person).order_by("worked_on", "pk"))
    seen.load(entry.case_id for entry in entries)
    return [
        {
            "Verzoek": reference(entry.case_id),
            "Datum": day(entry.worked_on),
            "Uren": str(entry.hours),
            "Vastgelegd": when(entry.recorded_at),
            # The note is work inside the bubble (startgesprek section), as on the case page.
            "Toelichting": (entry.note or None)
            if seen.sees(entry.case_id, Section.KICKOFF)
            else NOT_VISIBLE,
        }
        for entry in entries
    ]


def evaluation_rows(person, seen: CaseSections) -> list[dict]:
    evaluations = list(Evaluation.objects.filter(person=person).order_by("recorded_at", "pk"))
    seen.load(evaluation.case_id for evaluation in evaluations)
    return [
        {
            "Verzoek": reference(evaluation.case_id),
            "Als": evaluation.get_perspective_display(),
            "Cijfer": evaluation.score,
            "Vastgelegd": when(evaluation.recorded_at),
            "Opmerkingen": (evaluation.remarks or None)
            if seen.sees(evaluation.case_id, Section.EVALUATION)
            else NOT_VISIBLE,
        }
        for evaluation in evaluations
    ]


def mediation_rows(person, seen: CaseSections) -> list[dict]:
    mediations = list(
        Mediation.objects.filter(Q(requested_by=person) | Q(decided_by=person)).order_by(
            "requested_at", "pk"
        )
    )
    seen.load(mediation.case_id for mediation in mediations)
    rows = []
    for mediation in mediations:
        # As on the case page: the griffie's mediation is its own section, the driehoek's is
        # part of the handling (routing).
        section = (
            Section.MEDIATION if mediation.forum == Mediation.Forum.GRIFFIE else Section.ROUTING
        )
        shown = seen.sees(mediation.case_id, section)
        roles = [
            label
            for label, holds in (
                ("gevraagd door u", mediation.requested_by_id == person.pk),
                ("besloten door u", mediation.decided_by_id == person.pk),
            )
            if holds
        ]
        rows.append(
            {
                "Verzoek": reference(mediation.case_id),
                "Uw rol": roles,
                "Door": mediation.get_forum_display(),
                "Gevraagd": when(mediation.requested_at),
                "Uitkomst": mediation.get_outcome_display() or None,
                "Besloten": when(mediation.decided_at),
                "Aanleiding": mediation.reason if shown else NOT_VISIBLE,
                "Toelichting": (mediation.notes or None) if shown else NOT_VISIBLE,
            }
        )
    return rows


def file_rows(person, seen: CaseSections) -> list[dict]:
    files = list(CaseFile.objects.filter(uploaded_by=person).order_by("uploaded_at", "pk"))
    seen.load(stored.case_id for stored in files)
    return [
        {
            "Verzoek": reference(stored.case_id),
            "Geüpload": when(stored.uploaded_at),
            "Grootte (bytes)": stored.size,
            "Bestandsnaam": stored.original_name
            if seen.sees(stored.case_id, stored.section)
            else NOT_VISIBLE,
        }
        for stored in files
    ]
