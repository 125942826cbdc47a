# SPDX-License-Identifier: EUPL-1.2
"""IDOR probes and an outsider crawl over the web and every API list.

Every object URL is tried with the ids of cases, files and notifications of another
municipality and of other members, and so are the fractieondersteuning and opleidingsbudget
URLs (fracties, expenses and their proofs, questions, course requests) on the web and the API. A case that does not exist for the prober must look exactly
like a case that does not exist at all: 404, the same page or JSON, never content and never a
403 that tells it is there. (A 403 is right only where the refusal does not depend on the id:
the break-glass read is for administrators, whatever case is named.)

Then, per outsider role, a crawl of every reachable web page and every API list, search and
detail, with the searches aimed at the marker words themselves (a hit would be an oracle).

ASVS V4.2.1 (IDOR), V4.1.3 (least privilege), V8.3 (sensitive data); BIO 9.4.1.
"""

import json
from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from raadsloket.access.cases import sections
from raadsloket.access.fractie_support import (
    precedent_rows,
    sees_budget_overview,
    sees_fractie_budget,
    visible_expenses,
    visible_questions,
)
from raadsloket.access.models import BreakGlass
from raadsloket.access.training import visible_training_requests
from raadsloket.access.viewer import forget_viewer, viewer_for
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.models import Case, CaseFile, TimelineEvent
from raadsloket.cases.workflow import ACTIONS
from raadsloket.fractie_support.models import Expense, SpendingQuestion, Statement
from raadsloket.notify.models import Notification
from raadsloket.organisation.models import Fractie
from raadsloket.training.models import TrainingRequest
from tests.security.security_scenarios import budget_urls
from tests.support.crawl import (
    body,
    case_page_urls,
    crawl_site,
    leaks_in,
    page_without_csrf,
)

pytestmark = pytest.mark.django_db

MISSING = 987_654_321  # an id no case or notification has


def probers(attack):
    """People who must not see some of the world's cases: other municipality, other members."""
    v, d = attack.voorbeeld, attack.domstede
    return [
        v["raadslid1"],
        v["raadslid8"],
        v["raadslid20"],
        v["fractiemedewerker1"],
        v["wethouder1"],
        v["manager2"],
        v["ambtenaar2"],
        v["collegecontact"],
        v["beheerder"],
        d["griffier"],
        d["raadslid1"],
        d["beheerder"],
        d["ambtenaar1"],
    ]


def invisible_cases(attack, person) -> list[int]:
    forget_viewer(person)
    viewer = viewer_for(person)
    return [
        s.case_id for s in attack.scenarios if not sections(viewer, Case.objects.get(pk=s.case_id))
    ]


def state_of_world():
    return (
        list(Case.objects.values_list("pk", "state", "version").order_by("pk")),
        TimelineEvent.objects.count(),
        CaseFile.objects.count(),
        Notification.objects.filter(read_at__isnull=False).count(),
        BreakGlass.objects.count(),
        AuditEvent.objects.filter(action__startswith="case.")
        .exclude(action__in=("case.read", "case.list_read"))
        .count(),
    )


def same_as_missing(response, missing, url, status=404):
    """An invisible object is answered exactly like a missing one."""
    assert response.status_code == missing.status_code == status, (url, response.status_code)
    if response["Content-Type"].startswith("application/json"):
        assert response.json() == missing.json(), url
    else:
        assert page_without_csrf(response) == page_without_csrf(missing), url


PROBES: Counter = Counter()


