# SPDX-License-Identifier: EUPL-1.2
"""After the load run: no lost update, no duplicate, an intact audit chain.

Every transition raises a case's version by one and writes one timeline event, and creation
writes the first event at version 1; so a case whose event count differs from its version lost
or doubled an update.
"""

import os
import sys

import django


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsloket.settings")
    django.setup()
    from django.db.models import Count

    from raadsloket.audit import chain
    from raadsloket.cases.models import Case

    cases = Case.objects.annotate(events=Count("timeline")).values_list("pk", "version", "events")
    wrong = [(pk, version, events) for pk, version, events in cases if version != events]
    total = Case.objects.count()
    states = dict(Case.objects.values_list("state").annotate(n=Count("pk")).order_by())
    print(f"Verzoeken na de belastingtest: {total}; per status: {states}")
    print(f"Verloren of dubbele wijzigingen: {len(wrong)}" + (f" {wrong[:10]}" if wrong else ""))
    findings = chain.verify()
    print("Auditketen: intact" if not findings else f"Auditketen: {len(findings)} breuken")
    return 1 if wrong or findings else 0


if __name__ == "__main__":
    sys.exit(main())
