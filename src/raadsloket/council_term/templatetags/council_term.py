# SPDX-License-Identifier: EUPL-1.2
"""The start page's link to the council term: the griffier's installation page, or a new
member's own onboarding checklist (access.council_term decides)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from raadsloket.access.council_term import installs_council, sees_onboarding
from raadsloket.access.viewer import viewer_for
from raadsloket.council_term.models import Newcomer

register = template.Library()


@register.simple_tag(takes_context=True)
def council_term_link(context) -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    viewer = viewer_for(user)
    if not viewer.authenticated:
        return ""
    if installs_council(viewer):
        return format_html(
            '<p class="utrecht-paragraph"><a class="utrecht-link" href="{}">{}</a></p>',
            reverse("council_term:index"),
            "Raadsperiode: nieuwe raad installeren",
        )
    if (
        sees_onboarding(viewer, user)
        and Newcomer.objects.filter(person_id=viewer.person_id).exists()
    ):
        return format_html(
            '<p class="utrecht-paragraph"><a class="utrecht-link" href="{}">{}</a></p>',
            reverse("council_term:own_checklist"),
            "Inwerken als nieuw lid: uw checklist",
        )
    return ""
