# SPDX-License-Identifier: EUPL-1.2
"""Hypothesis fuzzing of the import paths: the policy-profile loader, `raadsloket advise
--jsonl` and the API's case creation.

Whatever comes in, the answer is a valid result or a clear Dutch error: a PolicyError, exit code
2 with one Dutch sentence, a 4xx with a Dutch message. Never another exception, never a
traceback, never a half-written record.

ASVS V5.1 (input validation), V7.4 (error handling), V13.1.3; BIO 14.2.5.
RAADSLOKET_FUZZ_EXAMPLES sets the examples per property (default 150 on the nightly Hypothesis
profile, a quarter in `make test`: tests/support/examples.py).
"""

import io
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout

import pydantic
import pytest
import tomli_w
from django.core.management import ManagementUtility
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from raadsloket.audit.models import AuditEvent
from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.policy.errors import PolicyError
from raadsloket.policy.loader import PRESETS, build_profile, load_file
from raadsloket.policy.schema import PolicyProfile
from tests.support.examples import examples

EXAMPLES = int(os.environ.get("RAADSLOKET_FUZZ_EXAMPLES", examples(150)))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
RUN: Counter = Counter()

# Words of pydantic's, tomllib's and Python's own messages: none may reach a griffier.
ENGLISH = (
    "input should",
    "field required",
    "value error",
    "traceback",
    "expecting",
    "invalid",
    "error:",
    "exception",
    "unexpected",
    "extra inputs",
    "recursion",
)


def dutch(message: str) -> bool:
    lowered = message.lower()
    return bool(message.strip()) and not any(word in lowered for word in ENGLISH)


def profile_paths(model=PolicyProfile, prefix=()) -> list[tuple[str, ...]]:
    """Every dotted field path of the profile schema, read from the schema itself."""
    paths = []
    for name, field in model.model_fields.items():
        paths.append((*prefix, name))
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
            paths += profile_paths(annotation, (*prefix, name))
    return paths


PATHS = profile_paths()
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "working",
            "calendar",
            "monday",
            "12:00",
            "25:99",
            "vng-model",
            "utrecht",
            "requester_only",
            "every_member",
            "cabinet_chief",
            "a" * 2001,
            "",
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def overrides(draw):
    """Overrides that reach deep into the schema: real paths with wrong and right values."""
    data: dict = {}
    for path in draw(st.lists(st.sampled_from(PATHS), max_size=6)):
        node = data
        for part in path[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[path[-1]] = draw(json_values)
    if draw(st.booleans()):
        data.update(draw(st.dictionaries(st.text(max_size=12), json_values, max_size=3)))
    return data


def nested(depth: int) -> dict:
    data: dict = {}
    node = data
    for _ in range(depth):
        node["terms"] = {}
        node = node["terms"]
    return data


def check_policy(call) -> str:
    """A profile or a PolicyError of Dutch sentences; anything else fails the test."""
    try:
        profile = call()
    except PolicyError as error:
        assert error.messages, "a PolicyError without a message"
        for message in error.messages:
            assert dutch(message.split(": ", 1)[-1]) or "ongeldige waarde (" in message, message
        return "error"
    assert isinstance(profile, PolicyProfile)
    return "profile"


@FUZZ
@given(preset=st.sampled_from([*PRESETS, "onbekend"]), data=overrides())
@example(preset="vng-model", data=nested(5000))
@example(preset="vng-model", data=nested(600))
@example(preset="vng-model", data={"terms": {"intake": {"days": 10**30}}})
@example(preset="vng-model", data={1: "x", "a": "y"})
def test_building_a_profile_from_any_overrides_gives_a_profile_or_a_dutch_error(preset, data):
    RUN["policy overrides"] += 1
    RUN[f"policy overrides: {check_policy(lambda: build_profile(preset, data))}"] += 1


def toml_texts():
    """Valid TOML of random shapes, mutated: cut, doubled, a character dropped in or out."""
    tables = st.dictionaries(
        st.sampled_from([p[0] for p in PATHS] + ["extends", "x"]),
        json_values.filter(lambda v: v is not None),
        max_size=6,
    )

    def render(data):
        try:
            return tomli_w.dumps({k: v for k, v in data.items() if v is not None})
        except (TypeError, ValueError):
            return "name = 'x'\n"

    valid = tables.map(render)
    return st.one_of(
        valid,
        st.tuples(valid, st.integers(0, 400), st.text(max_size=5)).map(
            lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]
        ),
        st.tuples(valid, st.integers(0, 400)).map(lambda t: t[0][: t[1]]),
        st.text(alphabet=st.sampled_from("[]{}=.\"'\n abc123#,:-_\\"), max_size=200),
        st.text(max_size=200),
    )


@FUZZ
@given(text=toml_texts(), extends=st.sampled_from(["", *PRESETS, "onbekend"]))
@example(text="a = " + "[" * 5000, extends="")
@example(text="a = " + "{x=" * 5000, extends="")
@example(text="[" + "a." * 3000 + "b]\n", extends="vng-model")
def test_loading_any_profile_file_gives_a_profile_or_a_dutch_error(text, extends):
    if extends:
        text = f'extends = "{extends}"\n{text}'
    with tempfile.NamedTemporaryFile(
        "w", suffix=".toml", delete=False, encoding="utf-8", errors="surrogatepass"
    ) as handle:
        handle.write(text)
    try:
        RUN["policy files"] += 1
        RUN[f"policy files: {check_policy(lambda: load_file(handle.name))}"] += 1
    finally:
        os.unlink(handle.name)


def test_a_profile_file_that_is_not_utf8_gives_a_dutch_error(tmp_path):
    path = tmp_path / "profiel.toml"
    path.write_bytes(b"name = '\xff\xfe'\n")
    with pytest.raises(PolicyError, match="geen UTF-8-tekst"):
        load_file(path)


