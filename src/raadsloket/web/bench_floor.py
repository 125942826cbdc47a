# SPDX-License-Identifier: EUPL-1.2
"""The benchmark's second floor: the cheapest authenticated page Django can serve here.

A session read from the session store, the user from the auth middleware, one query for 20 rows
and a small template: what any Django page on this server costs before raadsloket's own work
(docs/scaling.md, "Floors"). Only with BENCH_FLOOR=true, which settings.py allows on a benchmark
database only; otherwise a 404 as for a page that does not exist. No access decision and no
audit event: the rows are titles of the bench's generated data, never shown to a person.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from raadsloket.cases.models import NEWEST_FIRST, Case

ROWS = 20


@login_required
@require_safe
def floor(request):
    if not settings.BENCH_FLOOR:
        raise Http404("Niet gevonden")
    rows = (
        Case.objects.filter(municipality_id=request.user.municipality_id)
        .order_by(*NEWEST_FIRST)
        .values_list("pk", "title", "state")[:ROWS]
    )
    return render(request, "web/bench_floor.html", {"rows": rows})
