# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "raadsperiode/" (namespace "council_term")."""

from django.urls import path

from raadsloket.council_term import views

app_name = "council_term"

urlpatterns = [
    path("", views.index, name="index"),
    path("sjabloon.csv", views.template, name="template"),
    path("voorbeeld-verkiezing.csv", views.sample, name="sample"),
    path("inwerken/", views.own_checklist, name="own_checklist"),
    path("inwerken/<int:pk>/", views.checklist, name="checklist"),
    path("inwerken/<int:pk>/afvinken", views.tick, name="tick"),
    path("uitnodiging/<str:token>", views.invitation, name="invitation"),
]
