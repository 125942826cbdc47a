# SPDX-License-Identifier: EUPL-1.2
from django import forms

from raadsloket.fractie_support.forms import date_field


class CoalitionForm(forms.Form):
    fractie = forms.ChoiceField(label="Fractie")
    start = date_field("In de coalitie vanaf")
    end = date_field(
        "Tot en met",
        required=False,
        help_text="Leeg laten zolang de fractie in de coalitie zit.",
    )

    def __init__(self, *args, fracties, **kwargs):
        super().__init__(*args, auto_id="id_coalition_%s", **kwargs)
        # Choices from the page's own list: an id of another municipality is not a choice.
        self.fields["fractie"].choices = [("", "— kies een fractie —")] + [
            (str(fractie.pk), fractie.name) for fractie in fracties
        ]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "De einddatum ligt vóór de begindatum.")
        return data


class EndForm(forms.Form):
    on = date_field("Uit de coalitie per (laatste dag)")
