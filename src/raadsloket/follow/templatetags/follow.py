# SPDX-License-Identifier: EUPL-1.2
"""`{% following kind item_id as on %}`: whether the signed-in person follows the item."""

from django import template

from raadsloket.access.viewer import viewer_for
from raadsloket.follow.services import is_following

register = template.Library()


@register.simple_tag(takes_context=True)
def following(context, kind: str, item_id: int) -> bool:
    request = context.get("request")
    if request is None:
        return False
    return is_following(viewer_for(request.user), kind, item_id)
