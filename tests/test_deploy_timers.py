# SPDX-License-Identifier: EUPL-1.2
"""The daily commands are scheduled (deploy/*.timer, docs/deployment.md "Diensten"): each timer
starts a service of the same name that runs an existing `raadsloket` command, once a day."""

import configparser
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands

from raadsloket.__main__ import ALIASES

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
DOCS = DEPLOY.parent / "docs" / "deployment.md"
# The commands a deployment must run every day; each needs its own timer.
DAILY = {"reminders", "audit-checkpoint", "council-term-due"}


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def command_of(service: Path) -> str:
    argv = shlex.split(unit(service)["Service"]["ExecStart"])
    assert argv[0].endswith("/raadsloket"), argv
    return argv[1]


TIMERS = sorted(DEPLOY.glob("*.timer"))


def test_every_daily_command_has_a_timer():
    scheduled = {command_of(timer.with_suffix(".service")) for timer in TIMERS}
    assert scheduled >= DAILY


@pytest.mark.parametrize("timer", TIMERS, ids=lambda path: path.stem)
def test_each_timer_runs_an_existing_command_once_a_day(timer):
    service = timer.with_suffix(".service")
    assert service.exists()
    command = command_of(service)
    assert ALIASES.get(command, command) in get_commands()
    schedule = unit(timer)["Timer"]
    assert schedule["OnCalendar"].startswith("*-*-* ")
    # A server that was down at the time catches up at boot: no day is skipped.
    assert schedule["Persistent"] == "true"
    assert unit(service)["Service"]["Type"] == "oneshot"
    assert timer.name in DOCS.read_text(encoding="utf-8")
