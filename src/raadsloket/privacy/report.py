# SPDX-License-Identifier: EUPL-1.2
"""The inzage export as a readable Dutch report: HTML from a template, PDF by WeasyPrint.

The PDF is made from exactly the HTML `render_html` returns, so what a test finds (or does not
find) in that HTML is what the PDF says. WeasyPrint is imported only when a PDF is asked for: a
server without it (or without pango) still serves the JSON download and says so in Dutch.
"""

from pathlib import Path

from django.template.loader import render_to_string

from raadsloket.lib import pdf

STYLESHEET = Path(__file__).with_name("report.css")
EMPTY = "—"
# WeasyPrint lays out some 100 table rows a second: a griffier's years of audit events would
# take minutes. The PDF shows the latest rows of each list (and a count per kind of audit
# event); the JSON download holds every row (AVG art. 15 lid 3: the copy is complete there).
PDF_ROWS = 100

# The lists of the export, in the report's order: key, heading, what it is.
TABLES = [
    (
        "handelingen",
        "Uw handelingen in verzoeken",
        "Wat u deed en wanneer. De toelichting alleen bij onderdelen die u mag zien.",
    ),
    ("uren", "Uw urenregistratie", "Uren die u als ambtenaar vastlegde."),
    ("evaluaties", "Uw evaluaties", "Evaluaties die u schreef."),
    ("bemiddelingen", "Bemiddelingen", "Bemiddelingen die u vroeg of waarover u besloot."),
    ("bestanden", "Bestanden", "Bestanden die u bij een verzoek plaatste."),
    ("meldingen", "Meldingen", "Meldingen die raadsloket u stuurde."),
    (
        "api_sleutels",
        "API-sleutels",
        "Uw sleutels voor koppelingen: kenmerk en data. De sleutel zelf bewaart raadsloket niet.",
    ),
    (
        "tweestapsverificatie",
        "Tweestapsverificatie",
        "Uw apparaten voor inloggen in twee stappen (de geheime sleutel wordt niet getoond).",
    ),
    (
        "noodtoegang",
        "Noodtoegang",
        "Noodtoegang die u als functioneel beheerder vroeg; de griffier ziet deze ook.",
    ),
    (
        "opleidingen",
        "Opleidingsaanvragen",
        "Uw aanvragen uit het opleidingsbudget en het besluit van de griffie.",
    ),
    (
        "uitgaven_fractie",
        "Uitgaven fractieondersteuning",
        "Uitgaven die u als penningmeester voor uw fractie vastlegde (bedragen van de fractie).",
    ),
    (
        "vragen_fractieondersteuning",
        "Vragen over uitgaven",
        "Vragen over uitgaven die u aan de griffie stelde, met het antwoord.",
    ),
    (
        "auditregels",
        "Auditregels",
        "Vastgelegde gebeurtenissen die u veroorzaakte of die over uw gegevens gaan: soort, "
        "tijdstip en verzoek.",
    ),
]


def cell(value) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {cell(item)}" for key, item in value.items())
    return str(value)


def table(rows: list[dict]) -> dict:
    headers = list(rows[0]) if rows else []
    shown = rows[-PDF_ROWS:]
    return {
        "headers": headers,
        "rows": [[cell(row.get(h)) for h in headers] for row in shown],
        "total": len(rows),
        "cut": len(rows) - len(shown),
    }


def audit_summary(rows: list[dict]) -> dict:
    """Per kind of audit event: how many, the first and the last (rows are in order)."""
    kinds: dict[str, dict] = {}
    for row in rows:
        kind = kinds.setdefault(
            row["Soort"], {"Soort": row["Soort"], "Aantal": 0, "Eerste": row["Tijdstip"]}
        )
        kind["Aantal"] += 1
        kind["Laatste"] = row["Tijdstip"]
    return table(sorted(kinds.values(), key=lambda kind: kind["Soort"]))


def render_html(data: dict) -> str:
    context = {
        "data": data,
        "person": [(label, cell(value)) for label, value in data["persoon"].items()],
        "cases": [
            {
                "reference": row["Verzoek"],
                "relations": cell(row["Uw rol"]),
                "visible": cell(row["Wat u mag zien"]),
                "values": list(row["Gegevens"].items()),
            }
            for row in data["verzoeken"]
        ],
        "tables": [
            {"key": key, "title": title, "explanation": explanation, **table(data[key])}
            for key, title, explanation in TABLES
        ],
        "audit_summary": audit_summary(data["auditregels"]),
        "pdf_rows": PDF_ROWS,
    }
    return render_to_string("privacy/inzage.html", context)


def write_pdf(html: str) -> bytes:
    return pdf.write_pdf(html, STYLESHEET)
