# SPDX-License-Identifier: EUPL-1.2
"""`{% samenhang item %}`: the links and the chain of a case or register item, as its viewer may
see them (raadsloket.access.links decides each linked item), with the form to add a link."""

from django import template

from raadsloket.access import links as access
from raadsloket.access.viewer import viewer_for
from raadsloket.registers import links
from raadsloket.registers.forms import LinkForm

register = template.Library()


@register.inclusion_tag("registers/includes/samenhang.html", takes_context=True)
def samenhang(context, item, form=None):
    viewer = viewer_for(context["request"].user)
    shown = links.samenhang(viewer, item)
    offers = access.offers_linking(viewer, item)
    kind, pk = links.ref_of(item)
    # Remove buttons where the viewer surely may (the domain function checks every rule).
    mine = viewer.is_griffie or (viewer.is_member and access.owns(viewer, item))
    return {
        "samenhang": shown,
        "here_kind": kind,
        "here_id": pk,
        "offers_linking": offers,
        "link_form": (form or LinkForm()) if offers else None,
        "removable": {
            entry.link.pk
            for _, entries in shown.groups
            for entry in entries
            if mine or entry.link.created_by_id == viewer.person_id
        },
        "csrf_token": context.get("csrf_token"),
        "request": context["request"],
    }
