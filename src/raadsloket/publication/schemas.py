# SPDX-License-Identifier: EUPL-1.2
"""The typed shape of the ORI-shaped feed (ori.py) in the OpenAPI schema."""

from datetime import date, datetime
from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field

# The popolo/ORI classes a source may give its items (sources.PublicItem.ori_type).
OriType = Literal["Report", "Motion", "Amendment", "Commitment", "Proposal"]


class _LinkedData(Schema):
    model_config = ConfigDict(populate_by_name=True)


class PublicOrganizationOut(_LinkedData):
    type: Literal["Organization"] = Field(alias="@type")
    id: str = Field(alias="@id")
    name: str
    classification: Literal["gemeente", "fractie"]
    identifier: str | None = Field(description="TOOI-identifier van de gemeente, indien bekend.")


class PublicPersonOut(_LinkedData):
    type: Literal["Person"] = Field(alias="@type")
    id: str = Field(alias="@id")
    name: str
    role: Literal["indiener", "portefeuillehouder"]
    memberOf: PublicOrganizationOut | None


class PublicCategoryOut(_LinkedData):
    id: str = Field(alias="@id", description="TOOI-URI van de Woo-informatiecategorie.")
    name: str


class PublicPartOut(Schema):
    name: str
    text: str


class PublicMediaObjectOut(_LinkedData):
    type: Literal["MediaObject"] = Field(alias="@type")
    id: str = Field(alias="@id")
    name: str
    url: str
    encodingFormat: str


class PublicItemOut(_LinkedData):
    type: OriType = Field(alias="@type")
    id: str = Field(alias="@id")
    identifier: str
    additionalType: str = Field(
        description="Soort openbaar stuk, bijvoorbeeld schriftelijke-vragen."
    )
    name: str
    description: str
    dateCreated: date
    dateModified: datetime
    url: str
    inLanguage: Literal["nl"]
    publisher: str
    informatiecategorie: PublicCategoryOut
    hasPart: list[PublicPartOut]
    creator: list[PublicPersonOut]
    attachment: list[PublicMediaObjectOut]


class PublicFeedOut(_LinkedData):
    context: dict[str, str] = Field(alias="@context")
    organization: PublicOrganizationOut
    total: int
    page: int
    items: list[PublicItemOut]
    next: str | None = Field(description="De volgende pagina; null op de laatste.")
