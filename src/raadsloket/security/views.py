# SPDX-License-Identifier: EUPL-1.2
"""My security settings: two-factor set-up and verification, API keys, and the beheerder's reset.

Every page here is never cached: they show secrets (a new key, a QR code) or decide on access.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from raadsloket.access.viewer import viewer_for
from raadsloket.api.models import ApiToken
from raadsloket.api.tokens import issue, revoke
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role
from raadsloket.security import two_factor
from raadsloket.security.enrolment import EnrolmentRefused, issue_code
from raadsloket.security.forms import (
    CodeForm,
    EnrolmentCodeForm,
    ResetForm,
    SetupForm,
    TokenForm,
)
from raadsloket.security.sessions import idle_seconds

log = logging.getLogger(__name__)


def _next_url(request) -> str:
    """Where to go after verification; only a path on this site (no open redirect)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


def _is_administrator(user) -> bool:
    return viewer_for(user).has(Role.ADMINISTRATOR)


def _may_issue_enrolment_codes(user) -> bool:
    """The beheerder and the griffier hand over enrolment codes (security/enrolment.py)."""
    viewer = viewer_for(user)
    return viewer.has(Role.ADMINISTRATOR) or viewer.has(Role.CLERK)


def _colleague(request, form, field: str = "username") -> Person | None:
    """The person of that username in the signed-in person's own municipality, else a form error."""
    person = Person.objects.filter(
        username=form.cleaned_data[field], municipality_id=request.user.municipality_id
    ).first()
    if person is None:
        form.add_error(field, "Er is geen gebruiker met deze gebruikersnaam in uw gemeente.")
    return person


def _render_overview(
    request,
    reset_form: ResetForm | None = None,
    enrolment_form: EnrolmentCodeForm | None = None,
    *,
    new_code: dict | None = None,
    status: int = 200,
):
    context = {
        "device": two_factor.confirmed_device(request.user),
        "required": two_factor.required_for(request.user),
        "idle_minutes": idle_seconds(request.user) // 60,
        "is_administrator": _is_administrator(request.user),
        "may_issue_enrolment_codes": _may_issue_enrolment_codes(request.user),
        "reset_form": reset_form or ResetForm(),
        "enrolment_form": enrolment_form or EnrolmentCodeForm(),
        "new_code": new_code,
    }
    return render(request, "security/overview.html", context, status=status)


@never_cache
@login_required
def overview(request):
    return _render_overview(request)


@never_cache
@login_required
def two_factor_setup(request):
    if two_factor.confirmed_device(request.user) is not None:
        if request.user.is_verified():
            messages.info(request, "Tweestapsverificatie is al ingesteld.")
            return redirect("security:overview")
        return redirect(f"{reverse('security:two_factor_verify')}?{request.GET.urlencode()}")
    device = two_factor.pending_device(request)
    needs_code = two_factor.needs_enrolment_code(request.user)
    form = SetupForm(needs_enrolment_code=needs_code)
    status = 200
    if request.method == "POST":
        form = SetupForm(data=request.POST, needs_enrolment_code=needs_code)
        if form.is_valid() and _confirm_setup(request, form):
            messages.success(
                request,
                "Tweestapsverificatie staat aan. Voortaan vragen we bij "
                "het inloggen om een code uit uw app.",
            )
            return redirect(_next_url(request))
        status = 422
    context = {
        "form": form,
        "qr": two_factor.qr_data_uri(device),
        "manual_key": two_factor.manual_key(device),
        "next": _next_url(request),
        "required": two_factor.required_for(request.user),
        "needs_enrolment_code": needs_code,
    }
    return render(request, "security/two_factor_setup.html", context, status=status)


def _confirm_setup(request, form: SetupForm) -> bool:
    """Confirm the device with the form's codes; a refusal becomes an error on its field."""
    try:
        if two_factor.confirm_setup(
            request, form.cleaned_data["code"], form.cleaned_data.get("enrolment_code", "")
        ):
            return True
    except EnrolmentRefused as refused:
        # ASVS 7.2.1: a refused enrolment is logged (the person, never the code).
        log.warning("Inschrijfcode geweigerd voor %s", request.user.username)
        form.add_error("enrolment_code", refused.message)
        return False
    form.add_error(
        "code",
        "Deze code klopt niet. Controleer de tijd op uw telefoon en "
        "vul de code in die uw app nu toont.",
    )
    return False


