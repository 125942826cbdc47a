# SPDX-License-Identifier: EUPL-1.2
"""Importing a register the griffie keeps in Excel: every bad row in Dutch and nothing stored
until all rows are good; then all rows in one transaction (command and upload page)."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from raadsloket.access.viewer import viewer_for
from raadsloket.audit.models import AuditEvent
from raadsloket.registers.imports import COLUMNS, run_import
from raadsloket.registers.models import Commitment, Motion

pytestmark = pytest.mark.django_db

HEADER = list(COLUMNS["motie"])
ROWS = 500
# Row index (0-based, data rows) → (column, bad value): exactly one fault per row.
FAULTS = {
    10: ("vergaderdatum", "31-02-2026"),
    99: ("indieners", "raadslid1; onbekend persoon"),
    250: ("uitkomst", "gewonnen"),
    333: ("titel", ""),
    498: ("nummer", "M-2026-0001"),  # the number of the first row again
}


def _rows(faults=None) -> list[list[str]]:
    due = (date.today() + timedelta(days=60)).strftime("%d-%m-%Y")
    rows = []
    for index in range(ROWS):
        adopted = index % 3 == 0
        row = {
            "nummer": f"M-2026-{index + 1:04d}",
            "titel": f"Motie {index + 1} over de wijk",
            "vergaderdatum": "12-03-2026",
            "uitkomst": "aangenomen" if adopted else "verworpen",
            "indieners": "raadslid1; raadslid2",
            "tekst": "De raad verzoekt het college ...",
            "agendapunt": "8",
            "mede-indieners": "",
            "stemmen": "VVD: voor; CDA: tegen",
            "portefeuillehouder": "wethouder1" if adopted else "",
            "uiterlijk": due if adopted else "",
            "uitvoering": "",
            "kenmerk collegebrief": "",
            "afgedaan op": "",
        }
        column, value = (faults or {}).get(index, (None, None))
        if column:
            row[column] = value
        rows.append([row[name] for name in HEADER])
    return rows


def _csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_five_bad_rows_give_five_dutch_messages_and_nothing_is_stored(world):
    griffie = viewer_for(world["griffier"])
    report = run_import(griffie, "motie", "register.csv", _csv(_rows(FAULTS)), dry_run=False)
    assert report.rows == ROWS
    assert [str(error) for error in report.errors] == [
        "Rij 12, kolom 'vergaderdatum': '31-02-2026' is geen datum; gebruik dd-mm-jjjj, "
        "bijvoorbeeld 14-03-2026.",
        "Rij 101, kolom 'indieners': 'onbekend persoon' is geen bekende persoon van deze gemeente.",
        "Rij 252, kolom 'uitkomst': 'gewonnen' is geen uitkomst; kies uit: aangenomen, verworpen, "
        "ingetrokken, aangehouden.",
        "Rij 335, kolom 'titel': is leeg; vul deze kolom in.",
        "Rij 500, kolom 'nummer': nummer M-2026-0001 staat ook in rij 2.",
    ]
    assert report.stored == 0
    assert not Motion.objects.exists()
    assert not AuditEvent.objects.filter(action="register_import").exists()


def test_the_fixed_file_is_stored_whole_in_one_transaction(world):
    griffie = viewer_for(world["griffier"])
    content = _xlsx(_rows())
    dry = run_import(griffie, "motie", "register.xlsx", content, dry_run=True)
    assert dry.ok and dry.rows == ROWS and not Motion.objects.exists()
    report = run_import(griffie, "motie", "register.xlsx", content, dry_run=False)
    assert report.stored == ROWS
    assert Motion.objects.filter(municipality=world.municipality).count() == ROWS
    adopted = Motion.objects.get(number="M-2026-0001")
    assert adopted.execution == Motion.Execution.IN_PROGRESS
    assert adopted.portfolio_holder == world["wethouder1"]
    assert sorted(adopted.votes.values_list("fractie__name", "choice")) == [
        ("CDA", "against"),
        ("VVD", "for"),
    ]
    assert AuditEvent.objects.filter(action="register_import").count() == 1


def test_a_failure_after_the_last_row_is_stored_stores_no_row(world, monkeypatch):
    """The rows and the audit event are one transaction: when the event cannot be written,
    no row stays."""
    from raadsloket.registers import imports

    def failing(*args, **kwargs):
        assert Motion.objects.count() == ROWS  # every row was written before the event
        raise RuntimeError("audit chain unavailable")

    monkeypatch.setattr(imports, "record", failing)
    with pytest.raises(RuntimeError):
        run_import(viewer_for(world["griffier"]), "motie", "r.csv", _csv(_rows()), dry_run=False)
    assert not Motion.objects.exists()


def test_only_the_griffie_imports(world):
    from raadsloket.lib.errors import Forbidden

    with pytest.raises(Forbidden):
        run_import(viewer_for(world["raadslid1"]), "motie", "r.csv", _csv(_rows()), dry_run=True)


def test_the_command_reports_bad_rows_and_imports_a_good_commitment_register(world, tmp_path):
    path = tmp_path / "toezeggingen.csv"
    header = [
        "nummer",
        "titel",
        "portefeuillehouder",
        "vergadering",
        "vergaderdatum",
        "toegezegd aan",
        "toezegging",
        "uiterlijk",
        "status",
        "besluit",
    ]
    holder = world["wethouder2"].display_name
    good = [
        "T-1",
        "Brief zwembad",
        holder,
        "Raad",
        "01-02-2026",
        "de raad",
        "Een brief",
        "01-04-2026",
        "open",
        "",
    ]
    bad = [
        "T-2",
        "Notitie",
        holder,
        "Raad",
        "01-02-2026",
        "de raad",
        "Een notitie",
        "01-04-2026",
        "afgedaan",
        "",
    ]
    path.write_text(";".join(header) + "\n" + ";".join(good) + "\n" + ";".join(bad) + "\n")
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 fout"):
        call_command(
            "register_import", "toezegging", str(path), "--gemeente", "voorbeeld", stdout=out
        )
    assert "Rij 3, kolom 'besluit': een afgedane toezegging noemt het besluit" in out.getvalue()
    assert not Commitment.objects.exists()
    path.write_text(
        ";".join(header) + "\n" + ";".join(good) + "\n" + ";".join(bad[:-1]) + ";Raad 3-3\n"
    )
    call_command(
        "register_import",
        "toezegging",
        str(path),
        "--gemeente",
        "voorbeeld",
        "--dry-run",
        stdout=out,
    )
    assert "Proefimport: 2 rijen zijn goed; niets opgeslagen." in out.getvalue()
    assert not Commitment.objects.exists()
    call_command("register_import", "toezegging", str(path), "--gemeente", "voorbeeld", stdout=out)
    assert sorted(Commitment.objects.values_list("number", "status")) == [
        ("T-1", "open"),
        ("T-2", "done"),
    ]


def test_the_upload_page_checks_first_and_stores_on_confirmation(world, login):
    client = login(world["griffier"])
    upload = SimpleUploadedFile("register.csv", _csv(_rows(FAULTS)), content_type="text/csv")
    response = client.post("/registers/importeren", {"kind": "motie", "file": upload})
    assert response.status_code == 200
    assert "5 fouten gevonden; er is niets opgeslagen" in response.content.decode()
    assert "Rij 335, kolom &#x27;titel&#x27;: is leeg" in response.content.decode()
    assert 'name="bevestig"' not in response.content.decode()
    upload = SimpleUploadedFile("register.csv", _csv(_rows()), content_type="text/csv")
    response = client.post("/registers/importeren", {"kind": "motie", "file": upload})
    assert "Alle 500 rijen zijn goed" in response.content.decode()
    assert not Motion.objects.exists()
    token = response.context["token"]
    # Someone else cannot confirm the griffier's checked file.
    other = login(world["raadsadviseur"])
    other.post("/registers/importeren", {"bevestig": "ja", "bestand": token})
    assert not Motion.objects.exists()
    client = login(world["griffier"])
    response = client.post("/registers/importeren", {"bevestig": "ja", "bestand": token})
    assert response.status_code == 302
    assert Motion.objects.count() == ROWS
