# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "raadsloket.organisation"
    label = "organisation"
    default_auto_field = "django.db.models.BigAutoField"
