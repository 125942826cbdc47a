# SPDX-License-Identifier: EUPL-1.2
"""The "Wat ik volg" page and the Volgen / Niet meer volgen buttons.

Who may follow what is decided in raadsloket.access.follow; what may not be seen answers 404,
as if it did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from raadsloket.access.follow import uses_follow
from raadsloket.access.viewer import viewer_for
from raadsloket.follow import services
from raadsloket.follow.forms import FollowForm, KeywordForm
from raadsloket.lib.errors import DomainError, NotFound


def _forbidden(request):
    return render(
        request,
        "errors/error.html",
        {"title": "Geen toegang", "message": services.NO_ACCOUNT},
        status=403,
    )


def _back(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=False
    ):
        return redirect(target)
    return redirect("follow:index")


@login_required
def index(request, form: KeywordForm | None = None, status: int = 200):
    viewer = viewer_for(request.user)
    if not uses_follow(viewer):
        return _forbidden(request)
    context = {
        "followed": services.followed(viewer),
        "keywords": services.keywords(viewer),
        "form": form or KeywordForm(),
    }
    return render(request, "follow/index.html", context, status=status)


def _follow_input(request) -> tuple[str, int]:
    form = FollowForm(request.POST)
    if not form.is_valid():
        raise Http404(services.NOT_FOUND)
    return form.cleaned_data["kind"], form.cleaned_data["item_id"]


@login_required
@require_POST
def follow_item(request):
    viewer = viewer_for(request.user)
    if not uses_follow(viewer):
        return _forbidden(request)
    kind, item_id = _follow_input(request)
    try:
        services.follow(viewer, kind, item_id)
    except NotFound:
        raise Http404(services.NOT_FOUND) from None
    messages.success(request, "U volgt dit nu. U hoort het als er iets verandert.")
    return _back(request)


@login_required
@require_POST
def unfollow_item(request):
    viewer = viewer_for(request.user)
    if not uses_follow(viewer):
        return _forbidden(request)
    kind, item_id = _follow_input(request)
    if services.unfollow(viewer, kind, item_id):
        messages.success(request, "U volgt dit niet meer.")
    return _back(request)


@login_required
@require_POST
def add_keyword(request):
    viewer = viewer_for(request.user)
    if not uses_follow(viewer):
        return _forbidden(request)
    form = KeywordForm(request.POST)
    if not form.is_valid():
        return index(request, form=form, status=422)
    try:
        row = services.follow_keyword(
            viewer, form.cleaned_data["keyword"], form.cleaned_data["scope"]
        )
    except DomainError as error:
        for field, problems in error.errors.items() or [(None, [error.message])]:
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
        return index(request, form=form, status=error.status if error.status != 409 else 422)
    messages.success(request, f"U volgt nu het trefwoord '{row.keyword}'.")
    return redirect(reverse("follow:index") + "#trefwoorden")


@login_required
@require_POST
def remove_keyword(request, pk: int):
    viewer = viewer_for(request.user)
    if not uses_follow(viewer):
        return _forbidden(request)
    if not services.unfollow_keyword(viewer, pk):
        raise Http404("Dit trefwoord volgt u niet.")
    messages.success(request, "Het trefwoord is verwijderd.")
    return redirect(reverse("follow:index") + "#trefwoorden")
