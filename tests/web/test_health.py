# SPDX-License-Identifier: EUPL-1.2
"""`/gezond`: the liveness check answers anyone, says nothing, and touches no database."""

from django.test import Client


def test_the_health_check_answers_ok_without_a_login_or_a_query():
    # No django_db mark: pytest-django fails any database access in this test.
    response = Client().get("/gezond")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_the_health_check_accepts_only_reading():
    assert Client().post("/gezond").status_code == 405
