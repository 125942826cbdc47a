# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "meldingen/" (namespace "notify")."""

from django.urls import path

from raadsloket.notify import views

app_name = "notify"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("samenvatting", views.notification_summary, name="summary"),
    path("instellingen", views.notification_settings, name="settings"),
    path("alles-gelezen", views.notification_read_all, name="read_all"),
    path("<int:pk>/gelezen", views.notification_read, name="read"),
    path("<int:pk>/groep-gelezen", views.notification_read_group, name="read_group"),
]
