# SPDX-License-Identifier: EUPL-1.2
"""Load policy profiles: the presets shipped in `presets/*.toml`, overrides and TOML files.

A preset or a file may start with `extends = "<preset>"`; its own tables are then merged into that
preset field by field. Lists, such as `refusal_grounds`, replace the preset's list as a whole.
"""

import copy
import functools
import json
import re
import tomllib
from importlib import resources
from os import PathLike
from typing import Any

import pydantic
import tomli_w

from raadsloket.policy.errors import PolicyError, dutch_messages
from raadsloket.policy.schema import PolicyProfile

PRESETS: tuple[str, ...] = ("vng-model", "utrecht", "echt-susteren")
DEFAULT_PRESET = "vng-model"

EXTENDS = "extends"

# tomllib's reasons, in the order they are tried (prefix match).
_TOML_REASONS = (
    ("Cannot overwrite a value", "een sleutel krijgt twee keer een waarde"),
    ("Cannot declare", "een tabel wordt twee keer gedeclareerd"),
    ("Cannot mutate immutable namespace", "een tabel wordt opnieuw gedefinieerd"),
    ("Cannot redefine namespace", "een tabel wordt opnieuw gedefinieerd"),
    ("Duplicate inline table key", "een sleutel komt twee keer voor"),
    ("Expected '=' after a key", "na een sleutel moet '=' volgen"),
    ("Expected ']]'", "de kop van een lijst van tabellen moet eindigen op ']]'"),
    ("Expected ']'", "de kop van een tabel moet eindigen op ']'"),
    ("Invalid value", "ongeldige waarde (staat tekst tussen aanhalingstekens?)"),
    ("Unterminated string", "een tekst is niet afgesloten met een aanhalingsteken"),
    ("Unclosed array", "een lijst is niet afgesloten met ']'"),
    ("Unclosed inline table", "een tabel is niet afgesloten met '}'"),
    ("Invalid statement", "ongeldige regel"),
    ("Invalid initial character for a key part", "ongeldig teken aan het begin van een sleutel"),
    ("Invalid date or datetime", "ongeldige datum of tijd"),
)
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)$")


def load_preset(name: str) -> PolicyProfile:
    return build_profile(name)


def build_profile(preset: str, overrides: dict[str, Any] | None = None) -> PolicyProfile:
    """The preset with a municipality's overrides merged in, validated.

    Called on every request, so the result is cached on a hashable form of the overrides.
    """
    if overrides is not None and not isinstance(overrides, dict):
        raise PolicyError("de afwijkingen op het profiel moeten een tabel zijn")
    try:
        return _build_cached(preset, json.dumps(overrides or {}, sort_keys=True))
    except TypeError:
        raise PolicyError(
            "de afwijkingen op het profiel mogen alleen tekst, getallen, true/false, lijsten en "
            "tabellen bevatten"
        ) from None
    except RecursionError:
        # Found by fuzzing (tests/security/test_attack_fuzz.py): a Dutch error, not a crash.
        raise PolicyError("de afwijkingen op het profiel zijn te diep genest") from None


@functools.lru_cache(maxsize=256)
def _build_cached(preset: str, overrides_json: str) -> PolicyProfile:
    return _validate(deep_merge(_preset_data(preset), json.loads(overrides_json)))


def load_file(path: str | PathLike[str]) -> PolicyProfile:
    """A profile from a TOML file: complete, or `extends = "<preset>"` plus overriding tables."""
    data = _read_toml(path)
    try:
        if EXTENDS not in data:
            return _validate(data)
        return _validate(_resolve_extends(data))
    except RecursionError:
        # Merging copies nested tables recursively; found by fuzzing, a Dutch error instead.
        raise PolicyError(f"{path}: tabellen te diep genest") from None


def profile_to_toml(profile: PolicyProfile) -> str:
    # TOML has no null: a field left empty (no reserve cap) is left out.
    return tomli_w.dumps(profile.model_dump(mode="json", exclude_none=True))


def deep_merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """A copy of `base` with `overrides` merged in; tables merge, everything else replaces."""
    merged = copy.deepcopy(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _validate(data: dict[str, Any]) -> PolicyProfile:
    try:
        return PolicyProfile.model_validate(data)
    except pydantic.ValidationError as exc:
        raise PolicyError(dutch_messages(exc, PolicyProfile)) from exc


@functools.lru_cache(maxsize=len(PRESETS))
def _preset_toml(name: str) -> dict[str, Any]:
    if name not in PRESETS:
        raise PolicyError(f"onbekend profiel '{name}'; kies uit: {', '.join(PRESETS)}")
    preset_file = resources.files("raadsloket.policy") / "presets" / f"{name}.toml"
    return tomllib.loads(preset_file.read_text(encoding="utf-8"))


def _preset_data(name: str) -> dict[str, Any]:
    """The preset's data with its own `extends` resolved; callers may not mutate it."""
    data = _preset_toml(name)
    return _resolve_extends(data) if EXTENDS in data else data


def _resolve_extends(data: dict[str, Any]) -> dict[str, Any]:
    base = data[EXTENDS]
    if not isinstance(base, str) or base not in PRESETS:
        shown = f"'{base}'" if isinstance(base, str) else "geen tekst"
        raise PolicyError(f"{EXTENDS}: onbekend profiel {shown}; kies uit: {', '.join(PRESETS)}")
    own = {key: value for key, value in data.items() if key != EXTENDS}
    return deep_merge(_preset_data(base), own)


def _read_toml(path: str | PathLike[str]) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise PolicyError(f"{path}: bestand niet gevonden") from None
    except IsADirectoryError:
        raise PolicyError(f"{path}: is een map, geen bestand") from None
    except OSError:
        raise PolicyError(f"{path}: bestand kan niet worden gelezen") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PolicyError(f"{path}: het bestand is geen UTF-8-tekst") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: {_toml_problem(str(exc))}") from None
    except RecursionError:
        # tomllib recurses per nested list or table; found by fuzzing, a Dutch error instead.
        raise PolicyError(f"{path}: ongeldige TOML: lijsten of tabellen te diep genest") from None


def _toml_problem(message: str) -> str:
    """tomllib's English message as Dutch, with the line number."""
    reason = next(
        (dutch for english, dutch in _TOML_REASONS if message.startswith(english)),
        "ongeldige opmaak",
    )
    position = _TOML_POSITION.search(message)
    if position:
        line, column = position.groups()
        return f"ongeldige TOML op regel {line}, kolom {column}: {reason}"
    return f"ongeldige TOML aan het einde van het bestand: {reason}"
