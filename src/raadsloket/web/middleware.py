# SPDX-License-Identifier: EUPL-1.2
"""The project's Dutch error pages also with DEBUG on (the demo: `make run`).

With DEBUG, Django answers a missing page with its English debug page that lists every URL
pattern, and an error with a traceback. The demo needs DEBUG for its static files, so instead
this middleware renders web.errors' pages while DUTCH_ERROR_PAGES is on (the default); set it
to false to debug with Django's pages. Without DEBUG, Django uses the handlers in urls.py
itself and this middleware does nothing. The traceback still goes to the log.
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.urls import Resolver404, get_resolver

from raadsloket.web import errors

logger = logging.getLogger("django.request")


def _active() -> bool:
    return settings.DEBUG and getattr(settings, "DUTCH_ERROR_PAGES", True)


class DutchErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _active():
            # An unknown URL fails while resolving, before any view, where process_exception
            # cannot see it; so look it up first.
            try:
                get_resolver(getattr(request, "urlconf", None)).resolve(request.path_info)
            except Resolver404:
                return errors.not_found(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not _active() or isinstance(exception, PermissionDenied):
            # Django renders handler403 for PermissionDenied even with DEBUG.
            return None
        if isinstance(exception, Http404):
            return errors.not_found(request, exception)
        if isinstance(exception, BadRequest | SuspiciousOperation):
            logger.warning("Bad request: %s", request.path, exc_info=exception)
            return errors.bad_request(request, exception)
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        return errors.server_error(request)
