# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "beveiliging/" (namespace "security")."""

from django.urls import path

from raadsloket.security import views

app_name = "security"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("tweestapsverificatie/instellen", views.two_factor_setup, name="two_factor_setup"),
    path("tweestapsverificatie/controleren", views.two_factor_verify, name="two_factor_verify"),
    path("tweestapsverificatie/herstellen", views.two_factor_reset, name="two_factor_reset"),
    path("inschrijfcode", views.enrolment_code_issue, name="enrolment_code_issue"),
    path("api-sleutels/", views.api_tokens, name="api_tokens"),
    path("api-sleutels/<int:pk>/intrekken", views.api_token_revoke, name="api_token_revoke"),
]
