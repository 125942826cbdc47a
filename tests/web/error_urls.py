# SPDX-License-Identifier: EUPL-1.2
"""The project's URLs plus views that fail, to see which error page a person gets."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from raadsloket.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def broken(request):
    raise RuntimeError("kapot")


def refused(request):
    raise PermissionDenied


urlpatterns = [
    path("test-fout/kapot", broken),
    path("test-fout/geweigerd", refused),
    *urlpatterns,
]
