# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer's form: a need from the questionnaire, or the question in words.

An ordinary GET form, so the page works without JavaScript and a result can be bookmarked.
"""

from django import forms

from raadsloket.advisor import questionnaire
from raadsloket.advisor.panel import MAX_CHARS


class GuideForm(forms.Form):
    behoefte = forms.CharField(required=False)
    vraag = forms.CharField(required=False, strip=False)

    def clean_behoefte(self) -> str:
        code = self.cleaned_data["behoefte"]
        if code:
            try:
                questionnaire.need(code)
            except KeyError:
                raise forms.ValidationError("Kies een van de genoemde behoeften.") from None
        return code

    def clean_vraag(self) -> str:
        # A long text is cut rather than refused: the advice reads its start.
        return self.cleaned_data["vraag"][:MAX_CHARS]
