# SPDX-License-Identifier: EUPL-1.2
"""The PostgreSQL pass's selection (tests/support/selection.py) keeps its promises: every test
runs on at least one database that can prove it, and the list of SQLite-only paths matches the
tree."""

from pathlib import Path

import pytest

from tests.support import selection

ROOT = Path(__file__).resolve().parent.parent


class Item:
    """Just enough of a pytest item for the selection: a path and markers."""

    def __init__(self, relative: str, *marks):
        self.path = ROOT / relative
        self.marks = [mark.mark for mark in marks]

    def get_closest_marker(self, name):
        return next((mark for mark in self.marks if mark.name == name), None)

    def iter_markers(self, name):
        return (mark for mark in self.marks if mark.name == name)


def test_every_postgresql_path_exists():
    for prefix in selection.ON_POSTGRES:
        matches = list(
            ROOT.glob(prefix.rstrip("/") + ("" if prefix.endswith((".py", "/")) else "*"))
        )
        assert matches, f"{prefix} in ON_POSTGRES matches no file: remove or correct it"


def test_every_test_file_that_asks_the_database_itself_runs_on_postgresql():
    for path in sorted(ROOT.glob("tests/**/test_*.py")):
        relative = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if any(word in text for word in selection.DATABASE_WORDS):
            assert selection.postgres_reason(relative), f"{relative} is SQLite-only"


@pytest.mark.parametrize(
    ("item", "on_postgres"),
    [
        (Item("tests/audit/test_audit_new.py"), True),  # under a listed directory
        (Item("tests/cases/test_search_fulltext.py"), True),  # a listed prefix
        (Item("tests/web/test_web_layout.py"), False),
        (Item("tests/web/test_web_layout.py", pytest.mark.postgres), True),
        (Item("tests/web/test_live.py", pytest.mark.django_db(transaction=True)), True),
        (Item("tests/web/test_plain_db.py", pytest.mark.django_db), False),
        (Item("tests/audit/test_audit_trigger.py"), True),
        (
            Item(
                "tests/security/test_headers_race.py",
                pytest.mark.skipif(True, reason="needs PostgreSQL"),
            ),
            True,
        ),
    ],
)
def test_the_postgresql_pass_keeps_what_only_postgresql_can_prove(item, on_postgres):
    assert selection.runs_on_postgres(item, ROOT) is on_postgres


def test_a_file_with_raw_sql_runs_on_postgresql_without_being_listed(tmp_path, monkeypatch):
    # A new test file under an unlisted path that asks the database itself.
    relative = "tests/web/test_zz_raw.py"
    monkeypatch.setattr(
        selection, "database_words", lambda rel: ("RawSQL",) if rel == relative else ()
    )
    assert selection.runs_on_postgres(Item(relative), ROOT)
    assert not selection.runs_on_postgres(Item("tests/web/test_web_layout.py"), ROOT)


def test_an_unknown_scope_is_refused(monkeypatch):
    monkeypatch.setenv("RAADSLOKET_POSTGRES_TESTS", "alles")
    with pytest.raises(pytest.UsageError, match="kies"):
        selection.scope()
