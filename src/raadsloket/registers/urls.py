# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "registers/" (namespace "registers")."""

from django.urls import path

from raadsloket.registers import views

app_name = "registers"

urlpatterns = [
    path("", views.index, name="index"),
    path("tijdigheid", views.figures, name="figures"),
    path("importeren", views.import_register, name="import"),
    path("koppelingen/<slug:kind>/<int:pk>", views.link_add, name="link_add"),
    path(
        "koppelingen/<slug:kind>/<int:pk>/verwijderen/<int:link_id>",
        views.link_remove,
        name="link_remove",
    ),
    path("<slug:slug>/", views.register_list, name="list"),
    path("<slug:slug>/nieuw", views.new, name="new"),
    path("<slug:slug>/<int:pk>", views.detail, name="detail"),
    path("<slug:slug>/<int:pk>/collegebrief", views.letter, name="letter"),
    path("<slug:slug>/<int:pk>/<slug:name>", views.action, name="action"),
]
