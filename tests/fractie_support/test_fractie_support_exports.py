# SPDX-License-Identifier: EUPL-1.2
"""The statement as PDF and XLSX, the proof download, the `statement` command and the inzage.

Lokaal Belang (raadslid1 chair, raadslid2 treasurer) accounts for 2025 in Gemeente Voorbeeld;
VVD (raadslid7 chair) is another fractie, wethouder1 the college, u-griffier another
municipality: they must get the same 404 as for an id that does not exist.
"""

import io
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from raadsloket.access.viewer import viewer_for
from raadsloket.audit.models import AuditEvent
from raadsloket.fractie_support import downloads
from raadsloket.fractie_support.expenses import answer_question, record_expense, review_expense
from raadsloket.fractie_support.exports import (
    PdfUnavailable,
    build_document,
    render_html,
    write_pdf,
    write_xlsx,
)
from raadsloket.fractie_support.statement import approve, figures, submit
from raadsloket.lib.money import euro
from raadsloket.organisation.models import Fractie
from raadsloket.privacy.inzage import export
from raadsloket.training.services import request_training

YEAR = 2025
# Inside 2025 and after it: the treasurer records, then submits the year's statement.
DURING = date(2025, 12, 20)
AFTER = date(2026, 1, 10)
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
INJECTION = '=HYPERLINK("http://example.invalid","klik")'
STRANGERS = ["raadslid7", "wethouder1", "ambtenaar1", "beheerder", "u-griffier"]


