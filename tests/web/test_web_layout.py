# SPDX-License-Identifier: EUPL-1.2
"""The application shell: one menu that folds on a phone and says where the user is."""

import re

import pytest

from tests.support.pages import page

pytestmark = pytest.mark.django_db


def current_links(html: str) -> dict[str, str]:
    return dict(
        (label, value)
        for value, label in re.findall(
            r'<a class="utrecht-nav-list__link rl-nav__link" href="[^"]+" aria-current="(\w+)">'
            r"([^<]+)",
            html,
        )
    )


def test_the_menu_folds_into_one_button_without_javascript(world, login):
    html = page(login(world["griffier"]), "/")
    menu = html[html.index('aria-label="Hoofdmenu"') :]
    assert '<details class="rl-menu">' in menu and ">Menu</summary>" in menu
    assert menu.index("</summary>") < menu.index("Verzoeken") < menu.index("</details>")


def test_the_menu_marks_the_current_page_and_section(world, login):
    client = login(world["griffier"])
    assert current_links(page(client, "/")) == {"Start": "page"}
    assert current_links(page(client, "/verzoeken/")) == {"Verzoeken": "page"}
    on_notifications = page(client, "/meldingen/")
    assert 'href="/meldingen/" aria-current="page"' in on_notifications
    assert current_links(on_notifications) == {"Meldingen": "page"}


def test_a_page_below_a_menu_item_marks_that_item_as_its_section(world, login):
    html = page(login(world["raadslid1"]), "/verzoeken/nieuw")
    assert current_links(html) == {"Verzoeken": "true", "Nieuw verzoek": "page"}


def test_the_shell_has_no_inline_style_or_script(world, login):
    html = page(login(world["griffier"]), "/")
    assert " style=" not in html and " onclick=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
