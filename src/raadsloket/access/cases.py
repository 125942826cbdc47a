# SPDX-License-Identifier: EUPL-1.2
"""THE place that decides who may see which part of a case, and who may act on it.

The rules in plain words (ARCHITECTURE.md, core idea 3 "The bubble"; RULES.md):
- Nobody sees anything of another municipality.
- A draft is seen only by its requester(s).
- Requester and co-requesters (and a fractie employee who filed for them) see their whole case.
- The griffie (griffier, raadsadviseur) sees every submitted case of its municipality.
- The routing officer (gemeentesecretaris, or the kabinetschef per profile) sees a case once it is
  forwarded: the request and what is needed to assign or refuse; never the startgesprek, the
  answer or the evaluations.
- An assigned civil servant sees the whole case from assignment on.
- Their manager sees the hours claimed and the period, never subject or content. Corrections of
  hours are hours: each is recorded under the civil servant of the entry it corrects, so whoever
  sees an entry sees its corrections (a manager those of their own staff only), and their reason,
  like an entry's note, only inside the bubble.
- The college sees only that a trajectory started (policy area, period), and only if the profile
  says so; the mayor and the secretary see request and refusal reasoning while the driehoek mediates.
- An objection to a refusal is decided by the burgemeester alone, or by griffier, secretaris and
  burgemeester together, each with a vote, as the profile says (objection.decided_by).
- Other members see nothing of a confidential case; of a non-confidential case they see the
  question and the delivered answer, never the startgesprek or the evaluations.
- A direct contact a civil servant logged (profile channel direct_small_facts) is seen, until the
  member (or the griffie, per profile channel.direct_contact_confirmed_by) confirms it, only by
  its author, that member and the griffie; so is one that was rejected. Nobody else, not even
  as metadata, so it is neither listed, counted nor shared as an answer.
- A functional administrator sees metadata only; a break-glass read (reason asked, audited) opens
  the content for a short time.
- Art. 25 Gemeentewet: a secret answer never goes to one member. It is for the whole council
  (every council member), marked secret; others who are not council members do not see it.
- Schriftelijke vragen (art. 155, 169; Reglement van Orde) are public within the council: once
  registered (also if withdrawn later), every member, the college and the college contact see the
  question and its metadata (portefeuillehouder, terms); never the routing notes of the griffie
  or of the time before registration. The college and the college contact see the answer once
  given, every member once the griffie has published it. A secret answer (art. 25) is held back
  from the requesters too until it is published to the whole council. Nobody outside the
  municipality.

`sections()` answers for one case, `visible_cases()` for lists, with the same rules; a property
test keeps them in agreement.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from raadsloket.access.actors import Actor
from raadsloket.access.models import BreakGlass
from raadsloket.access.sections import ALL_SECTIONS, Section
from raadsloket.access.viewer import Viewer
from raadsloket.cases.instruments import Channel, Instrument
from raadsloket.cases.models import Assignment, Case
from raadsloket.cases.states import (
    ANSWERED_STATES,
    UNCONFIRMED_CONTACT_STATES,
    WRITTEN_ANSWERED_STATES,
    WRITTEN_REGISTERED_STATES,
    State,
)
from raadsloket.organisation.roles import Role

ROUTING_OFFICER_SECTIONS = frozenset(
    {Section.METADATA, Section.REQUEST, Section.ROUTING, Section.TRAJECTORY}
)
SHARED_ANSWER_SECTIONS = frozenset({Section.METADATA, Section.REQUEST, Section.ANSWER})
WRITTEN_QUESTION_SECTIONS = frozenset({Section.METADATA, Section.REQUEST})
MAYOR_MEDIATION_SECTIONS = frozenset({Section.METADATA, Section.REQUEST, Section.ROUTING})


RELATION_PREFETCH = ("co_requesters", "assignments__civil_servant__department")


def with_relations(queryset: QuerySet[Case], viewer: Viewer | None = None) -> QuerySet[Case]:
    """Load what `Relations` reads in a fixed number of queries, however many cases.

    Given the viewer, only what `Relations` reads for them: the assigned civil servants'
    departments matter only to a manager (two queries and their rows fewer on every list).
    """
    prefetch = RELATION_PREFETCH
    if viewer is not None and Role.MANAGER not in viewer.roles:
        prefetch = ("co_requesters", "assignments")
    return queryset.select_related(
        "requester", "handler", "routing_officer", "portfolio_holder"
    ).prefetch_related(*prefetch)


class Relations:
    """How one viewer stands to one case. Uses prefetched relations when present."""

    def __init__(self, viewer: Viewer, case: Case):
        pid = viewer.person_id
        co_ids = {person.pk for person in case.co_requesters.all()}
        direct = case.channel == Channel.DIRECT_CONTACT
        # A civil servant who logged a direct contact is its author, not a requester.
        self.contact_author = direct and pid == case.filed_by_id
        self.requester = (
            pid == case.requester_id or pid in co_ids or (pid == case.filed_by_id and not direct)
        )
        assignments = list(case.assignments.all())
        self.assignee = any(a.civil_servant_id == pid for a in assignments)
        self.manager = (
            any(
                a.civil_servant.department is not None
                and a.civil_servant.department.manager_id == pid
                for a in assignments
            )
            if Role.MANAGER in viewer.roles
            else False
        )


def sections(viewer: Viewer, case: Case, relations: Relations | None = None) -> frozenset[Section]:
    """Which sections of `case` this viewer may see. Empty means: the case does not exist for them."""
    if not viewer.authenticated or case.municipality_id != viewer.municipality_id:
        return frozenset()
    rel = relations or Relations(viewer, case)
    own_circle = _own_circle_sections(viewer, case, rel)
    if own_circle is not None:
        return own_circle

    seen: set[Section] = set()
    if rel.requester or viewer.is_griffie or rel.assignee or rel.contact_author:
        seen |= ALL_SECTIONS
    if viewer.is_routing_officer and case.forwarded_at is not None:
        seen |= ROUTING_OFFICER_SECTIONS
    if rel.manager:
        # An assignment of their staff exists, so the trajectory has started.
        seen.add(Section.HOURS)
    if _college_told_of_start(viewer, case):
        seen.add(Section.TRAJECTORY)
    if viewer.has(Role.MAYOR, Role.MUNICIPAL_SECRETARY) and case.state == State.OBJECTED:
        # The driehoek mediates on the refusal (handreiking, spelregel 3).
        seen |= MAYOR_MEDIATION_SECTIONS
    if case.state in ANSWERED_STATES and (
        # An open answer reaches every member; a secret one the whole council (art. 25).
        (viewer.is_member and not case.confidential) or (viewer.is_council_member and case.secret)
    ):
        seen |= SHARED_ANSWER_SECTIONS
    if case.instrument == Instrument.WRITTEN_QUESTION:
        seen |= written_question_sections(viewer, case)
    if Role.ADMINISTRATOR in viewer.roles:
        # Metadata only; everything during an audited break-glass read of this one case.
        seen |= ALL_SECTIONS if case.pk in viewer.break_glass_cases else {Section.METADATA}

    if case.secret and Section.ANSWER in seen and not _holds_secret_answer(viewer, case, rel):
        seen.discard(Section.ANSWER)
    return frozenset(seen)


def _own_circle_sections(viewer: Viewer, case: Case, rel: Relations) -> frozenset[Section] | None:
    """A draft (its requesters, or the civil servant drafting a direct contact) and an
    unconfirmed direct contact (its author, the member and the griffie) are seen by their own
    circle only, whole; None for every other case."""
    if case.state == State.DRAFT:
        inside = rel.requester or rel.contact_author
    elif case.state in UNCONFIRMED_CONTACT_STATES:
        inside = rel.requester or rel.contact_author or viewer.is_griffie
    else:
        return None
    return ALL_SECTIONS if inside else frozenset()


def _college_told_of_start(viewer: Viewer, case: Case) -> bool:
    """The profile may tell the college that a trajectory of ambtelijke bijstand started
    (instrument, policy area, period), once a civil servant is assigned; never its content."""
    return (
        viewer.is_college
        and viewer.profile is not None
        and viewer.profile.openness.college_notified_of_start
        and case.instrument == Instrument.ASSISTANCE
        and case.assigned_at is not None
    )


def _holds_secret_answer(viewer: Viewer, case: Case, rel: Relations) -> bool:
    """Art. 25 Gemeentewet: only the whole council, the griffie and the author hold a secret
    answer. For a written question the author is the college that gave the answer, and the
    answer reaches the council as a whole on publication: until then not even the member who
    asked holds it."""
    author = (
        rel.assignee
        or rel.contact_author
        or (case.instrument == Instrument.WRITTEN_QUESTION and college_side(viewer))
    )
    if not (viewer.is_council_member or viewer.is_griffie or author):
        return False
    return not (
        case.instrument == Instrument.WRITTEN_QUESTION
        and case.state != State.PUBLISHED
        and not (viewer.is_griffie or author)
    )


def college_side(viewer: Viewer) -> bool:
    return viewer.is_college or Role.COLLEGE_CONTACT in viewer.roles


def _passed_to_council(case: Case) -> bool:
    """Registered once: the griffie passed it to every member and the college."""
    return case.state in WRITTEN_REGISTERED_STATES or (
        case.state == State.WITHDRAWN and case.registered_at is not None
    )


def written_question_sections(viewer: Viewer, case: Case) -> frozenset[Section]:
    """What the council and the college see of a registered written question (Reglement van Orde)."""
    if not _passed_to_council(case):
        return frozenset()
    college = college_side(viewer)
    if not (viewer.is_member or college):
        return frozenset()
    seen = set(WRITTEN_QUESTION_SECTIONS)
    if (college and case.state in WRITTEN_ANSWERED_STATES) or (
        viewer.is_member and case.state == State.PUBLISHED
    ):
        seen.add(Section.ANSWER)
    return frozenset(seen)


def sees_hours_of(viewer: Viewer, visible: frozenset[Section], civil_servant) -> bool:
    """Whose hours a viewer sees: everyone's inside the bubble, a manager only their staff's.
    Hours of nobody known (`civil_servant` None) only inside the bubble."""
    if Section.ROUTING in visible or Section.KICKOFF in visible:
        return True
    department = civil_servant.department if civil_servant is not None else None
    return department is not None and department.manager_id == viewer.person_id


def sees_hours_entry(viewer: Viewer, visible: frozenset[Section], entry) -> bool:
    """One hours entry or correction of it. A correction carries the civil servant of the entry
    it corrects (assistance.workflow.correct_hours), so it is seen exactly where that entry is."""
    return Section.HOURS in visible and sees_hours_of(viewer, visible, entry.civil_servant)


def visible_cases(viewer: Viewer) -> QuerySet[Case]:
    """Every case of which the viewer may see at least one section (same rules as `sections`)."""
    if not viewer.authenticated:
        return Case.objects.none()
    pid, municipality_id = viewer.me, viewer.tenant
    submitted = ~Q(state=State.DRAFT)
    q = _own(pid) | (_assigned(pid) & submitted)
    if viewer.is_griffie:
        q |= submitted
    if Role.ADMINISTRATOR in viewer.roles:
        q |= submitted
    if viewer.is_routing_officer:
        q |= Q(forwarded_at__isnull=False) & submitted
    if Role.MANAGER in viewer.roles:
        managed = Exists(
            Assignment.objects.filter(
                case_id=OuterRef("pk"), civil_servant__department__manager_id=pid
            )
        )
        q |= Q(managed)
    if (
        viewer.is_college
        and viewer.profile is not None
        and viewer.profile.openness.college_notified_of_start
    ):
        q |= Q(instrument=Instrument.ASSISTANCE, assigned_at__isnull=False)
    if viewer.has(Role.MAYOR, Role.MUNICIPAL_SECRETARY):
        q |= Q(state=State.OBJECTED)
    if viewer.is_member:
        q |= Q(confidential=False, state__in=ANSWERED_STATES)
    if viewer.is_council_member:
        q |= Q(secret=True, state__in=ANSWERED_STATES)
    if viewer.is_member or college_side(viewer):
        q |= _written_passed_to_council()
    return Case.objects.filter(_outside_own_circle(q, viewer, pid), municipality_id=municipality_id)


def _outside_own_circle(q: Q, viewer: Viewer, pid: int) -> Q:
    """`_own_circle_sections` as a query: an unconfirmed direct contact is for its author, the
    member and the griffie only, whatever else `q` would let through."""
    circle = Q(pk__isnull=False) if viewer.is_griffie else _own(pid)
    unconfirmed = Q(state__in=UNCONFIRMED_CONTACT_STATES)
    return (unconfirmed & circle) | (~unconfirmed & q)


def _own(pid: int) -> Q:
    """Requester, co-requester or filer: the `Relations.requester` or `.contact_author`."""
    return (
        Q(requester_id=pid)
        | Q(filed_by_id=pid)
        | Q(
            Exists(Case.co_requesters.through.objects.filter(case_id=OuterRef("pk"), person_id=pid))
        )
    )


def _assigned(pid: int) -> Q:
    return Q(Exists(Assignment.objects.filter(case_id=OuterRef("pk"), civil_servant_id=pid)))


def _written_passed_to_council() -> Q:
    """`_passed_to_council` as a query, for written questions only."""
    return Q(instrument=Instrument.WRITTEN_QUESTION) & (
        Q(state__in=WRITTEN_REGISTERED_STATES)
        | Q(state=State.WITHDRAWN, registered_at__isnull=False)
    )


def _holds_secret_answer_q(viewer: Viewer, pid: int) -> Q:
    """`_holds_secret_answer` as a query (art. 25 Gemeentewet)."""
    if viewer.is_griffie:
        return Q(pk__isnull=False)
    author = _assigned(pid) | Q(channel=Channel.DIRECT_CONTACT, filed_by_id=pid)
    if college_side(viewer):
        author |= Q(instrument=Instrument.WRITTEN_QUESTION)
    if not viewer.is_council_member:
        return author
    # The council holds it, except a written question's answer before publication.
    return author | ~Q(instrument=Instrument.WRITTEN_QUESTION) | Q(state=State.PUBLISHED)


def _section_sources(viewer: Viewer, section: Section, pid: int) -> Q:  # noqa: C901
    """The submitted cases that give the viewer `section`, rule by rule as in `sections()`."""
    nothing = Q(pk__isnull=True)
    q = _own(pid) | _assigned(pid)
    if viewer.is_griffie:
        return Q(pk__isnull=False)
    if viewer.is_routing_officer and section in ROUTING_OFFICER_SECTIONS:
        q |= Q(forwarded_at__isnull=False)
    if Role.MANAGER in viewer.roles and section == Section.HOURS:
        q |= Q(
            Exists(
                Assignment.objects.filter(
                    case_id=OuterRef("pk"), civil_servant__department__manager_id=pid
                )
            )
        )
    if (
        section == Section.TRAJECTORY
        and viewer.is_college
        and viewer.profile is not None
        and viewer.profile.openness.college_notified_of_start
    ):
        q |= Q(instrument=Instrument.ASSISTANCE, assigned_at__isnull=False)
    if viewer.has(Role.MAYOR, Role.MUNICIPAL_SECRETARY) and section in MAYOR_MEDIATION_SECTIONS:
        q |= Q(state=State.OBJECTED)
    if section in SHARED_ANSWER_SECTIONS:
        if viewer.is_member:
            q |= Q(confidential=False, state__in=ANSWERED_STATES)
        if viewer.is_council_member:
            q |= Q(secret=True, state__in=ANSWERED_STATES)
    college = college_side(viewer)
    if (viewer.is_member or college) and section in WRITTEN_QUESTION_SECTIONS:
        q |= _written_passed_to_council()
    if section == Section.ANSWER:
        written_answer = nothing
        if college:
            written_answer |= Q(state__in=WRITTEN_ANSWERED_STATES)
        if viewer.is_member:
            written_answer |= Q(state=State.PUBLISHED)
        q |= _written_passed_to_council() & written_answer
    if Role.ADMINISTRATOR in viewer.roles and section == Section.METADATA:
        # Metadata only: a break-glass read opens one case page, never a list or a filter.
        q |= Q(pk__isnull=False)
    return q


def cases_showing(viewer: Viewer, section: Section) -> Q:
    """The cases of which the viewer may see `section`: `sections()` written as one query.

    Lists, filters, ordering and search use it to touch a field only where its section is
    visible (SECURITY.md "Filters, ordening en zoeken"); a property test keeps it in agreement
    with `sections()` for every section, role and case. A break-glass grant is left out on
    purpose: it opens one case page, never a list (lists.visible_sections).
    """
    nothing = Q(pk__isnull=True)
    if not viewer.authenticated:
        return nothing
    pid = viewer.me
    submitted = _section_sources(viewer, section, pid)
    if section == Section.ANSWER:
        submitted &= ~Q(secret=True) | _holds_secret_answer_q(viewer, pid)
    # A draft exists for its own requesters only, and for them whole.
    q = (Q(state=State.DRAFT) & _own(pid)) | (~Q(state=State.DRAFT) & submitted)
    return _outside_own_circle(q, viewer, pid) & Q(municipality_id=viewer.tenant)


def showing_cases(viewer: Viewer, section: Section) -> QuerySet[Case]:
    """`cases_showing` as a queryset of the viewer's municipality."""
    return Case.objects.filter(cases_showing(viewer, section))


