# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket advise`: one JSON line per question; bad input is a Dutch error and exit code 2."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from raadsloket.advisor.catalogue import INSTRUMENT_IDS

CONSOLE_SCRIPT = Path(sys.executable).parent / "raadsloket"
KEYS = ["instrument", "alternatives", "signals", "warnings", "ranking", "twijfel"]


def run(*args: str, stdin: str = "") -> list[dict]:
    out = io.StringIO()
    call_command("advise", *args, stdin=io.StringIO(stdin), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def fails(*args: str, stdin: str = "") -> str:
    with pytest.raises(CommandError) as caught:
        call_command("advise", *args, stdin=io.StringIO(stdin), stdout=io.StringIO())
    assert caught.value.returncode == 2
    return str(caught.value)


@pytest.fixture
def write(tmp_path):
    def write(content: str | bytes, name: str = "vragen.jsonl") -> str:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return write


def test_one_question_from_stdin_gives_one_json_object():
    [advice] = run(stdin="Hoeveel kinderen maken gebruik van het leerlingenvervoer?\n")

    assert list(advice) == KEYS
    assert advice["instrument"] == "technical_question"
    assert all(isinstance(s, str) for s in advice["signals"] + advice["warnings"])


def test_jsonl_gives_one_line_per_question_in_order(write):
    path = write(
        '{"text": "Ik wil een interpellatie over de rellen."}\n'
        "\n"
        '{"text": "Kan de rekenkamer het armoedebeleid onderzoeken?", "id": 7}\n'
    )

    advices = run("--jsonl", path)

    assert [a["instrument"] for a in advices] == ["interpellation", "audit_office"]
    assert all(list(a) == KEYS for a in advices)


def test_jsonl_from_stdin_with_a_dash():
    advices = run("--jsonl", "-", stdin='{"text": "Ik wil een motie indienen over de kermis."}\n')

    assert [a["instrument"] for a in advices] == ["motion"]


def test_output_keeps_dutch_characters_readable():
    out = io.StringIO()
    call_command(
        "advise", stdin=io.StringIO("Ik wil een raadsenquête naar het zwembad."), stdout=out
    )

    assert "\\u" not in out.getvalue()
    assert json.loads(out.getvalue())["instrument"] == "council_inquiry"


def test_empty_stdin_is_a_dutch_error():
    assert fails(stdin="  \n") == (
        "Geen vraag ontvangen: de invoer is leeg. Geef één vraag via stdin, of gebruik "
        "--jsonl BESTAND."
    )


def test_a_line_that_is_not_json_is_named(write):
    path = write('{"text": "Hoeveel?"}\n{text: kapot}\n')

    assert fails("--jsonl", path) == (
        "Regel 2 is geen geldige JSON (veldnaam tussen dubbele aanhalingstekens verwacht, teken 2)."
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"tekst": "Hoeveel?"}', 'Regel 3 heeft geen veld "text" met een tekst erin.'),
        ('{"text": 42}', 'Regel 3 heeft geen veld "text" met een tekst erin.'),
        ('{"text": "   "}', 'Regel 3: het veld "text" is leeg.'),
        ('["Hoeveel?"]', 'Regel 3 moet een JSON-object zijn, zoals {"text": "..."}.'),
    ],
)
def test_a_line_without_a_text_string_is_named(write, line, message):
    path = write('{"text": "Hoeveel?"}\n\n' + line + "\n")

    assert fails("--jsonl", path) == message


def test_nothing_is_printed_when_a_later_line_is_bad(write):
    path = write('{"text": "Hoeveel?"}\nkapot\n')
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command("advise", "--jsonl", path, stdout=out)
    assert out.getvalue() == ""


def test_unreadable_files_are_dutch_errors(tmp_path, write):
    missing = tmp_path / "weg.jsonl"
    assert fails("--jsonl", str(missing)) == f"Het bestand '{missing}' bestaat niet."
    assert fails("--jsonl", str(tmp_path)) == f"'{tmp_path}' is een map, geen bestand."
    assert fails("--jsonl", write(b'{"text": "\xff"}\n')) == (
        f"Het bestand '{tmp_path / 'vragen.jsonl'}' is geen UTF-8-tekst (regel 1)."
    )
    assert fails("--jsonl", write("\n\n")) == (
        "Geen vragen gevonden: de invoer bevat geen regels met een vraag."
    )


