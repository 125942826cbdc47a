# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for the fractieondersteuning tests: the profile's amounts, fracties, proofs."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from raadsloket.demo.budgets import invoice_pdf
from raadsloket.organisation.models import Fractie
from raadsloket.policy.loader import load_preset


@pytest.fixture
def support():
    """The VNG model profile's fractieondersteuning: € 1.314,30 + € 199,77 per seat (2026)."""
    return load_preset("vng-model").fractie_support


@pytest.fixture
def fractie(world):
    """Look up a fractie of Gemeente Voorbeeld by name."""

    def get(name: str) -> Fractie:
        return Fractie.objects.select_related("municipality").get(
            municipality=world.municipality, name=name
        )

    return get


@pytest.fixture
def pdf():
    """A small real PDF as an upload, like a scanned invoice."""

    def make(name: str = "factuur.pdf", text: str = "Factuur") -> SimpleUploadedFile:
        return SimpleUploadedFile(
            name, invoice_pdf(text, ["Voldaan."]), content_type="application/pdf"
        )

    return make
