# SPDX-License-Identifier: EUPL-1.2
"""A year of fractieondersteuning and opleidingsbudget for the demo.

Everything goes through the services the treasurers and the griffie use, so the audit chain
holds every step. Two years: the previous one, closed and mostly approved (so the current year
opens with the carried-over reserves), and the current one up to today. In the previous year two
members of Lokaal Belang split off on 1 July as "Groep Van Dam" (RULES.md, "Mid-term changes
... pro-rate the amounts").
"""

import zlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.demo.people import World
from raadsloket.fractie_support import expenses, statement
from raadsloket.fractie_support.allocation import allocate
from raadsloket.fractie_support.models import Expense, SpendingQuestion
from raadsloket.fractie_support.seats import periods_for, split_fractie
from raadsloket.lib.money import cents, euro
from raadsloket.organisation.models import Fractie, Person, RoleAssignment
from raadsloket.organisation.roles import Role
from raadsloket.training import services as training
from raadsloket.training.models import TrainingRequest

SPLIT_NAME = "Groep Van Dam"
SPLIT_FROM = "Lokaal Belang"
# The members that leave Lokaal Belang (6 seats: raadslid1..6); the first chairs the new fractie,
# the second keeps its books.
SPLIT_MEMBERS = ("raadslid5", "raadslid6")

# One year of a fractie's spending: (month, day, category, description, supplier, weight). The
# weights add up to 1: a fractie's spending is its target spread over these lines.
YEAR_OF_SPENDING = [
    (1, 14, "kantoor", "Abonnement vakblad Binnenlands Bestuur (jaar)", "Sdu Uitgevers", 5),
    (
        2,
        11,
        "personeel",
        "Fractiemedewerker: ondersteuning januari en februari (urenstaat)",
        "Fractiebureau De Brug",
        12,
    ),
    (3, 12, "achterban", "Drukwerk: flyers wijkavond", "Drukkerij Van der Velden", 8),
    (4, 8, "vergaderkosten", "Zaalhuur fractievergadering", "Buurthuis De Linde", 4),
    (
        5,
        20,
        "onderzoek",
        "Peiling onder inwoners over het parkeerbeleid",
        "Onderzoeksbureau Stemming",
        14,
    ),
    (
        6,
        17,
        "personeel",
        "Fractiemedewerker: ondersteuning maart tot en met juni (urenstaat)",
        "Fractiebureau De Brug",
        14,
    ),
    (
        9,
        12,
        "fractiescholing",
        "Trainingsdag debatvaardigheden voor de fractie",
        "Debatacademie Midden",
        12,
    ),
    (10, 6, "achterban", "Websitehosting en domeinnaam (jaar)", "Hostnet", 4),
    (
        10,
        27,
        "vergaderkosten",
        "Zaalhuur en koffie: hoorzitting over de begroting",
        "Wijkcentrum Het Anker",
        5,
    ),
    (
        11,
        14,
        "personeel",
        "Fractiemedewerker: ondersteuning begrotingsbehandeling (urenstaat)",
        "Fractiebureau De Brug",
        16,
    ),
    (
        12,
        11,
        "kantoor",
        "Software voor vergaderstukken en printercartridges",
        "Kantoorvakhandel Noord",
        6,
    ),
]

# A smaller demo municipality spends on fewer lines (still personnel, research, training,
# communication and the website): the demo loads in a few seconds.
SMALL_YEAR = [YEAR_OF_SPENDING[i] for i in (1, 4, 6, 7, 9)]

# The previous year per fractie: share of the allocation spent, and how its statement ended.
# VVD underspends and hits the reserve cap (25%: the rest is repaid); GroenLinks-PvdA overspends
# slightly; D66's statement was returned; ChristenUnie has not submitted (overdue).
PREVIOUS_YEAR = {
    "Lokaal Belang": (Decimal("0.87"), "approved"),
    "VVD": (Decimal("0.60"), "approved"),
    "GroenLinks-PvdA": (Decimal("1.03"), "approved"),
    "CDA": (Decimal("0.90"), "approved"),
    "D66": (Decimal("0.80"), "returned"),
    "ChristenUnie": (Decimal("0.78"), "open"),
    "SP": (Decimal("0.95"), "approved"),
    "Partij voor de Dieren": (Decimal("0.92"), "approved"),
    SPLIT_NAME: (Decimal("0.85"), "approved"),
}
# The pace of spending this year, as a share of the year's allocation over the whole year.
CURRENT_PACE = {
    "Lokaal Belang": Decimal("0.90"),
    "VVD": Decimal("0.70"),
    "GroenLinks-PvdA": Decimal("0.80"),
    "CDA": Decimal("0.85"),
    "D66": Decimal("0.80"),
    "ChristenUnie": Decimal("0.75"),
    "SP": Decimal("0.90"),
    "Partij voor de Dieren": Decimal("0.88"),
    SPLIT_NAME: Decimal("0.80"),
}
# The reserve SP had before raadsloket, entered by the griffie.
SP_OPENING_RESERVE = Decimal("180.00")


