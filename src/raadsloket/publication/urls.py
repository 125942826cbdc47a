# SPDX-License-Identifier: EUPL-1.2
"""Mounted by the project under "openbaar/" (namespace "publication")."""

from django.urls import path, re_path

from raadsloket.publication import views

app_name = "publication"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.municipality_page, name="municipality"),
    re_path(
        r"^(?P<slug>[-\w]+)/sitemaps/sitemapindex-diwoo-(?P<infocat>infocat\d{3})\.xml$",
        views.sitemap_index,
        name="sitemap_index",
    ),
    re_path(
        r"^(?P<slug>[-\w]+)/sitemaps/sitemap-diwoo-(?P<infocat>infocat\d{3})-(?P<page>\d{1,5})\.xml$",
        views.sitemap_page,
        name="sitemap",
    ),
    path("<slug:slug>/<slug:kind>/<str:item_id>/", views.item_page, name="item"),
]
