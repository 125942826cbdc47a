# SPDX-License-Identifier: EUPL-1.2
"""'Stel deze vraag': the instrumentenwijzer's advice carries the question, by POST, into the
advised instrument's form."""

import pytest
from django.urls import reverse

from raadsloket.cases.models import Case

pytestmark = pytest.mark.django_db

COLLEGE_VIEW = (
    "Hoe verklaart het college dat het aantal kinderen in het leerlingenvervoer is "
    "verdubbeld, en welke mogelijkheden ziet het college om de groei te stoppen?"
)


def test_the_advice_offers_a_post_form_to_the_advised_instrument(client, world):
    client.force_login(world["raadslid1"])
    html = client.post(reverse("instrument_guide"), {"vraag": COLLEGE_VIEW}).content.decode()
    target = reverse("case_new_instrument", args=["schriftelijke-vragen"])
    assert f'<form method="post" action="{target}"' in html and "Stel deze vraag" in html
    assert "?vraag=" not in html and "?question=" not in html


def test_stel_deze_vraag_fills_in_the_form_and_saves_nothing(client, world):
    client.force_login(world["raadslid1"])
    target = reverse("case_new_instrument", args=["schriftelijke-vragen"])
    response = client.post(target, {"question": COLLEGE_VIEW, "overnemen": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and not Case.objects.exists()
    assert COLLEGE_VIEW in html and "Uw vragen aan het college" in html
    assert 'name="submission_token"' in html and "Dit veld is verplicht" not in html