def proof(name: str = "bon.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def spend(world, fractie, on, amount, category, description, *, question="", name="bon.pdf"):
    treasurer = world["raadslid2"]
    return record_expense(
        viewer_for(treasurer),
        treasurer,
        fractie,
        on=on,
        amount=Decimal(amount),
        category=category,
        description=description,
        proof=proof(name),
        question=question,
        today=DURING,
    )


@pytest.fixture
def books(world, other_world):
    """Lokaal Belang's 2025: counted spending, a refused question, a rejected and an unclear line."""
    fractie = Fractie.objects.get(municipality=world.municipality, name="Lokaal Belang")
    griffier = world["griffier"]
    spend(world, fractie, date(2025, 2, 3), "400.00", "personeel", "Fractiemedewerker februari")
    spend(world, fractie, date(2025, 3, 14), "250.50", "onderzoek", "Advies begroting")
    spend(world, fractie, date(2025, 4, 1), "99.99", "kantoor", INJECTION, name="café-bon.pdf")
    asked = spend(
        world,
        fractie,
        date(2025, 5, 5),
        "75.00",
        "overig",
        "Bloemen voor een jubilaris",
        question="Mogen bloemen voor een jubilaris uit de ondersteuning?",
    )
    answer_question(
        viewer_for(griffier),
        griffier,
        asked.question,
        answer="not_allowed",
        reasoning="Een geschenk is volgens de verordening niet toegestaan.",
    )
    rejected = spend(world, fractie, date(2025, 6, 6), "30.25", "kantoor", "Dubbele factuur")
    review_expense(
        viewer_for(griffier), griffier, rejected, review="rejected", remark="Al eerder betaald."
    )
    unclear = spend(world, fractie, date(2025, 7, 7), "12.00", "vergaderkosten", "Zaalhuur")
    review_expense(
        viewer_for(griffier), griffier, unclear, review="unclear", remark="Voor het presidium."
    )
    return {"fractie": fractie, "rejected": rejected, "unclear": unclear, "asked": asked}


def current(world, fractie):
    return figures(fractie, YEAR, world.municipality.policy.fractie_support)


def pdf_url(fractie, year=YEAR):
    return reverse("fractie_support:statement_pdf", args=[fractie.pk, year])


def xlsx_url(fractie, year=YEAR):
    return reverse("fractie_support:statement_xlsx", args=[fractie.pk, year])


def proof_url(expense):
    return reverse("fractie_support:proof", args=[expense.pk])


# --- PDF ------------------------------------------------------------------------------------


def test_the_statement_html_holds_every_total_and_the_pdf_renders(world, books):
    fractie = books["fractie"]
    numbers = current(world, fractie)
    document = build_document(fractie, YEAR, world.municipality.policy)
    html = render_html(document)
    assert "Verantwoording fractieondersteuning 2025 — Lokaal Belang, Gemeente Voorbeeld" in html
    for amount in (
        numbers.allocation.total,
        numbers.spent,
        numbers.not_counted,
        numbers.balance,
        numbers.closing_reserve,
        numbers.to_repay,
        numbers.reserve_cap,
    ):
        assert euro(amount) in html
    # The unclear line counts until the presidium decides; the refused and rejected ones do not.
    assert numbers.spent == Decimal("762.49") and numbers.not_counted == Decimal("105.25")
    assert "Concept: deze verantwoording is nog niet vastgesteld" in html
    assert "niet toegestaan volgens het antwoord van de griffie" in html
    assert "Voor akkoord" in html and "Penningmeester" in html and "Fractievoorzitter" in html
    assert "15-02-2026" in html and "rechtstreeks aan de fractie" in html
    # User text is escaped, never markup.
    assert "=HYPERLINK(&quot;http://example.invalid&quot;,&quot;klik&quot;)" in html
    try:
        pdf = write_pdf(html)
    except PdfUnavailable:
        pytest.skip("WeasyPrint is not available here")
    assert pdf.startswith(b"%PDF")


def test_the_treasurer_downloads_the_pdf_as_an_attachment_and_it_is_audited(client, world, books):
    fractie = books["fractie"]
    client.force_login(world["raadslid2"])
    response = client.get(pdf_url(fractie))
    if response.status_code == 503:
        pytest.skip("WeasyPrint is not available here")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="verantwoording-lokaal-belang-2025.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    event = AuditEvent.objects.filter(action="budgets.statement_downloaded").get()
    assert event.actor_ref == "raadslid2"
    assert event.detail == {"fractie": fractie.pk, "year": 2025, "format": "pdf"}


def test_the_pdf_text_holds_the_totals_when_pdftotext_is_there(client, world, books, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed; the HTML the PDF is made from is checked above")
    fractie = books["fractie"]
    numbers = current(world, fractie)
    client.force_login(world["griffier"])
    response = client.get(pdf_url(fractie))
    if response.status_code == 503:
        pytest.skip("WeasyPrint is not available here")
    path = tmp_path / "verantwoording.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for amount in (
        numbers.allocation.total,
        numbers.spent,
        numbers.balance,
        numbers.closing_reserve,
        numbers.to_repay,
    ):
        assert euro(amount) in text
    assert "Voor akkoord" in text and "CONCEPT" in text


def test_without_weasyprint_the_pdf_is_a_dutch_503(client, world, books, monkeypatch):
    def unavailable(html):
        raise PdfUnavailable("no pango")

    monkeypatch.setattr(downloads, "write_pdf", unavailable)
    client.force_login(world["griffier"])
    response = client.get(pdf_url(books["fractie"]))
    assert response.status_code == 503
    assert "Download de verantwoording als Excel-bestand" in response.content.decode()
    assert not AuditEvent.objects.filter(action="budgets.statement_downloaded").exists()


# --- XLSX -----------------------------------------------------------------------------------


def money(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def summary_values(sheet) -> dict[str, object]:
    return {row[0].value: row[1].value for row in sheet.iter_rows(min_row=1) if row[0].value}


def test_the_xlsx_opens_and_adds_up_to_the_cent(client, world, books):
    fractie = books["fractie"]
    numbers = current(world, fractie)
    client.force_login(world["raadslid3"])  # a member of the fractie, not its treasurer
    response = client.get(xlsx_url(fractie))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="verantwoording-lokaal-belang-2025.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Verantwoording", "Uitgaven", "Toekenning"]
    values = summary_values(book["Verantwoording"])
    assert money(values["Beginreserve"]) == numbers.opening_reserve
    assert money(values["Toekenning"]) == numbers.allocation.total
    assert money(values["Besteed (telt mee)"]) == numbers.spent
    assert money(values["Telt niet mee"]) == numbers.not_counted
    assert money(values["Saldo"]) == numbers.balance
    assert money(values["Reservemaximum"]) == numbers.reserve_cap
    assert money(values["Eindreserve"]) == numbers.closing_reserve
    assert money(values["Terug te betalen"]) == numbers.to_repay
    assert money(values["Tekort"]) == numbers.deficit
    for label, category in ((c.label, c) for c in numbers.by_category):
        assert money(values[f"Besteed: {label}"]) == category.amount

    summary = book["Verantwoording"]
    rows = {row[0].value: row for row in summary.iter_rows() if row[0].value}
    # Beside the amounts, Excel recomputes them; "Klopt" compares both.
    assert rows["Saldo"][2].value.startswith("=B") and "-B" in rows["Saldo"][2].value
    assert rows["Eindreserve"][2].value.startswith("=MIN(MAX(")
    assert rows["Toekenning"][2].value == "=SUM(Toekenning!G2:G2)"
    assert rows["Saldo"][3].value.startswith("=IF(ROUND(")
    assert rows["Saldo"][1].number_format == "€ #,##0.00"

    expenses = book["Uitgaven"]
    lines = [row for row in expenses.iter_rows(min_row=2) if isinstance(row[0].value, date)]
    assert len(lines) == 6
    assert sum(money(row[3].value) for row in lines) == numbers.spent + numbers.not_counted
    counted = sum(money(row[3].value) for row in lines if row[5].value == "ja")
    assert counted == numbers.spent
    # A description that looks like a formula stays text.
    injected = next(row for row in lines if row[2].value == INJECTION)
    assert injected[2].data_type == "s"

    allocation = book["Toekenning"]
    parts = [row for row in allocation.iter_rows(min_row=2) if isinstance(row[0].value, date)]
    assert sum(money(row[6].value) for row in parts) == numbers.allocation.total


REFERENCE = re.compile(r"(?:(\w+)!)?\b([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?")


def evaluate(book, sheet: str, formula: str) -> Decimal:
    """The formulas the workbook writes (SUM, SUMIF, MIN, MAX, + and -), computed as Excel
    would, so the test proves the sheet adds up in a spreadsheet too."""

    def value(name, cell):
        found = book[name][cell].value
        return found if isinstance(found, str) else Decimal(str(found or 0))

    def cells(name, first_col, first_row, last_col, last_row):
        rows = book[name][f"{first_col}{first_row}:{last_col}{last_row}"]
        return [value(name, cell.coordinate) for row in rows for cell in row]

    def reference(match):
        name = match.group(1) or sheet
        if match.group(4):
            return f"R({name!r}, {match.group(2)!r}, {match.group(3)}, {match.group(4)!r}, {match.group(5)})"
        return f"V({name!r}, '{match.group(2)}{match.group(3)}')"

    def total(*parts):
        return sum(
            (x for part in parts for x in (part if isinstance(part, list) else [part])), Decimal(0)
        )

    names = {
        "R": cells,
        "V": value,
        "SUM": total,
        "MAX": max,
        "MIN": min,
        "SUMIF": lambda keys, wanted, amounts: sum(
            (a for k, a in zip(keys, amounts, strict=True) if k == wanted), Decimal(0)
        ),
    }
    expression = REFERENCE.sub(reference, formula.lstrip("="))
    return Decimal(eval(expression, {"__builtins__": {}}, names))  # noqa: S307


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"fractie_support": {"unspent": "repay"}},
        {"fractie_support": {"reserve_cap_percent": None}},
        # Spending above what was available: a deficit, nothing to keep or repay.
        {"fractie_support": {"fixed_per_fractie": "100.00", "per_seat": "10.00"}},
    ],
)
def test_every_check_formula_agrees_with_its_amount(world, books, overrides):
    world.municipality.policy_overrides = overrides
    world.municipality.save(update_fields=["policy_overrides"])
    book = load_workbook(
        io.BytesIO(write_xlsx(build_document(books["fractie"], YEAR, world.municipality.policy)))
    )
    summary = book["Verantwoording"]
    checked = 0
    for row in summary.iter_rows(min_row=1):
        label, amount, check = row[0].value, row[1].value, row[2].value
        if check is None or label is None or label == "Onderdeel":
            continue
        computed = check if not isinstance(check, str) else evaluate(book, summary.title, check)
        expected = money(amount) if not isinstance(amount, str) else Decimal(0)
        assert money(computed) == expected, label
        checked += 1
    assert (
        checked == 8
    )  # toekenning, beschikbaar, besteed, telt niet mee, saldo, eind, terug, tekort
    expenses = book["Uitgaven"]
    totals = {row[0].value: row[3].value for row in expenses.iter_rows() if row[0].value}
    numbers = current(world, books["fractie"])
    assert money(evaluate(book, "Uitgaven", totals["Totaal alle uitgaven"])) == (
        numbers.spent + numbers.not_counted
    )
    assert money(evaluate(book, "Uitgaven", totals["waarvan telt mee"])) == numbers.spent