def test_every_case_url_is_404_for_whoever_may_not_see_the_case(attack):
    """Per prober and hidden case: the page, the file, two actions by GET and POST on the web
    and through the API, the API detail and timeline. The actions rotate over the probes, so
    every action of the workflow is tried many times without trying all of them each time."""
    before = state_of_world()
    files = {s.case_id: s.file_token for s in attack.scenarios if s.file_token}
    some_token = next(iter(files.values()))
    rotation = 0
    for person in probers(attack):
        web, api = attack.web(person), Client()
        auth = attack.bearer(person)
        missing = {
            "page": web.get(f"/verzoeken/{MISSING}"),
            "file": web.get(f"/verzoeken/{MISSING}/bestanden/{some_token}"),
            "action": web.get(f"/verzoeken/{MISSING}/accept"),
            "post": web.post(f"/verzoeken/{MISSING}/accept", {"version": "1"}),
            "api": api.get(f"/api/v1/cases/{MISSING}", **auth),
        }
        for case_id in invisible_cases(attack, person):
            actions = [ACTIONS[(rotation + i) % len(ACTIONS)] for i in (0, 1)]
            rotation += 2
            token = files.get(case_id, some_token)
            probes = [
                ("web GET", web.get(f"/verzoeken/{case_id}"), "page"),
                ("web GET", web.get(f"/verzoeken/{case_id}/bestanden/{token}"), "file"),
                ("API GET", api.get(f"/api/v1/cases/{case_id}", **auth), "api"),
                ("API GET", api.get(f"/api/v1/cases/{case_id}/timeline", **auth), "api"),
            ]
            for action in actions:
                probes += [
                    ("web GET", web.get(f"/verzoeken/{case_id}/{action}"), "action"),
                    (
                        "web POST",
                        web.post(
                            f"/verzoeken/{case_id}/{action}",
                            {"version": "1", "note": "x", "reason": "x" * 20},
                        ),
                        "post",
                    ),
                    (
                        "API POST",
                        api.post(
                            f"/api/v1/cases/{case_id}/actions/{action}",
                            json.dumps({"version": 1, "data": {}}),
                            content_type="application/json",
                            **auth,
                        ),
                        "api",
                    ),
                ]
            for surface, response, twin in probes:
                same_as_missing(
                    response, missing[twin], f"{surface} case {case_id} as {person.username}"
                )
                PROBES[surface] += 1
    assert state_of_world() == before
    assert rotation >= 2 * len(ACTIONS), "every action was tried"
    print(f"\nIDOR case probes: {dict(PROBES)}; all 404 and identical to a missing id")


def test_a_file_token_of_a_hidden_answer_is_404_even_on_a_visible_case(attack):
    """Someone who sees the request but not the answer gets no attachment of it."""
    closed = next(
        s
        for s in attack.scenarios
        if s.file_token and s.state == "closed" and s.world is attack.voorbeeld
    )
    url = f"/verzoeken/{closed.case_id}/bestanden/{closed.file_token}"
    # The routing officer sees the request of a forwarded case, never its answer.
    secretaris = attack.voorbeeld["secretaris"]
    visible = sections(viewer_for(secretaris), Case.objects.get(pk=closed.case_id))
    assert "request" in {str(s) for s in visible} and "answer" not in {str(s) for s in visible}
    response = attack.web(secretaris).get(url)
    assert response.status_code == 404
    assert closed.marker("BIJLAGE") not in body(response)


def test_break_glass_names_no_case_outside_the_administrators_municipality(attack):
    """The administrator of Domstede asks for a Voorbeeld case: 404 like a missing one, no
    grant. Anyone else gets 403 whatever the id, so the answer tells nothing about it."""
    case_id = attack.scenarios[0].case_id
    reason = {"reason": "Storing onderzoeken op verzoek van de griffie."}
    other_admin = attack.web(attack.domstede["beheerder"])
    same_as_missing(
        other_admin.post(f"/verzoeken/{case_id}/noodtoegang", reason),
        other_admin.post(f"/verzoeken/{MISSING}/noodtoegang", reason),
        "noodtoegang",
    )
    member = attack.web(attack.voorbeeld["raadslid20"])
    existing = member.post(f"/verzoeken/{case_id}/noodtoegang", reason)
    missing = member.post(f"/verzoeken/{MISSING}/noodtoegang", reason)
    same_as_missing(existing, missing, "noodtoegang as a member", status=403)
    assert not BreakGlass.objects.exists()


