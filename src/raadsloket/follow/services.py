# SPDX-License-Identifier: EUPL-1.2
"""Follow and stop following an item or a keyword; what a person follows.

A person follows only what the access layer lets them see (raadsloket.access.follow): anything
else answers "niet gevonden", exactly as an id that does not exist, so following cannot probe
for confidential cases. Each change is one transaction with its audit event.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse

from raadsloket.access.cases import CaseNotFound, get_case_for
from raadsloket.access.follow import (
    case_step_shown,
    may_follow_case,
    may_follow_item,
    uses_follow,
)
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.cases.models import Case
from raadsloket.follow.models import Follow, KeywordFollow, Kind, Scope
from raadsloket.lib.errors import Conflict, Forbidden, InvalidInput, NotFound
from raadsloket.lib.ids import valid_id
from raadsloket.lib.text import normalise, stems
from raadsloket.organisation.models import Person
from raadsloket.registers.models import by_kind

# Enough for a member's portfolio; more would turn the alerts into noise.
MAX_KEYWORDS = 50
NOT_FOUND = "Dit item bestaat niet of u kunt het niet zien."
NO_ACCOUNT = "Volgen kan wie een account heeft bij een gemeente."


def _require_user(viewer: Viewer) -> None:
    if not uses_follow(viewer):
        raise Forbidden(NO_ACCOUNT)


def _audit(viewer: Viewer, action: str, **detail) -> None:
    record(
        f"follow.{action}",
        actor=Person.objects.filter(pk=viewer.person_id).first(),
        municipality_id=viewer.municipality_id,
        detail=detail,
    )


def target(viewer: Viewer, kind: str, item_id: int):
    """The case or register item `viewer` may follow, or NotFound (also when it exists but the
    viewer may not see it: the same answer, so nothing is learnt from it)."""
    if kind not in Kind.values or not valid_id(item_id):
        raise NotFound(NOT_FOUND)
    if kind == Kind.CASE:
        try:
            case, _ = get_case_for(viewer, item_id)
        except CaseNotFound:
            raise NotFound(NOT_FOUND) from None
        if not may_follow_case(viewer, case):
            raise NotFound(NOT_FOUND)
        return case
    model = by_kind(kind)
    item = (
        model.objects.filter(pk=item_id, municipality_id=viewer.municipality_id).first()
        if model is not None
        else None
    )
    if item is None or not may_follow_item(viewer, item):
        raise NotFound(NOT_FOUND)
    return item


def follow(viewer: Viewer, kind: str, item_id: int) -> Follow:
    """Follow a case or a register item the viewer may see; following it again changes nothing."""
    _require_user(viewer)
    target(viewer, kind, item_id)
    with transaction.atomic():
        row, created = Follow.objects.get_or_create(
            person_id=viewer.person_id,
            kind=kind,
            item_id=item_id,
            defaults={"municipality_id": viewer.municipality_id},
        )
        if created:
            _audit(viewer, "added", kind=kind, id=item_id)
    return row


def unfollow(viewer: Viewer, kind: str, item_id: int) -> bool:
    """Stop following; also what one no longer sees. False when it was not followed."""
    _require_user(viewer)
    with transaction.atomic():
        deleted, _ = Follow.objects.filter(
            person_id=viewer.person_id, kind=kind, item_id=item_id
        ).delete()
        if deleted:
            _audit(viewer, "removed", kind=kind, id=item_id)
    return bool(deleted)


def is_following(viewer: Viewer, kind: str, item_id: int) -> bool:
    return (
        viewer.person_id is not None
        and Follow.objects.filter(person_id=viewer.person_id, kind=kind, item_id=item_id).exists()
    )


def clean_keyword(keyword: str) -> str:
    """The keyword as it is stored: normalised (lower case, no accents, one space), or a Dutch
    error when it holds no word to match (only stopwords, punctuation)."""
    cleaned = normalise(keyword or "")
    if len(cleaned) < 3:
        raise InvalidInput("Vul een trefwoord in van ten minste 3 tekens.", field="keyword")
    if len(cleaned) > 100:
        raise InvalidInput("Een trefwoord is hoogstens 100 tekens.", field="keyword")
    if not stems(cleaned):
        raise InvalidInput(
            f"'{keyword.strip()}' bevat alleen veelvoorkomende woorden; kies een woord dat iets "
            "zegt over het onderwerp.",
            field="keyword",
        )
    return cleaned


def follow_keyword(viewer: Viewer, keyword: str, scope: str = Scope.ALL) -> KeywordFollow:
    """Follow a keyword in new items of `scope` (Dutch stemming: "fietspaden" finds "fietspad")."""
    _require_user(viewer)
    if scope not in Scope.values:
        raise InvalidInput("Kies waarin het trefwoord gezocht wordt.", field="scope")
    cleaned = clean_keyword(keyword)
    with transaction.atomic():
        mine = KeywordFollow.objects.select_for_update().filter(person_id=viewer.person_id)
        if mine.filter(keyword=cleaned, scope=scope).exists():
            raise Conflict(f"U volgt het trefwoord '{cleaned}' hierin al.", field="keyword")
        if mine.count() >= MAX_KEYWORDS:
            raise InvalidInput(
                f"U volgt al {MAX_KEYWORDS} trefwoorden; verwijder er eerst een.", field="keyword"
            )
        try:
            with transaction.atomic():
                row = KeywordFollow.objects.create(
                    municipality_id=viewer.municipality_id,
                    person_id=viewer.person_id,
                    keyword=cleaned,
                    scope=scope,
                )
        except IntegrityError:
            raise Conflict(
                f"U volgt het trefwoord '{cleaned}' hierin al.", field="keyword"
            ) from None
        _audit(viewer, "keyword_added", keyword=cleaned, scope=scope)
    return row


def unfollow_keyword(viewer: Viewer, keyword_id: int) -> bool:
    _require_user(viewer)
    if not valid_id(keyword_id):
        return False
    with transaction.atomic():
        deleted, _ = KeywordFollow.objects.filter(
            pk=keyword_id, person_id=viewer.person_id
        ).delete()
        if deleted:
            _audit(viewer, "keyword_removed", id=keyword_id)
    return bool(deleted)


@dataclass(frozen=True)
class Followed:
    """One followed item as the viewer may see it now."""

    kind: str
    kind_label: str
    item_id: int
    label: str
    status: str
    url: str
    since: object


def _case_row(viewer: Viewer, row: Follow, case: Case) -> Followed | None:
    visible = case_step_shown(viewer, case)
    if visible is None:
        return None
    label = case.reference + (f": {case.title}" if "request" in visible else "")
    return Followed(
        row.kind,
        case.get_instrument_display(),
        row.item_id,
        label,
        case.get_state_display(),
        reverse("case_detail", args=[case.pk]),
        row.created_at,
    )


def followed(viewer: Viewer) -> list[Followed]:
    """What the viewer follows and may still see, newest first. What they lost access to is left
    out (they hear nothing of it either, raadsloket.follow.alerts)."""
    if not uses_follow(viewer):
        return []
    rows = list(Follow.objects.filter(person_id=viewer.person_id))
    by: dict[str, dict[int, object]] = {}
    for kind in {row.kind for row in rows}:
        ids = [row.item_id for row in rows if row.kind == kind]
        model = Case if kind == Kind.CASE else by_kind(kind)
        if model is None:
            continue
        found = model.objects.filter(pk__in=ids, municipality_id=viewer.municipality_id)
        by[kind] = {item.pk: item for item in found}
    result = []
    for row in rows:
        item = by.get(row.kind, {}).get(row.item_id)
        if item is None:
            continue
        if isinstance(item, Case):
            entry = _case_row(viewer, row, item)
        elif may_follow_item(viewer, item):
            entry = Followed(
                row.kind,
                str(Kind(row.kind).label),
                row.item_id,
                f"{item.number}: {item.title}",
                item.status_label,
                item.get_absolute_url(),
                row.created_at,
            )
        else:
            entry = None
        if entry is not None:
            result.append(entry)
    return result


def keywords(viewer: Viewer) -> list[KeywordFollow]:
    if not uses_follow(viewer):
        return []
    return list(KeywordFollow.objects.filter(person_id=viewer.person_id))