def test_only_one_mode_at_a_time():
    assert fails("--evaluate", "--bench") == (
        "Kies één van --jsonl, --evaluate en --bench, niet --evaluate en --bench."
    )


def test_evaluate_prints_accuracy_per_split_precision_recall_and_confusion(write):
    path = write(
        '{"text": "Hoeveel bomen zijn er gekapt?", "label": "technical_question", "split": "dev"}\n'
        '{"text": "Ik wil een motie indienen.", "label": "motion", "split": "test"}\n'
        '{"text": "Ik wil een amendement op het voorstel.", "label": "motion", "split": "test",'
        ' "warn": []}\n'
    )
    out = io.StringIO()

    call_command("advise", "--evaluate", path, stdout=out)
    report = out.getvalue()

    assert "  alles  0.667 (2/3)" in report
    assert "  dev    1.000 (1/1)" in report
    assert "  test   0.500 (1/2)" in report
    assert "  motion                   1.00    0.50       2" in report
    assert "Verwarringsmatrix (rij: juist label, kolom: advies)" in report
    motion_row = next(line for line in report.splitlines() if line.startswith("  mo  "))
    assert motion_row.split()[1:] == [".", ".", ".", ".", "1", "1", ".", ".", ".", ".", "."]


def test_evaluate_split_and_errors(write):
    path = write(
        '{"text": "Hoeveel bomen zijn er gekapt?", "label": "motion", "split": "dev"}\n'
        '{"text": "Ik wil een motie indienen.", "label": "motion", "split": "test"}\n'
    )
    out = io.StringIO()

    call_command("advise", "--evaluate", path, "--split", "dev", "--errors", stdout=out)

    assert "  dev    0.000 (0/1)" in out.getvalue()
    assert "regel 1 [dev] juist: motion, advies: technical_question" in out.getvalue()
    assert "Ik wil een motie" not in out.getvalue()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"text": "x", "label": "petitie", "split": "dev"}',
            'Regel 1: onbekend label "petitie"; kies uit: ' + ", ".join(INSTRUMENT_IDS) + ".",
        ),
        (
            '{"text": "x", "label": "motion", "split": "train"}',
            'Regel 1: split moet "dev" of "test" zijn, niet "train".',
        ),
        (
            '{"text": "x", "label": "motion", "split": "dev", "warn": ["boos"]}',
            "Regel 1: onbekende waarschuwing boos; kies uit: college_position, secret, too_short.",
        ),
    ],
)
def test_a_bad_evaluation_line_is_named(write, line, message):
    assert fails("--evaluate", write(line + "\n")) == message


def test_bench_reports_milliseconds_per_question(write):
    path = write('{"text": "Hoeveel?", "label": "technical_question", "split": "dev"}\n')
    out = io.StringIO()

    call_command("advise", "--bench", path, stdout=out)

    assert out.getvalue().startswith("Snelheid over 1 vragen x 5 rondes: gemiddeld ")
    assert " ms per vraag." in out.getvalue()


def test_the_console_script_prints_json_and_dutch_errors_without_traceback(tmp_path):
    ok = subprocess.run(
        [CONSOLE_SCRIPT, "advise"],
        input="Ik wil een initiatiefvoorstel schrijven.",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["instrument"] in INSTRUMENT_IDS

    for args, stdin, message in [
        (["advise"], "", "Fout: Geen vraag ontvangen: de invoer is leeg."),
        (["advise", "--jsonl", str(tmp_path / "weg.jsonl")], "", "Fout: Het bestand"),
        (["advise", "--jsonl", "-"], '{"text": 1}\n', 'Fout: Regel 1 heeft geen veld "text"'),
    ]:
        bad = subprocess.run(
            [CONSOLE_SCRIPT, *args], input=stdin, capture_output=True, text=True, timeout=60
        )
        assert bad.returncode == 2
        assert bad.stderr.startswith(message)
        assert "Traceback" not in bad.stderr
        assert bad.stdout == ""


def test_stdin_that_is_not_utf8_is_a_dutch_error():
    bad = subprocess.run(
        [CONSOLE_SCRIPT, "advise"], input=b"\xff\xfe vraag", capture_output=True, timeout=60
    )

    assert bad.returncode == 2
    assert bad.stderr.decode() == "Fout: De invoer is geen UTF-8-tekst.\n"
