# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from raadsloket.cases import views

urlpatterns = [
    path("verzoeken/", views.case_list, name="case_list"),
    path("verzoeken/nieuw", views.case_new, name="case_new"),
    path("verzoeken/nieuw/regels", views.case_new_rules, name="case_new_rules"),
    path("rechtstreeks-contact/nieuw", views.direct_contact_new, name="direct_contact_new"),
    path("verzoeken/<int:pk>", views.case_detail, name="case_detail"),
    path("verzoeken/<int:pk>/noodtoegang", views.case_break_glass, name="case_break_glass"),
    path("verzoeken/<int:pk>/bestanden/<str:token>", views.case_file, name="case_file"),
    path("verzoeken/<int:pk>/<slug:action>", views.case_action, name="case_action"),
]
