# SPDX-License-Identifier: EUPL-1.2
"""The shell's own page: each role's start page (web/start.py), read through the access layer."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from raadsloket.access.viewer import viewer_for
from raadsloket.audit.reads import record_list_read
from raadsloket.cases.lists import CaseList
from raadsloket.web import start


@login_required
def home(request):
    viewer = viewer_for(request.user)
    page = start.start_page(viewer, request.user)
    shown = [case for value in page.data.values() if isinstance(value, CaseList) for case in value]
    record_list_read(request.user, [(case, case.visible) for case in shown])
    return render(request, "web/home.html", {"page": page, **page.data})
