# SPDX-License-Identifier: EUPL-1.2
"""Every scrollable table container is a named region (WCAG 2.1 SC 1.3.1, 2.1.1, 4.1.2).

A container that scrolls must be reachable by keyboard (tabindex="0"); a focusable element needs
an accessible name, or a screen reader announces only "groep". The name is the table's caption, or
the heading right above the table.
"""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "raadsloket" / "templates"
CONTAINER = re.compile(r'<div class="utrecht-table-container"[^>]*>')


def _templates_with_tables():
    return sorted(
        p for p in TEMPLATES.rglob("*.html") if "utrecht-table-container" in p.read_text()
    )


@pytest.mark.parametrize(
    "path", _templates_with_tables(), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_table_container_is_a_named_region(path):
    text = path.read_text()
    for tag in CONTAINER.findall(text):
        assert 'tabindex="0"' in tag, f"{tag}: niet met het toetsenbord te scrollen"
        assert 'role="region"' in tag, f"{tag}: geen region"
        label = re.search(r'aria-labelledby="([^"]+)"', tag)
        assert label, f"{tag}: geen toegankelijke naam"
        # The labelling element is in the same template, with text in it.
        named = re.search(rf'id="{re.escape(label.group(1))}"[^>]*>\s*[^<\s]', text)
        assert named, f"{tag}: verwijst naar {label.group(1)}, dat niet in de template staat"