def test_an_approved_statement_shows_the_snapshot_even_after_the_profile_changed(
    client, world, books
):
    fractie, griffier = books["fractie"], world["griffier"]
    treasurer = world["raadslid2"]
    # The unclear line must be judged before approval.
    review_expense(viewer_for(griffier), griffier, books["unclear"], review="ok")
    submit(viewer_for(treasurer), treasurer, fractie, YEAR, today=AFTER)
    approve(viewer_for(griffier), griffier, fractie, YEAR)
    approved = current(world, fractie)
    world.municipality.policy_overrides = {"fractie_support": {"per_seat": "500.00"}}
    world.municipality.save(update_fields=["policy_overrides"])
    changed = current(world, fractie)
    assert changed.allocation.total != approved.allocation.total
    document = build_document(fractie, YEAR, world.municipality.policy)
    assert document.approved and document.totals.allocation == approved.allocation.total
    assert document.totals.closing_reserve == approved.closing_reserve
    html = render_html(document)
    assert "Concept" not in html and "vastgesteld op" in html
    client.force_login(griffier)
    book = load_workbook(io.BytesIO(client.get(xlsx_url(fractie)).content))
    values = summary_values(book["Verantwoording"])
    assert money(values["Toekenning"]) == approved.allocation.total
    assert money(values["Saldo"]) == approved.balance


