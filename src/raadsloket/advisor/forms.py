# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer's forms: a need from the questionnaire, or the question in words.

A need is one of a fixed list, so it is a GET form: a link or bookmark can preselect it. The
question may be confidential (the bubble), so it is only ever POSTed: it never lands in a URL,
the browser's history or a server log. Both work without JavaScript.
"""

from django import forms

from raadsloket.advisor import questionnaire
from raadsloket.advisor.panel import MAX_CHARS


class NeedForm(forms.Form):
    behoefte = forms.CharField(required=False)

    def clean_behoefte(self) -> str:
        code = self.cleaned_data["behoefte"]
        if code:
            try:
                questionnaire.need(code)
            except KeyError:
                raise forms.ValidationError("Kies een van de genoemde behoeften.") from None
        return code


class QuestionForm(forms.Form):
    vraag = forms.CharField(required=False, strip=False)

    def clean_vraag(self) -> str:
        # A long text is cut rather than refused: the advice reads its start.
        return self.cleaned_data["vraag"][:MAX_CHARS]
