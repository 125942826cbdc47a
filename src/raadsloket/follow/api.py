# SPDX-License-Identifier: EUPL-1.2
"""Volgen in the API: what you follow, follow or stop following an item or a keyword.

Mounted on the project's API (api/root.py), whose authentication it inherits. What the caller
may not see answers 404, exactly as an id that does not exist (raadsloket.access.follow).
"""

from ninja import Router, Status
from ninja.errors import HttpError

from raadsloket.access.viewer import viewer_for
from raadsloket.follow import services
from raadsloket.follow.models import KeywordFollow
from raadsloket.follow.schemas import FollowIn, FollowOut, FollowsOut, KeywordIn, KeywordOut
from raadsloket.lib.api import ERRORS

router = Router(tags=["volgen"])


def _keyword(row: KeywordFollow) -> dict:
    return {
        "id": row.pk,
        "keyword": row.keyword,
        "scope": row.scope,
        "scope_label": row.get_scope_display(),
        "created_at": row.created_at,
    }


def _item(row: services.Followed) -> dict:
    return {
        "kind": row.kind,
        "kind_label": row.kind_label,
        "item_id": row.item_id,
        "label": row.label,
        "status": row.status,
        "url": row.url,
        "since": row.since,
    }


@router.get("/follows", response={200: FollowsOut, **ERRORS}, summary="Wat ik volg")
def list_follows(request):
    viewer = viewer_for(request.user)
    return {
        "items": [_item(row) for row in services.followed(viewer)],
        "keywords": [_keyword(row) for row in services.keywords(viewer)],
    }


@router.post(
    "/follows", response={201: FollowOut, **ERRORS}, summary="Een verzoek of registeritem volgen"
)
def add_follow(request, payload: FollowIn):
    viewer = viewer_for(request.user)
    services.follow(viewer, payload.kind, payload.item_id)
    row = next(
        row
        for row in services.followed(viewer)
        if row.kind == payload.kind and row.item_id == payload.item_id
    )
    return Status(201, _item(row))


@router.delete(
    "/follows/items/{kind}/{item_id}",
    response={204: None, **ERRORS},
    summary="Een verzoek of registeritem niet meer volgen",
)
def remove_follow(request, kind: str, item_id: int):
    if not services.unfollow(viewer_for(request.user), kind, item_id):
        raise HttpError(404, "Dit volgt u niet.")
    return Status(204, None)


@router.post(
    "/follows/keywords", response={201: KeywordOut, **ERRORS}, summary="Een trefwoord volgen"
)
def add_keyword(request, payload: KeywordIn):
    row = services.follow_keyword(viewer_for(request.user), payload.keyword, payload.scope)
    return Status(201, _keyword(row))


@router.delete(
    "/follows/keywords/{keyword_id}",
    response={204: None, **ERRORS},
    summary="Een trefwoord niet meer volgen",
)
def remove_keyword(request, keyword_id: int):
    if not services.unfollow_keyword(viewer_for(request.user), keyword_id):
        raise HttpError(404, "Dit trefwoord volgt u niet.")
    return Status(204, None)
