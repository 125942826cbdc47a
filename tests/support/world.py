# SPDX-License-Identifier: EUPL-1.2
"""The municipalities every test family starts from; `tests/conftest.py` makes them fixtures.

The people and their roles are those of the demo (`raadsloket.demo.people`), with the password
"demo", so a test reads like the README's demo logins: `world["griffier"]`.
"""

from raadsloket.demo.people import World, build_municipality


def build_voorbeeld() -> World:
    """Gemeente Voorbeeld on the VNG model profile."""
    return build_municipality("Gemeente Voorbeeld", "voorbeeld", password="demo")


def build_domstede() -> World:
    """A second municipality (Utrecht profile): its people must never see Voorbeeld's cases."""
    return build_municipality(
        "Gemeente Domstede", "domstede", preset="utrecht", prefix="u-", password="demo"
    )


def build_preset_town(preset: str) -> World:
    """A municipality on one of the preset profiles, named after it."""
    return build_municipality(f"Gemeente {preset}", preset, preset=preset, password="demo")


def build_college_told_of_start() -> World:
    """A municipality whose verordening tells the college that a trajectory started (Utrecht
    practice): the college sees that much of a case, never its content."""
    return build_municipality(
        "Gemeente Utrecht-achtig",
        "utrechtachtig",
        overrides={"openness": {"college_notified_of_start": True}},
    )
