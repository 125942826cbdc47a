# SPDX-License-Identifier: EUPL-1.2
from django import forms

from raadsloket.notify.models import Delivery


class DeliveryForm(forms.Form):
    delivery = forms.ChoiceField(
        label="E-mail bij nieuwe meldingen",
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        help_text=(
            "In raadsloket ziet u al uw meldingen, wat u hier ook kiest. Een weigering van "
            "ambtelijke bijstand, het antwoord of uitstelbericht op uw schriftelijke vragen en "
            "een verlopen termijn voor de griffie krijgt u altijd direct per e-mail: die "
            "berichten schrijven de verordening en het Reglement van Orde voor."
        ),
    )
