# SPDX-License-Identifier: EUPL-1.2
"""My notifications: the list, marking them read, and how I get them by e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from raadsloket.lib.text import counted
from raadsloket.notify.delivery import choose_delivery, delivery_of, mark_all_read, mark_read
from raadsloket.notify.forms import DeliveryForm
from raadsloket.notify.models import Delivery, Notification

PAGE_SIZE = 50


@login_required
def notification_list(request):
    queryset = Notification.objects.filter(recipient_id=request.user.pk).order_by(
        "-created_at", "-pk"
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))
    unread = queryset.filter(read_at__isnull=True).count()
    return render(request, "notify/list.html", {"page_obj": page, "unread": unread})


@login_required
@require_POST
def notification_read(request, pk: int):
    # Only one's own notification: another's is indistinguishable from a missing one.
    if mark_read(request.user, pk) is None:
        raise Http404("Melding niet gevonden")
    return redirect("notify:list")


@login_required
@require_POST
def notification_read_all(request):
    count = mark_all_read(request.user)
    messages.success(request, f"{counted(count, 'melding', 'meldingen')} als gelezen gemarkeerd.")
    return redirect("notify:list")


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
