# SPDX-License-Identifier: EUPL-1.2
"""Uploads: limited in size, number and type with a Dutch message, stored outside the web root
under a name the user does not choose, and served only through the access layer as a download.

ASVS V12.1 (file upload), V12.4 (file storage), V12.5 (file download), V14.4.2
(Content-Disposition); BIO 12.2.1 (protection against malware: no active content served inline).
"""

import io
import unicodedata
import zipfile
from email.message import Message
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve
from django.utils.datastructures import MultiValueDict

from raadsloket.cases.models import Case, CaseFile
from raadsloket.cases.transitions import perform
from raadsloket.lib.uploads import MAX_BYTES as MAX_FILE_BYTES

pytestmark = pytest.mark.django_db


def in_progress(attack):
    """The Voorbeeld case in progress, its assigned civil servant, and its URL."""
    scenario = next(
        s for s in attack.scenarios if s.state == "in_progress" and s.world is attack.voorbeeld
    )
    return scenario, scenario.world["ambtenaar6"]


def deliver_by_web(attack, files, answer="Het antwoord met bijlagen."):
    scenario, servant = in_progress(attack)
    case = Case.objects.get(pk=scenario.case_id)
    client = attack.web(servant)
    response = client.post(
        f"/verzoeken/{case.pk}/deliver",
        {"answer": answer, "version": str(case.version), "files": files},
    )
    return case, response


def refused(attack, files) -> str:
    """Post `files` with an answer: refused (422), nothing written, the page's text."""
    before = CaseFile.objects.count()
    case, response = deliver_by_web(attack, files)
    assert response.status_code == 422, response.status_code
    assert CaseFile.objects.count() == before
    assert Case.objects.get(pk=case.pk).state == "in_progress"
    return response.content.decode()


def test_a_file_over_ten_megabytes_is_refused_in_dutch(attack):
    big = SimpleUploadedFile(
        "doorrekening.pdf", b"%PDF" + b"0" * MAX_FILE_BYTES, content_type="application/pdf"
    )
    assert "is groter dan 10 MB" in refused(attack, [big])


@pytest.mark.parametrize(
    "name",
    [
        "pagina.html",
        "pagina.htm",
        "plaatje.svg",
        "start.exe",
        "rapport.pdf.exe",
        "script.js",
        "geen-extensie",
        "macro.docm",
        "rapport.PDF.html",
    ],
)
def test_a_file_of_a_type_that_could_run_is_refused_in_dutch(attack, name):
    upload = SimpleUploadedFile(name, b"<script>alert(1)</script>", content_type="text/html")
    text = refused(attack, [upload])
    assert "is niet toegestaan; toegestaan:" in text


def test_more_than_five_files_are_refused_in_dutch(attack):
    uploads = [SimpleUploadedFile(f"bijlage{n}.txt", b"tekst") for n in range(6)]
    assert "Hoogstens 5 bijlagen." in refused(attack, uploads)


def test_an_overlong_file_name_is_refused_in_dutch(attack):
    upload = SimpleUploadedFile("a" * 197 + ".txt", b"tekst")
    assert "Een bestandsnaam mag hoogstens 200 tekens hebben." in refused(attack, [upload])


def test_the_media_root_is_outside_the_web_root_and_not_served_by_any_url(attack):
    media = Path(django_settings.MEDIA_ROOT).resolve()
    static_dirs = [Path(django_settings.STATIC_ROOT).resolve()] + [
        Path(entry[1] if isinstance(entry, tuple) else entry).resolve()
        for entry in django_settings.STATICFILES_DIRS
    ]
    for static in static_dirs:
        assert not media.is_relative_to(static) and not static.is_relative_to(media), static
    assert getattr(django_settings, "WHITENOISE_ROOT", None) is None

    scenario = next(s for s in attack.scenarios if s.file_token)
    stored = CaseFile.objects.get(token=scenario.file_token)
    assert (media / stored.file.name).exists()
    # The stored name is the random token, never the user's file name.
    case = Case.objects.get(pk=scenario.case_id)
    assert stored.file.name == f"cases/{case.municipality_id}/{case.pk}/{stored.token}"
    requester = attack.web(case.requester)
    for url in [
        f"{django_settings.MEDIA_URL}{stored.file.name}",
        f"/media/{stored.file.name}",
        f"/files/{stored.file.name}",
        f"/static/{stored.file.name}",
        f"/static/../files/{stored.file.name}",
        f"/var/files/{stored.file.name}",
    ]:
        response = requester.get(url)
        assert response.status_code == 404, url
        try:
            match = resolve(url)
        except Resolver404:
            continue
        assert match.url_name not in ("case_file",), url


