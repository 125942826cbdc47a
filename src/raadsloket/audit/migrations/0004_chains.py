# SPDX-License-Identifier: EUPL-1.2
"""One audit chain per municipality plus the national chain (SECURITY.md, the audit log).

The events written before this migration form one intact chain across all municipalities. They
are kept as they are, as the first part of the national chain (chain 0): re-sealing them into
per-municipality chains would recompute every hash, which is exactly the rewrite the chain is
there to expose, and a check of an older backup or printout against them would no longer match.
Their `municipality_id_ref` still says whose they were. New events go to the chain of their
municipality, which starts at number 1; events without a municipality continue the national one.

Each existing municipality gets its head row here, so the first event of a chain locks a row that
already exists; a municipality made later gets its head on first use (audit.chain._locked_head).
"""

from django.core.management.color import no_style
from django.db import migrations, models

GENESIS = "0" * 64


def create_heads(apps, schema_editor):
    AuditHead = apps.get_model("audit", "AuditHead")
    Municipality = apps.get_model("organisation", "Municipality")
    # Migration 0002 made the national head with an explicit id 1, which PostgreSQL's id
    # counter did not see: raise it first, or the next head would get id 1 too.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [AuditHead]):
            cursor.execute(statement)
    existing = set(AuditHead.objects.values_list("chain", flat=True))
    AuditHead.objects.bulk_create(
        AuditHead(chain=pk, seq=0, hash=GENESIS)
        for pk in Municipality.objects.values_list("pk", flat=True)
        if pk not in existing
    )


def drop_heads(apps, schema_editor):
    AuditHead = apps.get_model("audit", "AuditHead")
    AuditHead.objects.exclude(chain=0).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_actor_index"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="auditevent",
            options={"ordering": ["id"]},
        ),
        # Every event so far: the national chain, unchanged (see above).
        migrations.AddField(
            model_name="auditevent",
            name="chain",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="audithead",
            name="chain",
            field=models.PositiveBigIntegerField(default=0, unique=True),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(),
        ),
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(
                fields=("chain", "seq"), name="audit_event_chain_seq"
            ),
        ),
        migrations.RunPython(create_heads, drop_heads),
    ]
