# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "raadsloket.demo"
    label = "demo"
    verbose_name = "Demonstratiegegevens"
