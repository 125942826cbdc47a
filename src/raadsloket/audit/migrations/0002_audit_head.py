# SPDX-License-Identifier: EUPL-1.2
"""The chain's end marker exists from the start, so the first write costs no more than any other."""

from django.db import migrations


def create_head(apps, schema_editor):
    AuditHead = apps.get_model("audit", "AuditHead")
    AuditHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": "0" * 64})


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_head, migrations.RunPython.noop)]
