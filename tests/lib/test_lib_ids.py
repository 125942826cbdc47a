# SPDX-License-Identifier: EUPL-1.2
"""One bound for ids from outside (lib/ids.py): an id no 64-bit key can hold is "not found"
everywhere, never an overflow in the database."""

import ast
from pathlib import Path

import raadsloket
from raadsloket.lib.ids import MAX_ID, valid_id

PACKAGE = Path(raadsloket.__file__).parent


def test_only_ids_a_bigint_key_can_hold_are_valid():
    assert [valid_id(n) for n in (1, MAX_ID)] == [True, True]
    assert [valid_id(n) for n in (0, -1, MAX_ID + 1, 2**70)] == [False] * 4


def _bounds(tree: ast.Module) -> list[int]:
    """Lines that write the bound out again: `MAX_ID = ...` or the literal 2**63 - 1."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "MAX_ID" for t in targets):
                lines.append(node.lineno)
        elif isinstance(node, ast.BinOp) and _constant(node) == MAX_ID:
            lines.append(node.lineno)
    return lines


def _constant(node: ast.expr) -> object:
    """The value of an integer expression of literals with + - * **, else None."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.BinOp):
        left, right = _constant(node.left), _constant(node.right)
        if not (isinstance(left, int) and isinstance(right, int)):
            return None
        if isinstance(node.op, ast.Pow):
            return left**right if 0 <= right < 256 else None
        operations = {ast.Add: int.__add__, ast.Sub: int.__sub__, ast.Mult: int.__mul__}
        operation = operations.get(type(node.op))
        return operation(left, right) if operation else None
    return None


def test_the_bound_is_defined_once():
    found = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in PACKAGE.rglob("*.py")
        if path != PACKAGE / "lib" / "ids.py" and "migrations" not in path.parts
        for line in _bounds(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert found == set()


def test_the_check_finds_a_second_definition():
    assert _bounds(ast.parse("MAX_ID = 2**63 - 1\nx = Field(le=2**63 - 1)\n")) == [1, 1, 2]
    assert _bounds(ast.parse("y = 2**63\nz = 9223372036854775807 - 0\n")) == [2]
