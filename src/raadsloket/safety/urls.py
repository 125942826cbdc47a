# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "veiligheid/" (namespace "safety")."""

from django.urls import path

from raadsloket.safety import views

app_name = "safety"

urlpatterns = [
    path("", views.index, name="index"),
    path("behandeling", views.handling, name="handling"),
    path("checklist", views.checklist, name="checklist"),
    path("meldingen/<int:pk>", views.detail, name="detail"),
    path("meldingen/<int:pk>/status", views.set_status, name="status"),
    path("meldingen/<int:pk>/notitie", views.add_note, name="note"),
    path("meldingen/<int:pk>/lezers", views.add_reader, name="add_reader"),
    path(
        "meldingen/<int:pk>/lezers/<int:person_id>/verwijderen",
        views.remove_reader,
        name="remove_reader",
    ),
    path("meldingen/<int:pk>/bewijs", views.add_evidence, name="add_evidence"),
    path("meldingen/<int:pk>/bewijs/<str:token>", views.evidence_file, name="evidence"),
]
