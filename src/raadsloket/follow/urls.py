# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "volgen/" (namespace "follow")."""

from django.urls import path

from raadsloket.follow import views

app_name = "follow"

urlpatterns = [
    path("", views.index, name="index"),
    path("volg", views.follow_item, name="follow"),
    path("niet-meer-volgen", views.unfollow_item, name="unfollow"),
    path("trefwoorden", views.add_keyword, name="add_keyword"),
    path("trefwoorden/<int:pk>/verwijderen", views.remove_keyword, name="remove_keyword"),
]
