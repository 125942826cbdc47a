# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket policy check FILE` and `raadsloket policy show NAME`."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from raadsloket.__main__ import main
from raadsloket.policy.loader import load_preset, profile_to_toml

CONSOLE_SCRIPT = Path(sys.executable).parent / "raadsloket"


def run(*args: str) -> str:
    out = StringIO()
    call_command("policy", *args, stdout=out)
    return out.getvalue()


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run as the `raadsloket` console script; return exit code, stdout and stderr."""
    monkeypatch.setattr(sys, "argv", ["raadsloket", "policy", *args])
    try:
        main()
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_accepts_a_good_file(write_toml):
    path = write_toml('extends = "utrecht"\n')

    assert run("check", str(path)) == "Profiel in orde: Utrecht (utrecht)\n"


def test_check_reports_every_error_in_dutch(write_toml):
    path = write_toml(
        'extends = "vng-model"\n[routing]\nofficer = "mayor"\n[terms.intake]\ndays = "5"\n'
    )

    with pytest.raises(CommandError) as caught:
        run("check", str(path))

    assert str(caught.value) == (
        "Profiel niet in orde (2 fouten):\n"
        "routing.officer: 'mayor' is niet toegestaan; kies uit: municipal_secretary, "
        "cabinet_chief\n"
        "terms.intake.days: moet een geheel getal zijn"
    )


def test_check_names_a_missing_file(tmp_path):
    path = tmp_path / "weg.toml"

    with pytest.raises(CommandError) as caught:
        run("check", str(path))

    assert str(caught.value) == f"Profiel niet in orde (1 fout):\n{path}: bestand niet gevonden"


def test_check_exits_0_on_a_good_file(monkeypatch, capsys, write_toml):
    path = write_toml('extends = "echt-susteren"\n')

    code, out, err = run_cli(monkeypatch, capsys, "check", str(path))

    assert (code, out, err) == (0, "Profiel in orde: Echt-Susteren (echt-susteren)\n", "")


def test_check_exits_1_with_the_errors_on_stderr(monkeypatch, capsys, write_toml):
    path = write_toml('name = "x"\nlabel = Houten\n')

    code, out, err = run_cli(monkeypatch, capsys, "check", str(path))

    assert code == 1
    assert out == ""
    assert f"{path}: ongeldige TOML op regel 2, kolom 9" in err
    assert "Traceback" not in err


def test_show_prints_the_resolved_preset():
    out = run("show", "echt-susteren")

    assert out == profile_to_toml(load_preset("echt-susteren"))
    assert 'officer = "cabinet_chief"' in out


def test_show_resolves_a_file_that_extends_a_preset(write_toml):
    path = write_toml('extends = "utrecht"\nname = "houten"\n')

    out = run("show", str(path))

    assert 'name = "houten"' in out
    assert 'mode = "direct_small_facts"' in out


def test_show_of_an_unknown_name_lists_the_presets(monkeypatch, capsys):
    with pytest.raises(CommandError) as caught:
        run("show", "amsterdam")
    assert str(caught.value) == (
        "onbekend profiel 'amsterdam'; kies uit: vng-model, utrecht, echt-susteren"
    )

    code, out, err = run_cli(monkeypatch, capsys, "show", "amsterdam")
    assert code == 1
    assert "kies uit: vng-model, utrecht, echt-susteren" in err


def test_console_script_shows_a_policy():
    # A subprocess uses the real settings database: only commands that need none.
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "policy", "show", "vng-model"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "municipal_secretary" in result.stdout
    assert "capacity_confirmation_hours" in result.stdout
