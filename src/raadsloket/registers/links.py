# SPDX-License-Identifier: EUPL-1.2
"""Links between cases and register items: make one, remove one, and read the samenhang of an
item (its links grouped by type, and the chain followed through them).

The chain a raadslid walks (a motie is adopted → the college makes a toezegging → a written
question when it slips → ambtelijke bijstand drafts an amendment) is stored as typed links, each
from one item to another. Who sees which link is decided for each end in raadsloket.access.links;
every change checks it, writes the audit chain and happens in one transaction.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.urls import reverse

from raadsloket.access import links as access
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.cases.models import Case
from raadsloket.lib.errors import Conflict, Forbidden, InvalidInput, NotFound
from raadsloket.organisation.models import Person
from raadsloket.registers.models import (
    CASE_KIND,
    LINK_KINDS,
    MODELS,
    Link,
    LinkType,
)

# How far the chain is followed from the item whose page shows it.
CHAIN_DEPTH = 4
# The kinds by their Dutch name, for the forms and the errors.
KIND_LABELS: dict[str, str] = {
    CASE_KIND: "verzoek",
    **{kind: model.LABEL for kind, model in MODELS.items()},
}
NOT_FOUND = "{label} {ref} bestaat niet of u mag het niet zien."


def kind_of(item) -> str:
    return CASE_KIND if isinstance(item, Case) else item.KIND


def ref_of(item) -> tuple[str, int]:
    return kind_of(item), item.pk


def _load(kind: str, ids: Iterable[int]) -> dict[int, object]:
    queryset = Case.objects.all() if kind == CASE_KIND else MODELS[kind].objects.all()
    return {item.pk: item for item in queryset.filter(pk__in=list(ids))}


def resolve(viewer: Viewer, kind: str, pk: int):
    """The item (kind, pk) if the viewer may see it at the end of a link, else NotFound."""
    if kind not in LINK_KINDS:
        raise InvalidInput(
            "Onbekende soort.",
            errors={"kind": [f"Kies uit: {', '.join(KIND_LABELS.values())}."]},
        )
    label = KIND_LABELS[kind].capitalize()
    if not access.sees_end(viewer, kind, pk):
        raise NotFound(NOT_FOUND.format(label=label, ref=pk))
    return _load(kind, [pk])[pk]


def find_by_number(viewer: Viewer, kind: str, number: str):
    """A target chosen by its number (a case by its reference, RL-00042), or NotFound."""
    number = (number or "").strip()
    label = KIND_LABELS.get(kind, "item").capitalize()
    if kind not in LINK_KINDS:
        raise InvalidInput("Onbekende soort.", errors={"kind": ["Kies een soort."]})
    if not number:
        raise InvalidInput("Geef een nummer.", errors={"number": ["Geef het nummer op."]})
    pk: int | None = None
    if kind == CASE_KIND:
        digits = number.upper().removeprefix("RL-").lstrip("0")
        pk = int(digits) if digits.isdigit() else None
    elif viewer.authenticated:
        pk = (
            MODELS[kind]
            .objects.filter(municipality_id=viewer.tenant, number__iexact=number)
            .values_list("pk", flat=True)
            .first()
        )
    if pk is None or not access.sees_end(viewer, kind, pk):
        message = NOT_FOUND.format(label=label, ref=number)
        raise NotFound(message, errors={"number": [message]})
    return _load(kind, [pk])[pk]


def _actor(viewer: Viewer) -> Person | None:
    return Person.objects.filter(pk=viewer.person_id).first()


def _audit(viewer: Viewer, action: str, link: Link) -> None:
    # Kinds and ids only: the audit line names no title of either end.
    case_id = next(
        (
            pk
            for kind, pk in ((link.from_kind, link.from_id), (link.to_kind, link.to_id))
            if kind == CASE_KIND
        ),
        None,
    )
    record(
        f"register_link_{action}",
        actor=_actor(viewer),
        municipality_id=link.municipality_id,
        case_id=case_id,
        detail={
            "link": link.pk,
            "type": link.type,
            "from": [link.from_kind, link.from_id],
            "to": [link.to_kind, link.to_id],
        },
    )


def add_link(viewer: Viewer, source, target, link_type: str) -> Link:
    """Link `source` to `target` ("source <type> target"). Both must be seen by the viewer."""
    if link_type not in LinkType.values:
        raise InvalidInput(
            "Onbekende soort koppeling.",
            errors={"type": [f"Kies uit: {', '.join(str(t.label) for t in LinkType)}."]},
        )
    if ref_of(source) == ref_of(target):
        raise InvalidInput(
            "Een item kan niet naar zichzelf verwijzen.",
            errors={"number": ["Kies een ander item."]},
        )
    for item in (source, target):
        if not access.sees_end(viewer, *ref_of(item)):
            raise NotFound(
                NOT_FOUND.format(label=KIND_LABELS[kind_of(item)].capitalize(), ref=item.pk)
            )
    if source.municipality_id != target.municipality_id:
        raise InvalidInput("Beide items moeten van dezelfde gemeente zijn.")
    if not access.links_items(viewer, source, target):
        raise Forbidden("Koppelen mag de griffie, of het raadslid van wie een van beide items is.")
    link = Link(
        municipality_id=source.municipality_id,
        from_kind=kind_of(source),
        from_id=source.pk,
        to_kind=kind_of(target),
        to_id=target.pk,
        type=link_type,
        created_by_id=viewer.person_id,
    )
    try:
        with transaction.atomic():
            link.save()
            _audit(viewer, "added", link)
    except IntegrityError:
        raise Conflict(
            f"Deze koppeling bestaat al: {describe(source).name} "
            f"{LinkType(link_type).label} {describe(target).name}."
        ) from None
    return link


def remove_link(viewer: Viewer, link_id: int) -> None:
    with transaction.atomic():
        link = Link.objects.select_for_update().filter(pk=link_id).first()
        if link is None or not access.sees_link(viewer, link):
            raise NotFound("Deze koppeling bestaat niet of u mag haar niet zien.")
        first = _load(link.from_kind, [link.from_id])[link.from_id]
        second = _load(link.to_kind, [link.to_id])[link.to_id]
        if not access.removes_link(viewer, link, first, second):
            raise Forbidden(
                "Een koppeling verwijdert de griffie, wie haar maakte of het raadslid van wie "
                "een van beide items is."
            )
        _audit(viewer, "removed", link)
        link.delete()


# --- reading --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Described:
    """What a linked item shows: its kind, number and title, status and page."""

    kind: str
    id: int
    kind_label: str
    number: str
    title: str
    status: str
    url: str
    overdue: bool

    @property
    def name(self) -> str:
        return f"{self.kind_label} {self.number}"


def describe(item) -> Described:
    if isinstance(item, Case):
        return Described(
            kind=CASE_KIND,
            id=item.pk,
            kind_label=str(item.get_instrument_display()),
            number=item.reference,
            title=item.title,
            status=str(item.get_state_display()),
            url=reverse("case_detail", args=[item.pk]),
            overdue=False,
        )
    return Described(
        kind=item.KIND,
        id=item.pk,
        kind_label=item.LABEL,
        number=item.number,
        title=item.title,
        status=item.status_label,
        url=item.get_absolute_url(),
        overdue=item.is_overdue(),
    )


@dataclass
class Linked:
    """One link seen from one item: how it reads from there, and the item at the other end."""

    link: Link
    label: str
    other: Described


@dataclass
class Node:
    """An item in the chain, with the links to the items first reached through it."""

    item: Described
    label: str = ""
    link_id: int | None = None
    children: list["Node"] = field(default_factory=list)


@dataclass
class Samenhang:
    groups: list[tuple[str, list[Linked]]]
    chain: Node
    # Whether the chain reaches further than the item's own links.
    deeper: bool


def _other_end(link: Link, here: tuple[str, int]) -> tuple[str, int]:
    if (link.from_kind, link.from_id) == here:
        return link.to_kind, link.to_id
    return link.from_kind, link.from_id


def _described(refs: set[tuple[str, int]]) -> dict[tuple[str, int], Described]:
    by_kind: dict[str, set[int]] = {}
    for kind, pk in refs:
        by_kind.setdefault(kind, set()).add(pk)
    found: dict[tuple[str, int], Described] = {}
    for kind, ids in by_kind.items():
        for pk, item in _load(kind, ids).items():
            found[(kind, pk)] = describe(item)
    return found


def samenhang(viewer: Viewer, item, depth: int = CHAIN_DEPTH) -> Samenhang:
    """The item's links grouped by how they read from it, and the chain breadth-first from it,
    `depth` steps at most, each item once, only through items the viewer may see.

    The caller has shown that the viewer sees `item`; access.links.visible_links returns only
    links whose other end the viewer sees, so a hidden item is never reached, counted or passed.
    """
    root_ref = ref_of(item)
    root = Node(describe(item))
    nodes: dict[tuple[str, int], Node] = {root_ref: root}
    frontier = [root_ref]
    direct: list[tuple[Link, tuple[str, int]]] = []
    for level in range(depth):
        if not frontier:
            break
        links = list(access.visible_links(viewer, frontier).order_by("created_at", "pk"))
        steps: list[tuple[Node, Link, tuple[str, int]]] = []
        frontier_set = set(frontier)
        for link in links:
            for here in ((link.from_kind, link.from_id), (link.to_kind, link.to_id)):
                if here in frontier_set:
                    other = _other_end(link, here)
                    if level == 0:
                        direct.append((link, other))
                    if other not in nodes:
                        steps.append((nodes[here], link, other))
        described = _described({other for _, _, other in steps})
        frontier = []
        for parent, link, other in steps:
            if other in nodes or other not in described:
                continue
            here = (parent.item.kind, parent.item.id)
            node = Node(described[other], link.label_from(*here), link.pk)
            nodes[other] = node
            parent.children.append(node)
            frontier.append(other)
    groups: dict[str, list[Linked]] = {}
    for link, other in direct:
        shown = nodes.get(other)
        if shown is None:
            continue
        label = link.label_from(*root_ref)
        groups.setdefault(label, []).append(Linked(link, label, shown.item))
    deeper = any(child.children for child in root.children)
    return Samenhang(groups=list(groups.items()), chain=root, deeper=deeper)
