# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket audit-verify` through the console script: intact, or a non-zero exit."""

import sys

import pytest

from raadsloket.audit.models import AuditEvent
from raadsloket.demo.lifecycle import new_case
from tests.support.tamper import past_the_trigger


def test_console_script_maps_audit_verify(world, monkeypatch, capsys):
    from raadsloket.__main__ import main

    new_case(world)
    # run_from_argv closes every connection when done; on PostgreSQL that would end the
    # test's transaction under it.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    monkeypatch.setattr(sys, "argv", ["raadsloket", "audit-verify"])
    main()
    assert "Auditketen intact" in capsys.readouterr().out
    with past_the_trigger():
        AuditEvent.objects.filter(pk=AuditEvent.objects.first().pk).update(actor_ref="iemand")
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code != 0
    assert "NIET intact" in capsys.readouterr().err
