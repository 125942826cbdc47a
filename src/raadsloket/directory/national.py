# SPDX-License-Identifier: EUPL-1.2
"""The national entries of the support directory (national.toml), copied into a municipality.

Toolkit seed, "Gebruik je ondersteuning": the organisations every council member can turn to.
`install` adds the entries a municipality does not have yet and never overwrites one: what the
griffie changed or hid stays as it is.
"""

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from raadsloket.directory.models import Category, Entry

FIELDS = ("category", "name", "purpose", "website", "phone", "email", "provider", "source")


@dataclass(frozen=True)
class NationalEntry:
    key: str
    category: str
    name: str
    purpose: str
    website: str = ""
    phone: str = ""
    email: str = ""
    provider: str = ""
    source: str = ""


@functools.cache
def entries() -> tuple[NationalEntry, ...]:
    data = tomllib.loads(
        resources.files("raadsloket.directory").joinpath("national.toml").read_text("utf-8")
    )
    found = tuple(NationalEntry(**row) for row in data["entry"])
    keys = [entry.key for entry in found]
    if len(set(keys)) != len(keys):
        raise ValueError("national.toml: a key occurs twice")
    unknown = {entry.category for entry in found} - set(Category.values)
    if unknown:
        raise ValueError(f"national.toml: unknown categories {sorted(unknown)}")
    return found


def install(municipality) -> int:
    """Add the national entries the municipality lacks; returns how many were added."""
    present = set(
        Entry.objects.filter(municipality=municipality)
        .exclude(national_key="")
        .values_list("national_key", flat=True)
    )
    missing = [
        Entry(
            municipality=municipality,
            national_key=entry.key,
            position=(number + 1) * 10,
            **{name: getattr(entry, name) for name in FIELDS},
        )
        for number, entry in enumerate(entries())
        if entry.key not in present
    ]
    # ignore_conflicts: two processes installing at once add each entry once (the constraint).
    Entry.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def on_municipality_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    # raw: a restore (loaddata) brings the municipality's own entries with it.
    if created and not raw:
        install(instance)


def on_migrate(sender, using: str = "default", **kwargs) -> None:
    from raadsloket.organisation.models import Municipality

    for municipality in Municipality.objects.using(using).all():
        install(municipality)