def test_nobody_reads_or_marks_another_persons_notification(attack):
    """The world's own notifications (made by its transitions) and the marked ones."""
    owners = dict(Notification.objects.values_list("pk", "recipient_id"))
    assert len(owners) > len(attack.notifications)
    # Acting on a case settles its actor's (and the griffie's) earlier notices while the world
    # is built (notify.settle): those were read before any probe.
    read_before = set(
        Notification.objects.filter(read_at__isnull=False).values_list("pk", flat=True)
    )
    for index, person in enumerate(probers(attack)):
        web, api, auth = attack.web(person), Client(), attack.bearer(person)
        missing_web = web.post(f"/meldingen/{MISSING}/gelezen")
        missing_api = api.post(f"/api/v1/notifications/{MISSING}/read", **auth)
        listed = api.get("/api/v1/notifications?limit=100", **auth).json()["items"]
        assert {n["id"] for n in listed} <= {
            pk for pk, owner in owners.items() if owner == person.pk
        }
        others = sorted(pk for pk, owner in owners.items() if owner != person.pk)
        # The marked ones, and every tenth of the rest, another tenth per prober.
        tried = set(attack.notifications.values()) | set(others[index % 10 :: 10])
        for notification_id in sorted(tried & set(others)):
            same_as_missing(
                web.post(f"/meldingen/{notification_id}/gelezen"), missing_web, "gelezen"
            )
            url = f"/api/v1/notifications/{notification_id}/read"
            same_as_missing(api.post(url, **auth), missing_api, url)
            PROBES["notification"] += 2
    print(f"\nnotification probes: {PROBES['notification']} over {len(owners)} notifications")
    read_after = set(
        Notification.objects.filter(read_at__isnull=False).values_list("pk", flat=True)
    )
    assert read_after == read_before
    # The owner can, so the probes above are not blind.
    first = next(pk for pk in attack.notifications.values() if pk not in read_before)
    owner = Notification.objects.get(pk=first).recipient
    assert attack.web(owner).post(f"/meldingen/{first}/gelezen").status_code == 302
    assert Notification.objects.get(pk=first).read_at is not None


def state_of_budgets():
    return (
        list(Expense.objects.values_list("pk", "review").order_by("pk")),
        list(SpendingQuestion.objects.values_list("pk", "answer").order_by("pk")),
        list(TrainingRequest.objects.values_list("pk", "status").order_by("pk")),
        Statement.objects.count(),
        AuditEvent.objects.filter(action__startswith="budgets.").count(),
    )


