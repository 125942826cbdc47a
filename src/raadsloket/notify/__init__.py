# SPDX-License-Identifier: EUPL-1.2
"""Notifications in the app and by e-mail, reminders and the daily summary.

The public entry is `from raadsloket.notify.send import send` (not re-exported here: this module
is imported while the apps load, before models may be).

Imports inside notify/ point one way, each module only at those before it:
  models → recipients → events → calendar → mail → send → delivery → receivers, reminders
  mail → digest;  reminders, digest → management/commands/reminders
and api, views, forms, templatetags read models, delivery and events. The mail task lives in
mail.py next to what it runs; the daily pass (reminders and digests) is the `reminders` command,
run by the timer (deploy/raadsloket-reminders.service), not a task.
"""
