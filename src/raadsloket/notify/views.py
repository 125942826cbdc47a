# SPDX-License-Identifier: EUPL-1.2
"""My notifications: the grouped inbox, the summary, marking read, and how I get them by e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from raadsloket.lib.text import counted
from raadsloket.notify.delivery import (
    choose_delivery,
    delivery_of,
    mark_all_read,
    mark_group_read,
    mark_read,
    unread_count,
)
from raadsloket.notify.forms import DeliveryForm
from raadsloket.notify.inbox import (
    inbox_groups,
    inbox_rows,
    record_summary_visit,
    summarise,
    summary_since,
)
from raadsloket.notify.models import Delivery

# Groups (cases) per page of the inbox.
PAGE_SIZE = 25
# ?toon=ongelezen shows only what is unread; anything else shows all, unread first.
UNREAD_ONLY = "ongelezen"


@login_required
def notification_list(request):
    unread_only = request.GET.get("toon") == UNREAD_ONLY
    groups = inbox_groups(request.user, unread_only=unread_only)
    page = Paginator(groups, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "page_obj": page,
        "rows": inbox_rows(list(page.object_list)),
        "unread": unread_count(request.user),
        "unread_only": unread_only,
    }
    return render(request, "notify/list.html", context)


@login_required
def notification_summary(request):
    """What happened since my last visit of this page (or in the last week), and note the visit
    so that next time shows what is new since now."""
    now = timezone.now()
    week = request.GET.get("periode") == "week"
    since, since_last_visit = summary_since(request.user, now, week=week)
    summary = summarise(request.user, since, since_last_visit)
    record_summary_visit(request.user, now)
    return render(request, "notify/summary.html", {"summary": summary})


def _back_to_list(request):
    # Back to the filter the person was looking at; only our own value is echoed, never input.
    if request.POST.get("toon") == UNREAD_ONLY:
        return redirect(f"{reverse('notify:list')}?toon={UNREAD_ONLY}")
    return redirect("notify:list")


@login_required
@require_POST
def notification_read(request, pk: int):
    # Only one's own notification: another's is indistinguishable from a missing one.
    if mark_read(request.user, pk) is None:
        raise Http404("Melding niet gevonden")
    return redirect("notify:list")


@login_required
@require_POST
def notification_read_group(request, pk: int):
    """Mark read the whole row of the inbox that notification `pk` heads."""
    count = mark_group_read(request.user, pk)
    if count is None:
        raise Http404("Melding niet gevonden")
    messages.success(request, f"{counted(count, 'melding', 'meldingen')} als gelezen gemarkeerd.")
    return _back_to_list(request)


@login_required
@require_POST
def notification_read_all(request):
    count = mark_all_read(request.user)
    messages.success(request, f"{counted(count, 'melding', 'meldingen')} als gelezen gemarkeerd.")
    return _back_to_list(request)


@login_required
def notification_settings(request):
    form = DeliveryForm(initial={"delivery": delivery_of(request.user)})
    status = 200
    if request.method == "POST":
        form = DeliveryForm(data=request.POST)
        if form.is_valid():
            choice = form.cleaned_data["delivery"]
            choose_delivery(request.user, choice)
            messages.success(
                request, f"Opgeslagen: e-mail bij meldingen — {Delivery(choice).label}."
            )
            return redirect("notify:settings")
        status = 422
    return render(request, "notify/settings.html", {"form": form}, status=status)
