# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "privacy/" (namespace "privacy")."""

from django.urls import path

from raadsloket.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.index, name="index"),
    path("inzage.json", views.inzage_json, name="inzage_json"),
    path("inzage.pdf", views.inzage_pdf, name="inzage_pdf"),
]
