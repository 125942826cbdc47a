# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from raadsloket.web import advice, guide, health, views, written

urlpatterns = [
    path("", views.home, name="home"),
    path("gezond", health.alive, name="health"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, extra_context={"oidc_enabled": settings.OIDC_ENABLED}
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("verzoeken/", views.case_list, name="case_list"),
    path("schriftelijke-vragen/", written.overview, name="written_questions"),
    path("instrumentenwijzer/", guide.instrument_guide, name="instrument_guide"),
    path("verzoeken/nieuw", views.case_new, name="case_new"),
    path("verzoeken/nieuw/advies", advice.case_advice, name="case_advice"),
    path("rechtstreeks-contact/nieuw", views.direct_contact_new, name="direct_contact_new"),
    path("verzoeken/<int:pk>", views.case_detail, name="case_detail"),
    path("verzoeken/<int:pk>/noodtoegang", views.case_break_glass, name="case_break_glass"),
    path("verzoeken/<int:pk>/bestanden/<str:token>", views.case_file, name="case_file"),
    path("verzoeken/<int:pk>/<slug:action>", views.case_action, name="case_action"),
]
