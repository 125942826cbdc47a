# SPDX-License-Identifier: EUPL-1.2
"""Dutch error messages for policy profiles.

The people who edit a profile are griffiers, not programmers: every message names the field by its
dotted path as written in the TOML file, says in Dutch what is wrong and, where there is a choice,
what is allowed. No English message of pydantic reaches them.
"""

from collections.abc import Iterable
from typing import Any, Literal, get_args, get_origin

import annotated_types
import pydantic
from pydantic.fields import FieldInfo

from raadsloket.policy import schema


class PolicyError(ValueError):
    """A profile cannot be loaded; `messages` holds one Dutch sentence per problem."""

    def __init__(self, messages: str | Iterable[str]) -> None:
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("\n".join(self.messages))


_MODELS: dict[str, type[pydantic.BaseModel]] = {
    name: model
    for name, model in vars(schema).items()
    if isinstance(model, type) and issubclass(model, pydantic.BaseModel)
}

_PATTERNS = {
    schema.SLUG_PATTERN: "mag alleen kleine letters (a-z), cijfers en _ bevatten",
    schema.TIME_PATTERN: "moet een tijd zijn als uu:mm, bijvoorbeeld 12:00",
}

_TYPE_MESSAGES = {
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "string_type": "moet tekst zijn (tussen aanhalingstekens)",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een tabel zijn",
    "model_type": "moet een tabel zijn",
    "model_attributes_type": "moet een tabel zijn",
    "missing": "verplicht veld ontbreekt",
    "decimal_type": 'moet een bedrag zijn, bijvoorbeeld 199.77 of "199.77"',
    "decimal_parsing": 'moet een bedrag zijn, bijvoorbeeld 199.77 of "199.77"',
    "decimal_max_places": "mag hoogstens 2 cijfers achter de komma hebben",
    "decimal_max_digits": "is te groot",
    "decimal_whole_digits": "is te groot",
    "finite_number": "moet een eindig getal zijn",
}


def dutch_messages(
    exc: pydantic.ValidationError, model: type[pydantic.BaseModel] | None = None
) -> list[str]:
    """One Dutch message per error, as `path: wat er mis is`.

    `model` is the validated model; by default it is found by the error's title among the schema
    models. List items in the path are counted from 1, as a reader of the file counts them.
    """
    root = model or _MODELS.get(exc.title)
    return [f"{_path(error['loc'])}: {_describe(error, root)}" for error in exc.errors()]


def _path(loc: tuple[int | str, ...]) -> str:
    if not loc:
        return "profiel"
    return ".".join(str(part + 1) if isinstance(part, int) else part for part in loc)


def _describe(error: Any, root: type[pydantic.BaseModel] | None) -> str:
    kind = error["type"]
    loc = error["loc"]
    ctx = error.get("ctx", {})
    annotation, field = _resolve(root, loc)
    if kind == schema.RULE_ERROR:
        return error["msg"]
    if kind in _TYPE_MESSAGES:
        return _TYPE_MESSAGES[kind]
    if kind == "extra_forbidden":
        parent, _ = _resolve(root, loc[:-1])
        if _is_model(parent):
            return f"onbekend veld; toegestane velden: {', '.join(parent.model_fields)}"
        return "onbekend veld"
    if kind == "literal_error":
        if get_origin(annotation) is Literal:
            choices = [str(choice) for choice in get_args(annotation)]
        else:
            choices = [
                part.strip("'") for part in ctx["expected"].replace(" or ", ", ").split(", ")
            ]
        return f"{_show(error['input'])} is niet toegestaan; kies uit: {', '.join(choices)}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return _bounds(field, ctx, error["input"])
    return _length_or_shape(kind, ctx, error["input"])


def _length_or_shape(kind: str, ctx: dict[str, Any], value: Any) -> str:
    if kind == "string_too_short":
        if ctx["min_length"] == 1:
            return "mag niet leeg zijn"
        return f"moet minstens {ctx['min_length']} tekens lang zijn"
    if kind == "string_too_long":
        return f"mag hoogstens {ctx['max_length']} tekens lang zijn (nu: {len(value)})"
    if kind == "too_short":
        noun = "element" if ctx["min_length"] == 1 else "elementen"
        return f"moet minstens {ctx['min_length']} {noun} bevatten"
    if kind == "too_long":
        return f"mag hoogstens {ctx['max_length']} elementen bevatten"
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(ctx["pattern"], f"heeft niet de juiste vorm ({ctx['pattern']})")
    return f"ongeldige waarde ({kind})"


def _bounds(field: FieldInfo | None, ctx: dict[str, Any], value: Any) -> str:
    low = high = None
    for constraint in field.metadata if field else ():
        if isinstance(constraint, annotated_types.Ge):
            low = constraint.ge
        elif isinstance(constraint, annotated_types.Le):
            high = constraint.le
    low = ctx.get("ge", low)
    high = ctx.get("le", high)
    if low is not None and high is not None:
        return f"moet tussen {low} en {high} liggen (nu: {_show(value)})"
    if low is not None:
        return f"moet minstens {low} zijn (nu: {_show(value)})"
    if high is not None:
        return f"mag hoogstens {high} zijn (nu: {_show(value)})"
    if "gt" in ctx:
        return f"moet groter zijn dan {ctx['gt']} (nu: {_show(value)})"
    return f"moet kleiner zijn dan {ctx['lt']} (nu: {_show(value)})"


def _resolve(root: Any, loc: tuple[int | str, ...]) -> tuple[Any, FieldInfo | None]:
    """The annotation and field at `loc`, walking down from the root model."""
    current, field = root, None
    for part in loc:
        if isinstance(part, int) and get_origin(current) in (list, tuple):
            current, field = get_args(current)[0], None
        elif isinstance(part, str) and _is_model(current) and part in current.model_fields:
            field = current.model_fields[part]
            current = field.annotation
        else:
            return None, None
    return current, field


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel)


def _show(value: Any) -> str:
    """A value as the TOML file writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, dict):
        return "een tabel"
    if isinstance(value, list):
        return "een lijst"
    return str(value)
