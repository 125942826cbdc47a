# SPDX-License-Identifier: EUPL-1.2
"""The municipality's verordening ambtelijke bijstand en fractieondersteuning, held as data.

Every model is frozen (a profile is shared between requests) and strict: a TOML file that writes
`days = "5"` or `binding = 1` is wrong and is told so, rather than silently coerced. Messages of
the validators here are Dutch; `errors.dutch_messages` translates pydantic's own.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

# The pattern of a refusal ground's code; errors.py gives it a Dutch explanation.
SLUG_PATTERN = r"^[a-z0-9_]+$"

# A profile's own rule was broken; the message is already Dutch.
RULE_ERROR = "policy_rule"

DayKind = Literal["working", "calendar"]

ROUTING_OFFICER_LABELS = {
    "municipal_secretary": "gemeentesecretaris",
    "cabinet_chief": "kabinetschef",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Term(_Model):
    days: int = Field(ge=0, le=365)
    kind: DayKind = "working"
    # Algemene termijnenwet art. 1: a term that ends on a Saturday, Sunday or public holiday runs
    # on to the next working day. Matters only for calendar days.
    next_working_day: bool = False


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)
WEEKDAY_LABELS = dict(
    zip(
        WEEKDAYS,
        ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        strict=True,
    )
)


TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class WeekdayTime(_Model):
    weekday: Weekday
    time: str = Field(pattern=TIME_PATTERN)

    def __str__(self) -> str:
        return f"{WEEKDAY_LABELS[self.weekday]} {self.time}"


class AgendaQuestions(_Model):
    """Technische vragen about an agenda item (RULES.md, "Technische vragen"; practice).

    In by `submit_by` before the meeting, answered by `answer_by`: e.g. in by Tuesday 12:00,
    answered by Friday 16:00 for a meeting the week after.
    """

    submit_by: WeekdayTime = WeekdayTime(weekday="tuesday", time="12:00")
    answer_by: WeekdayTime = WeekdayTime(weekday="friday", time="16:00")


class Requesters(_Model):
    """Who may ask for ambtelijke bijstand."""

    # Gemeentewet art. 33 lid 1: the council and each of its members have the right.
    council_member: bool = True
    # Variants: a commissielid (within the committee's field), a fractiemedewerker registered
    # with the griffier acting for a member.
    committee_member: bool = False
    fractie_employee: bool = False
    council: bool = True
    # Variant: often at most one registered fractiemedewerker per fractie.
    fractie_employees_per_fractie: int = Field(default=1, ge=0, le=10)

    @field_validator("council_member")
    @classmethod
    def _member_right_is_statutory(cls, value: bool) -> bool:
        # Gemeentewet art. 33 lid 1: a verordening cannot take this right away.
        if not value:
            raise PydanticCustomError(
                RULE_ERROR,
                "moet true zijn: elk raadslid heeft recht op ambtelijke bijstand "
                "(Gemeentewet art. 33 lid 1)",
            )
        return value


class Channel(_Model):
    # Model-verordening: a request always goes through the griffier. Variant (Utrecht): direct
    # contact with a civil servant for small factual information, logged afterwards.
    mode: Literal["griffie_only", "direct_small_facts"] = "griffie_only"
    direct_contact_logged: bool = True
    # Who confirms a direct contact a civil servant logged, before it counts and others see
    # it: the member it names (default), or the griffie that records it for the member.
    direct_contact_confirmed_by: Literal["member", "griffie"] = "member"
    # Older verordeningen: the civil servant reports questions and answers to the
    # portefeuillehouder. The member must be told so before asking.
    report_to_portfolio_holder: bool = False


class Routing(_Model):
    # Model-verordening: the griffier asks the secretaris to appoint civil servants.
    # Variant (Echt-Susteren, beleidsregels 2021): the kabinetschef directs the process.
    officer: Literal["municipal_secretary", "cabinet_chief"] = "municipal_secretary"
    # Hours of assistance above which the officer confirms the capacity at the kickoff.
    capacity_confirmation_hours: int = Field(default=40, ge=1, le=1000)


class Objection(_Model):
    """Who decides an objection (bezwaar) to a refusal of ambtelijke bijstand.

    RULES.md "Disputes" (model-verordening; handreiking, spelregel 3): the griffie mediates
    first, then the driehoek of griffier, gemeentesecretaris and burgemeester; the burgemeester
    mediates and in the end decides ("mayor"). Variant: the three decide together, the decision
    taken once each of them has voted for the same outcome ("triangle").
    """

    decided_by: Literal["mayor", "triangle"] = "mayor"


class Openness(_Model):
    # Handreiking, "Openbaarheid van de informatie": each municipality chooses whether only the
    # requester gets the answer or every member gets the same information. Secret information
    # goes to the whole council whatever is chosen here (Gemeentewet art. 25).
    answers: Literal["requester_only", "every_member"] = "requester_only"
    # Variant (Utrecht): the college hears that a trajectory started, never its content.
    college_notified_of_start: bool = False
    # Practice for technische vragen: public unless the member objects.
    technical_questions_public: bool = True


class RefusalGround(_Model):
    """A ground on which the routing officer refuses assistance (model-verordening)."""

    code: str = Field(min_length=1, max_length=40, pattern=SLUG_PATTERN)
    label: str = Field(min_length=1, max_length=200)
    legal_text: str = Field(min_length=1, max_length=2000)


def _iso_date(value: Any) -> date:
    # A TOML file writes a date bare (2026-05-15); overrides stored as JSON hold it as text.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError(
        RULE_ERROR, "moet een datum zijn als jjjj-mm-dd, bijvoorbeeld 2026-05-15"
    )


LocalHoliday = Annotated[date, BeforeValidator(_iso_date)]


class Terms(_Model):
    # Model-verordening: "zo spoedig mogelijk", no number. Unless `binding` is set, these are
    # soft targets that remind, not hard deadlines.
    intake: Term
    decision: Term
    delivery: Term
    technical_question: Term
    # Reglement van Orde (model): schriftelijke vragen are answered within 30 days.
    written_question: Term = Term(days=30, kind="calendar", next_working_day=True)
    reminder_days_before: int = Field(default=2, ge=0, le=60)
    binding: bool = False
    # Days besides the Algemene termijnenwet's (art. 3 lid 1 and 2, policy/public_holidays.py) on
    # which terms do not run: days equated by Koninklijk Besluit (art. 3 lid 3) and the
    # municipality's own closing days, e.g. the Friday after Hemelvaartsdag.
    local_holidays: list[LocalHoliday] = Field(default=[], max_length=200)

    @field_validator("local_holidays")
    @classmethod
    def _local_holidays_once_each(cls, days: list[date]) -> list[date]:
        duplicate = next((day for day in days if days.count(day) > 1), None)
        if duplicate:
            raise PydanticCustomError(
                RULE_ERROR,
                "de datum {day} komt meer dan eens voor",
                {"day": duplicate.isoformat()},
            )
        return sorted(days)


class Evaluation(_Model):
    # Variant (Utrecht): after the trajectory the griffie evaluates it with member and civil
    # servant.
    required: bool = False


class RetentionYears(_Model):
    """Years a closed case is kept, per instrument, before it may be destroyed."""

    # Archiefwet 1995 art. 5 and Archiefbesluit 1995 art. 2: the municipality's selectielijst
    # (VNG Selectielijst gemeenten en intergemeentelijke organen) sets the retention period per
    # kind of record. These defaults are a starting point; the municipality sets its own.
    assistance: int = Field(default=10, ge=1, le=100)
    technical_question: int = Field(default=5, ge=1, le=100)
    written_question: int = Field(default=10, ge=1, le=100)


class Records(_Model):
    # Archiefwet 1995 art. 3: the records are kept in good order; destruction follows the
    # selectielijst and an approved destruction list (Archiefbesluit 1995 art. 8).
    retention_years: RetentionYears = RetentionYears()


class Security(_Model):
    # BIO 9.4.2 / OWASP ASVS 2.8: the griffie, routing officers, administrators and the college
    # always log in with a second factor; a municipality may ask it of everyone.
    two_factor_for_everyone: bool = False
    # OWASP ASVS 3.3.2 (level 2): log out after at most 30 minutes without activity. The instance
    # setting SESSION_IDLE_MINUTES is the ceiling; a profile can only make it shorter.
    session_idle_minutes: int = Field(default=30, ge=5, le=480)


# Euro amounts: a TOML file may write 199.77, "199.77" or 200; never more than two decimals.
Amount = Annotated[Decimal, Field(strict=False, ge=0, le=100_000_000, decimal_places=2)]
Percentage = Annotated[Decimal, Field(strict=False, ge=0, le=100, decimal_places=2)]
CategoryStatus = Literal["allowed", "not_allowed", "ask_griffie"]


class SpendingCategory(_Model):
    """A kind of expense and whether the fractie support may pay for it (art. 33 lid 3)."""

    code: str = Field(min_length=1, max_length=40, pattern=SLUG_PATTERN)
    label: str = Field(min_length=1, max_length=200)
    # allowed: may be paid; not_allowed: refused with `rule`; ask_griffie: counts only once the
    # griffie has said it may (its answer is kept as precedent).
    status: CategoryStatus
    rule: str = Field(min_length=1, max_length=2000)


# A deadline date is the same every year, so 29 February is not one.
_DAYS_IN_MONTH = dict(enumerate((31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1))


class AccountingDeadline(_Model):
    """When the yearly statement is due: a date in the next year, or months after the year."""

    # "date": e.g. 15 February (month=2, day=15); "months_after_year": e.g. "binnen twee
    # maanden" (months=2), the last day of February.
    kind: Literal["date", "months_after_year"] = "date"
    month: int = Field(default=2, ge=1, le=12)
    day: int = Field(default=15, ge=1, le=31)
    months: int = Field(default=2, ge=1, le=12)

    @model_validator(mode="after")
    def _is_a_date(self) -> "AccountingDeadline":
        if self.kind == "date" and self.day > _DAYS_IN_MONTH[self.month]:
            raise PydanticCustomError(
                RULE_ERROR, "{day}-{month} is geen datum", {"day": self.day, "month": self.month}
            )
        return self


class FractieSupport(_Model):
    """Fractieondersteuning (Gemeentewet art. 33 lid 2 and 3; RULES.md "Fractieondersteuning")."""

    enabled: bool = True
    # A fixed amount per fractie plus an amount per seat per year, set by the council for
    # `base_year` and indexed by `indexation_percent` each year after it (compounded).
    fixed_per_fractie: Amount = Decimal("0")
    per_seat: Amount = Decimal("0")
    base_year: int = Field(default=2026, ge=2000, le=2100)
    indexation_percent: Percentage = Decimal("0")
    categories: list[SpendingCategory] = Field(default=[], max_length=100)
    # What is unspent at the end of the year: kept in a reserve up to a cap (an amount, a
    # percentage of the year's allocation, or both: the lower counts), or repaid in full.
    unspent: Literal["reserve", "repay"] = "reserve"
    reserve_cap_amount: Amount | None = None
    reserve_cap_percent: Percentage | None = None
    accounting_deadline: AccountingDeadline = AccountingDeadline(month=2, day=15)
    # Days before the accounting deadline on which the treasurer is reminded.
    reminder_days_before: list[int] = Field(default=[30, 7], max_length=5)
    # Proofs are kept this long after the year they belong to (fiscal practice: 7 years).
    proof_retention_years: int = Field(default=7, ge=1, le=30)
    # Model-verordening: paid to the fractie; variants: through a stichting (Amsterdam) or as a
    # subsidy.
    payment: Literal["fractie", "stichting", "subsidy"] = "fractie"
    proof_required: bool = True

    @field_validator("categories")
    @classmethod
    def _category_codes_unique(cls, categories: list[SpendingCategory]) -> list[SpendingCategory]:
        codes = [category.code for category in categories]
        duplicate = next((code for code in codes if codes.count(code) > 1), None)
        if duplicate:
            raise PydanticCustomError(
                RULE_ERROR,
                "de code '{code}' komt meer dan eens voor; elke categorie heeft een eigen code",
                {"code": duplicate},
            )
        return categories

    @field_validator("reminder_days_before")
    @classmethod
    def _reminders_positive(cls, days: list[int]) -> list[int]:
        if any(day < 0 or day > 365 for day in days):
            raise PydanticCustomError(
                RULE_ERROR, "herinneringen liggen tussen 0 en 365 dagen voor de termijn"
            )
        return sorted(set(days), reverse=True)

    @model_validator(mode="after")
    def _categories_when_enabled(self) -> "FractieSupport":
        if self.enabled and not self.categories:
            raise PydanticCustomError(
                RULE_ERROR,
                "een fractieondersteuning heeft categorieën nodig: wat wel en niet mag "
                "(Gemeentewet art. 33 lid 3)",
            )
        return self

    def category(self, code: str) -> SpendingCategory | None:
        return next((category for category in self.categories if category.code == code), None)

    def category_label(self, code: str) -> str:
        """The category's name; a code the profile no longer has is shown as such."""
        category = self.category(code)
        return category.label if category else f"{code} (onbekende categorie)"


