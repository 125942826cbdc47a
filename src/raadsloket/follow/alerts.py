# SPDX-License-Identifier: EUPL-1.2
"""Tell followers: a followed item's step, and a new item that matches a followed keyword.

Everything goes through the one `raadsloket.notify.send`, inside the caller's transaction (the
notice rolls back with the change; mail waits for the commit), as each follower chose (direct,
dagelijkse samenvatting, uit). Whether a follower hears of it is asked of the access layer per
follower at this moment (raadsloket.access.follow): who lost access hears nothing, and the text
holds only what that follower may read (a case's subject only for who sees its request; never a
question, an answer or a reasoning).
"""

from collections.abc import Iterable

from django.urls import reverse

from raadsloket.access.follow import (
    case_step_shown,
    keyword_may_match_case,
    keyword_may_match_item,
)
from raadsloket.access.sections import Section
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.follow.models import Follow, KeywordFollow, Kind, Scope
from raadsloket.lib.text import stems
from raadsloket.notify.anchors import anchor_for
from raadsloket.notify.events import rule_for
from raadsloket.notify.models import Notification
from raadsloket.notify.recipients import load_case
from raadsloket.notify.send import Message, send
from raadsloket.organisation.models import Person
from raadsloket.registers.models import InitiativeProposal, RegisterItem

FOLLOWED_STEP = "followed_step"
KEYWORD_MATCH = "keyword_match"
# The steps that bring a new case before others: submitted to the griffie, and a written
# question registered and passed to the council and the college (Reglement van Orde).
NEW_CASE_ACTIONS = frozenset({"submit", "register"})


def _followers(kind: str, item_id: int) -> list[Person]:
    rows = Follow.objects.filter(kind=kind, item_id=item_id).select_related("person__municipality")
    return [row.person for row in rows]


# --- register items ---------------------------------------------------------------------------


def register_item_changed(item: RegisterItem, *, actor_id: int | None = None) -> None:
    """A register item's status changed: tell its followers who may still open it. An
    initiatiefvoorstel that is submitted becomes public (art. 147a Gemeentewet): it is new to
    everyone but its submitters, so it is matched against the keywords too."""
    link = item.get_absolute_url()
    label = f"{item.LABEL} {item.number}"
    message = Message(
        title=f"{_first_up(label)}: {item.status_label} — {item.title}",
        headline=f"{_first_up(label)}: {item.status_label}",
        body=f"U volgt {label}. De status is nu: {item.status_label}.",
    )

    def tell(person: Person) -> Message | None:
        return message if keyword_may_match_item(viewer_for(person), item) else None

    send(
        _followers(item.KIND, item.pk),
        FOLLOWED_STEP,
        link,
        municipality_id=item.municipality_id,
        tell=tell,
        actor_id=actor_id,
    )
    if isinstance(item, InitiativeProposal) and item.status == InitiativeProposal.Status.SUBMITTED:
        register_item_created(item, actor_id=actor_id)


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _item_text(item: RegisterItem) -> str:
    return " ".join(
        str(getattr(item, field, "") or "") for field in ("title", "text", "amends", "made_to")
    )


def register_item_created(item: RegisterItem, *, actor_id: int | None = None) -> None:
    """A new register item: tell who follows a keyword it matches and may open it."""
    link = item.get_absolute_url()
    label = f"{item.LABEL} {item.number}"
    matched = _matching_keywords(item.municipality_id, item.KIND, _item_text(item))
    already = _already_told(item.municipality_id, link, None)

    def tell(person: Person) -> Message | None:
        if person.pk in already or not keyword_may_match_item(viewer_for(person), item):
            return None
        words = _quoted(matched[person.pk])
        return Message(
            title=f"{_first_up(label)}: past bij uw trefwoord — {item.title}",
            headline=f"{_first_up(label)}: past bij uw trefwoord",
            body=f"Nieuw in raadsloket: {label} past bij uw trefwoord {words}.",
        )

    send(
        _people(matched),
        KEYWORD_MATCH,
        link,
        municipality_id=item.municipality_id,
        tell=tell,
        actor_id=actor_id,
    )


# --- keywords ---------------------------------------------------------------------------------


def _scopes(kind: str) -> list[str]:
    return [Scope.ALL, kind]


