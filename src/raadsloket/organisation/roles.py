# SPDX-License-Identifier: EUPL-1.2
"""The roles people have in a municipality (GLOSSARY.md maps each to its Dutch term)."""

from django.db import models


class Role(models.TextChoices):
    COUNCIL_MEMBER = "council_member", "raadslid"
    COMMITTEE_MEMBER = "committee_member", "commissielid / burgerraadslid"
    FRACTIE_EMPLOYEE = "fractie_employee", "fractiemedewerker (aangemeld bij de griffier)"
    FRACTIE_CHAIR = "fractie_chair", "fractievoorzitter"
    # Keeps the fractie's books: records expenses of the fractieondersteuning and submits the
    # yearly statement (art. 33 lid 3 Gemeentewet).
    FRACTIE_TREASURER = "fractie_treasurer", "penningmeester fractie"
    CLERK = "clerk", "griffier"
    COUNCIL_ADVISOR = "council_advisor", "raadsadviseur"
    MUNICIPAL_SECRETARY = "municipal_secretary", "gemeentesecretaris"
    CABINET_CHIEF = "cabinet_chief", "kabinetschef"
    CIVIL_SERVANT = "civil_servant", "ambtenaar"
    MANAGER = "manager", "leidinggevende"
    MAYOR = "mayor", "burgemeester"
    ALDERMAN = "alderman", "wethouder"
    ADMINISTRATOR = "administrator", "functioneel beheerder"
    # The college's inbox for schriftelijke vragen (bestuurssecretariaat): registers the
    # college's answers and postponement notices (Reglement van Orde).
    COLLEGE_CONTACT = "college_contact", "contactpersoon college (bestuurssecretariaat)"


# The griffie: the council's own staff (Gemeentewet art. 107).
CLERK_OFFICE = frozenset({Role.CLERK, Role.COUNCIL_ADVISOR})
# College van B&W.
COLLEGE = frozenset({Role.MAYOR, Role.ALDERMAN})
# Who may put a request, before the profile narrows it down (model-verordening art. 2).
REQUESTER_ROLES = frozenset({Role.COUNCIL_MEMBER, Role.COMMITTEE_MEMBER, Role.FRACTIE_EMPLOYEE})
# The presidium / fractievoorzittersoverleg (GLOSSARY.md): the fractie chairs, with the griffie.
PRESIDIUM = frozenset({Role.FRACTIE_CHAIR})
# The driehoek: griffier, gemeentesecretaris, burgemeester (handreiking, spelregel 3).
TRIANGLE = frozenset({Role.CLERK, Role.MUNICIPAL_SECRETARY, Role.MAYOR})


class PolicyArea(models.TextChoices):
    SOCIAL = "sociaal_domein", "Sociaal domein"
    SPATIAL = "ruimtelijke_ontwikkeling", "Ruimtelijke ontwikkeling en wonen"
    MOBILITY = "mobiliteit", "Verkeer en mobiliteit"
    ENVIRONMENT = "duurzaamheid", "Duurzaamheid en milieu"
    FINANCE = "financien", "Financiën en belastingen"
    SAFETY = "veiligheid", "Openbare orde en veiligheid"
    EDUCATION = "onderwijs", "Onderwijs, jeugd en sport"
    ECONOMY = "economie", "Economie en cultuur"
    ORGANISATION = "bedrijfsvoering", "Personeel, organisatie en bedrijfsvoering"