def test_a_file_is_served_only_to_who_may_read_the_answer(attack):
    scenario = next(s for s in attack.scenarios if s.file_token and s.world is attack.voorbeeld)
    url = f"/verzoeken/{scenario.case_id}/bestanden/{scenario.file_token}"
    case = Case.objects.get(pk=scenario.case_id)
    assert attack.web(case.requester).get(url).status_code == 200
    for outsider in (
        attack.role("wethouder"),
        attack.role("manager"),
        attack.role("beheerder"),
        attack.voorbeeld["raadslid20"],
        attack.domstede["griffier"],
    ):
        response = attack.web(outsider).get(url)
        assert response.status_code == 404, outsider.username
    # A right case id with another case's token is no way in either.
    other = next(s for s in attack.scenarios if s.file_token and s is not scenario)
    assert (
        attack.web(case.requester)
        .get(f"/verzoeken/{scenario.case_id}/bestanden/{other.file_token}")
        .status_code
        == 404
    )


HOSTILE_NAMES = [
    'rapport "definitief".pdf',
    "rapport\r\nSet-Cookie: sessionid=gestolen.pdf",
    "begroting €2025 – één.pdf",
    "../../../etc/passwd.txt",
    'evil.html"; filename="evil.pdf',
    "notitie;\tfilename*=utf-8''evil.html.txt",
    "\u202egnp.exe.txt",  # right-to-left override: looks like "txt.exe.png"
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_the_download_header_is_safe_whatever_the_file_name(attack, name):
    scenario, servant = in_progress(attack)
    # The content is what the name says (lib.uploads checks it); the client's type is a lie.
    content = b"%PDF-1.4 Gewoon een bijlage." if name.endswith(".pdf") else b"Gewoon een bijlage."
    upload = SimpleUploadedFile(name, content, content_type="text/html")
    case = Case.objects.get(pk=scenario.case_id)
    perform(
        servant,
        case.pk,
        "deliver",
        {"answer": "Het antwoord."},
        MultiValueDict({"files": [upload]}),
        expected_version=case.version,
    )
    stored = CaseFile.objects.filter(case_id=case.pk).order_by("-pk").first()
    response = attack.web(servant).get(f"/verzoeken/{case.pk}/bestanden/{stored.token}")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert "Set-Cookie" not in response or "gestolen" not in response["Set-Cookie"]
    header = Message()
    header["Content-Disposition"] = disposition
    assert header.get_content_disposition() == "attachment"
    served_name = header.get_filename()
    # One file name: the uploader's, without path or control and direction characters.
    assert [
        key
        for key, _ in header.get_params(header="Content-Disposition")
        if key.startswith("filename")
    ] == ["filename"]
    assert served_name == stored.original_name
    assert "/" not in served_name and "\\" not in served_name
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in served_name), served_name
    # The type comes from the kind the content proved, never from the client.
    assert (
        response["Content-Type"] == "text/plain"
        if served_name.endswith(".txt")
        else (response["Content-Type"] == "application/pdf")
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    b"".join(response.streaming_content)


def test_a_unicode_file_name_uploaded_through_the_web_comes_back_intact(attack):
    name = "Begroting 2025 – één overzicht.pdf"
    case, response = deliver_by_web(attack, [SimpleUploadedFile(name, b"%PDF-1.4 bijlage")])
    assert response.status_code == 302, response.content[:500]
    stored = CaseFile.objects.filter(case_id=case.pk).order_by("-pk").first()
    assert stored.original_name == name
    download = attack.web(case.requester).get(f"/verzoeken/{case.pk}/bestanden/{stored.token}")
    header = Message()
    header["Content-Disposition"] = download["Content-Disposition"]
    assert header.get_filename() == name
    assert download["Content-Type"] == "application/pdf"
    b"".join(download.streaming_content)


# A Windows executable's first bytes (DOS header "MZ", PE signature), renamed to look harmless.
EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 44 + b"PE\0\0"
)


