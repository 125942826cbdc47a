# SPDX-License-Identifier: EUPL-1.2
"""The case pages: list, new request, direct contact, one case, its actions, files and break-glass.

Views ask the access layer what to show and `perform` to change anything."""

from dataclasses import asdict
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from raadsloket.access.actors import Actor
from raadsloket.access.cases import (
    CaseNotFound,
    get_case_for,
    relation_names,
    sees_hours_entry,
    sees_hours_of,
)
from raadsloket.access.sections import CONTENT_SECTIONS, Section
from raadsloket.access.timeline import readable_events
from raadsloket.access.viewer import viewer_for
from raadsloket.advisor.panel import advice_context
from raadsloket.assistance.models import Kickoff, Mediation
from raadsloket.audit.reads import record_list_read, record_read
from raadsloket.cases import lists, progress, workflow
from raadsloket.cases.deadlines import running_deadline
from raadsloket.cases.effects import may_request
from raadsloket.cases.errors import (
    ActionForbidden,
    ActionNotAvailable,
    DomainError,
    InvalidInput,
    UnknownAction,
)
from raadsloket.cases.filters import described, filter_choices, filtered_cases, read_filter
from raadsloket.cases.forms import CaseForm, DirectContactForm
from raadsloket.cases.instruments import SLUGS, SUMMARIES, Instrument, instrument_for_slug
from raadsloket.cases.models import CaseFile
from raadsloket.cases.ranking import candidates_for
from raadsloket.cases.rules import chosen_instrument, rules_for
from raadsloket.cases.search import count_search
from raadsloket.cases.services import break_glass, create_case, log_direct_contact
from raadsloket.cases.states import ANSWERED_STATES, WRITTEN_ANSWERED_STATES, State
from raadsloket.cases.transitions import available_actions, perform, row_for
from raadsloket.lib.idempotency import AlreadySubmitted
from raadsloket.lib.ratelimit import RateLimited
from raadsloket.lib.uploads import download
from raadsloket.lib.views import apply_errors, forbidden
from raadsloket.organisation.roles import Role
from raadsloket.policy.deadlines import describe_term

EVENT_LABELS = {"create": "Verzoek aangemaakt"}


def _case_or_404(viewer, pk: int):
    try:
        return get_case_for(viewer, pk)
    except CaseNotFound:
        raise Http404("Verzoek niet gevonden") from None


def _section_names(visible) -> set[str]:
    return {str(section) for section in visible}


@login_required
def case_list(request):
    """The cases the viewer may see, filtered (GET, works without JavaScript), newest first.

    A filter the viewer may not use is left out with a message (cases/filters.py); the
    access layer decides which filters are offered and where each may look.
    """
    viewer = viewer_for(request.user)
    case_filter = read_filter(viewer, request.GET, lenient=True)
    for notice in case_filter.notices:
        messages.warning(request, notice)
    choices = filter_choices(viewer)
    status = 200
    queryset = filtered_cases(viewer, case_filter)
    if case_filter.text:
        try:
            count_search(viewer)
        except RateLimited as error:
            messages.error(request, error.message)
            queryset, status = queryset.none(), 429
    page = lists.keyset_page(
        viewer,
        queryset,
        before=_case_number(request.GET.get("voor")),
        after=_case_number(request.GET.get("na")),
    )
    record_list_read(request.user, [(case, case.visible) for case in page.cases])
    kept = urlencode(case_filter.params())
    context = {
        "page": page,
        "case_filter": case_filter,
        "choices": choices,
        "active": described(case_filter, choices),
        "older_url": _page_url("voor", page.oldest_pk, kept),
        "newer_url": _page_url("na", page.newest_pk, kept),
    }
    return render(request, "cases/list.html", context, status=status)


def _page_url(name: str, pk: int | None, kept: str) -> str:
    """A paging link that keeps the filters (keyset by case number, lists.keyset_page)."""
    return f"?{name}={pk}" + (f"&{kept}" if kept else "")


def _case_number(value: str | None) -> int | None:
    """A case number from the list's links; anything else starts at the newest cases."""
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 12 else None


