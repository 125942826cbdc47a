# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from raadsloket.written_questions import views

urlpatterns = [
    path("schriftelijke-vragen/", views.overview, name="written_questions"),
]
