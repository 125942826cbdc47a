# SPDX-License-Identifier: EUPL-1.2
"""A break-glass read is shown to the griffier: on the start page, and as a notification.

ARCHITECTURE.md core idea 3: "any break-glass read asks for a reason and is audited", and
SECURITY.md: the griffier sees it. Connected in PrivacyConfig.ready to the grant's creation, so the
notification is made in the same transaction as the grant (raadsloket.cases.services
.break_glass) and rolls back with it. The notification names the case only: not the reason,
not the case's content (raadsloket.notify.models), and not the administrator by name, so that it
holds no one's personal data once mailed or after that person is anonymised. The griffier reads
who and why on the start page.
"""

from raadsloket.notify import recipients
from raadsloket.notify.delivery import notify
from raadsloket.notify.events import Event

BREAK_GLASS = "break_glass"
BREAK_GLASS_EVENT = Event(
    "noodtoegang door beheerder",
    recipients.griffier,
    "Een functioneel beheerder heeft noodtoegang gekregen tot verzoek {reference} "
    '({instrument}). Wie en waarom staat op uw startpagina onder "Noodtoegang door '
    'beheerder".',
)


def on_break_glass(sender, *, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    case = recipients.load_case(instance.case_id)
    notify(
        case,
        BREAK_GLASS,
        BREAK_GLASS_EVENT,
        BREAK_GLASS_EVENT.recipients(case),
        actor_id=instance.person_id,
        now=instance.granted_at,
    )
