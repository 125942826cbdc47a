# SPDX-License-Identifier: EUPL-1.2
"""The "Wie helpt mij?" pages (toolkit seed, "Gebruik je ondersteuning"): the directory with
search and categories, an entry's page, and the griffie's edit pages.

Who sees what is decided in `raadsloket.access.directory`; an entry a viewer may not see, or an
edit page of someone not of the griffie, answers 404 as if it did not exist.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from raadsloket.access import directory as access
from raadsloket.access.training import may_request_training
from raadsloket.access.viewer import viewer_for
from raadsloket.directory import services
from raadsloket.directory.forms import EntryForm, HelpForm, SearchForm
from raadsloket.directory.models import Category, Entry, GriffieHelp
from raadsloket.directory.search import rank, rank_texts
from raadsloket.lib.errors import DomainError, Forbidden
from raadsloket.lib.views import apply_errors, forbidden
from raadsloket.organisation.models import Person


def _viewer(request):
    viewer = viewer_for(request.user)
    if not access.sees_directory(viewer):
        raise Http404("Pagina niet gevonden")
    return viewer


def griffie_people(viewer) -> list[Person]:
    """The griffie's people with their roles and "helpt met" text (two queries)."""
    people = list(
        access.griffie_people(viewer, Person.objects.all())
        .prefetch_related("role_assignments")
        .order_by("last_name", "first_name", "pk")
    )
    texts = dict(
        GriffieHelp.objects.filter(person__in=people).values_list("person_id", "helps_with")
    )
    for person in people:
        person.helps_with = texts.get(person.pk, "")
        person.role_labels = ", ".join(
            sorted(
                assignment.get_role_display()
                for assignment in person.role_assignments.all()
                if assignment.role in {"clerk", "council_advisor"}
            )
        )
    return people


def training_url(entry: Entry) -> str:
    """The opleidingsbudget request, prefilled with this course and its provider."""
    query = urlencode({"opleiding": entry.name, "aanbieder": entry.provider or entry.name})
    return f"{reverse('training:new')}?{query}"


@login_required
def index(request):
    viewer = _viewer(request)
    form = SearchForm(request.GET)
    query, category, notice = "", "", ""
    if form.is_valid():
        query, category = form.cleaned_data["q"].strip(), form.cleaned_data["categorie"]
    else:
        notice = next(iter(form.errors.values()))[0]
    entries = visible_entries = list(access.visible_entries(viewer, Entry.objects.all()))
    if category:
        entries = [entry for entry in entries if entry.category == category]
    people = griffie_people(viewer) if category in ("", Category.GRIFFIE) else []
    if query:
        entries = rank(entries, query)
        people = rank_texts(
            [(person, f"{person.display_name} {person.helps_with}") for person in people], query
        )
    groups = [
        (value, label, [entry for entry in entries if entry.category == value])
        for value, label in Category.choices
    ]
    context = {
        "form": form,
        "query": query,
        "category": category,
        "notice": notice,
        "results": entries if query else None,
        "groups": [group for group in groups if group[2]],
        "people": people,
        "categories": [
            (value, label, sum(1 for entry in visible_entries if entry.category == value))
            for value, label in Category.choices
        ],
        "edits": access.edits_directory(viewer),
    }
    return render(request, "directory/index.html", context)


def _entry(viewer, pk: int) -> Entry:
    entry = Entry.objects.filter(pk=pk).first()
    if entry is None or not access.sees_entry(viewer, entry):
        raise Http404("Ondersteuner niet gevonden")
    return entry


@login_required
def detail(request, pk: int):
    viewer = _viewer(request)
    entry = _entry(viewer, pk)
    context = {
        "entry": entry,
        "edits": access.edits_directory(viewer, entry.municipality_id),
        "training_url": training_url(entry)
        if entry.category == Category.TRAINING and may_request_training(viewer)
        else "",
        "people": griffie_people(viewer) if entry.category == Category.GRIFFIE else [],
    }
    return render(request, "directory/detail.html", context)


def _editor(request):
    viewer = _viewer(request)
    if not access.edits_directory(viewer):
        raise Http404("Pagina niet gevonden")
    return viewer


def _save(request, viewer, form, entry: Entry | None):
    data = services.EntryInput(**{name: form.cleaned_data[name] for name in EntryForm.base_fields})
    if entry is None:
        return services.create_entry(viewer, data)
    return services.update_entry(viewer, entry, data)


@login_required
def edit(request, pk: int | None = None):
    viewer = _editor(request)
    entry = _entry(viewer, pk) if pk is not None else None
    status = 200
    if request.method == "POST":
        form = EntryForm(data=request.POST)
        status = 400
        if form.is_valid():
            try:
                saved = _save(request, viewer, form, entry)
            except Forbidden as error:
                return forbidden(request, error.message)
            except DomainError as error:
                apply_errors(form, error.errors or {None: [error.message]})
                status = error.status
            else:
                messages.success(request, f"'{saved.name}' is opgeslagen.")
                return redirect("directory:detail", pk=saved.pk)
    elif entry is not None:
        form = EntryForm(initial={name: getattr(entry, name) for name in EntryForm.base_fields})
    else:
        form = EntryForm()
    return render(request, "directory/edit.html", {"form": form, "entry": entry}, status=status)


@login_required
@require_POST
def visibility(request, pk: int, action: str):
    viewer = _editor(request)
    if action not in {"verbergen", "tonen"}:
        raise Http404("Onbekende actie")
    entry = _entry(viewer, pk)
    try:
        services.set_hidden(viewer, entry, hidden=action == "verbergen")
    except Forbidden as error:
        return forbidden(request, error.message)
    messages.success(
        request,
        f"'{entry.name}' is verborgen voor raadsleden."
        if entry.hidden
        else f"'{entry.name}' is weer zichtbaar.",
    )
    return redirect("directory:detail", pk=entry.pk)


@login_required
def edit_help(request, person_id: int):
    viewer = _editor(request)
    person = next((p for p in griffie_people(viewer) if p.pk == person_id), None)
    if person is None:
        raise Http404("Persoon niet gevonden")
    status = 200
    if request.method == "POST":
        form = HelpForm(data=request.POST)
        status = 400
        if form.is_valid():
            try:
                services.set_help(viewer, person, form.cleaned_data["helps_with"])
            except Forbidden as error:
                return forbidden(request, error.message)
            except DomainError as error:
                apply_errors(form, error.errors or {None: [error.message]})
                status = error.status
            else:
                messages.success(request, f"Opgeslagen waarmee {person.display_name} helpt.")
                return redirect(f"{reverse('directory:index')}#griffie")
    else:
        form = HelpForm(initial={"helps_with": person.helps_with})
    return render(
        request, "directory/edit_help.html", {"form": form, "person": person}, status=status
    )
