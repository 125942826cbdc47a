# SPDX-License-Identifier: EUPL-1.2
"""axe-core in the browser tests: every page a walk-through visits meets WCAG 2.1 A/AA.

The app's CSP allows no injected script, so the context that runs these checks is made with
`bypass_csp=True` (browser.audited_context); the CSP itself is tested without that elsewhere.
"""

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 level A and AA (the Besluit digitale toegankelijkheid overheid asks for EN 301 549,
# which follows WCAG 2.1 AA).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
# A phone's width: below it a page that scrolls sideways fails WCAG 1.4.10 (reflow).
NARROW = 400


def check_page(page: Page) -> None:
    """Fail on any serious or critical axe violation, and on sideways scrolling on a phone."""
    assert AXE.exists(), f"{AXE} ontbreekt: `make setup` (npm ci) installeert axe-core"
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    # Only the violations are asked for: collecting the passing and incomplete results as well
    # took a fifth of each run, and nothing here reads them.
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        TAGS,
    )
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"axe op {page.url}:\n" + "\n".join(map(_describe, blocking))
    width = page.viewport_size["width"] if page.viewport_size else 0
    if width and width <= NARROW:
        scroll_width, inner_width = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert scroll_width <= inner_width, (
            f"{page.url} scrolt zijwaarts op {inner_width} px: {scroll_width} px breed"
        )


def _describe(violation: dict) -> str:
    targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
    return f"- {violation['id']} ({violation['impact']}): {violation['help']} — {targets}"
