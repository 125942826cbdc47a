# SPDX-License-Identifier: EUPL-1.2
"""The shapes of the follow API (raadsloket.follow.api)."""

import datetime as dt
from typing import Annotated

from ninja import Field, Schema

from raadsloket.follow.models import Kind, Scope
from raadsloket.lib.api import OneOf

KindValue = Annotated[str, OneOf(Kind)]
ScopeValue = Annotated[str, OneOf(Scope)]


class FollowIn(Schema):
    kind: KindValue
    item_id: int = Field(..., ge=1)


class FollowOut(Schema):
    kind: KindValue
    kind_label: str
    item_id: int
    label: str = Field(..., description="nummer en titel, voor zover u die mag zien")
    status: str
    url: str
    since: dt.datetime


class KeywordIn(Schema):
    keyword: str = Field(..., max_length=200)
    scope: ScopeValue = Scope.ALL


class KeywordOut(Schema):
    id: int
    keyword: str
    scope: ScopeValue
    scope_label: str
    created_at: dt.datetime


class FollowsOut(Schema):
    items: list[FollowOut]
    keywords: list[KeywordOut]
