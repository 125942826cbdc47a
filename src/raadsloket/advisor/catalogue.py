# SPDX-License-Identifier: EUPL-1.2
"""The catalogue of the council's instruments, read from `catalogue.toml`.

The text lives in the TOML file so a griffier can correct it without touching code. It is read
once and validated strictly: a missing field, an unknown `kind`, a misspelt ID or an instrument
out of order stops the application at the first use instead of showing a half catalogue.
"""

import functools
import tomllib
from importlib import resources
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# The order in which instruments are listed everywhere: the three raadsloket handles as a case
# first, then the rest from light to heavy (handreiking table, toolkit "Ken je instrumenten").
INSTRUMENT_IDS: tuple[str, ...] = (
    "technical_question",
    "written_question",
    "assistance",
    "fractie_support",
    "motion",
    "amendment",
    "initiative_proposal",
    "interpellation",
    "council_inquiry",
    "audit_office",
    "budget_right",
)

Kind = Literal["controlerend", "kaderstellend", "informatie", "ondersteuning"]

KIND_LABELS: dict[str, str] = {
    "controlerend": "controlerend instrument",
    "kaderstellend": "kaderstellend instrument",
    "informatie": "informatie-instrument",
    "ondersteuning": "ondersteuning van raadsleden en fracties",
}

_Text = Field(min_length=1)
# TOML has arrays, not tuples; a tuple field accepts an array but still only strings in it.
Texts = Annotated[tuple[str, ...], Field(strict=False)]


class CatalogueError(ValueError):
    """The catalogue file is wrong; the message says where, in Dutch."""


class Instrument(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: str
    name: str = _Text
    kind: Kind
    # True: raadsloket handles a request for it as a Case; False: raadsloket only advises.
    handled_here: bool
    need: str = _Text
    what_it_is: str = _Text
    how_it_works: str = _Text
    when_to_use: str = _Text
    legal_basis: str = _Text
    executed_by: str = _Text
    # Only the example questions of the handreiking's table; the advisor's own phrasings are in
    # data/prototypes.toml.
    example_questions: Texts = ()
    see_also: Texts = ()
    sources: Annotated[tuple[str, ...], Field(strict=False, min_length=1)]

    @field_validator("id")
    @classmethod
    def _known_id(cls, value: str) -> str:
        if value not in INSTRUMENT_IDS:
            raise ValueError(
                f"onbekend instrument '{value}'; kies uit: {', '.join(INSTRUMENT_IDS)}"
            )
        return value

    @field_validator("see_also")
    @classmethod
    def _known_references(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [value for value in values if value not in INSTRUMENT_IDS]
        if unknown:
            raise ValueError(f"verwijst naar onbekend instrument: {', '.join(unknown)}")
        return values

    @field_validator(
        "name", "need", "what_it_is", "how_it_works", "when_to_use", "legal_basis", "executed_by"
    )
    @classmethod
    def _tidy(cls, value: str) -> str:
        # TOML multi-line strings start with a newline and keep the file's line breaks.
        return " ".join(value.split())

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


class _Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    instrument: Annotated[tuple[Instrument, ...], Field(strict=False)]


@functools.cache
def _catalogue() -> dict[str, Instrument]:
    source = resources.files("raadsloket.advisor") / "catalogue.toml"
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
        parsed = _Catalogue.model_validate(data)
    except (tomllib.TOMLDecodeError, ValidationError) as error:
        raise CatalogueError(f"catalogue.toml is niet in orde: {error}") from error
    ids = tuple(instrument.id for instrument in parsed.instrument)
    if ids != INSTRUMENT_IDS:
        raise CatalogueError(
            "catalogue.toml moet elk instrument precies één keer bevatten, in deze volgorde: "
            f"{', '.join(INSTRUMENT_IDS)}; gevonden: {', '.join(ids)}"
        )
    return {instrument.id: instrument for instrument in parsed.instrument}


def get(instrument_id: str) -> Instrument:
    """The instrument with this ID; KeyError with a Dutch message when there is none."""
    try:
        return _catalogue()[instrument_id]
    except KeyError:
        raise KeyError(f"onbekend instrument '{instrument_id}'") from None


def all_instruments() -> tuple[Instrument, ...]:
    return tuple(_catalogue().values())


def name(instrument_id: str) -> str:
    return get(instrument_id).name