def _matching_keywords(municipality_id: int, scope: str, text: str) -> dict[int, list[str]]:
    """person id → their keywords that every stem of occurs in `text` (Dutch stemming,
    raadsloket.lib.text: "fietspaden" matches "fietspad")."""
    found = set(stems(text))
    matched: dict[int, list[str]] = {}
    rows = KeywordFollow.objects.filter(municipality_id=municipality_id, scope__in=_scopes(scope))
    for row in rows.order_by("keyword", "pk"):
        wanted = stems(row.keyword)
        if wanted and all(word in found for word in wanted):
            matched.setdefault(row.person_id, []).append(row.keyword)
    return matched


def _people(matched: dict[int, list[str]]) -> Iterable[Person]:
    return Person.objects.filter(pk__in=list(matched)).select_related("municipality").order_by("pk")


def _already_told(municipality_id: int, link: str, case: Case | None) -> set[int]:
    """Who was told already that this item matched their keyword (a written question is new to
    the griffie when submitted and to the council when registered: once is enough)."""
    told = Notification.objects.filter(municipality_id=municipality_id, event=KEYWORD_MATCH)
    told = told.filter(case=case) if case is not None else told.filter(case__isnull=True, link=link)
    return set(told.values_list("recipient_id", flat=True))


def _quoted(keywords: list[str]) -> str:
    return ", ".join(f'"{word}"' for word in keywords)


# --- cases (connected in FollowConfig.ready) --------------------------------------------------


def _case_scope(case: Case) -> str:
    if case.instrument == Instrument.WRITTEN_QUESTION:
        return Scope.WRITTEN_QUESTION
    return Scope.REQUEST


def case_step(case: Case, action: str, from_state: str, actor_id: int | None) -> None:
    """A followed case took a step that changed its state: tell its followers who still see its
    data, except whom notify tells of this step already (notify.events)."""
    followers = _followers(Kind.CASE, case.pk)
    if not followers:
        return
    loaded = load_case(case.pk)
    rule = rule_for(action, from_state, loaded.state)
    code, step = (rule[0], rule[1].label) if isinstance(rule, tuple) else ("", "")
    told = (
        {person.pk for person in rule[1].recipients(loaded)} if isinstance(rule, tuple) else set()
    )
    instrument = loaded.get_instrument_display()
    state = loaded.get_state_display()
    page = reverse("case_detail", args=[loaded.pk])

    def tell(person: Person) -> Message | None:
        if person.pk in told:
            return None
        visible = case_step_shown(viewer_for(person), loaded)
        if visible is None:
            return None
        headline = f"{loaded.reference} ({instrument}): {step or state}"
        title = f"{headline} — {loaded.title}" if Section.REQUEST in visible else headline
        return Message(
            title=title,
            headline=headline,
            body=f"U volgt {loaded.reference} ({instrument}). De status is nu: {state}.",
            link=f"{page}#{anchor_for(code, visible)}" if code else page,
        )

    send(
        followers,
        FOLLOWED_STEP,
        page,
        municipality_id=loaded.municipality_id,
        tell=tell,
        case=loaded,
        actor_id=actor_id,
    )


def case_created(case: Case, actor_id: int | None) -> None:
    """A case came before others: tell who follows a keyword in its subject or question and may
    read its request (access.follow: a confidential request reaches nobody outside it)."""
    text = " ".join((case.title, case.question, case.background))
    matched = _matching_keywords(case.municipality_id, _case_scope(case), text)
    if not matched:
        return
    loaded = load_case(case.pk)
    instrument = loaded.get_instrument_display()
    already = _already_told(loaded.municipality_id, "", loaded)
    page = reverse("case_detail", args=[loaded.pk])

    def tell(person: Person) -> Message | None:
        if person.pk in already or not keyword_may_match_case(viewer_for(person), loaded):
            return None
        headline = f"{loaded.reference} ({instrument}): past bij uw trefwoord"
        return Message(
            title=f"{headline} — {loaded.title}",
            headline=headline,
            body=(
                f"Nieuw in raadsloket: {loaded.reference} ({instrument}) past bij uw trefwoord "
                f"{_quoted(matched[person.pk])}."
            ),
        )

    send(
        _people(matched),
        KEYWORD_MATCH,
        page,
        municipality_id=loaded.municipality_id,
        tell=tell,
        case=loaded,
        actor_id=actor_id,
    )


def on_transition(sender, *, case, action, actor, from_state, **kwargs) -> None:
    actor_id = getattr(actor, "pk", None)
    if case.state != from_state:
        case_step(case, action, from_state, actor_id)
    if action in NEW_CASE_ACTIONS:
        case_created(case, actor_id)
