# SPDX-License-Identifier: EUPL-1.2
"""The fractieondersteuning pages (Gemeentewet art. 33 lid 3): overview, a fractie's year,
questions, precedents and seats. Views ask the access layer what to show and call the services to change anything; a
page the viewer may not see is a 404, the same as a missing id (it never reveals existence)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raadsloket.access.fractie_support import (
    reviews_budgets,
    sees_budget_overview,
    sees_fractie_budget,
    sees_precedents,
    visible_expenses,
    visible_questions,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.fractie_support import expenses, pages, statement
from raadsloket.fractie_support import seats as seat_changes
from raadsloket.fractie_support.forms import (
    AnswerForm,
    ApproveForm,
    ExpenseForm,
    MergeForm,
    OpeningReserveForm,
    RepaymentForm,
    ReturnForm,
    ReviewForm,
    SeatChangeForm,
    SplitForm,
    add_service_error,
)
from raadsloket.fractie_support.models import Expense, SpendingQuestion
from raadsloket.lib.errors import DomainError
from raadsloket.lib.idempotency import AlreadySubmitted
from raadsloket.lib.ids import valid_id
from raadsloket.lib.money import euro
from raadsloket.lib.text import counted
from raadsloket.organisation.models import Fractie, Person

FORM_ERROR = "Er is niets opgeslagen: verbeter de gemarkeerde velden."


def _fractie_or_404(viewer, fractie_id: int) -> Fractie:
    fractie = None
    if valid_id(fractie_id) and viewer.authenticated:
        fractie = (
            Fractie.objects.filter(pk=fractie_id, municipality_id=viewer.municipality_id)
            .prefetch_related("seat_periods")
            .first()
        )
    if fractie is None or not sees_fractie_budget(viewer, fractie):
        raise Http404("Niet gevonden")
    return fractie


def _year_url(fractie_id: int, year: int, anchor: str = "") -> str:
    url = reverse("fractie_support:fractie_year", args=[fractie_id, year])
    return f"{url}#{anchor}" if anchor else url


def _year_page(request, viewer, fractie, year, *, bound=None, error="", status=200):
    context = pages.fractie_year_context(
        viewer, fractie, year, timezone.localdate(), bound=bound, action_error=error
    )
    return render(request, "fractie_support/fractie_year.html", context, status=status)


# --- overview ------------------------------------------------------------------------------


@login_required
@require_GET
def index(request):
    """The griffie and the presidium: all fracties of a year. A member: their own fractie."""
    viewer = viewer_for(request.user)
    today = timezone.localdate()
    own = None
    if viewer.fractie_id is not None:
        fractie = (
            Fractie.objects.filter(pk=viewer.fractie_id, municipality_id=viewer.municipality_id)
            .prefetch_related("seat_periods")
            .first()
        )
        if fractie is not None and sees_fractie_budget(viewer, fractie):
            own = pages.own_summary(viewer, fractie, today)
    if not sees_budget_overview(viewer):
        if own is None:
            raise Http404("Niet gevonden")
        return render(request, "fractie_support/index.html", {"own": own, "today": today})
    year, year_warning = pages.parse_year(request.GET.get("jaar"), today)
    context = {
        **pages.overview_context(viewer, year, today),
        "own": own,
        "today": today,
        "year_warning": year_warning,
    }
    return render(request, "fractie_support/index.html", context)


# --- a fractie's year -----------------------------------------------------------------------


@login_required
@require_GET
def fractie_year(request, fractie_id: int, year: int):
    viewer = viewer_for(request.user)
    fractie = _fractie_or_404(viewer, fractie_id)
    if not pages.year_allowed(year, timezone.localdate()):
        raise Http404("Niet gevonden")
    return _year_page(request, viewer, fractie, year)


def _record(request, viewer, fractie, year):
    support = viewer.profile.fractie_support
    form = ExpenseForm(request.POST, request.FILES, support=support)
    if not form.is_valid():
        return _year_page(
            request, viewer, fractie, year, bound={"expense": form}, error=FORM_ERROR, status=400
        )
    data = form.cleaned_data
    try:
        expense = expenses.record_expense(
            viewer,
            request.user,
            fractie,
            on=data["on"],
            amount=data["amount"],
            category=data["category"],
            description=data["description"],
            proof=data["proof"],
            question=data["question"],
            submission_token=data["submission_token"],
        )
    except AlreadySubmitted as error:
        # Back and submit again: nothing new; where the first submit's expense is.
        found = error.existing
        url = _year_url(fractie.pk, found.year, f"uitgave-{found.pk}")
        messages.info(
            request, format_html('{} <a href="{}">Bekijk de uitgave</a>.', error.message, url)
        )
        return redirect(url)
    except DomainError as error:
        add_service_error(form, error)
        return _year_page(
            request,
            viewer,
            fractie,
            year,
            bound={"expense": form},
            error=error.message,
            status=error.status,
        )
    done = f"De uitgave van {euro(expense.amount)} is vastgelegd in {expense.year}."
    if expense.question_id:
        done += " Uw vraag is naar de griffie gestuurd; de uitgave telt mee na haar antwoord."
    messages.success(request, done)
    after = statement.figures(fractie, expense.year, support)
    if after.balance < 0:
        # A warning, not a refusal: the verordening settles a deficit in the statement.
        messages.warning(
            request,
            f"Let op: het saldo over {expense.year} is nu {euro(after.balance)}. De fractie "
            "geeft meer uit dan de bijdrage en de reserve.",
        )
    return redirect(_year_url(fractie.pk, expense.year, "uitgaven"))


def _form_action(form_class, service, success, bound_key):
    """A griffie or treasurer action that takes one small form and calls one service."""

    def handle(request, viewer, fractie, year):
        form = form_class(request.POST)
        if not form.is_valid():
            return _year_page(
                request,
                viewer,
                fractie,
                year,
                bound={bound_key: form},
                error=FORM_ERROR,
                status=400,
            )
        try:
            service(viewer, request.user, fractie, year, **form.cleaned_data)
        except DomainError as error:
            add_service_error(form, error)
            return _year_page(
                request,
                viewer,
                fractie,
                year,
                bound={bound_key: form},
                error=error.message,
                status=error.status,
            )
        messages.success(request, success.format(year=year, fractie=fractie))
        return redirect(_year_url(fractie.pk, year, "verantwoording"))

    return handle


def _submit(request, viewer, fractie, year):
    try:
        statement.submit(viewer, request.user, fractie, year)
    except DomainError as error:
        return _year_page(request, viewer, fractie, year, error=error.message, status=error.status)
    messages.success(request, f"De verantwoording over {year} is ingediend bij de griffie.")
    return redirect(_year_url(fractie.pk, year, "verantwoording"))


FRACTIE_ACTIONS = {
    "registreren": _record,
    "indienen": _submit,
    "terugsturen": _form_action(
        ReturnForm,
        statement.return_statement,
        "De verantwoording over {year} is teruggestuurd naar {fractie}.",
        "return",
    ),
    "vaststellen": _form_action(
        ApproveForm,
        statement.approve,
        "De verantwoording over {year} van {fractie} is vastgesteld.",
        "approve",
    ),
    "terugbetaald": _form_action(
        RepaymentForm,
        statement.record_repayment,
        "De terugbetaling over {year} is vastgelegd.",
        "repayment",
    ),
    "beginreserve": _form_action(
        OpeningReserveForm,
        statement.set_opening_reserve,
        "De beginreserve over {year} is vastgelegd.",
        "opening",
    ),
}


@login_required
@require_POST
def fractie_action(request, fractie_id: int, year: int, action: str):
    viewer = viewer_for(request.user)
    fractie = _fractie_or_404(viewer, fractie_id)
    handler = FRACTIE_ACTIONS.get(action)
    if handler is None or not pages.year_allowed(year, timezone.localdate()):
        raise Http404("Niet gevonden")
    return handler(request, viewer, fractie, year)


@login_required
@require_POST
def expense_action(request, pk: int, action: str):
    viewer = viewer_for(request.user)
    expense = None
    if valid_id(pk) and action in ("verwijderen", "beoordelen"):
        expense = (
            visible_expenses(viewer, Expense.objects.select_related("fractie"))
            .filter(pk=pk)
            .first()
        )
    # The presidium sees unclear lines of other fracties but not their year page: 404 too.
    if expense is None or not sees_fractie_budget(viewer, expense.fractie):
        raise Http404("Niet gevonden")
    if action == "verwijderen":
        return _remove(request, viewer, expense)
    fractie, year = expense.fractie, expense.year
    form = ReviewForm(request.POST, expense_id=expense.pk)
    bound = {f"review:{expense.pk}": form}
    if not form.is_valid():
        return _year_page(request, viewer, fractie, year, bound=bound, error=FORM_ERROR, status=400)
    try:
        expenses.review_expense(viewer, request.user, expense, **form.cleaned_data)
    except DomainError as error:
        add_service_error(form, error)
        return _year_page(
            request, viewer, fractie, year, bound=bound, error=error.message, status=error.status
        )
    label = Expense.Review(form.cleaned_data["review"]).label
    messages.success(request, f"Beoordeling '{label}' vastgelegd bij '{expense.description}'.")
    return redirect(_year_url(fractie.pk, year, f"uitgave-{expense.pk}"))


def _remove(request, viewer, expense):
    """Two steps, without JavaScript: the first POST shows what would be removed, and only the
    POST from that page (bevestigd=ja) removes it. There is no undo: the line and its proof
    are gone, the audit chain keeps the removal (budgets.expense_removed)."""
    fractie, year = expense.fractie, expense.year
    try:
        if request.POST.get("bevestigd") != "ja":
            expenses.check_removable(viewer, expense)
            return render(
                request,
                "fractie_support/expense_remove.html",
                {
                    "expense": expense,
                    "category": viewer.profile.fractie_support.category_label(expense.category),
                    "back": _year_url(fractie.pk, year, f"uitgave-{expense.pk}"),
                },
            )
        expenses.remove_expense(viewer, request.user, expense)
    except DomainError as error:
        return _year_page(request, viewer, fractie, year, error=error.message, status=error.status)
    messages.success(request, f"De uitgave '{expense.description}' is verwijderd.")
    return redirect(_year_url(fractie.pk, year, "uitgaven"))


# --- questions and precedents --------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def question_detail(request, pk: int):
    viewer = viewer_for(request.user)
    question = None
    if valid_id(pk):
        question = (
            visible_questions(
                viewer, SpendingQuestion.objects.select_related("fractie", "answered_by")
            )
            .filter(pk=pk)
            .first()
        )
    if question is None:
        raise Http404("Niet gevonden")
    griffie = reviews_budgets(viewer)
    form = AnswerForm() if griffie and not question.is_final else None
    status = 200
    error = ""
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                expenses.answer_question(viewer, request.user, question, **form.cleaned_data)
            except DomainError as problem:
                add_service_error(form, problem)
                error, status = problem.message, problem.status
                # Only the griffie gets the form back; anyone else just the refusal.
                form = form if griffie else None
            else:
                messages.success(request, "Het antwoord is vastgelegd en geldt als precedent.")
                return redirect("fractie_support:question", pk=question.pk)
        elif griffie:
            error, status = FORM_ERROR, 400
        else:
            form, error, status = None, "Alleen de griffie beantwoordt vragen over uitgaven.", 403
    support = viewer.profile.fractie_support
    context = {
        "question": question,
        "category": support.category(question.category),
        "category_label": support.category_label(question.category),
        # Amounts only for who sees the asking fractie's budget (the presidium does not).
        "shows_amounts": sees_fractie_budget(viewer, question.fractie),
        # The presidium sees a question put to it, not another fractie's expense lines unless
        # the griffie marked them unclear (access.fractie_support.visible_expenses).
        "linked": list(visible_expenses(viewer, question.expenses.order_by("date", "pk"))),
        "form": form,
        "error": error,
        "precedents": pages.category_info(viewer, support, question.category)["precedents"],
    }
    return render(request, "fractie_support/question.html", context, status=status)


@login_required
@require_GET
def precedents(request):
    """Earlier answers of the griffie per category: question, answer, reasoning, date; never an
    amount or the fractie that asked."""
    viewer = viewer_for(request.user)
    if not sees_precedents(viewer):
        raise Http404("Niet gevonden")
    support = viewer.profile.fractie_support
    # htmx sends the select's own name ("category"); a link sends "categorie".
    code = (request.GET.get("categorie") or request.GET.get("category") or "").strip()[:40]
    info = pages.category_info(viewer, support, code)
    if request.htmx:
        return render(request, "fractie_support/includes/category_info.html", {"info": info})
    groups = [] if code else pages.precedent_groups(viewer, support)
    context = {"info": info, "groups": groups, "categories": support.categories, "code": code}
    return render(request, "fractie_support/precedents.html", context)


# --- seats, splits and merges --------------------------------------------------------------


def _seat_forms(request, fracties):
    """The three forms; the split form once a fractie is chosen (its members are listed)."""
    active = [f for f in fracties if f.seats > 0]
    chosen_id = request.POST.get("fractie") if request.POST.get("action") == "afsplitsen" else None
    chosen_id = chosen_id or request.GET.get("splitsen")
    chosen = next((f for f in active if str(f.pk) == str(chosen_id)), None)
    split = None
    if chosen is not None:
        members = Person.objects.filter(fractie=chosen, is_active=True).order_by(
            "last_name", "first_name", "pk"
        )
        split = SplitForm(fractie=chosen, members=members)
    return {
        "active": active,
        "chosen": chosen,
        "change": SeatChangeForm(fracties=active),
        "split": split,
        "merge": MergeForm(fracties=active),
    }


def _seat_change(request, forms_, by_id):
    form = SeatChangeForm(request.POST, fracties=forms_["active"])
    forms_["change"] = form
    if not form.is_valid():
        return None
    data = form.cleaned_data
    fractie = by_id[int(data["fractie"])]
    seat_changes.change_seats(
        fractie, data["on"], data["seats"], actor=request.user, note=data["note"]
    )
    return f"{fractie} heeft met ingang van {data['on']:%d-%m-%Y} {data['seats']} zetels."


def _split(request, forms_, by_id):
    chosen = forms_["chosen"]
    if chosen is None:
        raise DomainError("Kies eerst de fractie die zich splitst.", field="fractie")
    members = list(Person.objects.filter(fractie=chosen, is_active=True))
    form = SplitForm(request.POST, fractie=chosen, members=members)
    forms_["split"] = form
    if not form.is_valid():
        return None
    data = form.cleaned_data
    leaving = [m for m in members if str(m.pk) in set(data["members"])]
    new = seat_changes.split_fractie(
        chosen,
        data["on"],
        name=data["name"],
        seats=data["seats"],
        members=leaving,
        actor=request.user,
    )
    return (
        f"{new} is met ingang van {data['on']:%d-%m-%Y} afgesplitst van {chosen} met "
        f"{counted(data['seats'], 'zetel', 'zetels')}. Wijs in {new} een fractievoorzitter en een penningmeester "
        "aan: zonder die rollen kan de nieuwe fractie geen uitgaven vastleggen."
    )


def _merge(request, forms_, by_id):
    form = MergeForm(request.POST, fracties=forms_["active"])
    forms_["merge"] = form
    if not form.is_valid():
        return None
    data = form.cleaned_data
    new = seat_changes.merge_fracties(
        [by_id[int(pk)] for pk in data["fracties"]],
        data["on"],
        name=data["name"],
        actor=request.user,
    )
    return (
        f"De fracties zijn met ingang van {data['on']:%d-%m-%Y} samengegaan in {new}. Wijs in "
        f"{new} een fractievoorzitter en een penningmeester aan, en leg zo nodig de bij de "
        "samenvoeging afgesproken beginreserve vast."
    )


SEAT_ACTIONS = {
    "zetels": (_seat_change, "change"),
    "afsplitsen": (_split, "split"),
    "samenvoegen": (_merge, "merge"),
}


@login_required
@require_http_methods(["GET", "POST"])
def seats(request):
    """The griffie records seat changes, splits and merges, so allocations pro-rate by day."""
    viewer = viewer_for(request.user)
    if not reviews_budgets(viewer):
        raise Http404("Niet gevonden")
    fracties = list(
        Fractie.objects.filter(municipality_id=viewer.municipality_id).prefetch_related(
            "seat_periods"
        )
    )
    forms_ = _seat_forms(request, fracties)
    status, error, failed = 200, "", ""
    if request.method == "POST":
        action = SEAT_ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            status, error = (
                400,
                "Onbekende actie: kies zetelwijziging, afsplitsing of samenvoeging.",
            )
        else:
            handler, failed = action
            by_id = {f.pk: f for f in forms_["active"]}
            try:
                done = handler(request, forms_, by_id)
            except DomainError as problem:
                form = forms_.get(failed)
                if form is not None:
                    add_service_error(form, problem)
                status, error = problem.status, problem.message
            else:
                if done:
                    messages.success(request, done)
                    return redirect("fractie_support:seats")
                status, error = 400, FORM_ERROR
    context = {**forms_, "fracties": fracties, "error": error, "failed": failed}
    return render(request, "fractie_support/seats.html", context, status=status)
