# SPDX-License-Identifier: EUPL-1.2
"""What happened to a case, for those downstream (notifications) without importing them here.

Sent inside the transition's transaction: a receiver's rows roll back with the transition, and a
receiver that sends mail must wait for the commit (transaction.on_commit).
"""

from django.dispatch import Signal

# kwargs: case, action, actor, from_state, data (the cleaned form input), now.
transition_performed = Signal()
