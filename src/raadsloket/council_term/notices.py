# SPDX-License-Identifier: EUPL-1.2
"""The invitation a new member gets by e-mail when the griffier installs the council.

It goes through the one `raadsloket.notify.send`: made in the installation's transaction (it
rolls back with it) and mailed once, after that transaction commits; a dry run never gets here.
It is required (mailed at once): the new member cannot log in to read it in the app, and has
chosen nothing yet. The text says what to do (choose a password through the one-time link, set
up two-factor authentication, then the onboarding checklist) and never holds a password: there
is none (the CSV has no passwords; council_term.services.invite).

The one-time link holds the token, so it travels as the message's `mail_link`: into the e-mail
only, never stored (raadsloket.notify.send.Message); the Invitation table keeps only its hash.
The in-app notice links to the member's checklist and says the link is in the e-mail.
"""

from django.urls import reverse

from raadsloket.notify.send import Message, send
from raadsloket.organisation.models import Person

INVITED = "council_term_invited"


def invitation_message(person: Person, token: str, starts_on, days: int) -> Message:
    municipality = person.municipality.name if person.municipality_id else "uw gemeente"
    return Message(
        title="Welkom in de raad: kies uw wachtwoord en stel tweestapsverificatie in",
        headline="Uitnodiging voor uw account in raadsloket",
        body=(
            f"U bent lid van de gemeenteraad van {municipality} vanaf {starts_on:%d-%m-%Y}. "
            f"Voor u staat een account klaar in raadsloket, met gebruikersnaam {person.username}."
            "\n\n"
            "Wat u doet:\n"
            "1. Open de persoonlijke link in de uitnodiging die u per e-mail kreeg en kies zelf "
            f"een wachtwoord. De link werkt één keer en is {days} dagen geldig.\n"
            "2. Log in en stel tweestapsverificatie in (een app op uw telefoon die inlogcodes "
            "geeft), zodat uw wachtwoord alleen niet genoeg is.\n"
            "3. Op de startpagina vindt u daarna uw checklist om in te werken."
            "\n\n"
            "Raadsloket stuurt nooit een wachtwoord per e-mail en vraagt er nooit om. Werkt de "
            "link niet meer, vraag de griffie dan om een nieuwe uitnodiging."
        ),
        link=reverse("council_term:own_checklist"),
        mail_link=reverse("council_term:invitation", args=[token]),
    )


def send_invitation(person: Person, token: str, starts_on, days: int, actor_id: int | None):
    """One required notice to the new member, mailed after the caller's transaction commits."""
    return send(
        (),
        INVITED,
        reverse("council_term:own_checklist"),
        municipality_id=person.municipality_id,
        tell=invitation_message(person, token, starts_on, days),
        required=[person],
        actor_id=actor_id,
    )
