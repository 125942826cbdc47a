# SPDX-License-Identifier: EUPL-1.2
"""schemathesis against the API's own OpenAPI schema, with a bearer token per role.

For every operation of /api/v1/openapi.json and every role the issue names, generated requests
(valid and invalid, with random ids and with the ids of real cases and notifications) must give
no 5xx, a status and a body the schema declares, and no marker word of a case section the role
may not see (decided by raadsloket.access.cases.sections for that person and case), nor of a
budget line, question or course request (raadsloket.access.fractie_support).

ASVS V13.1 (API robustness), V4.2.1 (no IDOR through the API), V14.3 (no stack traces).
Runs in `make test` on SQLite (HTTP only: tests/support/selection.py).
RAADSLOKET_SCHEMATHESIS_EXAMPLES sets the examples per operation and role (default 15 on the
nightly Hypothesis profile, a quarter in `make test`: tests/support/examples.py).
"""

import os
from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from raadsloket.cases.workflow import ACTIONS
from tests.security.security_scenarios import ROLE_PEOPLE
from tests.support.examples import examples

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("RAADSLOKET_SCHEMATHESIS_EXAMPLES", examples(15)))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
RUN: Counter = Counter()


@pytest.fixture
def in_process_wsgi():
    """Requests through the WSGI handler in this thread and this test's transaction.

    The handler closes database connections when a request ends; inside a test that would
    close the test's own transaction, so (as Django's test client does) that is switched off.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(in_process_wsgi, attack):
    # The schema is for signed-in people and API keys only (API_DOCS_PUBLIC off).
    key = {"Authorization": f"Bearer {attack.token(attack.role('griffier'))}"}
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", in_process_wsgi, headers=key)


def operations(schema):
    found = [result.ok() for result in schema.get_all_operations()]
    assert len(found) >= 10, [op.label for op in found]
    return found


def real_ids(attack):
    return {
        "case_id": [s.case_id for s in attack.scenarios],
        "notification_id": list(attack.notifications.values()),
        "action": list(ACTIONS),
        # Fractieondersteuning and opleidingsbudget (raadsloket.fractie_support.api).
        "fractie_id": attack.fractie_ids(),
        "question_id": attack.budget_ids("question"),
        "request_id": attack.budget_ids("training"),
    }


def fuzz_operation(
    operation, role: str, headers: dict, forbidden: dict, known: dict, leaks: list[str]
) -> None:
    strategy = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )
    # Random ids mostly miss; half the examples aim at real cases and notifications.
    params = [name for name in known if f"{{{name}}}" in operation.path]

    @given(case=strategy, aim=st.booleans(), pick=st.integers(min_value=0, max_value=10**6))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def attack_operation(case, aim, pick):
        if aim:
            for name in params:
                case.path_parameters[name] = known[name][pick % len(known[name])]
        # Each request in a savepoint rolled back after it: the world stays the same for every
        # example, and nothing of a refused request can linger.
        with transaction.atomic():
            response = case.call(headers=headers)
            RUN[role] += 1
            text = response.text or ""
            leaks.extend(
                f"{case.method} {case.formatted_path} ({response.status_code}) shows "
                f"{role} the {what}"
                for marker, what in forbidden.items()
                if marker in text
            )
            case.validate_response(response, checks=CHECKS)
            transaction.set_rollback(True)

    attack_operation()


@pytest.mark.parametrize("role", ROLE_PEOPLE)
def test_the_api_under_generated_requests_per_role(attack, api_schema, role):
    person = attack.role(role)
    headers = {"Authorization": f"Bearer {attack.token(person)}"}
    forbidden = attack.forbidden_markers(person)
    assert forbidden, "the world holds cases this role may not see"
    known = real_ids(attack)
    leaks: list[str] = []
    for operation in operations(api_schema):
        fuzz_operation(operation, role, headers, forbidden, known, leaks)
    print(
        f"\nschemathesis as {role} ({person.username}): {RUN[role]} requests over "
        f"{len(operations(api_schema))} operations, {len(forbidden)} forbidden markers, "
        f"{len(leaks)} leaks; all roles so far: {sum(RUN.values())}"
    )
    assert not leaks, "\n".join(leaks)


# The budget API's own roles, which the role list above does not hold: the treasurer who records
# expenses, a member who is neither chair nor treasurer, and the chair of a third fractie (the
# presidium: totals and unclear cases only).
BUDGET_PEOPLE = {"treasurer": "raadslid8", "fractie member": "raadslid3", "presidium": "raadslid12"}
BUDGET_PATHS = ("/api/v1/budgets/", "/api/v1/training/")


@pytest.mark.parametrize("role", BUDGET_PEOPLE)
def test_the_budget_api_under_generated_requests(attack, api_schema, role):
    person = attack.voorbeeld[BUDGET_PEOPLE[role]]
    headers = {"Authorization": f"Bearer {attack.token(person)}"}
    forbidden = attack.forbidden_markers(person)
    assert any(
        marker.startswith(("GEHEIM-UITGAVE", "GEHEIM-BUDGETVRAAG", "GEHEIM-OPLEIDING"))
        for marker in forbidden
    )
    known = real_ids(attack)
    budget_operations = [op for op in operations(api_schema) if op.path.startswith(BUDGET_PATHS)]
    assert len(budget_operations) >= 12, [op.label for op in budget_operations]
    leaks: list[str] = []
    for operation in budget_operations:
        fuzz_operation(operation, role, headers, forbidden, known, leaks)
    print(
        f"\nschemathesis (budgets) as {role} ({person.username}): {RUN[role]} requests over "
        f"{len(budget_operations)} operations, {len(forbidden)} forbidden markers, "
        f"{len(leaks)} leaks"
    )
    assert not leaks, "\n".join(leaks)


def test_the_schema_is_the_one_the_api_serves(attack, api_schema):
    """The fuzzing is not against an empty schema: every route of the API is in it."""
    paths = {op.path for op in operations(api_schema)}
    for path in [
        "/api/v1/cases",
        "/api/v1/cases/{case_id}",
        "/api/v1/cases/{case_id}/timeline",
        "/api/v1/cases/{case_id}/actions/{action}",
        "/api/v1/cases/{case_id}/actions/{action}/upload",
        "/api/v1/notifications",
        "/api/v1/notifications/{notification_id}/read",
        "/api/v1/me",
        "/api/v1/budgets/fracties",
        "/api/v1/budgets/fracties/{fractie_id}/statement",
        "/api/v1/budgets/fracties/{fractie_id}/expenses",
        "/api/v1/budgets/fracties/{fractie_id}/expenses/upload",
        "/api/v1/budgets/questions",
        "/api/v1/budgets/questions/{question_id}/answer",
        "/api/v1/budgets/precedents",
        "/api/v1/budgets/unclear",
        "/api/v1/training/requests",
        "/api/v1/training/requests/{request_id}/decision",
        "/api/v1/training/budget",
    ]:
        assert path in paths, (path, sorted(paths))
