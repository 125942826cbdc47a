# SPDX-License-Identifier: EUPL-1.2
"""The PostgreSQL pass's selection (tests/support/selection.py) keeps its promises: every test
runs on at least one database that can prove it, and the list of SQLite-only paths matches the
tree."""

from pathlib import Path

import pytest

from tests.support import selection

ROOT = Path(__file__).resolve().parent.parent
# Words of a test that exercises what PostgreSQL does differently from SQLite.
DATABASE_WORDS = ("connection.vendor", "select_for_update", ".cursor()", "RawSQL", "postgres")


class Item:
    """Just enough of a pytest item for the selection: a path and markers."""

    def __init__(self, relative: str, *marks):
        self.path = ROOT / relative
        self.marks = [mark.mark for mark in marks]

    def get_closest_marker(self, name):
        return next((mark for mark in self.marks if mark.name == name), None)

    def iter_markers(self, name):
        return (mark for mark in self.marks if mark.name == name)


def test_every_sqlite_only_path_exists():
    for prefix in selection.SQLITE_ONLY:
        matches = list(
            ROOT.glob(prefix.rstrip("/") + ("" if prefix.endswith((".py", "/")) else "*"))
        )
        assert matches, f"{prefix} in SQLITE_ONLY matches no file: remove or correct it"


def test_no_sqlite_only_test_file_exercises_postgresql_without_saying_so():
    for path in sorted(ROOT.glob("tests/**/test_*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if selection.sqlite_only_reason(relative) is None or path == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8")
        words = [word for word in DATABASE_WORDS if word in text]
        assert not words or "mark.postgres" in text or "transaction=True" in text, (
            f"{relative} uses {words} but is SQLite-only: mark its tests @pytest.mark.postgres "
            "or take the file out of SQLITE_ONLY"
        )


@pytest.mark.parametrize(
    ("item", "on_postgres"),
    [
        (Item("tests/cases/test_cases_pages.py"), True),
        (Item("tests/registers/test_new_register.py"), True),  # a new directory runs on both
        (Item("tests/web/test_web_layout.py"), False),
        (Item("tests/web/test_web_layout.py", pytest.mark.postgres), True),
        (Item("tests/web/test_live.py", pytest.mark.django_db(transaction=True)), True),
        (Item("tests/web/test_plain_db.py", pytest.mark.django_db), False),
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


def test_an_unknown_scope_is_refused(monkeypatch):
    monkeypatch.setenv("RAADSLOKET_POSTGRES_TESTS", "alles")
    with pytest.raises(pytest.UsageError, match="kies"):
        selection.scope()
