# SPDX-License-Identifier: EUPL-1.2
"""The header's link to my notifications, with the number unread."""

from django import template
from django.urls import reverse

from raadsloket.notify.delivery import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    request = context.get("request")
    return unread_count(getattr(request, "user", None))


@register.inclusion_tag("notify/includes/nav_item.html", takes_context=True)
def notifications_nav_item(context):
    href = reverse("notify:list")
    path = getattr(context.get("request"), "path", "")
    # aria-current as the other menu links (web.templatetags.raadsloket.nav_link).
    current = "page" if path == href else "true" if path.startswith(href) else ""
    return {"unread": unread_notifications(context), "href": href, "current": current}