def get_case_for(
    viewer: Viewer, case_id: int, *, lock: bool = False
) -> tuple[Case, frozenset[Section]]:
    """The case with the sections this viewer may see, or CaseNotFound (shown as 404)."""
    queryset = Case.objects.select_related(
        "requester", "filed_by", "handler", "routing_officer", "portfolio_holder"
    )
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    else:
        # A page asks `sections()` for its case several times (the page, its links, its
        # actions): the relations loaded once serve them all. Not on the locked path, whose
        # caller goes on to change assignments on this very object.
        queryset = with_relations(queryset, viewer)
    case = (
        queryset.filter(pk=case_id, municipality_id=viewer.municipality_id).first()
        if viewer.municipality_id is not None
        else None
    )
    if case is None:
        raise CaseNotFound(case_id)
    visible = sections(viewer, case)
    if not visible:
        raise CaseNotFound(case_id)
    return case, visible


class CaseNotFound(LookupError):
    """Invisible and non-existent cases are indistinguishable to the caller (404)."""


def break_glass_target(viewer: Viewer, case_id: int) -> Case:
    """The case an administrator may open by a break-glass read, or CaseNotFound.

    Only a case whose metadata the administrator already sees: a draft is no case for anyone but
    its requester(s), so a break-glass request for it is refused exactly as for a case that does
    not exist, and leaves no grant or audit row naming it. A grant never opens a draft either
    (`sections` decides a draft first), also when a converted case went back to draft.
    """
    case, _ = get_case_for(viewer, case_id)
    return case