# One list of probes per surface, read top to bottom as the attack plan: split up, the pairing
# of each probe with its missing-id twin would be harder to check.
def test_every_budget_url_is_404_for_whoever_may_not_see_it(attack):  # noqa: C901
    """Per prober: the statement and expenses of every fractie whose budget they do not see,
    recording an expense there (JSON and multipart), answering a question they do not see,
    deciding on or withdrawing a course request they do not see, through the API; and the
    fractie page, statement downloads, question page and proof on the web. Each answers exactly
    like a missing id, and nothing changes."""
    before = state_of_budgets()
    year = timezone.localdate().year
    expense = {
        "date": f"{year}-01-02",
        "amount": "10.00",
        "category": "kantoor",
        "description": "Printerpapier",
    }
    answer = {"answer": "allowed", "reasoning": "Dit mag, het gaat om raadswerk."}
    fracties = list(Fractie.objects.filter(pk__in=attack.fractie_ids()))
    fracties += list(Fractie.objects.exclude(pk__in=attack.fractie_ids())[:4])
    counted = Counter()
    for person in probers(attack):
        forget_viewer(person)
        viewer = viewer_for(person)
        web, api, auth = attack.web(person), Client(), attack.bearer(person)

        def api_post(url, data, multipart=False, auth=auth):
            if multipart:
                return Client().post(url, data, **auth)
            return Client().post(url, json.dumps(data), content_type="application/json", **auth)

        def upload():
            return {**expense, "proof": SimpleUploadedFile("bon.pdf", b"%PDF-1.4 x")}

        missing = {
            "statement": api.get(f"/api/v1/budgets/fracties/{MISSING}/statement", **auth),
            "expenses": api.get(f"/api/v1/budgets/fracties/{MISSING}/expenses", **auth),
            "record": api_post(f"/api/v1/budgets/fracties/{MISSING}/expenses", expense),
            "upload": api_post(
                f"/api/v1/budgets/fracties/{MISSING}/expenses/upload", upload(), multipart=True
            ),
            "answer": api_post(f"/api/v1/budgets/questions/{MISSING}/answer", answer),
            "decision": api_post(
                f"/api/v1/training/requests/{MISSING}/decision", {"approve": True}
            ),
            "withdraw": api_post(f"/api/v1/training/requests/{MISSING}/withdraw", {}),
            "page": web.get(f"/fractieondersteuning/{MISSING}/{year}/"),
            "pdf": web.get(f"/fractieondersteuning/{MISSING}/{year}/verantwoording.pdf"),
            "xlsx": web.get(f"/fractieondersteuning/{MISSING}/{year}/verantwoording.xlsx"),
            "question": web.get(f"/fractieondersteuning/vragen/{MISSING}/"),
            "proof": web.get(f"/fractieondersteuning/uitgaven/{MISSING}/bewijsstuk"),
        }
        probes = []
        for fractie in fracties:
            if sees_fractie_budget(viewer, fractie):
                continue
            base = f"/api/v1/budgets/fracties/{fractie.pk}"
            probes += [
                ("API GET", base + "/statement", api.get(base + "/statement", **auth), "statement"),
                ("API GET", base + "/expenses", api.get(base + "/expenses", **auth), "expenses"),
                ("API POST", base + "/expenses", api_post(base + "/expenses", expense), "record"),
                (
                    "API POST",
                    base + "/expenses/upload",
                    api_post(base + "/expenses/upload", upload(), multipart=True),
                    "upload",
                ),
            ]
            if not (
                sees_budget_overview(viewer) and fractie.municipality_id == viewer.municipality_id
            ):
                # The presidium may get an overview page of any fractie of its own municipality;
                # everyone else nothing.
                page = f"/fractieondersteuning/{fractie.pk}/{year}/"
                probes += [("web GET", page, web.get(page), "page")]
                for kind in ("pdf", "xlsx"):
                    url = f"{page}verantwoording.{kind}"
                    probes += [("web GET", url, web.get(url), kind)]
        for pk in attack.budget_ids("question"):
            rows = SpendingQuestion.objects.filter(pk=pk)
            if visible_questions(viewer, rows).exists():
                continue
            url = f"/api/v1/budgets/questions/{pk}/answer"
            probes += [("API POST", url, api_post(url, answer), "answer")]
            if not precedent_rows(viewer, rows):
                page = f"/fractieondersteuning/vragen/{pk}/"
                probes += [("web GET", page, web.get(page), "question")]
        for pk in attack.budget_ids("expense"):
            if visible_expenses(viewer, Expense.objects.filter(pk=pk)).exists():
                continue
            url = f"/fractieondersteuning/uitgaven/{pk}/bewijsstuk"
            probes += [("web GET", url, web.get(url), "proof")]
        for pk in attack.budget_ids("training"):
            if visible_training_requests(viewer, TrainingRequest.objects.filter(pk=pk)).exists():
                continue
            for action, data in (("decision", {"approve": True}), ("withdraw", {})):
                url = f"/api/v1/training/requests/{pk}/{action}"
                probes += [("API POST", url, api_post(url, data), action)]
        for surface, url, response, twin in probes:
            same_as_missing(response, missing[twin], f"{surface} {url} as {person.username}")
            counted[surface] += 1
    assert state_of_budgets() == before
    assert counted["API POST"] > 100 and counted["API GET"] > 100, dict(counted)
    print(f"\nIDOR budget probes: {dict(counted)}; all 404 and identical to a missing id")


