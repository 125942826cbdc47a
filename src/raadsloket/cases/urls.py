# SPDX-License-Identifier: EUPL-1.2
from django.urls import path, register_converter

from raadsloket.cases import views
from raadsloket.cases.instruments import SLUGS


class InstrumentSlug:
    """Only the instruments' own words, so /verzoeken/nieuw/advies stays the advisor's."""

    regex = "|".join(SLUGS.values())

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(InstrumentSlug, "instrument")

urlpatterns = [
    path("verzoeken/", views.case_list, name="case_list"),
    path("verzoeken/nieuw", views.case_new, name="case_new"),
    path("verzoeken/nieuw/regels", views.case_new_rules, name="case_new_rules"),
    path(
        "verzoeken/nieuw/<instrument:slug>", views.case_new_instrument, name="case_new_instrument"
    ),
    path("rechtstreeks-contact/nieuw", views.direct_contact_new, name="direct_contact_new"),
    path("verzoeken/<int:pk>", views.case_detail, name="case_detail"),
    path("verzoeken/<int:pk>/noodtoegang", views.case_break_glass, name="case_break_glass"),
    path("verzoeken/<int:pk>/bestanden/<str:token>", views.case_file, name="case_file"),
    path("verzoeken/<int:pk>/<slug:action>", views.case_action, name="case_action"),
]