def _already_submitted(request, error: AlreadySubmitted):
    """A second submit of one form: nothing new, a link to what the first one made."""
    case = error.existing
    url = reverse("case_detail", kwargs={"pk": case.pk})
    messages.info(
        request, format_html('{} <a href="{}">Bekijk {}</a>.', error.message, url, case.reference)
    )
    return redirect(url)


# What the member typed that another form takes over: from the instrumentenwijzer ("Stel deze
# vraag") or from a form of another instrument. Always by POST: the question is never in a URL.
CARRIED_FIELDS = ("title", "question", "background", "policy_area")


def _new_case_form(viewer, instrument: Instrument, **kwargs) -> CaseForm:
    form = CaseForm(viewer=viewer, instrument=instrument, **kwargs)
    if Role.FRACTIE_EMPLOYEE not in viewer.roles:
        # Only a registered fractiemedewerker files on behalf of a member; hide it for others.
        del form.fields["on_behalf_of"]
    return form


def _bound_form(request, viewer, instrument: Instrument) -> CaseForm:
    form = _new_case_form(viewer, instrument, data=request.POST)
    form.is_valid()
    return form


def _carried_form(request, viewer, instrument: Instrument) -> CaseForm:
    """A fresh form (its own token) filled in with the text posted from elsewhere."""
    initial = {
        name: str(request.POST.get(name, "")) for name in CARRIED_FIELDS if request.POST.get(name)
    }
    initial["co_requesters"] = request.POST.getlist("co_requesters")
    return _new_case_form(viewer, instrument, initial=initial)


def _new_case_page(request, viewer, form, advice: dict, status: int = 200):
    instrument = form.fixed_instrument
    return render(
        request,
        "cases/new_form.html",
        {
            "form": form,
            "profile": viewer.profile,
            "rules": rules_for(instrument, viewer.policy),
            "slug": SLUGS[instrument],
            **advice,
        },
        status=status,
    )


