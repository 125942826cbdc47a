# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "fractieondersteuning/" (namespace "fractie_support")."""

from django.urls import path

from raadsloket.fractie_support import downloads, views

app_name = "fractie_support"

urlpatterns = [
    path("", views.index, name="index"),
    path("zetels/", views.seats, name="seats"),
    path("vragen/<int:pk>/", views.question_detail, name="question"),
    path("<int:fractie_id>/<int:year>/", views.fractie_year, name="fractie_year"),
    path("<int:fractie_id>/<int:year>/<slug:action>", views.fractie_action, name="fractie_action"),
    path("precedenten/", views.precedents, name="precedents"),
    path(
        "<int:fractie_id>/<int:year>/verantwoording.pdf",
        downloads.statement_pdf,
        name="statement_pdf",
    ),
    path(
        "<int:fractie_id>/<int:year>/verantwoording.xlsx",
        downloads.statement_xlsx,
        name="statement_xlsx",
    ),
    # Before the action route below, which would take "bewijsstuk" for an action.
    path("uitgaven/<int:pk>/bewijsstuk", downloads.proof, name="proof"),
    path("uitgaven/<int:pk>/<slug:action>", views.expense_action, name="expense_action"),
]
