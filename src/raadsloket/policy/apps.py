# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "raadsloket.policy"
    label = "policy"
    default_auto_field = "django.db.models.BigAutoField"