# The outsider crawl: web pages by links, every API list page, searches aimed at the markers.
OUTSIDERS = {
    "member of another fractie": ("voorbeeld", "raadslid20"),
    # Budgets: the treasurer of another fractie, and a fractievoorzitter (presidium: totals
    # and the unclear cases only).
    "treasurer of another fractie": ("voorbeeld", "raadslid8"),
    "presidium (chair of another fractie)": ("voorbeeld", "raadslid12"),
    "member (other members' cases)": ("voorbeeld", "raadslid1"),
    "fractie employee": ("voorbeeld", "fractiemedewerker1"),
    "alderman": ("voorbeeld", "wethouder1"),
    "mayor": ("voorbeeld", "burgemeester"),
    "another manager": ("voorbeeld", "manager2"),
    "unassigned civil servant": ("voorbeeld", "ambtenaar2"),
    "routing officer": ("voorbeeld", "secretaris"),
    "college contact": ("voorbeeld", "collegecontact"),
    "functional administrator": ("voorbeeld", "beheerder"),
    "griffier of another municipality": ("domstede", "griffier"),
    "member of another municipality": ("domstede", "raadslid1"),
}
CRAWLED: dict[str, tuple[int, int]] = {}
# The texts the search reads (raadsloket.cases.search): the request and the answer.
SEARCHED = {"TITEL", "VRAAG", "ACHTERGROND", "ANTWOORD"}


def api_walk(client: Client, auth: dict, forbidden: dict[str, str], check) -> None:
    """Every API list page, the searches (aimed at every forbidden marker), details by id."""
    after = None
    while True:
        url = "/api/v1/cases?limit=3" + (f"&after={after}" if after else "")
        response = check(url, client.get(url, **auth))
        after = response.json()["next_after"]
        if after is None:
            break
    after = None
    while True:
        url = "/api/v1/notifications?limit=3" + (f"&after={after}" if after else "")
        response = check(url, client.get(url, **auth))
        after = response.json()["next_after"]
        if after is None:
            break
    for url in (
        "/api/v1/me",
        "/api/v1/written-questions/overview",
        "/api/v1/notifications?unread=true",
    ):
        check(url, client.get(url, **auth))
    for marker, what in forbidden.items():
        kind = what.split(" ", 1)[0]
        if kind not in SEARCHED:
            continue
        # A search hit on a word the reader may not see would tell them what the case says.
        response = check(
            f"/api/v1/cases?q={marker}", client.get("/api/v1/cases", {"q": marker}, **auth)
        )
        assert response.json()["items"] == [], f"search for {what} finds a case"
        if kind in ("VRAAG", "ANTWOORD"):
            check(
                f"/api/v1/similar?text={marker}",
                client.get("/api/v1/similar", {"text": f"Graag hulp {marker}"}, **auth),
            )
    for case_id in Case.objects.order_by("pk").values_list("pk", flat=True):
        for url in (f"/api/v1/cases/{case_id}", f"/api/v1/cases/{case_id}/timeline"):
            check(url, client.get(url, **auth))
    budget_walk(client, auth, check)


BUDGET_LISTS = (
    "/api/v1/budgets/fracties",
    "/api/v1/budgets/unclear",
    "/api/v1/budgets/precedents",
    "/api/v1/budgets/categories",
    "/api/v1/training/budget",
    "/api/v1/budgets/questions?state=open",
    "/api/v1/training/requests?status=approved",
)