class TrainingBudget(_Model):
    """Opleidingsbudget (toolkit seed, "Leren en ontwikkelen"): set by the council per year."""

    enabled: bool = True
    collective_per_year: Amount = Decimal("0")
    personal_per_member: Amount = Decimal("0")
    # Toolkit seed: "Het budget mag niet uitgegeven worden aan partijpolitieke scholing."
    rule: str = Field(
        default=(
            "Het opleidingsbudget is bestemd voor de functionele scholing van raadsleden; het "
            "mag niet worden uitgegeven aan partijpolitieke scholing."
        ),
        min_length=1,
        max_length=2000,
    )


MonthlyAllowance = Annotated[Decimal, Field(strict=False, ge=0, le=10_000, decimal_places=2)]


class ExtraAllowances(_Model):
    """Extra toelagen per month (toolkit seed, "Vergoeding en politiek verlof": "als lid van een
    vertrouwenscommissie, onderzoekscommissie, overige bijzondere commissies, voor de uitoefening
    van een rekenkamerfunctie of als fractievoorzitter een extra toelage").

    The amounts are those of the municipality's rechtspositieregeling; 0 means the profile holds
    no amount for it (the page then says to ask the griffie), never that there is no right.
    """

    fractie_chair: MonthlyAllowance = Decimal("0")
    inquiry_committee: MonthlyAllowance = Decimal("0")
    audit_office: MonthlyAllowance = Decimal("0")
    confidential_committee: MonthlyAllowance = Decimal("0")
    special_committee: MonthlyAllowance = Decimal("0")
    # The onkostenvergoeding per month where the profile records it (the seed gives no amount).
    expenses: MonthlyAllowance = Decimal("0")