def fake_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("nep.pdf", EXECUTABLE, content_type="application/pdf")


def deliver_by_api(attack, files, answer="Het antwoord met bijlagen."):
    scenario, servant = in_progress(attack)
    case = Case.objects.get(pk=scenario.case_id)
    response = attack.web(servant).post(
        f"/api/v1/cases/{case.pk}/actions/deliver/upload",
        {"answer": answer, "version": str(case.version), "files": files},
        **attack.bearer(servant),
    )
    return case, response


def test_an_executable_renamed_pdf_is_refused_on_delivery_through_the_page(attack):
    assert "&#x27;nep.pdf&#x27; is geen geldig PDF-bestand." in refused(attack, [fake_pdf()])


def test_an_executable_renamed_pdf_is_refused_on_delivery_through_the_api(attack):
    before = CaseFile.objects.count()
    case, response = deliver_by_api(attack, [fake_pdf()])
    assert response.status_code == 422, response.content
    assert response.json()["errors"] == {"files": ["'nep.pdf' is geen geldig PDF-bestand."]}
    assert CaseFile.objects.count() == before
    assert Case.objects.get(pk=case.pk).state == "in_progress"


def test_a_real_pdf_delivered_through_the_api_is_served_as_a_pdf_whatever_the_client_said(attack):
    upload = SimpleUploadedFile("notitie.pdf", b"%PDF-1.7\n%%EOF\n", content_type="text/html")
    case, response = deliver_by_api(attack, [upload])
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "delivered"
    stored = CaseFile.objects.filter(case_id=case.pk).order_by("-pk").get()
    download = attack.web(case.requester).get(f"/verzoeken/{case.pk}/bestanden/{stored.token}")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == b"%PDF-1.7\n%%EOF\n"


def office_file(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}
ODS = {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}


@pytest.mark.parametrize(
    ("name", "content", "served"),
    [
        ("nota.docx", office_file(DOCX), "wordprocessingml.document"),
        ("cijfers.ods", office_file(ODS), "application/vnd.oasis.opendocument.spreadsheet"),
        ("cijfers.csv", "wijk;aantal\nnoord;12\nzuid;€ 3\n".encode("cp1252"), "text/csv"),
        ("foto.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
    ],
)
def test_the_documents_an_answer_needs_are_accepted_by_their_content(attack, name, content, served):
    case, response = deliver_by_web(attack, [SimpleUploadedFile(name, content)])
    assert response.status_code == 302, response.content[:800]
    stored = CaseFile.objects.filter(case_id=case.pk).order_by("-pk").get()
    assert served in stored.content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nota.docx", EXECUTABLE, "'nota.docx' is geen geldig Word-bestand."),
        (
            "macro.docx",
            office_file({**DOCX, "word/vbaProject.bin": b"\0"}),
            "'macro.docx' is geen geldig Word-bestand.",
        ),
        ("cijfers.xlsx", office_file(DOCX), "'cijfers.xlsx' is geen geldig Excel-bestand."),
        ("cijfers.ods", office_file(DOCX), "'cijfers.ods' is geen geldig ODS-bestand."),
        ("lees.txt", EXECUTABLE, "'lees.txt' is geen geldig tekst-bestand."),
        ("foto.png", b"%PDF-1.4", "'foto.png' is geen geldig PNG-bestand."),
        ("leeg.pdf", b"", "'leeg.pdf' is leeg."),
    ],
)
def test_content_that_does_not_match_its_name_is_refused_in_dutch(attack, name, content, message):
    text = refused(attack, [SimpleUploadedFile(name, content)])
    assert message.replace("'", "&#x27;") in text
