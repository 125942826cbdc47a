# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class TimePlannerConfig(AppConfig):
    name = "raadsloket.time_planner"
    label = "time_planner"
    verbose_name = "Tijdsbesteding"
    default_auto_field = "django.db.models.BigAutoField"