# --- who may download -----------------------------------------------------------------------


@pytest.mark.parametrize("username", STRANGERS)
def test_strangers_get_404_on_the_statement_and_the_proof(client, world, books, username):
    people = {**world.people}
    stranger = people.get(username) or _other(username)
    client.force_login(stranger)
    fractie = books["fractie"]
    responses = [
        client.get(pdf_url(fractie)),
        client.get(xlsx_url(fractie)),
        client.get(proof_url(books["rejected"])),
    ]
    assert [r.status_code for r in responses] == [404, 404, 404]


def _other(username):
    from raadsloket.organisation.models import Person

    return Person.objects.get(username=username)


def test_missing_ids_and_odd_years_are_the_same_404(client, world, books):
    fractie = books["fractie"]
    client.force_login(world["griffier"])
    assert client.get(pdf_url(fractie, 1999)).status_code == 404
    assert client.get(xlsx_url(fractie, 9999)).status_code == 404
    assert client.get(f"/fractieondersteuning/{2**64}/2025/verantwoording.pdf").status_code == 404
    assert client.get(f"/fractieondersteuning/uitgaven/{2**64}/bewijsstuk").status_code == 404
    assert client.get("/fractieondersteuning/uitgaven/999999/bewijsstuk").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, books):
    response = client.get(pdf_url(books["fractie"]))
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_the_proof_is_an_attachment_with_nosniff_and_its_own_name(client, world, books):
    expense = books["fractie"].expenses.get(description=INJECTION)
    client.force_login(world["raadslid2"])
    response = client.get(proof_url(expense))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''caf%C3%A9-bon.pdf" in disposition
    assert b"".join(response.streaming_content) == PDF_BYTES
    event = AuditEvent.objects.filter(action="budgets.proof_downloaded").get()
    assert event.detail == {"fractie": expense.fractie_id, "expense": expense.pk}


def test_the_presidium_sees_the_proof_of_an_unclear_expense_only(client, world, books):
    client.force_login(world["raadslid7"])  # chair of the VVD
    assert client.get(proof_url(books["unclear"])).status_code == 200
    assert client.get(proof_url(books["rejected"])).status_code == 404
    assert client.get(pdf_url(books["fractie"])).status_code == 404


# --- the command line -----------------------------------------------------------------------