# `raadsloket advise --jsonl`: run as the command line runs it (ManagementUtility), in-process.


def advise_cli(path: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            ManagementUtility(["raadsloket", "advise", "--jsonl", path]).execute()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return code, out.getvalue(), err.getvalue()


lines = st.one_of(
    st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False), st.text(max_size=80)),
    st.builds(lambda v: json.dumps({"text": v}), json_values),
    st.builds(json.dumps, json_values),
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            "   ",
            "{",
            "[" * 3000,
            '{"text": "' + "x" * 20000 + '"}',
            '{"text": "Hoeveel kost het leerlingenvervoer?"}',
            "\ufeff{}",
            "null",
        ]
    ),
)


@FUZZ
@given(
    content=st.lists(lines, max_size=6).map("\n".join),
    raw=st.one_of(st.none(), st.binary(max_size=40)),
)
@example(content="[" * 5000, raw=None)
@example(content="", raw=b"\xff\xfe\x00")
def test_advise_jsonl_gives_advice_or_a_dutch_error_with_exit_2(tmp_path_factory, content, raw):
    path = tmp_path_factory.mktemp("jsonl") / "vragen.jsonl"
    path.write_bytes(raw if raw is not None else content.encode("utf-8", "surrogatepass"))
    code, out, err = advise_cli(str(path))
    RUN["advise --jsonl"] += 1
    assert "Traceback" not in err + out
    if code == 0:
        RUN["advise --jsonl: advice"] += 1
        for line in out.splitlines():
            assert "instrument" in json.loads(line)
    else:
        RUN["advise --jsonl: refused"] += 1
        assert code == 2, (code, err)
        assert err.startswith("Fout: "), err
        assert dutch(err.removeprefix("Fout: ")), err


def test_advise_jsonl_as_a_real_process_exits_2_without_traceback(tmp_path):
    """The same path through the installed command, once: exit code and stderr as a user sees."""
    path = tmp_path / "vragen.jsonl"
    path.write_text('{"text": "Hoeveel?"}\n' + "[" * 5000 + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "raadsloket", "advise", "--jsonl", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SECRET_KEY": "x" * 50, "RAADSLOKET_VAR": str(tmp_path)},
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Fout: Regel 2"), done.stderr


# The API's case creation with random JSON: no 5xx, and nothing written unless a case is made.

case_fields = {
    "instrument": st.sampled_from(["assistance", "technical_question", "written_question", "x"])
    | json_values,
    "title": st.text(max_size=250) | json_values,
    "question": st.text(max_size=300) | json_values,
    "background": st.text(max_size=50) | json_values,
    "policy_area": st.sampled_from(["sociaal_domein", "financien", "x"]) | json_values,
    "confidential": json_values,
    "co_requesters": st.lists(st.integers(min_value=-5, max_value=2**70), max_size=3) | json_values,
    "on_behalf_of": json_values,
    "agenda_item": st.text(max_size=20) | json_values,
    "meeting_date": st.sampled_from(["2099-01-01", "1999-01-01", "morgen", ""]) | json_values,
    "submit": json_values,
}
REQUIRED = ("title", "question", "policy_area")
almost_valid = st.fixed_dictionaries(
    {
        "title": st.text(min_size=3, max_size=60).filter(str.strip),
        "question": st.text(min_size=10, max_size=120).filter(str.strip),
        "policy_area": st.just("sociaal_domein"),
    },
    optional={k: v for k, v in case_fields.items() if k not in REQUIRED},
)
bodies = st.one_of(
    almost_valid.map(json.dumps),
    st.fixed_dictionaries({}, optional=case_fields).map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=100),
)


def written() -> tuple[int, int, int]:
    return (
        Case.objects.count(),
        TimelineEvent.objects.count(),
        AuditEvent.objects.exclude(action__in=("case.read", "case.list_read")).count(),
    )


@pytest.mark.django_db
def test_creating_a_case_through_the_api_with_random_json(attack):
    member = attack.role("member")
    auth = attack.bearer(member)
    client = Client()
    statuses: Counter = Counter()

    @FUZZ
    @given(payload=bodies)
    @example(
        payload='{"title": "Leerlingenvervoer", "question": "Hoeveel kost dit per jaar?", '
        '"policy_area": "sociaal_domein", "submit": true}'
    )
    @example(payload="[" * 5000)
    @example(
        payload='{"title": "abc", "question": "0123456789", "policy_area": '
        '"sociaal_domein", "co_requesters": [99999999999999999999999]}'
    )
    def create(payload):
        with transaction.atomic():
            before = written()
            response = client.post(
                "/api/v1/cases", payload, content_type="application/json", **auth
            )
            statuses[response.status_code] += 1
            RUN["API case creation"] += 1
            assert response.status_code < 500, (payload[:300], response.content[:300])
            after = written()
            if response.status_code == 201:
                assert after[0] == before[0] + 1
            else:
                assert after == before, (payload[:300], response.status_code)
                detail = response.json()["detail"]
                assert dutch(detail) or detail.startswith("Ongeldige invoer in:"), detail
            transaction.set_rollback(True)

    create()
    print(
        f"\nAPI case creation fuzz: {sum(statuses.values())} requests, statuses "
        f"{dict(sorted(statuses.items()))}"
    )
    assert statuses[201] >= 1, "the fuzz never made a valid case: it tests only refusals"


@pytest.fixture(scope="module", autouse=True)
def _fuzz_figures():
    """Prints how many cases each property ran (in this process), for the issue's note."""
    yield
    if RUN:
        print("\nfuzz cases run: " + ", ".join(f"{k}: {v}" for k, v in sorted(RUN.items())))
