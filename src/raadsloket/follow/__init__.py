# SPDX-License-Identifier: EUPL-1.2
"""Volgen: a member follows a case or a register item, or a keyword, and hears of what changes.

A followed item's step (a register item's status, a case's next state, a written question's
answer) and a new item that matches a followed keyword reach the follower through
`raadsloket.notify.send` (in the app, by e-mail or in the daily summary, as they chose), and only
when the access layer lets that follower see it at the moment of sending
(raadsloket.access.follow).
"""
