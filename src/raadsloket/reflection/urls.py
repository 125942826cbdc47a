# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "reflectie/" (namespace "reflection")."""

from django.urls import path

from raadsloket.reflection import views

app_name = "reflection"

urlpatterns = [
    path("", views.index, name="index"),
    path("coalitie/", views.coalition, name="coalition"),
    path("coalitie/<int:pk>/<slug:action>", views.coalition_action, name="coalition_action"),
    path("<str:period>/verslag.<str:file_format>", views.download, name="download"),
]
