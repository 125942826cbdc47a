# SPDX-License-Identifier: EUPL-1.2
"""Render Django form fields with NL Design System (Utrecht) classes, accessibly."""

from decimal import InvalidOperation

from django import forms, template
from django.urls import reverse

from raadsloket.access.audit_office import reads_audit_office
from raadsloket.access.fractie_support import sees_budget_pages
from raadsloket.access.reflection import report_audience
from raadsloket.access.registers import uses_registers
from raadsloket.access.training import sees_training_pages
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.effects import may_request
from raadsloket.lib import money
from raadsloket.lib.forms import dutch_count as _dutch_count
from raadsloket.lib.numbers import format_decimal
from raadsloket.organisation.roles import PolicyArea, Role

register = template.Library()

_ROLE_LABELS = dict(Role.choices)
_AREA_LABELS = dict(PolicyArea.choices)


def _classes(widget: forms.Widget, invalid: bool) -> str:
    if isinstance(widget, forms.Textarea):
        base = "utrecht-textarea utrecht-textarea--html-textarea"
        return base + (" utrecht-textarea--invalid" if invalid else "")
    if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
        return "utrecht-checkbox utrecht-checkbox--html-input"
    if isinstance(widget, forms.RadioSelect):
        return "utrecht-radio-button utrecht-radio-button--html-input"
    if isinstance(widget, forms.Select):
        base = "utrecht-select utrecht-select--html-select"
        return base + (" utrecht-select--invalid" if invalid else "")
    if isinstance(widget, forms.FileInput):
        return "utrecht-file-input"
    base = "utrecht-textbox utrecht-textbox--html-input"
    return base + (" utrecht-textbox--invalid" if invalid else "")


@register.filter
def dutch_count(number: int) -> str:
    """10000 → "10.000"."""
    return _dutch_count(int(number))


@register.inclusion_tag("web/includes/field.html")
def form_field(field):
    """One field: label, description, error message and input, tied by ids for screen readers."""
    widget = field.field.widget
    invalid = bool(field.errors)
    describedby = []
    if field.help_text:
        describedby.append(f"{field.auto_id}-help")
    # A long text's limit, shown under it (lib.forms.LongTextField).
    limit = getattr(field.field, "limit", None)
    if limit:
        describedby.append(f"{field.auto_id}-count")
    if invalid:
        describedby.append(f"{field.auto_id}-error")
    attrs = {"class": _classes(widget, invalid)}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if invalid:
        attrs["aria-invalid"] = "true"
    widget.attrs.update(attrs)
    multiple = isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect)
    checkbox = isinstance(widget, forms.CheckboxInput)
    return {
        "field": field,
        "multiple": multiple,
        "checkbox": checkbox,
        "invalid": invalid,
        "radio": isinstance(widget, forms.RadioSelect),
        "limit": limit,
    }


@register.simple_tag(takes_context=True)
def who_am_i(context):
    """Name, municipality and roles of the logged-in person for the page header."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    viewer = viewer_for(user)
    roles = sorted(_ROLE_LABELS.get(role, role) for role in viewer.roles)
    municipality = user.municipality.name if user.municipality_id else ""
    may = viewer.authenticated and may_request(viewer, viewer.profile) is None
    sees_written = viewer.authenticated and (
        viewer.is_member
        or viewer.is_griffie
        or viewer.is_college
        or Role.COLLEGE_CONTACT in viewer.roles
    )
    return {
        "name": user.display_name,
        "municipality": municipality,
        "roles": roles,
        "viewer": viewer,
        "may_request": may,
        "sees_written": sees_written,
        "sees_budgets": sees_budget_pages(viewer),
        "sees_training": sees_training_pages(viewer),
        "sees_registers": uses_registers(viewer),
        "sees_reports": report_audience(viewer) is not None,
        "sees_audit_office": reads_audit_office(viewer),
    }


@register.filter
def euro(value) -> str:
    """€ 1.314,30: amounts the Dutch way."""
    return money.euro(value)


@register.filter
def decimal(value, places=1) -> str:
    """22,4 for `{{ total|decimal:1 }}`: hours and other numbers that are not money, with fixed
    decimals, a decimal comma and thousands dots. Money keeps `euro`. Empty for None, so that
    `|default:"—"` still applies; text that is no number is shown as it is."""
    if value is None or value == "":
        return ""
    try:
        return format_decimal(value, int(places))
    except (InvalidOperation, TypeError, ValueError):
        return value


@register.filter
def area_label(code: str) -> str:
    return _AREA_LABELS.get(code, code)


def _current(path: str, href: str) -> str:
    """aria-current for a menu link: "page" on that page, "true" anywhere below it.

    WCAG 2.4.8 (location): the menu says where the user is, also on a case page under Verzoeken.
    """
    if path == href:
        return "page"
    if href != "/" and path.startswith(href.rstrip("/") + "/"):
        return "true"
    return ""


@register.inclusion_tag("web/includes/nav_link.html", takes_context=True)
def nav_link(context, url_name: str, label: str):
    href = reverse(url_name)
    request = context.get("request")
    return {"href": href, "label": label, "current": _current(getattr(request, "path", ""), href)}
