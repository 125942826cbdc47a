# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "tijdsbesteding/" (namespace "time_planner")."""

from django.urls import path

from raadsloket.time_planner import views

app_name = "time_planner"

urlpatterns = [
    path("", views.index, name="index"),
    path("ideaal", views.ideal, name="ideal"),
    path("week/<int:year>/<int:week>", views.week, name="week"),
]
