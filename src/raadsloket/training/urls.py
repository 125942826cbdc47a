# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "opleidingen/" (namespace "training")."""

from django.urls import path

from raadsloket.training import views

app_name = "training"

urlpatterns = [
    path("", views.index, name="index"),
    path("aanvragen/nieuw", views.new_request, name="new"),
    path("aanvragen/<int:pk>/<slug:action>", views.request_action, name="action"),
    path("budget/<int:year>", views.year_budget, name="year_budget"),
]
