# SPDX-License-Identifier: EUPL-1.2
"""The inzage page and its downloads: JSON and PDF of the logged-in person, each audited."""

import json
import sys

import pytest
from django.urls import reverse

from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.privacy import views
from tests.privacy.privacy_helpers import MARKERS, OWN_MARKER

INDEX = "/privacy/"
JSON_URL = "/privacy/inzage.json"
PDF_URL = "/privacy/inzage.pdf"


def exports():
    return list(AuditEvent.objects.filter(action="privacy.export").order_by("seq"))


def test_the_urls_are_mounted_where_the_brief_says():
    assert reverse("privacy:index") == INDEX
    assert reverse("privacy:inzage_json") == JSON_URL
    assert reverse("privacy:inzage_pdf") == PDF_URL


@pytest.mark.parametrize("url", [INDEX, JSON_URL, PDF_URL])
def test_only_a_logged_in_person_gets_anything(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and "/inloggen/" in response.url
    assert exports() == []


def test_the_page_explains_in_dutch_and_links_both_downloads(client, scene):
    client.force_login(scene["raadslid1"])
    html = client.get(INDEX).content.decode()
    assert "Uw gegevens inzien" in html and "artikel 15" in html
    assert f'href="{JSON_URL}"' in html and f'href="{PDF_URL}"' in html
    assert "<script>" not in html and "style=" not in html


def test_the_json_download_is_the_persons_own_export_and_is_audited(client, scene):
    person = scene["raadslid1"]
    client.force_login(person)
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="inzage-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["persoon"]["Gebruikersnaam"] == "raadslid1"
    text = response.content.decode()
    assert OWN_MARKER in text and not any(marker in text for marker in MARKERS)
    [event] = exports()
    assert event.actor_ref == "raadslid1"
    assert event.detail == {"person": person.pk, "format": "json"}
    assert chain.verify() == []


def test_the_pdf_download_is_a_pdf_made_from_html_without_foreign_content(
    client, scene, monkeypatch
):
    rendered = []
    real = views.write_pdf

    def capture(html):
        rendered.append(html)
        return real(html)

    monkeypatch.setattr(views, "write_pdf", capture)
    client.force_login(scene["raadslid1"])
    response = client.get(PDF_URL)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    [html] = rendered
    assert "Inzage persoonsgegevens" in html and OWN_MARKER in html
    assert not any(marker in html for marker in MARKERS)
    assert [event.detail["format"] for event in exports()] == ["pdf"]


def test_the_pdf_text_holds_no_foreign_marker_when_pdftotext_is_there(client, scene, tmp_path):
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed; the HTML the PDF is made from is checked above")
    client.force_login(scene["raadslid1"])
    path = tmp_path / "inzage.pdf"
    path.write_bytes(client.get(PDF_URL).content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Inzage persoonsgegevens" in text
    assert not any(marker in text for marker in MARKERS)


def test_without_weasyprint_the_pdf_is_a_dutch_503_and_json_still_works(client, scene, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now raises ImportError
    client.force_login(scene["raadslid1"])
    response = client.get(PDF_URL)
    assert response.status_code == 503
    html = response.content.decode()
    assert "PDF niet beschikbaar" in html and "JSON" in html
    assert exports() == []
    assert client.get(JSON_URL).status_code == 200


def test_downloads_are_read_only(client, scene):
    client.force_login(scene["raadslid1"])
    assert client.post(JSON_URL).status_code == 405
    assert client.post(PDF_URL).status_code == 405


def test_the_pdf_shows_the_latest_rows_and_says_the_json_has_them_all(scene):
    from raadsloket.privacy.inzage import export
    from raadsloket.privacy.report import PDF_ROWS, render_html

    griffier = scene["griffier"]
    for _ in range(PDF_ROWS + 5):
        chain.record(
            "case.read",
            actor=griffier,
            municipality_id=griffier.municipality_id,
            case_id=scene.own.pk,
            detail={"sections": ["request"]},
        )
    data = export(griffier)
    total = len(data["auditregels"])
    html = render_html(data)
    assert f"de laatste {PDF_ROWS} van {total} regels" in html
    assert "JSON-download bevat ze allemaal" in html
    reads = sum(1 for row in data["auditregels"] if row["Code"] == "case.read")
    assert f"<td>verzoek ingezien</td><td>{reads}</td>" in html
