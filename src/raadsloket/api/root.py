# SPDX-License-Identifier: EUPL-1.2
"""The API at /api/v1 (django-ninja): token or session authentication, the Dutch error answers
(api/errors.py), and each app's router mounted under one schema. The routers import nothing of
this package; the shared error schema is lib/api.py."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from ninja import NinjaAPI, Schema
from ninja.openapi.views import openapi_json
from ninja.security import HttpBearer, django_auth

from raadsloket.access.viewer import viewer_for
from raadsloket.advisor.api import router as advisor_router
from raadsloket.allowances.api import router as allowances_router
from raadsloket.api import errors
from raadsloket.api.throttling import THROTTLES
from raadsloket.api.tokens import authenticate
from raadsloket.audit_office.api import router as audit_office_router
from raadsloket.cases import action_schemas
from raadsloket.cases.api import router as cases_router
from raadsloket.council_term.api import router as council_term_router
from raadsloket.directory.api import router as directory_router
from raadsloket.follow.api import router as follow_router
from raadsloket.fractie_support.api import router as fractie_support_router
from raadsloket.lib.api import ERRORS
from raadsloket.notify.api import router as notify_router
from raadsloket.publication.api import router as publication_router
from raadsloket.reflection.api import router as reflection_router
from raadsloket.registers.api import router as registers_router
from raadsloket.safety.api import router as safety_router
from raadsloket.time_planner.api import router as time_planner_router
from raadsloket.training.api import router as training_router
from raadsloket.written_questions.api import router as written_questions_router


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        person = authenticate(token)
        if person is not None:
            request.user = person
        return person


def signed_in_docs(view):
    """The schema and the docs page only for a signed-in person or an API key (API_DOCS_PUBLIC).

    They list every operation and field of the API: no secret, but a map for an attacker, so an
    instance does not hand it to the whole internet unless it chooses to (SECURITY.md).
    """
    machine_readable = getattr(view, "func", view) is openapi_json

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if settings.API_DOCS_PUBLIC or request.user.is_authenticated or TokenAuth()(request):
            return view(request, *args, **kwargs)
        if machine_readable:
            detail = "Niet ingelogd of ongeldige API-sleutel."
            return JsonResponse({"detail": detail, "errors": {}}, status=401)
        return redirect_to_login(request.get_full_path())

    return guarded


class RaadsloketAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """The view's name, unique over the API: an integration's generated client keeps its
        method names when code moves between modules (ninja's default includes the module)."""
        return operation.view_func.__name__

    def get_openapi_schema(self, **kwargs):
        """ninja's schema, with each action's `data` typed from its form (cases/action_schemas)."""
        schema = super().get_openapi_schema(**kwargs)
        action_schemas.document(schema)
        return schema


api = RaadsloketAPI(
    title="raadsloket API",
    version="1",
    description="Verzoeken om ambtelijke bijstand en technische vragen (art. 33 Gemeentewet).",
    auth=[TokenAuth(), django_auth],
    throttle=THROTTLES,
    urls_namespace="api",
    docs_decorator=signed_in_docs,
)
errors.install(api)


class MeOut(Schema):
    username: str
    name: str
    municipality: str | None
    roles: list[str]
    fractie: str | None


@api.get("/me", response={200: MeOut, **ERRORS}, summary="Wie ben ik")
def me(request):
    user = request.user
    viewer = viewer_for(user)
    return {
        "username": user.username,
        "name": user.display_name,
        "municipality": user.municipality.name if user.municipality_id else None,
        "roles": sorted(viewer.roles),
        "fractie": user.fractie.name if user.fractie_id else None,
    }


api.add_router("/", cases_router)
api.add_router("/", advisor_router)
api.add_router("/", written_questions_router)
api.add_router("/", notify_router)
api.add_router("/", fractie_support_router)
api.add_router("/", training_router)
api.add_router("/", reflection_router)
api.add_router("/", publication_router)
api.add_router("/", registers_router)
api.add_router("/", council_term_router)
api.add_router("/", directory_router)
api.add_router("/", allowances_router)
api.add_router("/", time_planner_router)
api.add_router("/", safety_router)
api.add_router("/", follow_router)
api.add_router("/", audit_office_router)
