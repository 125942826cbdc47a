# SPDX-License-Identifier: EUPL-1.2
"""HTML to PDF with WeasyPrint, the one way raadsloket writes a PDF.

Nothing is fetched while rendering: no network and no local files, because the text in these
documents is users' own input. A document may allow `data:` URLs for its embedded charts.
"""

from pathlib import Path


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the pango library it needs) is not available on this server."""


def write_pdf(html: str, stylesheet: Path, *, allow_data_urls: bool = False) -> bytes:
    try:
        from weasyprint import CSS, HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as error:
        raise PdfUnavailable(str(error)) from error
    closed = URLFetcher(allowed_protocols=("data",) if allow_data_urls else ())
    css = CSS(string=stylesheet.read_text(encoding="utf-8"), url_fetcher=closed)
    return HTML(string=html, url_fetcher=closed).write_pdf(stylesheets=[css])
