# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "ondersteuning/" (namespace "directory")."""

from django.urls import path

from raadsloket.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw", views.edit, name="new"),
    path("<int:pk>", views.detail, name="detail"),
    path("<int:pk>/bewerken", views.edit, name="edit"),
    path("<int:pk>/<slug:action>", views.visibility, name="visibility"),
    path("griffie/<int:person_id>/bewerken", views.edit_help, name="edit_help"),
]
