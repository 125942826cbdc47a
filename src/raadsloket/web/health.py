# SPDX-License-Identifier: EUPL-1.2
"""Liveness for a load balancer or systemd: the process answers, nothing more.

It touches neither the database nor the session, so it is also the benchmark's floor: the cost
of Django's middleware and a response on this server (docs/scaling.md).
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def alive(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
