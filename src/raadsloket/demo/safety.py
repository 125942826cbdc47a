# SPDX-License-Identifier: EUPL-1.2
"""One reported incident and a half-filled preventive checklist for the demo (toolkit seed,
NVvR "Advies bij bedreiging en intimidatie"), made through raadsloket.safety.services as the
member and the burgemeester would, so the audit chain holds each step."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from raadsloket.demo.people import World
from raadsloket.safety import services
from raadsloket.safety.models import Answer, Channel, Severity

# A tiny valid PNG (1×1 pixel): the demo's "screenshot".
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def load_safety(world: World) -> str:
    member, mayor = world["raadslid3"], world["burgemeester"]
    incident = services.report_incident(
        member,
        {
            "happened_on": timezone.localdate() - timedelta(days=3),
            "place": "Online, onder een bericht over de woningbouwplannen",
            "channel": Channel.SOCIAL,
            "description": (
                "Na de raadsvergadering over de woningbouw kreeg ik een reactie met mijn "
                "straatnaam erin en de opmerking dat 'ze wel weten waar ik woon'."
            ),
            "severity": Severity.SERIOUS,
        },
        [SimpleUploadedFile("schermafdruk-reactie.png", PNG, content_type="image/png")],
    )
    services.add_note(
        mayor,
        incident,
        "Gebeld met het raadslid; de wijkagent is ingelicht en rijdt extra langs.",
    )
    services.add_reader(mayor, incident, world["kabinetschef"].username)
    services.save_checklist(
        member,
        {
            "adresgegevens": Answer.TODO,
            "adresgegevens_notitie": "Adres staat nog in het Handelsregister.",
            "sociale_media": Answer.DONE,
            "digitale_veiligheid": Answer.DONE,
        },
    )
    return "Veiligheid: 1 melding van raadslid3 (bij de burgemeester) en een checklist."