def test_the_statement_command_prints_and_writes_both_files(world, books, tmp_path):
    fractie = books["fractie"]
    numbers = current(world, fractie)
    out, err = io.StringIO(), io.StringIO()
    pdf, xlsx = tmp_path / "verantwoording.pdf", tmp_path / "verantwoording.xlsx"
    try:
        call_command(
            "statement",
            "--gemeente",
            "voorbeeld",
            "--fractie",
            "lokaal belang",
            "--jaar",
            "2025",
            "--pdf",
            str(pdf),
            "--xlsx",
            str(xlsx),
            stdout=out,
            stderr=err,
        )
    except CommandError as error:
        if "WeasyPrint" not in str(error):
            raise
        pytest.skip("WeasyPrint is not available here")
    text = out.getvalue()
    assert "Verantwoording fractieondersteuning 2025 — Lokaal Belang, Gemeente Voorbeeld" in text
    for amount in (
        numbers.allocation.total,
        numbers.spent,
        numbers.balance,
        numbers.closing_reserve,
        numbers.to_repay,
    ):
        assert euro(amount) in text
    assert "Fractiemedewerkers, vrijwilligers en beroepskrachten" in text
    assert pdf.read_bytes().startswith(b"%PDF")
    book = load_workbook(xlsx)
    assert money(summary_values(book["Verantwoording"])["Saldo"]) == numbers.balance
    event = AuditEvent.objects.filter(action="budgets.statement_exported").get()
    assert event.actor_ref == "opdrachtregel" and event.detail["formats"] == [
        "tekst",
        "pdf",
        "xlsx",
    ]


def test_the_command_finds_a_fractie_by_number(world, books):
    out = io.StringIO()
    call_command(
        "statement",
        "--gemeente",
        "voorbeeld",
        "--fractie",
        str(books["fractie"].pk),
        "--jaar",
        "2025",
        stdout=out,
    )
    assert "Lokaal Belang" in out.getvalue()


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--gemeente", "nergens", "--fractie", "VVD", "--jaar", "2025"],
            "Gemeente 'nergens' bestaat niet",
        ),
        (
            ["--gemeente", "voorbeeld", "--fractie", "Piratenpartij", "--jaar", "2025"],
            "Fractie 'Piratenpartij' bestaat niet in Gemeente Voorbeeld",
        ),
        (
            ["--gemeente", "voorbeeld", "--fractie", "99999999", "--jaar", "2025"],
            "bestaat niet in Gemeente Voorbeeld",
        ),
        (
            ["--gemeente", "voorbeeld", "--fractie", "VVD", "--jaar", "twintig"],
            "Ongeldig jaar 'twintig'",
        ),
        (["--gemeente", "voorbeeld", "--fractie", "VVD", "--jaar", "1850"], "Ongeldig jaar"),
        (["--gemeente", "voorbeeld", "--fractie", "VVD"], "geef --jaar"),
        (["--fractie", "VVD", "--jaar", "2025"], "Geef de gemeente op"),
        (
            ["--gemeente", "domstede", "--fractie", "VVD", "--jaar", "2025"],
            "kent geen fractieondersteuning",
        ),
    ],
)
def test_the_command_fails_cleanly_in_dutch_with_exit_code_2(world, other_world, args, message):
    # Domstede pays no fractieondersteuning through raadsloket.
    other_world.municipality.policy_overrides = {"fractie_support": {"enabled": False}}
    other_world.municipality.save(update_fields=["policy_overrides"])
    with pytest.raises(CommandError) as raised:
        call_command("statement", *args, stdout=io.StringIO())
    assert message in str(raised.value)
    assert raised.value.returncode == 2


# --- AVG inzage -----------------------------------------------------------------------------


def test_the_inzage_holds_recorded_expenses_questions_and_training_requests(world, books):
    member = world["raadslid2"]
    request_training(
        viewer_for(member),
        member,
        kind="personal",
        title="Begroting lezen",
        provider="Raadslid.nu",
        start_date=date(2026, 12, 1),
        cost=Decimal("350.00"),
        purpose="Beter de begroting kunnen lezen en bevragen.",
        not_party_political=True,
    )
    data = export(member)
    assert [row["Opleiding"] for row in data["opleidingen"]] == ["Begroting lezen"]
    assert data["opleidingen"][0]["Kosten"] == "€ 350,00"
    assert len(data["uitgaven_fractie"]) == 6
    assert {row["Fractie"] for row in data["uitgaven_fractie"]} == {"Lokaal Belang"}
    assert data["vragen_fractieondersteuning"][0]["Antwoord"] == "niet toegestaan"
    # Someone who recorded nothing sees none of it.
    other = export(world["raadslid3"])
    assert other["uitgaven_fractie"] == [] and other["vragen_fractieondersteuning"] == []
