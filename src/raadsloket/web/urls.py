# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from raadsloket.web import bench_floor, health, views

urlpatterns = [
    path("", views.home, name="home"),
    path("gezond", health.alive, name="health"),
    # The benchmark's bare-Django floor: a 404 unless BENCH_FLOOR (bench only, settings.py).
    path("bench/vloer", bench_floor.floor, name="bench_floor"),
    # Browsers ask for /favicon.ico whatever the page links (a PDF, the API's JSON): send them to
    # the one icon instead of a 404.
    path(
        "favicon.ico",
        RedirectView.as_view(url=static("raadsloket/favicon.svg"), permanent=True),
        name="favicon",
    ),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, extra_context={"oidc_enabled": settings.OIDC_ENABLED}
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
]