@never_cache
@login_required
def two_factor_verify(request):
    if two_factor.confirmed_device(request.user) is None:
        return redirect(f"{reverse('security:two_factor_setup')}?{request.GET.urlencode()}")
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm()
    status = 200
    if request.method == "POST":
        form = CodeForm(data=request.POST)
        if form.is_valid():
            if two_factor.verification_blocked(request.user):
                form.add_error(
                    "code",
                    "Te veel onjuiste codes achter elkaar. Wacht een minuut "
                    "en probeer het dan opnieuw.",
                )
            elif two_factor.verify(request, form.cleaned_data["code"]):
                return redirect(_next_url(request))
            else:
                # ASVS 7.2.1: failed authentication is logged (the person, never the code).
                log.warning("Onjuiste tweestapscode voor %s", request.user.username)
                form.add_error(
                    "code",
                    "Deze code klopt niet of is verlopen. Vul de code in die uw app nu toont.",
                )
        status = 422
    return render(
        request,
        "security/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=status,
    )


@never_cache
@login_required
@require_POST
def two_factor_reset(request):
    """The functioneel beheerder resets a colleague's device (lost phone), same municipality."""
    if not _is_administrator(request.user):
        raise Http404("Pagina niet gevonden")
    form = ResetForm(data=request.POST)
    person = _colleague(request, form) if form.is_valid() else None
    if person is None:
        return _render_overview(request, reset_form=form, status=422)
    two_factor.reset_two_factor(person, actor=request.user, reason=form.cleaned_data["reason"])
    follow_up = (
        " met een nieuwe inschrijfcode; maak die hieronder en geef haar door"
        if two_factor.needs_enrolment_code(person)
        else ""
    )
    messages.success(
        request,
        f"Tweestapsverificatie van {person.display_name} is hersteld: bij "
        f"de volgende keer inloggen stelt deze persoon haar opnieuw in{follow_up}.",
    )
    return redirect("security:overview")


@never_cache
@login_required
@require_POST
def enrolment_code_issue(request):
    """The beheerder or griffier makes a colleague's one-time enrolment code, shown once."""
    if not _may_issue_enrolment_codes(request.user):
        raise Http404("Pagina niet gevonden")
    form = EnrolmentCodeForm(data=request.POST)
    person = _colleague(request, form) if form.is_valid() else None
    if person is not None and person.pk == request.user.pk:
        # The code stands for a second person vouching for the enrolment.
        form.add_error("username", "U kunt geen inschrijfcode voor uzelf maken.")
        person = None
    if person is None:
        return _render_overview(request, enrolment_form=form, status=422)
    code, expires_at = issue_code(person, actor=request.user)
    new_code = {"person": person, "code": code, "expires_at": expires_at}
    return _render_overview(request, new_code=new_code)


@never_cache
@login_required
def api_tokens(request):
    form = TokenForm()
    new_token = None
    status = 200
    if request.method == "POST":
        form = TokenForm(data=request.POST)
        if form.is_valid():
            new_token = issue(
                request.user, days=form.cleaned_data["days"], label=form.cleaned_data["label"]
            )
            form = TokenForm()
        else:
            status = 422
    tokens = ApiToken.objects.filter(person=request.user).order_by("-created_at", "-pk")
    return render(
        request,
        "security/api_tokens.html",
        {"form": form, "tokens": tokens, "new_token": new_token},
        status=status,
    )


@never_cache
@login_required
@require_POST
def api_token_revoke(request, pk: int):
    # Only one's own key: another's is indistinguishable from a missing one.
    token = ApiToken.objects.select_related("person").filter(pk=pk, person=request.user).first()
    if token is None:
        raise Http404("API-sleutel niet gevonden")
    if revoke(token, actor=request.user):
        messages.success(request, f"API-sleutel {token.prefix} is ingetrokken en werkt niet meer.")
    else:
        messages.info(request, f"API-sleutel {token.prefix} was al ingetrokken.")
    return redirect("security:api_tokens")
