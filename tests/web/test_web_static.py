# SPDX-License-Identifier: EUPL-1.2
"""The site's own static files: the stylesheet's error look and the favicon."""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

FAVICON = "raadsloket/favicon.svg"
NOT_TOUCHED = ':invalid:not(:user-invalid):not([aria-invalid="true"])'


def site_css_rules() -> list[tuple[str, str]]:
    """(selector, declarations) of every rule in site.css, comments left out."""
    with open(finders.find("raadsloket/site.css"), encoding="utf-8") as handle:
        text = re.sub(r"/\*.*?\*/", "", handle.read(), flags=re.S)
    # A rule inside @media matches too: its block holds no braces of its own.
    return [
        (selector.strip(), body)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text)
        for selector in selectors.split(",")
    ]


def test_no_rule_shows_the_error_look_on_a_bare_invalid_field():
    # A required field must not be red before the user typed anything: :invalid matches it on
    # page load. Only :user-invalid or a server-side aria-invalid may show the error look.
    for selector, body in site_css_rules():
        if ":invalid" not in selector:
            continue
        assert selector.endswith(NOT_TOUCHED), selector
        assert "invalid" not in body, selector


@pytest.mark.parametrize(
    "control",
    [
        "utrecht-textbox--html-input",
        "utrecht-textarea--html-textarea",
        "utrecht-select--html-select",
    ],
)
def test_an_untouched_invalid_control_keeps_the_ordinary_look(control):
    selectors = {selector for selector, _ in site_css_rules()}
    assert f".{control}{NOT_TOUCHED}" in selectors
    assert f".{control}:user-invalid" in selectors


def test_the_favicon_is_a_small_svg():
    path = finders.find(FAVICON)
    assert path is not None
    with open(path, "rb") as handle:
        data = handle.read()
    assert len(data) < 2048
    assert ElementTree.fromstring(data).tag == "{http://www.w3.org/2000/svg}svg"


def test_favicon_ico_leads_to_the_icon_instead_of_a_404():
    # No django_db mark: the redirect needs neither a login nor the database.
    response = Client().get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == f"/static/{FAVICON}"


@pytest.mark.django_db
def test_every_page_links_the_favicon(client):
    html = client.get("/inloggen/").content.decode()
    assert f'<link rel="icon" href="/static/{FAVICON}" type="image/svg+xml">' in html
