# SPDX-License-Identifier: EUPL-1.2
"""The keyword form of "Wat ik volg"; the domain checks the keyword itself (services)."""

from django import forms

from raadsloket.follow.models import Kind, Scope


class KeywordForm(forms.Form):
    keyword = forms.CharField(
        label="Trefwoord",
        max_length=100,
        help_text='Bijvoorbeeld "fietspad" of "jeugdzorg"; ook vervoegingen worden gevonden.',
        error_messages={"required": "Vul een trefwoord in.", "max_length": "Hoogstens 100 tekens."},
    )
    scope = forms.ChoiceField(
        label="Zoeken in",
        choices=Scope.choices,
        initial=Scope.ALL,
        error_messages={"invalid_choice": "Kies waarin het trefwoord gezocht wordt."},
    )


class FollowForm(forms.Form):
    kind = forms.ChoiceField(choices=Kind.choices)
    item_id = forms.IntegerField(min_value=1)
