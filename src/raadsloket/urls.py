# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.urls import include, path

from raadsloket.api.root import api
from raadsloket.publication import views as publication_views

urlpatterns = [
    path("api/v1/", api.urls),
    path("meldingen/", include("raadsloket.notify.urls")),
    path("privacy/", include("raadsloket.privacy.urls")),
    path("fractieondersteuning/", include("raadsloket.fractie_support.urls")),
    path("opleidingen/", include("raadsloket.training.urls")),
    path("reflectie/", include("raadsloket.reflection.urls")),
    path("registers/", include("raadsloket.registers.urls")),
    path("ondersteuning/", include("raadsloket.directory.urls")),
    path("volgen/", include("raadsloket.follow.urls")),
    path("beveiliging/", include("raadsloket.security.urls")),
    path("raadsperiode/", include("raadsloket.council_term.urls")),
    path("veiligheid/", include("raadsloket.safety.urls")),
    # Woo: public pages and the DiWoo sitemaps, without login (raadsloket.publication).
    path("openbaar/", include("raadsloket.publication.urls")),
    path("robots.txt", publication_views.robots, name="robots"),
    path("", include("raadsloket.web.urls")),
    path("", include("raadsloket.cases.urls")),
    path("", include("raadsloket.advisor.urls")),
    path("", include("raadsloket.written_questions.urls")),
    path("vergoeding/", include("raadsloket.allowances.urls")),
    path("tijdsbesteding/", include("raadsloket.time_planner.urls")),
    path("rekenkamer/", include("raadsloket.audit_office.urls")),
]

if settings.OIDC_ENABLED:
    # Only when configured (settings.py checks mozilla-django-oidc is installed).
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "raadsloket.web.errors.bad_request"
handler403 = "raadsloket.web.errors.forbidden"
handler404 = "raadsloket.web.errors.not_found"
handler500 = "raadsloket.web.errors.server_error"