class Reporting(_Model):
    """Periodieke reflectie (handreiking, "Voer het gesprek"): who sees which report.

    The griffie, the presidium and the driehoek always see the full report. The college and the
    members see the aggregate report (no figures per fractie) only when the municipality says so.
    """

    college_sees_aggregate: bool = False
    members_see_aggregate: bool = False
    # A cell that counts fewer than this many trajectories of an identifiable fractie is shown
    # as "<3"; never lower than 3.
    small_cell_threshold: int = Field(default=3, ge=3, le=20)
    # The fairness view's "small" fracties: at most this many seats.
    small_fractie_max_seats: int = Field(default=2, ge=1, le=100)


class PolicyProfile(_Model):
    name: str = Field(min_length=1, max_length=60)
    label: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)
    requesters: Requesters = Requesters()
    channel: Channel = Channel()
    routing: Routing = Routing()
    objection: Objection = Objection()
    openness: Openness = Openness()
    refusal_grounds: list[RefusalGround] = Field(min_length=1)
    terms: Terms
    evaluation: Evaluation = Evaluation()
    agenda_questions: AgendaQuestions = AgendaQuestions()
    security: Security = Security()
    records: Records = Records()
    # A profile that says nothing about it pays no fractieondersteuning (toolkit seed: more
    # than 20% of municipalities pay none); the presets do.
    fractie_support: FractieSupport = FractieSupport(enabled=False)
    # Like fractie_support: a profile that says nothing about it has no opleidingsbudget.
    training_budget: TrainingBudget = TrainingBudget(enabled=False)
    reporting: Reporting = Reporting()
    allowances: ExtraAllowances = ExtraAllowances()

    @field_validator("refusal_grounds")
    @classmethod
    def _codes_are_unique(cls, grounds: list[RefusalGround]) -> list[RefusalGround]:
        # A refusal names its ground by code (model-verordening: "met redenen omkleed").
        seen: set[str] = set()
        for ground in grounds:
            if ground.code in seen:
                raise PydanticCustomError(
                    RULE_ERROR,
                    "de code '{code}' komt meer dan eens voor; elke weigeringsgrond heeft een "
                    "eigen code",
                    {"code": ground.code},
                )
            seen.add(ground.code)
        return grounds

    @model_validator(mode="after")
    def _college_figures_only_when_told(self) -> "PolicyProfile":
        # Counts per department over a running quarter tell the college that trajectories run;
        # only a municipality that tells the college so anyway (Utrecht) may show it the figures.
        if self.reporting.college_sees_aggregate and not self.openness.college_notified_of_start:
            raise PydanticCustomError(
                RULE_ERROR,
                "reporting.college_sees_aggregate kan alleen aan als "
                "openness.college_notified_of_start aan staat: anders leert het college uit de "
                "cijfers wat het volgens de verordening niet hoort (dat er trajecten lopen)",
            )
        return self

    def refusal_ground(self, code: str) -> RefusalGround | None:
        return next((ground for ground in self.refusal_grounds if ground.code == code), None)

    @property
    def routing_officer_label(self) -> str:
        """Dutch name of the officer who assigns or refuses assistance."""
        return ROUTING_OFFICER_LABELS[self.routing.officer]
