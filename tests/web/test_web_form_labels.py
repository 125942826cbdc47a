# SPDX-License-Identifier: EUPL-1.2
"""Every select's empty option says in Dutch what to choose, never Django's "---------"."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.urls import reverse

import raadsloket
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_written_question

DJANGO_DASHES = "---------"


def form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for module_info in pkgutil.walk_packages(raadsloket.__path__, "raadsloket."):
        if not module_info.name.endswith(".forms"):
            continue
        module = importlib.import_module(module_info.name)
        found += [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__
        ]
    return found


def empty_labels(form_class: type[forms.BaseForm]) -> list[str]:
    labels = []
    for field in form_class.base_fields.values():
        if isinstance(field, forms.ModelChoiceField) and not isinstance(
            field, forms.ModelMultipleChoiceField
        ):
            labels.append(field.empty_label)
        elif isinstance(field, forms.ChoiceField):
            labels += [str(label) for value, label in field.choices if value == ""]
    return labels


def test_the_forms_are_found():
    names = {cls.__name__ for cls in form_classes()}
    assert {"RegisterForm", "DirectContactForm", "CaseForm"} <= names


@pytest.mark.parametrize("form_class", form_classes(), ids=lambda cls: cls.__qualname__)
def test_no_empty_option_is_django_dashes(form_class):
    for label in empty_labels(form_class):
        assert label and label != DJANGO_DASHES and label.strip("—- ")


@pytest.mark.django_db
def test_the_register_page_asks_to_choose_a_portefeuillehouder(client, world):
    case = act(world, new_written_question(world), "submit", "raadslid1")
    assert case.state == State.SUBMITTED
    client.force_login(world["griffier"])

    html = client.get(reverse("case_action", args=[case.pk, "register"])).content.decode()

    assert '<option value="" selected>— kies een portefeuillehouder —</option>' in html
    assert DJANGO_DASHES not in html
