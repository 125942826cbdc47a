# SPDX-License-Identifier: EUPL-1.2
"""The one upload check of the project: what a file is, by its content, never by its name alone.

ASVS V12.1 (file upload) and V12.2.1 (the content must match the extension), BIO 12.2.1: an
executable renamed `nep.pdf` is refused, not stored and served as application/pdf. Each use
(case attachments, budget proofs) names the kinds it allows; the kind its content proves gives
the content type a download is served with, never what the client said. Downloads go out as an
attachment with nosniff (ASVS V12.5, V14.4.2).
"""

import secrets
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.http import FileResponse

from raadsloket.lib.errors import DomainError

MAX_BYTES = 10 * 1024 * 1024
MAX_NAME = 200
# How much of a text file is read to see that it is text (an executable has NUL bytes early).
TEXT_SAMPLE = 64 * 1024
# Control characters a text or CSV file may hold: tab, line feed, form feed, carriage return.
TEXT_CONTROLS = frozenset(b"\t\n\x0c\r")


def _starts(*signatures: bytes) -> Callable[[object], bool]:
    def check(upload) -> bool:
        return any(_head(upload, len(s)).startswith(s) for s in signatures)

    return check


def _office_open_xml(part: str) -> Callable[[object], bool]:
    """A .docx or .xlsx: a ZIP with the part of its kind and no macros (a .docm renamed)."""

    def check(upload) -> bool:
        names = _zip_names(upload)
        return (
            "[Content_Types].xml" in names
            and any(name.startswith(part) for name in names)
            and not any(name.lower().endswith("vbaproject.bin") for name in names)
        )

    return check


def _open_document(mimetype: bytes) -> Callable[[object], bool]:
    """An .odt or .ods: a ZIP whose `mimetype` entry names the kind (OpenDocument 1.2, 3.3)."""

    def check(upload) -> bool:
        try:
            with zipfile.ZipFile(upload) as archive:
                return archive.read("mimetype").strip() == mimetype
        except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
            return False
        finally:
            upload.seek(0)

    return check


def _text(upload) -> bool:
    """Plain text or CSV (UTF-8 or Windows-1252, as spreadsheets save it): no binary bytes."""
    sample = _head(upload, TEXT_SAMPLE)
    return not any(byte < 0x20 and byte not in TEXT_CONTROLS for byte in sample)


@dataclass(frozen=True)
class Kind:
    """A kind of file: how it is named, what its content looks like, how it is served."""

    label: str
    content_type: str
    suffixes: tuple[str, ...]
    matches: Callable[[object], bool]


PDF = Kind("PDF", "application/pdf", (".pdf",), _starts(b"%PDF-"))
PNG = Kind("PNG", "image/png", (".png",), _starts(b"\x89PNG\r\n\x1a\n"))
JPEG = Kind("JPEG", "image/jpeg", (".jpg", ".jpeg"), _starts(b"\xff\xd8\xff"))
DOCX = Kind(
    "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
    _office_open_xml("word/"),
)
XLSX = Kind(
    "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
    _office_open_xml("xl/"),
)
ODT = Kind(
    "ODT",
    "application/vnd.oasis.opendocument.text",
    (".odt",),
    _open_document(b"application/vnd.oasis.opendocument.text"),
)
ODS = Kind(
    "ODS",
    "application/vnd.oasis.opendocument.spreadsheet",
    (".ods",),
    _open_document(b"application/vnd.oasis.opendocument.spreadsheet"),
)
CSV = Kind("CSV", "text/csv", (".csv",), _text)
TXT = Kind("tekst", "text/plain", (".txt",), _text)


@dataclass(frozen=True)
class Allowed:
    """What one use accepts. `wrong_type` may name {name} and {suffixes}."""

    kinds: tuple[Kind, ...]
    wrong_type: str = "Bestandstype van '{name}' is niet toegestaan; toegestaan: {suffixes}."
    max_bytes: int = MAX_BYTES

    def kind_for(self, name: str) -> Kind | None:
        suffix = name.lower()[name.rfind(".") :] if "." in name else ""
        return next((kind for kind in self.kinds if suffix in kind.suffixes), None)

    @property
    def suffixes(self) -> str:
        return ", ".join(sorted(suffix for kind in self.kinds for suffix in kind.suffixes))


@dataclass(frozen=True)
class Checked:
    """An upload that passed: the file, its name as shown, the type it is served with."""

    file: object
    name: str
    content_type: str
    size: int


def check_upload(upload, allowed: Allowed, *, field: str | None = None) -> Checked:
    """The upload if its name, size and content are acceptable for `allowed`; else a Dutch
    DomainError naming `field`. The content decides: the extension only says what to expect."""
    raw = upload.name or ""
    name = safe_file_name(raw)
    if len(raw) > MAX_NAME:
        raise DomainError(f"Een bestandsnaam mag hoogstens {MAX_NAME} tekens hebben.", field=field)
    kind = allowed.kind_for(name)
    if kind is None:
        raise DomainError(
            allowed.wrong_type.format(name=name, suffixes=allowed.suffixes), field=field
        )
    megabytes = allowed.max_bytes // (1024 * 1024)
    if upload.size > allowed.max_bytes:
        raise DomainError(
            f"'{name}' is groter dan {megabytes} MB; een bestand is hoogstens {megabytes} MB.",
            field=field,
        )
    if not upload.size:
        raise DomainError(f"'{name}' is leeg.", field=field)
    if not kind.matches(upload):
        raise DomainError(f"'{name}' is geen geldig {kind.label}-bestand.", field=field)
    return Checked(file=upload, name=name, content_type=kind.content_type, size=upload.size)


def safe_file_name(name: str) -> str:
    """The uploader's file name as shown and offered for download (ASVS V12.3.1).

    No path, and no control or direction characters: a right-to-left override makes
    "<RLO>gnp.exe.txt" read as "txt.exe.png", a line break could end a header.
    """
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    return cleaned.strip()[:MAX_NAME] or "bijlage"


def stored_name() -> str:
    """The name a file is stored under: random, so it cannot traverse, collide or be guessed
    (ASVS V12.3.1, V12.4.1); the uploader's name is only shown."""
    return secrets.token_hex(16)


def download(handle, *, filename: str, content_type: str) -> FileResponse:
    """A stored file as a download, never shown inline (ASVS V12.5.1, V14.4.2); nosniff so a
    browser keeps to the validated type. FileResponse writes a non-ASCII name as RFC 5987
    filename*=utf-8''..."""
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _head(upload, size: int) -> bytes:
    upload.seek(0)
    try:
        return upload.read(size)
    finally:
        upload.seek(0)


def _zip_names(upload) -> set[str]:
    try:
        with zipfile.ZipFile(upload) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, RuntimeError):
        return set()
    finally:
        upload.seek(0)
