# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "raadsloket.publication"
    label = "publication"
    verbose_name = "Openbaarmaking (Woo)"

    def ready(self) -> None:
        # The built-in sources; a register app registers its own in its ready (see __init__).
        from raadsloket.publication import reports, written
        from raadsloket.publication.sources import register_source

        register_source(written.SOURCE)
        register_source(reports.SOURCE)
