# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer in the API; mounted by the root API (api/root.py), whose
authentication (API token or session) applies."""

from ninja import Field, Router, Schema

from raadsloket.advisor.advisor import advise
from raadsloket.lib.api import ERRORS

router = Router(tags=["instrumentenwijzer"])


class AdviceIn(Schema):
    text: str = Field(..., max_length=10_000)


class AdviceOut(Schema):
    instrument: str
    alternatives: list[str]
    signals: list[str]
    warnings: list[str]


@router.post("/advice", response={200: AdviceOut, **ERRORS}, summary="Instrumentenwijzer")
def advice(request, payload: AdviceIn):
    """Which instrument fits the text, the alternatives, and the signals that led to it."""
    return advise(payload.text).as_json()
