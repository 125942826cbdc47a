# SPDX-License-Identifier: EUPL-1.2
"""Who may act on a case, by relation: the names the transition tables use.

`access.cases.relation_names` decides which of these a viewer is for one case;
`cases.workflow.register` refuses a table that names anything else, so a typo cannot make a row
silently unreachable.
"""

from enum import StrEnum


class Actor(StrEnum):
    # The member who asked (or a co-requester, or the fractiemedewerker who filed it).
    REQUESTER = "requester"
    # The griffier and raadsadviseurs: intake, startgesprek, mediation.
    GRIFFIE = "griffie"
    # The gemeentesecretaris or kabinetschef the profile names, once the case is forwarded.
    ROUTING_OFFICER = "routing_officer"
    # The civil servant assigned to the request.
    ASSIGNEE = "assignee"
    # The civil servant who logged a direct contact (profile channel direct_small_facts).
    CONTACT_AUTHOR = "contact_author"
    # Who confirms or rejects a logged direct contact: the member it names, or the griffie,
    # as the profile says (channel.direct_contact_confirmed_by).
    CONTACT_CONFIRMER = "contact_confirmer"
    # The college's inbox, for registered schriftelijke vragen.
    COLLEGE_CONTACT = "college_contact"
    # Griffier, secretaris and burgemeester, deciding an objection (handreiking, spelregel 3).
    TRIANGLE = "triangle"
