# SPDX-License-Identifier: EUPL-1.2
"""The `data` of each action in the OpenAPI schema, generated from the action's own form.

POST /cases/{id}/actions/{action} takes {"version": …, "data": {…}} for every action (clients
keep that shape); what `data` holds depends on the action. The forms that validate it (the same
for the pages, the API and the CLI, cases/forms.py) are the one definition, so the schema is
made from them, never written twice: one component per action ("AssignData") listing its
fields with their types, limits and choices, and `data` as one of them. The form still does
the validating, with its Dutch messages (422 naming the field); an unknown action is a 404.
"""

from datetime import date, datetime
from typing import Any, Literal, cast

from django import forms
from pydantic import BaseModel, ConfigDict, Field, create_model

from raadsloket.cases import workflow
from raadsloket.cases.forms import MultipleFileField
from raadsloket.lib.numbers import DutchDecimalField

ACTION_PATH = "/api/v1/cases/{case_id}/actions/{action}"
ACTION_BODY = "ActionIn"


def _choices(form_class, name: str, field: forms.Field) -> list:
    given = getattr(form_class, "api_choices", {}).get(name)
    if given is not None:
        return list(given)
    choices = getattr(field, "choices", None) or []
    return [value for value, _ in choices if value not in ("", None)]


def _type(form_class, name: str, field: forms.Field) -> Any:
    """The JSON type a client sends for `field`, as the form reads it (cases.forms.plain_input)."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return list[int]
    if isinstance(field, forms.ModelChoiceField):
        return int
    if isinstance(field, forms.ChoiceField):
        values = _choices(form_class, name, field)
        base = int if getattr(field, "coerce", None) is int else str
        return cast(Any, Literal)[tuple(values)] if values else base
    if isinstance(field, DutchDecimalField):
        return float | str
    simple = (
        (forms.BooleanField, bool),
        (forms.DateTimeField, datetime),
        (forms.DateField, date),
        (forms.IntegerField, int),
    )
    return next((kind for field_kind, kind in simple if isinstance(field, field_kind)), str)


def _describe(field: forms.Field) -> str:
    parts = [str(field.label or ""), str(field.help_text or "")]
    if isinstance(field, DutchDecimalField):
        parts.append('getal of tekst, bijvoorbeeld 1.5 of "1,5"')
    return "; ".join(p for p in parts if p)


def _fields(form_class) -> dict[str, tuple[Any, Any]]:
    fields: dict[str, tuple[Any, Any]] = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, MultipleFileField):
            continue  # files go to the multipart endpoint (…/upload)
        limits = {
            key: getattr(field, key)
            for key in ("min_length", "max_length")
            if getattr(field, key, None) is not None
        }
        required = field.required and not isinstance(field, forms.BooleanField)
        default = ... if required else None
        fields[name] = (
            _type(form_class, name, field),
            Field(default, description=_describe(field), **limits),
        )
    return fields


def _limits(info) -> dict[str, Any]:
    return {
        key: value
        for item in info.metadata
        for key in ("min_length", "max_length")
        if (value := getattr(item, key, None)) is not None
    }


def _name(action: str) -> str:
    return "".join(part.capitalize() for part in action.split("_")) + "Data"


def action_models() -> dict[str, type[BaseModel]]:
    """One model per action: the fields of every form the action takes (in any instrument)."""
    forms_of: dict[str, list] = {action: [] for action in workflow.ACTIONS}
    for instrument in workflow.registered_instruments():
        for row in workflow.table(instrument):
            if row.form is not None and row.form not in forms_of[row.action]:
                forms_of[row.action].append(row.form)
    models: dict[str, type[BaseModel]] = {}
    for action, form_classes in forms_of.items():
        per_form = [_fields(form_class) for form_class in form_classes]
        fields: dict[str, tuple[Any, Any]] = {}
        for found in per_form:
            for name, (kind, info) in found.items():
                # One action, two forms (the driehoek's and the griffie's mediation): a field
                # is required only where every form requires it.
                everywhere = all(
                    name in other and other[name][1].is_required() for other in per_form
                )
                if info.is_required() and not everywhere:
                    info = Field(None, description=info.description, **_limits(info))
                fields.setdefault(name, (kind, info))
        label = workflow.ACTION_LABELS[action]
        config = ConfigDict(title=_name(action), json_schema_extra={"x-action": action})
        models[action] = create_model(  # type: ignore[call-overload]
            _name(action),
            __config__=config,
            __doc__=f"De velden van data bij de actie {action} ({label}).",
            **fields,
        )
    return models


def document(schema: dict) -> None:
    """Put each action's data model in `schema` and name them in ActionIn and the path."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    refs = []
    for model in action_models().values():
        model_schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for prop in model_schema.get("properties", {}).values():
            # An optional field is simply left out; null is no value a client need send.
            if prop.get("default", ...) is None:
                del prop["default"]
        components.update(model_schema.pop("$defs", {}))
        components[model.__name__] = model_schema
        refs.append({"$ref": f"#/components/schemas/{model.__name__}"})
    body = components.get(ACTION_BODY)
    if body is not None:
        body["properties"]["data"] = {
            "title": "Data",
            "description": "De velden van de actie in het pad: zie <Actie>Data (x-action).",
            "default": {},
            "anyOf": refs,
        }
    operation = schema.get("paths", {}).get(ACTION_PATH, {}).get("post")
    for parameter in (operation or {}).get("parameters", []):
        if parameter["name"] == "action":
            parameter["schema"]["enum"] = list(workflow.ACTIONS)
