# SPDX-License-Identifier: EUPL-1.2
"""Publication the Woo way: public pages, a DiWoo sitemap and an ORI-shaped JSON feed.

What is public is decided in raadsloket.access.publication; this app only shows it, without a
login, to anyone (Wet open overheid, art. 3.1 and 3.3: active publication).

Each kind of public item comes from a *source*: a function that, given a municipality and the
day, yields `PublicItem` records (sources.py): kind, id, title, date, summary, sections of text,
url, DiWoo informatiecategorie, the people it names and its documents. The pages, the sitemap and
the feed read nothing else, so a source never needs to know about XML or JSON.

Two sources ship: the written questions with their published answers (written.py) and the
public reflection reports (reports.py), registered in PublicationConfig.ready.

How a register app (moties, amendementen, toezeggingen, initiatiefvoorstellen) plugs in, without
this app importing it:

    # registers/apps.py
    class RegistersConfig(AppConfig):
        def ready(self):
            from raadsloket.publication.sources import Source, register_source
            from raadsloket.registers.public import public_motions, find_motion

            register_source(Source("motie", "Moties", public_motions, find_motion))

where `public_motions(municipality, today)` yields PublicItem records of the motions the access
layer (raadsloket.access, e.g. a `public_motions` queryset there) calls public, each with the
informatiecategorie `VERGADERSTUKKEN` (diwoo.py) and `ori_type="Motion"`, and
`find_motion(municipality, item_id, today)` returns one or None. The source's kind is its URL
segment (/openbaar/<gemeente>/motie/<id>/), its DiWoo sitemap and its `@type` in the feed follow.
"""
