# SPDX-License-Identifier: EUPL-1.2
"""The planner's grid form: 12 activities × 7 days, hours typed the Dutch way ("1,5"); the
rules (0–24 per cell, 24 per day) are checked by time_planner.planner for page and API alike."""

from decimal import Decimal

from django import forms

from raadsloket.lib.forms import LongTextField
from raadsloket.lib.numbers import DutchDecimalField
from raadsloket.time_planner.planner import ACTIVITIES, DAY_NAMES, MAX_ANSWER, QUESTIONS, Grid

HOUR_MESSAGES = {
    "invalid": "Vul een aantal uren in, bijvoorbeeld 1,5.",
    "negative": "Vul 0 of meer uren in.",
    "decimals": "Hoogstens twee cijfers achter de komma, bijvoorbeeld 1,25.",
    "max_value": "Een dag heeft hoogstens 24 uur.",
}


CELL = "utrecht-textbox utrecht-textbox--html-input rl-hours"


def cell_name(code: str, day: int) -> str:
    return f"h_{code}_{day}"


class WeekForm(forms.Form):
    def __init__(self, *args, with_answers: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in ACTIVITIES.items():
            for day, day_name in enumerate(DAY_NAMES):
                self.fields[cell_name(code, day)] = DutchDecimalField(
                    label=f"{label}, {day_name}",
                    places=2,
                    max_value="24",
                    required=False,
                    error_messages=HOUR_MESSAGES,
                    widget=forms.TextInput(
                        attrs={"aria-label": f"{label}, {day_name}", "size": "4", "class": CELL}
                    ),
                )
        if with_answers:
            for code, question in QUESTIONS.items():
                self.fields[code] = LongTextField(
                    noun="Het antwoord",
                    label=question,
                    max_length=MAX_ANSWER,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )

    def grid(self) -> Grid:
        data = self.cleaned_data
        return {
            code: [data.get(cell_name(code, day)) or Decimal("0") for day in range(7)]
            for code in ACTIVITIES
        }

    def answers(self) -> dict[str, str]:
        return {
            code: self.cleaned_data.get(code) or "" for code in QUESTIONS if code in self.fields
        }

    def cell_errors(self) -> list[str]:
        """Each cell's error with the cell's name, for the list above the grid."""
        return [
            f"{self.fields[name].label}: {message}"
            for name, messages in self.errors.items()
            if name.startswith("h_")
            for message in messages
        ]

    def rows(self):
        """The bound fields per activity, for the grid template."""
        return [
            (code, label, [self[cell_name(code, day)] for day in range(7)])
            for code, label in ACTIVITIES.items()
        ]
