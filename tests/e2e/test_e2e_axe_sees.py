# SPDX-License-Identifier: EUPL-1.2
"""The page check of the browser tests is not blind: a page with a serious WCAG violation fails
it, and a page that scrolls sideways on a phone fails it too (tests/e2e/axe.py)."""

import pytest
from playwright.sync_api import Browser

from tests.e2e.axe import check_page
from tests.e2e.browser import audited_context

FLAWED = """<!doctype html><html lang="nl"><head><title>Proef</title></head><body><main>
<h1>Proef</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<form><input type="text" name="naam"></form></main></body></html>"""
WIDE = """<!doctype html><html lang="nl"><head><title>Proef</title></head><body><main>
<h1>Proef</h1><div style="width: 900px">Een tabel die niet meeschaalt</div></main></body></html>"""


def test_a_serious_violation_fails_the_check(browser: Browser):
    context = audited_context(browser, locale="nl-NL", width=1280)
    page = context.new_page()
    page.set_content(FLAWED)
    with pytest.raises(AssertionError) as failure:
        check_page(page)
    assert "image-alt" in str(failure.value)
    assert "label" in str(failure.value)
    context.close()


def test_sideways_scrolling_on_a_phone_fails_the_check(browser: Browser):
    context = audited_context(browser, locale="nl-NL", width=390)
    page = context.new_page()
    page.set_content(WIDE)
    with pytest.raises(AssertionError, match="zijwaarts"):
        check_page(page)
    context.close()
