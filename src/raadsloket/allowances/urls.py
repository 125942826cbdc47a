# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "vergoeding/" (namespace "allowances")."""

from django.urls import path

from raadsloket.allowances import views

app_name = "allowances"

urlpatterns = [
    path("", views.index, name="index"),
    path("politiek-verlof", views.leave, name="leave"),
    path("bedragen", views.amounts, name="amounts"),
    path("toelagen", views.add_role, name="add_role"),
    path("toelagen/<int:pk>/beeindigen", views.end_role, name="end_role"),
]
