# SPDX-License-Identifier: EUPL-1.2
"""The preventive checklist of the NVvR advice (toolkit seed, "Advies bij bedreiging en
intimidatie", "Preventief"), as items a member checks for themselves."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    hint: str


ITEMS = (
    Item(
        "adresgegevens",
        "Houd bij waar en bij wie uw adresgegevens bekend zijn.",
        "Denk aan het Handelsregister, verenigingen, de website van uw partij en de "
        "gemeentelijke website; de gemeente kan uw adres afschermen.",
    ),
    Item(
        "sociale_media",
        "Denk na over welke persoonlijke informatie u op sociale media plaatst.",
        "Uw woonplaats, uw kinderen, hun school, uw vaste routes en foto's van uw huis.",
    ),
    Item(
        "digitale_veiligheid",
        "Beveilig uw digitale informatie adequaat en voer regelmatig updates uit.",
        "Sterke wachtwoorden, tweestapsverificatie en updates van telefoon en computer.",
    ),
)
CODES = frozenset(item.code for item in ITEMS)