def _shown_errors(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """The instrument is a hidden field of its own form: an error about it goes on top."""
    shown = dict(errors)
    if "instrument" in shown:
        shown["__all__"] = [f"Instrument: {message}" for message in shown.pop("instrument")]
    return shown


def _post_new_case(request, viewer, instrument: Instrument, *, named_in_input: bool = False):
    """Create the posted request: a redirect when done, else the form again with the errors.

    `named_in_input`: the old shared form, whose input names the instrument and is checked.
    """
    submit = "indienen" in request.POST
    try:
        case = create_case(
            request.user,
            request.POST,
            submit=submit,
            instrument=None if named_in_input else instrument,
        )
    except AlreadySubmitted as error:
        return _already_submitted(request, error)
    except InvalidInput as error:
        form = _bound_form(request, viewer, instrument)
        apply_errors(form, _shown_errors(error.errors))
        return _new_case_page(request, viewer, form, {}, 422)
    except ActionForbidden as error:
        return forbidden(request, error.message)
    except DomainError as error:
        form = _bound_form(request, viewer, instrument)
        form.add_error(None, error.message)
        return _new_case_page(request, viewer, form, {}, error.status)
    if submit:
        messages.success(request, f"Uw verzoek {case.reference} is ingediend bij de griffie.")
    else:
        messages.success(request, f"Uw verzoek {case.reference} is als concept opgeslagen.")
    return redirect("case_detail", pk=case.pk)


def _request_problem(viewer) -> str | None:
    if not viewer.authenticated:
        return "U hoort bij geen gemeente."
    return may_request(viewer, viewer.profile)


def _advice_page(request, viewer, instrument: Instrument):
    """Without JavaScript: the advice beside the form; nothing is saved yet."""
    form = _new_case_form(viewer, instrument, data=request.POST)
    advice = advice_context(
        viewer,
        str(request.POST.get("title", "")),
        str(request.POST.get("question", "")),
        instrument,
    )
    return _new_case_page(request, viewer, form, advice)


@login_required
def case_new(request):
    """The choice of instrument, each with a line on what it is and a link to its own form.

    The old shared form still arrives here: a link with ?instrument= goes on to that
    instrument's form, and a form posted here is handled as before (the instrument in it).
    """
    viewer = viewer_for(request.user)
    problem = _request_problem(viewer)
    if problem:
        return forbidden(request, problem)
    if request.method == "POST":
        instrument = chosen_instrument(request.POST.get("instrument"))
        if "advies" in request.POST:
            return _advice_page(request, viewer, instrument)
        return _post_new_case(request, viewer, instrument, named_in_input=True)
    asked = request.GET.get("instrument")
    if asked in Instrument.values:
        return redirect("case_new_instrument", slug=SLUGS[Instrument(asked)])
    choices = [
        {"label": instrument.label, "slug": SLUGS[instrument], "summary": SUMMARIES[instrument]}
        for instrument in Instrument
    ]
    return render(request, "cases/new.html", {"choices": choices})


@login_required
@require_http_methods(["GET", "POST"])
def case_new_instrument(request, slug: str):
    """The new-request form of one instrument: its own fields and its own rules."""
    instrument = instrument_for_slug(slug)
    if instrument is None:
        raise Http404("Niet gevonden")
    viewer = viewer_for(request.user)
    problem = _request_problem(viewer)
    if problem:
        return forbidden(request, problem)
    if request.method == "GET":
        return _new_case_page(request, viewer, _new_case_form(viewer, instrument), {})
    if "overnemen" in request.POST:
        return _new_case_page(request, viewer, _carried_form(request, viewer, instrument), {})
    if "advies" in request.POST:
        return _advice_page(request, viewer, instrument)
    return _post_new_case(request, viewer, instrument)


@login_required
@require_GET
def case_new_rules(request):
    """htmx: the rules beside the new-request form for the instrument just chosen."""
    viewer = viewer_for(request.user)
    if not viewer.authenticated:
        raise Http404("Niet gevonden")
    rules = rules_for(chosen_instrument(request.GET.get("instrument")), viewer.policy)
    return render(request, "cases/includes/rules.html", {"rules": rules})


@login_required
def direct_contact_new(request):
    """A civil servant logs a direct contact afterwards (profile channel direct_small_facts)."""
    viewer = viewer_for(request.user)
    if Role.CIVIL_SERVANT not in viewer.roles or (
        viewer.policy.channel.mode != "direct_small_facts"
    ):
        return forbidden(
            request,
            "De verordening van uw gemeente kent geen rechtstreeks "
            "contact voor u: verzoeken lopen via de griffie.",
        )
    form = DirectContactForm(viewer=viewer)
    status = 200
    if request.method == "POST":
        try:
            case = log_direct_contact(request.user, request.POST)
        except ActionForbidden as error:
            return forbidden(request, error.message)
        except InvalidInput as error:
            form = DirectContactForm(data=request.POST, viewer=viewer)
            form.is_valid()
            apply_errors(form, error.errors)
            status = 422
        else:
            messages.success(
                request,
                f"Rechtstreeks contact vastgelegd als {case.reference}. Het wacht op bevestiging.",
            )
            return redirect("case_detail", pk=case.pk)
    context = {"form": form, "confirmed_by": viewer.policy.channel.direct_contact_confirmed_by}
    return render(request, "cases/direct_contact.html", context, status=status)


def _deadlines(case, profile):
    terms = profile.terms
    delivery_term = (
        terms.technical_question
        if case.instrument == Instrument.TECHNICAL_QUESTION
        else terms.delivery
    )
    kickoff = case.kickoff if hasattr(case, "kickoff") else None
    delivery_rule = (
        "afgesproken in het startgesprek"
        if kickoff is not None and kickoff.held_on
        else describe_term(delivery_term)
    )
    running = running_deadline(case, profile, timezone.localdate())
    written = case.instrument == Instrument.WRITTEN_QUESTION
    rows = [
        (
            "Registratie door de griffie" if written else "Intake door de griffie",
            case.intake_due,
            describe_term(terms.intake),
        ),
        ("Besluit over toewijzing", case.decision_due, describe_term(terms.decision)),
        ("Oplevering", case.delivery_due, delivery_rule),
        (
            "Beantwoording door het college",
            case.answer_due,
            f"{describe_term(terms.written_question)} vanaf registratie (Reglement van Orde)",
        ),
        ("Nieuwe datum uit het uitstelbericht", case.postponed_to, "datum uit het uitstelbericht"),
    ]
    if case.answer_before:
        rows.append(
            (
                "Antwoord vóór de vergadering",
                timezone.localdate(case.answer_before),
                f"technische vraag over een agendapunt: antwoord uiterlijk "
                f"{profile.agenda_questions.answer_by} vóór de vergadering",
            )
        )
    return [
        {
            "label": label,
            "due": due,
            "rule": rule,
            "status": running.status_label if running and running.due == due else "",
        }
        for label, due, rule in rows
        if due
    ]


def _timeline(viewer, case, visible) -> list[dict]:
    """The timeline as the access layer lets the viewer read it, each event with its Dutch label."""
    states = dict(State.choices)
    events = []
    for event in readable_events(viewer, case, visible):
        label = EVENT_LABELS.get(event.action) or workflow.label_for(
            case.instrument, event.from_state or "", event.action
        )
        if event.to_state and event.to_state != event.from_state:
            label = f"{label} → {states.get(event.to_state, event.to_state)}"
        events.append({**asdict(event), "label": label})
    return events


def _previous_state(case) -> str | None:
    """The state the case came from into its current one. It reads the states of every event,
    whatever its section: states are metadata, and only a viewer who sees the metadata is shown
    the stepper (`_detail_context`)."""
    if case.state in progress.main_path(case.instrument) and case.state not in progress.ENDS:
        return None
    return (
        case.timeline.filter(to_state=case.state)
        .exclude(from_state=case.state)
        .exclude(from_state="")
        .order_by("-at", "-pk")
        .values_list("from_state", flat=True)
        .first()
    )


def _progress_context(viewer, case, actions: list[dict]) -> dict:
    """The stepper and the 'what happens now' box: who is at turn, and the running term."""
    turn = progress.next_turn(case.instrument, case.state)
    return {
        "steps": progress.steps_for(case.instrument, case.state, _previous_state(case)),
        "turn": turn,
        "turn_actors": (
            progress.actor_names(
                turn,
                viewer.profile.routing_officer_label,
                viewer.profile.channel.direct_contact_confirmed_by,
            )
            if turn
            else ""
        ),
        # The viewer may take the step now (their own action, guards included).
        "turn_is_viewer": bool(turn and any(row["action"] == turn.action for row in actions)),
        "running": running_deadline(case, viewer.profile, timezone.localdate()),
    }


def _detail_context(viewer, case, visible) -> dict:
    names = _section_names(visible)
    context = {"case": case, "sections": names, "profile": viewer.profile}
    rel_names = relation_names(viewer, case)
    # Plain values: a template would call the form class.
    context["actions"] = [
        {"action": row.action, "label": row.label, "has_form": row.form is not None}
        for row in available_actions(viewer, case, rel_names)
    ]
    if names & {"metadata", "trajectory"}:
        context["deadlines"] = _deadlines(case, viewer.profile) if "metadata" in names else []
    if "metadata" in names:
        # The state and its terms are metadata: whoever may not see them learns nothing here.
        context.update(_progress_context(viewer, case, context["actions"]))
    context["timeline"] = _timeline(viewer, case, visible)
    context["secret_banner"] = case.secret and bool(names & {"request", "answer"})
    if names & {"routing", "hours"}:
        context["assignments"] = [
            a
            for a in case.assignments.select_related("civil_servant__department").order_by(
                "assigned_at"
            )
            if sees_hours_of(viewer, visible, a.civil_servant)
        ]
    if "hours" in names:
        entries = [
            e
            for e in case.hours_entries.select_related("civil_servant__department").order_by(
                "worked_on", "pk"
            )
            if sees_hours_entry(viewer, visible, e)
        ]
        context["hours_entries"] = entries
        context["hours_logged"] = sum((e.hours for e in entries), 0)
    if "kickoff" in names:
        context["kickoff"] = Kickoff.objects.filter(case=case).first()
    if names & {"mediation", "routing"}:
        mediations = list(
            case.mediations.select_related("requested_by", "decided_by").order_by("requested_at")
        )
        context["mediations"] = [
            m
            for m in mediations
            if (m.forum == Mediation.Forum.GRIFFIE and "mediation" in names)
            or (m.forum == Mediation.Forum.TRIANGLE and "routing" in names)
        ]
    if "evaluation" in names:
        context["evaluations"] = list(
            case.evaluations.select_related("person").order_by("recorded_at")
        )
    if "answer" in names:
        context["files"] = list(case.files.filter(section=Section.ANSWER).order_by("pk"))
    if "routing" in names and case.refusal_ground:
        context["refusal_ground"] = viewer.profile.refusal_ground(case.refusal_ground)
    context["secret_withheld"] = (
        case.secret
        and case.state in ANSWERED_STATES | WRITTEN_ANSWERED_STATES
        and "answer" not in names
        and "request" in names
    )
    if viewer.is_griffie and "request" in names and case.state in (State.SUBMITTED, State.INTAKE):
        # The griffie sees the advice at intake and can convert the case (handreiking, spelregel 1).
        context["intake_advice"] = advice_context(
            viewer, case.title, case.question, case.instrument
        )
    if any(row["action"] == "assign" for row in context["actions"]):
        context["ranking"] = candidates_for(viewer, case)
    return context


@login_required
def case_detail(request, pk: int):
    viewer = viewer_for(request.user)
    case, visible = _case_or_404(viewer, pk)
    content = visible & CONTENT_SECTIONS
    if content:
        # Every read of confidential content is audited (audit/reads.py, BIO 12.4.1).
        record_read(request.user, case, content)
    return render(request, "cases/detail.html", _detail_context(viewer, case, visible))


def _available(case, action: str, names: frozenset[Actor]) -> bool:
    try:
        row_for(case, action, names)
    except DomainError:
        return False
    return True


def _form_class(case, action: str, names: frozenset[Actor]):
    for row in workflow.rows_for_action(case.instrument, action):
        if row.actors & names:
            return row.form
    return None


def _version(request, case) -> int:
    raw = request.POST.get("version") if request.method == "POST" else request.GET.get("versie")
    try:
        return int(raw)
    except (TypeError, ValueError):
        return case.version if request.method == "GET" else -1


@login_required
def case_action(request, pk: int, action: str):
    if action not in workflow.ACTIONS:
        raise Http404("Onbekende actie")
    viewer = viewer_for(request.user)
    case, visible = _case_or_404(viewer, pk)
    names = relation_names(viewer, case)
    try:
        row = row_for(case, action, names)
    except ActionForbidden as error:
        return forbidden(request, error.message)
    except ActionNotAvailable:
        row = None
    form_class = row.form if row else _form_class(case, action, names)
    context = {
        "case": case,
        "sections": _section_names(visible),
        "action": action,
        "label": workflow.label_for(case.instrument, case.state, action),
        "available": row is not None,
        "version": _version(request, case),
        "error": None,
    }
    status = 200
    form = None
    if request.method == "POST":
        outcome = _post_action(request, viewer, pk, action, form_class, context)
        if not isinstance(outcome, tuple):
            return outcome
        form, status = outcome
        case = context["case"]  # reread after a conflict
    elif row is None:
        messages.error(
            request,
            f"'{context['label']}' kan niet in de status '{case.get_state_display()}'.",
        )
        return redirect("case_detail", pk=case.pk)
    elif form_class is not None:
        form = form_class(case=case, viewer=viewer)
    context["form"] = form
    wants_ranking = action == "assign" or (
        action == "mediate" and form is not None and "civil_servants" in form.fields
    )
    if wants_ranking and context["available"] and "request" in context["sections"]:
        # The ranking matches the question's words: only for who may read the request.
        context["ranking"] = candidates_for(viewer, case)
    content = frozenset(context["sections"]) & CONTENT_SECTIONS
    if content:
        record_read(request.user, case, content)
    template = "cases/action.html"
    if request.htmx and request.method == "POST":
        # Only the form is swapped; a 4xx would not be swapped by htmx, so answer 200.
        return render(request, template + "#action-form", context)
    return render(request, template, context, status=status)


def done_message(label: str, before: str, case) -> str:
    """What the flash says after an action: the new status only if the status moved."""
    if case.state != before:
        return f"{label}: gelukt. Het verzoek is nu '{case.get_state_display()}'."
    if case.state == State.DELIVERED:
        # The round closes only once member, civil servant and griffie each evaluated
        # (assistance.workflow.evaluate).
        return (
            f"{label}: vastgelegd. Het verzoek blijft '{case.get_state_display()}' tot raadslid, "
            "ambtenaar en griffie elk hun evaluatie hebben gegeven."
        )
    if case.state == State.OBJECTED:
        # The driehoek decides together: the case moves once the three agree
        # (assistance.workflow.mediate_triangle).
        return (
            f"{label}: uw stem is vastgelegd. Het besluit valt als griffier, "
            "gemeentesecretaris en burgemeester voor dezelfde uitkomst hebben gestemd; het "
            f"verzoek blijft '{case.get_state_display()}'."
        )
    return f"{label}: vastgelegd. De status blijft '{case.get_state_display()}'."


def _post_action(request, viewer, pk: int, action: str, form_class, context: dict):
    """Perform the posted action: a redirect (or 403 page) when done, else (form, status) to
    show the form again with the Dutch errors and the input kept."""
    case = context["case"]
    try:
        case = perform(
            request.user,
            pk,
            action,
            request.POST,
            request.FILES,
            expected_version=context["version"],
        )
    except CaseNotFound:
        raise Http404("Verzoek niet gevonden") from None
    except UnknownAction:
        raise Http404("Onbekende actie") from None
    except ActionForbidden as error:
        return forbidden(request, error.message)
    except InvalidInput as error:
        form = None
        if form_class:
            form = form_class(data=request.POST, files=request.FILES, case=case, viewer=viewer)
            form.is_valid()
            apply_errors(form, error.errors)
        context["error"] = error.message
        return form, 422
    except DomainError as error:
        # 409: someone was first, the state moved on, or a guard said no. Keep the input.
        case, visible = _case_or_404(viewer, pk)
        names = relation_names(viewer, case)
        context.update(
            case=case,
            sections=_section_names(visible),
            available=_available(case, action, names),
            version=case.version,
            error=error.message,
            conflict=True,
        )
        form = form_class(data=request.POST, case=case, viewer=viewer) if form_class else None
        return form, error.status
    messages.success(request, done_message(context["label"], context["case"].state, case))
    url = reverse("case_detail", kwargs={"pk": case.pk})
    try:
        get_case_for(viewer, case.pk)
    except CaseNotFound:
        # The driehoek's decision took the case out of this actor's sight.
        url = reverse("home")
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
def case_file(request, pk: int, token: str):
    viewer = viewer_for(request.user)
    case, visible = _case_or_404(viewer, pk)
    stored = CaseFile.objects.filter(case_id=case.pk, token=token).first()
    if stored is None or stored.section not in _section_names(visible):
        raise Http404("Bestand niet gevonden")
    record_read(request.user, case, {stored.section})
    return download(
        stored.file.open("rb"), filename=stored.original_name, content_type=stored.content_type
    )


@login_required
@require_POST
def case_break_glass(request, pk: int):
    try:
        break_glass(request.user, pk, request.POST.get("reason", ""))
    except CaseNotFound:
        raise Http404("Verzoek niet gevonden") from None
    except ActionForbidden as error:
        return forbidden(request, error.message)
    except InvalidInput as error:
        reasons = "; ".join(m for msgs in error.errors.values() for m in msgs) or error.message
        messages.error(request, f"Noodtoegang tot verzoek niet verleend: {reasons}")
        return redirect("home")
    messages.warning(
        request,
        "Noodtoegang verleend voor 30 minuten. Uw inzage en de reden zijn vastgelegd "
        "en zichtbaar voor de griffier.",
    )
    return redirect("case_detail", pk=pk)
