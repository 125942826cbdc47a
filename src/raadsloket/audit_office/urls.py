# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "rekenkamer/" (namespace "audit_office")."""

from django.urls import path

from raadsloket.audit_office import views

app_name = "audit_office"

urlpatterns = [
    path("", views.index, name="index"),
    path("verzoeken", views.file_request, name="file_request"),
    path("voorstellen", views.propose_study, name="propose_study"),
    path("programma", views.add_programme_study, name="add_programme_study"),
    path("verzoeken/<int:pk>", views.detail, name="detail"),
    path("verzoeken/<int:pk>/<str:action>", views.act, name="act"),
    path("cyclus/", views.cycle, name="cycle"),
    path("cyclus/standaarddata", views.generate_cycle, name="generate_cycle"),
    path("cyclus/datum", views.add_cycle_date, name="add_cycle_date"),
    path("cyclus/data/<int:pk>", views.move_cycle_date, name="move_cycle_date"),
    path("cyclus.ics", views.cycle_ics, name="cycle_ics"),
]
