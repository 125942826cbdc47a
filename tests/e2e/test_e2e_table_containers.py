# SPDX-License-Identifier: EUPL-1.2
"""axe's scrollable-region-focusable rule, for the pages the walk-through does not visit: every
table container, which scrolls sideways on a phone, can be focused and so scrolled with the
keyboard (WCAG 2.1.1)."""

import re
from pathlib import Path

import raadsloket

TEMPLATES = Path(raadsloket.__file__).parent / "templates"
CONTAINER = re.compile(r"<div\b[^>]*\butrecht-table-container\b[^>]*>")


def test_every_table_container_takes_the_keyboard_focus():
    containers = {
        f"{path.relative_to(TEMPLATES)}: {tag}"
        for path in TEMPLATES.rglob("*.html")
        for tag in CONTAINER.findall(path.read_text(encoding="utf-8"))
    }
    assert containers
    assert not {found for found in containers if 'tabindex="0"' not in found}