def visible_break_glass(viewer: Viewer) -> QuerySet[BreakGlass]:
    """The break-glass grants the viewer is shown: those on cases the viewer sees."""
    return BreakGlass.objects.filter(case__in=visible_cases(viewer))


def relation_names(
    viewer: Viewer, case: Case, relations: Relations | None = None
) -> frozenset[Actor]:
    """Who the viewer is for this case, in the transition tables' names (access/actors.py)."""
    rel = relations or Relations(viewer, case)
    names: set[Actor] = set()
    if rel.requester:
        names.add(Actor.REQUESTER)
    if viewer.is_griffie:
        names.add(Actor.GRIFFIE)
    if viewer.is_routing_officer and case.forwarded_at is not None:
        names.add(Actor.ROUTING_OFFICER)
    if rel.assignee:
        names.add(Actor.ASSIGNEE)
    if rel.contact_author and Role.CIVIL_SERVANT in viewer.roles:
        names.add(Actor.CONTACT_AUTHOR)
    if confirms_contact(viewer, case):
        names.add(Actor.CONTACT_CONFIRMER)
    if (
        Role.COLLEGE_CONTACT in viewer.roles
        and case.instrument == Instrument.WRITTEN_QUESTION
        and case.state in WRITTEN_REGISTERED_STATES
    ):
        names.add(Actor.COLLEGE_CONTACT)
    if case.state == State.OBJECTED and decides_objection(viewer):
        # The driehoek acts only on an objection to a refusal (handreiking, spelregel 3).
        names.add(Actor.TRIANGLE)
    return frozenset(names)


