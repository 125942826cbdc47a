# SPDX-License-Identifier: EUPL-1.2
"""The layout keeps its promises (docs/architecture.md): no app reaches into another app's
private names, and every domain app has the same shape. The import direction itself is checked
by import-linter (`make lint`, contracts in pyproject.toml)."""

import ast
from pathlib import Path

import pytest

import raadsloket

PACKAGE = Path(raadsloket.__file__).parent
# One app per glossary concept with the same shape (ARCHITECTURE.md "Shape"): models when it
# keeps data of its own, its domain functions (workflow or services), forms, and for the pages and
# endpoints of its own views, an API router and URLs. Assistance's actions are rows of the case
# table, so the case pages and endpoints render its forms (docs/architecture.md).
SHAPES = {
    "cases": {"models", "workflow", "services", "forms", "views", "api", "urls"},
    "assistance": {"models", "workflow", "forms"},
    "written_questions": {"workflow", "forms", "views", "api", "urls"},
    "advisor": {"advisor", "forms", "views", "api", "urls"},
    # Its services are named after what they hold: seats, expenses, statement.
    "fractie_support": {
        "models",
        "seats",
        "expenses",
        "statement",
        "forms",
        "views",
        "api",
        "urls",
    },
    "training": {"models", "services", "forms", "views", "api", "urls"},
    "registers": {"models", "services", "forms", "views", "api", "urls"},
    "council_term": {"models", "services", "forms", "views", "api", "urls"},
    "directory": {"models", "services", "forms", "views", "api", "urls"},
    "allowances": {"models", "services", "forms", "views", "api", "urls"},
    "time_planner": {"models", "services", "forms", "views", "api", "urls"},
    "safety": {"models", "services", "forms", "views", "api", "urls"},
    "follow": {"models", "services", "forms", "views", "api", "urls"},
}


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "raadsloket" else None


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        yield ".".join(relative.parts), path


def _private_uses(module: str, tree: ast.AST) -> list[str]:
    """Names starting with one underscore that `module` takes from another app."""
    own = _app_of(module)
    found: list[str] = []
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            other = _app_of(node.module)
            for alias in node.names:
                if other and other != own and alias.name.startswith("_"):
                    found.append(f"{node.module}.{alias.name}")
                # `from raadsloket.notify import delivery` binds a module of another app.
                target = f"{node.module}.{alias.name}"
                if _app_of(target) not in (None, own):
                    aliases[alias.asname or alias.name] = target
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _app_of(alias.name) not in (None, own) and alias.asname:
                    aliases[alias.asname] = alias.name
    found += [
        f"{aliases[node.value.id]}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in aliases
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
    ]
    return found


def test_no_app_uses_a_private_name_of_another_app():
    offences = {
        module: uses
        for module, path in _modules()
        if (uses := _private_uses(module, ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offences == {}


def test_the_private_name_check_catches_both_ways_of_reaching_in():
    tree = ast.parse(
        "from raadsloket.notify.delivery import _enqueue_mails\n"
        "from raadsloket.notify import delivery\n"
        "delivery._enqueue_mails([1])\n"
    )
    assert _private_uses("raadsloket.fractie_support.notices", tree) == [
        "raadsloket.notify.delivery._enqueue_mails",
        "raadsloket.notify.delivery._enqueue_mails",
    ]
    assert _private_uses("raadsloket.notify.mail", tree) == []


@pytest.mark.parametrize("app", sorted(SHAPES))
def test_each_domain_app_has_the_same_shape(app):
    present = {path.stem for path in (PACKAGE / app).glob("*.py")}
    assert SHAPES[app] <= present, f"{app} lacks {sorted(SHAPES[app] - present)}"
    assert (PACKAGE / "templates" / app).is_dir() or "views" not in SHAPES[app]
