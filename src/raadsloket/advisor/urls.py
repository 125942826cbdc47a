# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from raadsloket.advisor import views

urlpatterns = [
    path("instrumentenwijzer/", views.instrument_guide, name="instrument_guide"),
    path("verzoeken/nieuw/advies", views.case_advice, name="case_advice"),
]