@dataclass
class BudgetSummary:
    expenses: int = 0
    questions: int = 0
    splits: int = 0
    training_requests: int = 0

    def line(self) -> str:
        splits = "afsplitsing" if self.splits == 1 else "afsplitsingen"
        return (
            f"Fractieondersteuning: {self.expenses} uitgaven, {self.questions} vragen, "
            f"{self.splits} {splits}; opleidingsbudget: {self.training_requests} aanvragen."
        )


def _pdf_text(value: str) -> bytes:
    escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252", errors="replace")


def invoice_pdf(title: str, lines: list[str]) -> bytes:
    """A small but complete one-page PDF (a demo invoice) that every PDF reader opens.

    Built by hand, with a correct cross-reference table, so the demo stays fast: WeasyPrint would
    take a noticeable fraction of a second per proof.
    """
    text = [b"BT", b"/F2 16 Tf", b"56 780 Td", b"(" + _pdf_text(title) + b") Tj", b"/F1 11 Tf"]
    text += [b"18 TL", b"T*"]
    for line in lines:
        text.append(b"(" + _pdf_text(line) + b") '")
    text.append(b"ET")
    content = zlib.compress(b"\n".join(text))
    fonts = " ".join(
        f"/F{n} << /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>"
        for n, font in ((1, "Helvetica"), (2, "Helvetica-Bold"))
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << " + fonts.encode() + b" >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
        b"<< /Title (" + _pdf_text(title) + b") /Producer (raadsloket demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _proof(fractie: Fractie, on: date, amount: Decimal, description: str, supplier: str):
    number = f"{on:%Y%m%d}-{fractie.pk:03d}-{int(amount * 100) % 10000:04d}"
    content = invoice_pdf(
        f"Factuur {number}",
        [
            supplier,
            "",
            f"Aan: fractie {fractie.name}, {fractie.municipality.name}",
            f"Factuurdatum: {on:%d-%m-%Y}",
            "",
            f"Omschrijving: {description}",
            f"Bedrag (incl. btw): {euro(amount)}",
            "",
            "Voldaan.",
        ],
    )
    return SimpleUploadedFile(f"factuur-{number}.pdf", content, content_type="application/pdf")


class _Books:
    """The demo's treasurers and griffie at work in one municipality."""

    def __init__(self, world: World, today: date, small: bool):
        self.world = world
        self.today = today
        self.rows = SMALL_YEAR if small else YEAR_OF_SPENDING
        self.municipality = world.municipality
        self.support = self.municipality.policy.fractie_support
        self.summary = BudgetSummary()
        self.griffier = self.person("griffier")

    def person(self, username: str) -> Person:
        # Fresh from the database: a split moves people to another fractie, and a person's
        # access context is cached on the object.
        return Person.objects.select_related("municipality").get(pk=self.world[username].pk)

    def fractie(self, name: str) -> Fractie:
        return Fractie.objects.select_related("municipality").get(
            municipality=self.municipality, name=name
        )

    def treasurer(self, fractie: Fractie) -> Person:
        return (
            Person.objects.select_related("municipality")
            .filter(fractie=fractie, role_assignments__role=Role.FRACTIE_TREASURER)
            .order_by("pk")
            .first()
        )

    def spend(
        self,
        fractie: Fractie,
        on: date,
        amount: Decimal,
        category: str,
        description: str,
        supplier: str,
        question: str = "",
    ) -> Expense:
        treasurer = self.treasurer(fractie)
        expense = expenses.record_expense(
            viewer_for(treasurer),
            treasurer,
            fractie,
            on=on,
            amount=amount,
            category=category,
            description=description,
            proof=_proof(fractie, on, amount, description, supplier),
            question=question,
            today=self.today,
        )
        self.summary.expenses += 1
        self.summary.questions += bool(question)
        return expense

    def spend_year(self, fractie: Fractie, year: int, share: Decimal, offset: int) -> None:
        """Spread `share` of the year's allocation over the lines dated in the fractie's seats.

        The last line takes the rounding difference, so the year adds up to the exact target;
        lines dated after today are not spent yet.
        """
        allocation = allocate(self.support, year, periods_for(fractie))
        first = allocation.lines[0].start if allocation.lines else date(year, 1, 1)
        rows = [row for row in self.rows if date(year, row[0], row[1]) >= first]
        weights = sum(row[5] for row in rows)
        target = cents(allocation.total * share)
        spent = Decimal("0.00")
        for index, (month, day, category, description, supplier, weight) in enumerate(rows):
            on = date(year, month, min(28, day + offset))
            amount = target - spent if index == len(rows) - 1 else cents(target * weight / weights)
            spent += amount
            if on <= self.today:
                self.spend(fractie, on, amount, category, description, supplier)

    def on(self, year: int, month: int, day: int) -> date:
        return min(date(year, month, day), self.today)

    def answer(self, expense: Expense, answer: str, reasoning: str) -> None:
        expenses.answer_question(
            viewer_for(self.griffier),
            self.griffier,
            expense.question,
            answer=answer,
            reasoning=reasoning,
        )

    def review(self, expense: Expense, review: str, remark: str = "") -> None:
        expenses.review_expense(
            viewer_for(self.griffier), self.griffier, expense, review=review, remark=remark
        )


def load_budgets(world: World, *, today: date | None = None, small: bool = False) -> BudgetSummary:
    """Two years of fractieondersteuning and opleidingsbudget, made through the services."""
    books = _Books(world, today or timezone.localdate(), small)
    current = books.today.year
    previous = current - 1
    _split(books, previous)
    _previous_year(books, previous)
    _current_year(books, current)
    _training(books, previous, current)
    return books.summary


def _split(books: _Books, year: int) -> None:
    """On 1 July two members leave Lokaal Belang and go on as Groep Van Dam."""
    old = books.fractie(SPLIT_FROM)
    leaving = [books.person(username) for username in SPLIT_MEMBERS]
    split_fractie(
        old, date(year, 7, 1), name=SPLIT_NAME, seats=2, members=leaving, actor=books.griffier
    )
    chair, treasurer = leaving
    RoleAssignment.objects.get_or_create(person=chair, role=Role.FRACTIE_CHAIR)
    RoleAssignment.objects.get_or_create(person=treasurer, role=Role.FRACTIE_TREASURER)
    books.summary.splits += 1


def _previous_year(books: _Books, year: int) -> None:
    griffie = viewer_for(books.griffier)
    sp = books.fractie("SP")
    statement.set_opening_reserve(griffie, books.griffier, sp, year, SP_OPENING_RESERVE)
    fracties = list(Fractie.objects.filter(municipality=books.municipality).order_by("pk"))
    for offset, fractie in enumerate(fracties):
        share, _ = PREVIOUS_YEAR[fractie.name]
        books.spend_year(fractie, year, share, offset)

    # Questions to the griffie, answered: precedents for every fractie.
    asked = books.spend(
        sp,
        date(year, 4, 24),
        Decimal("38.40"),
        "overig",
        "Reis- en parkeerkosten werkbezoek afvalverwerker",
        "Q-Park",
        question="Mogen wij de reis- en parkeerkosten van een werkbezoek aan de regionale "
        "afvalverwerker uit de fractieondersteuning betalen? Het bezoek was ter voorbereiding "
        "op het raadsvoorstel over het nieuwe afvalbeleid.",
    )
    books.answer(
        asked,
        SpendingQuestion.Answer.ALLOWED,
        "Een werkbezoek ter voorbereiding op een raadsbesluit hoort bij het raadswerk; de reis- "
        "en parkeerkosten zijn toegestaan, mits het raadslid ze niet al via de eigen "
        "onkostenvergoeding declareert.",
    )
    cda = books.fractie("CDA")
    asked = books.spend(
        cda,
        date(year, 6, 28),
        Decimal("65.00"),
        "overig",
        "Bloemen en boekenbon voor de vertrekkende fractiemedewerker",
        "Bloemenhuis Flora",
        question="Mogen wij een bos bloemen en een boekenbon voor onze vertrekkende "
        "fractiemedewerker uit de fractieondersteuning betalen, als dank voor vier jaar werk?",
    )
    books.answer(
        asked,
        SpendingQuestion.Answer.NOT_ALLOWED,
        "Een bedankje is een cadeau; de verordening sluit relatiegeschenken en cadeaus uit. "
        "Betaal dit uit eigen middelen van de fractie of de partij.",
    )
    gl = books.fractie("GroenLinks-PvdA")
    dinner = books.spend(
        gl,
        date(year, 12, 18),
        Decimal("142.50"),
        "vergaderkosten",
        "Diner na de laatste fractievergadering van het jaar",
        "Restaurant De Waag",
    )

    # The griffie reviews, then the statements go their ways.
    books.review(
        dinner,
        Expense.Review.REJECTED,
        "Een diner is geen vergaderkost; de verordening staat zaalhuur en vergaderkosten toe.",
    )
    cda_first = Expense.objects.filter(fractie=cda, year=year).order_by("date", "pk").first()
    books.review(
        cda_first,
        Expense.Review.REMARK,
        "De factuur staat op naam van het raadslid; graag voortaan op naam van de fractie.",
    )
    for fractie in fracties:
        _, outcome = PREVIOUS_YEAR[fractie.name]
        if outcome == "open":
            continue
        treasurer = books.treasurer(fractie)
        statement.submit(viewer_for(treasurer), treasurer, fractie, year, today=books.today)
        if outcome == "returned":
            statement.return_statement(
                griffie,
                books.griffier,
                fractie,
                year,
                remark="Bij de drukwerkfactuur van maart ontbreekt de specificatie; voeg die toe "
                "en dien de verantwoording opnieuw in.",
            )
            continue
        for expense in Expense.objects.filter(fractie=fractie, year=year, review="")[:2]:
            books.review(expense, Expense.Review.OK)
        approved = statement.approve(griffie, books.griffier, fractie, year)
        if Decimal(approved.snapshot["to_repay"]) > 0:
            statement.record_repayment(
                griffie, books.griffier, fractie, year, on=books.on(year + 1, 3, 12)
            )


def _current_year(books: _Books, year: int) -> None:
    fracties = list(Fractie.objects.filter(municipality=books.municipality).order_by("pk"))
    for offset, fractie in enumerate(fracties):
        books.spend_year(fractie, year, CURRENT_PACE[fractie.name], offset)

    gl = books.fractie("GroenLinks-PvdA")
    asked = books.spend(
        gl,
        books.on(year, 3, 5),
        Decimal("295.00"),
        "overig",
        "Gebarentolk bij de bewonersavond over het centrum",
        "Tolkenbureau Handtaal",
        question="Mogen wij een gebarentolk inhuren voor onze bewonersavond over de "
        "herinrichting van het centrum, zodat ook dove inwoners kunnen meepraten?",
    )
    books.answer(
        asked,
        SpendingQuestion.Answer.ALLOWED,
        "Een toegankelijke achterbanraadpleging hoort bij de raadpleging zelf; de kosten van "
        "de tolk zijn toegestaan.",
    )
    lokaal = books.fractie(SPLIT_FROM)
    asked = books.spend(
        lokaal,
        books.on(year, 4, 2),
        Decimal("350.00"),
        "overig",
        "Contributie Vereniging van Lokale Politieke Partijen",
        "Vereniging van Lokale Politieke Partijen",
        question="Mogen wij de contributie van de landelijke vereniging van lokale partijen "
        "betalen? De vereniging geeft ook scholing en juridisch advies aan raadsleden.",
    )
    books.answer(
        asked,
        SpendingQuestion.Answer.PRESIDIUM,
        "Het is onduidelijk of dit een betaling aan een politieke partij is of advies voor het "
        "raadswerk; het presidium beslist hierover in zijn volgende vergadering.",
    )
    books.spend(
        books.fractie("D66"),
        books.on(year, 5, 16),
        Decimal("180.00"),
        "overig",
        "Fotograaf voor de portretfoto's op de fractiewebsite",
        "Fotostudio Licht",
        question="Mogen wij de kosten van een fotograaf voor de portretfoto's op onze "
        "fractiewebsite uit de fractieondersteuning betalen?",
    )
    lunch = books.spend(
        books.fractie("Partij voor de Dieren"),
        books.on(year, 6, 3),
        Decimal("86.50"),
        "vergaderkosten",
        "Lunch met bewoners en wethouder na werkbezoek kinderboerderij",
        "Lunchroom De Boerderij",
    )
    books.review(
        lunch,
        Expense.Review.UNCLEAR,
        "Onduidelijk of een lunch met een wethouder vergaderkosten van de fractie zijn; "
        "voorgelegd aan het presidium.",
    )


# (year offset, member, kind, title, provider, month, day, cost, purpose, decision)
# decision: "approved", "refused: <reason>", "withdrawn" or "" (waiting for the griffie).
TRAINING_REQUESTS = [
    (
        -1,
        "raadslid3",
        TrainingRequest.Kind.PERSONAL,
        "Cursus Grip op financiën",
        "Raadslid.Nu",
        3,
        20,
        "495.00",
        "De begroting en de jaarrekening zelfstandig kunnen lezen en er amendementen op schrijven.",
        "approved",
    ),
    (
        -1,
        "raadslid12",
        TrainingRequest.Kind.PERSONAL,
        "Training debatteren in de raad",
        "Debatacademie Midden",
        10,
        2,
        "650.00",
        "Sterker debatteren in de raadsvergadering en interrupties beter pareren.",
        "approved",
    ),
    (
        -1,
        "raadslid1",
        TrainingRequest.Kind.COLLECTIVE,
        "Integriteitstraining voor de voltallige raad",
        "Bureau Integriteit Publiek",
        4,
        15,
        "3200.00",
        "Gezamenlijke training over integriteit en belangenverstrengeling, zoals het "
        "presidium heeft afgesproken.",
        "approved",
    ),
    (
        0,
        "raadslid7",
        TrainingRequest.Kind.PERSONAL,
        "Leergang Omgevingswet voor raadsleden",
        "VNG Academie",
        9,
        18,
        "945.00",
        "De kaderstellende rol van de raad onder de Omgevingswet goed kunnen invullen.",
        "approved",
    ),
    (
        0,
        "raadslid14",
        TrainingRequest.Kind.PERSONAL,
        "Campagnetraining: zichtbaar worden in de wijk",
        "Politieke Academie",
        10,
        4,
        "400.00",
        "Beter contact met inwoners in de wijken en meer bekendheid.",
        "refused: Deze training is gericht op campagne voeren voor de partij; dat is "
        "partijpolitieke scholing en valt niet onder het opleidingsbudget.",
    ),
    (
        0,
        "raadslid20",
        TrainingRequest.Kind.PERSONAL,
        "Cursus effectief lezen van raadsstukken",
        "Raadslid.Nu",
        11,
        12,
        "275.00",
        "Sneller de kern uit dikke raadsvoorstellen halen.",
        "",
    ),
    (
        0,
        "raadslid25",
        TrainingRequest.Kind.PERSONAL,
        "Masterclass digitale veiligheid",
        "Centrum Digitale Weerbaarheid",
        10,
        30,
        "350.00",
        "Weten hoe ik mijn e-mail en stukken als raadslid veilig houd.",
        "withdrawn",
    ),
    (
        0,
        "raadslid9",
        TrainingRequest.Kind.COLLECTIVE,
        "Werksessie Omgevingswet voor de hele raad",
        "VNG Academie",
        6,
        11,
        "2400.00",
        "De hele raad op de hoogte van de nieuwe rol bij omgevingsplannen, zoals in het "
        "presidium afgesproken.",
        "approved",
    ),
]


def _training(books: _Books, previous: int, current: int) -> None:
    griffie = viewer_for(books.griffier)
    training.set_year_budget(
        griffie,
        books.griffier,
        books.municipality,
        previous,
        collective=Decimal("8000.00"),
        personal=Decimal("750.00"),
        decision=f"Raadsbesluit begroting {previous}",
    )
    training.set_year_budget(
        griffie,
        books.griffier,
        books.municipality,
        current,
        collective=Decimal("10000.00"),
        personal=Decimal("1000.00"),
        decision=f"Raadsbesluit begroting {current}",
    )
    for (
        shift,
        username,
        kind,
        title,
        provider,
        month,
        day,
        cost,
        purpose,
        decision,
    ) in TRAINING_REQUESTS:
        member = books.person(username)
        request = training.request_training(
            viewer_for(member),
            member,
            kind=kind,
            title=title,
            provider=provider,
            start_date=date(current + shift, month, day),
            cost=Decimal(cost),
            purpose=purpose,
            not_party_political=True,
            today=books.today,
        )
        books.summary.training_requests += 1
        if decision == "approved":
            training.decide(griffie, books.griffier, request, approve=True, reason="")
        elif decision.startswith("refused: "):
            reason = decision.removeprefix("refused: ")
            training.decide(griffie, books.griffier, request, approve=False, reason=reason)
        elif decision == "withdrawn":
            training.withdraw(viewer_for(member), member, request)