def budget_walk(client: Client, auth: dict, check) -> None:
    """Every budget list (by page), and every fractie's statement and expenses by id."""
    for url in BUDGET_LISTS:
        check(url, client.get(url, **auth))
    for base in ("/api/v1/budgets/questions", "/api/v1/training/requests"):
        after = None
        while True:
            url = f"{base}?limit=2" + (f"&after={after}" if after else "")
            response = check(url, client.get(url, **auth))
            after = response.json()["next_after"]
            if after is None:
                break
    for fractie_id in Fractie.objects.order_by("pk").values_list("pk", flat=True):
        for path in ("statement", "expenses"):
            url = f"/api/v1/budgets/fracties/{fractie_id}/{path}"
            check(url, client.get(url, **auth))


@pytest.mark.parametrize("role", OUTSIDERS)
def test_an_outsider_crawling_web_and_api_reads_nothing_hidden(attack, role, settings):
    # The crawl searches every hidden marker, far above a person's 30 searches a minute; the
    # limit has its own test (tests/cases/test_search_side_channel.py).
    settings.SEARCHES_PER_MINUTE = 100_000
    where, username = OUTSIDERS[role]
    person = getattr(attack, where)[username]
    forbidden = attack.forbidden_markers(person)
    assert forbidden
    leaks: list[str] = []
    counts = Counter()

    def check(url, response):
        assert response.status_code < 500, (url, response.status_code)
        counts["api"] += 1
        leaks.extend(
            f"{url} ({response.status_code}) shows {what}"
            for what in leaks_in(body(response), forbidden)
        )
        return response

    crawl = crawl_site(
        attack.web(person),
        ["/", "/meldingen/", *case_page_urls(attack.scenarios), *budget_urls(attack)],
    )
    for url, response, text in crawl.pages:
        assert response.status_code < 500, (url, response.status_code)
        leaks.extend(
            f"{url} ({response.status_code}) shows {what}" for what in leaks_in(text, forbidden)
        )
    api_walk(Client(), attack.bearer(person), forbidden, check)
    CRAWLED[role] = (len(crawl.pages), counts["api"])
    print(
        f"\noutsider crawl as {role} ({person.username}): {len(crawl.pages)} web pages, "
        f"{counts['api']} API calls, {len(forbidden)} forbidden markers, {len(leaks)} leaks"
    )
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks)


def test_the_crawl_would_notice_a_leak(attack):
    """An insider's crawl does contain the markers (the outsider crawl is not blind)."""
    scenario = next(
        s for s in attack.scenarios if s.state == "closed" and s.world is attack.voorbeeld
    )
    requester = Case.objects.get(pk=scenario.case_id).requester
    crawl = crawl_site(attack.web(requester), ["/", *case_page_urls(attack.scenarios)])
    seen = "".join(text for _, _, text in crawl.pages)
    for kind in ("TITEL", "VRAAG", "ANTWOORD", "DOEL"):
        assert scenario.marker(kind) in seen, kind
    found = (
        Client()
        .get("/api/v1/cases", {"q": scenario.marker("ANTWOORD")}, **attack.bearer(requester))
        .json()["items"]
    )
    assert [item["id"] for item in found] == [scenario.case_id]


def test_the_budget_walk_would_notice_a_leak(attack):
    """The griffie sees every Voorbeeld budget marker through the API (the walk is not blind),
    and the treasurer of the VVD their own lines."""
    griffier = attack.voorbeeld["griffier"]
    seen = []
    budget_walk(
        Client(),
        attack.bearer(griffier),
        lambda url, response: seen.append(body(response)) or response,
    )
    text = "".join(seen)
    voorbeeld = [m for m in attack.budget_marks if "DOMSTEDE" not in m.marker]
    assert voorbeeld and all(m.marker in text for m in voorbeeld), [
        m.marker for m in voorbeeld if m.marker not in text
    ]
    assert not any("DOMSTEDE" in m for m in seen)
