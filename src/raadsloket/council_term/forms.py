# SPDX-License-Identifier: EUPL-1.2
"""Input of the council-term pages; the command line checks the same file and date."""

from datetime import date

from django import forms

MAX_FILE_BYTES = 1_000_000


def parse_day(raw: str) -> date | None:
    """A date as jjjj-mm-jjjj or dd-mm-jjjj, or None."""
    from datetime import datetime

    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime((raw or "").strip(), pattern).date()
        except ValueError:
            continue
    return None


class InstallForm(forms.Form):
    file = forms.FileField(
        label="Bestand met de geloofsbrieven (CSV)",
        help_text="CSV in UTF-8 met de kolommen naam, e-mail, fractie, rol, ingangsdatum.",
    )
    on = forms.CharField(
        label="Installatiedatum",
        help_text="dd-mm-jjjj: de dag waarop de nieuwe raad wordt geïnstalleerd.",
        max_length=10,
    )

    def clean_on(self) -> date:
        day = parse_day(self.cleaned_data["on"])
        if day is None:
            raise forms.ValidationError("Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 14-04-2026.")
        return day

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError("Het bestand is groter dan 1 MB; is dit het goede bestand?")
        return upload


class TickForm(forms.Form):
    item = forms.CharField(max_length=40)
    done = forms.BooleanField(required=False)