def confirms_contact(viewer: Viewer, case: Case) -> bool:
    """Who confirms or rejects a logged direct contact (profile channel.direct_contact_confirmed_by):
    the member it names ("member", the default), or the griffie ("griffie"); never its author."""
    if (
        case.channel != Channel.DIRECT_CONTACT
        or case.state != State.CONTACT_LOGGED
        or viewer.profile is None
        or viewer.person_id == case.filed_by_id
    ):
        return False
    if viewer.profile.channel.direct_contact_confirmed_by == "member":
        return viewer.person_id == case.requester_id
    return viewer.is_griffie


# The seats of the driehoek, in the order a person holding more than one role sits in it.
TRIANGLE_SEATS = (Role.MAYOR, Role.MUNICIPAL_SECRETARY, Role.CLERK)


def triangle_seat(viewer: Viewer) -> str | None:
    """The role in which the viewer sits in the driehoek (handreiking, spelregel 3), if any."""
    return next((role for role in TRIANGLE_SEATS if role in viewer.roles), None)


def decides_objection(viewer: Viewer) -> bool:
    """Who takes the decision on an objection to a refusal (RULES.md "Disputes").

    Profile objection.decided_by "mayor" (the model-verordening): the burgemeester mediates and in
    the end decides, alone. "triangle": griffier, gemeentesecretaris and burgemeester each vote.
    """
    if viewer.profile is None:
        return False
    if viewer.profile.objection.decided_by == "mayor":
        return Role.MAYOR in viewer.roles
    return triangle_seat(viewer) is not None
