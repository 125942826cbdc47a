# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "raadsloket.reflection"
    label = "reflection"
    verbose_name = "Reflectie"
